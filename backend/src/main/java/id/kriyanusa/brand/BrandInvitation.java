package id.kriyanusa.brand;

import java.time.OffsetDateTime;

/**
 * An invitation to join a brand, addressed to an email. Its token is the secret of the
 * invitation link and is shown only to the brand's members, who send the link to the
 * invitee: whoever signs up with the invited address (addresses are not verified) still
 * needs the link to join.
 */
public record BrandInvitation(long id, long brandId, String brandName, String brandSlug, String email, String token,
        OffsetDateTime createdAt, OffsetDateTime expiresAt) {

    /** The invitation as its addressee sees it: without the link's secret. */
    public BrandInvitation withoutToken() {
        return new BrandInvitation(id, brandId, brandName, brandSlug, email, null, createdAt, expiresAt);
    }

}
