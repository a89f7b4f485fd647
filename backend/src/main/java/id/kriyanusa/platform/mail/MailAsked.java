package id.kriyanusa.platform.mail;

import java.time.Instant;

/**
 * A mail asked for, composed when it was asked for (in the reader's language, with links
 * that work from then on), kept in the event publication registry with the transaction
 * that asked for it until {@link MailDelivery} sent it.
 */
record MailAsked(String to, String subject, String text, String html, Instant askedAt) {

}
