package id.kriyanusa.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.identity.internal.AccountRepository;
import id.kriyanusa.platform.security.AccountRoles;
import id.kriyanusa.platform.security.Role;
import org.springframework.stereotype.Component;

/** The roles the pages' sessions act with: those the account holds now. */
@Component
class SignedInRoles implements AccountRoles {

    private final AccountRepository accounts;

    SignedInRoles(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Set<Role>> of(long accountId, Instant signedInAt) {
        return accounts.rolesOf(accountId, signedInAt);
    }

}
