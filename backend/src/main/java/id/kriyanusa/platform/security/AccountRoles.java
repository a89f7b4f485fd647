package id.kriyanusa.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The roles an account holds now, from the identity module, which keeps them: the pages'
 * sessions read them on every request ({@link CurrentRoles}).
 */
public interface AccountRoles {

    /** The account's roles; empty when there is no such account any more. */
    Optional<Set<Role>> of(long accountId);

}
