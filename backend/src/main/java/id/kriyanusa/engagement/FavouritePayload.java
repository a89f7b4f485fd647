package id.kriyanusa.engagement;

import java.util.List;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.platform.graphql.UserError;

/**
 * The result of saving or removing a favourite: the product or the brand (when the caller
 * may still see it), or what to fix.
 */
public record FavouritePayload(Product product, Brand brand, List<UserError> userErrors) {

    static FavouritePayload failed(List<UserError> errors) {
        return new FavouritePayload(null, null, errors);
    }

}
