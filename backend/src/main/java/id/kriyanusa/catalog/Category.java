package id.kriyanusa.catalog;

import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A category of the two-level taxonomy: a top-level category (no parent) and its
 * children, in display order.
 */
public record Category(long id, String slug, Long parentId, LocalizedText name, int position, List<Category> children) {

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
