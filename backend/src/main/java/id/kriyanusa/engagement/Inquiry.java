package id.kriyanusa.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A buyer's question or request for quote to a brand about one of its products
 * ({@code productId} null once the product was deleted) or about the brand as a whole,
 * with the thread of replies in order. The buyer is an account ({@code senderId}) or a
 * guest ({@code guest}), whose inquiry also gets the account as sender once an account
 * proved the guest's address; the brand still sees the guest's name and address.
 * {@code quantityUnit} is what the quantity counts (null for a plain number);
 * {@code contact} is the WhatsApp or phone number for those reply channels;
 * {@code language} the one of the page it was written on.
 */
public record Inquiry(long id, long brandId, InquirySubject subject, Long productId, Long senderId, InquiryGuest guest,
        Integer quantity, QuantityUnit quantityUnit, LocalDate neededBy, String message, ReplyChannel replyChannel,
        String contact, Locale language, InquiryStatus status, OffsetDateTime sentAt, OffsetDateTime answeredAt,
        OffsetDateTime closedAt, List<InquiryReply> replies) {

    public boolean answered() {
        return answeredAt != null;
    }

    /** Whether the account sent it. */
    public boolean sentBy(Long accountId) {
        return accountId != null && accountId.equals(senderId);
    }

    public Inquiry withReplies(List<InquiryReply> thread) {
        return new Inquiry(id, brandId, subject, productId, senderId, guest, quantity, quantityUnit, neededBy, message,
                replyChannel, contact, language, status, sentAt, answeredAt, closedAt, thread);
    }

}
