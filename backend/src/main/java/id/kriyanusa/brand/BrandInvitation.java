package id.kriyanusa.brand;

import java.time.OffsetDateTime;

/**
 * An invitation to join a brand, addressed to an email; its token is shown only to the
 * addressee and the members.
 */
public record BrandInvitation(long id, long brandId, String brandName, String brandSlug, String email, String token,
        OffsetDateTime createdAt, OffsetDateTime expiresAt) {
}
