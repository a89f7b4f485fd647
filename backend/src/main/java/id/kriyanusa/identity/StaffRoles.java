package id.kriyanusa.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import id.kriyanusa.identity.internal.AccountRepository;
import id.kriyanusa.identity.internal.RefreshTokens;
import id.kriyanusa.identity.internal.StaffRoleChanges;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's staff: admins grant and revoke CURATOR and ADMIN, each change audited
 * with its reason. A revocation takes effect at once: the account's API sessions end (its
 * clients sign in again, with the roles it holds now), and its page session reads the
 * roles again on every request ({@code CurrentRoles}). The last admin keeps the role, so
 * that someone can always grant it again.
 */
@Service
@Transactional
public class StaffRoles {

    static final int MAX_REASON_LENGTH = 500;

    /** Whose role, which, and why. */
    public record StaffRoleInput(String account, StaffRole role, String reason) {
    }

    /** The account as it is after the change, or what to fix. */
    public record StaffRolePayload(Account account, List<UserError> userErrors) {

        static StaffRolePayload failed(List<UserError> errors) {
            return new StaffRolePayload(null, errors);
        }

        /**
         * A dry run's answer when the change would be made: nothing was, and nothing is
         * left to fix.
         */
        static StaffRolePayload acceptable() {
            return new StaffRolePayload(null, List.of());
        }

    }

    /**
     * What the start-up did about the first admin: the account and, when it made a new
     * password, that password, to be shown once.
     */
    record Bootstrapped(Account account, boolean created, String password) {
    }

    private final SecureRandom random = new SecureRandom();

    private final AccountRepository accounts;

    private final StaffRoleChanges changes;

    private final RefreshTokens sessions;

    private final PasswordEncoder passwords;

    StaffRoles(AccountRepository accounts, StaffRoleChanges changes, RefreshTokens sessions,
            PasswordEncoder passwords) {
        this.accounts = accounts;
        this.changes = changes;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    /** Grants a staff role to the account with this email. Admins only. */
    public StaffRolePayload grant(StaffRoleInput input) {
        return grant(input, false);
    }

    /**
     * What {@link #grant} would answer, saving nothing: the same authorisation and user
     * errors, none when the role would be granted.
     */
    @Transactional(readOnly = true)
    public StaffRolePayload checkGrant(StaffRoleInput input) {
        return grant(input, true);
    }

    private StaffRolePayload grant(StaffRoleInput input, boolean onlyCheck) {
        var admin = Caller.current();
        admin.require(Role.ADMIN);
        changes.lock();
        var errors = new ArrayList<UserError>();
        var account = target(input, errors);
        if (account.isPresent() && input.role() != null && account.get().roles().contains(input.role().role())) {
            errors.add(UserError.of("input.role", UserErrorCode.INVALID_STATE, "The account holds this role already"));
        }
        if (!errors.isEmpty()) {
            return StaffRolePayload.failed(errors);
        }
        if (onlyCheck) {
            return StaffRolePayload.acceptable();
        }
        var id = account.get().id();
        accounts.addRole(id, input.role().role());
        changes.record(id, input.role(), StaffRoleChange.Action.GRANTED, input.reason().strip(), admin.accountId());
        return new StaffRolePayload(accounts.findById(id).orElseThrow(), List.of());
    }

    /**
     * Revokes a staff role from the account with this email and ends its API sessions.
     * Admins only; the last admin keeps the role.
     */
    public StaffRolePayload revoke(StaffRoleInput input) {
        return revoke(input, false);
    }

    /**
     * What {@link #revoke} would answer, changing nothing and ending no session: the same
     * authorisation and user errors (the last admin's too), none when the role would be
     * revoked.
     */
    @Transactional(readOnly = true)
    public StaffRolePayload checkRevoke(StaffRoleInput input) {
        return revoke(input, true);
    }

    private StaffRolePayload revoke(StaffRoleInput input, boolean onlyCheck) {
        var admin = Caller.current();
        admin.require(Role.ADMIN);
        changes.lock();
        var errors = new ArrayList<UserError>();
        var account = target(input, errors);
        if (account.isPresent() && input.role() != null) {
            if (!account.get().roles().contains(input.role().role())) {
                errors.add(
                        UserError.of("input.role", UserErrorCode.INVALID_STATE, "The account does not hold this role"));
            }
            else if (input.role() == StaffRole.ADMIN && accounts.countHolding(Role.ADMIN) <= 1) {
                errors.add(UserError.of("input.role", UserErrorCode.LAST_ADMIN,
                        "This is the last admin; grant ADMIN to someone else first"));
            }
        }
        if (!errors.isEmpty()) {
            return StaffRolePayload.failed(errors);
        }
        if (onlyCheck) {
            return StaffRolePayload.acceptable();
        }
        var id = account.get().id();
        accounts.removeRole(id, input.role().role());
        sessions.endSessionsOf(id);
        changes.record(id, input.role(), StaffRoleChange.Action.REVOKED, input.reason().strip(), admin.accountId());
        return new StaffRolePayload(accounts.findById(id).orElseThrow(), List.of());
    }

    /** Accounts holding CURATOR or ADMIN, by email. Admins only. */
    @Transactional(readOnly = true)
    public List<Account> members() {
        Caller.current().require(Role.ADMIN);
        return accounts.staff();
    }

    /** Grants and revocations, newest first. Admins only. */
    @Transactional(readOnly = true)
    public Connection<StaffRoleChange> history(OffsetPage page) {
        Caller.current().require(Role.ADMIN);
        return page.connection(changes.newestFirst(page.offset(), page.limit()), changes.count());
    }

    /** The accounts named in audited changes, for one page of the history at once. */
    @Transactional(readOnly = true)
    public List<Account> byIds(Collection<Long> ids) {
        Caller.current().require(Role.ADMIN);
        return accounts.findByIds(ids);
    }

    /**
     * Makes the account with this email an admin when no account is one, with a new
     * random password (also for an account that exists already: whoever signed up with
     * the address before cannot keep the admin's account), and ends its sessions; empty
     * when an admin exists. Serialised with role changes, so instances starting together
     * make one admin.
     */
    Optional<Bootstrapped> bootstrapAdmin(String email, String reason) {
        changes.lock();
        if (accounts.countHolding(Role.ADMIN) > 0) {
            return Optional.empty();
        }
        var address = Accounts.normalisedEmail(email);
        var password = newPassword();
        var hash = passwords.encode(password);
        var existing = accounts.findByEmail(address).map(AccountRepository.StoredAccount::account);
        var id = existing.map(Account::id)
            .orElseGet(() -> accounts.insert(address, "Admin Kriyanusa", hash, EnumSet.of(Role.BUYER)).id());
        accounts.changePassword(id, hash);
        accounts.addRole(id, Role.ADMIN);
        sessions.endSessionsOf(id);
        changes.record(id, StaffRole.ADMIN, StaffRoleChange.Action.GRANTED, reason, null);
        return Optional.of(new Bootstrapped(accounts.findById(id).orElseThrow(), existing.isEmpty(), password));
    }

    private Optional<Account> target(StaffRoleInput input, List<UserError> errors) {
        var reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            errors.add(UserError.of("input.reason", UserErrorCode.REQUIRED, "Say why the role changes"));
        }
        else if (reason.length() > MAX_REASON_LENGTH) {
            errors.add(UserError.of("input.reason", UserErrorCode.TOO_LONG,
                    "Use at most " + MAX_REASON_LENGTH + " characters"));
        }
        if (input.role() == null) {
            errors.add(UserError.of("input.role", UserErrorCode.REQUIRED, "Choose a role"));
        }
        var account = accounts.findByEmail(Accounts.normalisedEmail(input.account()))
            .map(AccountRepository.StoredAccount::account);
        if (account.isEmpty()) {
            errors.add(UserError.of("input.account", UserErrorCode.NOT_FOUND,
                    "No account has this email; the person signs up first"));
        }
        return account;
    }

    /** 120 random bits, as 20 characters that survive copying from a log. */
    private String newPassword() {
        var bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
