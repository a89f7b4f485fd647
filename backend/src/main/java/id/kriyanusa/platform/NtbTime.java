package id.kriyanusa.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * The clock of Nusa Tenggara Barat, WITA (Asia/Makassar, UTC+8, no daylight saving),
 * which producers, department staff and the portal's counts all live by: a moment stored
 * in UTC is shown, mailed and counted on the day and at the hour it was in NTB, so 16:45
 * UTC on 6 December is 00:45 on 7 December everywhere.
 */
public final class NtbTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Makassar");

    private NtbTime() {
    }

    /** Today in NTB. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /**
     * A moment (an instant, or a time with any offset, as the API writes it) on NTB's
     * clock.
     */
    public static ZonedDateTime of(TemporalAccessor moment) {
        return moment instanceof OffsetDateTime withOffset ? withOffset.atZoneSameInstant(ZONE)
                : Instant.from(moment).atZone(ZONE);
    }

}
