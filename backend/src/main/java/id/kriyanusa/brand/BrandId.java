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
        return new BrandId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
