package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A village producer's way in, on a phone browser without JavaScript: signs up on
 * `/daftar`, creates a brand, submits it for verification (learning what is missing, then
 * what the curator asked to fix), and invites a second member, who accepts the link on
 * `/undangan/{token}` after signing up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandLifecyclePagesIntegrationTest {

    static final String PASSWORD = "anyaman-ketak-2026";

    static final Pattern BRAND_ID = Pattern.compile("/dasbor/merek/([A-Za-z0-9_-]+)/verifikasi");

    static final Pattern INVITATION_LINK = Pattern.compile("value=\"(http://[^\"]+/undangan/([A-Za-z0-9_-]+))\"");

    static final Pattern INVITATION_CANCEL = Pattern.compile("name=\"invitation\" value=\"([^\"]+)\"");

    static final Pattern SELF_REMOVAL = Pattern
        .compile("name=\"account\" value=\"([^\"]+)\">\\s*<button type=\"submit\">Keluar dari merek ini");

    @Autowired
    LocalInbox inbox;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aProducerSignsUpOnThePageAndLandsOnTheDashboardWithANewSession() throws Exception {
        var browser = new FormBrowser(port);
        var form = browser.get("/daftar");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Daftar</h1>", "type=\"password\"", "value=\"PRODUCER\"",
                "value=\"BUYER\"");
        var before = browser.sessionId();

        var signedUp = browser.post("/daftar", Map.of("displayName", "Inaq Sumiati", "email", email("inaq"), "password",
                PASSWORD, "role", "PRODUCER"));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(signedUp.headers().firstValue("Location"))
            .hasValueSatisfying(to -> assertThat(to).endsWith("/dasbor"));
        assertThat(browser.sessionId()).as("a new session id at sign-up").isNotEqualTo(before);

        var dashboard = browser.get("/dasbor");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Halo, Inaq Sumiati.", "Buat merek baru", "Keluar");
        assertThat(browser.post("/keluar", Map.of()).statusCode()).as("the new CSRF token works").isEqualTo(302);

        var buyer = new FormBrowser(port);
        buyer.get("/daftar?lang=en");
        var home = buyer.post("/daftar",
                Map.of("displayName", "Ayu", "email", email("ayu"), "password", PASSWORD, "role", "BUYER"));
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        assertThat(buyer.get("/").body()).contains("Ayu").doesNotContain("href=\"/daftar\"");
    }

    /** Ten spaces are ten characters, but no password: refused as one too short is. */
    @Test
    void aPasswordOfSpacesOnlyIsRefused() throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/daftar");
        var email = email("spasi");
        var refused = browser.post("/daftar",
                Map.of("displayName", "Amaq Spasi", "email", email, "password", " ".repeat(10), "role", "BUYER"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("tidak boleh hanya spasi", "href=\"#password\"", "value=\"" + email + "\"");
        assertThat(browser.get("/dasbor").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void aTakenEmailIsExplainedAndTheNameAndEmailStayButNotThePassword() throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/daftar");
        var refused = browser.post("/daftar", Map.of("displayName", "Amaq Rahman", "email", ApiClient.PRODUCER,
                "password", PASSWORD, "role", "PRODUCER"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("Sudah ada akun dengan email ini", "value=\"Amaq Rahman\"",
                    "value=\"" + ApiClient.PRODUCER + "\"", "href=\"#email\"")
            .doesNotContain(PASSWORD)
            .containsPattern("value=\"PRODUCER\"\\s+checked");
        var short_ = browser.post("/daftar?lang=en",
                Map.of("displayName", "Amaq", "email", email("amaq"), "password", "pendek", "role", "BUYER"));
        assertThat(short_.statusCode()).isEqualTo(422);
        assertThat(short_.body()).contains("The password must have 10 to 128 characters").doesNotContain("pendek\"");
        assertThat(browser.get("/dasbor").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void aNewBrandIsADraftAndSubmittingItListsWhatIsMissing() throws Exception {
        var browser = signedUpProducer("baiq");
        var form = browser.get("/dasbor/merek/baru");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<option value=\"semoyang\"", "Kelompok perajin", ">Semoyang, Lombok Tengah<");
        assertThat(browser.get("/dasbor/merek/baru?lang=en").body()).contains(">Semoyang, Central Lombok<");

        var name = "Kelompok Daun Emas " + ApiClient.unique("uji");
        var created = browser.post("/dasbor/merek/baru", Map.of("name", name, "slug", "", "legalForm",
                "KELOMPOK_PENGRAJIN", "villageSlug", "semoyang", "tagline", "", "storyId", "", "whatsapp", ""));
        assertThat(created.statusCode()).isEqualTo(302);
        var dashboard = browser.get("/dasbor");
        assertThat(dashboard.body()).contains("Merek " + name + " dibuat sebagai draf.", name, "Draf: belum diajukan",
                "Ajukan verifikasi");
        var brandId = brandId(dashboard);
        assertThat(browser.get("/merek/" + PageAddresses.slugOf(name)).body()).as("the draft's page, to its members")
            .contains("Pembeli tidak melihat halaman ini: merek ini belum terverifikasi");

        var refused = browser.post("/dasbor/merek/" + brandId + "/verifikasi", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Cerita merek dalam bahasa Indonesia belum diisi",
                "Belum ada nomor WhatsApp, nomor telepon atau email", "href=\"/dasbor/merek/" + brandId + "\"");
        assertThat(browser.get("/dasbor").body()).contains("Draf: belum diajukan");

        // the address made from the name is shown when another brand has it
        var again = browser.post("/dasbor/merek/baru", Map.of("name", name, "slug", "", "legalForm", "KOPERASI",
                "villageSlug", "semoyang", "tagline", "", "storyId", "", "whatsapp", ""));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Alamat halaman ini sudah dipakai merek lain",
                "value=\"" + PageAddresses.slugOf(name) + "\"");
        assertThat(PageAddresses.slugOf(" Gerabah  Banyumulek—Lestari! ")).isEqualTo("gerabah-banyumulek-lestari");
    }

    @Test
    void aRefusedBrandKeepsWhatWasTyped() throws Exception {
        var browser = signedUpProducer("lalu");
        var refused = browser.post("/dasbor/merek/baru",
                Map.of("name", "Ketak Beleke", "slug", "Bukan Alamat!", "legalForm", "KOPERASI", "villageSlug", "",
                        "tagline", "Anyaman ketak", "storyId", "Cerita kami", "whatsapp", "0812"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("Alamat halaman hanya boleh huruf kecil", "Pilih desa tempat merek berusaha",
                    "value=\"Ketak Beleke\"", "value=\"Bukan Alamat!\"", "value=\"Anyaman ketak\"",
                    ">Cerita kami</textarea>", "value=\"0812\"")
            .containsPattern("value=\"KOPERASI\"\\s+selected");
    }

    /**
     * A brand without a legal form hears, in one go, everything else the service would
     * refuse too.
     */
    @Test
    void aBrandWithoutALegalFormHearsEveryOtherProblemAtOnce() throws Exception {
        var browser = signedUpProducer("zaenal");
        var form = Map.of("name", "Ketak Pringgasela", "slug", "", "legalForm", "", "villageSlug", "", "tagline", "",
                "storyId", "", "whatsapp", "0812");
        var refused = browser.post("/dasbor/merek/baru", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Pilih bentuk usaha merek.", "Pilih desa tempat merek berusaha.",
                "Tulis nomor HP Indonesia", "value=\"Ketak Pringgasela\"");
        assertThat(browser.post("/dasbor/merek/baru?lang=en", form).body())
            .contains("Choose the brand&#39;s legal form.", "Choose the village the brand works in.");
        // nothing typed in the name nor the address made from it: the name is what to
        // fill in
        var nameless = new HashMap<>(form);
        nameless.put("name", "");
        assertThat(browser.post("/dasbor/merek/baru", nameless).body())
            .contains("href=\"#name\">Tulis nama merek.</a>", "Pilih desa tempat merek berusaha.")
            .doesNotContain("href=\"#slug\"", "id=\"slug-problem\"");
        var altered = new HashMap<>(form);
        altered.put("legalForm", "PT");
        assertThat(browser.post("/dasbor/merek/baru", altered).body())
            .contains("Pilih salah satu bentuk usaha dari daftar.", "Pilih desa tempat merek berusaha.");
    }

    /**
     * A brand submitted at 00:45 WITA (16:45 UTC the day before) was submitted on that
     * WITA day, as every other date on the pages says.
     */
    @Test
    void theVerificationHistoryReadsNtbsDay() throws Exception {
        var browser = signedUpProducer("lalu");
        var name = "Gerabah Banyumulek " + ApiClient.unique("uji");
        browser.post("/dasbor/merek/baru",
                Map.of("name", name, "slug", "", "legalForm", "UMKM", "villageSlug", "sukarara", "tagline", "",
                        "storyId", "Kami membuat gerabah sejak 1985.", "whatsapp", "0812-3456-7891"));
        var brandId = brandId(browser.get("/dasbor"));
        browser.post("/dasbor/merek/" + brandId + "/verifikasi", Map.of());
        jdbc.sql("update brand_status_change set changed_at = '2026-12-06T16:45:00Z'"
                + " where brand_id = (select id from brand where name = ?)")
            .param(name)
            .update();

        assertThat(browser.get("/dasbor/merek/" + brandId + "/verifikasi").body()).contains("7 Des 2026")
            .doesNotContain("6 Des 2026");
    }

    @Test
    void theCuratorsNoteShowsAfterARejectionAndTheProducerResubmits() throws Exception {
        var email = email("mahsun");
        var browser = signedUpProducer("mahsun", email);
        var name = "Tenun Sukarara " + ApiClient.unique("uji");
        browser.post("/dasbor/merek/baru",
                Map.of("name", name, "slug", "", "legalForm", "UMKM", "villageSlug", "sukarara", "tagline", "",
                        "storyId", "Kami menenun songket sejak 1990.", "whatsapp", "0812-3456-7890"));
        var brandId = brandId(browser.get("/dasbor"));

        var submitted = browser.post("/dasbor/merek/" + brandId + "/verifikasi", Map.of());
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/dasbor").body()).contains("Merek diajukan", "Menunggu verifikasi Dinas")
            .doesNotContain("Ajukan verifikasi", ">Menunggu verifikasi<");
        // the brand's name in the way back, one way between its pages, a history in words
        var verification = browser.get("/dasbor/merek/" + brandId + "/verifikasi").body();
        assertThat(verification)
            .contains("› <span>" + name + "</span>", "Merek dibuat: Draf", "Draf → Menunggu verifikasi")
            .doesNotContain("row-title\">— →", "brand-links");
        assertThat(verification.split("href=\"/dasbor/merek/" + brandId + "/anggota\"", -1)).hasSize(2);
        assertThat(browser.get("/dasbor/merek/" + brandId + "/verifikasi?lang=en").body())
            .contains("Brand created: Draft");

        var curator = api.signIn(ApiClient.CURATOR);
        assertThat(ApiClient.outcome(api.mutate(
                "mutation($input: BrandTransitionInput!) { rejectBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId, "note", "Tambahkan foto alat tenun."), curator), "rejectBrand"))
            .isEqualTo("ok");
        // told by mail, with the note and a link to the page where they fix and resubmit
        var rejectedMail = decisionMailTo(email, "mengembalikan merek " + name);
        assertThat(rejectedMail.subject()).startsWith("Kabar verifikasi merek Anda di Kriyanusa / News on");
        assertThat(rejectedMail.text()).contains("Catatan kurator:", "Tambahkan foto alat tenun.",
                "sent the brand " + name + " back for changes", "The curator's note:");
        var fix = URI.create(rejectedMail.link("/dasbor/merek/" + brandId + "/verifikasi"));
        assertThat(fix.getQuery()).as("Indonesian first for a producer who signed up in Indonesian").isNull();
        assertThat(browser.get(fix.getPath()).body()).contains(name, "Tambahkan foto alat tenun.")
            .as("the history names the rejection as the status does")
            .contains("Ditolak kurator: dikembalikan untuk diperbaiki")
            .doesNotContain("Menunggu verifikasi → Draf");
        var rejected = browser.get("/dasbor").body();
        assertThat(rejected).contains("Ditolak kurator: perbaiki lalu ajukan lagi", "Tambahkan foto alat tenun.",
                "Ajukan verifikasi", "href=\"/dasbor/merek/" + brandId + "\"");
        assertThat(browser.get("/dasbor/merek/" + brandId + "/verifikasi?lang=en").body()).contains(
                "Rejected by the curator", "Tambahkan foto alat tenun.", "Verification history",
                "Rejected by the curator: sent back for changes");

        assertThat(browser.post("/dasbor/merek/" + brandId + "/verifikasi", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/dasbor?lang=id").body()).contains("Menunggu verifikasi Dinas")
            .doesNotContain("Tambahkan foto alat tenun.");
        assertThat(ApiClient.outcome(api.mutate(
                "mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), curator), "verifyBrand"))
            .isEqualTo("ok");
        assertThat(browser.get("/dasbor").body()).contains("Terverifikasi: tampil untuk pembeli")
            .doesNotContain(">Terverifikasi<");
        assertThat(decisionMailTo(email, "memverifikasi merek " + name).text()).doesNotContain("Catatan kurator:");
        assertThat(inbox.to(email)).as("a mail per decision, none for the producer's own submissions")
            .filteredOn(mail -> mail.subject().startsWith("Kabar verifikasi"))
            .hasSize(2);
    }

    /**
     * Every member of the brand hears of the curator's decision, each in the language
     * they signed up in, with the reason and a link to the brand's verification page in
     * that language.
     */
    @Test
    void everyMemberHearsOfASuspensionInTheirOwnLanguage() throws Exception {
        var owner = new FormBrowser(port, InetAddress.getByName("127.0.33.20"));
        owner.get("/daftar?lang=en");
        var ownerEmail = email("olivia");
        assertThat(
                owner
                    .post("/daftar?lang=en",
                            Map.of("displayName", "Olivia", "email", ownerEmail, "password", PASSWORD, "role",
                                    "PRODUCER"))
                    .statusCode())
            .isEqualTo(302);
        owner.get("/dasbor?lang=en");
        var name = "Ketak Uji " + ApiClient.unique("uji");
        owner.post("/dasbor/merek/baru?lang=en",
                Map.of("name", name, "slug", "", "legalForm", "UMKM", "villageSlug", "sukarara", "tagline", "",
                        "storyId", "Kami menganyam ketak sejak 1995.", "whatsapp", "0812-3456-7890"));
        var brandId = brandId(owner.get("/dasbor?lang=en"));
        var memberEmail = email("lalu");
        owner.get("/dasbor/merek/" + brandId + "/anggota?lang=en");
        owner.post("/dasbor/merek/" + brandId + "/anggota?lang=en", Map.of("email", memberEmail));
        var memberApi = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.33.21")));
        var member = memberApi.signUp(memberEmail, "BUYER");
        memberApi.verifyEmail(inbox, memberEmail);
        var invitation = ApiClient.awaitLink(inbox, memberEmail, "/undangan/");
        assertThat(ApiClient.outcome(
                memberApi.mutate(
                        "mutation($input: AcceptBrandInvitationInput!) { acceptBrandInvitation(input: $input) "
                                + "{ userErrors { code } } }",
                        Map.of("token", invitation.substring(invitation.lastIndexOf('/') + 1)), member),
                "acceptBrandInvitation"))
            .isEqualTo("ok");
        owner.get("/dasbor/merek/" + brandId + "/verifikasi?lang=en");
        assertThat(owner.post("/dasbor/merek/" + brandId + "/verifikasi?lang=en", Map.of()).statusCode())
            .isEqualTo(302);

        var curator = api.signIn(ApiClient.CURATOR);
        var reason = "Foto produk diambil dari merek lain " + ApiClient.unique("r") + ".";
        assertThat(ApiClient.outcome(api.mutate(
                "mutation($input: BrandTransitionInput!) { suspendBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId, "note", reason), curator), "suspendBrand"))
            .isEqualTo("ok");

        var english = decisionMailTo(ownerEmail, "suspended the brand " + name);
        assertThat(english.subject()).startsWith("News on your brand's verification on Kriyanusa / Kabar");
        assertThat(english.text()).contains("The curator's note:", reason);
        assertThat(english.text().indexOf("suspended the brand"))
            .isLessThan(english.text().indexOf("menangguhkan merek"));
        var page = URI.create(english.link("/dasbor/merek/" + brandId + "/verifikasi"));
        assertThat(page.getQuery()).isEqualTo("lang=en");
        assertThat(owner.get(page.getPath() + "?" + page.getQuery()).body()).contains("lang=\"en\"", reason);

        var indonesian = decisionMailTo(memberEmail, "menangguhkan merek " + name);
        assertThat(indonesian.subject()).startsWith("Kabar verifikasi merek Anda di Kriyanusa");
        assertThat(indonesian.text()).contains("Catatan kurator:", reason);
        assertThat(URI.create(indonesian.link("/dasbor/merek/" + brandId + "/verifikasi")).getQuery()).isNull();
    }

    /** The mail about a curator's decision to the address, once it arrived. */
    private LocalInbox.CaughtMail decisionMailTo(String email, String words) {
        return Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> inbox.to(email).stream().filter(mail -> mail.text().contains(words)).findFirst(),
                    Optional::isPresent)
            .orElseThrow();
    }

    @Test
    void anInviteeFollowsTheLinkSignsUpAndJoinsTheBrand() throws Exception {
        var producer = signedUpProducer("rini");
        var name = "Gerabah Uji " + ApiClient.unique("uji");
        producer.post("/dasbor/merek/baru", Map.of("name", name, "slug", "", "legalForm", "KOPERASI", "villageSlug",
                "banyumulek", "tagline", "", "storyId", "", "whatsapp", ""));
        var brandId = brandId(producer.get("/dasbor"));
        var members = "/dasbor/merek/" + brandId + "/anggota";
        assertThat(producer.get(members).body()).contains("Anggota (1)", "Tidak ada undangan terbuka.")
            // one way between the brand's pages, on each of them
            .contains("href=\"/dasbor/merek/" + brandId + "/verifikasi\"", "href=\"/dasbor/merek/" + brandId + "\"");
        assertThat(producer.get("/dasbor/merek/" + brandId + "/verifikasi").body()).contains("href=\"" + members + "\"",
                "href=\"/dasbor/merek/" + brandId + "/perajin\"");
        assertThat(producer.get("/dasbor/merek/" + brandId).body()).contains("href=\"" + members + "\"");

        var badEmail = producer.post(members, Map.of("email", "bukan-email"));
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.body()).contains("Tulis alamat email yang benar", "value=\"bukan-email\"");

        var invitee = email("wayan");
        var invited = producer.post(members, Map.of("email", invitee));
        assertThat(invited.statusCode()).isEqualTo(302);
        var page = producer.get(members).body();
        assertThat(page)
            .contains("Undangan untuk " + invitee + " dibuat dan tautannya dikirim ke email itu",
                    "Tautannya kami kirim ke email orang yang diundang", "Kirim lewat WhatsApp",
                    "href=\"https://wa.me/?text=")
            .as("the day a member joined, as every other date reads")
            .containsPattern("bergabung \\d{1,2} [A-Z][a-z]{2} \\d{4}<")
            .doesNotContainPattern("bergabung \\d{4}-");
        ApiClient.awaitLink(inbox, invitee, "/undangan/");
        assertThat(inbox.to(invitee)).as("the link the notice says was mailed")
            .singleElement()
            .satisfies(mail -> assertThat(mail.text())
                .contains("Bila Anda tidak mengenal merek ini, abaikan saja email ini",
                        "If you do not know this brand, just ignore this email")
                .doesNotContain("Bila Anda tidak meminta ini"));
        var link = INVITATION_LINK.matcher(page);
        assertThat(link.find()).as(page).isTrue();
        var path = "/undangan/" + link.group(2);
        assertThat(page).contains(java.net.URLEncoder.encode(link.group(1), java.nio.charset.StandardCharsets.UTF_8));

        var visitor = new FormBrowser(port);
        var open = visitor.get(path);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("Anda diundang menjadi anggota " + name, invitee,
                "href=\"" + path + "/masuk\"");
        var sent = visitor.get(path + "/masuk");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/masuk"));
        visitor.get("/daftar");
        var back = visitor.post("/daftar",
                Map.of("displayName", "Wayan", "email", invitee, "password", PASSWORD, "role", "BUYER"));
        assertThat(back.headers().firstValue("Location"))
            .hasValueSatisfying(to -> assertThat(to).endsWith(path + "/masuk"));
        assertThat(visitor.get(path + "/masuk").headers().firstValue("Location"))
            .hasValueSatisfying(to -> assertThat(to).endsWith(path));
        // the address must be proven first, with the link mailed at sign-up: the page
        // says so, without a button
        assertThat(visitor.get(path).body()).contains("Satu langkah lagi: kami mengirim tautan ke " + invitee)
            .doesNotContain("Terima undangan");
        var unproven = visitor.post(path, Map.of());
        assertThat(unproven.statusCode()).isEqualTo(422);
        assertThat(unproven.body()).contains("Pastikan dulu alamat email Anda");
        var verification = ApiClient.awaitLink(inbox, invitee, "/verifikasi-email/");
        assertThat(visitor.get(URI.create(verification).getPath()).statusCode()).isEqualTo(302);
        assertThat(visitor.get("/verifikasi-email/selesai").body()).contains("alamat " + invitee + " sudah dipastikan",
                "href=\"" + path + "\"", "Lanjut menerima undangan");
        assertThat(visitor.get(path).body()).contains("Terima undangan");
        var accepted = visitor.post(path, Map.of());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(visitor.get("/dasbor").body()).contains("Anda sekarang anggota " + name, name);
        assertThat(producer.get(members).body()).contains("Anggota (2)", invitee, "Tidak ada undangan terbuka.");

        var used = visitor.get(path);
        assertThat(used.statusCode()).isEqualTo(404);
        assertThat(used.body()).contains("Undangan ini tidak berlaku: sudah dipakai");
    }

    /**
     * The members page cancels an invitation (whose link then says so), says when an
     * address was invited already or is a member, removes a member and lets one leave;
     * the last member stays.
     */
    @Test
    void membersCancelInvitationsRemoveOneAnotherAndLeaveButTheLastStays() throws Exception {
        var producer = signedUpProducer("sari");
        var name = "Ketak Uji " + ApiClient.unique("uji");
        producer.post("/dasbor/merek/baru", Map.of("name", name, "slug", "", "legalForm", "KOPERASI", "villageSlug",
                "beleka", "tagline", "", "storyId", "", "whatsapp", ""));
        var brandId = brandId(producer.get("/dasbor"));
        var members = "/dasbor/merek/" + brandId + "/anggota";
        assertThat(producer.get(members).body()).contains("Anda anggota terakhir merek ini")
            .doesNotContain("Keluar dari merek ini");

        var dewi = email("dewi");
        assertThat(producer.post(members, Map.of("email", dewi)).statusCode()).isEqualTo(302);
        var first = INVITATION_LINK.matcher(producer.get(members).body());
        assertThat(first.find()).isTrue();
        assertThat(producer.post(members, Map.of("email", dewi.toUpperCase())).statusCode()).isEqualTo(302);
        var again = producer.get(members).body();
        assertThat(again).contains("Undangan untuk " + dewi.toUpperCase() + " sudah ada, jadi dikirim ulang",
                "Tautannya tetap sama", first.group(1));
        assertThat(INVITATION_CANCEL.matcher(again).results().count()).as("one open invitation").isEqualTo(1);

        var cancel = INVITATION_CANCEL.matcher(again);
        assertThat(cancel.find()).isTrue();
        assertThat(producer.post(members + "/batalkan", Map.of("invitation", cancel.group(1))).statusCode())
            .isEqualTo(302);
        assertThat(producer.get(members).body()).contains("Undangan untuk " + dewi + " dibatalkan",
                "Tidak ada undangan terbuka.");
        var cancelled = new FormBrowser(port).get("/undangan/" + first.group(2));
        assertThat(cancelled.statusCode()).isEqualTo(404);
        assertThat(cancelled.body()).contains("dibatalkan oleh anggota merek").doesNotContain("Terima undangan");
        assertThat(new FormBrowser(port).get("/undangan/" + first.group(2) + "?lang=en").body())
            .contains("cancelled by a member of the brand");

        var komang = email("komang");
        var komangsToken = api.signUp(komang, "BUYER");
        api.verifyEmail(inbox, komang);
        String komangsId = JsonPath.read(api.query("{ me { id } }", Map.of(), komangsToken), "$.data.me.id");
        joins(producer, members, komang, komangsToken);
        var alreadyMember = producer.post(members, Map.of("email", komang));
        assertThat(alreadyMember.statusCode()).isEqualTo(422);
        assertThat(alreadyMember.body()).contains("Orang ini sudah menjadi anggota merek.");

        var two = producer.get(members).body();
        assertThat(two).contains("Anggota (2)", "Keluarkan Uji BUYER", "Keluar dari merek ini");
        assertThat(producer.post(members + "/keluarkan", Map.of("account", komangsId)).statusCode()).isEqualTo(302);
        assertThat(producer.get(members).body()).contains("Uji BUYER tidak lagi menjadi anggota merek.", "Anggota (1)");
        var gone = api.query("query($id: ID!) { node(id: $id) { ... on Brand { viewerIsMember } } }",
                Map.of("id", brandId), komangsToken);
        assertThat((Object) JsonPath.read(gone, "$.data.node")).as("a draft brand, hidden again").isNull();

        joins(producer, members, komang, komangsToken);
        var mine = SELF_REMOVAL.matcher(producer.get(members).body());
        assertThat(mine.find()).isTrue();
        var left = producer.post(members + "/keluarkan", Map.of("account", mine.group(1)));
        assertThat(left.statusCode()).isEqualTo(302);
        assertThat(producer.get("/dasbor").body()).contains("Anda keluar dari " + name);
        assertThat(producer.get(members).statusCode()).as("a draft brand, hidden now").isEqualTo(404);

        var last = api.mutate("""
                mutation($input: RemoveBrandMemberInput!) { removeBrandMember(input: $input) {
                  brand { id } userErrors { field code } } }""", Map.of("brandId", brandId, "accountId", komangsId),
                komangsToken);
        assertThat(ApiClient.outcome(last, "removeBrandMember")).isEqualTo("userError:LAST_MEMBER");
    }

    /** Invites the address on the members page and accepts with its account. */
    private void joins(FormBrowser producer, String members, String email, String token) throws Exception {
        assertThat(producer.post(members, Map.of("email", email)).statusCode()).isEqualTo(302);
        var link = INVITATION_LINK.matcher(producer.get(members).body());
        assertThat(link.find()).isTrue();
        var accepted = api.mutate("""
                mutation($input: AcceptBrandInvitationInput!) { acceptBrandInvitation(input: $input) {
                  brand { id } userErrors { code } } }""", Map.of("token", link.group(2)), token);
        assertThat(ApiClient.outcome(accepted, "acceptBrandInvitation")).isEqualTo("ok");
    }

    /**
     * Someone invited without an account signs up from the link: the sign-up page names
     * the brand and holds the invited address, and leads back to the invitation.
     */
    @Test
    void theSignUpPageOfAnInvitationNamesTheBrandAndLeadsBackToIt() throws Exception {
        var producer = signedUpProducer("ratna");
        var name = "Songket Uji " + ApiClient.unique("uji");
        producer.post("/dasbor/merek/baru", Map.of("name", name, "slug", "", "legalForm", "KOPERASI", "villageSlug",
                "sukarara", "tagline", "", "storyId", "", "whatsapp", ""));
        var members = "/dasbor/merek/" + brandId(producer.get("/dasbor")) + "/anggota";
        var invitee = email("lia");
        producer.post(members, Map.of("email", invitee));
        var link = INVITATION_LINK.matcher(producer.get(members).body());
        assertThat(link.find()).isTrue();
        var path = "/undangan/" + link.group(2);
        var signUp = "/daftar?undangan=" + link.group(2);

        var visitor = new FormBrowser(port);
        assertThat(visitor.get(path).body()).contains("Daftar dengan " + invitee, "href=\"" + signUp + "\"",
                "href=\"" + path + "/masuk\"");
        var form = visitor.get(signUp);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
            .contains("Anda diundang bergabung dengan " + name, "value=\"" + invitee + "\"",
                    "name=\"undangan\" value=\"" + link.group(2) + "\"")
            .as("joining a brand is selling, chosen already")
            .containsPattern("value=\"PRODUCER\"[^>]*checked");
        assertThat(visitor.get(signUp + "&lang=en").body()).contains("You are invited to join " + name);

        var refused = visitor.post("/daftar", Map.of("displayName", "Lia", "email", invitee, "password", "pendek",
                "role", "BUYER", "undangan", link.group(2)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Anda diundang bergabung dengan " + name, "name=\"undangan\"");
        var signedUp = visitor.post("/daftar", Map.of("displayName", "Lia", "email", invitee, "password", PASSWORD,
                "role", "BUYER", "undangan", link.group(2)));
        assertThat(signedUp.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith(path));
        assertThat(visitor.get(path).body()).contains("Satu langkah lagi").doesNotContain("Terima undangan");

        // an invitation no longer valid leaves an ordinary sign-up form
        assertThat(new FormBrowser(port).get("/daftar?undangan=tidak-ada").body()).contains("Buat akun")
            .doesNotContain("name=\"undangan\"");
    }

    @Test
    void anInvitationForAnotherEmailIsRefusedInWords() throws Exception {
        var producer = signedUpProducer("nengah");
        producer.post("/dasbor/merek/baru", Map.of("name", "Ketak " + ApiClient.unique("uji"), "slug", "", "legalForm",
                "KOPERASI", "villageSlug", "beleka", "tagline", "", "storyId", "", "whatsapp", ""));
        var members = "/dasbor/merek/" + brandId(producer.get("/dasbor")) + "/anggota";
        producer.post(members, Map.of("email", email("ketut")));
        var link = INVITATION_LINK.matcher(producer.get(members).body());
        assertThat(link.find()).isTrue();
        var path = "/undangan/" + link.group(2);

        var someoneElse = signedUpProducer("made");
        assertThat(someoneElse.get(path).body()).contains("Undangan hanya dapat diterima dengan akun");
        var refused = someoneElse.post(path, Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("ditujukan ke akun lain");
        assertThat(new FormBrowser(port).get("/undangan/tidak-ada-undangan-ini").statusCode()).isEqualTo(404);
    }

    @Test
    void aStrangerCannotOpenOrPostToAnotherBrandsMembersPage() throws Exception {
        var body = api.query("{ brand(slug: \"koperasi-kriya-tembakau-semoyang\") { id } }", Map.of(), null);
        String brandId = JsonPath.read(body, "$.data.brand.id");
        var members = "/dasbor/merek/" + brandId + "/anggota";
        var stranger = signedUpProducer("asing");
        assertThat(stranger.get(members).statusCode()).isEqualTo(403);
        assertThat(stranger.post(members, Map.of("email", email("teman"))).statusCode()).isEqualTo(403);
        assertThat(stranger.get("/dasbor/merek/" + brandId + "/verifikasi").statusCode()).isEqualTo(403);
        assertThat(stranger.post("/dasbor/merek/" + brandId + "/verifikasi", Map.of()).statusCode()).isEqualTo(403);

        var demo = new FormBrowser(port);
        demo.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(demo.get(members).body()).contains("Anggota merek", "Koperasi Kriya Tembakau Semoyang");
    }

    @Test
    void theApiRefusesAnIncompleteSubmissionAndShowsAnInvitationByItsLink() throws Exception {
        var producer = api.signUp("PRODUCER");
        var slug = ApiClient.unique("uji-ajukan");
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm", "KOPERASI", "villageSlug", "semoyang"),
                producer);
        String brandId = JsonPath.read(created, "$.data.createBrand.brand.id");
        var submit = "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) "
                + "{ brand { verificationStatus } userErrors { field code } } }";
        var refused = api.mutate(submit, Map.of("id", brandId), producer);
        List<String> fields = JsonPath.read(refused, "$.data.submitBrandForVerification.userErrors[*].field");
        List<String> codes = JsonPath.read(refused, "$.data.submitBrandForVerification.userErrors[*].code");
        assertThat(fields).containsExactly("story", "contacts");
        assertThat(codes).containsOnly("REQUIRED");

        var invitation = api.mutate("""
                mutation($input: InviteBrandMemberInput!) { inviteBrandMember(input: $input) {
                  invitation { token } userErrors { code } } }""", Map.of("brandId", brandId, "email", email("tamu")),
                producer);
        String token = JsonPath.read(invitation, "$.data.inviteBrandMember.invitation.token");
        var byLink = api.query("query($token: String!) { brandInvitation(token: $token) { brandName email token } }",
                Map.of("token", token), null);
        assertThat((String) JsonPath.read(byLink, "$.data.brandInvitation.brandName")).isEqualTo("Kelompok " + slug);
        assertThat((Object) JsonPath.read(byLink, "$.data.brandInvitation.token")).as("never echoed").isNull();
        var unknown = api.query("query($token: String!) { brandInvitation(token: $token) { brandName } }",
                Map.of("token", token + "x"), null);
        assertThat((Object) JsonPath.read(unknown, "$.data.brandInvitation")).isNull();
    }

    @Test
    void everyLifecyclePageWeighsUnder60KilobytesBeforeImages() throws Exception {
        var browser = signedUpProducer("timbang");
        browser.post("/dasbor/merek/baru", Map.of("name", "Timbang " + ApiClient.unique("uji"), "slug", "", "legalForm",
                "KOPERASI", "villageSlug", "semoyang", "tagline", "", "storyId", "", "whatsapp", ""));
        var brandId = brandId(browser.get("/dasbor"));
        browser.post("/dasbor/merek/" + brandId + "/anggota", Map.of("email", email("timbang")));
        var link = INVITATION_LINK.matcher(browser.get("/dasbor/merek/" + brandId + "/anggota").body());
        assertThat(link.find()).isTrue();
        var css = new FormBrowser(port).get("/css/kriyanusa.css").body().getBytes().length;
        for (var path : List.of("/daftar", "/dasbor/merek/baru", "/dasbor", "/dasbor/merek/" + brandId + "/verifikasi",
                "/dasbor/merek/" + brandId + "/anggota", "/undangan/" + link.group(2))) {
            var html = browser.get(path).body().getBytes().length;
            System.out.printf("page weight %s: %d B HTML + %d B CSS = %d B%n", path.replace(brandId, "{id}"), html, css,
                    html + css);
            assertThat(html + css).as("bytes of %s", path).isLessThan(60 * 1024);
        }
    }

    private FormBrowser signedUpProducer(String name) throws Exception {
        return signedUpProducer(name, email(name));
    }

    private FormBrowser signedUpProducer(String name, String email) throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/daftar");
        var signedUp = browser.post("/daftar",
                Map.of("displayName", name, "email", email, "password", PASSWORD, "role", "PRODUCER"));
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(302);
        browser.get("/dasbor");
        return browser;
    }

    private static String email(String name) {
        return ApiClient.unique(name) + "@contoh.id";
    }

    /** The id of the dashboard's only brand of a new producer. */
    private static String brandId(HttpResponse<String> dashboard) {
        var found = BRAND_ID.matcher(dashboard.body());
        assertThat(found.find()).as(dashboard.body()).isTrue();
        return found.group(1);
    }

}
