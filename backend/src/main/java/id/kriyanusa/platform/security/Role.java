package id.kriyanusa.platform.security;

/** What an account may do on the portal. */
public enum Role {

    /** Searches, saves and contacts producers. */
    BUYER,
    /** Member of one or more brands; may change only those brands and their products. */
    PRODUCER,
    /**
     * Department staff: verify brands, designate model villages, curate collections, read
     * insights.
     */
    CURATOR,
    /** Operates the portal. */
    ADMIN

}
