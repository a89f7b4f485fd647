package id.kriyanusa.engagement;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of an inquiry mutation: the inquiry as saved, or what to fix. */
public record InquiryPayload(Inquiry inquiry, List<UserError> userErrors) {

    /**
     * A dry run's answer when the change would be made: nothing was, and nothing is left
     * to fix.
     */
    static InquiryPayload acceptable() {
        return new InquiryPayload(null, List.of());
    }

    static InquiryPayload failed(List<UserError> errors) {
        return new InquiryPayload(null, errors);
    }

}
