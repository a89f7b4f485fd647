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
        if (globalId == null) {
            throw new IllegalArgumentException("A product id is required");
        }
        var id = GlobalId.decode(globalId);
        if (!TYPE.equals(id.type())) {
            throw new IllegalArgumentException("Not a product id: " + globalId);
        }
        return new ProductId(id.key());
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
