package id.kriyanusa.identity;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of signing up, signing in or renewing a session. */
public record AuthPayload(Session session, List<UserError> userErrors) {

    static AuthPayload of(Session session) {
        return new AuthPayload(session, List.of());
    }

    static AuthPayload failed(List<UserError> errors) {
        return new AuthPayload(null, errors);
    }

    static AuthPayload failed(UserError error) {
        return failed(List.of(error));
    }
}
