package id.kriyanusa.engagement;

/**
 * A buyer without an account: the name the brand sees and the address the confirmation
 * link and the brand's replies are mailed to.
 */
public record InquiryGuest(String name, String email) {
}
