package id.kriyanusa.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The search page, `/cari`: a plain GET form (works without JavaScript and on slow phones) whose results, facet
 * counts and spelling suggestion come from the API's `searchProducts`.
 */
@Controller
class SearchPageController {

    /** What the visitor asked for, as it appears in the page's address. */
    record SearchForm(String q, List<String> kategori, List<String> desa, List<String> bahan, String hargaMin, String hargaMaks,
            String urut, String setelah) {

        /** The API request; a price typed into the address that is no whole number throws NumberFormatException. */
        Map<String, Object> variables() {
            var filter = new HashMap<String, Object>();
            putIfPresent(filter, "categories", kategori);
            putIfPresent(filter, "villages", desa);
            putIfPresent(filter, "materials", bahan);
            putIfPresent(filter, "priceMin", price(hargaMin));
            putIfPresent(filter, "priceMax", price(hargaMaks));
            var variables = new HashMap<String, Object>();
            putIfPresent(variables, "query", q == null || q.isBlank() ? null : q.strip());
            variables.put("filter", filter);
            variables.put("sort", sort());
            putIfPresent(variables, "after", setelah);
            return variables;
        }

        String sort() {
            return switch (urut == null ? "" : urut) {
                case "terbaru" -> "NEWEST";
                case "termurah" -> "PRICE_ASC";
                case "termahal" -> "PRICE_DESC";
                default -> q == null || q.isBlank() ? "NEWEST" : "RELEVANCE";
            };
        }

        public boolean chosen(String facet, String value) {
            var values = switch (facet) {
                case "kategori" -> kategori;
                case "desa" -> desa;
                default -> bahan;
            };
            return values != null && values.contains(value);
        }

        private static Integer price(String rupiah) {
            return rupiah == null || rupiah.isBlank() ? null : Integer.valueOf(rupiah.strip());
        }

        private static void putIfPresent(Map<String, Object> map, String key, Object value) {
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                map.put(key, value);
            }
        }
    }

    private final GraphQlClient graphQl;

    SearchPageController(GraphQlClient graphQl) {
        this.graphQl = graphQl;
    }

    @GetMapping("/cari")
    String search(@ModelAttribute("form") SearchForm form, Model model) {
        Map<String, Object> variables;
        try {
            variables = form.variables();
        }
        catch (NumberFormatException e) {
            model.addAttribute("problem", true);
            return "pages/search";
        }
        ClientGraphQlResponse response = graphQl.documentName("searchPage").variables(variables).executeSync();
        // the API refused the input (for example a negative price): show the form again with a message
        if (!response.isValid() || !response.getErrors().isEmpty()) {
            model.addAttribute("problem", true);
            return "pages/search";
        }
        model.addAttribute("results", response.field("searchProducts").toEntity(Map.class));
        model.addAttribute("categoryNames", categoryNames(response.field("categories").toEntityList(Map.class)));
        model.addAttribute("villageNames", villageNames(response.field("villages.edges").toEntityList(Map.class)));
        return "pages/search";
    }

    /** Facets name categories by slug: the page shows their names, in both languages. */
    private static Map<String, Object> categoryNames(List<Map> tree) {
        var names = new LinkedHashMap<String, Object>();
        for (var top : tree) {
            names.put((String) top.get("slug"), top.get("name"));
            for (var child : (List<Map<String, Object>>) top.get("children")) {
                names.put((String) child.get("slug"), child.get("name"));
            }
        }
        return names;
    }

    private static Map<String, Object> villageNames(List<Map> edges) {
        var names = new LinkedHashMap<String, Object>();
        for (var edge : edges) {
            var node = (Map<String, Object>) edge.get("node");
            names.put((String) node.get("slug"), node.get("name"));
        }
        return names;
    }
}
