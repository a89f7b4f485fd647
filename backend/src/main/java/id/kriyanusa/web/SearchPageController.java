package id.kriyanusa.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.search.Rupiah;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /**
     * The kilometres at the end of a place typed with its distance: "dekat Loyok dalam 25
     * km".
     */
    private static final Pattern TYPED_DISTANCE = Pattern.compile("\\d+(?=\\s*(km|kilomet(er|re)s?)$)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A chip of what the search read from the words: its label in both languages, the
     * words without its phrase, and whether it applies (a filter chosen in the form
     * wins).
     */
    record Chip(Map<String, String> label, String queryWithout, boolean applied) {
    }

    /** A farther distance to search, and the address of that search. */
    record Wider(int km, String address) {
    }

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
            return null;
        }

        /**
         * "Terdekat" chosen without a place: nothing to measure from, so the results come
         * in the usual order, with a hint to choose a place, rather than no results and
         * no filters at all.
         */
        public boolean nearestWithoutPlace() {
            return "terdekat".equals(chosenSort()) && !placeChosen();
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
         * The place typed in the words that the search is near ("dekat Loyok"), if any.
         */
        static Optional<Map<String, Object>> typedNear(List<Map<String, Object>> conditions) {
            return conditions.stream()
                .filter(condition -> "NEAR".equals(condition.get("kind"))
                        && Boolean.TRUE.equals(condition.get("applied")))
                .findFirst();
        }

        /**
         * What the search read from the words, one chip for each phrase typed: the two
         * limits of "50-100rb" or "harga 50 ribuan" are one chip, removed together, and
         * say so.
         */
        static List<Chip> chips(List<Map<String, Object>> conditions) {
            var chips = new ArrayList<Chip>();
            for (var condition : conditions) {
                @SuppressWarnings("unchecked")
                var label = (Map<String, String>) condition.get("label");
                var without = (String) condition.get("queryWithout");
                boolean applied = Boolean.TRUE.equals(condition.get("applied"));
                if (!chips.isEmpty() && chips.getLast().queryWithout().equals(without)) {
                    var first = chips.removeLast();
                    label = Map.of("indonesian", first.label().get("indonesian") + ", " + label.get("indonesian"),
                            "english", first.label().get("english") + ", " + label.get("english"));
                    applied &= first.applied();
                }
                chips.add(new Chip(label, without, applied));
            }
            return chips;
        }

        /**
         * The same search at the next distance the form offers, for a search that found
         * nothing near a place: the place chosen in the form, or else one typed in the
         * words ("dekat Loyok"), whose distance is then typed too ("dekat Loyok dalam 25
         * km", which the search reads). Null when there is no place or no farther
         * distance.
         */
        Wider wider(List<Map<String, Object>> conditions, Locale language) {
            if (placeChosen()) {
                var next = farther(radiusKm());
                return next == null ? null : new Wider(next, address(q, next.toString()));
            }
            var typed = typedNear(conditions);
            if (typed.isEmpty()) {
                return null;
            }
            var value = (String) typed.get().get("value");
            var next = farther((int) Math.round(Double.parseDouble(value.substring(value.lastIndexOf(',') + 1))));
            var phrase = (String) typed.get().get("phrase");
            var at = q == null ? -1 : q.indexOf(phrase);
            if (next == null || at < 0) {
                return null;
            }
            var distance = TYPED_DISTANCE.matcher(phrase);
            var farther = distance.find() ? distance.replaceFirst(next.toString())
                    : phrase + (Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? " within " : " dalam ")
                            + next + " km";
            return new Wider(next, withWords(q.substring(0, at) + farther + q.substring(at + phrase.length())));
        }

        private static Integer farther(Integer km) {
            return km == null ? null : RADII_KM.stream().filter(radius -> radius > km).findFirst().orElse(null);
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

        /** Whether this is a page after the first of the same search. */
        public boolean laterPage() {
            return setelah != null && !setelah.isBlank();
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
            var usual = q == null || q.isBlank() ? "NEWEST" : "RELEVANCE";
            return nearestWithoutPlace() ? usual : SORTS.getOrDefault(urutan(), usual);
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

    private final PageText pageText;

    SearchPageController(GraphQlClient graphQl, PageText pageText) {
        this.graphQl = graphQl;
        this.pageText = pageText;
    }

    @ModelAttribute("radii")
    List<Integer> radii() {
        return RADII_KM;
    }

    @GetMapping("/cari")
    String search(@ModelAttribute("form") SearchForm form, Model model, HttpServletResponse servletResponse) {
        var language = LocaleContextHolder.getLocale();
        var problem = form.problem();
        if (problem != null) {
            return problem(problem, model, language);
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
                return problem("search.problem.place", model, language);
            }
            near = new HashMap<>(location);
            near.put("radiusKm", form.radiusKm());
        }
        ClientGraphQlResponse response = graphQl.documentName(DOCUMENT)
            .operationName("searchPage")
            .variables(form.variables(near))
            .executeSync();
        // the API refused the input (for example a negative price, or a later page's
        // cursor mangled in a shared link): show the form again with a message
        if (failed(response)) {
            return problem(
                    failure(response, servletResponse, form.laterPage() ? "search.problem.page" : "search.problem"),
                    model, language);
        }
        Map<String, Object> results = response.field("searchProducts").toEntity(Map.class);
        model.addAttribute("results", results);
        // what the form's "no place chosen" means when the words name one
        model.addAttribute("typedNear", SearchForm.typedNear(conditions(results)).orElse(null));
        model.addAttribute("chips", SearchForm.chips(conditions(results)));
        showRelatedApart(results, form.laterPage(), model);
        model.addAttribute("brandHits", response.field("brandHits").toEntity(Map.class));
        model.addAttribute("villageHits", response.field("villageHits").toEntity(Map.class));
        model.addAttribute("places", places(response, language));
        if (((Number) results.get("totalCount")).intValue() == 0) {
            offerAWayOn(form, results, model, language);
        }
        else if (results.get("matchQuality") != null && !"ALL_TERMS".equals(results.get("matchQuality"))) {
            // only related products near the place: what is asked for may be a little
            // farther
            model.addAttribute("wider", form.wider(conditions(results), language));
        }
        return "pages/search";
    }

    /**
     * Products with every word come first; when related products make up the rest ("kipas
     * lombok": the fans, then what is only from Lombok), the count says how many have
     * every word, and on the first page the related ones follow under their own heading.
     * Counted alone, "kipas lombok" looked like 236 fans.
     */
    @SuppressWarnings("unchecked")
    private static void showRelatedApart(Map<String, Object> results, boolean laterPage, Model model) {
        var everyWord = (Number) results.get("allTermsCount");
        long total = ((Number) results.get("totalCount")).longValue();
        if (everyWord == null || !"ALL_TERMS".equals(results.get("matchQuality")) || everyWord.longValue() >= total) {
            return;
        }
        model.addAttribute("allTerms", everyWord.longValue());
        model.addAttribute("relatedCount", total - everyWord.longValue());
        var edges = (List<Object>) results.get("edges");
        int apart = everyWord.intValue();
        if (!laterPage && apart < edges.size()) {
            model.addAttribute("exactEdges", edges.subList(0, apart));
            model.addAttribute("relatedEdges", edges.subList(apart, edges.size()));
        }
    }

    /**
     * What a search that found nothing offers: the next distance from its place, the
     * categories buyers find products in (an empty one would be one more dead end) and
     * searches that found products.
     */
    private void offerAWayOn(SearchForm form, Map<String, Object> results, Model model, Locale language) {
        model.addAttribute("wider", form.wider(conditions(results), language));
        var response = graphQl.documentName(DOCUMENT).operationName("nothingFound").executeSync();
        if (failed(response)) {
            return;
        }
        List<Map<String, Object>> stocked = response.field("stocked.facets.categories").getValue();
        var withProducts = stocked.stream()
            .filter(category -> ((Number) category.get("count")).intValue() > 0)
            .map(category -> category.get("value"))
            .collect(Collectors.toSet());
        model.addAttribute("categories",
                response.field("categories")
                    .toEntityList(Map.class)
                    .stream()
                    .filter(category -> withProducts.contains(category.get("slug")))
                    .toList());
        model.addAttribute("popular", response.field("popularSearches").toEntityList(String.class));
    }

    /** The conditions the search read in the words typed. */
    private static List<Map<String, Object>> conditions(Map<String, Object> results) {
        var interpretation = (Map<String, Object>) results.get("interpretation");
        return interpretation == null ? List.of() : (List<Map<String, Object>>) interpretation.get("conditions");
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
    private String problem(String messageKey, Model model, Locale language) {
        model.addAttribute("problem", messageKey);
        var response = graphQl.documentName(DOCUMENT).operationName("places").executeSync();
        model.addAttribute("places", response.isValid() ? places(response, language) : Map.of());
        return "pages/search";
    }

    /**
     * The place filter's choices: villages on the map, grouped by regency, the regencies
     * and the villages of each in alphabetical order as the page's language names and
     * sorts them (East Lombok among the E's in English, Lombok Timur among the L's in
     * Indonesian), ignoring case.
     */
    private Map<String, List<Map<String, Object>>> places(ClientGraphQlResponse response, Locale language) {
        List<Map<String, Object>> edges = response.field("places.edges").getValue();
        var alphabetical = Collator.getInstance(language);
        alphabetical.setStrength(Collator.SECONDARY);
        return edges.stream()
            .map(edge -> (Map<String, Object>) edge.get("node"))
            .filter(village -> village.get("location") != null)
            .sorted(Comparator.comparing(village -> (String) village.get("name"), alphabetical))
            .collect(Collectors.groupingBy(village -> pageText.pick((Map<String, ?>) village.get("regencyName")),
                    () -> new TreeMap<>(alphabetical), Collectors.toList()));
    }

}
