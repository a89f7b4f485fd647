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
 * The public pages of a village, a brand and a product, at short Indonesian URLs that
 * search engines index. Each page is one GraphQL document run in process, so a page shows
 * exactly what the API shows the visitor.
 */
@Controller
class StorefrontPageController {

    private final GraphQlClient graphQl;

    private final PageText text;

    private final StructuredData structuredData;

    StorefrontPageController(GraphQlClient graphQl, PageText text, StructuredData structuredData) {
        this.graphQl = graphQl;
        this.text = text;
        this.structuredData = structuredData;
    }

    @GetMapping("/desa/{slug}")
    String village(@PathVariable String slug, Model model) {
        return page("villagePage", "village", slug, InputErrors.MAX_SLUG, model);
    }

    @GetMapping("/merek/{slug}")
    String brand(@PathVariable String slug, Model model) {
        return page("brandPage", "brand", slug, InputErrors.MAX_SLUG, model);
    }

    @GetMapping("/produk/{slug}")
    String product(@PathVariable String slug, Model model) {
        return page("productPage", "product", slug, InputErrors.MAX_PRODUCT_SLUG, model);
    }

    /**
     * Runs the page's document; a missing or hidden object is a 404, like a URL that
     * never existed.
     */
    private String page(String document, String field, String slug, int longest, Model model) {
        if (slug.length() > longest || !InputErrors.SLUG.matcher(slug).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> found = graphQl.documentName(document)
            .variable("slug", slug)
            .retrieveSync(field)
            .toEntity(Map.class);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute(field, found);
        model.addAttribute("pageMeta", PageMeta.of(field, found, text));
        model.addAttribute("structuredData", structuredData.of(field, found));
        return "pages/" + field;
    }

}
