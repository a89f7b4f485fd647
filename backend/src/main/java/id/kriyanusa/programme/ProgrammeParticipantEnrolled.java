package id.kriyanusa.programme;

/**
 * Someone joined a programme: what counting needs, without their name. Gender and age
 * band are null when not given or without consent; {@code brandId} when linked to a
 * brand.
 */
public record ProgrammeParticipantEnrolled(long programmeId, long participantId, long villageId, Long brandId,
        Gender gender, AgeBand ageBand) {
}
