package id.kriyanusa.programme;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/** The results of the programme mutations: what was saved, or what to fix. */
public final class ProgrammePayloads {

    private ProgrammePayloads() {
    }

    public record ProgrammePayload(Programme programme, List<UserError> userErrors) {

        /**
         * A dry run's answer when the change would be made: nothing was, and nothing is
         * left to fix.
         */
        static ProgrammePayload acceptable() {
            return new ProgrammePayload(null, List.of());
        }

        static ProgrammePayload failed(List<UserError> errors) {
            return new ProgrammePayload(null, errors);
        }

        static ProgrammePayload conflict() {
            return failed(List.of(new UserError("input.expectedVersion",
                    "Someone else changed this programme first; reload it and apply your change again",
                    UserErrorCode.CONFLICT)));
        }

    }

    public record ParticipantPayload(ProgrammeParticipant participant, List<UserError> userErrors) {

        static ParticipantPayload acceptable() {
            return new ParticipantPayload(null, List.of());
        }

        static ParticipantPayload failed(List<UserError> errors) {
            return new ParticipantPayload(null, errors);
        }

    }

    public record FollowUpGoalPayload(FollowUpGoal goal, List<UserError> userErrors) {

        /**
         * A dry run's answer when the change would be made: nothing was, and nothing is
         * left to fix.
         */
        static FollowUpGoalPayload acceptable() {
            return new FollowUpGoalPayload(null, List.of());
        }

        static FollowUpGoalPayload failed(List<UserError> errors) {
            return new FollowUpGoalPayload(null, errors);
        }

    }

}
