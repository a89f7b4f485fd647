package id.kriyanusa.catalog;

import id.kriyanusa.platform.GlobalId;

/**
 * A product's key, as other modules and services take it. The API shows it as a global
 * id, which only the GraphQL layer decodes.
 */
public record ProductId(long value) {

    static final String TYPE = "Product";

    /**
     * The product a global id names; IllegalArgumentException (BAD_REQUEST) for any
     * other.
     */
    public static ProductId decode(String globalId) {
        return new ProductId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
