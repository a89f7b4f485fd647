package id.kriyanusa.insights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.insights.MonthOutcome;
import id.kriyanusa.insights.OutcomeFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The insights tables. Each counted thing's state row is locked (created first when new)
 * before its module is asked what it is now, so listeners of the same thing take turns
 * and the later one reads the later state.
 */
@Repository
public class InsightsStore {

    /** Where a count changed, as the village was then. */
    public record Place(long villageId, String regency, boolean modelVillage) {
    }

    public record ProductState(Long villageId, String categorySlug, boolean published) {
    }

    public record BrandState(Long villageId, boolean registered, boolean verified) {
    }

    public record ParticipantState(Long villageId, boolean removed) {
    }

    private final JdbcClient jdbc;

    InsightsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean empty() {
        return !jdbc.sql("select exists (select 1 from insights_event) or exists (select 1 from insights_brand_state)")
            .query(Boolean.class)
            .single();
    }

    public void record(String kind, Place place, String categorySlug, Long programmeId, int amount,
            OffsetDateTime occurredAt) {
        jdbc.sql("""
                insert into insights_event (kind, occurred_at, village_id, regency, model_village, category_slug,
                                            programme_id, amount)
                values (?, coalesce(?, now()), ?, ?, ?, ?, ?, ?)""")
            .params(kind, occurredAt, place.villageId(), place.regency(), place.modelVillage(), categorySlug,
                    programmeId, amount)
            .update();
    }

    public ProductState lockProduct(long productId) {
        jdbc.sql("insert into insights_product_state (product_id) values (?) on conflict do nothing")
            .param(productId)
            .update();
        return jdbc
            .sql("select village_id, category_slug, published from insights_product_state where product_id = ? "
                    + "for update")
            .param(productId)
            .query((rs, row) -> new ProductState(nullableLong(rs, "village_id"), rs.getString("category_slug"),
                    rs.getBoolean("published")))
            .single();
    }

    public void saveProduct(long productId, ProductState state) {
        jdbc.sql("update insights_product_state set village_id = ?, category_slug = ?, published = ? "
                + "where product_id = ?")
            .params(state.villageId(), state.categorySlug(), state.published(), productId)
            .update();
    }

    public BrandState lockBrand(long brandId) {
        jdbc.sql("insert into insights_brand_state (brand_id) values (?) on conflict do nothing")
            .param(brandId)
            .update();
        return jdbc
            .sql("select village_id, registered, verified from insights_brand_state where brand_id = ? for update")
            .param(brandId)
            .query((rs, row) -> new BrandState(nullableLong(rs, "village_id"), rs.getBoolean("registered"),
                    rs.getBoolean("verified")))
            .single();
    }

    public void saveBrand(long brandId, BrandState state) {
        jdbc.sql("update insights_brand_state set village_id = ?, registered = ?, verified = ? where brand_id = ?")
            .params(state.villageId(), state.registered(), state.verified(), brandId)
            .update();
    }

    /** Whether the participant was new (not enrolled, nor removed before). */
    public boolean enrol(long participantId, long programmeId, long villageId, boolean woman, boolean youth) {
        return jdbc.sql("""
                insert into insights_participant_state (participant_id, programme_id, village_id, woman, youth)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
            .params(participantId, programmeId, villageId, woman, youth)
            .update() == 1;
    }

    /**
     * Marks the participant removed (also when their enrolment has not arrived yet): what
     * they were before.
     */
    public ParticipantState remove(long participantId, long programmeId) {
        jdbc.sql("""
                insert into insights_participant_state (participant_id, programme_id, woman, youth, removed)
                values (?, ?, false, false, true) on conflict do nothing""")
            .params(participantId, programmeId)
            .update();
        var before = jdbc
            .sql("select village_id, removed from insights_participant_state where participant_id = ? for update")
            .param(participantId)
            .query((rs, row) -> new ParticipantState(nullableLong(rs, "village_id"), rs.getBoolean("removed")))
            .single();
        jdbc.sql("update insights_participant_state set removed = true where participant_id = ?")
            .param(participantId)
            .update();
        return before;
    }

    /** The village of a participant still enrolled, when known. */
    public Long villageOfParticipant(long participantId) {
        return jdbc.sql("select village_id from insights_participant_state where participant_id = ? and not removed")
            .param(participantId)
            .query(Long.class)
            .optional()
            .orElse(null);
    }

    /** How many of the participant's goals are done. */
    public int goalsDone(long participantId) {
        return jdbc.sql("select count(*) from insights_goal_state where participant_id = ? and status = 'DONE'")
            .param(participantId)
            .query(Integer.class)
            .single();
    }

    /** The goal's status before, null when it is new. */
    public String lockGoal(long goalId, long participantId, long programmeId, LocalDate dueOn) {
        jdbc.sql("""
                insert into insights_goal_state (goal_id, participant_id, programme_id, due_on)
                values (?, ?, ?, ?) on conflict do nothing""")
            .params(goalId, participantId, programmeId, dueOn)
            .update();
        return jdbc.sql("select status from insights_goal_state where goal_id = ? for update")
            .param(goalId)
            .query((rs, row) -> rs.getString(1))
            .list()
            .getFirst();
    }

    public void saveGoal(long goalId, String status, LocalDate dueOn) {
        jdbc.sql("update insights_goal_state set status = ?, due_on = ? where goal_id = ?")
            .params(status, dueOn, goalId)
            .update();
    }

    /**
     * The figures of every village that has any, by village id: four grouped statements.
     */
    public Map<Long, OutcomeFigures> figuresByVillage(LocalDate today) {
        var figures = new HashMap<Long, int[]>();
        jdbc.sql("""
                select village_id, count(*) filter (where registered), count(*) filter (where verified)
                from insights_brand_state where village_id is not null group by village_id""").query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[8]);
            f[0] = rs.getInt(2);
            f[1] = rs.getInt(3);
        });
        jdbc.sql("""
                select village_id, count(*) from insights_product_state
                where published and village_id is not null group by village_id""").query(rs -> {
            figures.computeIfAbsent(rs.getLong(1), id -> new int[8])[2] = rs.getInt(2);
        });
        jdbc.sql("""
                select p.village_id, count(*) filter (where g.status = 'DONE'),
                       count(*) filter (where g.status in ('PLANNED', 'IN_PROGRESS') and g.due_on < ?)
                from insights_goal_state g join insights_participant_state p using (participant_id)
                where not p.removed group by p.village_id""").param(today).query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[8]);
            f[3] = rs.getInt(2);
            f[4] = rs.getInt(3);
        });
        jdbc.sql("""
                select village_id, count(*), count(*) filter (where woman), count(*) filter (where youth)
                from insights_participant_state where not removed group by village_id""").query(rs -> {
            var f = figures.computeIfAbsent(rs.getLong(1), id -> new int[8]);
            f[5] = rs.getInt(2);
            f[6] = rs.getInt(3);
            f[7] = rs.getInt(4);
        });
        var result = new HashMap<Long, OutcomeFigures>();
        figures.forEach((village, f) -> result.put(village,
                new OutcomeFigures(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])));
        return result;
    }

    /**
     * Products published and brands verified per month (in NTB time) from {@code first}
     * on, months without any left out.
     */
    public List<MonthOutcome> months(YearMonth first) {
        return jdbc.sql("""
                select to_char(occurred_at at time zone 'Asia/Makassar', 'YYYY-MM') as month,
                       count(*) filter (where kind = 'PRODUCT_PUBLISHED'),
                       count(*) filter (where kind = 'BRAND_VERIFIED')
                from insights_event
                where amount = 1 and kind in ('PRODUCT_PUBLISHED', 'BRAND_VERIFIED')
                  and occurred_at >= (?::date)::timestamp at time zone 'Asia/Makassar'
                group by 1 order by 1""")
            .param(first.atDay(1))
            .query((rs, row) -> new MonthOutcome(YearMonth.parse(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
            .list();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        var value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
