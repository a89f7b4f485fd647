package id.kriyanusa.brand;

import java.util.HashMap;

import id.kriyanusa.brand.internal.BrandRepository;
import id.kriyanusa.platform.mail.Mailer;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a brand's members what the curator decided on its verification, with the
 * curator's note and a link to the brand's verification page, where they resubmit or read
 * the history. It runs once the decision committed, apart from the curator's request
 * (tracked by the event publication registry like the search listeners), so neither a
 * slow nor a failing mail server holds up or undoes the decision. Each member reads it in
 * the language they signed up in (Indonesian when the portal does not know it). Like the
 * inquiry mails to members, it also goes to addresses not confirmed yet: the address is
 * the one the member signed up with, and the mail carries nothing a stranger could use.
 */
@Component
class VerificationMails {

    private final BrandRepository repository;

    private final AccountEmails accounts;

    private final Mailer mailer;

    VerificationMails(BrandRepository repository, AccountEmails accounts, Mailer mailer) {
        this.repository = repository;
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @Async
    @TransactionalEventListener
    void tellMembers(BrandVerificationDecided decided) {
        var variables = new HashMap<String, Object>();
        variables.put("brand", decided.brandName());
        variables.put("decision", decided.decision().name());
        variables.put("note", decided.note());
        variables.put("link", mailer.link("/dasbor/merek/" + new BrandId(decided.brandId()).encode() + "/verifikasi"));
        for (var member : repository.members(decided.brandId())) {
            accounts.emailOf(member.accountId())
                .ifPresent(email -> mailer.send(email, "brand-verification", variables,
                        accounts.languageOf(member.accountId()).orElse(null)));
        }
    }

}
