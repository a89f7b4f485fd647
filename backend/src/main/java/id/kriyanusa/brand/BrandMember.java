package id.kriyanusa.brand;

import java.time.OffsetDateTime;

/** An account that may change a brand. */
public record BrandMember(long brandId, long accountId, OffsetDateTime joinedAt) {
}
