package id.kriyanusa.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.kriyanusa.platform.NtbTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's figures, `/kelola/angka`, for curators and admins: a table per village
 * (ordered by `?urut=`, no script needed), the regencies' products buyers see as a bar
 * chart drawn on the server with its data table under it, model villages against the
 * others, the last months, per category and per programme, and what buyers searched for
 * without finding anything (over `?hari=` days); each table also as CSV for spreadsheets.
 */
@Controller
class OutcomesConsolePageController {

    private static final String PAGE = "/kelola/angka";

    /**
     * The figures' columns on the page, in order: the API's field names and the messages'
     * keys. Products show as buyers see them, and those waiting for their brand's
     * verification apart.
     */
    static final List<String> FIGURES = List.of("brandsRegistered", "brandsVerified", "productsSeenByBuyers",
            "productsOfUnverifiedBrands", "inquiries", "inquiriesAnswered", "whatsAppTaps", "goalsDone", "goalsDue",
            "participants", "women", "youth", "artisans", "artisansWomen", "artisansYouth");

    /**
     * The figures' columns in the CSV downloads: the columns they always had, in their
     * places (spreadsheets refer to them), then the products split as on the page.
     */
    static final List<String> CSV_FIGURES = List.of("brandsRegistered", "brandsVerified", "productsPublished",
            "inquiries", "inquiriesAnswered", "whatsAppTaps", "goalsDone", "goalsDue", "participants", "women", "youth",
            "artisans", "artisansWomen", "artisansYouth", "productsSeenByBuyers", "productsOfUnverifiedBrands");

    /** A category's columns on the page, in order. */
    static final List<String> CATEGORY_FIGURES = List.of("productsSeenByBuyers", "productsOfUnverifiedBrands",
            "inquiries", "inquiriesAnswered", "whatsAppTaps");

    /** A category's columns in its CSV: as they always were, then the products split. */
    static final List<String> CATEGORY_CSV_FIGURES = List.of("productsPublished", "inquiries", "inquiriesAnswered",
            "whatsAppTaps", "productsSeenByBuyers", "productsOfUnverifiedBrands");

    /** A programme's columns, in order. */
    static final List<String> PROGRAMME_FIGURES = List.of("participants", "women", "youth", "goalsDone", "goalsDue");

    /** The months' columns, in order. */
    static final List<String> MONTH_FIGURES = List.of("productsPublished", "brandsVerified", "inquiries",
            "whatsAppTaps");

    private static final List<String> SORTS = List.of("NAME", "REGENCY", "BRANDS_REGISTERED", "BRANDS_VERIFIED",
            "PRODUCTS_SEEN_BY_BUYERS", "INQUIRIES", "WHATSAPP_TAPS", "GOALS_DONE", "GOALS_DUE", "PARTICIPANTS",
            "ARTISANS");

    /** The periods the unanswered searches can be looked at over, in days. */
    static final List<Integer> SEARCH_PERIODS = List.of(7, 30, 90, 365);

    /** One bar of the chart: its label, value and length in the drawing's units. */
    record Bar(String label, int value, int length, int y) {
    }

    private final PageRequests api;

    private final MessageSource messages;

    private final PageText text;

    OutcomesConsolePageController(PageRequests api, MessageSource messages, PageText text) {
        this.api = api;
        this.messages = messages;
        this.text = text;
    }

    @GetMapping(PAGE)
    String outcomes(@RequestParam(required = false) String urut, @RequestParam(required = false) String hari,
            Model model) {
        var sort = sort(urut);
        var days = days(hari);
        var page = page(sort, days);
        var outcomes = page.field("outcomes").toEntity(Map.class);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("figureNames", FIGURES);
        model.addAttribute("categoryFigures", CATEGORY_FIGURES);
        model.addAttribute("programmeFigures", PROGRAMME_FIGURES);
        model.addAttribute("monthFigures", MONTH_FIGURES);
        model.addAttribute("bars", bars((List<Map<String, Object>>) outcomes.get("regencies")));
        model.addAttribute("searches", outcomes.get("unansweredSearches"));
        model.addAttribute("days", days);
        model.addAttribute("searchPeriods", SEARCH_PERIODS);
        return "pages/console-outcomes";
    }

    @GetMapping(PAGE + "/desa.csv")
    ResponseEntity<String> villagesCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header(CSV_FIGURES, "outcomes.village", "outcomes.regency", "outcomes.modelVillage"));
        for (var outcome : list(outcomes(null), "villages")) {
            var village = (Map<String, Object>) outcome.get("village");
            var row = new ArrayList<Object>(
                    List.of(village.get("name"), regency(village), yesNo(village.get("modelVillage"))));
            row.addAll(figures(outcome));
            rows.add(row);
        }
        return csv("desa", rows);
    }

    @GetMapping(PAGE + "/kabupaten.csv")
    ResponseEntity<String> regenciesCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header(CSV_FIGURES, "outcomes.regency", "outcomes.villages"));
        for (var outcome : list(outcomes(null), "regencies")) {
            var row = new ArrayList<Object>(List.of(regency(outcome), outcome.get("villages")));
            row.addAll(figures(outcome));
            rows.add(row);
        }
        return csv("kabupaten", rows);
    }

    @GetMapping(PAGE + "/bulan.csv")
    ResponseEntity<String> monthsCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header(MONTH_FIGURES, "outcomes.month"));
        for (var month : list(outcomes(null), "months")) {
            var row = new ArrayList<Object>(List.of(month.get("month")));
            MONTH_FIGURES.forEach(figure -> row.add(month.get(figure)));
            rows.add(row);
        }
        return csv("bulan", rows);
    }

    @GetMapping(PAGE + "/kategori.csv")
    ResponseEntity<String> categoriesCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header(CATEGORY_CSV_FIGURES, "outcomes.category", "outcomes.categorySlug"));
        for (var outcome : list(outcomes(null), "categories")) {
            var category = (Map<String, Object>) outcome.get("category");
            var row = new ArrayList<Object>(
                    List.of(text.pick((Map<String, ?>) category.get("name")), category.get("slug")));
            CATEGORY_CSV_FIGURES.forEach(figure -> row.add(outcome.get(figure)));
            rows.add(row);
        }
        return csv("kategori", rows);
    }

    @GetMapping(PAGE + "/program.csv")
    ResponseEntity<String> programmesCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header(PROGRAMME_FIGURES, "outcomes.programme", "outcomes.startsOn", "outcomes.village"));
        for (var outcome : list(outcomes(null), "programmes")) {
            var programme = (Map<String, Object>) outcome.get("programme");
            var row = new ArrayList<Object>(List.of(text.pick((Map<String, ?>) programme.get("title")),
                    programme.get("startsOn"), ((Map<String, Object>) programme.get("place")).get("name")));
            PROGRAMME_FIGURES.forEach(figure -> row.add(outcome.get(figure)));
            rows.add(row);
        }
        return csv("program", rows);
    }

    @GetMapping(PAGE + "/pencarian.csv")
    ResponseEntity<String> searchesCsv(@RequestParam(required = false) String hari) {
        var rows = new ArrayList<List<Object>>();
        // the searchers last: spreadsheets refer to the columns the file always had
        rows.add(List.of(message("outcomes.search.query"), message("outcomes.search.searches"),
                message("outcomes.search.zeroResultSearches"), message("outcomes.search.lastSearchedAt"),
                message("outcomes.search.searchers")));
        Map<String, Object> outcomes = page(null, days(hari)).field("outcomes").toEntity(Map.class);
        for (var search : list(outcomes, "unansweredSearches")) {
            rows.add(List.of(search.get("query"), search.get("searches"), search.get("zeroResultSearches"),
                    inNtb((String) search.get("lastSearchedAt")), search.get("searchers")));
        }
        return csv("pencarian", rows);
    }

    private Map<String, Object> outcomes(String sort) {
        return page(sort, null).field("outcomes").toEntity(Map.class);
    }

    private ClientGraphQlResponse page(String sort, Integer days) {
        var variables = new HashMap<String, Object>();
        variables.put("sort", sort);
        variables.put("days", days == null ? SEARCH_PERIODS.get(1) : days);
        ClientGraphQlResponse page = api.run("outcomesConsolePage", variables);
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        return page;
    }

    /** The period asked for when it is one of {@link #SEARCH_PERIODS}, else 30 days. */
    private static int days(String requested) {
        return SEARCH_PERIODS.stream()
            .filter(days -> String.valueOf(days).equals(requested))
            .findFirst()
            .orElse(SEARCH_PERIODS.get(1));
    }

    private static String sort(String requested) {
        return requested != null && SORTS.contains(requested.toUpperCase(Locale.ROOT))
                ? requested.toUpperCase(Locale.ROOT) : "NAME";
    }

    /** Bars scaled so the longest is 200 units, 28 units apart. */
    List<Bar> bars(List<Map<String, Object>> regencies) {
        var max = 1;
        for (var regency : regencies) {
            max = Math.max(max, seenByBuyers(regency));
        }
        var bars = new ArrayList<Bar>();
        for (var regency : regencies) {
            var value = seenByBuyers(regency);
            bars.add(new Bar(regency(regency), value, value * 200 / max, bars.size() * 28));
        }
        return bars;
    }

    /** The regency of a village or a regency's figures, in the reader's language. */
    private String regency(Map<String, Object> named) {
        return text.pick((Map<String, ?>) named.get("regencyName"));
    }

    private static int seenByBuyers(Map<String, Object> group) {
        return (Integer) ((Map<String, Object>) group.get("figures")).get("productsSeenByBuyers");
    }

    private static List<Map<String, Object>> list(Map<String, Object> outcomes, String field) {
        return (List<Map<String, Object>>) outcomes.get(field);
    }

    private static List<Object> figures(Map<String, Object> outcome) {
        var figures = (Map<String, Object>) outcome.get("figures");
        return CSV_FIGURES.stream().map(figures::get).toList();
    }

    private List<Object> header(List<String> figures, String... firstColumns) {
        var header = new ArrayList<Object>();
        for (var key : firstColumns) {
            header.add(message(key));
        }
        figures.forEach(figure -> header.add(message("outcomes.figure." + figure)));
        return header;
    }

    /**
     * A yes or a no in the page's language, as a spreadsheet user reads it: ya/tidak,
     * yes/no.
     */
    private String yesNo(Object value) {
        return message(Boolean.TRUE.equals(value) ? "outcomes.csv.yes" : "outcomes.csv.no");
    }

    /**
     * A moment as the department's staff read a clock in NTB (WITA, UTC+8, no daylight
     * saving), 2026-03-10 14:05, which spreadsheets take as a date and time; the column's
     * header names the zone.
     */
    static String inNtb(String instant) {
        return instant == null ? ""
                : NtbTime.of(OffsetDateTime.parse(instant)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /**
     * RFC 4180: quoted where needed, CRLF line ends, named for saving. It opens with
     * UTF-8's byte-order mark: without it Excel reads the file in the computer's code
     * page and garbles names with letters beyond ASCII.
     */
    private static ResponseEntity<String> csv(String name, List<List<Object>> rows) {
        var out = new StringBuilder("\uFEFF");
        for (var row : rows) {
            for (var i = 0; i < row.size(); i++) {
                var cell = String.valueOf(row.get(i));
                out.append(i == 0 ? "" : ",")
                    .append(cell.matches("(?s).*[\",\\r\\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            out.append("\r\n");
        }
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"angka-" + name + ".csv\"")
            .body(out.toString());
    }

}
