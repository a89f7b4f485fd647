package id.kriyanusa.engagement;

import id.kriyanusa.platform.GlobalId;

/**
 * An inquiry's key, as other modules and services take it. The API shows it as a global
 * id, which only the GraphQL layer decodes.
 */
public record InquiryId(long value) {

    static final String TYPE = "Inquiry";

    /**
     * The inquiry a global id names; IllegalArgumentException (BAD_REQUEST) for any
     * other.
     */
    public static InquiryId decode(String globalId) {
        return new InquiryId(GlobalId.key(globalId, TYPE));
    }

    public String encode() {
        return new GlobalId(TYPE, value).encode();
    }

}
