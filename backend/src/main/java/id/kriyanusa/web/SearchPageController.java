package id.kriyanusa.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.search.Rupiah;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page, `/cari`: a plain GET form (works without JavaScript and on slow
 * phones) whose results, facet counts and spelling suggestion come from the API's
 * `searchProducts`, with the brands and villages matching the same words beside them
 * (`searchBrands`, `searchVillages`, in the same request) and their full lists at
 * `/cari/merek` and `/cari/desa`. Products can be narrowed to those made near a village
 * of the visitor's choice.
 */
@Controller
class SearchPageController {

    /** The document holding every request of these pages; see its operations. */
    private static final String DOCUMENT = "searchPage";

    /** The distances the place filter offers, in kilometres. */
    static final List<Integer> RADII_KM = List.of(10, 25, 50);

    /**
     * The distance used when a place is chosen without one (links shared from elsewhere).
     */
    static final int DEFAULT_RADIUS_KM = 25;

    /** The orders the form offers, by their names in the address, as the API's sorts. */
    static final Map<String, String> SORTS = Map.of("terdekat", "DISTANCE", "terbaru", "NEWEST", "termurah",
            "PRICE_ASC", "termahal", "PRICE_DESC");

    /** What the visitor asked for, as it appears in the page's address. */
    record SearchForm(String q, List<String> kategori, List<String> desa, List<String> bahan, String hargaMin,
            String hargaMaks, String urut, String setelah, String dekat, String radius) {

        /**
         * The message key for input the page cannot use, or null; checked before asking
         * the API.
         */
        String problem() {
            // named by box, with an example: "periksa harga" left shoppers guessing
            if (!amountOrEmpty(hargaMin)) {
                return "search.problem.priceMin";
            }
            if (!amountOrEmpty(hargaMaks)) {
                return "search.problem.priceMax";
            }
            var lowest = price(hargaMin);
            var highest = price(hargaMaks);
            if (lowest != null && highest != null && lowest > highest) {
                return "search.problem.priceOrder";
            }
            if (radiusKm() == null
                    || placeChosen() && (dekat.length() > 80 || !InputErrors.SLUG.matcher(dekat).matches())) {
                return "search.problem.place";
            }
            if ("terdekat".equals(urut) && !placeChosen()) {
                return "search.problem.nearest";
            }
            return null;
        }

        /**
         * The API request, restricted to the circle {@code near} when a place was chosen;
         * valid input only.
         */
        Map<String, Object> variables(Map<String, Object> near) {
            var filter = new HashMap<String, Object>();
            putIfPresent(filter, "categories", kategori);
            putIfPresent(filter, "villages", desa);
            putIfPresent(filter, "materials", bahan);
            putIfPresent(filter, "priceMin", price(hargaMin));
            putIfPresent(filter, "priceMax", price(hargaMaks));
            putIfPresent(filter, "near", near);
            var variables = new HashMap<String, Object>();
            putIfPresent(variables, "query", q == null || q.isBlank() ? null : q.strip());
            variables.put("filter", filter);
            variables.put("sort", sort());
            putIfPresent(variables, "after", setelah);
            // the brands and villages strip heads the first page of a search for words;
            // later pages are products only
            variables.put("withBrandsAndVillages", variables.containsKey("query") && !variables.containsKey("after"));
            return variables;
        }

        /**
         * This search's address with other words, keeping the filters, place and order
         * chosen (and leaving out what was not): a chip that removes a phrase typed.
         */
        public String withWords(String words) {
            return address(words, radius);
        }

        /**
         * The next distance the form offers beyond the one chosen, when a place is chosen
         * and there is one: offered when nothing was found that near.
         */
        public Integer widerRadiusKm() {
            var chosen = radiusKm();
            if (!placeChosen() || chosen == null) {
                return null;
            }
            return RADII_KM.stream().filter(km -> km > chosen).findFirst().orElse(null);
        }

        /** This search's address with the place's distance widened to {@code km}. */
        public String withRadius(int km) {
            return address(q, Integer.toString(km));
        }

        private String address(String words, String distance) {
            var address = UriComponentsBuilder.fromPath("/cari");
            addIfChosen(address, "q", List.of(blankIfNull(words)));
            addIfChosen(address, "kategori", kategori);
            addIfChosen(address, "desa", desa);
            addIfChosen(address, "bahan", bahan);
            for (var chosen : List.of(List.of("hargaMin", blankIfNull(hargaMin)),
                    List.of("hargaMaks", blankIfNull(hargaMaks)), List.of("urut", chosenSort()),
                    List.of("dekat", blankIfNull(dekat)), List.of("radius", blankIfNull(distance)))) {
                addIfChosen(address, chosen.get(0), List.of(chosen.get(1)));
            }
            return address.encode().build().toUriString();
        }

        private static void addIfChosen(UriComponentsBuilder address, String name, List<String> values) {
            if (values != null) {
                values.stream().filter(value -> !value.isBlank()).forEach(value -> address.queryParam(name, value));
            }
        }

        boolean placeChosen() {
            return dekat != null && !dekat.isBlank();
        }

        /**
         * The distance asked for: the default when none, null when it is not one the form
         * offers.
         */
        public Integer radiusKm() {
            if (radius == null || radius.isBlank()) {
                return DEFAULT_RADIUS_KM;
            }
            return RADII_KM.stream().filter(km -> radius.strip().equals(km.toString())).findFirst().orElse(null);
        }

        /**
         * The order shown as chosen. Without a choice, words sort by relevance and a
         * place without words lists the nearest products first; "Paling sesuai" (no
         * value) can still be chosen for words around a place.
         */
        public String urutan() {
            var chosen = chosenSort();
            return chosen.isEmpty() && placeChosen() && (q == null || q.isBlank()) ? "terdekat" : chosen;
        }

        String sort() {
            return SORTS.getOrDefault(urutan(), q == null || q.isBlank() ? "NEWEST" : "RELEVANCE");
        }

        /**
         * The order the visitor chose, empty for none; one the form does not offer (an
         * old or mangled link) is no choice, so it is neither applied nor counted.
         */
        private String chosenSort() {
            return urut != null && SORTS.containsKey(urut) ? urut : "";
        }

        /**
         * How many filters, a place or an order the visitor chose, shown on the control.
         */
        public int refinements() {
            var chosen = size(kategori) + size(desa) + size(bahan);
            for (var typed : List.of(blankIfNull(hargaMin), blankIfNull(hargaMaks), blankIfNull(dekat), chosenSort())) {
                chosen += typed.isBlank() ? 0 : 1;
            }
            return chosen;
        }

        public boolean refined() {
            return refinements() > 0;
        }

        private static int size(List<String> values) {
            return values == null ? 0 : values.size();
        }

        private static String blankIfNull(String typed) {
            return typed == null ? "" : typed;
        }

        public boolean chosen(String facet, String value) {
            var values = switch (facet) {
                case "kategori" -> kategori;
                case "desa" -> desa;
                default -> bahan;
            };
            return values != null && values.contains(value);
        }

        /**
         * A price as shoppers type it, the way search words read it: 125500, 125.500, Rp
         * 125.500,-, 125 rb, 125k or 1,5 jt.
         */
        private static Integer price(String rupiah) {
            return Rupiah.read(rupiah);
        }

        private static boolean amountOrEmpty(String rupiah) {
            try {
                price(rupiah);
                return true;
            }
            catch (NumberFormatException notAPrice) {
                return false;
            }
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

    @ModelAttribute("radii")
    List<Integer> radii() {
        return RADII_KM;
    }

    @GetMapping("/cari")
    String search(@ModelAttribute("form") SearchForm form, Model model, HttpServletResponse servletResponse) {
        var problem = form.problem();
        if (problem != null) {
            return problem(problem, model);
        }
        Map<String, Object> near = null;
        if (form.placeChosen()) {
            Map<String, Object> location = graphQl.documentName(DOCUMENT)
                .operationName("place")
                .variable("slug", form.dekat())
                .executeSync()
                .field("village.location")
                .getValue();
            // an unknown village, or one not yet placed on the map
            if (location == null) {
                return problem("search.problem.place", model);
            }
            near = new HashMap<>(location);
            near.put("radiusKm", form.radiusKm());
        }
        ClientGraphQlResponse response = graphQl.documentName(DOCUMENT)
            .operationName("searchPage")
            .variables(form.variables(near))
            .executeSync();
        // the API refused the input (for example a negative price): show the form again
        // with a message
        if (failed(response)) {
            return problem(failure(response, servletResponse, "search.problem"), model);
        }
        model.addAttribute("results", response.field("searchProducts").toEntity(Map.class));
        model.addAttribute("brandHits", response.field("brandHits").toEntity(Map.class));
        model.addAttribute("villageHits", response.field("villageHits").toEntity(Map.class));
        model.addAttribute("categories", response.field("categories").toEntityList(Map.class));
        model.addAttribute("popular", response.field("popularSearches").toEntityList(String.class));
        model.addAttribute("places", places(response));
        return "pages/search";
    }

    @GetMapping("/cari/merek")
    String brands(@RequestParam(required = false) String q, @RequestParam(required = false) String setelah, Model model,
            HttpServletResponse servletResponse) {
        return directory("brand", "/cari/merek", "brandResults", "searchBrands", q, setelah, model, servletResponse);
    }

    @GetMapping("/cari/desa")
    String villages(@RequestParam(required = false) String q, @RequestParam(required = false) String setelah,
            Model model, HttpServletResponse servletResponse) {
        return directory("village", "/cari/desa", "villageResults", "searchVillages", q, setelah, model,
                servletResponse);
    }

    /**
     * The full, paged list of the brands or villages a search finds, shared by both
     * kinds.
     */
    private String directory(String kind, String path, String operation, String field, String q, String setelah,
            Model model, HttpServletResponse servletResponse) {
        model.addAttribute("kind", kind);
        model.addAttribute("path", path);
        model.addAttribute("q", q);
        var variables = new HashMap<String, Object>();
        variables.put("query", q == null || q.isBlank() ? null : q.strip());
        variables.put("after", setelah == null || setelah.isBlank() ? null : setelah);
        var response = graphQl.documentName(DOCUMENT).operationName(operation).variables(variables).executeSync();
        // words too long or a cursor mangled in the address
        if (failed(response)) {
            model.addAttribute("problem", failure(response, servletResponse, "search.problem.words"));
            return "pages/search-directory";
        }
        model.addAttribute("results", response.field(field).toEntity(Map.class));
        return "pages/search-directory";
    }

    private static boolean failed(ClientGraphQlResponse response) {
        return !response.isValid() || !response.getErrors().isEmpty();
    }

    /**
     * The message for a search the API did not answer: {@code inputRefused} when it
     * refused what was typed; too many searches from this address (429, with the wait the
     * API gives: on a phone network many buyers share an address, and "search is
     * unavailable" read as the site being down); else search itself failed (the index
     * unreachable, say: 503), and the visitor should try again later instead of changing
     * what they typed.
     */
    private static String failure(ClientGraphQlResponse response, HttpServletResponse servletResponse,
            String inputRefused) {
        var errors = response.getErrors();
        var limited = errors.stream()
            .filter(error -> "RATE_LIMITED".equals(String.valueOf(error.getErrorType())))
            .findFirst();
        if (limited.isPresent()) {
            servletResponse.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            var wait = limited.get().getExtensions().get("retryAfterSeconds");
            if (wait != null) {
                servletResponse.setHeader(HttpHeaders.RETRY_AFTER, wait.toString());
            }
            return "search.tooMany";
        }
        if (!errors.isEmpty() && errors.stream()
            .allMatch(error -> error.getErrorType() == ErrorType.BAD_REQUEST
                    || error.getErrorType() == graphql.ErrorType.ValidationError)) {
            return inputRefused;
        }
        servletResponse.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "search.unavailable";
    }

    /** The form again with a message, its place filter still offered. */
    private String problem(String messageKey, Model model) {
        model.addAttribute("problem", messageKey);
        var response = graphQl.documentName(DOCUMENT).operationName("places").executeSync();
        model.addAttribute("places", response.isValid() ? places(response) : Map.of());
        return "pages/search";
    }

    /**
     * The place filter's choices: villages on the map, by regency, both in name order.
     */
    private static Map<String, List<Map<String, Object>>> places(ClientGraphQlResponse response) {
        List<Map<String, Object>> edges = response.field("places.edges").getValue();
        return edges.stream()
            .map(edge -> (Map<String, Object>) edge.get("node"))
            .filter(village -> village.get("location") != null)
            .sorted(Comparator.comparing(village -> (String) village.get("name")))
            .collect(Collectors.groupingBy(village -> (String) village.get("regency"), TreeMap::new,
                    Collectors.toList()));
    }

}
