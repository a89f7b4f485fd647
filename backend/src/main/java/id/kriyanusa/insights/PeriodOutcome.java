package id.kriyanusa.insights;

import java.time.LocalDate;

/**
 * What happened to a programme's participants' brands and goals from {@code from} to
 * {@code to} (NTB days, both included), each time it happened, and the artisans the
 * brands gave on the last day (women and youth among them).
 */
public record PeriodOutcome(LocalDate from, LocalDate to, int brandsVerified, int productsPublished, int inquiries,
        int whatsAppTaps, int goalsDone, int artisans, int artisansWomen, int artisansYouth) {
}
