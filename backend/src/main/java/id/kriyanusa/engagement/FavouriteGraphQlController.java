package id.kriyanusa.engagement;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.platform.security.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class FavouriteGraphQlController {

    /** The product or brand to save or remove. */
    record FavouriteInput(String subjectId) {
    }

    private final Favourites favourites;

    FavouriteGraphQlController(Favourites favourites) {
        this.favourites = favourites;
    }

    @QueryMapping
    Favourites.Saved myFavourites() {
        return favourites.mine();
    }

    @MutationMapping
    FavouritePayload addFavourite(@Argument FavouriteInput input) {
        return favourites.add(input.subjectId());
    }

    @MutationMapping
    FavouritePayload removeFavourite(@Argument FavouriteInput input) {
        return favourites.remove(input.subjectId());
    }

    @BatchMapping(typeName = "Product", field = "viewerHasFavourited")
    Map<Product, Boolean> productFavourited(List<Product> list) {
        return flags(list, Product::id, favourites::savedProducts);
    }

    @BatchMapping(typeName = "Brand", field = "viewerHasFavourited")
    Map<Brand, Boolean> brandFavourited(List<Brand> list) {
        return flags(list, Brand::id, favourites::savedBrands);
    }

    /** Null (no entry) for signed-out callers, who have no favourites to tell. */
    private static <T> Map<T, Boolean> flags(List<T> list, Function<T, Long> id,
            Function<List<Long>, Set<Long>> saved) {
        if (Caller.current().accountId() == null) {
            return Map.of();
        }
        var ids = saved.apply(list.stream().map(id).toList());
        return list.stream().distinct().collect(Collectors.toMap(item -> item, item -> ids.contains(id.apply(item))));
    }

}
