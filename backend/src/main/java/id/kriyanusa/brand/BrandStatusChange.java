package id.kriyanusa.brand;

import java.time.OffsetDateTime;

/** One change of a brand's verification status: who, when, from, to and why. */
public record BrandStatusChange(long brandId, Long changedBy, OffsetDateTime changedAt, BrandVerificationStatus from,
        BrandVerificationStatus to, String note) {
}
