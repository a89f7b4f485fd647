package id.kriyanusa.brand;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class NamedArtisanGraphQlController {

    private final NamedArtisans artisans;

    NamedArtisanGraphQlController(NamedArtisans artisans) {
        this.artisans = artisans;
    }

    /** One lookup for the artisans of all brands in the response. */
    @BatchMapping(typeName = "Brand", field = "namedArtisans")
    Map<Brand, List<NamedArtisan>> namedArtisans(List<Brand> brands) {
        return artisans.of(brands);
    }

    @MutationMapping
    BrandPayload updateNamedArtisans(@Argument NamedArtisans.UpdateInput input) {
        return artisans.replace(BrandId.decode(input.brandId()), input);
    }

}
