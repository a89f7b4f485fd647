package id.kriyanusa.search;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.village.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class BrandAndVillageSearchGraphQlController {

    private final BrandAndVillageSearch search;

    BrandAndVillageSearchGraphQlController(BrandAndVillageSearch search) {
        this.search = search;
    }

    @QueryMapping
    SearchConnection<Brand> searchBrands(@Argument String query, @Argument BrandSearchFilter filter,
            ScrollSubrange page) {
        return search.brands(query, filter, OffsetPage.of(page));
    }

    @QueryMapping
    SearchConnection<Village> searchVillages(@Argument String query, @Argument VillageSearchFilter filter,
            ScrollSubrange page) {
        return search.villages(query, filter, OffsetPage.of(page));
    }

}
