package id.kriyanusa.identity;

import java.util.Locale;
import java.util.Optional;

import id.kriyanusa.brand.AccountEmails;
import id.kriyanusa.brand.BrandMemberJoined;
import id.kriyanusa.identity.internal.AccountRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the brand module asks of accounts, and what its members become. */
@Component
class BrandMemberAccounts implements AccountEmails {

    private final Accounts accounts;

    private final AccountRepository repository;

    BrandMemberAccounts(Accounts accounts, AccountRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    @Override
    public Optional<String> emailOf(long accountId) {
        return accounts.byId(accountId).map(Account::email);
    }

    @Override
    public Optional<Long> accountWithEmail(String email) {
        return accounts.byEmail(email).map(Account::id);
    }

    @Override
    public boolean emailVerified(long accountId) {
        return accounts.byId(accountId).map(Account::emailVerified).orElse(false);
    }

    @Override
    public Optional<Locale> languageOf(long accountId) {
        return repository.languageOf(accountId);
    }

    /**
     * A new member becomes a producer in the transaction that adds the membership, not
     * after it: the producer who just created a brand or accepted an invitation acts as
     * one on the very next request, and a membership never commits without its role. A
     * plain synchronous listener does that; Modulith's {@code @ApplicationModuleListener}
     * would grant it asynchronously in a transaction of its own once the membership had
     * committed.
     */
    @EventListener
    void grantProducer(BrandMemberJoined joined) {
        accounts.grantProducer(joined.accountId());
    }

}
