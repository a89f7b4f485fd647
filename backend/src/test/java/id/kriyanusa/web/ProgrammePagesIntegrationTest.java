package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator records a Bimtek on the console, enrols participants and agrees their
 * follow-up goals; the producer who took part moves their own goal along from
 * `/dasbor/rencana`, and nobody else's. All with plain forms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProgrammePagesIntegrationTest {

    static final Pattern PARTICIPANT = Pattern.compile("id=\"p-([A-Za-z0-9_-]+)\"");

    static final Pattern GOAL = Pattern.compile("id=\"g-([A-Za-z0-9_-]+)\"");

    static final Pattern DEMO_PROGRAMME = Pattern
        .compile("href=\"(/kelola/program/[A-Za-z0-9_-]+)\">Bimtek Diversifikasi Produk Tembakau: Kerajinan<");

    @LocalServerPort
    int port;

    @Test
    void aCuratorRecordsAProgrammeAndTheProducerMovesTheirGoalAlong() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var list = curator.get("/kelola/program");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Program Bimtek", "Bimtek Diversifikasi Produk Tembakau: Kerajinan",
                "20 peserta");
        var semoyang = Pattern.compile("<option value=\"([A-Za-z0-9_-]+)\">Semoyang ").matcher(list.body());
        assertThat(semoyang.find()).isTrue();

        var title = "Bimtek kemasan " + ApiClient.unique("uji");
        var form = new LinkedHashMap<String, String>(Map.of("indonesian", title, "organiser",
                "Dinas Perindustrian Provinsi NTB", "startsOn", "2026-03-10", "endsOn", "9/3/2026", "villageId",
                semoyang.group(1), "topics", "Desain kemasan\nFoto produk", "trainers", "I Gede Wirata, S.Sn."));
        var refused = curator.post("/kelola/program", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("tidak sebelum tanggal mulai", "value=\"" + title + "\"");

        form.put("endsOn", "12/3/2026");
        var created = curator.post("/kelola/program", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var programme = path(created.headers().firstValue("Location").orElseThrow());
        assertThat(programme).as("on the new programme, not at the form's #baru").endsWith("#isi");
        programme = programme.replaceFirst("#isi$", "");
        var page = curator.get(programme);
        assertThat(page.body()).contains("Program tercatat", title, "Desain kemasan; Foto produk",
                "I Gede Wirata, S.Sn.");

        var corrected = new LinkedHashMap<>(form);
        corrected.put("organiser", "Dinas Perindustrian Kabupaten Lombok Tengah");
        corrected.put("versi", "0");
        assertThat(curator.post(programme, corrected).statusCode()).isEqualTo(302);
        // the same change from another tab, whose form was filled in from version 0 too
        curator.get(programme);
        var stale = curator.post(programme, corrected);
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("Baru saja diubah di tempat lain");
        assertThat(curator.get(programme).body()).contains("Dinas Perindustrian Kabupaten Lombok Tengah");

        var withoutConsent = curator.post(programme + "/peserta", Map.of("name", "Amaq Sahnan"));
        assertThat(withoutConsent.statusCode()).isEqualTo(422);
        assertThat(withoutConsent.body()).contains("Tanpa persetujuan peserta, jangan isi nama",
                "action=\"" + programme + "/peserta#daftar\"");
        // said at the form, where the page opens, not thousands of pixels up
        assertThat(withoutConsent.body().indexOf("class=\"problem\" role=\"alert\""))
            .isGreaterThan(withoutConsent.body().indexOf("id=\"daftar\""));
        assertThat(curator
            .post(programme + "/peserta", Map.of("consent", "true", "accountEmail", ApiClient.PRODUCER, "gender",
                    "MALE", "ageBand", "AGED_40_TO_54"))
            .statusCode()).isEqualTo(302);
        var enrolled = curator.post(programme + "/peserta", Map.of("consent", "true", "name", "Baiq Sri Wahyuni"));
        assertThat(enrolled.statusCode()).isEqualTo(302);
        assertThat(enrolled.headers().firstValue("Location").orElseThrow()).endsWith("#peserta");
        var landed = curator.get(programme).body();
        assertThat(landed.indexOf("<p class=\"notice\" role=\"status\">Peserta terdaftar.</p>"))
            .as("said under the participants' heading, where the page opens")
            .isGreaterThan(landed.indexOf("id=\"peserta\""));
        assertThat(landed.indexOf("Peserta terdaftar.")).as("said once")
            .isEqualTo(landed.lastIndexOf("Peserta terdaftar."));
        assertThat(curator.post(programme + "/peserta", Map.of()).statusCode()).as("only counted").isEqualTo(302);
        page = curator.get(programme);
        assertThat(page.body()).contains("Peserta (3)", "Lalu Suparman", "Laki-laki", "40–54 tahun", "Baiq Sri Wahyuni",
                "Peserta (data pribadi tidak disimpan)");

        var participants = PARTICIPANT.matcher(page.body());
        assertThat(participants.find()).isTrue();
        var producerParticipant = participants.group(1);
        assertThat(participants.find()).isTrue();
        var otherParticipant = participants.group(1);
        var goal = "Kemasan kotak untuk tas ketak " + ApiClient.unique("k");
        var otherGoalText = "Izin edar PIRT " + ApiClient.unique("p");
        var noDate = curator.post(programme + "/peserta/" + producerParticipant + "/rencana",
                Map.of("kind", "DEVELOP_PRODUCT", "description", goal, "dueOn", "akhir tahun"));
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(noDate.body()).contains("Tulis tenggat seperti 31/12/2025", "href=\"#dueOn-" + producerParticipant,
                "value=\"" + goal + "\"");
        // a kind the form never offered (an altered form) is said beside the select
        var altered = curator.post(programme + "/peserta/" + producerParticipant + "/rencana",
                Map.of("kind", "WIN_A_PRIZE", "description", goal, "dueOn", "31/12/2099"));
        assertThat(altered.statusCode()).isEqualTo(422);
        assertThat(altered.body()).contains("Pilih salah satu jenis rencana dari daftar",
                "href=\"#kind-" + producerParticipant);
        assertThat(curator
            .post(programme + "/peserta/" + producerParticipant + "/rencana",
                    Map.of("kind", "DEVELOP_PRODUCT", "description", goal, "dueOn", "31/12/2099"))
            .statusCode()).isEqualTo(302);
        assertThat(curator
            .post(programme + "/peserta/" + otherParticipant + "/rencana",
                    Map.of("kind", "OBTAIN_CERTIFICATION", "description", otherGoalText, "dueOn", "2026-06-30"))
            .statusCode()).isEqualTo(302);
        page = curator.get(programme);
        assertThat(page.body()).contains(goal, "Mengembangkan produk", "Memperoleh sertifikasi", "Lewat tenggat");
        var goals = GOAL.matcher(page.body());
        assertThat(goals.find()).isTrue();
        var producerGoal = goals.group(1);
        assertThat(goals.find()).isTrue();
        var otherGoal = goals.group(1);

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/dasbor").body()).contains("href=\"/dasbor/rencana\"");
        var plans = producer.get("/dasbor/rencana");
        assertThat(plans.statusCode()).isEqualTo(200);
        assertThat(plans.body())
            .contains("Rencana tindak lanjut", title, goal, "Bimtek Diversifikasi Produk Tembakau: Kerajinan",
                    "Tas jinjing anyaman batang tembakau")
            .doesNotContain(otherGoalText, "Baiq Sri Wahyuni");
        var saved = producer.post("/dasbor/rencana/" + producerGoal,
                Map.of("status", "DONE", "note", "Contoh kemasan sudah dicetak"));
        assertThat(saved.statusCode()).isEqualTo(302);
        plans = producer.get("/dasbor/rencana");
        assertThat(plans.body()).contains("Status rencana tersimpan.", "Contoh kemasan sudah dicetak");
        // no status chosen and a note too long: both said at once, each beside its field
        var unchosen = producer.post("/dasbor/rencana/" + producerGoal, Map.of("status", "", "note", "x".repeat(501)));
        assertThat(unchosen.statusCode()).isEqualTo(422);
        assertThat(unchosen.body()).contains("href=\"#status-" + producerGoal + "\"",
                "href=\"#note-" + producerGoal + "\"", "Terlalu panjang: paling banyak 500 huruf");
        // the note typed is kept, to shorten rather than type again
        var typedNote = "Kemasan dicetak ulang " + "x".repeat(480);
        var tooLong = producer.post("/dasbor/rencana/" + producerGoal, Map.of("status", "DONE", "note", typedNote));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("value=\"" + typedNote + "\"");
        assertThat(producer.get("/dasbor/rencana").body()).contains("Contoh kemasan sudah dicetak");
        assertThat(producer.post("/dasbor/rencana/" + otherGoal, Map.of("status", "DROPPED")).statusCode())
            .isEqualTo(403);

        page = curator.get(programme);
        assertThat(page.body()).contains("Contoh kemasan sudah dicetak",
                "Rencana tindak lanjut: 1 dari 2 selesai, 1 lewat tenggat.");
        assertThat(curator.post(programme + "/rencana/" + otherGoal, Map.of("status", "IN_PROGRESS")).statusCode())
            .isEqualTo(302);
        // removing asks first, on a page of its own that says what goes with the
        // participant
        var remove = programme + "/peserta/" + otherParticipant + "/hapus";
        assertThat(curator.get(programme).body()).contains("href=\"" + remove + "\"")
            .doesNotContain("action=\"" + remove + "\"");
        var asked = curator.get(remove);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("<h1>Hapus peserta ini?</h1>",
                "Baiq Sri Wahyuni dikeluarkan dari program ini beserta 1 rencana tindak lanjutnya",
                "action=\"" + remove + "\"", "Ya, hapus peserta",
                "href=\"" + programme + "#p-" + otherParticipant + "\">Batal, kembali ke daftar peserta");
        assertThat(curator.get(remove + "?lang=en").body()).contains("<h1>Remove this participant?</h1>",
                "Baiq Sri Wahyuni will be taken out of this programme with their 1 follow-up goal",
                "href=\"" + programme + "?lang=en#p-" + otherParticipant + "\"");
        assertThat(curator.get(programme + "/peserta/tidak-ada/hapus").statusCode()).isEqualTo(404);
        assertThat(producer.get(remove).statusCode()).isEqualTo(403);
        assertThat(curator.get(programme).body()).as("nothing removed by asking").contains("Peserta (3)");
        // the participant under another programme's address is not found there, and stays
        var demo = DEMO_PROGRAMME.matcher(curator.get("/kelola/program").body());
        assertThat(demo.find()).isTrue();
        assertThat(curator.post(demo.group(1) + "/peserta/" + otherParticipant + "/hapus", Map.of()).statusCode())
            .isEqualTo(404);
        assertThat(curator.get(programme).body()).contains("Peserta (3)", "Baiq Sri Wahyuni");
        assertThat(curator.post(remove, Map.of()).statusCode()).isEqualTo(302);
        landed = curator.get(programme).body();
        assertThat(landed).contains("Peserta (2)").doesNotContain("Baiq Sri Wahyuni");
        assertThat(landed.indexOf("role=\"status\">Peserta dihapus dari program, beserta rencananya.</p>"))
            .isGreaterThan(landed.indexOf("id=\"peserta\""));
    }

    /**
     * A date the page cannot read and fields the service requires are said at once, on
     * the programme form and on a goal's form, with what was typed kept and nothing
     * saved.
     */
    @Test
    void anUnreadableDateAndMissingFieldsAreAllSaidAtOnce() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var list = curator.get("/kelola/program");
        var title = "Bimtek tanpa desa " + ApiClient.unique("uji");
        var form = Map.of("indonesian", title, "organiser", "Dinas Perindustrian Provinsi NTB", "startsOn",
                "31/13/2026", "endsOn", "2/4/2026", "villageId", "");
        var refused = curator.post("/kelola/program", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis tanggal mulai seperti 18/8/2025", "href=\"#startsOn\"",
                "Pilih desa tempat pelaksanaan.", "href=\"#villageId\"", "value=\"31/13/2026\"",
                "value=\"" + title + "\"");
        var english = curator.post("/kelola/program?lang=en", form);
        assertThat(english.body()).contains("Write the first day like 18/8/2025",
                "Choose the village where it takes place.");
        assertThat(curator.get("/kelola/program").body()).doesNotContain(title);

        var link = DEMO_PROGRAMME.matcher(list.body());
        assertThat(link.find()).isTrue();
        var participant = PARTICIPANT.matcher(curator.get(link.group(1)).body());
        assertThat(participant.find()).isTrue();
        var p = participant.group(1);
        var goal = curator.post(link.group(1) + "/peserta/" + p + "/rencana",
                Map.of("kind", "", "description", "", "dueOn", "akhir tahun"));
        assertThat(goal.statusCode()).isEqualTo(422);
        assertThat(goal.body()).contains("Tulis tenggat seperti 31/12/2025", "href=\"#dueOn-" + p + "\"",
                "href=\"#kind-" + p + "\"", "href=\"#description-" + p + "\"", "Bagian ini wajib diisi.",
                "value=\"akhir tahun\"");
    }

    /**
     * A goal cannot fall due before its programme started (the demo Bimtek began in
     * August 2025): refused beside the due date, not kept to show at once as overdue.
     */
    @Test
    void aGoalDueBeforeTheProgrammeStartedIsRefused() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var link = DEMO_PROGRAMME.matcher(curator.get("/kelola/program").body());
        assertThat(link.find()).isTrue();
        var participant = PARTICIPANT.matcher(curator.get(link.group(1)).body());
        assertThat(participant.find()).isTrue();
        var p = participant.group(1);
        var text = "Pameran di Mataram " + ApiClient.unique("t");
        var early = Map.of("kind", "DEVELOP_PRODUCT", "description", text, "dueOn", "2020-01-01");
        var refused = curator.post(link.group(1) + "/peserta/" + p + "/rencana", early);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Pilih tenggat mulai hari pertama program", "href=\"#dueOn-" + p + "\"",
                "value=\"2020-01-01\"", "value=\"" + text + "\"");
        assertThat(curator.post(link.group(1) + "/peserta/" + p + "/rencana?lang=en", early).body())
            .contains("Choose a due date from the programme");
        assertThat(curator.get(link.group(1)).body()).doesNotContain(text);
    }

    /**
     * Moving a programme's first day past a goal already set would leave that goal due
     * before the training: the move is refused, naming the goal, and nothing changes
     * until the curator has moved the goal's due date.
     */
    @Test
    void movingTheFirstDayPastAGoalIsRefusedNamingTheGoal() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var semoyang = Pattern.compile("<option value=\"([A-Za-z0-9_-]+)\">Semoyang ")
            .matcher(curator.get("/kelola/program").body());
        assertThat(semoyang.find()).isTrue();
        var form = new LinkedHashMap<String, String>(Map.of("indonesian", "Bimtek pewarna " + ApiClient.unique("uji"),
                "organiser", "Dinas Perindustrian Provinsi NTB", "startsOn", "2026-03-10", "endsOn", "2026-03-12",
                "villageId", semoyang.group(1)));
        var programme = path(curator.post("/kelola/program", form).headers().firstValue("Location").orElseThrow())
            .replaceFirst("#isi$", "");
        assertThat(curator.post(programme + "/peserta", Map.of("consent", "true", "name", "Baiq Marlina")).statusCode())
            .isEqualTo(302);
        var participant = PARTICIPANT.matcher(curator.get(programme).body());
        assertThat(participant.find()).isTrue();
        var goal = "Selendang pewarna alam " + ApiClient.unique("g");
        assertThat(curator
            .post(programme + "/peserta/" + participant.group(1) + "/rencana",
                    Map.of("kind", "DEVELOP_PRODUCT", "description", goal, "dueOn", "2026-04-30"))
            .statusCode()).isEqualTo(302);

        form.put("startsOn", "2026-05-04");
        form.put("endsOn", "2026-05-06");
        form.put("versi", "0");
        var refused = curator.post(programme, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tanggal mulai tidak dipindah", "Baiq Marlina: " + goal + " (30 Apr 2026)",
                "href=\"#startsOn\"", "value=\"2026-05-04\"");
        assertThat(curator.post(programme + "?lang=en", form).body()).contains("The first day was not moved",
                "Baiq Marlina: " + goal);
        assertThat(curator.get(programme).body()).contains("value=\"2026-03-10\"");

        form.put("startsOn", "2026-03-09");
        assertThat(curator.post(programme, form).statusCode()).as("an earlier first day leaves the goal after it")
            .isEqualTo(302);
    }

    @Test
    void theDemoBimtekShowsItsParticipantsAndOnlyStaffOpenTheConsole() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var link = DEMO_PROGRAMME.matcher(curator.get("/kelola/program").body());
        assertThat(link.find()).isTrue();
        var page = curator.get(link.group(1));
        assertThat(page.body()).contains("Peserta (20)", "Inaq Sumiati", "Eco-Print Daun Tembakau Semoyang",
                "DBH CHT 2025", "Lewat tenggat", "Selesai");
        assertThat(page.body()).contains("Semoyang, Lombok Tengah · ", "Semoyang (Lombok Tengah)</option>");
        assertThat(curator.get(link.group(1) + "?lang=en").body())
            .contains("Participants (20)", "Overdue", "Semoyang, Central Lombok · ",
                    "Semoyang (Central Lombok)</option>")
            .doesNotContain("(Lombok Tengah)</option>");
        // youth as UU 40/2009 says, 16 to 30, named where it is counted and offered
        assertThat(page.body()).containsPattern("\\d+ pemuda \\(16–30 tahun, UU 40/2009\\)")
            .contains("<option value=\"AGED_16_TO_30\">16–30 tahun (pemuda)</option>")
            .doesNotContain("<option value=\"UNDER_25\"", "<option value=\"AGED_25_TO_39\"");
        assertThat(curator.get(link.group(1) + "?lang=en").body())
            .containsPattern("\\d+ young \\(16–30, as Indonesian law UU 40/2009 defines youth\\)");
        assertThat(curator.get("/kelola/angka").body()).contains("Pemuda (16–30)", "Perajin pemuda (16–30)",
                "Pemuda berusia 16–30 tahun, seperti UU 40/2009");
        // the goals the demo's participants have done count after the programme, as its
        // summary says (ten seeded done, in the year after August 2025)
        var summary = Pattern.compile("Rencana tindak lanjut: (\\d+) dari \\d+ selesai").matcher(page.body());
        assertThat(summary.find()).as(page.body()).isTrue();
        var comparison = Pattern
            .compile("data-figure=\"goalsDone\">\\s*<th scope=\"row\">[^<]+</th>\\s*<td>(\\d+)</td>\\s*<td>(\\d+)</td>")
            .matcher(page.body());
        assertThat(comparison.find()).as(page.body()).isTrue();
        assertThat(Integer.parseInt(comparison.group(1))).as("before").isZero();
        assertThat(Integer.parseInt(comparison.group(2))).as("after")
            .isGreaterThanOrEqualTo(10)
            .isLessThanOrEqualTo(Integer.parseInt(summary.group(1)));

        // the participants' brands registered months before the Bimtek, with the artisans
        // they had then, and gave a few more since: not none before and all after
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var artisans = Pattern
                .compile("data-figure=\"artisans\">\\s*<th scope=\"row\">[^<]+</th>\\s*<td>(\\d+)</td>\\s*"
                        + "<td>(\\d+)</td>")
                .matcher(curator.get(link.group(1)).body());
            assertThat(artisans.find()).isTrue();
            var before = Integer.parseInt(artisans.group(1));
            assertThat(before).as("artisans before").isPositive();
            assertThat(Integer.parseInt(artisans.group(2))).as("artisans after")
                .isGreaterThan(before)
                .isLessThan(before * 3 / 2);
        });

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/kelola/program").statusCode()).isEqualTo(403);
        assertThat(producer.get(link.group(1)).statusCode()).isEqualTo(403);
        assertThat(producer.post("/kelola/program", Map.of("indonesian", "Bimtek palsu")).statusCode()).isEqualTo(403);
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

}
