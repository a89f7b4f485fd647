package id.kriyanusa.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.identity.internal.AccountRepository;
import id.kriyanusa.identity.internal.LinkTokens;
import id.kriyanusa.identity.internal.LinkTokens.Purpose;
import id.kriyanusa.identity.internal.RefreshTokens;
import id.kriyanusa.platform.KeyedRateLimit;
import id.kriyanusa.platform.SharedRateLimits;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.mail.Mailer;
import id.kriyanusa.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is done through links mailed to an account's address: proving the address is
 * theirs (`/verifikasi-email/{token}`) and choosing a new password
 * (`/atur-ulang-sandi/{token}`). Asking for mail is limited per account (or address asked
 * for) and per network address, so that nobody floods a mailbox through the portal.
 */
@Service
@Transactional
public class MailedLinks {

    static final Duration VERIFICATION_LIFETIME = Duration.ofHours(48);

    static final Duration RESET_LIFETIME = Duration.ofMinutes(30);

    static final Duration SIGN_IN_LIFETIME = Duration.ofMinutes(15);

    /** The result of a change made through a mailed link or asking for one. */
    public record LinkPayload(boolean done, Account account, List<UserError> userErrors) {

        static LinkPayload ok(Account account) {
            return new LinkPayload(true, account, List.of());
        }

        static LinkPayload failed(UserError error) {
            return new LinkPayload(false, null, List.of(error));
        }

    }

    private final AccountRepository accounts;

    private final LinkTokens links;

    private final RefreshTokens sessions;

    private final PasswordEncoder passwords;

    private final Mailer mailer;

    private final ApplicationEventPublisher events;

    /** Mails per account (verification) or per address asked for (reset). */
    private final KeyedRateLimit perAccount;

    /** Mails asked for from one network address. */
    private final KeyedRateLimit perClient;

    MailedLinks(AccountRepository accounts, LinkTokens links, RefreshTokens sessions, PasswordEncoder passwords,
            Mailer mailer, SharedRateLimits limits, ApplicationEventPublisher events) {
        this.perAccount = limits.limit("mails-per-account", 3, Duration.ofMinutes(30));
        this.perClient = limits.limit("mails-per-address", 20, Duration.ofMinutes(30));
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.passwords = passwords;
        this.mailer = mailer;
        this.events = events;
    }

    /** Mails a new account its verification link, in the language it signed up in. */
    void sendVerification(Account account) {
        var token = links.issue(account.id(), Purpose.VERIFY_EMAIL, VERIFICATION_LIFETIME);
        mailer.send(
                account.email(), "email-verification", Map.of("name", account.displayName(), "hours",
                        VERIFICATION_LIFETIME.toHours(), "link", mailer.link("/verifikasi-email/" + token)),
                LocaleContextHolder.getLocale());
    }

    /** Proves the address of the account the link was mailed to; no sign-in needed. */
    public LinkPayload verifyEmail(String token) {
        return links.use(token == null ? "" : token.strip(), Purpose.VERIFY_EMAIL)
            .filter(accounts::markEmailVerified)
            .flatMap(accounts::findById)
            .map(this::proven)
            .map(LinkPayload::ok)
            .orElseGet(() -> LinkPayload.failed(UserError.of("input.token", UserErrorCode.INVALID,
                    "This link does not work: it was used already, has expired or was copied wrongly")));
    }

    /** Mails the signed-in account a new verification link. */
    public LinkPayload resendVerification(String clientAddress) {
        var account = accounts.findById(Caller.current().requireAccount()).orElseThrow();
        if (account.emailVerified()) {
            return LinkPayload
                .failed(UserError.of(null, UserErrorCode.INVALID_STATE, "Your email address is already verified"));
        }
        if (perClient.take(clientAddress, 1) != null || perAccount.take(account.id(), 1) != null) {
            return LinkPayload.failed(UserError.of(null, UserErrorCode.RATE_LIMITED,
                    "The link was sent several times already; try again in a few minutes"));
        }
        sendVerification(account);
        return LinkPayload.ok(account);
    }

    /**
     * Mails a password-reset link when an account has this address. The answer is the
     * same either way, so that nobody learns who has an account; only an address left
     * empty is refused, as no account can have it.
     */
    public LinkPayload requestPasswordReset(String email, String clientAddress) {
        var address = Accounts.normalisedEmail(email);
        if (address.isEmpty()) {
            return LinkPayload
                .failed(UserError.of("input.email", UserErrorCode.REQUIRED, "Enter the email address of the account"));
        }
        if (perClient.take(clientAddress, 1) != null || perAccount.take("reset:" + address, 1) != null) {
            return LinkPayload.failed(
                    UserError.of(null, UserErrorCode.RATE_LIMITED, "Too many requests; try again in a few minutes"));
        }
        accounts.findByEmail(address).map(AccountRepository.StoredAccount::account).ifPresent(account -> {
            var token = links.issue(account.id(), Purpose.RESET_PASSWORD, RESET_LIFETIME);
            mailer.send(
                    account.email(), "password-reset", Map.of("name", account.displayName(), "minutes",
                            RESET_LIFETIME.toMinutes(), "link", mailer.link("/atur-ulang-sandi/" + token)),
                    LocaleContextHolder.getLocale());
        });
        return new LinkPayload(true, null, List.of());
    }

    /**
     * Mails a sign-in link when an account has this address and it is verified: the link
     * proves that whoever signs in with it reads the account's mail, so its one attempt
     * passes the throttle that a guesser on the same network set off. The answer is the
     * same either way; only an address left empty is refused, as no account can have it.
     */
    public LinkPayload requestSignInLink(String email, String clientAddress) {
        var address = Accounts.normalisedEmail(email);
        if (address.isEmpty()) {
            return LinkPayload
                .failed(UserError.of("input.email", UserErrorCode.REQUIRED, "Enter the email address of the account"));
        }
        if (perClient.take(clientAddress, 1) != null || perAccount.take("sign-in:" + address, 1) != null) {
            return LinkPayload.failed(
                    UserError.of(null, UserErrorCode.RATE_LIMITED, "Too many requests; try again in a few minutes"));
        }
        accounts.findByEmail(address)
            .map(AccountRepository.StoredAccount::account)
            .filter(Account::emailVerified)
            .ifPresent(account -> {
                var token = links.issue(account.id(), Purpose.SIGN_IN, SIGN_IN_LIFETIME);
                mailer.send(
                        account.email(), "sign-in-link", Map.of("name", account.displayName(), "minutes",
                                SIGN_IN_LIFETIME.toMinutes(), "link", mailer.link("/masuk?kode=" + token)),
                        LocaleContextHolder.getLocale());
            });
        return new LinkPayload(true, null, List.of());
    }

    /**
     * Tells the other modules, within the transaction that marked it, that the account's
     * address is proven, so that what they join to it is there on the holder's next page.
     */
    private Account proven(Account account) {
        events.publishEvent(new AccountEmailVerified(account.id(), account.email()));
        return account;
    }

    /**
     * Whether a reset link can still set a new password: not once it or another reset
     * link of the account was used, nor once it expired. Nothing is used up by asking, so
     * the link's page can say at once that it no longer works.
     */
    @Transactional(readOnly = true)
    public boolean resetLinkWorks(String token) {
        return links.works(token == null ? "" : token.strip(), Purpose.RESET_PASSWORD);
    }

    /**
     * Sets a new password through a reset link and ends every sign-in session of the
     * account; the address is proven by the way.
     */
    public LinkPayload resetPassword(String token, String newPassword) {
        var password = newPassword == null ? "" : newPassword;
        var problem = Accounts.passwordProblem("input.newPassword", password);
        if (problem.isPresent()) {
            return LinkPayload.failed(problem.get());
        }
        Optional<Long> accountId = links.use(token == null ? "" : token.strip(), Purpose.RESET_PASSWORD);
        if (accountId.isEmpty()) {
            return LinkPayload.failed(UserError.of("input.token", UserErrorCode.INVALID,
                    "This link does not work: it was used already, has expired or was copied wrongly"));
        }
        accounts.changePassword(accountId.get(), passwords.encode(password));
        accounts.markEmailVerified(accountId.get());
        accounts.findById(accountId.get()).ifPresent(this::proven);
        sessions.endSessionsOf(accountId.get());
        accounts.endPageSessions(accountId.get());
        return new LinkPayload(true, null, List.of());
    }

}
