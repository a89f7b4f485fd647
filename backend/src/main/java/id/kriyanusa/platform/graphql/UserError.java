package id.kriyanusa.platform.graphql;

/**
 * A problem with a mutation's input that the user can fix: which field, what is wrong,
 * and a stable code clients can translate.
 */
public record UserError(String field, String message, UserErrorCode code) {

    public static UserError of(String field, UserErrorCode code, String message) {
        return new UserError(field, message, code);
    }
}
