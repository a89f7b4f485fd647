package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * (ordered by `?urut=`, no script needed), the regencies' products published as a bar
 * chart drawn on the server with its data table under it, model villages against the
 * others, and the last months; each table also as CSV for spreadsheets.
 */
@Controller
class OutcomesConsolePageController {

    private static final String PAGE = "/kelola/angka";

    /** The figures' columns, in order: the API's field names and the messages' keys. */
    static final List<String> FIGURES = List.of("brandsRegistered", "brandsVerified", "productsPublished", "goalsDone",
            "goalsDue", "participants", "women", "youth");

    private static final List<String> SORTS = List.of("NAME", "REGENCY", "BRANDS_REGISTERED", "BRANDS_VERIFIED",
            "PRODUCTS_PUBLISHED", "GOALS_DONE", "GOALS_DUE", "PARTICIPANTS");

    /** One bar of the chart: its label, value and length in the drawing's units. */
    record Bar(String label, int value, int length, int y) {
    }

    private final PageRequests api;

    private final MessageSource messages;

    OutcomesConsolePageController(PageRequests api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String outcomes(@RequestParam(required = false) String urut, Model model) {
        var sort = sort(urut);
        var outcomes = outcomes(sort);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("figureNames", FIGURES);
        model.addAttribute("bars", bars((List<Map<String, Object>>) outcomes.get("regencies")));
        return "pages/console-outcomes";
    }

    @GetMapping(PAGE + "/desa.csv")
    ResponseEntity<String> villagesCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header("outcomes.village", "outcomes.regency", "outcomes.modelVillage"));
        for (var outcome : list(outcomes(null), "villages")) {
            var village = (Map<String, Object>) outcome.get("village");
            var row = new ArrayList<Object>(
                    List.of(village.get("name"), String.valueOf(village.get("regency")), village.get("modelVillage")));
            row.addAll(figures(outcome));
            rows.add(row);
        }
        return csv("desa", rows);
    }

    @GetMapping(PAGE + "/kabupaten.csv")
    ResponseEntity<String> regenciesCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(header("outcomes.regency", "outcomes.villages"));
        for (var outcome : list(outcomes(null), "regencies")) {
            var row = new ArrayList<Object>(List.of(outcome.get("name"), outcome.get("villages")));
            row.addAll(figures(outcome));
            rows.add(row);
        }
        return csv("kabupaten", rows);
    }

    @GetMapping(PAGE + "/bulan.csv")
    ResponseEntity<String> monthsCsv() {
        var rows = new ArrayList<List<Object>>();
        rows.add(List.of(text("outcomes.month"), text("outcomes.figure.productsPublished"),
                text("outcomes.figure.brandsVerified")));
        for (var month : list(outcomes(null), "months")) {
            rows.add(List.of(month.get("month"), month.get("productsPublished"), month.get("brandsVerified")));
        }
        return csv("bulan", rows);
    }

    private Map<String, Object> outcomes(String sort) {
        var variables = new HashMap<String, Object>();
        variables.put("sort", sort);
        ClientGraphQlResponse page = api.run("outcomesConsolePage", variables);
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        return page.field("outcomes").toEntity(Map.class);
    }

    private static String sort(String requested) {
        return requested != null && SORTS.contains(requested.toUpperCase(Locale.ROOT))
                ? requested.toUpperCase(Locale.ROOT) : "NAME";
    }

    /** Bars scaled so the longest is 200 units, 28 units apart. */
    static List<Bar> bars(List<Map<String, Object>> regencies) {
        var max = 1;
        for (var regency : regencies) {
            max = Math.max(max, published(regency));
        }
        var bars = new ArrayList<Bar>();
        for (var regency : regencies) {
            var value = published(regency);
            bars.add(new Bar(String.valueOf(regency.get("name")), value, value * 200 / max, bars.size() * 28));
        }
        return bars;
    }

    private static int published(Map<String, Object> group) {
        return (Integer) ((Map<String, Object>) group.get("figures")).get("productsPublished");
    }

    private static List<Map<String, Object>> list(Map<String, Object> outcomes, String field) {
        return (List<Map<String, Object>>) outcomes.get(field);
    }

    private static List<Object> figures(Map<String, Object> outcome) {
        var figures = (Map<String, Object>) outcome.get("figures");
        return FIGURES.stream().map(figures::get).toList();
    }

    private List<Object> header(String... firstColumns) {
        var header = new ArrayList<Object>();
        for (var key : firstColumns) {
            header.add(text(key));
        }
        FIGURES.forEach(figure -> header.add(text("outcomes.figure." + figure)));
        return header;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** RFC 4180: quoted where needed, CRLF line ends, named for saving. */
    private static ResponseEntity<String> csv(String name, List<List<Object>> rows) {
        var out = new StringBuilder();
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
