package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator keeps the villages on the console: adds one with its location as copied from
 * a map, corrects its story, designates it a model village and gives it a hero photo, and
 * buyers see each change on its public page. Producers cannot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleVillagesIntegrationTest {

    static final Pattern VERSION = Pattern.compile("name=\"versi\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aCuratorAddsAVillageDesignatesItAndGivesItAHeroPhoto() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var list = curator.get("/kelola/desa");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Desa industri", "Semoyang", "Tambah desa");
        // the words say the order the list has: model villages first
        assertThat(list.body()).contains("desa: desa percontohan lebih dulu, lalu menurut nama.");
        var rows = list.body().substring(list.body().indexOf("<ul class=\"rows\">"), list.body().indexOf("</ul>"));
        var model = Arrays.stream(rows.split("<li")).skip(1).map(row -> row.contains("class=\"badge\"")).toList();
        assertThat(model).contains(true, false);
        assertThat(model.subList(model.indexOf(false), model.size())).as("no model village after the others")
            .doesNotContain(true);
        assertThat(curator.get("/kelola/desa?lang=en").body())
            .contains("villages: model villages first, then by name.");

        var name = "Desa Uji " + ApiClient.unique("sade").substring(5, 13);
        var form = new LinkedHashMap<String, String>(Map.of("name", name, "regency", "Lombok Tengah", "district",
                "Pujut", "location", "-8,8390 116,2900", "classification", "BERKEMBANG", "specialities",
                "tenun, anyaman ketak", "descriptionId", "Desa tenun di Lombok Tengah."));
        var wrongPlace = new LinkedHashMap<>(form);
        wrongPlace.put("location", "dekat pasar");
        var refused = curator.post("/kelola/desa", wrongPlace);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis lokasi sebagai lintang, bujur", "value=\"" + name + "\"");
        // with the regency missing too, both are said at once
        var noRegency = new LinkedHashMap<>(wrongPlace);
        noRegency.put("regency", "");
        var both = curator.post("/kelola/desa", noRegency);
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(both.body()).contains("Tulis lokasi sebagai lintang, bujur", "href=\"#regency\"");

        // a latitude without its minus sign lies north of the equator, far from NTB: the
        // form says where NTB lies
        var north = new LinkedHashMap<>(form);
        north.put("location", "8,8390 116,2900");
        var refusedNorth = curator.post("/kelola/desa", north);
        assertThat(refusedNorth.statusCode()).isEqualTo(422);
        assertThat(refusedNorth.body()).contains("Lokasi ini di luar NTB", "lintang -8,0 sampai -9,2",
                "value=\"8,8390 116,2900\"");

        var created = curator.post("/kelola/desa", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        // the same village again, as a second import would add it, is named as listed
        // already
        var again = new LinkedHashMap<>(form);
        again.put("slug", ApiClient.unique("desa-lagi"));
        var twice = curator.post("/kelola/desa", again);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("Desa dengan nama ini sudah terdaftar di kecamatan");
        var editor = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(editor).as("on the new village, not at the form's #baru").endsWith("#isi");
        editor = editor.replaceFirst("#isi$", "");
        var page = curator.get(editor);
        assertThat(page.body()).contains("Desa ditambahkan", "value=\"-8.839, 116.29\"");
        var slug = PageAddresses.slugOf(name);
        assertThat(api.http().get("/desa/" + slug).body()).contains(name, "Desa tenun di Lombok Tengah.");

        var story = new LinkedHashMap<>(form);
        story.put("storyId", "Perempuan Sade menenun sejak usia sembilan tahun.");
        story.put("versi", version(page.body()));
        assertThat(curator.post(editor, story).statusCode()).isEqualTo(302);
        page = curator.get(editor);
        assertThat(api.http().get("/desa/" + slug).body()).contains("Perempuan Sade menenun");

        var badYear = curator.post(editor + "/percontohan",
                Map.of("percontohan", "true", "tahun", "1850", "versi", version(page.body())));
        assertThat(badYear.statusCode()).isEqualTo(422);
        assertThat(badYear.body()).contains("value=\"1850\"")
            .containsPattern("name=\"percontohan\" value=\"true\" checked");
        assertThat(curator
            .post(editor + "/percontohan",
                    Map.of("percontohan", "true", "tahun", "2025", "versi", version(page.body())))
            .statusCode()).isEqualTo(302);
        assertThat(curator.get(editor).body()).contains("program tahun 2025)");
        var village = api.query("query($slug: String!) { village(slug: $slug) { modelVillage modelProgrammeYear } }",
                Map.of("slug", slug), null);
        assertThat((Boolean) JsonPath.read(village, "$.data.village.modelVillage")).isTrue();
        assertThat((Integer) JsonPath.read(village, "$.data.village.modelProgrammeYear")).isEqualTo(2025);

        curator.get(editor);
        var photo = curator.postMultipart(editor + "/foto", Map.of("altId", "Rumah adat Sade"), "sade.jpg",
                "image/jpeg", ProducerDashboardIntegrationTest.jpeg(1200, 600));
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(302);
        assertThat(api.http().get("/desa/" + slug).body()).contains("alt=\"Rumah adat Sade\"", "src=\"/media/");
    }

    /**
     * The village form offers NTB's ten regencies and cities to choose from, in both
     * languages; a village whose regency was written otherwise before (through the API)
     * shows it as saved, chosen, and keeps it when saved unchanged.
     */
    @Test
    void theRegencyIsChosenFromNtbsTenAndAnOlderNameStaysReadable() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var list = curator.get("/kelola/desa").body();
        assertThat(list).contains("<select id=\"regency\" name=\"regency\" required>",
                "<option value=\"\">Pilih kabupaten/kota</option>");
        for (var regency : List.of("Lombok Barat", "Lombok Tengah", "Lombok Timur", "Lombok Utara", "Kota Mataram",
                "Sumbawa Barat", "Sumbawa", "Dompu", "Bima", "Kota Bima")) {
            assertThat(list).contains("<option value=\"" + regency + "\">" + regency + "</option>");
        }
        // named in the reader's language, as the storefront names them, and saved in
        // Indonesian
        var english = curator.get("/kelola/desa?lang=en").body();
        assertThat(english).contains("Choose the regency/city",
                "<option value=\"Lombok Tengah\">Central Lombok</option>",
                "<option value=\"Kota Mataram\">Mataram City</option>", "<option value=\"Dompu\">Dompu</option>",
                "Praya Timur, Central Lombok · ");
        assertThat(list).contains("Praya Timur, Lombok Tengah · ");

        var slug = ApiClient.unique("desa-lama");
        var created = api.mutate(
                "mutation($input: CreateVillageInput!) { createVillage(input: $input) { "
                        + "village { id } userErrors { message } } }",
                Map.of("slug", slug, "name", "Desa Lama", "regency", "Kab. Lombok Tengah", "district", "Pujut"),
                api.signIn(ApiClient.CURATOR));
        String id = JsonPath.read(created, "$.data.createVillage.village.id");
        var editor = curator.get("/kelola/desa/" + id).body();
        assertThat(editor).contains("<option value=\"Kab. Lombok Tengah\" selected",
                ">Kab. Lombok Tengah (seperti tersimpan; pilih kabupaten/kota dari daftar bila perlu)</option>");
        assertThat(editor).doesNotContain("<option value=\"Lombok Tengah\" selected");
    }

    /**
     * A year typed as a word is said beside the year field, in both languages, with what
     * was typed kept; the village stays as it was.
     */
    @Test
    void aYearTypedAsAWordIsSaidBesideTheField() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var village = newVillage(curator);
        var page = curator.get(village.editor());
        var refused = curator.post(village.editor() + "/percontohan",
                Map.of("percontohan", "true", "tahun", "dua ribu", "versi", version(page.body())));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis tahun program dengan empat angka", "href=\"#programmeYear\"",
                "value=\"dua ribu\"");
        assertThat(curator
            .post(village.editor() + "/percontohan?lang=en",
                    Map.of("percontohan", "true", "tahun", "dua", "versi", version(page.body())))
            .body()).contains("Write the programme year with four digits");
        assertThat(modelVillage(village.slug())).isFalse();

        // an unreadable year and a stale version are both said at once
        var stale = curator.post(village.editor() + "/percontohan",
                Map.of("percontohan", "true", "tahun", "dua", "versi", "99"));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("Tulis tahun program dengan empat angka", "Baru saja diubah di tempat lain");
        // and so are an unreadable location and an empty district on the profile
        var profile = curator.post(village.editor(),
                Map.of("name", "Desa Ganti Nama", "regency", "Lombok Timur", "district", "", "location", "dekat pasar",
                        "classification", "RINTISAN", "versi", version(page.body())));
        assertThat(profile.statusCode()).isEqualTo(422);
        assertThat(profile.body()).contains("Tulis lokasi sebagai lintang, bujur", "href=\"#district\"");
        assertThat(api.http().get("/desa/" + village.slug()).body()).doesNotContain("Desa Ganti Nama");
    }

    /**
     * A new village sent with nothing typed: the summary names each field to fill in, and
     * says nothing about the optional address, which is made from the name.
     */
    @Test
    void anEmptyVillageFormNamesEachFieldToFillIn() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        curator.get("/kelola/desa");
        var empty = Map.of("name", "", "slug", "", "regency", "", "district", "", "location", "", "classification",
                "RINTISAN", "specialities", "");
        var refused = curator.post("/kelola/desa", empty);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("href=\"#name\">Tulis nama desa.</a>",
                    "href=\"#regency\">Pilih kabupaten atau kota desa dari daftar.</a>",
                    "href=\"#district\">Tulis kecamatan desa.</a>")
            .doesNotContain("Bagian ini wajib diisi.", "href=\"#slug\"", "id=\"slug-problem\"");
        assertThat(curator.post("/kelola/desa?lang=en", empty).body())
            .contains("href=\"#name\">Write the name of the village.</a>", "href=\"#district\">")
            .doesNotContain("This field is required.", "href=\"#slug\"");

        // a name that makes no address: then the address is what to fill in
        var nameless = new HashMap<>(empty);
        nameless.putAll(Map.of("name", "???", "regency", "Lombok Timur", "district", "Sakra"));
        var noAddress = curator.post("/kelola/desa", nameless);
        assertThat(noAddress.statusCode()).isEqualTo(422);
        assertThat(noAddress.body()).contains("href=\"#slug\">", "id=\"slug-problem\"")
            .doesNotContain("href=\"#name\"", "Bagian ini wajib diisi.");
    }

    @Test
    void producersGetTheForbiddenPage() throws Exception {
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/kelola/desa").statusCode()).isEqualTo(403);
        var created = producer.post("/kelola/desa",
                Map.of("name", "Desa Palsu", "regency", "Lombok Barat", "district", "Gerung"));
        assertThat(created.statusCode()).isEqualTo(403);
    }

    private record NewVillage(String editor, String slug) {
    }

    /** A village of the test's own, added on the console. */
    private static NewVillage newVillage(FormBrowser curator) throws Exception {
        curator.get("/kelola/desa");
        var name = "Desa Uji " + ApiClient.unique("baru").substring(5, 13);
        var created = curator.post("/kelola/desa",
                Map.of("name", name, "regency", "Lombok Timur", "district", "Sakra", "classification", "RINTISAN"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return new NewVillage(
                created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+|#isi$", ""),
                PageAddresses.slugOf(name));
    }

    private boolean modelVillage(String slug) throws Exception {
        return JsonPath.read(api.query("query($slug: String!) { village(slug: $slug) { modelVillage } }",
                Map.of("slug", slug), null), "$.data.village.modelVillage");
    }

    private static String version(String page) {
        var found = VERSION.matcher(page);
        assertThat(found.find()).isTrue();
        return found.group(1);
    }

}
