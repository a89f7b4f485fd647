package id.kriyanusa.engagement;

/**
 * A buyer sent an inquiry to a brand about a product, or about the brand as a whole
 * ({@code productId} null): for counting, so without who sent it or what it says; its id
 * lets a count delivered twice count once.
 */
public record InquirySent(long inquiryId, long brandId, Long productId) {
}
