package id.kriyanusa.brand;

import static id.kriyanusa.brand.BrandApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.SqlStatementCounter;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Producers fill in their brand page, work on it together and invite others, through the
 * API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandEditingIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LocalInbox inbox;

    BrandApi api;

    String producer;

    @BeforeEach
    void signIn() throws Exception {
        api = new BrandApi(new HttpTestClient(port));
        producer = api.signUp("BUYER");
    }

    @Test
    void aCompleteBrandPageIsSavedNormalisedAndItsCreatorBecomesAProducer() throws Exception {
        var slug = BrandApi.unique("koperasi-eco-print");
        var input = BrandApi.minimalBrand(slug);
        input.put("legalForm", "KOPERASI");
        input.put("tagline", "Eco-print daun tembakau");
        input.put("story",
                ApiClient.text("Cerita kami dimulai dari batang tembakau.", "Our story starts with a tobacco stalk."));
        input.put("palette", Map.of("primary", "#4e6b2f", "secondary", "#EFE6D2", "accent", "#B5651D"));
        input.put("contacts", Map.of("whatsapp", "0812-3456-7890", "email", "eco@semoyang.desa.id", "socialLinks",
                List.of("https://instagram.com/ecoprint.semoyang")));
        input.put("certifications",
                List.of(Map.of("kind", "HALAL", "number", "ID52110000123", "expiresOn", "2029-04-30")));
        input.put("yearFounded", 2023);
        input.put("artisans", Map.of("total", 20, "women", 18, "youth", 6));
        var body = api.call(BrandApi.CREATE, input, producer);

        assertThat((List<?>) JsonPath.read(body, "$.data.createBrand.userErrors")).as(body).isEmpty();
        assertThat((String) JsonPath.read(body, "$.data.createBrand.brand.contacts.whatsapp"))
            .isEqualTo("+6281234567890");
        assertThat((String) JsonPath.read(body, "$.data.createBrand.brand.palette.primary")).isEqualTo("#4E6B2F");
        assertThat((String) JsonPath.read(body, "$.data.createBrand.brand.verificationStatus")).isEqualTo("DRAFT");
        assertThat((String) JsonPath.read(body, "$.data.createBrand.brand.village.slug")).isEqualTo("semoyang");
        assertThat((String) JsonPath.read(body, "$.data.createBrand.brand.certifications[0].expiresOn"))
            .isEqualTo("2029-04-30");
        assertThat((Boolean) JsonPath.read(body, "$.data.createBrand.brand.viewerIsMember")).isTrue();

        var me = api.query("{ me { roles } }", Map.of(), producer);
        assertThat((List<String>) JsonPath.read(me, "$.data.me.roles")).contains("PRODUCER");

        var again = api.call(BrandApi.CREATE, BrandApi.minimalBrand(slug), producer);
        assertThat((List<String>) JsonPath.read(again, "$.data.createBrand.userErrors[*].code"))
            .containsExactly("TAKEN");
    }

    @Test
    void badInputGetsUserErrorsNamingEachFieldAndSavesNothing() throws Exception {
        var name = BrandApi.unique("Kelompok Salah");
        var input = new HashMap<String, Object>();
        input.put("name", name);
        input.put("slug", "Bukan Slug!");
        input.put("legalForm", "UMKM");
        input.put("villageSlug", "semoyang");
        input.put("story", ApiClient.text("a".repeat(1_000_000), null));
        input.put("palette", Map.of("primary", "merah", "accent", "#12345G"));
        input.put("contacts",
                Map.of("whatsapp", "021-555-1234", "socialLinks", List.of("http://instagram.com/tidak-aman")));
        input.put("certifications", java.util.Collections.nCopies(11, Map.of("kind", "SNI")));
        input.put("artisans", Map.of("total", 5, "women", 6, "youth", -1));
        var body = api.call(BrandApi.CREATE, input, producer);

        List<String> fields = JsonPath.read(body, "$.data.createBrand.userErrors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("input.slug", "input.story.indonesian", "input.palette.primary",
                "input.palette.accent", "input.contacts.whatsapp", "input.contacts.socialLinks[0]",
                "input.certifications", "input.artisans.women", "input.artisans.youth");
        assertThat((Object) JsonPath.read(body, "$.data.createBrand.brand")).isNull();
        assertThat(jdbc.sql("select count(*) from brand where name = ?").param(name).query(Long.class).single())
            .isZero();

        var unknownVillage = BrandApi.minimalBrand(BrandApi.unique("tanpa-desa"));
        unknownVillage.put("villageSlug", "tidak-ada");
        assertThat((List<String>) JsonPath.read(api.call(BrandApi.CREATE, unknownVillage, producer),
                "$.data.createBrand.userErrors[*].field"))
            .containsExactly("input.villageSlug");

        // an update with bad input leaves the stored brand as it was
        var brand = api.createBrand(producer);
        var update = api.call(BrandApi.UPDATE, Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Baru",
                "contacts", Map.of("whatsapp", "0812")), producer);
        assertThat((List<String>) JsonPath.read(update, "$.data.updateBrand.userErrors[*].field"))
            .containsExactly("input.contacts.whatsapp");
        var stored = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((Object) JsonPath.read(stored, "$.data.brand.tagline")).isNull();
        assertThat((Integer) JsonPath.read(stored, "$.data.brand.version")).isZero();
    }

    /**
     * An outside tester sent a bad WhatsApp number with a slug another brand has: both
     * are said at once, so that one try shows everything to fix.
     */
    @Test
    void aTakenSlugIsReportedWithTheOtherProblemsAtOnce() throws Exception {
        var taken = api.createBrand(producer);
        var input = BrandApi.minimalBrand((String) taken.get("slug"));
        input.put("name", BrandApi.unique("Kelompok Kedua"));
        input.put("contacts", Map.of("whatsapp", "021-555-1234"));
        assertThat((List<String>) JsonPath.read(api.call(BrandApi.CREATE, input, producer),
                "$.data.createBrand.userErrors[*].code"))
            .containsExactlyInAnyOrder("INVALID", "TAKEN");

        var other = api.createBrand(producer);
        var update = api.call(BrandApi.UPDATE, Map.of("id", other.get("id"), "expectedVersion", other.get("version"),
                "slug", taken.get("slug"), "contacts", Map.of("whatsapp", "0812")), producer);
        assertThat((List<String>) JsonPath.read(update, "$.data.updateBrand.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.slug", "input.contacts.whatsapp");
    }

    @Test
    void twoConcurrentEditsOfTheSameVersionSaveOneAndReportAConflictToTheOther() throws Exception {
        var brand = api.createBrand(producer);
        var id = (String) brand.get("id");
        var version = (Integer) brand.get("version");
        var edits = List.<Map<String, Object>>of(
                Map.of("id", id, "expectedVersion", version, "tagline", "Tas anyaman ketak"),
                Map.of("id", id, "expectedVersion", version, "yearFounded", 2019));
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<String>>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var edit : edits) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.call(BrandApi.UPDATE, edit, producer);
                }));
            }
            start.countDown();
        }
        var outcomes = new ArrayList<String>();
        for (var result : results) {
            outcomes.add(outcome(result.get(), "updateBrand"));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "userError:CONFLICT");

        var stored = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((Integer) JsonPath.read(stored, "$.data.brand.version")).isEqualTo(version + 1);
        var winner = outcomes.getFirst().equals("ok") ? 0 : 1;
        var loser = 1 - winner;
        if (winner == 0) {
            assertThat((String) JsonPath.read(stored, "$.data.brand.tagline")).isEqualTo("Tas anyaman ketak");
            assertThat((Object) JsonPath.read(stored, "$.data.brand.yearFounded")).isNull();
        }
        else {
            assertThat((Integer) JsonPath.read(stored, "$.data.brand.yearFounded")).isEqualTo(2019);
            assertThat((Object) JsonPath.read(stored, "$.data.brand.tagline")).isNull();
        }

        // the one who got the conflict reloads and applies the change again: both changes
        // are kept
        var retry = new HashMap<>(edits.get(loser));
        retry.put("expectedVersion", version + 1);
        assertThat(outcome(api.call(BrandApi.UPDATE, retry, producer), "updateBrand")).isEqualTo("ok");
        var merged = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((String) JsonPath.read(merged, "$.data.brand.tagline")).isEqualTo("Tas anyaman ketak");
        assertThat((Integer) JsonPath.read(merged, "$.data.brand.yearFounded")).isEqualTo(2019);
        assertThat((Integer) JsonPath.read(merged, "$.data.brand.version")).isEqualTo(version + 2);
    }

    /**
     * A dry run of an update answers what the update would, for the same callers, and
     * changes nothing: what pages use to show every problem of a form at once.
     */
    @Test
    void aDryRunOfAnUpdateSaysWhatItWouldRefuseAndSavesNothing() throws Exception {
        var check = "mutation($input: UpdateBrandInput!) { updateBrand(input: $input, dryRun: true) " + BrandApi.PAYLOAD
                + " }";
        var brand = api.createBrand(producer);
        var announced = changesAnnounced(brand);
        var wrong = api.call(check, Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Baru", "contacts",
                Map.of("whatsapp", "0812"), "artisans", Map.of("total", 5, "women", 6)), producer);
        assertThat((List<String>) JsonPath.read(wrong, "$.data.updateBrand.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.contacts.whatsapp", "input.artisans.women");

        var right = api.call(check, Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Baru"), producer);
        assertThat((List<?>) JsonPath.read(right, "$.data.updateBrand.userErrors")).as(right).isEmpty();
        assertThat((Object) JsonPath.read(right, "$.data.updateBrand.brand")).isNull();
        var stored = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((Object) JsonPath.read(stored, "$.data.brand.tagline")).isNull();
        assertThat((Integer) JsonPath.read(stored, "$.data.brand.version")).isZero();

        var stale = api.call(check, Map.of("id", brand.get("id"), "expectedVersion", 7, "tagline", "Baru"), producer);
        assertThat(outcome(stale, "updateBrand")).isEqualTo("userError:CONFLICT");
        assertThat(outcome(api.call(check, Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Milik saya"),
                api.signUp("BUYER")), "updateBrand"))
            .isEqualTo("FORBIDDEN");
        assertThat(outcome(api.call(check, Map.of("id", brand.get("id"), "expectedVersion", 0), null), "updateBrand"))
            .isEqualTo("UNAUTHORIZED");

        // nothing announced either (search and the other modules hear of no change), as
        // the change itself is
        assertThat(changesAnnounced(brand)).isEqualTo(announced);
        assertThat(outcome(api.call(BrandApi.UPDATE,
                Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Baru"), producer), "updateBrand"))
            .isEqualTo("ok");
        assertThat(changesAnnounced(brand)).isGreaterThan(announced);
    }

    /** How many times a change of the brand was published to the other modules. */
    private long changesAnnounced(Map<String, Object> brand) {
        return jdbc.sql("""
                select count(*) from event_publication
                where event_type = 'id.kriyanusa.brand.BrandChanged'
                  and serialized_event like '%"brandId":' || (select id from brand where slug = ?) || ',%'""")
            .param(brand.get("slug"))
            .query(Long.class)
            .single();
    }

    /**
     * A dry run of a new brand answers what creating it would and creates nothing; a
     * brand without a legal form is the service's to refuse, beside everything else.
     */
    @Test
    void aDryRunOfANewBrandSaysWhatItWouldRefuseAndCreatesNothing() throws Exception {
        var check = "mutation($input: CreateBrandInput!) { createBrand(input: $input, dryRun: true) " + BrandApi.PAYLOAD
                + " }";
        var slug = BrandApi.unique("uji");
        var fine = api.call(check, BrandApi.minimalBrand(slug), producer);
        assertThat(outcome(fine, "createBrand")).as(fine).isEqualTo("ok");
        assertThat((Object) JsonPath.read(fine, "$.data.createBrand.brand")).isNull();
        var formless = BrandApi.minimalBrand(slug);
        formless.remove("legalForm");
        formless.remove("villageSlug");
        assertThat((List<String>) JsonPath.read(api.call(check, formless, producer),
                "$.data.createBrand.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.legalForm", "input.villageSlug");
        assertThat(outcome(api.call(BrandApi.CREATE, formless, producer), "createBrand"))
            .isEqualTo("userError:REQUIRED");
        assertThat(outcome(api.call(check, BrandApi.minimalBrand(slug), null), "createBrand"))
            .isEqualTo("UNAUTHORIZED");
        assertThat((Object) JsonPath.read(api.query(BrandApi.BY_SLUG, Map.of("slug", slug), producer), "$.data.brand"))
            .isNull();
        var me = api.query("{ me { roles } }", Map.of(), producer);
        assertThat((List<String>) JsonPath.read(me, "$.data.me.roles")).doesNotContain("PRODUCER");
    }

    @Test
    void aStrangerWhoSignsUpWithTheInvitedAddressCannotTakeTheBrand() throws Exception {
        var brand = api.createBrand(producer);
        var invitedEmail = BrandApi.unique("pemilik") + "@contoh.id";
        var invited = api.call(BrandApi.INVITE, Map.of("brandId", brand.get("id"), "email", invitedEmail), producer);
        assertThat((List<?>) JsonPath.read(invited, "$.data.inviteBrandMember.userErrors")).as(invited).isEmpty();

        // a stranger signs up with the invited address first, and cannot read its mail
        var stranger = api.signUp(invitedEmail, "BUYER");
        var seen = api.query("{ myBrandInvitations { brandSlug token } }", Map.of(), stranger);
        assertThat((Object) JsonPath.read(seen, "$.data.myBrandInvitations[0].token")).isNull();
        for (var guess : List.of("", "x", brand.get("id").toString())) {
            assertThat(outcome(api.call(BrandApi.ACCEPT, Map.of("token", guess), stranger), "acceptBrandInvitation"))
                .isEqualTo("userError:INVALID");
        }
        // even holding the link (passed on carelessly), accepting needs the address
        // proven
        var link = ApiClient.awaitLink(inbox, invitedEmail, "/undangan/");
        var leaked = link.substring(link.lastIndexOf('/') + 1);
        assertThat(outcome(api.call(BrandApi.ACCEPT, Map.of("token", leaked), stranger), "acceptBrandInvitation"))
            .isEqualTo("userError:EMAIL_NOT_VERIFIED");
        var members = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((List<String>) JsonPath.read(members, "$.data.brand.members[*].account.email")).hasSize(1);
        var edit = api.call(BrandApi.UPDATE,
                Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Milik saya"), stranger);
        assertThat(outcome(edit, "updateBrand")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aMemberInvitesSomeoneWhoAcceptsAndCanThenEditTheBrand() throws Exception {
        var brand = api.createBrand(producer);
        var inviteeEmail = BrandApi.unique("inaq-nur") + "@contoh.id";
        var invitee = api.signUp(inviteeEmail, "BUYER");
        var bystander = api.signUp("BUYER");

        var invited = api.call(BrandApi.INVITE, Map.of("brandId", brand.get("id"), "email", inviteeEmail.toUpperCase()),
                producer);
        assertThat((List<?>) JsonPath.read(invited, "$.data.inviteBrandMember.userErrors")).as(invited).isEmpty();

        // the addressee sees the invitation but not its secret: the members send the link
        var mine = api.query("{ myBrandInvitations { brandSlug token } }", Map.of(), invitee);
        assertThat((String) JsonPath.read(mine, "$.data.myBrandInvitations[0].brandSlug")).isEqualTo(brand.get("slug"));
        assertThat((Object) JsonPath.read(mine, "$.data.myBrandInvitations[0].token")).isNull();
        var asMember = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        String token = JsonPath.read(asMember, "$.data.brand.invitations[0].token");
        assertThat(token).isNotBlank();
        assertThat((List<?>) JsonPath.read(api.query("{ myBrandInvitations { token } }", Map.of(), bystander),
                "$.data.myBrandInvitations"))
            .isEmpty();
        var asStaff = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")),
                api.signIn("kurator@kriyanusa.test"));
        assertThat((Object) JsonPath.read(asStaff, "$.data.brand.invitations")).isNull();

        // someone else holding the token cannot use it
        assertThat(outcome(api.call(BrandApi.ACCEPT, Map.of("token", token), bystander), "acceptBrandInvitation"))
            .isEqualTo("userError:INVALID");

        // the invitee proves the address through the link mailed at sign-up, then joins
        new ApiClient(new HttpTestClient(port)).verifyEmail(inbox, inviteeEmail);
        var accepted = api.call(BrandApi.ACCEPT, Map.of("token", token), invitee);
        assertThat(outcome(accepted, "acceptBrandInvitation")).isEqualTo("ok");
        assertThat((Boolean) JsonPath.read(accepted, "$.data.acceptBrandInvitation.brand.viewerIsMember")).isTrue();
        assertThat(outcome(api.call(BrandApi.ACCEPT, Map.of("token", token), invitee), "acceptBrandInvitation"))
            .isEqualTo("userError:INVALID");

        var me = api.query("{ me { roles } }", Map.of(), invitee);
        assertThat((List<String>) JsonPath.read(me, "$.data.me.roles")).contains("PRODUCER");
        var members = api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), invitee);
        assertThat((List<String>) JsonPath.read(members, "$.data.brand.members[*].account.email")).hasSize(2)
            .contains(inviteeEmail);
        var edit = api.call(BrandApi.UPDATE,
                Map.of("id", brand.get("id"), "expectedVersion", 0, "tagline", "Kami berdua"), invitee);
        assertThat(outcome(edit, "updateBrand")).isEqualTo("ok");

        var twice = api.call(BrandApi.INVITE, Map.of("brandId", brand.get("id"), "email", inviteeEmail), producer);
        assertThat(outcome(twice, "inviteBrandMember")).isEqualTo("userError:ALREADY_MEMBER");
    }

    @Test
    void listingBrandsWithTheirVillagesCostsTheSameFewStatementsForFiveOrFiftyBrands() throws Exception {
        var document = "query($first: Int) { brands(first: $first) { totalCount edges { node { name village { name "
                + "regency } } } } }";
        api.query(document, Map.of("first", 5), null);

        var five = SqlStatementCounter.fewest(() -> api.query(document, Map.of("first", 5), null));
        var fifty = SqlStatementCounter.fewest(() -> api.query(document, Map.of("first", 50), null));
        var small = five.response();
        var large = fifty.response();
        var forFive = five.statements();
        var forFifty = fifty.statements();

        assertThat((List<?>) JsonPath.read(small, "$.data.brands.edges")).hasSize(5);
        assertThat((List<?>) JsonPath.read(large, "$.data.brands.edges")).hasSizeGreaterThan(20);
        assertThat((List<String>) JsonPath.read(large, "$.data.brands.edges[*].node.village.name"))
            .doesNotContainNull();
        // brands: count + page; villages: one page of the village list (count + page),
        // whatever the number of brands
        assertThat(forFive).isBetween(2L, 6L);
        assertThat(forFifty).isEqualTo(forFive);
    }

    /**
     * An outside tester's loader sent brands without slugs, as it sends products: a slug
     * left out is made from the name the way a product's is from its title, numbered when
     * another brand has it; a slug given is checked as before.
     */
    @Test
    void aSlugLeftOutIsMadeFromTheNameAsAProductsIsFromItsTitle() throws Exception {
        var suffix = BrandApi.unique("uji");
        var input = BrandApi.minimalBrand(null);
        input.remove("slug");
        input.put("name", "Gerabah Banyumulek — Lestarî " + suffix);
        var first = api.call(BrandApi.CREATE, input, producer);
        assertThat((String) JsonPath.read(first, "$.data.createBrand.brand.slug")).as(first)
            .isEqualTo("gerabah-banyumulek-lestari-" + suffix);
        input.put("slug", null);
        var second = api.call(BrandApi.CREATE, input, producer);
        assertThat((String) JsonPath.read(second, "$.data.createBrand.brand.slug")).as(second)
            .isEqualTo("gerabah-banyumulek-lestari-" + suffix + "-2");

        input.put("slug", "gerabah-banyumulek-lestari-" + suffix);
        assertThat(errors(api.call(BrandApi.CREATE, input, producer), "createBrand"))
            .containsExactly("input.slug TAKEN");
        input.put("slug", "a".repeat(81));
        assertThat(errors(api.call(BrandApi.CREATE, input, producer), "createBrand"))
            .containsExactly("input.slug TOO_LONG");
    }

    /**
     * The same kind of fault has the same code on every mutation: a number or a date
     * outside what is allowed is OUT_OF_RANGE, as a price of 0 and a village outside NTB
     * are (ADR 0028).
     */
    @Test
    void numbersAndDatesOutsideTheirBoundsAreOutOfRange() throws Exception {
        var input = BrandApi.minimalBrand(BrandApi.unique("kelompok-batas"));
        input.put("yearFounded", 1850);
        input.put("artisans", Map.of("total", 5, "women", 6, "youth", -1));
        input.put("certifications",
                List.of(Map.of("kind", "SNI", "issuedOn", "2999-01-01", "expiresOn", "2998-01-01")));
        assertThat(errors(api.call(BrandApi.CREATE, input, producer), "createBrand")).containsExactlyInAnyOrder(
                "input.yearFounded OUT_OF_RANGE", "input.artisans.women OUT_OF_RANGE",
                "input.artisans.youth OUT_OF_RANGE", "input.certifications[0].issuedOn OUT_OF_RANGE",
                "input.certifications[0].expiresOn OUT_OF_RANGE");
    }

    /** The user errors of a payload, as `field CODE`. */
    private static List<String> errors(String body, String mutation) {
        List<Map<String, Object>> errors = JsonPath.read(body, "$.data." + mutation + ".userErrors");
        return errors.stream().map(error -> error.get("field") + " " + error.get("code")).toList();
    }

    @Test
    void anUpdateKeepsTheFieldsItLeavesOutAndClearsTheOnesItSetsToNull() throws Exception {
        var input = BrandApi.minimalBrand(BrandApi.unique("kelompok-ketak"));
        input.put("tagline", "Anyaman ketak dari Beleke");
        input.put("yearFounded", 2015);
        input.put("palette", Map.of("primary", "#8B5A2B"));
        var created = api.call(BrandApi.CREATE, input, producer);
        Map<String, Object> brand = JsonPath.read(created, "$.data.createBrand.brand");

        var changes = new HashMap<String, Object>();
        changes.put("id", brand.get("id"));
        changes.put("expectedVersion", brand.get("version"));
        changes.put("tagline", null);
        changes.put("palette", null);
        changes.put("legalForm", "KOPERASI");
        var body = api.call(BrandApi.UPDATE, changes, producer);

        assertThat(outcome(body, "updateBrand")).as(body).isEqualTo("ok");
        Map<String, Object> updated = JsonPath.read(body, "$.data.updateBrand.brand");
        assertThat(updated.get("legalForm")).isEqualTo("KOPERASI");
        assertThat(updated.get("tagline")).as("cleared").isNull();
        assertThat((Object) JsonPath.read(body, "$.data.updateBrand.brand.palette.primary")).as("cleared").isNull();
        assertThat(updated.get("yearFounded")).as("kept").isEqualTo(2015);
        assertThat(updated.get("name")).as("kept").isEqualTo(brand.get("name"));
        assertThat((String) JsonPath.read(body, "$.data.updateBrand.brand.village.slug")).as("kept")
            .isEqualTo("semoyang");

        // a brand cannot do without its name or village
        var clearing = new HashMap<String, Object>();
        clearing.put("id", brand.get("id"));
        clearing.put("expectedVersion", updated.get("version"));
        clearing.put("name", null);
        clearing.put("villageSlug", null);
        var refused = api.call(BrandApi.UPDATE, clearing, producer);
        assertThat((List<String>) JsonPath.read(refused, "$.data.updateBrand.userErrors[*].field")).as(refused)
            .containsExactlyInAnyOrder("input.name", "input.villageSlug");
        assertThat((List<String>) JsonPath.read(refused, "$.data.updateBrand.userErrors[*].code"))
            .containsOnly("REQUIRED");
    }

    /**
     * The department verifies a brand's name, legal form and village: its members change
     * them while it is a draft, new or sent back, and no longer once submitted or
     * verified, when the department's admins change them on its behalf.
     */
    @Test
    void theNameLegalFormAndVillageAreTheMembersToChangeOnlyWhileADraft() throws Exception {
        var brand = api.createBrand(producer);
        var id = brand.get("id");
        var draftChange = new HashMap<String, Object>();
        draftChange.put("id", id);
        draftChange.put("expectedVersion", brand.get("version"));
        draftChange.put("name", "Kelompok Gerabah " + BrandApi.unique("baru"));
        draftChange.put("legalForm", "KOPERASI");
        draftChange.put("villageSlug", "banyumulek");
        var changed = api.call(BrandApi.UPDATE, draftChange, producer);
        assertThat(outcome(changed, "updateBrand")).as(changed).isEqualTo("ok");
        assertThat((String) JsonPath.read(changed, "$.data.updateBrand.brand.village.slug")).isEqualTo("banyumulek");

        api.transition(BrandApi.SUBMIT, "submitBrandForVerification", (String) id, null, producer);
        api.transition(BrandApi.VERIFY, "verifyBrand", (String) id, null, api.signIn(ApiClient.CURATOR));
        var verified = JsonPath.<Integer>read(api.query(BrandApi.BY_SLUG, Map.of("slug", brand.get("slug")), producer),
                "$.data.brand.version");
        var renaming = new HashMap<String, Object>();
        renaming.put("id", id);
        renaming.put("expectedVersion", verified);
        renaming.put("name", "Nama Lain " + BrandApi.unique("x"));
        renaming.put("legalForm", "UMKM");
        renaming.put("villageSlug", "sukarara");
        var refused = api.call(BrandApi.UPDATE, renaming, producer);
        assertThat(errors(refused, "updateBrand")).containsExactlyInAnyOrder("input.name INVALID_STATE",
                "input.legalForm INVALID_STATE", "input.villageSlug INVALID_STATE");

        // the same values again, as a form sending every field does, pass
        var same = new HashMap<String, Object>();
        same.put("id", id);
        same.put("expectedVersion", verified);
        same.put("name", draftChange.get("name"));
        same.put("legalForm", "KOPERASI");
        same.put("villageSlug", "banyumulek");
        same.put("tagline", "Gerabah dari Banyumulek");
        var kept = api.call(BrandApi.UPDATE, same, producer);
        assertThat(outcome(kept, "updateBrand")).as(kept).isEqualTo("ok");

        renaming.put("expectedVersion", JsonPath.<Integer>read(kept, "$.data.updateBrand.brand.version"));
        var byAdmin = api.call(BrandApi.UPDATE, renaming, api.signIn(ApiClient.ADMIN));
        assertThat(outcome(byAdmin, "updateBrand")).as(byAdmin).isEqualTo("ok");
        assertThat((String) JsonPath.read(byAdmin, "$.data.updateBrand.brand.name")).isEqualTo(renaming.get("name"));
    }

}
