package id.kriyanusa.engagement;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of an inquiry mutation: the inquiry as saved, or what to fix. */
public record InquiryPayload(Inquiry inquiry, List<UserError> userErrors) {

    static InquiryPayload failed(List<UserError> errors) {
        return new InquiryPayload(null, errors);
    }

}
