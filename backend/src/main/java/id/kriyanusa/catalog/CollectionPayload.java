package id.kriyanusa.catalog;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/** The result of changing a collection: the collection as saved, or what to fix. */
public record CollectionPayload(ProductCollection collection, List<UserError> userErrors) {

    static CollectionPayload of(ProductCollection collection) {
        return new CollectionPayload(collection, List.of());
    }

    static CollectionPayload failed(List<UserError> errors) {
        return new CollectionPayload(null, errors);
    }

    static CollectionPayload conflict() {
        return failed(List.of(new UserError("input.expectedVersion",
                "Someone else changed this collection first; reload it and apply your change again",
                UserErrorCode.CONFLICT)));
    }
}
