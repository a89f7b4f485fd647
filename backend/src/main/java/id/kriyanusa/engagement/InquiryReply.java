package id.kriyanusa.engagement;

import java.time.OffsetDateTime;

/**
 * A message in an inquiry's thread after the buyer's first: a brand member's answer,
 * shown as the brand's, or the buyer writing back ({@code byBuyer}).
 */
public record InquiryReply(long id, long inquiryId, String message, boolean byBuyer, OffsetDateTime sentAt) {
}
