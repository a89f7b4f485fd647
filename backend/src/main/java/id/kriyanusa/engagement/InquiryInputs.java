package id.kriyanusa.engagement;

import java.time.LocalDate;

/** What buyers and brand members send about inquiries. */
public final class InquiryInputs {

    private InquiryInputs() {
    }

    /**
     * A buyer's inquiry about a product; {@code contact} for WhatsApp and phone replies.
     */
    public record Send(String productId, Integer quantity, LocalDate neededBy, String message,
            ReplyChannel replyChannel, String contact) {
    }

    public record Reply(String inquiryId, String message) {
    }

    public record Close(String inquiryId) {
    }

}
