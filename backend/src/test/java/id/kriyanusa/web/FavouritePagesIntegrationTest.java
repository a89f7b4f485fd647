package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The "Simpan" button without script: a signed-out visitor is sent to sign in, told what
 * for, and back to the button, offered; a signed-in buyer saves a product and a brand,
 * comes back to the page with the button pressed, finds both on `/akun/simpanan` and
 * removes both there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FavouritePagesIntegrationTest {

    static final String PRODUCT = "/produk/kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";

    static final String BRAND = "/merek/koperasi-kriya-tembakau-semoyang";

    @LocalServerPort
    int port;

    @Test
    void aSavedListOpenedSignedOutSaysWhySigningInIsAsked() throws Exception {
        var visitor = new FormBrowser(port);
        var bookmarked = visitor.get("/akun/simpanan");
        assertThat(bookmarked.statusCode()).isEqualTo(302);
        assertThat(bookmarked.headers().firstValue("Location").orElseThrow()).endsWith("/masuk");
        assertThat(visitor.get("/masuk").body())
            .contains("Halaman yang Anda buka hanya untuk pengguna yang sudah masuk.");
        assertThat(visitor.get("/masuk?lang=en").body()).contains("The page you opened is for signed-in users.");
    }

    @Test
    void aBuyerSavesFromTheProductAndBrandPagesAndFindsThemUnderSimpanan() throws Exception {
        var anonymous = new FormBrowser(port);
        assertThat(anonymous.get(PRODUCT).body())
            .contains("Masuk untuk menyimpan", "href=\"/akun/simpanan/masuk?back=/produk/")
            .as("the saved list's remove button stays there")
            .doesNotContain("Hapus</button>");
        assertThat(anonymous.get(BRAND).body()).doesNotContain("Hapus</button>");
        assertThat(anonymous.get("/masuk").body()).as("signing in for nothing in particular")
            .doesNotContain("Masuk untuk menyimpan");
        var signInFirst = anonymous.get("/akun/simpanan/masuk?back=" + PRODUCT);
        assertThat(signInFirst.statusCode()).isEqualTo(302);
        assertThat(signInFirst.headers().firstValue("Location").orElseThrow()).endsWith("/masuk");
        assertThat(anonymous.get("/masuk").body()).as("the sign-in page says what it is for")
            .contains("Masuk untuk menyimpan produk ini.");
        assertThat(anonymous.get("/masuk?lang=en").body()).contains("Sign in to save this product.");
        var refused = anonymous.post("/masuk", Map.of("email", ApiClient.BUYER, "password", "bukan-sandinya"));
        assertThat(refused.body()).contains("Email atau kata sandi salah", "Masuk untuk menyimpan produk ini.");
        anonymous.get("/masuk");
        var signedIn = anonymous.post("/masuk", Map.of("email", ApiClient.BUYER, "password", ApiClient.DEMO_PASSWORD));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as("back through the sign-in's wanted page")
            .endsWith("/akun/simpanan/masuk?back=" + PRODUCT);
        assertThat(anonymous.get("/akun/simpanan/masuk?back=" + PRODUCT).headers().firstValue("Location").orElseThrow())
            .as("back to the product, at its button")
            .endsWith(PRODUCT + "#simpan");
        assertThat(anonymous.get(PRODUCT).body()).as("the button offered, the product not saved by a GET")
            .contains("Anda sudah masuk. Tekan Simpan untuk menyimpannya.", "id=\"simpan\"", ">Simpan</button>",
                    "aria-pressed=\"false\"");
        assertThat(anonymous.get(PRODUCT).body()).as("offered once").doesNotContain("Tekan Simpan");
        assertThat(anonymous.get("/akun/simpanan/masuk?back=https://contoh.id/").headers().firstValue("Location"))
            .as("never back to another site")
            .hasValueSatisfying(location -> assertThat(location).endsWith("/akun/simpanan"));

        var email = ApiClient.unique("sari") + "@contoh.id";
        new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.22.9"))).signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        var page = buyer.get(PRODUCT).body();
        assertThat(page).contains(">Simpan</button>", "aria-pressed=\"false\"", "href=\"/akun/simpanan\"")
            .doesNotContain("Hapus</button>");
        var productId = hidden(page, "subjectId");

        var saved = buyer.post("/akun/simpanan", Map.of("subjectId", productId, "save", "true", "back", PRODUCT));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(PRODUCT);
        assertThat(buyer.get(PRODUCT).body()).contains("Tersimpan. Lihat semua di Simpanan.", ">Tersimpan</button>",
                "aria-pressed=\"true\"");

        var brandId = hidden(buyer.get(BRAND).body(), "subjectId");
        buyer.post("/akun/simpanan", Map.of("subjectId", brandId, "save", "true", "back", BRAND));
        var list = buyer.get("/akun/simpanan");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Produk tersimpan (1)", "Kertas serat batang tembakau A4",
                "Merek tersimpan (1)", "Koperasi Kriya Tembakau Semoyang", "Semoyang, Lombok Tengah");
        assertThat(buyer.get("/akun/simpanan?lang=en").body()).as("the regency in English")
            .contains("Semoyang, Central Lombok");

        var elsewhere = buyer.post("/akun/simpanan",
                Map.of("subjectId", brandId, "save", "false", "back", "https://contoh.id/"));
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).as("never back to another site")
            .endsWith("/akun/simpanan");
        assertThat(buyer.get("/akun/simpanan").body()).contains("Dihapus dari simpanan.", "Merek tersimpan (0)");
        assertThat(buyer.get("/akun/simpanan?lang=en").body()).contains("Saved products (1)");

        // the saved product has its own "Hapus" there too, a form without script
        var products = buyer.get("/akun/simpanan").body();
        assertThat(products).contains("name=\"subjectId\" value=\"" + productId + "\"",
                "aria-label=\"Hapus Kertas serat batang tembakau A4");
        var removed = buyer.post("/akun/simpanan",
                Map.of("subjectId", productId, "save", "false", "back", "/akun/simpanan"));
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("/akun/simpanan");
        assertThat(buyer.get("/akun/simpanan").body()).contains("Dihapus dari simpanan.", "Produk tersimpan (0)",
                "Belum ada produk tersimpan.");
    }

    static String hidden(String page, String name) {
        var matcher = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a hidden %s", name).isTrue();
        return matcher.group(1);
    }

}
