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
            found.add(new SearchHighlight(apiName(field.getKey()), snippets));
        }
        return found;
    }

    /**
     * The field as the API names it: the index's `title_id` is `title.indonesian`,
     * `story_en` is `story.english`.
     */
    private static String apiName(String indexField) {
        if (indexField.endsWith("_id")) {
            return indexField.substring(0, indexField.length() - 3) + ".indonesian";
        }
        if (indexField.endsWith("_en")) {
            return indexField.substring(0, indexField.length() - 3) + ".english";
        }
        return indexField;
    }
}
