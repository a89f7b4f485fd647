package id.kriyanusa.platform.graphql;

/**
 * What is wrong with a mutation's input, as a stable code clients can translate; the
 * GraphQL enum `UserErrorCode` lists the same names.
 */
public enum UserErrorCode {

    INVALID, REQUIRED, TOO_LONG, TOO_MANY, OUT_OF_RANGE, DUPLICATE, TAKEN, NOT_FOUND, NOT_A_LEAF, REQUIRES_PRICE,
    NOT_BELOW_PRICE, CONFLICT, INVALID_STATE, ALREADY_MEMBER, EXPIRED, INVALID_CREDENTIALS, RATE_LIMITED, RUNNING,
    UNSUPPORTED_TYPE, TOO_LARGE, NOT_UPLOADED, TYPE_MISMATCH, NOT_AN_IMAGE, POLYGLOT, CORRUPT, TOO_MANY_PIXELS,
    ALREADY_CONFIRMED, STORAGE_UNAVAILABLE

}
