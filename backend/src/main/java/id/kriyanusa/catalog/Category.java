package id.kriyanusa.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A category of the two-level taxonomy: a top-level category (no parent) and its
 * children, in display order. A retired category ({@code retiredAt} set) is no longer
 * offered but still names the products in it.
 */
public record Category(long id, String slug, Long parentId, LocalizedText name, int position, OffsetDateTime retiredAt,
        List<Category> children) {

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** The same category showing only the children that are still offered. */
    Category withoutRetiredChildren() {
        return new Category(id, slug, parentId, name, position, retiredAt,
                children.stream().filter(child -> !child.isRetired()).toList());
    }

}
