package id.kriyanusa.insights;

import java.time.YearMonth;

/**
 * What happened in one month (in NTB time), each time it happened: products published
 * (again after archiving counts again), brands verified, inquiries sent and WhatsApp
 * taps.
 */
public record MonthOutcome(YearMonth month, int productsPublished, int brandsVerified, int inquiries,
        int whatsAppTaps) {

    static MonthOutcome quiet(YearMonth month) {
        return new MonthOutcome(month, 0, 0, 0, 0);
    }

}
