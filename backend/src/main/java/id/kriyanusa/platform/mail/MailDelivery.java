package id.kriyanusa.platform.mail;

import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends the mail asked for once the transaction that asked for it committed, on a thread
 * of its own, from the event publication registry: a mail that cannot leave (the mail
 * server down, refusing or too slow) fails its listener and so stays in the registry, and
 * the platform's {@code EventPublicationRetries} sends it again with back-off until it
 * leaves, from whichever instance, after a restart too. A mail asked for more than a day
 * ago is given up with a warning instead: its news is stale by then, and its short-lived
 * links (a sign-in, a password reset, an inquiry's confirmation) have expired. Without a
 * mail server configured there is nothing to wait for, and the mail is only logged.
 * <p>
 * Outside a transaction, unlike {@code @ApplicationModuleListener}'s default: a mail
 * server that hangs would otherwise hold a pooled database connection for every mail
 * waiting on it.
 */
@Component
class MailDelivery {

    private static final Log LOG = LogFactory.getLog(MailDelivery.class);

    static final Duration GIVEN_UP_AFTER = Duration.ofDays(1);

    private final ObjectProvider<JavaMailSender> senders;

    private final JdbcClient jdbc;

    private final String from;

    MailDelivery(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc,
            @Value("${kriyanusa.mail.from:Kriyanusa <noreply@kriyanusa.id>}") String from) {
        this.senders = senders;
        this.jdbc = jdbc;
        this.from = from;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void deliver(MailAsked mail) {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            LOG.warn("No mail server configured (spring.mail.host): \"" + mail.subject() + "\" to " + mail.to()
                    + " was not sent");
            return;
        }
        if (mail.askedAt().plus(GIVEN_UP_AFTER).isBefore(Instant.now())) {
            LOG.warn("Gave up sending \"" + mail.subject() + "\" to " + mail.to() + ", asked for at " + mail.askedAt()
                    + ": the mail server did not take it for a day");
            return;
        }
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            sender.send(message);
        }
        catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        catch (MailException e) {
            LOG.warn("Could not send \"" + mail.subject() + "\" to " + mail.to() + " (trying again later): "
                    + e.getMessage());
            throw e;
        }
    }

    /**
     * A mail sent (or given up) is not kept: the registry keeps completed publications,
     * and its letter holds links that sign in or reset a password, whose tokens the
     * database otherwise stores only as hashes.
     */
    @Scheduled(fixedDelayString = "${kriyanusa.mail.sent-cleanup-interval:PT1M}",
            initialDelayString = "${kriyanusa.mail.sent-cleanup-interval:PT1M}")
    @SchedulerLock(name = "sent-mail-cleanup", lockAtLeastFor = "${kriyanusa.mail.sent-cleanup-interval:PT1M}",
            lockAtMostFor = "${kriyanusa.mail.sent-cleanup-interval:PT1M}")
    public void forgetSent() {
        deleteSent();
    }

    /** The deletion itself, without the lock that lets one instance a minute run it. */
    void deleteSent() {
        jdbc.sql("delete from event_publication where event_type = ? and completion_date is not null")
            .param(MailAsked.class.getName())
            .update();
    }

}
