package id.kriyanusa.engagement;

import java.time.OffsetDateTime;

/** A brand member's answer to an inquiry, shown as the brand's. */
public record InquiryReply(long id, long inquiryId, String message, OffsetDateTime sentAt) {
}
