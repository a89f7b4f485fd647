package id.kriyanusa.identity;

import java.time.OffsetDateTime;

/**
 * One grant or revocation of a staff role, as audited.
 *
 * @param changedBy the admin who made the change; null for the first admin, made at
 * start-up from the settings
 */
public record StaffRoleChange(long id, long accountId, StaffRole role, Action action, String reason, Long changedBy,
        OffsetDateTime changedAt) {

    public enum Action {

        GRANTED, REVOKED

    }

}
