package id.kriyanusa.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Dates from the forms' date fields: as a date picker sends them (2029-03-05), or as
 * typed where a browser shows none, day first as the field shows it to Indonesian readers
 * (25/03/2029, 5/3/2029), which is how the forms' problems give their examples. Strictly:
 * 30/2/2026 is no date, not the last of February.
 */
final class TypedDates {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
        .withResolverStyle(ResolverStyle.STRICT);

    private TypedDates() {
    }

    /** The date as the API takes it (2029-03-05); empty when the text is no date. */
    static Optional<String> read(String typed) {
        var text = typed.strip();
        for (var form : new DateTimeFormatter[] { DateTimeFormatter.ISO_LOCAL_DATE, DAY_FIRST }) {
            try {
                return Optional.of(LocalDate.parse(text, form).toString());
            }
            catch (DateTimeParseException notThisForm) {
                // the other form, or none
            }
        }
        return Optional.empty();
    }

}
