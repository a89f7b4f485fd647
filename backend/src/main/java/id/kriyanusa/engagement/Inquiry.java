package id.kriyanusa.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A buyer's question or request for quote to a brand about one of its products
 * ({@code productId} null once the product was deleted) or about the brand as a whole,
 * with the thread of replies in order. {@code contact} is the WhatsApp or phone number
 * for those reply channels.
 */
public record Inquiry(long id, long brandId, InquirySubject subject, Long productId, long senderId, Integer quantity,
        LocalDate neededBy, String message, ReplyChannel replyChannel, String contact, InquiryStatus status,
        OffsetDateTime sentAt, OffsetDateTime answeredAt, OffsetDateTime closedAt, List<InquiryReply> replies) {

    public boolean answered() {
        return answeredAt != null;
    }

}
