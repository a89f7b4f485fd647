package id.kriyanusa.programme;

import java.time.LocalDate;

/**
 * A follow-up goal was added or changed (its kind, due date or status).
 * {@code previousStatus} is null for a new goal.
 */
public record FollowUpGoalChanged(long programmeId, long participantId, long goalId, FollowUpGoalKind kind,
        LocalDate dueOn, FollowUpGoalStatus status, FollowUpGoalStatus previousStatus) {
}
