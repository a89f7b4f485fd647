/**
 * Engagement: buyers' inquiries and requests for quote to a brand about its products, the
 * brand members' inbox, replies and notification mail. The buyer's contact reaches the
 * brand only once it replied. Publishes {@code InquirySent} and {@code InquiryAnswered}
 * (counts only, no personal data) for the department's insights.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement",
        allowedDependencies = { "platform", "brand", "catalog", "identity" })
package id.kriyanusa.engagement;
