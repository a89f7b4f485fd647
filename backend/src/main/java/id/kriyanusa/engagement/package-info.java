/**
 * Engagement: buyers' inquiries and requests for quote to a brand about its products or
 * the brand as a whole, the brand members' inbox, the thread of replies and notification
 * mail; buyers' favourites; taps on the WhatsApp buttons. The buyer's contact reaches the
 * brand only once it replied. Publishes {@code InquirySent}, {@code InquiryAnswered} and
 * {@code WhatsAppTapped} (counts only, no personal data) for the department's insights;
 * on identity's {@code AccountEmailVerified}, a guest's inquiries become the account's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement",
        allowedDependencies = { "platform", "brand", "catalog", "identity" })
package id.kriyanusa.engagement;
