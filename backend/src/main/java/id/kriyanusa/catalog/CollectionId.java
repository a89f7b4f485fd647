package id.kriyanusa.catalog;

import id.kriyanusa.platform.GlobalId;

/**
 * A curated collection's key, as its service takes it. The API shows it as a global id,
 * which only the GraphQL layer decodes.
 */
public record CollectionId(long value) {

    static final String TYPE = "Collection";

    /**
     * The collection a global id names; IllegalArgumentException (BAD_REQUEST) for any
     * other.
     */
    public static CollectionId decode(String globalId) {
        return new CollectionId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
