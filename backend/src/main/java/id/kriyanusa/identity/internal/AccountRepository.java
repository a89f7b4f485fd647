package id.kriyanusa.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.kriyanusa.identity.Account;
import id.kriyanusa.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    /** An account together with its password hash, which never leaves this module. */
    public record StoredAccount(Account account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from account where lower(email) = lower(?))")
            .param(email)
            .query(Boolean.class)
            .single();
    }

    public Account insert(String email, String displayName, String passwordHash, Set<Role> roles) {
        return jdbc.sql("""
                insert into account (email, display_name, password_hash, roles) values (?, ?, ?, ?::varchar[])
                returning id, email, display_name, password_hash, roles, email_verified_at, created_at
                """)
            .params(email, displayName, passwordHash, arrayLiteral(roles))
            .query(AccountRepository::map)
            .single()
            .account();
    }

    /**
     * Records the language the account's holder uses the site in, for mail sent to them
     * later outside any request of theirs.
     */
    public void setLanguage(long accountId, Locale language) {
        jdbc.sql("update account set language = ? where id = ?")
            .params("en".equals(language.getLanguage()) ? "en" : "id", accountId)
            .update();
    }

    /** The language the account's holder uses the site in, when known. */
    public Optional<Locale> languageOf(long accountId) {
        return jdbc.sql("select language from account where id = ? and language is not null")
            .param(accountId)
            .query(String.class)
            .optional()
            .map(Locale::forLanguageTag);
    }

    public Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql(
                "select id, email, display_name, password_hash, roles, email_verified_at, created_at from account where lower(email) = lower(?)")
            .param(email)
            .query(AccountRepository::map)
            .optional();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql(
                "select id, email, display_name, password_hash, roles, email_verified_at, created_at from account where id = ?")
            .param(id)
            .query(AccountRepository::map)
            .optional()
            .map(StoredAccount::account);
    }

    public void addRole(long accountId, Role role) {
        jdbc.sql("update account set roles = array_append(roles, ?::varchar) where id = ? and not (? = any(roles))")
            .params(role.name(), accountId, role.name())
            .update();
    }

    /** Marks the account's address as proven; false when the account is gone. */
    public boolean markEmailVerified(long accountId) {
        return jdbc.sql("update account set email_verified_at = coalesce(email_verified_at, now()) where id = ?")
            .param(accountId)
            .update() > 0;
    }

    /** Ends the account's page sessions: those signed in before now are signed out. */
    public void endPageSessions(long accountId) {
        jdbc.sql("update account set sessions_ended_at = now() where id = ?").param(accountId).update();
    }

    public void changePassword(long accountId, String passwordHash) {
        jdbc.sql("update account set password_hash = ? where id = ?").params(passwordHash, accountId).update();
    }

    public void removeRole(long accountId, Role role) {
        jdbc.sql("update account set roles = array_remove(roles, ?::varchar) where id = ?")
            .params(role.name(), accountId)
            .update();
    }

    /**
     * The roles an account holds now, for a session signed in at that moment; empty when
     * there is no such account or its sessions were ended after that.
     */
    public Optional<Set<Role>> rolesOf(long accountId, Instant signedInAt) {
        return jdbc.sql("""
                select roles from account
                where id = ? and (sessions_ended_at is null or sessions_ended_at < ?)""")
            .params(accountId, OffsetDateTime.ofInstant(signedInAt, ZoneOffset.UTC))
            .query((rs, row) -> roles(rs))
            .optional();
    }

    public List<Account> findByIds(Collection<Long> ids) {
        return jdbc.sql(
                "select id, email, display_name, password_hash, roles, email_verified_at, created_at from account where id = any(?)")
            .param(ids.toArray(Long[]::new))
            .query(AccountRepository::map)
            .list()
            .stream()
            .map(StoredAccount::account)
            .toList();
    }

    /** Accounts holding CURATOR or ADMIN, by email. */
    public List<Account> staff() {
        return jdbc.sql("""
                select id, email, display_name, password_hash, roles, email_verified_at, created_at from account
                where roles && '{CURATOR,ADMIN}'::varchar[] order by lower(email)
                """).query(AccountRepository::map).list().stream().map(StoredAccount::account).toList();
    }

    public long countHolding(Role role) {
        return jdbc.sql("select count(*) from account where roles && '{CURATOR,ADMIN}'::varchar[] and ? = any(roles)")
            .param(role.name())
            .query(Long.class)
            .single();
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        var account = new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), roles(rs),
                rs.getObject("email_verified_at") != null, rs.getObject("created_at", OffsetDateTime.class));
        return new StoredAccount(account, rs.getString("password_hash"));
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        for (var name : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(name));
        }
        return Set.copyOf(roles);
    }

    private static String arrayLiteral(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

}
