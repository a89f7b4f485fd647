package id.kriyanusa.platform.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The roles an account holds now, from the identity module, which keeps them: the pages'
 * sessions read them on every request ({@link CurrentRoles}).
 */
public interface AccountRoles {

    /**
     * The roles a page session of the account, signed in at that moment, acts with now;
     * empty when there is no such account any more or its sessions were ended since (a
     * password reset).
     */
    Optional<Set<Role>> of(long accountId, Instant signedInAt);

}
