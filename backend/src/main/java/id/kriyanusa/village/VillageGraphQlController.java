package id.kriyanusa.village;

import java.util.List;

import id.kriyanusa.platform.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class VillageGraphQlController {

    private final Villages villages;

    VillageGraphQlController(Villages villages) {
        this.villages = villages;
    }

    @QueryMapping
    List<Village> villages() {
        return villages.all();
    }

    @QueryMapping
    Village village(@Argument String slug) {
        return villages.bySlug(slug).orElse(null);
    }

    @SchemaMapping(typeName = "Village", field = "id")
    String id(Village village) {
        return new GlobalId("Village", village.id()).encode();
    }
}
