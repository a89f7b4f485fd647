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
        if (globalId == null) {
            throw new IllegalArgumentException("A collection id is required");
        }
        var id = GlobalId.decode(globalId);
        if (!TYPE.equals(id.type())) {
            throw new IllegalArgumentException("Not a collection id: " + globalId);
        }
        return new CollectionId(id.key());
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
