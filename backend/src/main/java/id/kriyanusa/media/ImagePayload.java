package id.kriyanusa.media;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/** The verified image, now attached to its target, or why it was refused. */
public record ImagePayload(Image image, List<UserError> userErrors) {

    static ImagePayload of(Image image) {
        return new ImagePayload(image, List.of());
    }

    static ImagePayload failed(List<UserError> errors) {
        return new ImagePayload(null, List.copyOf(errors));
    }

    static ImagePayload failed(String field, UserErrorCode code, String message) {
        return failed(List.of(UserError.of(field, code, message)));
    }
}
