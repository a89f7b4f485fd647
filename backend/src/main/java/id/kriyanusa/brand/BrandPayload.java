package id.kriyanusa.brand;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of a change to a brand. */
public record BrandPayload(Brand brand, List<UserError> userErrors) {

    static BrandPayload of(Brand brand) {
        return new BrandPayload(brand, List.of());
    }

    /**
     * A dry run's answer when the change would be made: nothing was, and nothing is left
     * to fix.
     */
    static BrandPayload acceptable() {
        return new BrandPayload(null, List.of());
    }

    static BrandPayload failed(List<UserError> errors) {
        return new BrandPayload(null, List.copyOf(errors));
    }

    static BrandPayload failed(UserError error) {
        return failed(List.of(error));
    }
}
