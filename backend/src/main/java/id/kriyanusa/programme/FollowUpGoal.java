package id.kriyanusa.programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One goal of a participant's follow-up plan (rencana tindak lanjut). */
public record FollowUpGoal(long id, long participantId, FollowUpGoalKind kind, String description, LocalDate dueOn,
        FollowUpGoalStatus status, String note, OffsetDateTime updatedAt) {

    /** Still open after its due date. */
    public boolean overdueOn(LocalDate today) {
        return status.open() && dueOn.isBefore(today);
    }

}
