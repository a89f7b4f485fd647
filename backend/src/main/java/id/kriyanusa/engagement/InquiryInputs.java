package id.kriyanusa.engagement;

import java.time.LocalDate;

/** What buyers and brand members send about inquiries. */
public final class InquiryInputs {

    private InquiryInputs() {
    }

    /**
     * A buyer's inquiry about a product, or about a brand as a whole when
     * {@code productId} is null; {@code contact} for WhatsApp and phone replies;
     * {@code guest} for a buyer who is not signed in.
     */
    public record Send(String productId, String brandId, Integer quantity, QuantityUnit quantityUnit,
            LocalDate neededBy, String message, ReplyChannel replyChannel, String contact, InquiryGuest guest) {
    }

    /** The secret of the link mailed to a guest to confirm their inquiry. */
    public record Confirm(String token) {
    }

    public record Reply(String inquiryId, String message) {
    }

    /** The buyer's message in the thread of their inquiry, after the brand replied. */
    public record WriteBack(String inquiryId, String message) {
    }

    /**
     * The buyer's message back in the thread of their inquiry, through the secret of the
     * thread link mailed to them.
     */
    public record WriteBackThroughLink(String token, String message) {
    }

    public record Close(String inquiryId) {
    }

}
