package id.kriyanusa.programme;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Someone who took part in a programme. Without {@code consent} only the row counts: no
 * account, name, gender or age band is kept. {@code name} is the name given at enrolment;
 * an account's participant may have none and goes by the account's name.
 */
public record ProgrammeParticipant(long id, long programmeId, boolean consent, Long accountId, String name,
        Long brandId, Gender gender, AgeBand ageBand, OffsetDateTime enrolledAt, List<FollowUpGoal> followUpGoals) {

    /**
     * Whether the account is this participant, or a member of the participant's brand.
     */
    boolean concerns(Long accountId, Set<Long> memberBrandIds) {
        return (accountId != null && accountId.equals(this.accountId))
                || (brandId != null && memberBrandIds.contains(brandId));
    }

    /**
     * Whether the account may move this participant's goals along: the participant's own
     * account; for a participant enrolled without one (a name only, or no consent), the
     * members of the participant's brand, who answer for the brand's plan. Another member
     * of the same brand does not change a colleague's own goals.
     */
    boolean goalsMovableBy(Long accountId, Set<Long> memberBrandIds) {
        if (this.accountId != null) {
            return this.accountId.equals(accountId);
        }
        return brandId != null && memberBrandIds.contains(brandId);
    }

}
