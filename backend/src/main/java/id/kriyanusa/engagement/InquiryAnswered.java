package id.kriyanusa.engagement;

/**
 * A brand answered an inquiry; {@code firstAnswer} for the reply that answered it (the
 * others follow up), for counting answered inquiries and replies without personal data.
 */
public record InquiryAnswered(long inquiryId, long brandId, Long productId, boolean firstAnswer) {
}
