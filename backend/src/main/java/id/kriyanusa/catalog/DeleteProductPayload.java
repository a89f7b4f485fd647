package id.kriyanusa.catalog;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of deleting a product: its id, or why nothing was deleted. */
public record DeleteProductPayload(String deletedProductId, List<UserError> userErrors) {

    static DeleteProductPayload failed(UserError error) {
        return new DeleteProductPayload(null, List.of(error));
    }
}
