package id.kriyanusa.search;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.platform.graphql.PageRequest;
import id.kriyanusa.village.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class BrandAndVillageSearchGraphQlController {

    private final BrandAndVillageSearch search;

    BrandAndVillageSearchGraphQlController(BrandAndVillageSearch search) {
        this.search = search;
    }

    @QueryMapping
    SearchPage<Brand> searchBrands(@Argument String query, @Argument BrandSearchFilter filter, @Argument Integer first,
            @Argument String after) {
        return search.brands(query, filter, PageRequest.of(first, after));
    }

    @QueryMapping
    SearchPage<Village> searchVillages(@Argument String query, @Argument VillageSearchFilter filter,
            @Argument Integer first, @Argument String after) {
        return search.villages(query, filter, PageRequest.of(first, after));
    }

}
