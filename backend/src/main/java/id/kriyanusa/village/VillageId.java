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
        if (globalId == null) {
            throw new IllegalArgumentException("A village id is required");
        }
        var id = GlobalId.decode(globalId);
        if (!TYPE.equals(id.type())) {
            throw new IllegalArgumentException("Not a village id: " + globalId);
        }
        return new VillageId(id.key());
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
