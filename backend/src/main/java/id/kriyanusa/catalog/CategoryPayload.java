package id.kriyanusa.catalog;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of changing a category: the category as saved, or what to fix. */
public record CategoryPayload(Category category, List<UserError> userErrors) {

    static CategoryPayload of(Category category) {
        return new CategoryPayload(category, List.of());
    }

    static CategoryPayload failed(List<UserError> errors) {
        return new CategoryPayload(null, errors);
    }

}
