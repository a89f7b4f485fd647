package id.kriyanusa.programme;

import java.time.LocalDate;

/**
 * A programme was created or its details changed (dates, place). Published in the
 * changing transaction; {@code version} is the programme's version after it.
 */
public record ProgrammeChanged(long programmeId, long villageId, LocalDate startsOn, LocalDate endsOn, long version) {
}
