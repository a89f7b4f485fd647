package id.kriyanusa.catalog;

import id.kriyanusa.platform.LocalizedText;
import org.springframework.graphql.data.ArgumentValue;

/** What curators send to manage the category taxonomy. */
public final class CategoryInputs {

    private CategoryInputs() {
    }

    public record Create(String slug, String parentSlug, LocalizedText name, Integer position) {
    }

    /**
     * Only the fields given change; an explicit null {@code parentSlug} makes the
     * category a top-level one. The slug never changes: addresses and search facets use
     * it.
     */
    public record Update(String id, ArgumentValue<LocalizedText> name, ArgumentValue<String> parentSlug,
            ArgumentValue<Integer> position) {
    }

    /**
     * Retiring and restoring both take the category and an optional note for the record.
     */
    public record Lifecycle(String id, String note) {
    }

}
