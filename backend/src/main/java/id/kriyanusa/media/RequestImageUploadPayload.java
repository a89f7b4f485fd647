package id.kriyanusa.media;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The upload granted, or what is wrong with the request. */
public record RequestImageUploadPayload(ImageUpload upload, List<UserError> userErrors) {

    static RequestImageUploadPayload failed(List<UserError> errors) {
        return new RequestImageUploadPayload(null, List.copyOf(errors));
    }
}
