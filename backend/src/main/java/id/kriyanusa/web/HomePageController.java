package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.kriyanusa.platform.LocalizedText;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The storefront's home page: the portal's promise, the curators' published collections
 * and the villages whose crafts it carries.
 */
@Controller
class HomePageController {

    private final GraphQlClient graphQl;

    HomePageController(GraphQlClient graphQl) {
        this.graphQl = graphQl;
    }

    @GetMapping("/")
    String home(Model model) {
        var page = graphQl.documentName("homePage").executeSync();
        var villages = page.field("villages.edges").toEntityList(VillageEdge.class);
        model.addAttribute("villages", villages.stream().map(VillageEdge::node).toList());
        model.addAttribute("collections", page.field("collections.edges").toEntityList(Map.class));
        model.addAttribute("crafts", crafts(page.field("categories").toEntityList(Map.class)));
        return "pages/home";
    }

    /** The categories' names, top-level and sub-categories, by their Indonesian. */
    private static List<Map<String, ?>> crafts(List<Map> categories) {
        var names = new ArrayList<Map<String, ?>>();
        for (Map<String, ?> category : categories) {
            names.add((Map<String, ?>) category.get("name"));
            for (var child : (List<Map<String, ?>>) category.get("children")) {
                names.add((Map<String, ?>) child.get("name"));
            }
        }
        return names;
    }

    record VillageEdge(VillageCard node) {
    }

    record VillageCard(String slug, String name, Map<String, String> regencyName, boolean modelVillage,
            List<String> specialities, LocalizedText description) {
    }

}
