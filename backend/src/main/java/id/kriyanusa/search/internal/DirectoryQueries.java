package id.kriyanusa.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.search.BrandSearchFilter;
import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.VillageSearchFilter;

/**
 * The request bodies of the brand and village searches, written as the JSON of
 * Elasticsearch's documentation.
 * <p>
 * <b>Matching</b>, as for products: a fuzzy {@code multi_match} over the Indonesian and
 * English fields (typos), names weighing most, with one edit allowed below eight letters
 * (two only from eight: with two, "lombok" found the village Loyok and ranked its basket
 * makers above Lombok's potters); a {@code match} on {@code cross}, a copy of the texts
 * searched through the cross-language synonyms (so "pottery" finds a village described
 * only as a "gerabah" centre), once with most words and once, weighing double, with all
 * of them (so "lombok pottery" lifts Lombok's potters above everything else from Lombok);
 * and a phrase match on the name, so typing a name finds that brand or village first.
 * <p>
 * <b>Ranking signals.</b> A {@code function_score} multiplies the text score by 1 + small
 * bonuses: a model village (desa industri percontohan) 0.15; for brands, holding a
 * certification 0.05; for villages, the department's development stage (MANDIRI 0.1, MAJU
 * 0.05). At most x1.15, against x3 to x5 for a name match: the signals order equally good
 * matches and never bury an exact one. Every brand indexed is verified (only verified
 * brands are public), so verification is a condition of being found rather than a bonus.
 */
public final class DirectoryQueries {

    private static final String MSM = "75%";

    private DirectoryQueries() {
    }

    public static Map<String, Object> brands(String text, BrandSearchFilter f, int from, int size) {
        var filters = new ArrayList<Object>();
        terms(filters, "village_slug", f.villages());
        terms(filters, "regency", f.regencies());
        terms(filters, "certifications",
                f.certifications() == null ? null : f.certifications().stream().map(Enum::name).toList());
        modelVillages(filters, f.modelVillagesOnly());
        near(filters, f.near());
        return body(text,
                List.of("name^3", "name.id^2", "village_name^2", "regency.text", "specialities.text", "tagline",
                        "story_id", "story_en"),
                List.of("tagline", "story_id", "story_en"), filters,
                List.of(Map.of("filter", Map.of("exists", Map.of("field", "certifications")), "weight", 0.05)), from,
                size);
    }

    /**
     * The village search; {@code slugs}, when not null, are the villages a query named,
     * which only are searched.
     */
    public static Map<String, Object> villages(String text, VillageSearchFilter f, List<String> slugs, int from,
            int size) {
        var filters = new ArrayList<Object>();
        terms(filters, "slug", slugs);
        terms(filters, "regency", f.regencies());
        terms(filters, "classification",
                f.classifications() == null ? null : f.classifications().stream().map(Enum::name).toList());
        modelVillages(filters, f.modelVillagesOnly());
        near(filters, f.near());
        return body(text,
                List.of("name^3", "regency.text^1.5", "district", "specialities.text^2", "classification.text",
                        "description_id", "description_en", "story_id", "story_en"),
                List.of("description_id", "description_en", "story_id", "story_en"), filters,
                List.of(Map.of("filter", Map.of("term", Map.of("classification", "MANDIRI")), "weight", 0.1),
                        Map.of("filter", Map.of("term", Map.of("classification", "MAJU")), "weight", 0.05)),
                from, size);
    }

    private static Map<String, Object> body(String text, List<String> fields, List<String> highlighted,
            List<Object> filters, List<Map<String, Object>> bonuses, int from, int size) {
        var query = new LinkedHashMap<String, Object>();
        if (text != null) {
            query
                .put("must",
                        List.of(Map.of("bool", Map.of(
                                "should", List.of(
                                        Map.of("multi_match",
                                                Map.of("query", text, "type", "best_fields", "fields", fields,
                                                        "fuzziness", "AUTO:4,8", "prefix_length", 1, "tie_breaker", 0.3,
                                                        "minimum_should_match", MSM)),
                                        Map.of("match",
                                                Map.of("cross", Map.of("query", text, "minimum_should_match", MSM))),
                                        // brands and villages that have every word, place
                                        // and craft alike, come first
                                        Map.of("match",
                                                Map.of("cross", Map.of("query", text, "operator", "and", "boost", 2))),
                                        Map.of("match_phrase", Map.of("name", Map.of("query", text, "boost", 5)))),
                                "minimum_should_match", 1))));
        }
        query.put("filter", filters);
        var functions = new ArrayList<Map<String, Object>>();
        functions.add(Map.of("filter", Map.of("match_all", Map.of()), "weight", 1.0));
        functions.add(Map.of("filter", Map.of("term", Map.of("model_village", true)), "weight", 0.15));
        functions.addAll(bonuses);
        var body = new LinkedHashMap<String, Object>();
        body.put("query", Map.of("function_score", Map.of("query", Map.of("bool", query), "functions", functions,
                "score_mode", "sum", "boost_mode", "multiply")));
        if (text != null) {
            var fragments = highlighted.stream()
                .<Object>map(field -> Map.of(field, Map.of("fragment_size", 150, "number_of_fragments", 2)))
                .toList();
            body.put("highlight", Map.of("pre_tags", List.of("<em>"), "post_tags", List.of("</em>"),
                    // the words as analysed, without the fuzzy expansions: cheaper, and
                    // what a reader recognises
                    "highlight_query", Map.of("multi_match", Map.of("query", text, "fields", highlighted)), "fields",
                    fragments));
        }
        body.put("sort", List.of("_score", Map.of("name.keyword", "asc"), Map.of("id", "asc")));
        body.put("from", from);
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("_source", false);
        return body;
    }

    private static void terms(List<Object> filters, String field, List<String> values) {
        if (values == null) {
            return;
        }
        var clean = values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .distinct()
            .limit(100)
            .toList();
        if (!clean.isEmpty()) {
            filters.add(Map.of("terms", Map.of(field, clean)));
        }
    }

    private static void modelVillages(List<Object> filters, Boolean only) {
        if (Boolean.TRUE.equals(only)) {
            filters.add(Map.of("term", Map.of("model_village", true)));
        }
    }

    private static void near(List<Object> filters, ProductSearchFilter.Near near) {
        if (near != null) {
            filters.add(Map.of("geo_distance", Map.of("distance", near.radiusKm() + "km", "location",
                    Map.of("lat", near.lat(), "lon", near.lon()))));
        }
    }

}
