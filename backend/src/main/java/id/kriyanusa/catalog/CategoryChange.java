package id.kriyanusa.catalog;

import java.time.OffsetDateTime;

/**
 * One change of a category, as recorded: what was done, the note given, who did it and
 * when.
 *
 * @param changedBy the account of the curator or admin
 */
public record CategoryChange(long id, long categoryId, Action action, String note, long changedBy,
        OffsetDateTime changedAt) {

    public enum Action {

        CREATED, UPDATED, RETIRED, RESTORED

    }

}
