package id.kriyanusa.catalog;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of changing a category: the category as saved, or what to fix. */
public record CategoryPayload(Category category, List<UserError> userErrors) {

    static CategoryPayload of(Category category) {
        return new CategoryPayload(category, List.of());
    }

    /**
     * A dry run's answer when the change would be made: nothing was, and nothing is left
     * to fix.
     */
    static CategoryPayload acceptable() {
        return new CategoryPayload(null, List.of());
    }

    static CategoryPayload failed(List<UserError> errors) {
        return new CategoryPayload(null, errors);
    }

}
