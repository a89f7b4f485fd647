package id.kriyanusa.programme;

import id.kriyanusa.platform.GlobalId;

/**
 * A programme's key, as other modules and services take it. The API shows it as a global
 * id, which only the GraphQL layer decodes.
 */
public record ProgrammeId(long value) {

    static final String TYPE = "Programme";

    /**
     * The programme a global id names; IllegalArgumentException (BAD_REQUEST) for any
     * other.
     */
    public static ProgrammeId decode(String globalId) {
        return new ProgrammeId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
