package id.kriyanusa.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A curator records a Bimtek, enrols its participants (with their consent, or only
 * counted) and keeps their follow-up plans; a producer who took part sees only their own
 * participation and moves their own goals along, nobody else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RecordApplicationEvents
class ProgrammeIntegrationTest {

    static final String GOAL = "{ id kind description dueOn status note overdue }";

    static final String PARTICIPANT = "{ id consent name gender ageBand youth account { email } brand { slug } "
            + "followUpGoals " + GOAL + " }";

    static final String PROGRAMME = "{ id title { indonesian english } organiser startsOn endsOn place { slug } topics "
            + "trainers budgetLine participantCount version participants " + PARTICIPANT + " }";

    static final String CREATE = "mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme "
            + PROGRAMME + " userErrors { field code message } } }";

    static final String UPDATE = "mutation($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { programme "
            + PROGRAMME + " userErrors { field code message } } }";

    static final String ENROL = "mutation($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { "
            + "participant " + PARTICIPANT + " userErrors { field code message } } }";

    static final String REMOVE = "mutation($input: RemoveParticipantInput!) { removeParticipant(input: $input) { "
            + "programme { participantCount } userErrors { field code message } } }";

    static final String SET_GOAL = "mutation($input: SetFollowUpGoalInput!) { setFollowUpGoal(input: $input) { goal "
            + GOAL + " userErrors { field code message } } }";

    static final String GOAL_STATUS = "mutation($input: UpdateFollowUpGoalStatusInput!) { updateFollowUpGoalStatus("
            + "input: $input) { goal " + GOAL + " userErrors { field code message } } }";

    static final String PROGRAMMES = "{ programmes(first: 100) { totalCount edges { node " + PROGRAMME + " } } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Programmes programmes;

    ApiClient api;

    String curator;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(port);
        curator = api.signIn(ApiClient.CURATOR);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    String villageId(String slug) throws Exception {
        return JsonPath.read(
                api.query("query($slug: String!) { village(slug: $slug) { id } }", Map.of("slug", slug), null),
                "$.data.village.id");
    }

    Map<String, Object> newProgramme() throws Exception {
        var input = new HashMap<String, Object>();
        input.put("title", ApiClient.text("Bimtek kerajinan " + ApiClient.unique("uji"), "Craft training"));
        input.put("organiser", "Dinas Perindustrian Provinsi NTB");
        input.put("startsOn", "2026-03-10");
        input.put("endsOn", "2026-03-12");
        input.put("villageId", villageId("semoyang"));
        input.put("topics", List.of("Perencanaan produk", "Merek dan kemasan", "Pemasaran digital"));
        input.put("trainers", List.of("Ir. Made Sudarsana", "Baiq Nurul Hidayati"));
        input.put("budgetLine", "APBD 2026 · Sub kegiatan pembinaan IKM");
        return input;
    }

    Map<String, Object> created() throws Exception {
        var body = api.mutate(CREATE, newProgramme(), curator);
        assertThat((List<?>) JsonPath.read(body, "$.data.createProgramme.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.createProgramme.programme");
    }

    Map<String, Object> enrolled(String programmeId, Map<String, Object> details) throws Exception {
        var input = new HashMap<>(details);
        input.put("programmeId", programmeId);
        var body = api.mutate(ENROL, input, curator);
        assertThat((List<?>) JsonPath.read(body, "$.data.enrolParticipant.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.enrolParticipant.participant");
    }

    Map<String, Object> goal(String participantId, String kind, String description, String dueOn) throws Exception {
        var body = api.mutate(SET_GOAL,
                Map.of("participantId", participantId, "kind", kind, "description", description, "dueOn", dueOn),
                curator);
        assertThat((List<?>) JsonPath.read(body, "$.data.setFollowUpGoal.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.setFollowUpGoal.goal");
    }

    String demoBrandId() throws Exception {
        return JsonPath.read(api.query("{ myBrands { id } }", Map.of(), api.signIn(ApiClient.PRODUCER)),
                "$.data.myBrands[0].id");
    }

    @Test
    void aCuratorRecordsAProgrammeWithParticipantsAndTheirPlans() throws Exception {
        var programme = created();
        var id = (String) programme.get("id");
        assertThat(programme.get("place")).isEqualTo(Map.of("slug", "semoyang"));
        assertThat((List<String>) programme.get("topics")).contains("Merek dan kemasan");

        var producer = enrolled(id, Map.of("consent", true, "accountEmail", ApiClient.PRODUCER, "brandId",
                demoBrandId(), "gender", "MALE", "ageBand", "AGED_40_TO_54"));
        assertThat(producer.get("name")).as("the account's name").isEqualTo("Lalu Suparman");
        assertThat(producer.get("account")).isEqualTo(Map.of("email", ApiClient.PRODUCER));
        var named = enrolled(id,
                Map.of("consent", true, "name", "Inaq Rahmawati", "gender", "FEMALE", "ageBand", "AGED_16_TO_30"));
        assertThat(named.get("youth")).as("16 to 30 is youth, UU 40/2009").isEqualTo(true);
        assertThat(producer.get("youth")).isEqualTo(false);
        // the bands recorded before youth followed the law are no longer taken
        var retired = api.mutate(ENROL,
                Map.of("programmeId", id, "consent", true, "name", "Baiq Anggun", "ageBand", "UNDER_25"), curator);
        assertThat((List<String>) JsonPath.read(retired, "$.data.enrolParticipant.userErrors[*].field"))
            .containsExactly("input.ageBand");
        var counted = enrolled(id, Map.of("consent", false));
        assertThat(counted.get("name")).isNull();

        var withoutConsent = api.mutate(ENROL,
                Map.of("programmeId", id, "consent", false, "name", "Amaq Sahnan", "gender", "MALE"), curator);
        assertThat((List<String>) JsonPath.read(withoutConsent, "$.data.enrolParticipant.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.name", "input.gender");
        assertThat(ApiClient.outcome(api.mutate(ENROL,
                Map.of("programmeId", id, "consent", true, "accountEmail", ApiClient.PRODUCER), curator),
                "enrolParticipant"))
            .isEqualTo("userError:ALREADY_MEMBER");
        assertThat(ApiClient.outcome(api.mutate(ENROL, Map.of("programmeId", id, "consent", true), curator),
                "enrolParticipant"))
            .isEqualTo("userError:REQUIRED");

        var late = goal((String) named.get("id"), "REGISTER_BRAND", "Daftarkan merek Anyaman Inaq", "2026-04-30");
        assertThat(late.get("status")).isEqualTo("PLANNED");
        assertThat(late.get("overdue")).as("due in the past, still planned").isEqualTo(true);
        var future = goal((String) named.get("id"), "DEVELOP_PRODUCT", "Tas dari batang tembakau", "2099-06-30");
        assertThat(future.get("overdue")).isEqualTo(false);
        var changed = api
            .mutate(SET_GOAL,
                    Map.of("participantId", named.get("id"), "goalId", late.get("id"), "kind", "REGISTER_BRAND",
                            "description", "Daftarkan merek ke DJKI", "dueOn", "2026-05-31", "status", "DONE"),
                    curator);
        assertThat((Map<String, Object>) JsonPath.read(changed, "$.data.setFollowUpGoal.goal"))
            .containsEntry("status", "DONE")
            .containsEntry("overdue", false);

        var read = api.query("query($id: ID!) { node(id: $id) { ... on Programme " + PROGRAMME + " } }",
                Map.of("id", id), curator);
        assertThat((Integer) JsonPath.read(read, "$.data.node.participantCount")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(read, "$.data.node.participants[*].name"))
            .containsExactly("Lalu Suparman", "Inaq Rahmawati", null);
        assertThat((List<String>) JsonPath.read(read, "$.data.node.participants[1].followUpGoals[*].description"))
            .containsExactly("Daftarkan merek ke DJKI", "Tas dari batang tembakau");
        assertThat((String) JsonPath.read(read, "$.data.node.budgetLine")).startsWith("APBD 2026");

        // named with another programme, the participant is not found and stays
        var other = (String) created().get("id");
        assertThat(ApiClient.outcome(
                api.mutate(REMOVE, Map.of("programmeId", other, "participantId", counted.get("id")), curator),
                "removeParticipant"))
            .isEqualTo("NOT_FOUND");
        assertThat((Integer) JsonPath
            .read(api.query("query($id: ID!) { node(id: $id) { ... on Programme { participantCount } } }",
                    Map.of("id", id), curator), "$.data.node.participantCount"))
            .isEqualTo(3);
        var removed = api.mutate(REMOVE, Map.of("programmeId", id, "participantId", counted.get("id")), curator);
        assertThat((Integer) JsonPath.read(removed, "$.data.removeParticipant.programme.participantCount"))
            .isEqualTo(2);
    }

    @Test
    void aProducerSeesOnlyTheirOwnParticipationAndMovesOnlyTheirOwnGoals() throws Exception {
        var id = (String) created().get("id");
        var mine = enrolled(id, Map.of("consent", true, "accountEmail", ApiClient.PRODUCER));
        var other = enrolled(id, Map.of("consent", true, "name", "Baiq Sri Wahyuni"));
        var myGoal = goal((String) mine.get("id"), "REACH_MARKET", "Titip jual di galeri Dekranasda", "2026-09-30");
        var otherGoal = goal((String) other.get("id"), "OBTAIN_CERTIFICATION", "Sertifikat halal", "2026-09-30");

        var producer = api.signIn(ApiClient.PRODUCER);
        var seen = api.query(PROGRAMMES, Map.of(), producer);
        List<String> ids = JsonPath.read(seen, "$.data.programmes.edges[*].node.id");
        assertThat(ids).contains(id);
        var index = ids.indexOf(id);
        var node = "$.data.programmes.edges[" + index + "].node";
        assertThat((Integer) JsonPath.read(seen, node + ".participantCount")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(seen, node + ".participants[*].name")).containsExactly("Lalu Suparman");
        assertThat((Object) JsonPath.read(seen, node + ".budgetLine")).as("staff only").isNull();

        var done = api.mutate(GOAL_STATUS,
                Map.of("goalId", myGoal.get("id"), "status", "DONE", "note", "Sudah dipajang sejak Agustus"), producer);
        assertThat((Map<String, Object>) JsonPath.read(done, "$.data.updateFollowUpGoalStatus.goal"))
            .containsEntry("status", "DONE")
            .containsEntry("note", "Sudah dipajang sejak Agustus");
        assertThat(ApiClient.outcome(
                api.mutate(GOAL_STATUS, Map.of("goalId", otherGoal.get("id"), "status", "DROPPED"), producer),
                "updateFollowUpGoalStatus"))
            .isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("select status from follow_up_goal where id = ?")
            .param(Programmes.key((String) otherGoal.get("id"), Programmes.GOAL_TYPE))
            .query(String.class)
            .single()).isEqualTo("PLANNED");

        // a dry run: the same callers and user errors, and nothing saved
        var check = GOAL_STATUS.replace("input: $input)", "input: $input, dryRun: true)");
        var unchosen = api.mutate(check, Map.of("goalId", myGoal.get("id"), "note", "x".repeat(501)), producer);
        assertThat((List<String>) JsonPath.read(unchosen, "$.data.updateFollowUpGoalStatus.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.status", "input.note");
        var fine = api.mutate(check, Map.of("goalId", myGoal.get("id"), "status", "DROPPED"), producer);
        assertThat(ApiClient.outcome(fine, "updateFollowUpGoalStatus")).isEqualTo("ok");
        assertThat((Object) JsonPath.read(fine, "$.data.updateFollowUpGoalStatus.goal")).isNull();
        assertThat(ApiClient.outcome(
                api.mutate(check, Map.of("goalId", otherGoal.get("id"), "status", "DROPPED"), producer),
                "updateFollowUpGoalStatus"))
            .isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("select status from follow_up_goal where id = ?")
            .param(Programmes.key((String) myGoal.get("id"), Programmes.GOAL_TYPE))
            .query(String.class)
            .single()).isEqualTo("DONE");

        var buyer = api.signUp("BUYER");
        assertThat((Integer) JsonPath.read(api.query(PROGRAMMES, Map.of(), buyer), "$.data.programmes.totalCount"))
            .isZero();
        assertThat((Object) JsonPath
            .read(api.query("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id), buyer), "$.data.node"))
            .isNull();
        assertThat(ApiClient.outcome(api.query(PROGRAMMES, Map.of(), null), "programmes")).isEqualTo("UNAUTHORIZED");
    }

    /**
     * A colleague in the same brand reads a participant's own plan but does not move it;
     * the plan of a participant enrolled without an account is the brand's, which its
     * members move along.
     */
    @Test
    void aColleagueInTheSameBrandDoesNotMoveAParticipantsOwnGoals() throws Exception {
        var id = (String) created().get("id");
        var brand = demoBrandId();
        var colleagueEmail = ApiClient.unique("rekan") + "@contoh.id";
        var colleague = api.signUp(colleagueEmail, "PRODUCER");
        var own = enrolled(id, Map.of("consent", true, "accountEmail", colleagueEmail, "brandId", brand));
        var brands = enrolled(id, Map.of("consent", true, "name", "Inaq Nursiah", "brandId", brand));
        var ownGoal = goal((String) own.get("id"), "DEVELOP_PRODUCT", "Vas dari batang tembakau", "2026-11-30");
        var brandsGoal = goal((String) brands.get("id"), "REACH_MARKET", "Pameran di Mataram", "2026-11-30");

        var producer = api.signIn(ApiClient.PRODUCER);
        assertThat(ApiClient.outcome(
                api.mutate(GOAL_STATUS, Map.of("goalId", ownGoal.get("id"), "status", "DROPPED"), producer),
                "updateFollowUpGoalStatus"))
            .as("another member of the brand")
            .isEqualTo("FORBIDDEN");
        assertThat(ApiClient.outcome(
                api.mutate(GOAL_STATUS, Map.of("goalId", brandsGoal.get("id"), "status", "IN_PROGRESS"), producer),
                "updateFollowUpGoalStatus"))
            .isEqualTo("ok");
        assertThat(ApiClient.outcome(
                api.mutate(GOAL_STATUS, Map.of("goalId", ownGoal.get("id"), "status", "IN_PROGRESS"), colleague),
                "updateFollowUpGoalStatus"))
            .as("the participant")
            .isEqualTo("ok");

        var seen = api.query("query($id: ID!) { node(id: $id) { ... on Programme { participants { name "
                + "viewerCanUpdateGoals } } } }", Map.of("id", id), producer);
        assertThat((List<Map<String, Object>>) JsonPath.read(seen, "$.data.node.participants[*]")).containsOnly(
                Map.of("name", "Uji PRODUCER", "viewerCanUpdateGoals", false),
                Map.of("name", "Inaq Nursiah", "viewerCanUpdateGoals", true));
        assertThat(jdbc.sql("select status from follow_up_goal where id = ?")
            .param(Programmes.key((String) ownGoal.get("id"), Programmes.GOAL_TYPE))
            .query(String.class)
            .single()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void onlyStaffKeepProgrammesAndOnlyTheParticipantMovesTheirGoals() throws Exception {
        var callers = api.staffMatrixCallers();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (var caller : callers.entrySet()) {
            var token = caller.getValue();
            var name = "/" + caller.getKey();
            outcomes.put("createProgramme" + name,
                    ApiClient.outcome(api.mutate(CREATE, newProgramme(), token), "createProgramme"));
            var programme = created();
            var id = (String) programme.get("id");
            outcomes
                .put("updateProgramme" + name,
                        ApiClient.outcome(api.mutate(UPDATE, Map.of("id", id, "expectedVersion",
                                programme.get("version"), "organiser", "Disperin Lombok Timur"), token),
                                "updateProgramme"));
            var enrol = new HashMap<String, Object>(
                    Map.of("programmeId", id, "consent", true, "accountEmail", ApiClient.PRODUCER));
            outcomes.put("enrolParticipant" + name,
                    ApiClient.outcome(api.mutate(ENROL, enrol, token), "enrolParticipant"));
            List<String> participants = JsonPath
                .read(api.query("query($id: ID!) { node(id: $id) { ... on Programme { participants { id } } } }",
                        Map.of("id", id), curator), "$.data.node.participants[*].id");
            var participant = participants.isEmpty() ? (String) enrolled(id, enrol).get("id") : participants.getFirst();
            var goal = goal(participant, "DEVELOP_PRODUCT", "Kotak tisu anyaman", "2026-12-31");
            outcomes
                .put("setFollowUpGoal" + name, ApiClient.outcome(
                        api.mutate(SET_GOAL,
                                Map.of("participantId", participant, "goalId", goal.get("id"), "kind",
                                        "DEVELOP_PRODUCT", "description", "Kotak tisu", "dueOn", "2026-12-31"),
                                token),
                        "setFollowUpGoal"));
            outcomes.put("updateFollowUpGoalStatus" + name,
                    ApiClient.outcome(
                            api.mutate(GOAL_STATUS, Map.of("goalId", goal.get("id"), "status", "IN_PROGRESS"), token),
                            "updateFollowUpGoalStatus"));
            outcomes.put("removeParticipant" + name, ApiClient
                .outcome(api.mutate(REMOVE, Map.of("participantId", participant), token), "removeParticipant"));
        }

        Map<String, String> expected = new LinkedHashMap<>();
        for (var mutation : List.of("createProgramme", "updateProgramme", "enrolParticipant", "setFollowUpGoal",
                "removeParticipant", "updateFollowUpGoalStatus")) {
            expected.put(mutation + "/anonymous", "UNAUTHORIZED");
            expected.put(mutation + "/buyer", "FORBIDDEN");
            expected.put(mutation + "/producer of brand A", "FORBIDDEN");
            expected.put(mutation + "/producer of brand B", "FORBIDDEN");
            expected.put(mutation + "/curator", "ok");
            expected.put(mutation + "/admin", "ok");
        }
        expected.put("updateFollowUpGoalStatus/producer of brand A", "ok");
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void badInputIsReportedPerFieldAndNothingIsSaved() throws Exception {
        var input = newProgramme();
        input.put("title", ApiClient.text(" ", null));
        input.put("endsOn", "2026-03-01");
        input.put("villageId", "bm90LWEtdmlsbGFnZQ");
        input.put("topics", Collections.nCopies(21, "Topik"));
        input.put("trainers", List.of("x".repeat(121)));
        var before = jdbc.sql("select count(*) from programme").query(Long.class).single();

        var body = api.mutate(CREATE, input, curator);

        assertThat((List<String>) JsonPath.read(body, "$.data.createProgramme.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.title.indonesian", "input.endsOn", "input.villageId", "input.topics",
                    "input.trainers");
        assertThat((List<String>) JsonPath.read(body,
                "$.data.createProgramme.userErrors[?(@.field == 'input.endsOn')].code"))
            .as("a last day before the first is a date out of its bounds")
            .containsExactly("OUT_OF_RANGE");
        assertThat(jdbc.sql("select count(*) from programme").query(Long.class).single()).isEqualTo(before);
    }

    /**
     * Dry runs answer what the change would, to the same callers, and save nothing; a
     * date or a goal's kind left out is a REQUIRED user error like any other field's.
     */
    @Test
    void dryRunsSayWhatWouldBeRefusedAndSaveNothing() throws Exception {
        var check = CREATE.replace("createProgramme(input: $input)", "createProgramme(input: $input, dryRun: true)");
        var before = jdbc.sql("select count(*) from programme").query(Long.class).single();
        var fine = api.mutate(check, newProgramme(), curator);
        assertThat((List<?>) JsonPath.read(fine, "$.data.createProgramme.userErrors")).as(fine).isEmpty();
        assertThat((Object) JsonPath.read(fine, "$.data.createProgramme.programme")).isNull();
        var undated = newProgramme();
        undated.remove("startsOn");
        undated.put("organiser", "");
        assertThat((List<String>) JsonPath.read(api.mutate(check, undated, curator),
                "$.data.createProgramme.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.startsOn", "input.organiser");
        assertThat(
                ApiClient.outcome(api.mutate(check, newProgramme(), api.signIn(ApiClient.PRODUCER)), "createProgramme"))
            .isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("select count(*) from programme").query(Long.class).single()).isEqualTo(before);

        var name = ApiClient.unique("Inaq Rahmi");
        var participant = (String) enrolled((String) created().get("id"), Map.of("consent", true, "name", name))
            .get("id");
        var checkGoal = SET_GOAL.replace("setFollowUpGoal(input: $input)",
                "setFollowUpGoal(input: $input, dryRun: true)");
        var noKind = api.mutate(checkGoal, Map.of("participantId", participant, "description", "Kemasan baru"),
                curator);
        assertThat((List<String>) JsonPath.read(noKind, "$.data.setFollowUpGoal.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.kind", "input.dueOn");
        var right = api.mutate(checkGoal, Map.of("participantId", participant, "kind", "DEVELOP_PRODUCT", "description",
                "Kemasan baru", "dueOn", "2099-12-31"), curator);
        assertThat((List<?>) JsonPath.read(right, "$.data.setFollowUpGoal.userErrors")).as(right).isEmpty();
        assertThat(jdbc
            .sql("select count(*) from follow_up_goal g join programme_participant p on p.id = g.participant_id"
                    + " where p.name = ?")
            .param(name)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void enrolmentsAndGoalChangesAreAnnouncedWithoutNames(@Autowired ApplicationEvents events) throws Exception {
        var id = (String) created().get("id");
        var curatorId = jdbc.sql("select id from account where email = ?")
            .param(ApiClient.CURATOR)
            .query(Long.class)
            .single();
        var jwt = Jwt.withTokenValue("test").header("alg", "none").subject(String.valueOf(curatorId)).build();
        SecurityContextHolder.getContext()
            .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_CURATOR"))));

        var participant = programmes
            .enrol(new ProgrammeInputs.Enrol(id, true, null, "Inaq Marni", null, Gender.FEMALE, AgeBand.AGED_16_TO_30))
            .participant();
        var goal = programmes
            .setGoal(new ProgrammeInputs.SetGoal(new GlobalId("ProgrammeParticipant", participant.id()).encode(), null,
                    FollowUpGoalKind.REACH_MARKET, "Pameran Dekranasda", LocalDate.of(2026, 8, 17), null))
            .goal();
        programmes.updateGoalStatus(new ProgrammeInputs.UpdateGoalStatus(
                new GlobalId("FollowUpGoal", goal.id()).encode(), FollowUpGoalStatus.DONE, null));

        assertThat(events.stream(ProgrammeParticipantEnrolled.class))
            .containsExactly(new ProgrammeParticipantEnrolled(ProgrammeId.decode(id).value(), participant.id(),
                    villageOf(id), null, Gender.FEMALE, AgeBand.AGED_16_TO_30));
        assertThat(events.stream(FollowUpGoalChanged.class))
            .extracting(FollowUpGoalChanged::status, FollowUpGoalChanged::previousStatus)
            .containsExactly(tuple(FollowUpGoalStatus.PLANNED, null),
                    tuple(FollowUpGoalStatus.DONE, FollowUpGoalStatus.PLANNED));
    }

    private long villageOf(String programmeId) {
        return jdbc.sql("select village_id from programme where id = ?")
            .param(ProgrammeId.decode(programmeId).value())
            .query(Long.class)
            .single();
    }

}
