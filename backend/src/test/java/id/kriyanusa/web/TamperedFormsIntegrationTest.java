package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Forms as an outside tester sends them: a select's value the form never offered, a field
 * left out, a hidden version altered, a day the month does not have, rows far beyond the
 * form's. Each is answered with the form again and a sentence beside the field (or, for
 * what no person types, a plain refusal), never the error page of a failure, and nothing
 * is saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TamperedFormsIntegrationTest {

    /** The sentence of the page that ends in a failure (500). */
    static final String FAILED = "Terjadi gangguan";

    /** The sentence of the page of a request that cannot be read at all (400). */
    static final String UNREADABLE = "Permintaan tidak dapat diproses";

    static final Pattern IMAGE_KEY = Pattern.compile("name=\"kunci\" value=\"([^\"]+)\"");

    static final Pattern VILLAGE_OPTION = Pattern.compile("<option value=\"([A-Za-z0-9_-]+)\">Semoyang ");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aGenderOrAgeBandNeverOfferedIsSaidBesideItsSelect() throws Exception {
        var curator = curator();
        var programme = demoProgramme(curator);
        var name = "Baiq " + ApiClient.unique("uji");
        var refused = curator.post(programme + "/peserta",
                Map.of("consent", "true", "name", name, "gender", "female", "ageBand", "UNDER_99"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain(FAILED)
            .contains("Pilih jenis kelamin dari daftar.", "href=\"#gender\"", "Pilih kelompok usia dari daftar.",
                    "href=\"#ageBand\"", "value=\"" + name + "\"");
        var english = curator.post(programme + "/peserta?lang=en",
                Map.of("consent", "true", "name", name, "gender", "MALE", "ageBand", "AGED_40_TO_54,UNDER_25"));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Choose the age group from the list.")
            .doesNotContain("Choose the gender from the list.");
        assertThat(curator.get(programme).body()).doesNotContain(name);
    }

    @Test
    void aReplyChannelNeverOfferedOrAMissingMessageIsSaidBesideTheField() throws Exception {
        var buyer = new FormBrowser(port);
        buyer.signIn(ApiClient.BUYER, ApiClient.DEMO_PASSWORD);
        var form = InquiryPagesIntegrationTest.PRODUCT + "/tanya";
        buyer.get(form);
        var message = "Bisa kirim ke Bima? " + ApiClient.unique("m");
        var refused = buyer.post(form, Map.of("message", message, "replyChannel", "whatsapp"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain(FAILED)
            .contains("Pilih cara balasan dari daftar.", "href=\"#replyChannel\"", message);
        var withoutMessage = buyer.post(form, Map.of("replyChannel", "EMAIL"));
        assertThat(withoutMessage.statusCode()).isEqualTo(422);
        assertThat(withoutMessage.body()).doesNotContain(FAILED).contains("Tulis pesan Anda.");
        assertThat(buyer.get("/dasbor/pesan").body()).doesNotContain(message);
    }

    @Test
    void aCertificationKindNeverOfferedIsSaidBesideItsRow() throws Exception {
        var producer = producerWithBrand();
        var editor = "/dasbor/merek/" + producer.brandId();
        producer.browser().get(editor);
        var form = new LinkedHashMap<String, String>(Map.of("version", "0", "tagline", "Tagline yang diketik",
                "certifications[0].kind", "pirt", "certifications[0].number", "P-IRT 123"));
        var refused = producer.browser().post(editor, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain(FAILED)
            .contains("Pilih salah satu jenis sertifikat dari daftar.", "href=\"#certifications-0-kind\"",
                    "value=\"Tagline yang diketik\"");
        assertThat(producer.browser().get(editor).body()).doesNotContain("Tagline yang diketik", "P-IRT 123");
    }

    /**
     * A form that lost the version it was filled in from, or carries one no version can
     * be, is answered as one filled in from an older version: what was typed kept, the
     * conflict said, nothing saved.
     */
    @Test
    void anEditFormWithoutAReadableVersionIsAnsweredAsAConflict() throws Exception {
        var producer = producerWithBrand();
        var browser = producer.browser();
        var product = "/dasbor/produk/" + producer.createProduct("Kendi versi uji");
        browser.get(product);
        for (var version : new String[] { null, "2147483648" }) {
            var form = new HashMap<>(Map.of("titleId", "Kendi yang diketik ulang", "availability", "MADE_TO_ORDER"));
            if (version != null) {
                form.put("versi", version);
            }
            var refused = browser.post(product, form);
            assertThat(refused.statusCode()).as(version).isEqualTo(422);
            assertThat(refused.body()).doesNotContain(FAILED)
                .contains("Produk ini baru saja diubah di tempat lain", "value=\"Kendi yang diketik ulang\"");
        }
        assertThat(browser.get(product).body()).contains("value=\"Kendi versi uji\"")
            .doesNotContain("Kendi yang diketik ulang");

        var editor = "/dasbor/merek/" + producer.brandId();
        browser.get(editor);
        var brand = browser.post(editor, Map.of("version", "2147483648", "tagline", "Tagline versi uji"));
        assertThat(brand.statusCode()).isEqualTo(422);
        assertThat(brand.body()).doesNotContain(FAILED)
            .contains("Merek ini baru saja diubah di tempat lain", "value=\"Tagline versi uji\"");
        var artisans = browser.post(editor + "/perajin", Map.of("artisans[0].name", "Inaq Uji"));
        assertThat(artisans.statusCode()).isEqualTo(422);
        assertThat(artisans.body()).doesNotContain(FAILED).contains("value=\"Inaq Uji\"");

        var curator = curator();
        var programme = demoProgramme(curator);
        var title = "Bimtek tanpa versi " + ApiClient.unique("uji");
        for (var version : new String[] { null, "2147483648" }) {
            var form = new HashMap<>(Map.of("indonesian", title, "organiser", "Dinas Perindustrian Provinsi NTB",
                    "startsOn", "2026-03-10", "endsOn", "2026-03-12", "villageId", semoyang(curator)));
            if (version != null) {
                form.put("versi", version);
            }
            var stale = curator.post(programme, form);
            assertThat(stale.statusCode()).as(version).isEqualTo(422);
            assertThat(stale.body()).as(version)
                .doesNotContain(FAILED)
                .contains("Baru saja diubah di tempat lain", "value=\"" + title + "\"");
        }
        assertThat(curator.get(programme).body()).doesNotContain(title);

        var village = "/kelola/desa/" + semoyang(curator);
        curator.get(village);
        var designation = curator.post(village + "/percontohan",
                Map.of("percontohan", "true", "tahun", "2099", "versi", "2147483648"));
        assertThat(designation.statusCode()).isEqualTo(422);
        assertThat(designation.body()).doesNotContain(FAILED)
            .contains("Baru saja diubah di tempat lain", "value=\"2099\"");
        assertThat(curator.get(village).body()).doesNotContain("value=\"2099\"");
    }

    /**
     * Values no field of the forms can hold, as an old or altered page sends them: a
     * hidden version that is no number, a box ticked with a value the form never gives
     * it. The form comes back with what was typed and a sentence, in the visitor's
     * language, never the bare page of a request that cannot be read, and nothing is
     * saved.
     */
    @Test
    void valuesNoFieldCanHoldAreAnsweredWithTheFormAsTyped() throws Exception {
        var producer = producerWithBrand();
        var browser = producer.browser();
        var product = "/dasbor/produk/" + producer.createProduct("Kendi angka uji");
        browser.get(product);
        var form = Map.of("titleId", "Kendi yang diketik", "price", "125.500", "availability", "MADE_TO_ORDER", "versi",
                "tiga");
        var refused = browser.post(product, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain(FAILED, UNREADABLE)
            .contains("Produk ini baru saja diubah di tempat lain", "value=\"Kendi yang diketik\"",
                    "value=\"125.500\"");
        var english = browser.post(product + "?lang=en", form);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Someone changed this product elsewhere just now",
                "value=\"Kendi yang diketik\"");
        assertThat(browser.get(product).body()).doesNotContain("Kendi yang diketik");

        var artisans = "/dasbor/merek/" + producer.brandId() + "/perajin";
        browser.get(artisans);
        var rows = browser.post(artisans, Map.of("version", "0x1", "artisans[0].name", "Inaq Centang Uji",
                "artisans[0].consent", "ya", "artisans[0].remove", "bukan"));
        assertThat(rows.statusCode()).isEqualTo(422);
        assertThat(rows.body()).doesNotContain(FAILED, UNREADABLE)
            .contains("Merek ini baru saja diubah di tempat lain", "value=\"Inaq Centang Uji\"");
        assertThat(browser.get(artisans).body()).doesNotContain("Inaq Centang Uji");

        var curator = curator();
        var programme = demoProgramme(curator);
        var title = "Bimtek versi huruf " + ApiClient.unique("uji");
        var stale = curator.post(programme, Map.of("indonesian", title, "organiser", "Dinas Perindustrian Provinsi NTB",
                "startsOn", "2026-03-10", "endsOn", "2026-03-12", "villageId", semoyang(curator), "versi", "1.5"));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).doesNotContain(FAILED, UNREADABLE)
            .contains("Baru saja diubah di tempat lain", "value=\"" + title + "\"");
        assertThat(curator.get(programme).body()).doesNotContain(title);

        var village = "/kelola/desa/" + semoyang(curator);
        curator.get(village);
        var designation = curator.post(village + "/percontohan",
                Map.of("percontohan", "ya", "tahun", "2098", "versi", "terbaru"));
        assertThat(designation.statusCode()).isEqualTo(422);
        assertThat(designation.body()).doesNotContain(FAILED, UNREADABLE)
            .contains("Baru saja diubah di tempat lain", "value=\"2098\"");
        assertThat(curator.get(village).body()).doesNotContain("value=\"2098\"");

        var created = curator.post("/kelola/koleksi",
                Map.of("titleId", "Koleksi tombol " + ApiClient.unique("uji").substring(4, 12)));
        assertThat(created.statusCode()).isEqualTo(302);
        var editor = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+|#isi$", "");
        curator.get(editor);
        var toggle = curator.post(editor + "/terbit", Map.of("terbit", "ya", "versi", "x"));
        assertThat(toggle.statusCode()).isEqualTo(422);
        assertThat(toggle.body()).doesNotContain(FAILED, UNREADABLE)
            .contains("Tombol ini berasal dari halaman yang tidak utuh", "Belum terbit");
        assertThat(curator.post(editor + "/terbit?lang=en", Map.of("versi", "0")).body())
            .contains("This button came from a page that was not whole");
        assertThat(curator.get(editor).body()).contains("Belum terbit");

        var favourite = browser.post("/akun/simpanan",
                Map.of("subjectId", producer.brandId(), "save", "ya", "back", "/dasbor"));
        assertThat(favourite.statusCode()).isEqualTo(302);
    }

    /**
     * The photo page's forms carry the product's version too: one without a readable
     * version is answered as a stale one, the typed caption kept and nothing changed.
     */
    @Test
    void aPhotoChangeWithoutAReadableVersionIsAnsweredAsAConflict() throws Exception {
        var producer = producerWithBrand();
        var browser = producer.browser();
        var photos = "/dasbor/produk/" + producer.createProduct("Kendi foto versi uji") + "/foto";
        browser.get(photos);
        var uploaded = browser.postMultipart(photos, Map.of("altId", "Kendi dari samping"), "kendi.jpg", "image/jpeg",
                ProducerDashboardIntegrationTest.jpeg(400, 300));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        var key = IMAGE_KEY.matcher(browser.get(photos).body());
        assertThat(key.find()).isTrue();
        for (var version : new String[] { null, "2147483648" }) {
            var form = new HashMap<>(Map.of("kunci", key.group(1), "altId", "Kendi coklat yang diketik"));
            if (version != null) {
                form.put("versi", version);
            }
            var refused = browser.post(photos + "/alt", form);
            assertThat(refused.statusCode()).as(version).isEqualTo(422);
            assertThat(refused.body()).as(version)
                .doesNotContain(FAILED)
                .contains("baru saja diubah di tempat lain", "value=\"Kendi coklat yang diketik\"");
        }
        assertThat(browser.get(photos).body()).contains("value=\"Kendi dari samping\"")
            .doesNotContain("Kendi coklat yang diketik");
    }

    @Test
    void aDayTheMonthDoesNotHaveIsSaidNotMovedToAnother() throws Exception {
        var curator = curator();
        var title = "Bimtek akhir Februari " + ApiClient.unique("uji");
        var refused = curator.post("/kelola/program",
                Map.of("indonesian", title, "organiser", "Dinas Perindustrian Provinsi NTB", "startsOn", "26/2/2026",
                        "endsOn", "30/2/2026", "villageId", semoyang(curator)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis tanggal selesai seperti 22/8/2025", "value=\"30/2/2026\"");
        assertThat(curator.get("/kelola/program").body()).doesNotContain(title);

        var programme = demoProgramme(curator);
        var participant = ProgrammePagesIntegrationTest.PARTICIPANT.matcher(curator.get(programme).body());
        assertThat(participant.find()).isTrue();
        var goal = "Target 31 Februari " + ApiClient.unique("uji");
        var goalRefused = curator.post(programme + "/peserta/" + participant.group(1) + "/rencana",
                Map.of("kind", "DEVELOP_PRODUCT", "description", goal, "dueOn", "31/2/2030"));
        assertThat(goalRefused.statusCode()).isEqualTo(422);
        assertThat(goalRefused.body()).contains("Tulis tenggat seperti 31/12/2025", "value=\"31/2/2030\"");
        assertThat(curator.get(programme).body()).doesNotContain(goal);
    }

    /**
     * Rows numbered far beyond any the forms show (a brand has at most 10 certifications
     * and 50 artisans) are no one's typing: from row 256, beyond what the form binder
     * grows a list to, a plain refusal, not a failure; row 255 is still read as the
     * form's answer.
     */
    @Test
    void rowsFarBeyondTheFormsAreRefusedNotAFailure() throws Exception {
        var producer = producerWithBrand();
        var editor = "/dasbor/merek/" + producer.brandId();
        producer.browser().get(editor);
        var certifications = producer.browser()
            .post(editor, Map.of("version", "0", "tagline", "Baris jauh", "certifications[300].kind", "PIRT"));
        assertThat(certifications.statusCode()).isEqualTo(400);
        assertThat(certifications.body()).doesNotContain(FAILED);
        var artisans = producer.browser()
            .post(editor + "/perajin", Map.of("version", "0", "artisans[256].name", "Inaq Baris Jauh"));
        assertThat(artisans.statusCode()).isEqualTo(400);
        assertThat(producer.browser().get(editor + "/perajin").body()).doesNotContain("Inaq Baris Jauh");
        var lastRowBound = producer.browser()
            .post(editor + "/perajin", Map.of("version", "0", "artisans[255].name", "Inaq Baris Akhir"));
        assertThat(lastRowBound.statusCode()).as(lastRowBound.body()).isEqualTo(302);
        assertThat(producer.browser().get(editor + "/perajin").body()).contains("value=\"Inaq Baris Akhir\"");
    }

    @Test
    void aStaffFormWithoutARoleOfferedIsSaidBesideTheSelect() throws Exception {
        var admin = new FormBrowser(port);
        admin.signIn(ApiClient.ADMIN, ApiClient.DEMO_PASSWORD);
        admin.get("/kelola/staf");
        var reason = "Alasan uji " + ApiClient.unique("r");
        for (var role : new String[] { null, "curator", "BUYER" }) {
            var form = new HashMap<>(Map.of("email", ApiClient.BUYER, "alasan", reason));
            if (role != null) {
                form.put("peran", role);
            }
            var refused = admin.post("/kelola/staf", form);
            assertThat(refused.statusCode()).as(role).isEqualTo(422);
            assertThat(refused.body()).doesNotContain(FAILED)
                .contains("Pilih peran dari daftar.", "href=\"#role\"", reason);
        }
        assertThat(admin.post("/kelola/staf/cabut", Map.of("email", ApiClient.CURATOR, "alasan", reason)).statusCode())
            .isEqualTo(422);
        assertThat(admin.get("/kelola/staf").body()).doesNotContain(reason);
    }

    @Test
    void aSignUpFormWithoutNameOrEmailSaysWhatIsMissing() throws Exception {
        var visitor = new FormBrowser(port, InetAddress.getByName("127.0.47.1"));
        visitor.get("/daftar");
        var refused = visitor.post("/daftar", Map.of("password", "tenun-sukarara-2026", "role", "PRODUCER"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain(FAILED)
            .contains("Tulis nama Anda, 1 sampai 120 karakter.", "Tulis alamat email yang benar");
    }

    private FormBrowser curator() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        return curator;
    }

    /** The demo Bimtek's console page, opened (for its CSRF token). */
    private static String demoProgramme(FormBrowser curator) throws Exception {
        var link = ProgrammePagesIntegrationTest.DEMO_PROGRAMME.matcher(curator.get("/kelola/program").body());
        assertThat(link.find()).isTrue();
        curator.get(link.group(1));
        return link.group(1);
    }

    private static String semoyang(FormBrowser curator) throws Exception {
        var village = VILLAGE_OPTION.matcher(curator.get("/kelola/program").body());
        assertThat(village.find()).isTrue();
        return village.group(1);
    }

    private ProducerWithBrand producerWithBrand() throws Exception {
        var email = ApiClient.unique("produsen") + "@contoh.id";
        var token = api.signUp(email, "PRODUCER");
        var brandId = (String) api.createBrand(token, "uji-ubah").get("id");
        var browser = new FormBrowser(port);
        browser.signIn(email, ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD);
        return new ProducerWithBrand(browser, brandId);
    }

    record ProducerWithBrand(FormBrowser browser, String brandId) {

        /** A draft through the new-product form; its id. */
        String createProduct(String title) throws Exception {
            var newProduct = "/dasbor/merek/" + brandId + "/produk/baru";
            browser.get(newProduct);
            var saved = browser.post(newProduct, Map.of("titleId", title, "availability", "MADE_TO_ORDER"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            return saved.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/dasbor/produk/([^/]+)/foto$", "$1");
        }

    }

}
