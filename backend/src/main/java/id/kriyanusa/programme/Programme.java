package id.kriyanusa.programme;

import java.time.LocalDate;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A training programme (Bimtek) held in a village. {@code budgetLine} is the department's
 * own bookkeeping, shown to staff only.
 */
public record Programme(long id, LocalizedText title, String organiser, LocalDate startsOn, LocalDate endsOn,
        long villageId, List<String> topics, List<String> trainers, String budgetLine, int participantCount,
        long version) {

    Programme withoutBudgetLine() {
        return new Programme(id, title, organiser, startsOn, endsOn, villageId, topics, trainers, null,
                participantCount, version);
    }

}
