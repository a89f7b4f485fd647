package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's collections, `/kelola/koleksi`, for curators: make a collection (title
 * and story in both languages, optionally one village's), find products with the
 * storefront's search and add them, put them in order with up and down buttons, remove
 * them, and publish or hide the collection. Every change is one form post, so it works
 * without JavaScript; the API's collection mutations decide.
 */
@Controller
class CollectionConsolePageController {

    private static final String COLLECTIONS = "/kelola/koleksi";

    private static final String COLLECTION = COLLECTIONS + "/{id:[A-Za-z0-9_-]{1,100}}";

    /** The API's fields by the inputs that hold them, so a problem shows by its input. */
    private static final Map<String, String> INPUTS = Map.of("input.title.indonesian", "titleId", "input.title.english",
            "titleEn", "input.story.indonesian", "storyId", "input.story.english", "storyEn", "input.slug", "slug",
            "input.villageSlug", "villageSlug", "input.productIds", "produk");

    /** The collection form as typed; an empty slug is made from the title. */
    record CollectionForm(String titleId, String titleEn, String storyId, String storyEn, String slug,
            String villageSlug, String versi) {

        static final CollectionForm EMPTY = new CollectionForm(null, null, null, null, null, null, null);

        static CollectionForm of(Map<String, Object> collection) {
            var title = (Map<String, Object>) collection.get("title");
            var story = (Map<String, Object>) collection.get("story");
            var village = (Map<String, Object>) collection.get("village");
            return new CollectionForm((String) title.get("indonesian"), (String) title.get("english"),
                    story == null ? null : (String) story.get("indonesian"),
                    story == null ? null : (String) story.get("english"), (String) collection.get("slug"),
                    village == null ? null : (String) village.get("slug"), String.valueOf(collection.get("version")));
        }

    }

    /**
     * The product search the editor shows: the words typed and the cursor of the page of
     * results (null for the first), both as the page's address carries them.
     */
    record Search(String typed, String after) {

        static final Search NONE = new Search(null, null);

        Search {
            after = blank(after) ? null : after;
        }

        boolean asked() {
            return !blank(typed);
        }

        /**
         * The words, at most 200 characters: as many as the search takes and the box lets
         * a person type.
         */
        String query() {
            var words = typed.strip();
            return words.length() > 200 ? words.substring(0, 200) : words;
        }

        /**
         * The editor's address showing this search, scrolled to it; the bare editor's
         * when none. The words and the cursor go in as variables, so a `+` or `=` in them
         * is encoded too.
         */
        String address(String editor) {
            var address = UriComponentsBuilder.fromPath(editor);
            if (asked()) {
                address.queryParam("q", "{q}").fragment("cari");
            }
            if (asked() && after != null) {
                address.queryParam("setelah", "{setelah}");
            }
            return address.encode().buildAndExpand(asked() ? query() : null, after).toUriString();
        }

    }

    /** What a product's buttons do to the collection's list. */
    enum ProductAction {

        TAMBAH, NAIK, TURUN, HAPUS;

        List<String> apply(List<String> products, String product) {
            var list = new ArrayList<>(products);
            var at = list.indexOf(product);
            if (this == TAMBAH && at < 0) {
                list.add(product);
            }
            else if (this == HAPUS && at >= 0) {
                list.remove(at);
            }
            else if (this == NAIK && at > 0) {
                Collections.swap(list, at, at - 1);
            }
            else if (this == TURUN && at >= 0 && at < list.size() - 1) {
                Collections.swap(list, at, at + 1);
            }
            return list;
        }

    }

    private final PageRequests api;

    private final GraphQlClient graphQl;

    CollectionConsolePageController(PageRequests api, GraphQlClient graphQl) {
        this.api = api;
        this.graphQl = graphQl;
    }

    @GetMapping(COLLECTIONS)
    String collections(@RequestParam(required = false) String setelah, Model model) {
        model.addAttribute("form", CollectionForm.EMPTY);
        return listPage(setelah, model);
    }

    @PostMapping(COLLECTIONS)
    String create(@ModelAttribute("form") CollectionForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var input = details(form);
        input.put("slug", blank(form.slug()) ? PageAddresses.slugOf(form.titleId()) : form.slug().strip());
        var result = api.run("createCollection", Map.of("input", input));
        var problems = PageAddresses.withoutAddressOfNoName(form.slug(), form.titleId(),
                PageRequests.userErrors(result, "createCollection.userErrors"));
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("done", "created");
            return "redirect:" + PageAddresses
                .added(COLLECTIONS + "/" + result.field("createCollection.collection.id").toEntity(String.class));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", problems(problems));
        return listPage(null, model);
    }

    /**
     * The editor, with the search's results for `q` after the cursor `setelah`, if any.
     */
    @GetMapping(COLLECTION)
    String collection(@PathVariable String id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String setelah, Model model) {
        return editorPage(id, new Search(q, setelah), model);
    }

    @PostMapping(COLLECTION)
    String update(@PathVariable String id, @ModelAttribute("form") CollectionForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var input = details(form);
        input.put("id", id);
        input.put("expectedVersion", PageRequests.expectedVersion(form.versi()));
        if (!blank(form.slug())) {
            input.put("slug", form.slug().strip());
        }
        return change(id, input, "saved", Search.NONE, model, response, redirect);
    }

    /**
     * Show the collection to buyers, or hide it again, as the button's hidden `terbit`
     * says; a button that says neither (an altered page) changes nothing and the page
     * says so.
     */
    @PostMapping(COLLECTION + "/terbit")
    String publish(@PathVariable String id, @RequestParam(required = false) String terbit,
            @RequestParam(required = false) String versi, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!"true".equals(terbit) && !"false".equals(terbit)) {
            return refused(id,
                    List.of(UserError.of("input.published", UserErrorCode.INVALID, "Neither true nor false")),
                    Search.NONE, model, response);
        }
        var published = Boolean.parseBoolean(terbit);
        var input = Map.<String, Object>of("id", id, "expectedVersion", PageRequests.expectedVersion(versi),
                "published", published);
        return change(id, input, published ? "published" : "unpublished", Search.NONE, model, response, redirect);
    }

    /**
     * Add a product found by the search, move one up or down, or remove it; the search
     * stays as it was, on the same page of its results.
     */
    @PostMapping(COLLECTION + "/produk")
    String product(@PathVariable String id, @RequestParam String produk, @RequestParam String aksi,
            @RequestParam(required = false) String versi, @RequestParam(required = false) String q,
            @RequestParam(required = false) String setelah, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ProductAction action;
        try {
            action = ProductAction.valueOf(aksi.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        var collection = editable(api.run("collectionEditorPage", Map.of("id", id)));
        var input = Map.<String, Object>of("id", id, "expectedVersion", PageRequests.expectedVersion(versi),
                "productIds", action.apply(productIds(collection), produk));
        return change(id, input, action.name().toLowerCase(Locale.ROOT), new Search(q, setelah), model, response,
                redirect);
    }

    private String change(String id, Map<String, Object> input, String done, Search search, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var problems = PageRequests.userErrors(api.run("updateCollection", Map.of("input", input)),
                "updateCollection.userErrors");
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("done", done);
            return "redirect:" + search.address(COLLECTIONS + "/" + id);
        }
        return refused(id, problems, search, model, response);
    }

    private String refused(String id, List<UserError> problems, Search search, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", problems(problems));
        return editorPage(id, search, model);
    }

    private String listPage(String after, Model model) {
        var page = api.run("collectionsConsolePage", after == null ? Map.of() : Map.of("after", after));
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        model.addAttribute("collections", page.field("collections").toEntity(Map.class));
        model.addAttribute("villages", page.field("villages.edges").toEntityList(Map.class));
        return "pages/console-collections";
    }

    private String editorPage(String id, Search search, Model model) {
        var page = api.run("collectionEditorPage", Map.of("id", id));
        var collection = editable(page);
        model.addAttribute("collection", collection);
        model.addAttribute("chosen", productIds(collection));
        model.addAttribute("seenByBuyers",
                products(collection).stream()
                    .filter(product -> ((List<?>) product.get("hiddenFromBuyers")).isEmpty())
                    .count());
        model.addAttribute("villages", page.field("villages.edges").toEntityList(Map.class));
        if (search.asked()) {
            model.addAttribute("q", search.query());
            model.addAttribute("after", search.after());
            search(search, model);
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CollectionForm.of(collection));
        }
        return "pages/console-collection";
    }

    /**
     * The search's results, or a notice that the search cannot be used now: the rest of
     * the page works without it.
     */
    private void search(Search search, Model model) {
        var found = graphQl.documentName("collectionProductSearch")
            .variable("query", search.query())
            .variable("after", search.after())
            .executeSync();
        if (found.isValid() && found.getErrors().isEmpty()) {
            model.addAttribute("results", found.field("searchProducts").toEntity(Map.class));
        }
        else {
            model.addAttribute("searchFailed", true);
        }
    }

    /**
     * The collection a page's response holds; 403 for producers, 404 for any other id.
     */
    private static Map<String, Object> editable(ClientGraphQlResponse page) {
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        Map<String, Object> collection = page.field("node").toEntity(Map.class);
        if (collection == null || !"Collection".equals(collection.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return collection;
    }

    private static List<String> productIds(Map<String, Object> collection) {
        return products(collection).stream().map(product -> (String) product.get("id")).toList();
    }

    private static List<Map<String, Object>> products(Map<String, Object> collection) {
        var products = (Map<String, Object>) collection.get("products");
        return ((List<Map<String, Object>>) products.get("edges")).stream()
            .map(edge -> (Map<String, Object>) edge.get("node"))
            .toList();
    }

    private FormProblems problems(List<UserError> errors) {
        return api.problems("collections",
                errors.stream()
                    .map(error -> new UserError(
                            error.field() == null ? null : INPUTS.getOrDefault(error.field(), error.field()),
                            error.message(), error.code()))
                    .toList());
    }

    /**
     * Title, story and village, as both mutations take them; empty fields are cleared.
     */
    private static Map<String, Object> details(CollectionForm form) {
        var input = new HashMap<String, Object>();
        input.put("title", Map.of("indonesian", strip(form.titleId()), "english", strip(form.titleEn())));
        input.put("story", blank(form.storyId()) && blank(form.storyEn()) ? null
                : Map.of("indonesian", strip(form.storyId()), "english", strip(form.storyEn())));
        input.put("villageSlug", blank(form.villageSlug()) ? null : form.villageSlug());
        return input;
    }

    private static String strip(String value) {
        return Objects.toString(value, "").strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
