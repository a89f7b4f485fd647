package id.kriyanusa.brand;

/**
 * A curator decided on a brand's verification: verified it (or reinstated it), sent it
 * back to DRAFT with what to fix, or suspended it with a reason. Published in the
 * deciding transaction, besides {@link BrandChanged}; {@code note} is the curator's, when
 * given.
 */
public record BrandVerificationDecided(long brandId, String brandName, BrandVerificationStatus decision, String note) {
}
