package id.kriyanusa.programme;

import java.time.LocalDate;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;
import org.springframework.graphql.data.ArgumentValue;

/** What curators and producers send to keep programmes and follow-up plans. */
public final class ProgrammeInputs {

    private ProgrammeInputs() {
    }

    public record Create(LocalizedText title, String organiser, LocalDate startsOn, LocalDate endsOn, String villageId,
            List<String> topics, List<String> trainers, String budgetLine) {
    }

    /**
     * Only the fields given change; null clears an optional field and is a user error for
     * a required one.
     */
    public record Update(String id, Long expectedVersion, ArgumentValue<LocalizedText> title,
            ArgumentValue<String> organiser, ArgumentValue<LocalDate> startsOn, ArgumentValue<LocalDate> endsOn,
            ArgumentValue<String> villageId, ArgumentValue<List<String>> topics, ArgumentValue<List<String>> trainers,
            ArgumentValue<String> budgetLine) {
    }

    /** A participant: an account (by its email address) or a named person. */
    public record Enrol(String programmeId, Boolean consent, String accountEmail, String name, String brandId,
            Gender gender, AgeBand ageBand) {
    }

    /**
     * A participant to take off; {@code programmeId}, when given, is the programme they
     * must be in.
     */
    public record RemoveParticipant(String programmeId, String participantId) {
    }

    /** A new goal ({@code goalId} null) or a change to one. */
    public record SetGoal(String participantId, String goalId, FollowUpGoalKind kind, String description,
            LocalDate dueOn, FollowUpGoalStatus status) {
    }

    public record UpdateGoalStatus(String goalId, FollowUpGoalStatus status, String note) {
    }

}
