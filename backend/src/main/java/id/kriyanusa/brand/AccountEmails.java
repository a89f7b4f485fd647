package id.kriyanusa.brand;

import java.util.Locale;
import java.util.Optional;

/**
 * What invitations (and the catalog's record of category changes) need to know about
 * accounts: the identity module answers, as it depends on brand (it makes new members
 * producers) and brand must not depend on it.
 */
public interface AccountEmails {

    Optional<String> emailOf(long accountId);

    Optional<Long> accountWithEmail(String email);

    /**
     * Whether the account's holder proved they read its address: accepting an invitation
     * addressed to it needs that.
     */
    boolean emailVerified(long accountId);

    /**
     * The language the account's holder signed up in, for mail written to them; empty
     * when the portal does not know it.
     */
    Optional<Locale> languageOf(long accountId);

}
