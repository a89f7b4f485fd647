package id.kriyanusa.brand;

/**
 * A brand's profile or verification status changed, which may change how its products are
 * listed and found. Published in the changing transaction. {@code version} is the brand's
 * version after the change, when known.
 */
public record BrandChanged(long brandId, long version) {
}
