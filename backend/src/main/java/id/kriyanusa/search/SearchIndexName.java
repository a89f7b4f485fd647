package id.kriyanusa.search;

import java.util.Locale;

/**
 * The search indices, each a versioned concrete index ({@code brands-v3}, ...) behind an
 * alias of this name.
 */
public enum SearchIndexName {

    PRODUCTS, BRANDS, VILLAGES;

    /**
     * The alias searches go through, also the prefix of the concrete indices and the name
     * of the definition file.
     */
    public String alias() {
        return name().toLowerCase(Locale.ROOT);
    }

}
