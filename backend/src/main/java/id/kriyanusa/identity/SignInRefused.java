package id.kriyanusa.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * Why the pages' sign-in form was refused: {@code INVALID_CREDENTIALS}, or
 * {@code RATE_LIMITED} with the minutes to wait.
 */
public class SignInRefused extends AuthenticationException {

    private final String code;

    private final Long minutesToWait;

    SignInRefused(Accounts.PasswordCheck check) {
        super(check.error().message());
        this.code = check.error().code().name();
        this.minutesToWait = check.retryAfter() == null ? null : check.minutesToWait();
    }

    public String code() {
        return code;
    }

    /** Null unless the sign-in was throttled. */
    public Long minutesToWait() {
        return minutesToWait;
    }

}
