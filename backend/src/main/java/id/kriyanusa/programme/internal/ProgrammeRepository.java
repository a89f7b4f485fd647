package id.kriyanusa.programme.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.programme.AgeBand;
import id.kriyanusa.programme.FollowUpGoal;
import id.kriyanusa.programme.FollowUpGoalKind;
import id.kriyanusa.programme.FollowUpGoalStatus;
import id.kriyanusa.programme.Gender;
import id.kriyanusa.programme.Programme;
import id.kriyanusa.programme.ProgrammeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProgrammeRepository {

    private static final String SELECT = """
            select id, title_id, title_en, organiser, starts_on, ends_on, village_id, topics, trainers, budget_line,
                   version,
                   (select count(*) from programme_participant p where p.programme_id = programme.id) as participants
            from programme
            """;

    /**
     * The programme has a participant who is this account or works for one of these
     * brands.
     */
    private static final String TAKES_PART = """
            exists (select 1 from programme_participant p where p.programme_id = programme.id
                    and (p.account_id = ? or p.brand_id = any(?)))""";

    private static final String PARTICIPANT = """
            select id, programme_id, consent, account_id, name, brand_id, gender, age_band, enrolled_at
            from programme_participant
            """;

    private static final String GOAL = """
            select id, participant_id, kind, description, due_on, status, note, updated_at from follow_up_goal
            """;

    private final JdbcClient jdbc;

    ProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of programmes, latest start first: all of them, or those the account or
     * its brands take part in.
     */
    public Connection<Programme> find(OffsetPage page, boolean all, Long accountId, Set<Long> brandIds) {
        var where = all ? "" : " where " + TAKES_PART;
        var params = all ? List.<Object>of() : List.<Object>of(accountId, brandIds.toArray(Long[]::new));
        var total = jdbc.sql("select count(*) from programme" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql(SELECT + where + " order by starts_on desc, id desc limit ? offset ?")
            .params(params)
            .param(page.limit())
            .param(page.offset())
            .query(ProgrammeRepository::programme)
            .list();
        return page.connection(rows, total);
    }

    public Optional<Programme> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ProgrammeRepository::programme).optional();
    }

    public long insert(ProgrammeDetails details, long createdBy) {
        var parameters = parameters(details);
        parameters.put("createdBy", createdBy);
        return jdbc.sql("""
                insert into programme (title_id, title_en, organiser, starts_on, ends_on, village_id, topics, trainers,
                                       budget_line, created_by)
                values (:titleId, :titleEn, :organiser, :startsOn, :endsOn, :villageId, :topics, :trainers,
                        :budgetLine, :createdBy)
                returning id
                """).params(parameters).query(Long.class).single();
    }

    /**
     * Saves the details when the row is still at the expected version; false when someone
     * saved first.
     */
    public boolean update(long id, long expectedVersion, ProgrammeDetails details) {
        var parameters = parameters(details);
        parameters.put("id", id);
        parameters.put("expectedVersion", expectedVersion);
        return jdbc.sql("""
                update programme set title_id = :titleId, title_en = :titleEn, organiser = :organiser,
                       starts_on = :startsOn, ends_on = :endsOn, village_id = :villageId, topics = :topics,
                       trainers = :trainers, budget_line = :budgetLine, version = version + 1, updated_at = now()
                where id = :id and version = :expectedVersion
                """).params(parameters).update() == 1;
    }

    /**
     * The participants of these programmes with their goals, in enrolment order, in two
     * statements.
     */
    public List<ProgrammeParticipant> participantsOf(Collection<Long> programmeIds) {
        if (programmeIds.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql(PARTICIPANT + " where programme_id = any(?) order by programme_id, id")
            .param(programmeIds.toArray(Long[]::new))
            .query(ParticipantRow::map)
            .list();
        return withGoals(rows);
    }

    public Optional<ProgrammeParticipant> participant(long id) {
        return withGoals(jdbc.sql(PARTICIPANT + " where id = ?").param(id).query(ParticipantRow::map).list()).stream()
            .findFirst();
    }

    public int participantCount(long programmeId) {
        return jdbc.sql("select count(*) from programme_participant where programme_id = ?")
            .param(programmeId)
            .query(Integer.class)
            .single();
    }

    public boolean accountEnrolled(long programmeId, long accountId) {
        return jdbc.sql("select exists (select 1 from programme_participant where programme_id = ? and account_id = ?)")
            .params(programmeId, accountId)
            .query(Boolean.class)
            .single();
    }

    public long insertParticipant(long programmeId, boolean consent, Long accountId, String name, Long brandId,
            Gender gender, AgeBand ageBand) {
        return jdbc.sql("""
                insert into programme_participant (programme_id, consent, account_id, name, brand_id, gender, age_band)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(programmeId, consent, accountId, name, brandId, gender == null ? null : gender.name(),
                    ageBand == null ? null : ageBand.name())
            .query(Long.class)
            .single();
    }

    public void deleteParticipant(long id) {
        jdbc.sql("delete from programme_participant where id = ?").param(id).update();
    }

    public Optional<FollowUpGoal> goal(long id) {
        return jdbc.sql(GOAL + " where id = ?").param(id).query(ProgrammeRepository::goal).optional();
    }

    public int goalCount(long participantId) {
        return jdbc.sql("select count(*) from follow_up_goal where participant_id = ?")
            .param(participantId)
            .query(Integer.class)
            .single();
    }

    public long insertGoal(long participantId, FollowUpGoalKind kind, String description, LocalDate dueOn,
            FollowUpGoalStatus status, long by) {
        return jdbc.sql("""
                insert into follow_up_goal (participant_id, kind, description, due_on, status, updated_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
            .params(participantId, kind.name(), description, dueOn, status.name(), by)
            .query(Long.class)
            .single();
    }

    public void updateGoal(long id, FollowUpGoalKind kind, String description, LocalDate dueOn,
            FollowUpGoalStatus status, long by) {
        jdbc.sql("""
                update follow_up_goal set kind = ?, description = ?, due_on = ?, status = ?, updated_by = ?,
                       updated_at = now()
                where id = ?""").params(kind.name(), description, dueOn, status.name(), by, id).update();
    }

    public void updateGoalStatus(long id, FollowUpGoalStatus status, String note, long by) {
        jdbc.sql("update follow_up_goal set status = ?, note = ?, updated_by = ?, updated_at = now() where id = ?")
            .params(status.name(), note, by, id)
            .update();
    }

    private List<ProgrammeParticipant> withGoals(List<ParticipantRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var goals = new HashMap<Long, List<FollowUpGoal>>();
        jdbc.sql(GOAL + " where participant_id = any(?) order by due_on, id")
            .param(rows.stream().map(ParticipantRow::id).toArray(Long[]::new))
            .query(ProgrammeRepository::goal)
            .list()
            .forEach(goal -> goals.computeIfAbsent(goal.participantId(), id -> new ArrayList<>()).add(goal));
        return rows.stream().map(row -> row.participant(goals.getOrDefault(row.id(), List.of()))).toList();
    }

    private record ParticipantRow(long id, long programmeId, boolean consent, Long accountId, String name, Long brandId,
            Gender gender, AgeBand ageBand, OffsetDateTime enrolledAt) {

        static ParticipantRow map(ResultSet rs, int row) throws SQLException {
            var gender = rs.getString("gender");
            var ageBand = rs.getString("age_band");
            return new ParticipantRow(rs.getLong("id"), rs.getLong("programme_id"), rs.getBoolean("consent"),
                    rs.getObject("account_id", Long.class), rs.getString("name"), rs.getObject("brand_id", Long.class),
                    gender == null ? null : Gender.valueOf(gender), ageBand == null ? null : AgeBand.valueOf(ageBand),
                    rs.getObject("enrolled_at", OffsetDateTime.class));
        }

        ProgrammeParticipant participant(List<FollowUpGoal> goals) {
            return new ProgrammeParticipant(id, programmeId, consent, accountId, name, brandId, gender, ageBand,
                    enrolledAt, List.copyOf(goals));
        }

    }

    private static Map<String, Object> parameters(ProgrammeDetails details) {
        var map = new HashMap<String, Object>();
        map.put("titleId", details.title().indonesian());
        map.put("titleEn", details.title().english());
        map.put("organiser", details.organiser());
        map.put("startsOn", details.startsOn());
        map.put("endsOn", details.endsOn());
        map.put("villageId", details.villageId());
        map.put("topics", details.topics().toArray(String[]::new));
        map.put("trainers", details.trainers().toArray(String[]::new));
        map.put("budgetLine", details.budgetLine());
        return map;
    }

    private static Programme programme(ResultSet rs, int row) throws SQLException {
        return new Programme(rs.getLong("id"), LocalizedText.of(rs.getString("title_id"), rs.getString("title_en")),
                rs.getString("organiser"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getLong("village_id"), strings(rs.getArray("topics")),
                strings(rs.getArray("trainers")), rs.getString("budget_line"), rs.getInt("participants"),
                rs.getLong("version"));
    }

    private static FollowUpGoal goal(ResultSet rs, int row) throws SQLException {
        return new FollowUpGoal(rs.getLong("id"), rs.getLong("participant_id"),
                FollowUpGoalKind.valueOf(rs.getString("kind")), rs.getString("description"),
                rs.getObject("due_on", LocalDate.class), FollowUpGoalStatus.valueOf(rs.getString("status")),
                rs.getString("note"), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
