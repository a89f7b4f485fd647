package id.kriyanusa.catalog;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of a change to a product. */
public record ProductPayload(Product product, List<UserError> userErrors) {

    static ProductPayload of(Product product) {
        return new ProductPayload(product, List.of());
    }

    /**
     * A dry run's answer when the change would be made: nothing was, and nothing is left
     * to fix.
     */
    static ProductPayload acceptable() {
        return new ProductPayload(null, List.of());
    }

    static ProductPayload failed(List<UserError> errors) {
        return new ProductPayload(null, List.copyOf(errors));
    }

    static ProductPayload failed(UserError error) {
        return failed(List.of(error));
    }
}
