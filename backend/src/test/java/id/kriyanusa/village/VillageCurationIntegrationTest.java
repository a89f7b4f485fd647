package id.kriyanusa.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Department curators add and correct villages and name model villages; nobody else may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class VillageCurationIntegrationTest {

    static final String PAYLOAD = "{ village { id slug name regency modelVillage modelProgrammeYear version story { "
            + "indonesian english } specialities } userErrors { field code message } }";
    static final String CREATE = "mutation($input: CreateVillageInput!) { createVillage(input: $input) " + PAYLOAD
            + " }";
    static final String UPDATE = "mutation($input: UpdateVillageInput!) { updateVillage(input: $input) " + PAYLOAD
            + " }";
    static final String DESIGNATE = "mutation($input: DesignateModelVillageInput!) { designateModelVillage(input: "
            + "$input) " + PAYLOAD + " }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    static Map<String, Object> newVillage(String slug) {
        var input = new HashMap<String, Object>();
        input.put("slug", slug);
        input.put("name", "Desa " + slug);
        input.put("regency", "Lombok Utara");
        input.put("district", "Tanjung");
        input.put("location", Map.of("lat", -8.35, "lon", 116.15));
        input.put("story", Map.of("indonesian", "Desa penghasil anyaman bambu."));
        input.put("specialities", List.of("Anyaman", "bambu"));
        return input;
    }

    Map<String, Object> created(String token) throws Exception {
        var body = api.mutate(CREATE, newVillage(ApiClient.unique("desa")), token);
        assertThat((List<?>) JsonPath.read(body, "$.data.createVillage.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.createVillage.village");
    }

    @Test
    void onlyCuratorsAndAdminsChangeVillages() throws Exception {
        var callers = api.staffMatrixCallers();
        var curator = callers.get("curator");

        Map<String, String> outcomes = new LinkedHashMap<>();
        for (var caller : callers.entrySet()) {
            var token = caller.getValue();
            outcomes.put("createVillage/" + caller.getKey(), ApiClient
                .outcome(api.mutate(CREATE, newVillage(ApiClient.unique("desa")), token), "createVillage"));
            var renamed = created(curator);
            outcomes.put("updateVillage/" + caller.getKey(),
                    ApiClient.outcome(
                            api.mutate(UPDATE, Map.of("id", renamed.get("id"), "expectedVersion",
                                    renamed.get("version"), "name", ApiClient.unique("Nama Baru")), token),
                            "updateVillage"));
            var designated = created(curator);
            outcomes
                .put("designateModelVillage/" + caller.getKey(),
                        ApiClient
                            .outcome(
                                    api.mutate(DESIGNATE,
                                            Map.of("id", designated.get("id"), "expectedVersion",
                                                    designated.get("version"), "programmeYear", 2026),
                                            token),
                                    "designateModelVillage"));
        }

        Map<String, String> expected = new LinkedHashMap<>();
        for (var mutation : List.of("createVillage", "updateVillage", "designateModelVillage")) {
            expected.put(mutation + "/anonymous", "UNAUTHORIZED");
            expected.put(mutation + "/buyer", "FORBIDDEN");
            expected.put(mutation + "/producer of brand A", "FORBIDDEN");
            expected.put(mutation + "/producer of brand B", "FORBIDDEN");
            expected.put(mutation + "/curator", "ok");
            expected.put(mutation + "/admin", "ok");
        }
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aCuratorDesignatesAModelVillageThatVisitorsThenSeeFirst() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var village = created(curator);
        var body = api.mutate(DESIGNATE,
                Map.of("id", village.get("id"), "expectedVersion", village.get("version"), "programmeYear", 2026),
                curator);
        assertThat((Boolean) JsonPath.read(body, "$.data.designateModelVillage.village.modelVillage")).isTrue();
        assertThat((Integer) JsonPath.read(body, "$.data.designateModelVillage.village.modelProgrammeYear"))
            .isEqualTo(2026);

        var models = api.query(
                "{ villages(filter: { modelVillagesOnly: true }, first: 100) { edges { node { slug } } } }", Map.of(),
                null);
        assertThat((List<String>) JsonPath.read(models, "$.data.villages.edges[*].node.slug")).contains("semoyang",
                (String) village.get("slug"));

        var withdrawn = api.mutate(DESIGNATE, Map.of("id", village.get("id"), "expectedVersion",
                ((Integer) village.get("version")) + 1, "designated", false), curator);
        assertThat((Boolean) JsonPath.read(withdrawn, "$.data.designateModelVillage.village.modelVillage")).isFalse();
        assertThat((Object) JsonPath.read(withdrawn, "$.data.designateModelVillage.village.modelProgrammeYear"))
            .isNull();
    }

    /**
     * A dry run answers what the change would, for the same callers, and saves nothing:
     * what the console's forms use to show every problem at once.
     */
    @Test
    void aDryRunSaysWhatItWouldRefuseAndSavesNothing() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var slug = ApiClient.unique("desa");
        var checkCreate = CREATE.replace("(input: $input)", "(input: $input, dryRun: true)");
        var fine = api.mutate(checkCreate, newVillage(slug), curator);
        assertThat(ApiClient.outcome(fine, "createVillage")).as(fine).isEqualTo("ok");
        assertThat((Object) JsonPath.read(fine, "$.data.createVillage.village")).isNull();
        var nameless = newVillage(slug);
        nameless.put("name", "");
        assertThat(ApiClient.outcome(api.mutate(checkCreate, nameless, curator), "createVillage"))
            .isEqualTo("userError:REQUIRED");
        assertThat(ApiClient.outcome(api.mutate(checkCreate, newVillage(slug), api.signIn(ApiClient.PRODUCER)),
                "createVillage"))
            .isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("select count(*) from village where slug = ?").param(slug).query(Long.class).single())
            .isZero();

        var village = created(curator);
        var version = village.get("version");
        var checkUpdate = UPDATE.replace("(input: $input)", "(input: $input, dryRun: true)");
        assertThat(
                ApiClient.outcome(
                        api.mutate(checkUpdate,
                                Map.of("id", village.get("id"), "expectedVersion", version, "name", "Baru"), curator),
                        "updateVillage"))
            .isEqualTo("ok");
        var checkDesignation = DESIGNATE.replace("(input: $input)", "(input: $input, dryRun: true)");
        assertThat(ApiClient.outcome(
                api.mutate(checkDesignation,
                        Map.of("id", village.get("id"), "expectedVersion", version, "designated", true), curator),
                "designateModelVillage"))
            .isEqualTo("userError:REQUIRED");
        assertThat(ApiClient.outcome(api.mutate(checkDesignation,
                Map.of("id", village.get("id"), "expectedVersion", version, "designated", true, "programmeYear", 2025),
                curator), "designateModelVillage"))
            .isEqualTo("ok");
        var stored = api.query("query($slug: String!) { village(slug: $slug) { name modelVillage version } }",
                Map.of("slug", village.get("slug")), null);
        assertThat((String) JsonPath.read(stored, "$.data.village.name")).isEqualTo(village.get("name"));
        assertThat((Boolean) JsonPath.read(stored, "$.data.village.modelVillage")).isFalse();
        assertThat((Object) JsonPath.read(stored, "$.data.village.version")).isEqualTo(version);
    }

    @Test
    void badInputIsReportedPerFieldAndNothingIsSaved() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var input = newVillage("Bukan Slug!");
        input.put("name", " ");
        input.put("location", Map.of("lat", -95.0, "lon", 116.0));
        input.put("story", Map.of("indonesian", "x".repeat(1_000_000)));
        var before = jdbc.sql("select count(*) from village").query(Long.class).single();

        var body = api.mutate(CREATE, input, curator);

        List<String> fields = JsonPath.read(body, "$.data.createVillage.userErrors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("input.slug", "input.name", "input.location",
                "input.story.indonesian");
        assertThat(jdbc.sql("select count(*) from village").query(Long.class).single()).isEqualTo(before);

        var taken = newVillage("semoyang");
        assertThat(ApiClient.outcome(api.mutate(CREATE, taken, curator), "createVillage")).isEqualTo("userError:TAKEN");
    }

    /**
     * An outside tester loading villages into a fresh portal sent a latitude that had
     * lost its minus sign: the village would have lain north of the equator. A place
     * outside Nusa Tenggara Barat is refused, saying where NTB lies, on a correction too.
     */
    @Test
    void aLatitudeThatLostItsSignIsRefused() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var input = newVillage(ApiClient.unique("loyok"));
        input.put("location", Map.of("lat", 8.6, "lon", 116.43));
        var north = api.mutate(CREATE, input, curator);
        assertThat(errors(north, "createVillage")).containsExactly("input.location OUT_OF_RANGE");
        assertThat((String) JsonPath.read(north, "$.data.createVillage.userErrors[0].message"))
            .contains("Nusa Tenggara Barat lies between latitude -8.0 and -9.2");
        // latitude and longitude swapped are as far off
        input.put("location", Map.of("lat", 116.43, "lon", -8.6));
        assertThat(errors(api.mutate(CREATE, input, curator), "createVillage"))
            .containsExactly("input.location OUT_OF_RANGE");
        // Sumbawa's east and Lombok's west are NTB
        var checkCreate = CREATE.replace("(input: $input)", "(input: $input, dryRun: true)");
        for (var place : List.of(Map.of("lat", -8.45, "lon", 119.05), Map.of("lat", -8.74, "lon", 115.86))) {
            input.put("location", place);
            assertThat(errors(api.mutate(checkCreate, input, curator), "createVillage")).as("%s", place).isEmpty();
        }

        var village = created(curator);
        var moved = api.mutate(UPDATE, Map.of("id", village.get("id"), "expectedVersion", village.get("version"),
                "location", Map.of("lat", 8.35, "lon", 116.15)), curator);
        assertThat(errors(moved, "updateVillage")).containsExactly("input.location OUT_OF_RANGE");
    }

    /**
     * The tester's import, run twice, added every village again under another slug: the
     * same name (ignoring case and a leading "Desa") in the same district and regency is
     * refused, also when a correction renames a village onto another.
     */
    @Test
    void anImportRunTwiceAddsNoVillageTwice() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var loyok = newVillage(ApiClient.unique("loyok"));
        loyok.put("name", "Loyok " + loyok.get("slug"));
        loyok.put("regency", "Lombok Timur");
        loyok.put("district", "Sikur");
        assertThat(errors(api.mutate(CREATE, loyok, curator), "createVillage")).isEmpty();

        var again = new HashMap<>(loyok);
        again.put("slug", ApiClient.unique("desa-loyok"));
        again.put("name", "Desa " + ((String) loyok.get("name")).toUpperCase());
        again.put("district", "sikur");
        assertThat(errors(api.mutate(CREATE, again, curator), "createVillage")).containsExactly("input.name TAKEN");
        assertThat(jdbc.sql("select count(*) from village where slug = ?")
            .param(again.get("slug"))
            .query(Long.class)
            .single()).isZero();
        // the same name in another district is another village
        again.put("district", "Pringgasela");
        assertThat(errors(api.mutate(CREATE, again, curator), "createVillage")).isEmpty();

        var other = created(curator);
        var renamed = api.mutate(UPDATE, Map.of("id", other.get("id"), "expectedVersion", other.get("version"), "name",
                loyok.get("name"), "district", "Sikur", "regency", "Lombok Timur"), curator);
        assertThat(errors(renamed, "updateVillage")).containsExactly("input.name TAKEN");
        // a village renamed in another case is no duplicate of itself
        assertThat(errors(api.mutate(UPDATE, Map.of("id", other.get("id"), "expectedVersion", other.get("version"),
                "name", ((String) other.get("name")).toUpperCase()), curator), "updateVillage"))
            .isEmpty();
    }

    /**
     * A taken slug or name is said with the input's other problems, not on the next try,
     * so that one attempt shows everything to fix.
     */
    @Test
    void aTakenSlugIsSaidWithEveryOtherProblemAtOnce() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var village = created(curator);
        var everything = newVillage((String) village.get("slug"));
        everything.put("location", Map.of("lat", 8.6, "lon", 116.43));
        everything.put("specialities", List.of("x".repeat(41)));
        assertThat(errors(api.mutate(CREATE, everything, curator), "createVillage")).containsExactlyInAnyOrder(
                "input.slug TAKEN", "input.name TAKEN", "input.location OUT_OF_RANGE", "input.specialities TOO_LONG");

        var other = created(curator);
        var onto = api.mutate(UPDATE, Map.of("id", other.get("id"), "expectedVersion", other.get("version"), "slug",
                village.get("slug"), "district", ""), curator);
        assertThat(errors(onto, "updateVillage")).containsExactlyInAnyOrder("input.slug TAKEN",
                "input.district REQUIRED");
    }

    /**
     * An outside tester's loader sent villages without slugs, as it sends products: a
     * slug left out is made from the name the way a product's is from its title, numbered
     * when another village has it; a slug given is checked as before.
     */
    @Test
    void aSlugLeftOutIsMadeFromTheNameAsAProductsIsFromItsTitle() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var suffix = ApiClient.unique("uji");
        var input = newVillage(null);
        input.remove("slug");
        input.put("name", "Sêsela " + suffix);
        var first = api.mutate(CREATE, input, curator);
        assertThat((String) JsonPath.read(first, "$.data.createVillage.village.slug")).as(first)
            .isEqualTo("sesela-" + suffix);
        // the same name in another district is another village, under the next number
        input.put("slug", null);
        input.put("district", "Gunungsari");
        var second = api.mutate(CREATE, input, curator);
        assertThat((String) JsonPath.read(second, "$.data.createVillage.village.slug")).as(second)
            .isEqualTo("sesela-" + suffix + "-2");

        input.put("district", "Batu Layar");
        input.put("slug", "sesela-" + suffix);
        assertThat(errors(api.mutate(CREATE, input, curator), "createVillage")).containsExactly("input.slug TAKEN");
        input.put("slug", "Sesela!");
        assertThat(errors(api.mutate(CREATE, input, curator), "createVillage")).containsExactly("input.slug INVALID");
        // a name that makes no slug asks for one
        input.remove("slug");
        input.put("name", "???");
        assertThat(errors(api.mutate(CREATE, input, curator), "createVillage")).containsExactly("input.slug REQUIRED");
    }

    /** The user errors of a payload, as `field CODE`. */
    private static List<String> errors(String body, String mutation) {
        List<Map<String, Object>> errors = JsonPath.read(body, "$.data." + mutation + ".userErrors");
        return errors.stream().map(error -> error.get("field") + " " + error.get("code")).toList();
    }

    @Test
    void ofTwoConcurrentCorrectionsOneWinsAndTheOtherIsToldOfTheConflict() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var village = created(curator);
        Callable<String> rename = () -> api.mutate(UPDATE,
                Map.of("id", village.get("id"), "expectedVersion", village.get("version"), "name", "Nama A"), curator);
        Callable<String> reclassify = () -> api.mutate(UPDATE,
                Map.of("id", village.get("id"), "expectedVersion", village.get("version"), "classification", "MAJU"),
                curator);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(rename);
            var second = pool.submit(reclassify);
            var outcomes = List.of(ApiClient.outcome(first.get(), "updateVillage"),
                    ApiClient.outcome(second.get(), "updateVillage"));
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "userError:CONFLICT");
        }
        var saved = jdbc.sql("select name, classification, version from village where slug = ?")
            .param(village.get("slug"))
            .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3)))
            .single();
        assertThat(saved.get(2)).isEqualTo(((Integer) village.get("version")) + 1L);
        assertThat(saved.get(0).equals("Nama A") ^ saved.get(1).equals("MAJU"))
            .as("exactly one change applied: %s", saved)
            .isTrue();
    }

    @Test
    void aCorrectionKeepsTheFieldsItLeavesOutAndClearsTheOnesItSetsToNull() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var village = created(curator);
        var changes = new HashMap<String, Object>();
        changes.put("id", village.get("id"));
        changes.put("expectedVersion", village.get("version"));
        changes.put("story", null);
        changes.put("regency", "Lombok Timur");
        var body = api.mutate(UPDATE, changes, curator);

        assertThat(ApiClient.outcome(body, "updateVillage")).as(body).isEqualTo("ok");
        Map<String, Object> updated = JsonPath.read(body, "$.data.updateVillage.village");
        assertThat(updated.get("regency")).isEqualTo("Lombok Timur");
        assertThat(updated.get("story")).as("cleared").isNull();
        assertThat(updated.get("name")).as("kept").isEqualTo(village.get("name"));
        assertThat(updated.get("specialities")).as("kept").isEqualTo(List.of("anyaman", "bambu"));

        var clearing = new HashMap<String, Object>();
        clearing.put("id", village.get("id"));
        clearing.put("expectedVersion", updated.get("version"));
        clearing.put("name", null);
        var refused = api.mutate(UPDATE, clearing, curator);
        assertThat(ApiClient.outcome(refused, "updateVillage")).as(refused).isEqualTo("userError:REQUIRED");
        assertThat((List<String>) JsonPath.read(refused, "$.data.updateVillage.userErrors[*].field"))
            .containsExactly("input.name");
    }

}
