package id.kriyanusa.programme;

/**
 * A participant was taken off a programme (enrolled by mistake), and their follow-up
 * goals with them: counts drop what {@link ProgrammeParticipantEnrolled} and
 * {@link FollowUpGoalChanged} added for them.
 */
public record ProgrammeParticipantRemoved(long programmeId, long participantId) {
}
