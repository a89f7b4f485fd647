package id.kriyanusa.insights;

import java.time.LocalDate;

/**
 * What happened to a programme's participants' brands and goals from {@code from} to
 * {@code to} (NTB days, both included), each time it happened.
 */
public record PeriodOutcome(LocalDate from, LocalDate to, int brandsVerified, int productsPublished, int inquiries,
        int whatsAppTaps, int goalsDone) {
}
