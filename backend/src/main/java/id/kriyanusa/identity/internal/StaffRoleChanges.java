package id.kriyanusa.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;

import id.kriyanusa.identity.StaffRole;
import id.kriyanusa.identity.StaffRoleChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit of staff role grants and revocations; rows are only added. */
@Repository
public class StaffRoleChanges {

    private final JdbcClient jdbc;

    StaffRoleChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long accountId, StaffRole role, StaffRoleChange.Action action, String reason, Long changedBy) {
        jdbc.sql("insert into staff_role_change (account_id, role, action, reason, changed_by) values (?, ?, ?, ?, ?)")
            .params(accountId, role.name(), action.name(), reason, changedBy)
            .update();
    }

    /** Changes newest first, from an offset. */
    public List<StaffRoleChange> newestFirst(long offset, int limit) {
        return jdbc.sql("""
                select id, account_id, role, action, reason, changed_by, changed_at from staff_role_change
                order by changed_at desc, id desc offset ? limit ?
                """)
            .params(offset, limit)
            .query((rs, row) -> new StaffRoleChange(rs.getLong("id"), rs.getLong("account_id"),
                    StaffRole.valueOf(rs.getString("role")), StaffRoleChange.Action.valueOf(rs.getString("action")),
                    rs.getString("reason"), rs.getObject("changed_by", Long.class),
                    rs.getObject("changed_at", OffsetDateTime.class)))
            .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from staff_role_change").query(Long.class).single();
    }

    /**
     * Serialises changes of staff roles until the transaction ends, so two admins
     * revoking each other at once cannot leave the portal without one.
     */
    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('kriyanusa.staff-roles'))").query((rs, row) -> row).single();
    }

}
