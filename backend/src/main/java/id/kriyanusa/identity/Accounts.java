package id.kriyanusa.identity;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import id.kriyanusa.identity.internal.AccessTokens;
import id.kriyanusa.identity.internal.AccountRepository;
import id.kriyanusa.identity.internal.LinkTokens;
import id.kriyanusa.identity.internal.LinkTokens.Purpose;
import id.kriyanusa.identity.internal.LoginThrottle;
import id.kriyanusa.identity.internal.RefreshTokens;
import id.kriyanusa.platform.KeyedRateLimit;
import id.kriyanusa.platform.SharedRateLimits;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Signing up, signing in and out, and the accounts behind them. */
@Service
@Transactional
public class Accounts {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;

    /** Roles a person may choose when signing up; staff roles are granted by an admin. */
    public enum SignUpRole {

        BUYER, PRODUCER

    }

    public record RegisterInput(String email, String password, String displayName, SignUpRole role) {
    }

    /**
     * A sign-in: email and password, and the secret of a mailed sign-in link when the
     * throttle holds back this network.
     */
    public record LoginInput(String email, String password, String signInCode) {

        public LoginInput(String email, String password) {
            this(email, password, null);
        }

    }

    /**
     * The account the email and password belong to, or the error saying why not (wrong,
     * or too many failures, then with the time to wait).
     */
    public record PasswordCheck(Account account, UserError error, Duration retryAfter) {

        static PasswordCheck throttled(Duration retryAfter) {
            var minutes = inWholeMinutes(retryAfter);
            return new PasswordCheck(null, UserError.of(null, UserErrorCode.RATE_LIMITED,
                    "Too many failed sign-ins. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")),
                    retryAfter);
        }

        /** The wait in whole minutes, at least one, as people are told it. */
        public long minutesToWait() {
            return inWholeMinutes(retryAfter);
        }

        private static long inWholeMinutes(Duration wait) {
            return Math.max(1, wait.plusSeconds(59).toMinutes());
        }

    }

    private final AccountRepository accounts;

    private final PasswordEncoder passwords;

    private final AccessTokens accessTokens;

    private final RefreshTokens refreshTokens;

    private final LoginThrottle throttle;

    private final String unknownAccountHash;

    private final KeyedRateLimit signUps;

    private final MailedLinks mailedLinks;

    private final LinkTokens links;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, AccessTokens accessTokens,
            RefreshTokens refreshTokens, LoginThrottle throttle, MailedLinks mailedLinks, LinkTokens links,
            SharedRateLimits limits, @Value("${kriyanusa.identity.sign-ups-per-address:30}") long signUpsPerAddress) {
        this.mailedLinks = mailedLinks;
        this.links = links;
        this.signUps = limits.limit("sign-ups-per-address", signUpsPerAddress, Duration.ofMinutes(30));
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    /**
     * Signs up an account and mails it a link that verifies its address; sign-ups are
     * limited per network address and half hour
     * (`kriyanusa.identity.sign-ups-per-address`, 30: a Bimtek class signing up together
     * on one hotspot passes, a script creating accounts by the thousand does not).
     */
    public AuthPayload register(RegisterInput input, String clientAddress) {
        if (signUps.take(clientAddress, 1) != null) {
            return AuthPayload.failed(List.of(UserError.of(null, UserErrorCode.RATE_LIMITED,
                    "Too many sign-ups from this network; try again in a few minutes")));
        }
        var errors = new ArrayList<UserError>();
        var email = normalisedEmail(input.email());
        var displayName = input.displayName() == null ? "" : input.displayName().strip();
        if (validEmail(email).isEmpty()) {
            errors.add(UserError.of("input.email", UserErrorCode.INVALID, "Enter a valid email address"));
        }
        else if (accounts.emailTaken(email)) {
            errors.add(UserError.of("input.email", UserErrorCode.TAKEN, "An account with this email already exists"));
        }
        var password = input.password() == null ? "" : input.password();
        passwordProblem("input.password", password).ifPresent(errors::add);
        if (displayName.isEmpty() || displayName.length() > 120) {
            var code = displayName.isEmpty() ? UserErrorCode.REQUIRED : UserErrorCode.TOO_LONG;
            errors.add(UserError.of("input.displayName", code, "Enter a name of 1 to 120 characters"));
        }
        if (!errors.isEmpty()) {
            return AuthPayload.failed(errors);
        }
        var role = Role.valueOf((input.role() == null ? SignUpRole.BUYER : input.role()).name());
        var account = accounts.insert(email, displayName, passwords.encode(password), EnumSet.of(role));
        accounts.setLanguage(account.id(), LocaleContextHolder.getLocale());
        mailedLinks.sendVerification(account);
        return AuthPayload.of(sessionFor(account));
    }

    // no transaction: the throttle's buckets commit on connections of their own, and
    // none is held across the password comparison
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AuthPayload login(LoginInput input, String clientAddress) {
        var check = checkPassword(input, clientAddress);
        return check.account() != null ? AuthPayload.of(sessionFor(check.account()))
                : AuthPayload.failed(check.error());
    }

    /**
     * Checks an email and password without issuing tokens, for the pages' sign-in form,
     * which keeps the account in a session instead. The API's login goes through here
     * too, so one throttle counts the failures of both.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PasswordCheck checkPassword(LoginInput input, String clientAddress) {
        var email = normalisedEmail(input.email());
        var attempt = throttle.attempt(email, clientAddress);
        if (!attempt.allowed() && !signInLinkOpens(email, input.signInCode())) {
            return PasswordCheck.throttled(attempt.retryAfter());
        }
        var password = input.password() == null ? "" : input.password();
        var stored = password.length() > MAX_PASSWORD_LENGTH ? Optional.<AccountRepository.StoredAccount>empty()
                : accounts.findByEmail(email);
        // an unknown email costs a hash comparison too, so timing does not reveal who has
        // an account
        var hash = stored.map(AccountRepository.StoredAccount::passwordHash).orElse(unknownAccountHash);
        if (!passwords.matches(password, hash) || stored.isEmpty()) {
            // one message for unknown email and wrong password: the form must not reveal
            // who has an account
            return new PasswordCheck(null,
                    UserError.of(null, UserErrorCode.INVALID_CREDENTIALS, "Email or password is wrong"), null);
        }
        attempt.succeeded();
        return new PasswordCheck(stored.get().account(), null, null);
    }

    /**
     * The second factor for the owner whose network the throttle holds back (a guesser
     * behind the same address): a link mailed to the account's verified address lets one
     * password attempt through, and is used up by it, before the password is checked, so
     * a wrong code reveals nothing about the password.
     */
    private boolean signInLinkOpens(String email, String signInCode) {
        if (signInCode == null || signInCode.isBlank()) {
            return false;
        }
        return accounts.findByEmail(email)
            .flatMap(stored -> links.use(signInCode.strip(), Purpose.SIGN_IN, stored.account().id()))
            .isPresent();
    }

    /**
     * A new access and refresh token for the same sign-in session; a refresh token used a
     * second time ends its session instead (see {@link RefreshTokens}).
     */
    public AuthPayload refresh(String refreshToken) {
        return refreshTokens.consume(refreshToken == null ? "" : refreshToken)
            .flatMap(used -> accounts.findById(used.accountId())
                .map(account -> sessionFor(account, refreshTokens.issue(account.id(), used.sessionId()))))
            .map(AuthPayload::of)
            .orElseGet(() -> AuthPayload.failed(
                    UserError.of("input.refreshToken", UserErrorCode.INVALID, "The session has ended; sign in again")));
    }

    /**
     * Ends the sign-in session the refresh token belongs to: its refresh and access
     * tokens are refused from now on.
     */
    public boolean logout(String refreshToken) {
        return refreshTokens.endSessionOf(refreshToken == null ? "" : refreshToken);
    }

    @Transactional(readOnly = true)
    public Optional<Account> me() {
        return Caller.current().account().flatMap(accounts::findById);
    }

    @Transactional(readOnly = true)
    public Optional<Account> byId(long id) {
        return accounts.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Account> byEmail(String email) {
        return accounts.findByEmail(normalisedEmail(email)).map(AccountRepository.StoredAccount::account);
    }

    /**
     * An address as mail servers treat it: without surrounding spaces and the trailing
     * dot of a fully qualified domain, in lower case (providers ignore case), so that
     * {@code Siti@Contoh.ID.} and {@code siti@contoh.id} are one account.
     */
    static String normalisedEmail(String email) {
        var address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        while (address.endsWith(".")) {
            address = address.substring(0, address.length() - 1);
        }
        return address;
    }

    /**
     * The address as typed, normalised, when it looks like one an account could have;
     * empty otherwise.
     */
    public static Optional<String> validEmail(String typed) {
        var address = normalisedEmail(typed);
        return address.length() <= 254 && EMAIL.matcher(address).matches() ? Optional.of(address) : Optional.empty();
    }

    /**
     * What is wrong with a new password, as a user error at {@code field}: it takes 10 to
     * 128 characters, and not only spaces, which anyone guesses first. Too long is
     * TOO_LONG, as for any text; too short or only spaces is INVALID.
     */
    static Optional<UserError> passwordProblem(String field, String password) {
        var rule = "Use a password of " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                + " characters, not only spaces";
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of(UserError.of(field, UserErrorCode.TOO_LONG, rule));
        }
        if (password.length() < MIN_PASSWORD_LENGTH || password.isBlank()) {
            return Optional.of(UserError.of(field, UserErrorCode.INVALID, rule));
        }
        return Optional.empty();
    }

    /** Makes an account a producer, when it joins a brand. */
    void grantProducer(long accountId) {
        accounts.addRole(accountId, Role.PRODUCER);
    }

    private Session sessionFor(Account account) {
        return sessionFor(account, refreshTokens.startSession(account.id()));
    }

    private Session sessionFor(Account account, RefreshTokens.Issued refresh) {
        var access = accessTokens.issue(account, refresh.sessionId());
        return new Session(access.token(), access.expiresAt().atOffset(ZoneOffset.UTC), refresh.token(),
                refresh.expiresAt().atOffset(ZoneOffset.UTC), account);
    }

}
