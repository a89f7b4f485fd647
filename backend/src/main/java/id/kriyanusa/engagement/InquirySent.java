package id.kriyanusa.engagement;

/**
 * A buyer sent an inquiry to a brand about a product: for counting, so without who sent
 * it or what it says.
 */
public record InquirySent(long brandId, long productId) {
}
