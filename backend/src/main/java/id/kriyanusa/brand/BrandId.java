package id.kriyanusa.brand;

import id.kriyanusa.platform.GlobalId;

/**
 * A brand's key, as other modules and services take it. The API shows it as a global id,
 * which only the GraphQL layer decodes.
 */
public record BrandId(long value) {

    static final String TYPE = "Brand";

    /**
     * The brand a global id names; IllegalArgumentException (BAD_REQUEST) for any other.
     */
    public static BrandId decode(String globalId) {
        if (globalId == null) {
            throw new IllegalArgumentException("A brand id is required");
        }
        var id = GlobalId.decode(globalId);
        if (!TYPE.equals(id.type())) {
            throw new IllegalArgumentException("Not a brand id: " + globalId);
        }
        return new BrandId(id.key());
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
