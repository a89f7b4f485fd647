package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * A producer on a phone browser: signs in on `/masuk`, finds their products on `/dasbor`
 * and manages a product's photos with plain forms, through a real HTTP client that keeps
 * cookies as a browser does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProducerDashboardIntegrationTest {

    /** Password of the accounts {@link ApiClient#signUp} creates. */
    static final String SIGN_UP_PASSWORD = "tenun-sukarara-2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theDemoProducerSignsInWithANewSessionAndSeesTheirBrands() throws Exception {
        var browser = new FormBrowser(port);
        var form = browser.get("/masuk");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Masuk</h1>", "type=\"password\"");
        var before = browser.sessionId();
        assertThat(before).as("the sign-in form opens a session, for its CSRF token").isNotNull();

        var signedIn = browser.post("/masuk", Map.of("email", ApiClient.PRODUCER, "password", ApiClient.DEMO_PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor"));
        var cookie = signedIn.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
        assertThat(browser.sessionId()).as("a new session id at sign-in").isNotEqualTo(before);

        var dashboard = browser.get("/dasbor");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
            .contains("Dasbor produsen", "Koperasi Kriya Tembakau Semoyang", "Gerabah Banyumulek Lestari",
                    "Terverifikasi", "Kelola foto", "Keluar",
                    "<a href=\"/dasbor/rencana\">Rencana tindak lanjut Bimtek saya</a>",
                    "<a href=\"/dasbor/pesan\">Pesan dari dan untuk pembeli</a>")
            .doesNotContain("Pesan Anda kepada produsen");
        // an address confirmed already is not offered another link
        assertThat(dashboard.body()).contains(ApiClient.PRODUCER, "Email sudah dipastikan")
            .doesNotContain("Email belum dipastikan", "Kirim ulang tautan verifikasi");
        assertThat(browser.get("/dasbor?lang=en").body()).doesNotContain("Send the confirmation link again");
    }

    /** A new producer, whose address is not confirmed yet, is offered a new link. */
    @Test
    void aProducerWhoseAddressIsNotConfirmedIsOfferedANewLink() throws Exception {
        var email = ApiClient.unique("amaq") + "@contoh.id";
        api.signUp(email, "PRODUCER");
        var browser = new FormBrowser(port);
        browser.signIn(email, SIGN_UP_PASSWORD);
        assertThat(browser.get("/dasbor").body()).contains(email, "Email belum dipastikan",
                "action=\"/dasbor/verifikasi-email\"", "Kirim ulang tautan verifikasi");
    }

    @Test
    void aBuyerFollowingTheirNameFindsTheirAccountNotAProducersDashboard() throws Exception {
        var browser = new FormBrowser(port);
        browser.signIn(ApiClient.BUYER, ApiClient.DEMO_PASSWORD);
        var account = browser.get("/dasbor").body();
        assertThat(account)
            .contains("<h1>Akun saya</h1>", "Ingin menjual kriya desa juga?",
                    "<a href=\"/dasbor/pesan\">Pesan Anda kepada produsen dan balasannya</a>",
                    "<a href=\"/akun/simpanan\">Produk dan merek yang Anda simpan</a>")
            .doesNotContain("Dasbor produsen", "Bimtek", "/dasbor/rencana", "untuk pembeli");
        assertThat(browser.get("/dasbor?lang=en").body())
            .contains("Your messages to producers and their replies", "Products and brands you saved")
            .doesNotContain("training programmes", "to buyers");
        assertThat(browser.get("/dasbor/pesan?lang=en").body()).contains(">My account</a> ›")
            .doesNotContain("Producer dashboard");
    }

    @Test
    void anApiCallWithATokenFromTheSameBrowserLeavesThePageSessionAsItIs() throws Exception {
        var browser = new FormBrowser(port);
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var pageSession = browser.sessionId();
        var token = api.signIn(ApiClient.PRODUCER);

        // as GraphiQL or a script in the same browser would: the page's cookie goes along
        var answer = browser.send(HttpRequest.newBuilder(browser.uri("/graphql"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { email } }\"}")));
        assertThat(answer.body()).contains(ApiClient.PRODUCER);
        assertThat(answer.headers().allValues("Set-Cookie")).as("no new page session id")
            .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        assertThat(browser.sessionId()).isEqualTo(pageSession);
        assertThat(browser.get("/dasbor").statusCode()).as("still signed in on the pages").isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsExplainedInIndonesianAndTheEmailStays() throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/masuk");
        var refused = browser.post("/masuk", Map.of("email", ApiClient.PRODUCER, "password", "bukan-kata-sandinya"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Email atau kata sandi salah", "value=\"" + ApiClient.PRODUCER + "\"")
            .doesNotContain("bukan-kata-sandinya");
        assertThat(browser.get("/dasbor").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void oneThrottleCountsFailedSignInsOnPagesAndInTheApi() throws Exception {
        var email = ApiClient.unique("pembeli") + "@contoh.id";
        api.signUp(email, "BUYER");
        var browser = new FormBrowser(port);
        browser.get("/masuk");
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.post("/masuk", Map.of("email", email, "password", "tebakan-" + attempt));
        }
        for (int attempt = 3; attempt < 5; attempt++) {
            api.mutate("mutation($input: LoginInput!) { login(input: $input) { userErrors { code } } }",
                    Map.of("email", email, "password", "tebakan-" + attempt), null);
        }
        var page = browser.post("/masuk", Map.of("email", email, "password", SIGN_UP_PASSWORD));
        assertThat(page.body()).contains("Terlalu banyak percobaan masuk yang gagal");
        var apiLogin = api.mutate("mutation($input: LoginInput!) { login(input: $input) { userErrors { code } } }",
                Map.of("email", email, "password", SIGN_UP_PASSWORD), null);
        assertThat(ApiClient.outcome(apiLogin, "login")).isEqualTo("userError:RATE_LIMITED");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/masuk");
        assertThat(
                browser.postWithout("/masuk", Map.of("email", ApiClient.PRODUCER, "password", ApiClient.DEMO_PASSWORD))
                    .statusCode())
            .isEqualTo(403);
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(browser.postWithout("/keluar", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/dasbor").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aFormWithAStaleTokenFromAPageNotNamedSaysItExpiredWhateverThePage() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        curator.get("/kelola/kategori");
        // the token of a page opened before signing in again, from a browser that does
        // not say the form was on this site: it may have come from anywhere
        var stale = Map.of("_csrf", "token-dari-halaman-lama", "indonesian", "Songket Lama", "english", "Old Songket");
        var console = curator.postNotSayingWhence("/kelola/kategori", stale);
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(console.body()).contains("<title>Formulir kedaluwarsa</title>", "muat ulang, lalu kirim lagi")
            .doesNotContain("hanya untuk staf");
        var english = curator.postNotSayingWhence("/kelola/kategori?lang=en", stale);
        assertThat(english.body()).contains("This form has expired", "reload it and send it again");

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var withoutToken = producer.send(HttpRequest.newBuilder(producer.uri("/dasbor/merek/baru"))
            .header("Accept", FormBrowser.ACCEPT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Referer", producer.uri("/dasbor/merek/baru").toString())
            .POST(HttpRequest.BodyPublishers.ofString("name=Tenun+Lama")));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("Formulir kedaluwarsa", "href=\"/dasbor/merek/baru\"")
            .doesNotContain("hanya untuk produsen");
    }

    @Test
    void visitorsAreSentToSignInAndBackToThePageTheyWanted() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var browser = new FormBrowser(port);
        assertThat(browser.get("/").headers().allValues("Set-Cookie")).as("the storefront opens no session").isEmpty();
        var sent = browser.get(photos);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk"));
        browser.get("/masuk");
        var back = browser.post("/masuk", Map.of("email", product.email(), "password", SIGN_UP_PASSWORD));
        assertThat(back.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith(photos));

        // the query is remembered too, as it was asked for
        var odd = new FormBrowser(port);
        assertThat(odd.get("/dasbor?halaman=2&q=tas%20ketak").statusCode()).isEqualTo(302);
        odd.get("/masuk");
        var oddBack = odd.post("/masuk", Map.of("email", product.email(), "password", SIGN_UP_PASSWORD));
        assertThat(oddBack.statusCode()).isEqualTo(302);
        assertThat(oddBack.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor?halaman=2&q=tas%20ketak"));
    }

    @Test
    void aBuyerWhoStartsABrandWhileSignedInSeesItOnTheDashboardWithoutSigningInAgain() throws Exception {
        var email = ApiClient.unique("pembeli") + "@contoh.id";
        var token = api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, SIGN_UP_PASSWORD);
        assertThat(buyer.get("/dasbor").body()).contains("Akun saya", "Ingin menjual kriya desa juga?");

        var slug = ApiClient.unique("merek-baru");
        assertThat(ApiClient.outcome(api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm", "KELOMPOK_PENGRAJIN", "villageSlug",
                        "banyumulek"),
                token), "createBrand"))
            .isEqualTo("ok");
        var dashboard = buyer.get("/dasbor");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Kelompok " + slug, "Dasbor produsen")
            .doesNotContain("Ingin menjual kriya desa juga?");
    }

    @Test
    void theDashboardListsTheProducersOwnProductsInEveryStatus() throws Exception {
        var product = newProducerWithPublishedProduct();
        var draft = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }",
                Map.of("brandId", product.brandId(), "title",
                        ApiClient.text("Tas ketak draf " + product.brandId().substring(0, 4), null), "availability",
                        "MADE_TO_ORDER", "leadTimeDays", 10),
                product.token());
        assertThat(ApiClient.outcome(draft, "createProduct")).isEqualTo("ok");

        var browser = new FormBrowser(port);
        browser.signIn(product.email(), SIGN_UP_PASSWORD);
        var dashboard = browser.get("/dasbor").body();
        assertThat(dashboard).contains(product.title(), "Tas ketak draf", "Terbit", "Draf", "Produk (2)",
                "href=\"/dasbor/produk/" + product.id() + "/foto\"");
        assertThat(dashboard).doesNotContain("Koperasi Kriya Tembakau Semoyang");
        // what sells: the price and the stock, or how long making takes, or that they are
        // missing
        assertThat(dashboard).contains("Rp 85.000", "Stok 5", "Harga belum diisi",
                "Dibuat sesuai pesanan, sekitar 10 hari");
        // the repeated links say which product they are for, to those who hear them
        assertThat(dashboard).contains("Ubah<span class=\"visually-hidden\"> " + product.title() + "</span>",
                "Kelola foto<span class=\"visually-hidden\"> " + product.title() + "</span>");

        // a draft's photo waits for publishing and the brand's verification to show
        String draftId = JsonPath.read(draft, "$.data.createProduct.product.id");
        var photos = "/dasbor/produk/" + draftId + "/foto";
        browser.postMultipart(photos, Map.of("altId", "Tas ketak dari depan"), "tas.jpg", "image/jpeg", jpeg(700, 640));
        assertThat(browser.get(photos).body()).contains("Foto sudah diunggah. Foto tampil untuk pembeli")
            .doesNotContain("tampil di halaman produk.");
    }

    @Test
    void aPhotoUploadedThroughTheFormShowsOnTheProductPageAndCanBeDescribedMovedAndRemoved() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var browser = new FormBrowser(port);
        browser.signIn(product.email(), SIGN_UP_PASSWORD);
        var page = browser.get(photos);
        assertThat(page.statusCode()).isEqualTo(200);
        // no `capture`: with it phones open the camera only, not the gallery
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"", "accept=\"image/*\"", "Belum ada foto")
            .doesNotContain("capture=");

        var uploaded = browser.postMultipart(photos, Map.of("altId", "Kendi dari samping"), "kendi.jpg", "image/jpeg",
                jpeg(1200, 900));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        var afterUpload = browser.get(photos).body();
        assertThat(afterUpload).contains("Foto sudah diunggah", "value=\"Kendi dari samping\"", "src=\"/media/");

        var storefront = api.http().get("/produk/" + product.slug()).body();
        assertThat(storefront).contains("alt=\"Kendi dari samping\"")
            .containsPattern("/media/[0-9a-f]{64}\\.jpg 160w")
            .containsPattern("/media/[0-9a-f]{64}\\.jpg 960w");
        String brandSlug = JsonPath.read(api.query("query($id: ID!) { node(id: $id) { ... on Brand { slug } } }",
                Map.of("id", product.brandId()), null), "$.data.node.slug");
        // the brand's product cards: WebP first, at a width a phone showing two a row
        // needs
        assertThat(api.http().get("/merek/" + brandSlug).body())
            .containsPattern("<source type=\"image/webp\"[^>]* srcset=\"/media/[0-9a-f]{64}\\.webp 160w")
            .contains("sizes=\"(max-width: 40rem) 50vw, 12rem\"", "width=\"1200\" height=\"900\"");

        browser.postMultipart(photos, Map.of("altId", "Kendi dari atas"), "atas.jpg", "image/jpeg", jpeg(600, 600));
        var keys = imageKeys(product.id());
        assertThat(keys).hasSize(2);
        var version = version(product.id());
        // each photo offers its moves and removal: the first can go down, the second up,
        // both can be removed
        var twoPhotos = browser.get(photos).body();
        assertThat(twoPhotos).contains("formaction=\"" + photos + "/turun\"", "formaction=\"" + photos + "/naik\"",
                "href=\"" + photos + "/hapus?kunci=" + keys.get(1) + "\"");
        // removing asks first, on a page of its own
        var asked = browser.get(photos + "/hapus?kunci=" + keys.get(1));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("<h1>Hapus foto ini?</h1>", "alt=\"Kendi dari atas\"", "Ya, hapus foto",
                "value=\"" + keys.get(1) + "\"", "href=\"" + photos + "\"");
        assertThat(browser.get(photos + "/hapus?kunci=" + keys.get(1) + "&lang=en").body())
            .contains("Remove this photo?");
        assertThat(browser.get(photos + "/hapus?kunci=tidak-ada").statusCode()).isEqualTo(404);
        assertThat(imageKeys(product.id())).as("nothing removed by asking").hasSize(2);
        var movedUp = browser.post(photos + "/naik", Map.of("kunci", keys.get(1), "versi", version));
        assertThat(movedUp.statusCode()).as(movedUp.body()).isEqualTo(302);
        assertThat(imageKeys(product.id())).containsExactly(keys.get(1), keys.get(0));

        assertThat(
                browser
                    .post(photos + "/alt",
                            Map.of("kunci", keys.get(0), "versi", version(product.id()), "altId", "Kendi coklat",
                                    "altEn", "Brown jug"))
                    .statusCode())
            .isEqualTo(302);
        assertThat(api.http().get("/produk/" + product.slug() + "?lang=en").body()).contains("alt=\"Brown jug\"");

        var stale = browser.post(photos + "/hapus", Map.of("kunci", keys.get(0), "versi", version));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("baru saja diubah di tempat lain");
        assertThat(browser.post(photos + "/hapus", Map.of("kunci", keys.get(0), "versi", version(product.id())))
            .statusCode()).isEqualTo(302);
        assertThat(imageKeys(product.id())).containsExactly(keys.get(1));
        assertThat(api.http().get("/produk/" + product.slug()).body()).doesNotContain("Kendi coklat");
        assertThat(browser.get("/dasbor?lang=en").body()).as("one photo, in English").contains(">1 photo<");
        assertThat(browser.get("/dasbor").body()).contains(">1 foto<");
    }

    /**
     * A photo forwarded through a chat app is accepted, but the producer learns it will
     * look blurred and what to send instead: right after uploading it and beside it.
     */
    @Test
    void aSmallPhotoIsAcceptedWithANoticeOfItsSizeInBothLanguagesALargeOneWithout() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var browser = new FormBrowser(port);
        browser.signIn(product.email(), SIGN_UP_PASSWORD);
        var notice = "Foto ini kecil (40 × 30 piksel) dan akan tampak buram. "
                + "Kirim foto dengan lebar minimal 800 piksel.";

        var small = browser.postMultipart(photos, Map.of("altId", "Kendi kecil"), "kecil.jpg", "image/jpeg",
                jpeg(40, 30));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(302);
        assertThat(imageKeys(product.id())).hasSize(1);
        var afterUpload = browser.get(photos).body();
        var message = afterUpload.substring(afterUpload.indexOf("role=\"status\""));
        assertThat(message.substring(0, message.indexOf("</p>"))).contains("Foto sudah diunggah", notice);
        assertThat(afterUpload).contains("class=\"small-photo\">" + notice + "</p>");
        assertThat(browser.get(photos).body()).as("the upload's message once, the notice beside the photo for good")
            .doesNotContain("Foto sudah diunggah")
            .contains(notice);
        assertThat(browser.get(photos + "?lang=en").body())
            .contains("This photo is small (40 × 30 pixels) and will look blurred. "
                    + "Send a photo at least 800 pixels wide.");

        browser.postMultipart(photos, Map.of("altId", "Kendi besar"), "besar.jpg", "image/jpeg", jpeg(1200, 900));
        var twoPhotos = browser.get(photos).body();
        var largeMessage = twoPhotos.substring(twoPhotos.indexOf("role=\"status\""));
        assertThat(largeMessage.substring(0, largeMessage.indexOf("</p>"))).contains("Foto sudah diunggah")
            .doesNotContain("kecil");
        assertThat(twoPhotos.split("class=\"small-photo\"", -1)).as("one notice, for the small photo only").hasSize(2);
    }

    @Test
    void aRefusedUploadSaysWhyInIndonesianAndKeepsTheTypedText() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var browser = new FormBrowser(port);
        browser.signIn(product.email(), SIGN_UP_PASSWORD);

        var notAnImage = browser.postMultipart(photos,
                Map.of("altId", "Kendi dari samping", "altEn", "Jug from the side"), "kendi.jpg", "image/jpeg",
                "ini bukan foto, hanya teks".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.statusCode()).isEqualTo(422);
        assertThat(notAnImage.body()).contains("Berkas ini bukan foto", "value=\"Kendi dari samping\"",
                "value=\"Jug from the side\"");

        var tooLarge = browser.postMultipart(photos, Map.of("altId", "Foto besar"), "besar.jpg", "image/jpeg",
                new byte[15 * 1024 * 1024 + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("Foto terlalu besar: paling besar 15 MB", "value=\"Foto besar\"");
        assertThat(imageKeys(product.id())).isEmpty();
    }

    @Test
    void aFormSentAfterTheSessionEndedIsKeptThroughSigningInAgain() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var browser = new FormBrowser(port);
        var key = signedInWithAPhoto(browser, product);

        // the phone lay on the form overnight: its session and CSRF token are gone
        browser.outliveSession();
        var sent = browser.post(photos + "/alt", Map.of("kunci", key, "versi", version(product.id()), "altId",
                "Kendi coklat dari samping", "altEn", "Brown jug from the side"));
        assertThat(sent.statusCode()).as("not a bare 403").isEqualTo(302);
        assertThat(sent.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk?sesi=berakhir"));
        assertThat(browser.get("/masuk?sesi=berakhir").body()).contains("Sesi Anda berakhir");

        var signedIn = browser.post("/masuk", Map.of("email", product.email(), "password", SIGN_UP_PASSWORD));
        assertThat(signedIn.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk/lanjutkan"));
        var kept = browser.get("/masuk/lanjutkan");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("Lanjutkan menyimpan", "action=\"" + photos + "/alt\"",
                "value=\"Kendi coklat dari samping\"", "value=\"Brown jug from the side\"");
        assertThat(kept.body())
            .contains("<dt>Keterangan foto (bahasa Indonesia)</dt>", "<dd>Kendi coklat dari samping</dd>")
            .doesNotContain("<dt>altId</dt>", "<dt>kunci</dt>", "<dt>versi</dt>");
        assertThat(imageAlt(product.id())).as("nothing saved before the producer says so").isEqualTo("Kendi");

        var resent = browser.post(photos + "/alt", FormBrowser.hiddenFields(kept.body()));
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(302);
        assertThat(imageAlt(product.id())).isEqualTo("Kendi coklat dari samping");
        assertThat(browser.get("/masuk/lanjutkan").headers().firstValue("Location")).as("offered once")
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor"));
    }

    /**
     * On a phone or a computer people share, what a producer typed before their session
     * ended is offered to them only, never to whoever signs in next.
     */
    @Test
    void aKeptFormIsNeverShownToTheNextPersonToSignIn() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var browser = new FormBrowser(port);
        var key = signedInWithAPhoto(browser, product);
        browser.outliveSession();
        var sent = browser.post(photos + "/alt",
                Map.of("kunci", key, "versi", version(product.id()), "altId", "Rahasia harga pokok 12.000"));
        assertThat(sent.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk?sesi=berakhir"));

        browser.get("/masuk?sesi=berakhir");
        var buyer = browser.post("/masuk", Map.of("email", ApiClient.BUYER, "password", ApiClient.DEMO_PASSWORD));
        assertThat(buyer.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).doesNotEndWith("/masuk/lanjutkan"));
        var offered = browser.get("/masuk/lanjutkan");
        assertThat(offered.statusCode()).isEqualTo(302);
        assertThat(offered.body()).doesNotContain("Rahasia");
        assertThat(imageAlt(product.id())).isEqualTo("Kendi");

        // dropped, not kept for later: the producer signing in again is not offered it
        browser.post("/keluar", Map.of());
        browser.get("/masuk");
        var producer = browser.post("/masuk", Map.of("email", product.email(), "password", SIGN_UP_PASSWORD));
        assertThat(producer.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor"));
    }

    @Test
    void aSignInFormSentAfterItsSessionEndedKeepsNoPassword() throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/masuk");
        browser.outliveSession();
        var sent = browser.post("/masuk", Map.of("email", ApiClient.PRODUCER, "password", ApiClient.DEMO_PASSWORD));
        assertThat(sent.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk?sesi=berakhir"));
        browser.get("/masuk?sesi=berakhir");
        browser.post("/masuk", Map.of("email", ApiClient.PRODUCER, "password", ApiClient.DEMO_PASSWORD));
        assertThat(browser.get("/masuk/lanjutkan").headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor"));
    }

    @Test
    void anUploadTooLargeForTheServerGetsThePortalsOwnPageInTheVisitorsLanguage() throws Exception {
        var product = newProducerWithPublishedProduct();
        var browser = new FormBrowser(port);
        browser.signIn(product.email(), SIGN_UP_PASSWORD);
        // the English page's form sends to its address with ?lang=en
        var huge = browser.postMultipart("/dasbor/produk/" + product.id() + "/foto?lang=en", Map.of("altId", "Besar"),
                "besar.jpg", "image/jpeg", new byte[40 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("File too large", "a photo may be at most 15 MB", "Make the photo smaller")
            .doesNotContain("Access denied");
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        assertThat(huge.body()).as("back to the form, and the languages of that page")
            .contains("href=\"" + photos + "?lang=en\">Back to the form</a>", "href=\"" + photos + "?lang=id\"",
                    "href=\"" + photos + "?lang=en\" hreflang=\"en\"");

        // the tester's 54 MB photo, on the Indonesian page
        var photo = browser.postMultipart(photos, Map.of("altId", "Besar"), "besar.jpg", "image/jpeg",
                new byte[54 * 1024 * 1024]);
        assertThat(photo.statusCode()).isEqualTo(413);
        assertThat(photo.body()).contains("Berkas terlalu besar", "foto paling besar 15 MB",
                "href=\"" + photos + "\">Kembali ke formulir</a>", "href=\"" + photos + "?lang=en\"");
        assertThat(browser.get(photos).body()).as("the link's page, by GET")
            .contains("enctype=\"multipart/form-data\"");

        // an address that is no page of the portal is never linked back to
        var nowhere = browser.postMultipart("/dasbor/tidak-ada", Map.of("altId", "Besar"), "besar.jpg", "image/jpeg",
                new byte[40 * 1024 * 1024]);
        assertThat(nowhere.statusCode()).isEqualTo(413);
        assertThat(nowhere.body()).doesNotContain("Kembali ke formulir", "/dasbor/tidak-ada")
            .contains("href=\"/?lang=en\"");
    }

    @Test
    void badAddressesGetThePortalsPagesNeverTheContainers() throws Exception {
        var browser = new FormBrowser(port);
        for (var path : new String[] { "/tidak-ada", "/merek/a;b=c", "/produk/%2e%2e/rahasia", "/desa//semoyang",
                "/dasbor/produk/%C0%AF/foto", "/merek/%00", "/media/..%2F..%2Fetc" }) {
            var page = browser.get(path);
            assertThat(page.statusCode()).as(path).isIn(400, 404);
            assertThat(page.body()).as(path)
                .contains("<header class=\"site-header\">")
                .doesNotContain("Tomcat", "Whitelabel");
        }
    }

    @Test
    void anotherBrandsProducerCannotOpenOrPostToAProductsPhotoPage() throws Exception {
        var product = newProducerWithPublishedProduct();
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        var other = new FormBrowser(port);
        other.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);

        var opened = other.get(photos, "Accept", "text/html");
        assertThat(opened.statusCode()).isEqualTo(403);
        assertThat(opened.body()).contains("Akses ditolak");
        // the form's CSRF token comes from a page the producer may open: their own
        // dashboard
        other.get("/dasbor");
        assertThat(
                other.postMultipart(photos, Map.of("altId", "Bukan milik saya"), "x.jpg", "image/jpeg", jpeg(300, 200))
                    .statusCode())
            .isEqualTo(403);
        assertThat(other.post(photos + "/hapus", Map.of("kunci", "x", "versi", "1")).statusCode()).isEqualTo(403);
        assertThat(imageKeys(product.id())).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var browser = new FormBrowser(port);
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var session = browser.sessionId();
        var signedOut = browser.post("/keluar", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(browser.get("/dasbor").statusCode()).isEqualTo(302);
        assertThat(browser.get("/").body()).contains("href=\"/masuk\"");

        var replayed = new FormBrowser(port).get("/dasbor", "Cookie", "JSESSIONID=" + session);
        assertThat(replayed.statusCode()).as("the old session cookie is worthless").isEqualTo(302);
    }

    @Test
    void theApiDoesNotAcceptThePagesSessionCookie() throws Exception {
        var browser = new FormBrowser(port);
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var slug = ApiClient.unique("uji-kuki");
        var body = JSON.writeValueAsString(
                Map.of("query", "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } } }",
                        "variables", Map.of("input", Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm",
                                "KELOMPOK_PENGRAJIN", "villageSlug", "banyumulek"))));
        var response = browser.send(HttpRequest.newBuilder(browser.uri("/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(ApiClient.outcome(response.body(), "createBrand")).isEqualTo("UNAUTHORIZED");
        var me = browser.send(HttpRequest.newBuilder(browser.uri("/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", "{ me { email } }")))));
        assertThat((Object) JsonPath.read(me.body(), "$.data.me")).isNull();
    }

    // ---- helpers

    record NewProduct(String email, String token, String brandId, String id, String slug, String title) {
    }

    /** A new producer with a verified brand and one published product without images. */
    /**
     * The producer signs in on the browser and adds a photo to the product, from its
     * photo page: the photo's key.
     */
    private String signedInWithAPhoto(FormBrowser browser, NewProduct product) throws Exception {
        var photos = "/dasbor/produk/" + product.id() + "/foto";
        browser.signIn(product.email(), SIGN_UP_PASSWORD);
        browser.postMultipart(photos, Map.of("altId", "Kendi"), "kendi.jpg", "image/jpeg", jpeg(600, 600));
        browser.get(photos);
        return imageKeys(product.id()).getFirst();
    }

    private NewProduct newProducerWithPublishedProduct() throws Exception {
        var email = ApiClient.unique("produsen") + "@contoh.id";
        var token = api.signUp(email, "PRODUCER");
        var slug = ApiClient.unique("uji-dasbor");
        var brand = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm",
                        "KELOMPOK_PENGRAJIN", "villageSlug", "banyumulek")),
                token);
        String brandId = JsonPath.read(brand, "$.data.createBrand.brand.id");
        api.submitAndVerify(brandId, token);
        var title = "Kendi maling " + slug;
        var created = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id slug } userErrors { code } } }",
                Map.of("brandId", brandId, "title", ApiClient.text(title, "Kendi maling jug"), "categorySlug",
                        "kendi-dan-teko", "price", 85_000, "availability", "READY_STOCK", "stockQuantity", 5),
                token);
        String id = JsonPath.read(created, "$.data.createProduct.product.id");
        assertThat(ApiClient.outcome(api.mutate(
                "mutation($input: ProductTransitionInput!) { publishProduct(input: $input) { userErrors { code } } }",
                Map.of("id", id), token), "publishProduct"))
            .isEqualTo("ok");
        return new NewProduct(email, token, brandId, id, JsonPath.read(created, "$.data.createProduct.product.slug"),
                title);
    }

    /** The hidden fields of the first form on a page, as the browser would send them. */
    private String imageAlt(String productId) throws Exception {
        return JsonPath
            .read(api.query("query($id: ID!) { node(id: $id) { ... on Product { images { alt { indonesian } } } } }",
                    Map.of("id", productId), api.signIn(ApiClient.ADMIN)), "$.data.node.images[0].alt.indonesian");
    }

    private List<String> imageKeys(String productId) throws Exception {
        return JsonPath
            .read(api.query("query($id: ID!) { node(id: $id) { ... on Product { images { image { id } } } } }",
                    Map.of("id", productId), api.signIn(ApiClient.ADMIN)), "$.data.node.images[*].image.id");
    }

    private String version(String productId) throws Exception {
        return String.valueOf(
                (Integer) JsonPath.read(api.query("query($id: ID!) { node(id: $id) { ... on Product { version } } }",
                        Map.of("id", productId), api.signIn(ApiClient.ADMIN)), "$.data.node.version"));
    }

    /**
     * A photo no other test uploads: images are stored by their content, and a photo
     * another brand's product shows already may not be taken over, so tests sharing the
     * database must not upload the same bytes.
     */
    static byte[] jpeg(int width, int height) throws Exception {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setColor(new Color(164, 80, 42));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(79, 107, 42));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        graphics.fillRect(0, 0, Math.max(8, width / 10), Math.max(8, height / 10));
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", out);
        return out.toByteArray();
    }

}
