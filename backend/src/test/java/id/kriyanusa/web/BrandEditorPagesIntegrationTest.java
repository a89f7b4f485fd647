package id.kriyanusa.web;

import static id.kriyanusa.web.ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.brand.PaletteContrast;
import id.kriyanusa.media.MediaApi;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A producer edits their brand page on a phone browser without JavaScript: story,
 * contacts, colours, certifications, artisans, logo and cover, and sees the result on the
 * public brand page; refusals keep what was typed, another brand's producer is turned
 * away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandEditorPagesIntegrationTest {

    /** Pages stay light for slow networks: HTML and CSS together, before images. */
    static final int MAX_PAGE_BYTES = 60 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    record NewBrand(String email, String token, String id, String slug) {
        String editor() {
            return "/dasbor/merek/" + id;
        }
    }

    @Test
    void theStoryAndContactsSavedInTheEditorShowOnTheBrandPage() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var dashboard = browser.get("/dasbor").body();
        assertThat(dashboard).contains("href=\"" + brand.editor() + "\"", "Ubah halaman merek");
        var page = browser.get(brand.editor());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Ubah halaman merek Kelompok " + brand.slug() + "</h1>",
                "href=\"" + brand.editor() + "/perajin\"", "href=\"" + brand.editor() + "/gambar\"", "type=\"color\"");

        var form = profile(brand, version(brand));
        form.put("tagline", "Anyaman ketak dari Nyurbaya");
        form.put("storyId", "Kami menganyam ketak sejak 1998.");
        form.put("storyEn", "We have woven ketak since 1998.");
        form.put("whatsapp", "0812 3456 7890");
        form.put("email", "ketak@contoh.id");
        form.put("instagram", "@ketak.nyurbaya");
        form.put("website", "ketaknyurbaya.id");
        var saved = browser.post(brand.editor(), form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(browser.get(brand.editor()).body()).contains("Halaman merek tersimpan", "role=\"status\"",
                "value=\"@ketak.nyurbaya\"", "value=\"+6281234567890\"");

        var storefront = api.http().get("/merek/" + brand.slug()).body();
        assertThat(storefront).contains("Anyaman ketak dari Nyurbaya", "Kami menganyam ketak sejak 1998.",
                "/merek/" + brand.slug() + "/whatsapp", "mailto:ketak@contoh.id",
                "href=\"https://www.instagram.com/ketak.nyurbaya\"", "href=\"https://ketaknyurbaya.id\"",
                // the account as people say it, not its address
                ">Instagram @ketak.nyurbaya</a>");
        assertThat(browser.get("/merek/" + brand.slug() + "/whatsapp").headers().firstValue("Location").orElseThrow())
            .startsWith("https://wa.me/6281234567890?text=");
        assertThat(api.http().get("/merek/" + brand.slug() + "?lang=en").body())
            .contains("We have woven ketak since 1998.");
    }

    @Test
    void aPaleMainColourIsWarnedAboutAndTheBrandPageUsesAReadableShade() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var form = profile(brand, version(brand));
        form.put("primary", "#F4D03F");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);

        var editor = browser.get(brand.editor()).body();
        assertThat(editor).contains("Warna utama terlalu terang", "kontras teks putih hanya 1,5 : 1");
        var shade = JsonPath
            .<String>read(api.query("query($slug: String!) { brand(slug: $slug) { palette { readablePrimary } } }",
                    Map.of("slug", brand.slug()), null), "$.data.brand.palette.readablePrimary");
        assertThat(PaletteContrast.withWhiteText(shade)).isGreaterThanOrEqualTo(4.5);
        assertThat(editor).contains(shade);
        // said in the notice right after saving, where the page opens, not only further
        // down
        assertThat(notice(editor)).contains("Halaman merek tersimpan.",
                "Warna utama #F4D03F terlalu terang untuk teks putih, jadi halaman merek memakai warna yang lebih gelap, "
                        + shade + ".",
                "<a href=\"#warna\">Lihat warna halaman</a>");
        assertThat(editor).contains("<h2 id=\"warna\"");
        assertThat(api.http().get("/merek/" + brand.slug()).body()).contains("--brand: " + shade)
            .doesNotContain("--brand: #F4D03F");

        form.put("version", version(brand));
        form.put("primary", "#2B2118");
        browser.post(brand.editor(), form);
        var readable = browser.get(brand.editor()).body();
        assertThat(readable).contains("mudah dibaca: kontras 15,").doesNotContain("terlalu terang");
        assertThat(notice(readable)).contains("Halaman merek tersimpan.");
        assertThat(api.http().get("/merek/" + brand.slug()).body()).contains("--brand: #2B2118");
    }

    /** The notice a saved page opens with. */
    private static String notice(String page) {
        var start = page.indexOf("<p class=\"notice\" role=\"status\">");
        assertThat(start).as("a notice").isNotNegative();
        return page.substring(start, page.indexOf("</p>", start)).replaceAll("\\s+", " ");
    }

    @Test
    void certificationRowsAreAddedAndRemovedWithoutJavaScript() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var page = browser.get(brand.editor()).body();
        assertThat(page).contains("name=\"certifications[0].kind\"", "name=\"certifications[1].kind\"")
            .doesNotContain("name=\"certifications[2].kind\"");

        var form = profile(brand, version(brand));
        form.put("certifications[0].kind", "PIRT");
        form.put("certifications[0].number", "2065201010123-27");
        form.put("certifications[0].issuedOn", "2024-03-05");
        form.put("certifications[1].kind", "HALAL");
        form.put("certifications[1].number", "ID52110000123");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);
        var twoRows = browser.get(brand.editor()).body();
        assertThat(twoRows).contains("value=\"2065201010123-27\"", "value=\"ID52110000123\"",
                "name=\"certifications[3].kind\"", "value=\"2024-03-05\"");
        var storefront = api.http().get("/merek/" + brand.slug()).body();
        // the certificate's date as every other page writes a date
        assertThat(storefront).contains("PIRT", "2065201010123-27", "terbit 5 Mar 2024", "Halal", "ID52110000123")
            .doesNotContain("2024-03-05");
        assertThat(api.http().get("/merek/" + brand.slug() + "?lang=en").body()).contains("issued 5 Mar 2024");

        form = profile(brand, version(brand));
        form.put("certifications[0].kind", "PIRT");
        form.put("certifications[0].number", "2065201010123-27");
        form.put("certifications[0].remove", "true");
        form.put("certifications[1].kind", "HALAL");
        form.put("certifications[1].number", "ID52110000123");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);
        assertThat(api.http().get("/merek/" + brand.slug()).body()).contains("ID52110000123")
            .doesNotContain("2065201010123-27");
    }

    @Test
    void aRefusedSaveSaysWhyBesideTheFieldAndKeepsEverythingTyped() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var form = profile(brand, version(brand));
        form.put("tagline", "Slogan yang saya ketik");
        form.put("storyId", "Cerita panjang yang tidak boleh hilang.");
        form.put("whatsapp", "021-555-1234");
        form.put("certifications[1].kind", "SNI");
        form.put("certifications[1].number", "SNI-8888");
        form.put("certifications[1].issuedOn", "2999-01-01");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi nomor HP Indonesia", "href=\"#contacts-whatsapp\"",
                "id=\"contacts-whatsapp-problem\"", "aria-describedby=\"contacts-whatsapp-problem\"",
                "Isi tanggal terbit yang benar", "href=\"#certifications-1-issuedOn\"",
                "value=\"Slogan yang saya ketik\"", "Cerita panjang yang tidak boleh hilang.", "value=\"021-555-1234\"",
                "value=\"SNI-8888\"", "value=\"2999-01-01\"");
        // exactly the two rows the page had, none added by the refusal
        assertThat(refused.body()).contains("name=\"certifications[1].kind\"")
            .doesNotContain("name=\"certifications[2].kind\"");

        // someone else saved meanwhile: the typed text stays, and a second save goes
        // through
        var stale = profile(brand, version(brand));
        stale.put("tagline", "Versi saya");
        api.mutate("mutation($input: UpdateBrandInput!) { updateBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brand.id(), "expectedVersion", Integer.parseInt(version(brand)), "tagline", "Versi lain"),
                brand.token());
        var conflict = browser.post(brand.editor(), stale);
        assertThat(conflict.statusCode()).isEqualTo(422);
        assertThat(conflict.body()).contains("baru saja diubah di tempat lain", "value=\"Versi saya\"",
                "name=\"version\" value=\"" + version(brand) + "\"");
        stale.put("version", version(brand));
        assertThat(browser.post(brand.editor(), stale).statusCode()).isEqualTo(302);
        assertThat(api.http().get("/merek/" + brand.slug()).body()).contains("Versi saya");
    }

    /**
     * More certification and artisan rows without JavaScript and without saving: the page
     * comes back as typed with one row more.
     */
    @Test
    void anotherRowIsAddedWithoutSavingWhatWasTyped() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var before = version(brand);
        var form = profile(brand, before);
        form.put("tagline", "Belum disimpan");
        form.put("certifications[0].kind", "PIRT");
        form.put("certifications[0].number", "2065201010123-27");
        form.put("certifications[1].kind", "HALAL");
        form.put("baris", "tambah");
        assertThat(browser.get(brand.editor()).body()).as("the button opens the page at the row it adds")
            .contains("formaction=\"" + brand.editor() + "#baris-baru\"")
            .doesNotContain("id=\"baris-baru\"");
        var more = browser.post(brand.editor(), form);
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body())
            .contains("value=\"Belum disimpan\"", "value=\"2065201010123-27\"", "name=\"certifications[2].kind\"",
                    "Tambah baris sertifikat")
            .doesNotContain("name=\"certifications[3].kind\"", "Halaman merek tersimpan");
        assertThat(more.body()).as("the new row")
            .containsPattern("<fieldset class=\"row\" id=\"baris-baru\">\\s*<legend>Sertifikat 3</legend>");
        assertThat(version(brand)).as("nothing saved").isEqualTo(before);

        var artisans = new LinkedHashMap<String, String>();
        artisans.put("version", before);
        artisans.put("artisans[0].name", "Inaq Sumiati");
        artisans.put("artisans[1].name", "");
        artisans.put("baris", "tambah");
        var moreArtisans = browser.post(brand.editor() + "/perajin", artisans);
        assertThat(moreArtisans.statusCode()).isEqualTo(200);
        assertThat(moreArtisans.body()).contains("value=\"Inaq Sumiati\"", "name=\"artisans[2].name\"")
            .doesNotContain("name=\"artisans[3].name\"")
            .containsPattern("<fieldset class=\"row\" id=\"baris-baru\">\\s*<legend>Perajin 3</legend>")
            .contains("formaction=\"" + brand.editor() + "/perajin#baris-baru\"");
        assertThat(version(brand)).as("nothing saved").isEqualTo(before);
    }

    /**
     * A draft brand's members change its name, legal form and village on its page, and
     * see it as it stands from its creation on; once verified, the page says whom to ask.
     */
    @Test
    void aDraftsNameLegalFormAndVillageAreChangedOnItsPageUntilVerified() throws Exception {
        var email = ApiClient.unique("produsen") + "@contoh.id";
        var token = api.signUp(email, "BUYER");
        var created = api.createBrand(token, "ketak");
        var brand = new NewBrand(email, token, (String) created.get("id"), (String) created.get("slug"));
        var browser = signedIn(brand);
        var view = "href=\"/merek/" + brand.slug() + "\"";
        assertThat(browser.get("/dasbor").body()).contains(view, "Lihat halaman merek");
        var editor = browser.get(brand.editor()).body();
        assertThat(editor).contains(view, "id=\"name\"", "id=\"legalForm\"", "id=\"villageSlug\"",
                "Desa Anda tidak ada di daftar?");
        for (var tab : List.of("/perajin", "/gambar", "/verifikasi", "/anggota")) {
            assertThat(browser.get(brand.editor() + tab).body()).as(tab).contains(view);
        }
        assertThat(browser.get("/merek/" + brand.slug()).body()).contains("Pembeli tidak melihat halaman ini");

        var form = profile(brand, version(brand));
        var name = "Koperasi Ketak " + ApiClient.unique("baru");
        form.put("name", name);
        form.put("legalForm", "KOPERASI");
        form.put("villageSlug", "sukarara");
        form.put("storyId", "Kami menganyam ketak.");
        form.put("whatsapp", "0812 3456 7890");
        var saved = browser.post(brand.editor(), form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var stored = api.query("query($slug: String!) { brand(slug: $slug) { name legalForm village { slug } } }",
                Map.of("slug", brand.slug()), token);
        assertThat((String) JsonPath.read(stored, "$.data.brand.name")).isEqualTo(name);
        assertThat((String) JsonPath.read(stored, "$.data.brand.legalForm")).isEqualTo("KOPERASI");
        assertThat((String) JsonPath.read(stored, "$.data.brand.village.slug")).isEqualTo("sukarara");

        form.put("version", version(brand));
        form.put("name", "");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis nama merek.", "href=\"#name\"");

        // a form opened while a draft, saved once the brand waits for the department's
        // check: the refusal says it is being checked, not that it was
        var typedName = new LinkedHashMap<>(form);
        typedName.put("name", name + " Baru");
        api.mutate(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { brand { id } } }",
                Map.of("id", brand.id()), token);
        typedName.put("version", version(brand));
        var waiting = browser.post(brand.editor(), typedName);
        assertThat(waiting.statusCode()).isEqualTo(422);
        assertThat(waiting.body())
            .contains("Perubahan nama tidak disimpan: Dinas Perindustrian sedang memeriksa nama, bentuk usaha dan desa "
                    + "merek ini", "Bila merek dikembalikan, Anda dapat mengubahnya lagi")
            .doesNotContain("sudah memeriksa", "sudah memverifikasi");
        assertThat(browser.post(brand.editor() + "?lang=en", typedName).body())
            .contains("Your change to the name was not saved: the Department of Industry is checking this brand",
                    "If the brand is sent back to you")
            .doesNotContain("has verified");
        // all three refused: said once, naming them, linked to where the page says who
        // changes them now
        var typedAll = new LinkedHashMap<>(typedName);
        typedAll.put("legalForm", "IKM");
        typedAll.put("villageSlug", "semoyang");
        var allKept = browser.post(brand.editor(), typedAll);
        assertThat(allKept.statusCode()).isEqualTo(422);
        assertThat(allKept.body())
            .containsOnlyOnce("Dinas Perindustrian sedang memeriksa nama, bentuk usaha dan desa merek ini, jadi")
            .contains("<a href=\"#identitas\">Perubahan nama, bentuk usaha dan desa tidak disimpan:",
                    "id=\"identitas\"");
        assertThat(browser.post(brand.editor() + "?lang=en", typedAll).body())
            .containsOnlyOnce("the Department of Industry is checking this brand")
            .contains("Your change to the name, legal form and village was not saved:");

        api.mutate("mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { brand { id } } }",
                Map.of("id", brand.id()), api.signIn(ApiClient.CURATOR));
        typedName.put("version", version(brand));
        var checked = browser.post(brand.editor(), typedName);
        assertThat(checked.statusCode()).isEqualTo(422);
        assertThat(checked.body())
            .contains("Perubahan nama tidak disimpan: Dinas Perindustrian sudah memverifikasi nama, bentuk usaha dan "
                    + "desa merek ini")
            .doesNotContain("sedang memeriksa");
        assertThat(browser.post(brand.editor() + "?lang=en", typedName).body())
            .contains("Your change to the name was not saved: the Department of Industry has verified this brand");
        typedAll.put("version", version(brand));
        typedAll.put("name", name);
        assertThat(browser.post(brand.editor(), typedAll).body())
            .containsOnlyOnce("Dinas Perindustrian sudah memverifikasi nama, bentuk usaha dan desa merek ini.")
            .contains("Perubahan bentuk usaha dan desa tidak disimpan:");
        var verified = browser.get(brand.editor()).body();
        assertThat(verified).doesNotContain("id=\"name\"", "id=\"villageSlug\"")
            .contains("sudah diverifikasi Dinas Perindustrian", "hubungi Dinas Perindustrian Provinsi NTB");
        assertThat(browser.get(brand.editor() + "?lang=en").body()).contains("To change them, contact the Department");
        // the page's form, without those fields, saves and keeps them
        var untouched = profile(brand, version(brand));
        untouched.put("tagline", "Ketak dari Sukarara");
        untouched.put("storyId", "Kami menganyam ketak.");
        untouched.put("whatsapp", "0812 3456 7890");
        assertThat(browser.post(brand.editor(), untouched).statusCode()).isEqualTo(302);
        assertThat((String) JsonPath.read(
                api.query("query($slug: String!) { brand(slug: $slug) { name } }", Map.of("slug", brand.slug()), token),
                "$.data.brand.name"))
            .isEqualTo(name);
    }

    /**
     * The Instagram field takes an account's name or its instagram.com address; another
     * site's address is refused there, not saved to come back as the website.
     */
    @Test
    void anotherSitesAddressIsRefusedInTheInstagramField() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var before = version(brand);
        var form = profile(brand, before);
        form.put("instagram", "https://evil.example/x");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi nama akun Instagram", "href=\"#instagram\"",
                "id=\"instagram-problem\"", "value=\"https://evil.example/x\"");
        assertThat(version(brand)).isEqualTo(before);
        assertThat(browser.post(brand.editor() + "?lang=en", form).body()).contains("Enter an Instagram account name");

        form.put("instagram", "https://instagram.com/ketak.nyurbaya/?igsh=MTc4");
        form.put("website", "ketaknyurbaya.id");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);
        assertThat(browser.get(brand.editor()).body()).contains(
                "name=\"instagram\" type=\"text\" value=\"@ketak.nyurbaya\"",
                "name=\"website\" type=\"text\" value=\"https://ketaknyurbaya.id\"");
        assertThat(api.http().get("/merek/" + brand.slug()).body()).doesNotContain("evil.example");
    }

    /**
     * A certificate cannot expire before it was issued: refused beside its expiry date.
     */
    @Test
    void aCertificateExpiringBeforeItWasIssuedIsRefused() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var before = version(brand);
        var form = profile(brand, before);
        form.put("certifications[0].kind", "PIRT");
        form.put("certifications[0].number", "PIRT-2024-01");
        form.put("certifications[0].issuedOn", "2024-01-01");
        form.put("certifications[0].expiresOn", "2023-01-01");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("tidak sebelum tanggal terbit", "href=\"#certifications-0-expiresOn\"", "value=\"2024-01-01\"",
                    "value=\"2023-01-01\"", "value=\"PIRT-2024-01\"")
            .as("an example as the date field shows a date")
            .contains("misalnya 25/03/2029 (hari/bulan/tahun)")
            .doesNotContain("2029-03-05");
        assertThat(version(brand)).isEqualTo(before);

        // typed as the example reads, where a phone shows no date picker
        form.put("certifications[0].expiresOn", "5/3/2029");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);
        assertThat(browser.get(brand.editor()).body()).contains("value=\"2029-03-05\"");
    }

    /**
     * A date the page cannot read and a rule of the brand broken are both said at once,
     * each beside its field, so a producer on a phone fixes everything in one go; nothing
     * is saved meanwhile.
     */
    @Test
    void anUnreadableDateAndABrokenRuleAreBothSaidAtOnce() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var before = version(brand);
        var form = profile(brand, before);
        form.put("tagline", "Slogan yang belum boleh tersimpan");
        form.put("artisansTotal", "5");
        form.put("artisansWomen", "6");
        form.put("certifications[0].kind", "PIRT");
        form.put("certifications[0].issuedOn", "31/13/2026");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi tanggal terbit yang benar", "misalnya 25/03/2024 (hari/bulan/tahun)",
                "href=\"#certifications-0-issuedOn\"", "Isi angka dari 0 sampai jumlah semua perajin",
                "href=\"#artisans-women\"", "value=\"31/13/2026\"", "value=\"Slogan yang belum boleh tersimpan\"",
                "name=\"artisansWomen\" type=\"number\" value=\"6\"");
        assertThat(version(brand)).isEqualTo(before);
        assertThat(api.http().get("/merek/" + brand.slug()).body()).doesNotContain("Slogan yang belum boleh tersimpan");

        var english = browser.post(brand.editor() + "?lang=en", form);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Enter a valid issue date", "for example 25/03/2024 (day/month/year)",
                "Enter a figure from 0 up to the number of all artisans");
    }

    /**
     * The artisans' numbers, the figures the department counts, are typed on the profile
     * page and shown on the brand page; more women than artisans is refused beside the
     * field with the numbers kept.
     */
    @Test
    void theArtisansNumbersSavedInTheEditorShowOnTheBrandPage() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        assertThat(browser.get(brand.editor()).body()).contains("Jumlah perajin", "id=\"artisans-total\"",
                "name=\"artisansTotal\" type=\"number\" value=\"0\"");
        var form = profile(brand, version(brand));
        form.put("artisansTotal", "5");
        form.put("artisansWomen", "6");
        form.put("artisansYouth", "2");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi angka dari 0 sampai jumlah semua perajin", "href=\"#artisans-women\"",
                "value=\"6\"");

        form.put("artisansWomen", "3");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);
        assertThat(browser.get(brand.editor()).body()).contains("name=\"artisansTotal\" type=\"number\" value=\"5\"",
                "name=\"artisansWomen\" type=\"number\" value=\"3\"", "Di antaranya pemuda (16–30 tahun)");
        assertThat(api.http().get("/merek/" + brand.slug()).body())
            .contains("5 orang, di antaranya 3 perempuan dan 2 pemuda (16–30 tahun)");
        assertThat(api.query("query($id: ID!) { node(id: $id) { ... on Brand { artisans { total women youth } } } }",
                Map.of("id", brand.id()), null))
            .contains("\"total\":5", "\"women\":3", "\"youth\":2");
    }

    /**
     * A count typed as a word is said beside the field, in both languages, with what was
     * typed kept; nothing is saved. An empty count is none.
     */
    @Test
    void anArtisanCountTypedAsAWordIsSaidBesideTheField() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var before = version(brand);
        var form = profile(brand, before);
        form.put("artisansTotal", "dua");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi jumlah perajin dengan angka", "href=\"#artisans-total\"",
                "name=\"artisansTotal\" type=\"number\" value=\"dua\"");
        assertThat(browser.post(brand.editor() + "?lang=en", form).body())
            .contains("Enter the number of artisans as a figure");
        assertThat(version(brand)).isEqualTo(before);

        // a count left empty is none
        form.put("artisansTotal", "");
        assertThat(browser.post(brand.editor(), form).statusCode()).isEqualTo(302);
        assertThat(browser.get(brand.editor()).body()).contains("name=\"artisansTotal\" type=\"number\" value=\"0\"");
    }

    /**
     * Women and youth are counted among all artisans: when the total cannot be read, they
     * are not said to exceed it; the total is said, and nothing is saved.
     */
    @Test
    void anUnreadableTotalDoesNotMakeWomenAndYouthExceedIt() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        browser.get(brand.editor());
        var before = version(brand);
        var form = profile(brand, before);
        form.put("artisansTotal", "dua");
        form.put("artisansWomen", "3");
        form.put("artisansYouth", "1");
        var refused = browser.post(brand.editor(), form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("Isi jumlah perajin dengan angka", "href=\"#artisans-total\"",
                    "name=\"artisansWomen\" type=\"number\" value=\"3\"")
            .doesNotContain("Isi angka dari 0 sampai jumlah semua perajin", "href=\"#artisans-women\"",
                    "href=\"#artisans-youth\"");
        assertThat(version(brand)).isEqualTo(before);
    }

    @Test
    void onlyArtisansWhoAgreedAreShownOnTheBrandPage() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var page = browser.get(brand.editor() + "/perajin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"artisans[0].name\"", "name=\"artisans[1].consent\"");

        var form = new LinkedHashMap<String, String>();
        form.put("version", version(brand));
        form.put("artisans[0].name", "Inaq Sahnun");
        form.put("artisans[0].roleId", "Penganyam ketak");
        form.put("artisans[0].roleEn", "Ketak weaver");
        form.put("artisans[0].consent", "true");
        form.put("artisans[1].name", "Amaq Rusdi");
        form.put("artisans[1].roleId", "Pewarna alami");
        var saved = browser.post(brand.editor() + "/perajin", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(browser.get(brand.editor() + "/perajin").body()).contains("Daftar perajin tersimpan",
                "value=\"Inaq Sahnun\"", "value=\"Amaq Rusdi\"", "name=\"artisans[3].name\"");

        var storefront = api.http().get("/merek/" + brand.slug()).body();
        assertThat(storefront).contains("Perajin kami", "Inaq Sahnun", "Penganyam ketak").doesNotContain("Amaq Rusdi");
        // the brand's members see him too, told that buyers do not
        assertThat(browser.get("/merek/" + brand.slug()).body()).contains("Amaq Rusdi",
                "belum setuju tampil: hanya anggota merek dan Dinas yang melihatnya");
        assertThat(api.http().get("/merek/" + brand.slug() + "?lang=en").body()).contains("Our artisans",
                "Ketak weaver");

        var noName = new LinkedHashMap<String, String>();
        noName.put("version", version(brand));
        noName.put("artisans[0].roleId", "Penenun tanpa nama");
        var refused = browser.post(brand.editor() + "/perajin", noName);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi nama perajin", "href=\"#artisans-0-name\"",
                "value=\"Penenun tanpa nama\"");
    }

    @Test
    void aLogoAndCoverUploadedThroughTheEditorShowOnTheBrandPage() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var page = browser.get(brand.editor() + "/gambar").body();
        assertThat(page).contains("Belum ada logo", "enctype=\"multipart/form-data\"", "accept=\"image/*\"");

        var logo = browser.postMultipart(brand.editor() + "/gambar/logo", Map.of(), "logo.jpg", "image/jpeg",
                MediaApi.uniquePhoto(400, 400));
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(302);
        assertThat(browser.get(brand.editor() + "/gambar").body()).contains("Logo sudah diunggah",
                "alt=\"Logo saat ini\"");
        var cover = browser.postMultipart(brand.editor() + "/gambar/sampul", Map.of(), "sampul.jpg", "image/jpeg",
                MediaApi.uniquePhoto(1200, 500));
        assertThat(cover.statusCode()).as(cover.body()).isEqualTo(302);
        assertThat(browser.get(brand.editor() + "/gambar").body()).contains("Gambar sampul sudah diunggah",
                "alt=\"Gambar sampul saat ini\"");

        var storefront = api.http().get("/merek/" + brand.slug()).body();
        assertThat(storefront).containsPattern("class=\"brand-logo\"[^>]*src=\"/media/[0-9a-f]{64}\\.jpg\"")
            .containsPattern("class=\"brand-cover\"[^>]*src=\"/media/[0-9a-f]{64}\\.jpg\"");

        // refused, back on the images' page: a reload or a switch of language there works
        var notAPhoto = browser.postMultipart(brand.editor() + "/gambar/logo", Map.of(), "logo.jpg", "image/jpeg",
                "bukan foto".getBytes(StandardCharsets.UTF_8));
        assertThat(notAPhoto.statusCode()).isEqualTo(302);
        assertThat(notAPhoto.headers().firstValue("Location").orElseThrow()).endsWith(brand.editor() + "/gambar");
        var refused = browser.get(brand.editor() + "/gambar");
        assertThat(refused.body()).contains("Berkas ini bukan foto", "href=\"#file-logo\"", "id=\"file-logo-problem\"");
        assertThat(browser.get(brand.editor() + "/gambar?lang=en").body()).doesNotContain("not a photo");
    }

    /**
     * A logo or cover too small for the brand page is accepted, with a notice of what to
     * send instead; a large enough one replaces it without.
     */
    @Test
    void aSmallLogoOrCoverIsAcceptedWithANoticeOfWhatToSend() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var images = brand.editor() + "/gambar";
        var smallLogo = "Logo ini kecil (40 × 30 piksel) dan akan tampak buram. "
                + "Kirim logo dengan sisi terpendek minimal 200 piksel.";
        var smallCover = "Gambar sampul ini kecil (600 × 200 piksel) dan akan tampak buram. "
                + "Kirim gambar dengan lebar minimal 1.200 piksel.";

        assertThat(browser
            .postMultipart(images + "/logo", Map.of(), "logo.jpg", "image/jpeg", MediaApi.uniquePhoto(40, 30))
            .statusCode()).isEqualTo(302);
        var afterLogo = browser.get(images).body();
        var message = afterLogo.substring(afterLogo.indexOf("role=\"status\""));
        assertThat(message.substring(0, message.indexOf("</p>"))).contains("Logo sudah diunggah", smallLogo);
        assertThat(afterLogo).contains("class=\"small-photo\">" + smallLogo + "</p>");

        assertThat(browser
            .postMultipart(images + "/sampul", Map.of(), "sampul.jpg", "image/jpeg", MediaApi.uniquePhoto(600, 200))
            .statusCode()).isEqualTo(302);
        assertThat(browser.get(images).body()).contains("class=\"small-photo\">" + smallCover + "</p>", smallLogo);
        assertThat(browser.get(images + "?lang=en").body()).contains(
                "This logo is small (40 × 30 pixels) and will look blurred. "
                        + "Send a logo whose shortest side is at least 200 pixels.",
                "This cover image is small (600 × 200 pixels) and will look blurred. "
                        + "Send an image at least 1,200 pixels wide.");

        browser.postMultipart(images + "/logo", Map.of(), "logo.jpg", "image/jpeg", MediaApi.uniquePhoto(400, 400));
        var largeLogo = browser.get(images).body();
        assertThat(largeLogo).contains("Logo sudah diunggah", smallCover).doesNotContain("Logo ini kecil");

        // a wide logo is fitted into a square: drawn 120 px high, it looks blurred too
        browser.postMultipart(images + "/logo", Map.of(), "logo.jpg", "image/jpeg", MediaApi.uniquePhoto(400, 120));
        assertThat(browser.get(images).body()).contains("Logo ini kecil (400 × 120 piksel)");
    }

    /**
     * A logo or cover taken off the page is gone from the brand page, and the brand no
     * longer counts as showing it, so media's collector may delete it.
     */
    @Test
    void aLogoRemovedInTheEditorLeavesTheBrandPageAndItsUse() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        assertThat(browser.get(brand.editor() + "/gambar").body()).doesNotContain("Hapus logo", "Hapus gambar sampul");
        browser.postMultipart(brand.editor() + "/gambar/logo", Map.of(), "logo.jpg", "image/jpeg",
                MediaApi.uniquePhoto(400, 400));
        assertThat(browser.get(brand.editor() + "/gambar").body()).contains("Hapus logo");
        browser.postMultipart(brand.editor() + "/gambar/sampul", Map.of(), "sampul.jpg", "image/jpeg",
                MediaApi.uniquePhoto(1200, 500));
        assertThat(browser.get(brand.editor() + "/gambar").body()).contains("Hapus logo", "Hapus gambar sampul");
        assertThat(imagesInUse(brand)).isEqualTo(2);

        // removing asks first, on a page of its own showing what goes
        var remove = brand.editor() + "/gambar/logo/hapus";
        assertThat(browser.get(brand.editor() + "/gambar").body()).contains("href=\"" + remove + "\"")
            .doesNotContain("action=\"" + remove + "\"");
        var asked = browser.get(remove);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("<h1>Hapus logo ini?</h1>", "alt=\"Logo saat ini\"",
                "langsung hilang dari halaman merek", "action=\"" + remove + "\"", "Ya, hapus logo",
                "href=\"" + brand.editor() + "/gambar#logo-heading\">Batal, kembali ke logo dan sampul");
        assertThat(browser.get(brand.editor() + "/gambar/sampul/hapus?lang=en").body()).contains(
                "<h1>Remove this cover image?</h1>", "Yes, remove the cover image",
                "href=\"" + brand.editor() + "/gambar?lang=en#sampul-heading\"");
        assertThat(imagesInUse(brand)).as("nothing removed by asking").isEqualTo(2);
        var removed = browser.post(remove, Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(browser.get(brand.editor() + "/gambar").body()).contains("Logo dihapus dari halaman merek.",
                "Belum ada logo", "Hapus gambar sampul");
        assertThat(browser.get(brand.editor() + "/gambar?lang=en").body()).contains("Remove the cover image");
        var storefront = api.http().get("/merek/" + brand.slug()).body();
        assertThat(storefront).doesNotContain("brand-logo").contains("brand-cover");
        assertThat(imagesInUse(brand)).as("only the cover").isEqualTo(1);
        assertThat(browser.get(remove).statusCode()).as("no logo left to remove").isEqualTo(404);

        var byApi = api.mutate("""
                mutation($input: RemoveBrandImageInput!) { removeBrandImage(input: $input) {
                  brand { logo { id } cover { id } } userErrors { code } } }""",
                Map.of("brandId", brand.id(), "image", "COVER"), brand.token());
        assertThat((Object) JsonPath.read(byApi, "$.data.removeBrandImage.brand.cover")).isNull();
        assertThat(imagesInUse(brand)).isZero();
        var stranger = api.mutate("""
                mutation($input: RemoveBrandImageInput!) { removeBrandImage(input: $input) { userErrors { code } } }""",
                Map.of("brandId", brand.id(), "image", "LOGO"), api.signUp("PRODUCER"));
        assertThat(ApiClient.outcome(stranger, "removeBrandImage")).isEqualTo("FORBIDDEN");
    }

    /** How many images media records the brand as showing. */
    private long imagesInUse(NewBrand brand) {
        return jdbc.sql("select count(*) from media_image_use where owner = 'BRAND' and owner_id = ?")
            .param(GlobalId.key(brand.id(), "Brand"))
            .query(Long.class)
            .single();
    }

    @Test
    void anotherBrandsProducerIsTurnedAwayFromEveryEditorPage() throws Exception {
        var brand = newVerifiedBrand();
        var other = new FormBrowser(port);
        other.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        for (var path : List.of(brand.editor(), brand.editor() + "/perajin", brand.editor() + "/gambar")) {
            var opened = other.get(path, "Accept", "text/html");
            assertThat(opened.statusCode()).as(path).isEqualTo(403);
            assertThat(opened.body()).contains("Akses ditolak");
        }
        other.get("/dasbor");
        var form = profile(brand, version(brand));
        form.put("tagline", "Diambil alih");
        assertThat(other.post(brand.editor(), form).statusCode()).isEqualTo(403);
        assertThat(other
            .post(brand.editor() + "/perajin", Map.of("version", version(brand), "artisans[0].name", "Penyusup"))
            .statusCode()).isEqualTo(403);
        assertThat(other
            .postMultipart(brand.editor() + "/gambar/logo", Map.of(), "x.jpg", "image/jpeg",
                    MediaApi.uniquePhoto(300, 300))
            .statusCode()).isEqualTo(403);
        assertThat(other.get(brand.editor() + "/gambar/sampul/hapus").statusCode()).isEqualTo(403);
        assertThat(other.post(brand.editor() + "/gambar/sampul/hapus", Map.of()).statusCode()).isEqualTo(403);
        assertThat(api.http().get("/merek/" + brand.slug()).body()).doesNotContain("Diambil alih", "Penyusup",
                "brand-logo");
    }

    @Test
    void aVillagePageShowsItsHeroImageWithItsDescription() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var slug = ApiClient.unique("desa-uji");
        var created = api.mutate(
                "mutation($input: CreateVillageInput!) { createVillage(input: $input) { village { id } userErrors { code } } }",
                Map.of("slug", slug, "name", "Desa Uji " + slug, "regency", "Lombok Tengah", "district", "Pujut"),
                curator);
        String villageId = JsonPath.read(created, "$.data.createVillage.village.id");
        var hero = MediaApi.uploadForm(port, "VILLAGE_HERO", villageId, "desa.jpg", "image/jpeg",
                MediaApi.uniquePhoto(1600, 700), curator);
        assertThat(hero.statusCode()).as(hero.body()).isEqualTo(200);
        assertThat(api.http().get("/desa/" + slug).body())
            .containsPattern("<img class=\"brand-cover\"[^>]*alt=\"Foto uji\"[^>]*src=\"/media/[0-9a-f]{64}\\.jpg\"");
    }

    @Test
    void everyEditorPageStaysUnderSixtyKilobytes() throws Exception {
        var brand = newVerifiedBrand();
        var browser = signedIn(brand);
        var css = api.http().get("/css/kriyanusa.css").body().getBytes(StandardCharsets.UTF_8).length;
        for (var path : List.of(brand.editor(), brand.editor() + "/perajin", brand.editor() + "/gambar",
                brand.editor() + "?lang=en")) {
            var html = browser.get(path).body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("page weight %s: %d bytes of HTML + %d of CSS%n", path, html, css);
            assertThat(html + css).as(path).isLessThan(MAX_PAGE_BYTES);
        }
    }

    /**
     * The profile form as the page sends it untouched, for a brand without anything set.
     */
    private static LinkedHashMap<String, String> profile(NewBrand brand, String version) {
        var form = new LinkedHashMap<String, String>();
        form.put("version", version);
        form.put("primary", "#A4502A");
        form.put("secondary", "#E6DCCD");
        form.put("accent", "#4F6B2A");
        return form;
    }

    private FormBrowser signedIn(NewBrand brand) throws Exception {
        var browser = new FormBrowser(port);
        browser.signIn(brand.email(), SIGN_UP_PASSWORD);
        return browser;
    }

    /**
     * A new producer with a brand the department verified, so that visitors see its page.
     */
    private NewBrand newVerifiedBrand() throws Exception {
        var email = ApiClient.unique("produsen") + "@contoh.id";
        var token = api.signUp(email, "BUYER");
        var brand = api.createBrand(token, "ketak");
        var id = (String) brand.get("id");
        api.submitAndVerify(id, token);
        return new NewBrand(email, token, id, (String) brand.get("slug"));
    }

    private String version(NewBrand brand) throws Exception {
        return String
            .valueOf((Integer) JsonPath.read(api.query("query($slug: String!) { brand(slug: $slug) { version } }",
                    Map.of("slug", brand.slug()), brand.token()), "$.data.brand.version"));
    }

}
