package id.kriyanusa.catalog;

import id.kriyanusa.platform.GlobalId;

/**
 * A category's key. The API shows it as a global id, which only the GraphQL layer
 * decodes.
 */
public record CategoryId(long value) {

    static final String TYPE = "Category";

    /**
     * The category a global id names; IllegalArgumentException (BAD_REQUEST) for any
     * other.
     */
    public static CategoryId decode(String globalId) {
        return new CategoryId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
