package id.kriyanusa.search;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Matching passages of one field of a result, the matched words wrapped in {@code <em>}.
 */
public record SearchHighlight(String field, List<String> snippets) {

    /** The passages Elasticsearch marked in one hit, field by field. */
    static List<SearchHighlight> of(JsonNode hit) {
        var found = new ArrayList<SearchHighlight>();
        for (var field : hit.path("highlight").properties()) {
            var snippets = new ArrayList<String>();
            field.getValue().forEach(snippet -> snippets.add(snippet.asString()));
            found.add(new SearchHighlight(field.getKey(), snippets));
        }
        return found;
    }
}
