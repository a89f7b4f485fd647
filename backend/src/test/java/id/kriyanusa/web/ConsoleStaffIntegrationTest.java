package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An admin on the console's staff page: grants a new colleague the curator's role and
 * revokes it, each with a reason the history shows; the colleague's pages follow at once,
 * without signing in again. Curators get the forbidden page and no link to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleStaffIntegrationTest {

    static final String PASSWORD = "tenun-sukarara-2026";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void anAdminGrantsAndRevokesTheCuratorsRoleAndTheColleaguesPagesFollowAtOnce() throws Exception {
        var email = ApiClient.unique("kurator") + "@ntbprov.go.id";
        api.signUp(email, "BUYER");
        var colleague = new FormBrowser(port);
        colleague.signIn(email, PASSWORD);
        assertThat(colleague.get("/kelola/verifikasi").statusCode()).isEqualTo(403);

        var admin = new FormBrowser(port);
        admin.signIn(ApiClient.ADMIN, ApiClient.DEMO_PASSWORD);
        var page = admin.get("/kelola/staf");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Staf dinas", ApiClient.CURATOR, "Riwayat perubahan peran")
            .contains("href=\"/kelola/staf\" aria-current=\"page\"");

        var withoutReason = admin.post("/kelola/staf", Map.of("email", email, "peran", "CURATOR", "alasan", " "));
        assertThat(withoutReason.statusCode()).isEqualTo(422);
        assertThat(withoutReason.body()).contains("Tulis alasan perubahan peran", "href=\"#reason\"", email);

        var granted = admin.post("/kelola/staf",
                Map.of("email", email, "peran", "CURATOR", "alasan", "Kurator Bimtek Semoyang 2026"));
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(admin.get("/kelola/staf").body()).contains(email + " kini memegang peran Kurator.",
                "Kurator Bimtek Semoyang 2026", "Diberi peran Kurator");
        var console = colleague.get("/kelola/verifikasi");
        assertThat(console.statusCode()).as("granted, without signing in again").isEqualTo(200);
        assertThat(console.body()).contains("href=\"/kelola\"").doesNotContain("href=\"/kelola/staf\"");

        var noReason = admin.post("/kelola/staf/cabut", Map.of("email", email, "peran", "CURATOR", "alasan", ""));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("href=\"#revokeReason\"", "id=\"revokeReason\"");
        var revoked = admin.post("/kelola/staf/cabut",
                Map.of("email", email, "peran", "CURATOR", "alasan", "Masa tugas selesai"));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(admin.get("/kelola/staf?lang=en").body()).contains("Curator revoked from " + email,
                "Masa tugas selesai", "Revoked Curator");

        assertThat(colleague.get("/kelola/verifikasi").statusCode()).as("revoked, on the next request").isEqualTo(403);
        assertThat(colleague.get("/").body()).doesNotContain("href=\"/kelola\"");
        var brand = api.createBrand(api.signUp("PRODUCER"), "merek-staf");
        assertThat(colleague.post("/kelola/verifikasi/" + brand.get("id") + "/setujui", Map.of("catatan", ""))
            .statusCode()).isEqualTo(403);
    }

    @Test
    void aGrantToAnAddressWithoutAnAccountIsRefusedKeepingWhatWasTyped() throws Exception {
        var admin = new FormBrowser(port);
        admin.signIn(ApiClient.ADMIN, ApiClient.DEMO_PASSWORD);
        admin.get("/kelola/staf");
        var nobody = admin.post("/kelola/staf",
                Map.of("email", "belum-daftar@contoh.id", "peran", "ADMIN", "alasan", "Operator baru"));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("Belum ada akun dengan email ini", "belum-daftar@contoh.id",
                "Operator baru");
    }

    @Test
    void curatorsGetTheForbiddenPageAndNoLinkToIt() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        assertThat(curator.get("/kelola/verifikasi").body()).doesNotContain("href=\"/kelola/staf\"");
        var page = curator.get("/kelola/staf");
        assertThat(page.statusCode()).isEqualTo(403);
        // a curator is staff: the page says it is for admins, not for staff
        assertThat(page.body()).contains("Akses ditolak", "Halaman ini hanya untuk admin portal.")
            .doesNotContain("Riwayat perubahan peran", "kurator dan admin");
        assertThat(curator.get("/kelola/staf?lang=en").body()).contains("This page is for admins of the portal only.")
            .doesNotContain("curators and admins");
        var grant = curator.post("/kelola/staf",
                Map.of("email", ApiClient.BUYER, "peran", "ADMIN", "alasan", "Naik pangkat sendiri"));
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(grant.body()).contains("Halaman ini hanya untuk admin portal.");
        // the rest of the console is for curators and admins, as it says
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/kelola/desa").body()).contains("(kurator dan admin)");
    }

}
