package id.kriyanusa.web;

import java.util.Map;

import id.kriyanusa.platform.graphql.InputErrors;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A curated collection's public page, `/koleksi/{slug}`: its story and its products in
 * the curator's order. The API decides what the visitor sees, so an unpublished
 * collection is a 404 for buyers and a preview for curators.
 */
@Controller
class CollectionPageController {

    private final GraphQlClient graphQl;

    CollectionPageController(GraphQlClient graphQl) {
        this.graphQl = graphQl;
    }

    @GetMapping("/koleksi/{slug}")
    String collection(@PathVariable String slug, Model model) {
        if (slug.length() > 80 || !InputErrors.SLUG.matcher(slug).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<?, ?> collection = graphQl.documentName("collectionPage")
            .variable("slug", slug)
            .retrieveSync("collection")
            .toEntity(Map.class);
        if (collection == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("collection", collection);
        return "pages/collection";
    }

}
