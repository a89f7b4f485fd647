package id.kriyanusa.village;

import id.kriyanusa.platform.GlobalId;

/**
 * A village's key, as other modules and services take it. The API shows it as a global
 * id, which only the GraphQL layer decodes.
 */
public record VillageId(long value) {

    static final String TYPE = "Village";

    /**
     * The village a global id names; IllegalArgumentException (BAD_REQUEST) for any
     * other.
     */
    public static VillageId decode(String globalId) {
        return new VillageId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
