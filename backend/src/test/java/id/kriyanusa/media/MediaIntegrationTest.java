package id.kriyanusa.media;

import static id.kriyanusa.platform.ApiClient.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.media.internal.ImageProcessor;
import id.kriyanusa.media.internal.MediaProperties;
import id.kriyanusa.media.internal.MediaRepository;
import id.kriyanusa.media.internal.ObjectStore;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.SharedRateLimits;
import id.kriyanusa.platform.SqlStatementCounter;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.village.Villages;
import io.minio.MinioClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads through presigned POST forms of the real S3 server and through the upload form,
 * verification, renditions, who may upload what, and serving with immutable caching.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MediaIntegrationTest {

    static final String REQUEST = """
            mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) {
              upload { id url method fields { name value } expiresAt maxSizeBytes } userErrors { field code
                  message } } }""";
    static final String CONFIRM = """
            mutation($input: ConfirmImageUploadInput!) { confirmImageUpload(input: $input) {
              image { id width height alt { indonesian english }
                      renditions { url width height format contentType sizeBytes }
                      srcset webp: srcset(format: WEBP) }
              userErrors { field code message } } }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    MediaRepository repository;

    @Autowired
    ImageProcessor processor;

    @Autowired
    MediaProperties properties;

    @Autowired
    Products products;

    @Autowired
    Brands brands;

    @Autowired
    Villages villages;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SharedRateLimits limits;

    @Autowired
    MediaUploads uploads;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient api;

    String producer;

    String brandId;

    String productId;

    @BeforeEach
    void producerWithAProduct() throws Exception {
        api = new ApiClient(new HttpTestClient(port));
        producer = api.signUp("PRODUCER");
        brandId = (String) api.createBrand(producer, "uji-media").get("id");
        var product = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }",
                Map.of("brandId", brandId, "title", ApiClient.text("Kendi uji " + ApiClient.unique("uji-media"), null),
                        "availability", "READY_STOCK", "stockQuantity", 3, "images",
                        List.of(ApiClient.image("uji/" + ApiClient.unique("lama") + ".jpg", "Foto lama", null))),
                producer);
        productId = JsonPath.read(product, "$.data.createProduct.product.id");
    }

    @Test
    void aPhotoUploadedThroughThePresignedUrlBecomesCleanRenditionsOfTheProduct() throws Exception {
        var photo = TestImages.jpegWithGps(2000, 1500, 6);
        var upload = requestUpload("PRODUCT", productId, "image/jpeg", photo.length, producer);
        assertThat(upload.get("method")).isEqualTo("POST");
        assertThat((List<String>) JsonPath.read(upload, "$.fields[*].name")).startsWith("key", "Content-Type")
            .contains("policy", "x-amz-signature");
        assertThat(OffsetDateTime.parse((String) upload.get("expiresAt")))
            .isBefore(OffsetDateTime.now().plusMinutes(11));

        assertThat(MediaApi.postToStorage(upload, photo).statusCode()).isEqualTo(204);
        var started = System.nanoTime();
        var body = confirm((String) upload.get("id"), "Kendi dari samping", "Jug seen from the side", producer);
        var elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(outcome(body, "confirmImageUpload")).as(body).isEqualTo("ok");
        assertThat(elapsedMs).as("confirming a 3-megapixel photo, ms").isLessThan(5_000);
        Map<String, Object> image = JsonPath.read(body, "$.data.confirmImageUpload.image");
        assertThat(image.get("id")).isEqualTo(ApiClient.imageId("img/" + ImageProcessor.sha256(photo)));
        assertThat(image).containsEntry("width", 1500).containsEntry("height", 2000);
        List<Map<String, Object>> renditions = JsonPath.read(body, "$.data.confirmImageUpload.image.renditions");

        assertThat(renditions.stream().filter(r -> r.get("format").equals("JPEG")).map(r -> r.get("width")))
            .containsExactly(160, 480, 960, 1500);
        assertThat(renditions.stream().filter(r -> r.get("format").equals("WEBP")).map(r -> r.get("width")))
            .containsExactly(160, 480, 960, 1500);
        assertThat((String) JsonPath.read(body, "$.data.confirmImageUpload.image.srcset")).contains(" 160w, ")
            .endsWith(" 1500w");
        assertThat((String) JsonPath.read(body, "$.data.confirmImageUpload.image.webp")).contains(".webp 480w");

        for (var rendition : renditions) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rendition.get("url"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue((String) rendition.get("contentType"));
            assertThat(TestImages.hasExif(response.body())).as("no EXIF in %s", rendition.get("url")).isFalse();
            if (rendition.get("format").equals("JPEG")) {
                assertThat(TestImages.hasGps(response.body())).isFalse();
                var decoded = TestImages.read(response.body());
                assertThat(decoded.getWidth()).isEqualTo(rendition.get("width"));
                assertThat(decoded.getHeight()).isEqualTo(rendition.get("height"));
            }
        }

        // the image is the product's second one, with its alternative text, and
        // renditions come batched
        var read = api.query("""
                query($id: ID!) { node(id: $id) { ... on Product { images { position alt { indonesian }
                  image { id width srcset(format: WEBP) } renditions { width format } } } } }""",
                Map.of("id", productId), producer);
        assertThat((String) JsonPath.read(read, "$.data.node.images[1].image.id")).isEqualTo(image.get("id"));
        assertThat((String) JsonPath.read(read, "$.data.node.images[1].alt.indonesian"))
            .isEqualTo("Kendi dari samping");
        assertThat((List<?>) JsonPath.read(read, "$.data.node.images[0].renditions")).isEmpty();
        assertThat((Object) JsonPath.read(read, "$.data.node.images[0].image")).isNull();
        assertThat((List<?>) JsonPath.read(read, "$.data.node.images[1].renditions")).hasSize(8);

        // the original stays private, the upload object is gone, a second confirmation
        // finds nothing
        assertThat(store.stat("originals/" + ImageProcessor.sha256(photo))).isNotNull();
        assertThat(store.stat("uploads/" + upload.get("id"))).isNull();
        assertThat(api.mutate(CONFIRM, Map.of("uploadId", upload.get("id")), producer)).contains("NOT_FOUND");
    }

    @Test
    void renditionsAreServedWithImmutableCachingAndConditionalRequests() throws Exception {
        var payload = uploadForm("PRODUCT", productId, "kendi.png", "image/png", TestImages.png(700, 500), producer);
        assertThat(payload.statusCode()).as(payload.body()).isEqualTo(200);
        String url = JsonPath.read(payload.body(), "$.image.renditions[0].url");
        var hash = url.substring("/media/".length(), "/media/".length() + 64);

        var first = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(first.headers().firstValue("ETag")).hasValue("\"" + hash + "\"");
        assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(ImageProcessor.sha256(first.body())).as("content-addressed").isEqualTo(hash);

        var again = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
            .header("If-None-Match", "\"" + hash + "\"")
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue("\"" + hash + "\"");

        var missing = http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/media/" + "0".repeat(64) + ".jpg"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        var original = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/media/originals/" + hash)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(original.statusCode()).as("originals are never served").isEqualTo(404);
    }

    @Test
    void aCmykPhotoFromAPrintWorkflowIsAcceptedAsSrgbRenditions() throws Exception {
        var photo = TestImages.cmykJpeg(1000, 800, true);
        var upload = requestUpload("PRODUCT", productId, "image/jpeg", photo.length, producer);
        MediaApi.postToStorage(upload, photo);
        var body = confirm((String) upload.get("id"), "Kendi dari katalog cetak", null, producer);

        assertThat(outcome(body, "confirmImageUpload")).as(body).isEqualTo("ok");
        List<Map<String, Object>> renditions = JsonPath.read(body, "$.data.confirmImageUpload.image.renditions");
        assertThat(renditions.stream().filter(r -> r.get("format").equals("JPEG")).map(r -> r.get("width")))
            .containsExactly(160, 480, 960, 1000);
        for (var rendition : renditions) {
            if (rendition.get("format").equals("JPEG")) {
                var served = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rendition.get("url"))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                var decoded = TestImages.read(served.body());
                assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
                assertThat(decoded.getHeight()).isEqualTo(rendition.get("height"));
                var corner = new java.awt.Color(decoded.getRGB(1, 1));
                assertThat(corner.getRed()).as("red mark at %s", rendition.get("width")).isGreaterThan(225);
                assertThat(corner.getGreen() + corner.getBlue()).isLessThan(60);
            }
        }
    }

    @Test
    void wrongTypesOversizedFilesAndPixelBombsAreRefusedWithClearUserErrors() throws Exception {
        var tooLarge = api.mutate(REQUEST, Map.of("target", "PRODUCT", "targetId", productId, "contentType",
                "image/jpeg", "sizeBytes", 20 * 1024 * 1024), producer);
        assertThat(outcome(tooLarge, "requestImageUpload")).isEqualTo("userError:TOO_LARGE");
        var gif = api.mutate(REQUEST,
                Map.of("target", "PRODUCT", "targetId", productId, "contentType", "image/gif", "sizeBytes", 1000),
                producer);
        assertThat(outcome(gif, "requestImageUpload")).isEqualTo("userError:UNSUPPORTED_TYPE");

        assertThat(uploadAndConfirm("image/png", TestImages.jpeg(300, 200))).isEqualTo("userError:TYPE_MISMATCH");
        assertThat(uploadAndConfirm("image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("userError:NOT_AN_IMAGE");
        assertThat(uploadAndConfirm("image/jpeg", TestImages.htmlPolyglot())).isEqualTo("userError:POLYGLOT");

        var started = System.nanoTime();
        assertThat(uploadAndConfirm("image/png", TestImages.pngBomb(30_000, 30_000)))
            .isEqualTo("userError:TOO_MANY_PIXELS");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for a 900-megapixel PNG").isLessThan(3_000);

        // sent as another type than declared: storage refuses it
        var photo = TestImages.jpeg(400, 300);
        var untyped = requestUpload("PRODUCT", productId, "image/jpeg", photo.length, producer);
        assertThat(
                MediaApi.postToStorage(untyped, photo, Map.of("Content-Type", "application/octet-stream")).statusCode())
            .isEqualTo(403);
        assertThat(outcome(confirm((String) untyped.get("id"), null, null, producer), "confirmImageUpload"))
            .isEqualTo("userError:NOT_UPLOADED");

        // nothing uploaded yet
        var empty = requestUpload("PRODUCT", productId, "image/jpeg", photo.length, producer);
        assertThat(outcome(confirm((String) empty.get("id"), null, null, producer), "confirmImageUpload"))
            .isEqualTo("userError:NOT_UPLOADED");

        var form = uploadForm("PRODUCT", productId, "not-an-image.jpg", "image/jpeg",
                "hello".getBytes(StandardCharsets.UTF_8), producer);
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat((String) JsonPath.read(form.body(), "$.userErrors[0].code")).isEqualTo("NOT_AN_IMAGE");

        assertThat(imageAlts()).as("nothing was added").containsExactly("Foto lama");
    }

    @Test
    void anExpiredUrlIsRefusedByStorageAndTheCleanupRemovesExpiredUploads() throws Exception {
        var key = "uploads/" + UUID.randomUUID();
        var form = store.presignedPost(key, "image/jpeg", 100_000, OffsetDateTime.now().plusSeconds(1));
        Thread.sleep(2_100);
        var fields = form.fields()
            .entrySet()
            .stream()
            .map(f -> Map.of("name", f.getKey(), "value", f.getValue()))
            .toList();
        assertThat(MediaApi.postToStorage(Map.of("url", form.url(), "fields", fields), TestImages.jpeg(100, 100))
            .statusCode()).isEqualTo(403);
        assertThat(store.stat(key)).isNull();

        var photo = TestImages.jpeg(200, 100);
        var upload = requestUpload("PRODUCT", productId, "image/jpeg", photo.length, producer);
        MediaApi.postToStorage(upload, photo);
        jdbc.sql("update media_upload set expires_at = now() - interval '1 minute' where id = ?::uuid")
            .param(upload.get("id"))
            .update();
        assertThat(outcome(confirm((String) upload.get("id"), null, null, producer), "confirmImageUpload"))
            .isEqualTo("userError:EXPIRED");

        assertThat(uploads.removeExpiredUploads()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from media_upload where id = ?::uuid")
            .param(upload.get("id"))
            .query(Long.class)
            .single()).isZero();
        assertThat(store.stat("uploads/" + upload.get("id"))).isNull();
    }

    @Test
    void onlyMembersOfTheProductsBrandMayAddItsImages() throws Exception {
        var request = Map.of("target", "PRODUCT", "targetId", productId, "contentType", "image/jpeg", "sizeBytes",
                1000);
        assertThat(outcome(api.mutate(REQUEST, request, null), "requestImageUpload")).isEqualTo("UNAUTHORIZED");
        // the demo producer belongs to other brands and does not even see this draft
        assertThat(outcome(api.mutate(REQUEST, request, api.signIn(ApiClient.PRODUCER)), "requestImageUpload"))
            .isEqualTo("NOT_FOUND");
        assertThat(outcome(api.mutate(REQUEST, request, api.signIn(ApiClient.ADMIN)), "requestImageUpload"))
            .isEqualTo("ok");

        // a published product of another brand: visible, but not theirs
        var published = api.query(
                "query { products(first: 1, filter: { brands: [\"koperasi-kriya-tembakau-semoyang\"] }) { edges { node { id } } } }",
                Map.of(), null);
        String othersProduct = JsonPath.read(published, "$.data.products.edges[0].node.id");
        var theirs = Map.of("target", "PRODUCT", "targetId", othersProduct, "contentType", "image/jpeg", "sizeBytes",
                1000);
        assertThat(outcome(api.mutate(REQUEST, theirs, producer), "requestImageUpload")).isEqualTo("FORBIDDEN");
        assertThat(outcome(api.mutate(REQUEST, theirs, api.signIn(ApiClient.BUYER)), "requestImageUpload"))
            .isEqualTo("FORBIDDEN");
        assertThat(outcome(api.mutate(REQUEST, theirs, api.signIn(ApiClient.CURATOR)), "requestImageUpload"))
            .as("curators do not edit listings")
            .isEqualTo("FORBIDDEN");
        assertThat(outcome(api.mutate(REQUEST, theirs, api.signIn(ApiClient.PRODUCER)), "requestImageUpload"))
            .isEqualTo("ok");

        // someone else's upload id is unknown to the caller
        var upload = requestUpload("PRODUCT", productId, "image/jpeg", 1000, producer);
        assertThat(
                outcome(confirm((String) upload.get("id"), null, null, api.signUp("PRODUCER")), "confirmImageUpload"))
            .isEqualTo("NOT_FOUND");

        var form = uploadForm("PRODUCT", othersProduct, "x.jpg", "image/jpeg", TestImages.jpeg(50, 50), producer);
        assertThat(form.statusCode()).isEqualTo(403);
        var anonymousForm = uploadForm("PRODUCT", productId, "x.jpg", "image/jpeg", TestImages.jpeg(50, 50), null);
        assertThat(anonymousForm.statusCode()).as("no bearer token: CSRF applies").isEqualTo(403);
    }

    /**
     * A brand's image ids follow GraphQL's rule on a change: left out keeps the image,
     * null removes it; an empty string, the way older clients removed one, still does
     * (deprecated). A new brand takes null or an empty string as no image.
     */
    @Test
    void aBrandImageIsKeptWhenLeftOutAndRemovedByNullOrTheDeprecatedEmptyString() throws Exception {
        var logo = uploadForm("BRAND_LOGO", brandId, "logo.png", "image/png", TestImages.png(300, 300), producer);
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);
        String id = JsonPath.read(logo.body(), "$.image.id");
        var withCover = changeBrand(Map.of("coverImageId", id));
        assertThat((String) JsonPath.read(withCover, "$.data.updateBrand.brand.cover.id")).isEqualTo(id);
        var leftOut = changeBrand(Map.of("tagline", "Gerabah dari Banyumulek"));
        assertThat((String) JsonPath.read(leftOut, "$.data.updateBrand.brand.logo.id")).as("kept").isEqualTo(id);
        assertThat((String) JsonPath.read(leftOut, "$.data.updateBrand.brand.cover.id")).as("kept").isEqualTo(id);
        var removeCover = new HashMap<String, Object>();
        removeCover.put("coverImageId", null);
        var noCover = changeBrand(removeCover);
        assertThat((Object) JsonPath.read(noCover, "$.data.updateBrand.brand.cover")).isNull();
        assertThat((String) JsonPath.read(noCover, "$.data.updateBrand.brand.logo.id")).as("kept").isEqualTo(id);
        var noLogo = changeBrand(Map.of("logoImageId", ""));
        assertThat((Object) JsonPath.read(noLogo, "$.data.updateBrand.brand.logo")).as("deprecated, still read")
            .isNull();

        var create = """
                mutation($input: CreateBrandInput!) { createBrand(input: $input) {
                  brand { logo { id } cover { id } } userErrors { field code } } }""";
        var input = new HashMap<String, Object>();
        input.put("name", "Kelompok " + ApiClient.unique("uji"));
        input.put("legalForm", "KELOMPOK_PENGRAJIN");
        input.put("villageSlug", "semoyang");
        input.put("logoImageId", null);
        input.put("coverImageId", "");
        var created = api.mutate(create, input, producer);
        assertThat(outcome(created, "createBrand")).as(created).isEqualTo("ok");
        assertThat((Object) JsonPath.read(created, "$.data.createBrand.brand.logo")).isNull();
        assertThat((Object) JsonPath.read(created, "$.data.createBrand.brand.cover")).isNull();
    }

    /** Changes the test's brand, at its current version, and answers the payload. */
    private String changeBrand(Map<String, Object> fields) throws Exception {
        var version = (Integer) JsonPath.read(api
            .query("query($id: ID!) { node(id: $id) { ... on Brand { version } } }", Map.of("id", brandId), producer),
                "$.data.node.version");
        var input = new HashMap<>(fields);
        input.put("id", brandId);
        input.put("expectedVersion", version);
        var body = api.mutate("""
                mutation($input: UpdateBrandInput!) { updateBrand(input: $input) {
                  brand { logo { id } cover { id } } userErrors { field code } } }""", input, producer);
        assertThat(outcome(body, "updateBrand")).as(body).isEqualTo("ok");
        return body;
    }

    @Test
    void brandLogosByMembersAndVillageHeroImagesByCurators() throws Exception {
        var logo = uploadForm("BRAND_LOGO", brandId, "logo.png", "image/png", TestImages.png(400, 400), producer);
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);
        String id = JsonPath.read(logo.body(), "$.image.id");
        var brand = api.query(
                "query($id: ID!) { node(id: $id) { ... on Brand { logo { id renditions(format: JPEG) { width } } cover { id } } } }",
                Map.of("id", brandId), producer);
        assertThat((String) JsonPath.read(brand, "$.data.node.logo.id")).isEqualTo(id);
        assertThat((List<Integer>) JsonPath.read(brand, "$.data.node.logo.renditions[*].width")).containsExactly(160,
                400);
        assertThat((Object) JsonPath.read(brand, "$.data.node.cover")).isNull();

        // the image is a node of its own, and the brand's cover can be given by its id
        var image = api.query("query($id: ID!) { node(id: $id) { ... on Image { id width } } }", Map.of("id", id),
                null);
        assertThat((Integer) JsonPath.read(image, "$.data.node.width")).isEqualTo(400);
        var update = """
                mutation($input: UpdateBrandInput!) { updateBrand(input: $input) {
                  brand { version cover { id } } userErrors { field code } } }""";
        var version = (Integer) JsonPath.read(api
            .query("query($id: ID!) { node(id: $id) { ... on Brand { version } } }", Map.of("id", brandId), producer),
                "$.data.node.version");
        var notAnImage = api.mutate(update, Map.of("id", brandId, "expectedVersion", version, "coverImageId", brandId),
                producer);
        assertThat((List<String>) JsonPath.read(notAnImage, "$.data.updateBrand.userErrors[*].field"))
            .containsExactly("input.coverImageId");
        var cover = api.mutate(update, Map.of("id", brandId, "expectedVersion", version, "coverImageId", id), producer);
        assertThat((String) JsonPath.read(cover, "$.data.updateBrand.brand.cover.id")).isEqualTo(id);

        String villageId = JsonPath.read(api.query("query { village(slug: \"semoyang\") { id } }", Map.of(), null),
                "$.data.village.id");
        var hero = Map.of("target", "VILLAGE_HERO", "targetId", villageId, "contentType", "image/jpeg", "sizeBytes",
                1000);
        assertThat(outcome(api.mutate(REQUEST, hero, producer), "requestImageUpload")).isEqualTo("FORBIDDEN");
        var curator = api.signIn(ApiClient.CURATOR);
        var photo = TestImages.jpeg(1800, 900);
        var upload = requestUpload("VILLAGE_HERO", villageId, "image/jpeg", photo.length, curator);
        MediaApi.postToStorage(upload, photo);
        assertThat(outcome(confirm((String) upload.get("id"), "Desa Semoyang", null, curator), "confirmImageUpload"))
            .isEqualTo("ok");
        var village = api.query(
                "query { villages(first: 50) { edges { node { slug heroImage { width alt { indonesian } srcset } } } } }",
                Map.of(), null);
        assertThat((List<Integer>) JsonPath.read(village,
                "$.data.villages.edges[?(@.node.slug == 'semoyang')].node.heroImage.width"))
            .containsExactly(1800);
        assertThat((List<String>) JsonPath.read(village,
                "$.data.villages.edges[?(@.node.slug == 'semoyang')].node.heroImage.srcset"))
            .singleElement()
            .asString()
            .endsWith(" 1600w");
    }

    @Test
    void whenStorageIsDownNothingIsRecorded() throws Exception {
        var accountId = jdbc.sql("select owner_id from media_upload where id = ?::uuid")
            .param(requestUpload("PRODUCT", productId, "image/jpeg", 1000, producer).get("id"))
            .query(Long.class)
            .single();
        var deadStorage = MinioClient.builder()
            .endpoint("http://127.0.0.1:9")
            .credentials("x", "yyyyyyyy")
            .region("us-east-1")
            .build();
        var broken = new MediaUploads(repository,
                new ObjectStore(deadStorage, URI.create("http://127.0.0.1:9"), "kriyanusa-media"), processor,
                properties, products, brands, villages, transactions, limits);
        var images = jdbc.sql("select count(*) from media_image").query(Long.class).single();
        var jwt = Jwt.withTokenValue("test").header("alg", "none").subject(String.valueOf(accountId)).build();
        SecurityContextHolder.getContext()
            .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_PRODUCER"))));
        try {
            var payload = broken.uploadDirectly(
                    new MediaUploads.DirectUpload(MediaUploads.TargetKey.decode(ImageTarget.PRODUCT, productId),
                            "image/jpeg", TestImages.jpeg(640, 480), "Kendi", null));
            assertThat(payload.image()).isNull();
            assertThat(payload.userErrors()).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo(UserErrorCode.STORAGE_UNAVAILABLE);
                assertThat(error.message()).contains("nothing was saved");
            });
            assertThat(broken.request(MediaUploads.TargetKey.decode(ImageTarget.PRODUCT, productId), "image/jpeg", 1000)
                .userErrors()).isEmpty(); // the upload form is signed locally, no round
                                          // trip
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("select count(*) from media_image").query(Long.class).single()).isEqualTo(images);
        assertThat(imageAlts()).containsExactly("Foto lama");
    }

    @Test
    void renditionsOfAWholePageOfProductsAndBrandsCostOneStatementPerField() throws Exception {
        var document = """
                query($first: Int) { products(first: $first) { edges { node {
                  images { renditions { url } image { id width srcset } } brand { logo { id } cover { id } } } }
                      } }""";
        api.query(document, Map.of("first", 5), null);
        var five = SqlStatementCounter.fewest(() -> api.query(document, Map.of("first", 5), null));
        var hundred = SqlStatementCounter.fewest(() -> api.query(document, Map.of("first", 100), null));
        var small = five.response();
        var large = hundred.response();
        var forFive = five.statements();
        var forHundred = hundred.statements();

        assertThat(small).doesNotContain("\"errors\"");
        assertThat((List<?>) JsonPath.read(large, "$.data.products.edges")).hasSize(100);
        assertThat(forHundred).as("statements for 100 products vs 5").isEqualTo(forFive);
    }

    // ---- helpers

    private Map<String, Object> requestUpload(String target, String targetId, String contentType, int size,
            String token) throws Exception {
        var body = api.mutate(REQUEST,
                Map.of("target", target, "targetId", targetId, "contentType", contentType, "sizeBytes", size), token);
        assertThat(outcome(body, "requestImageUpload")).as(body).isEqualTo("ok");
        return JsonPath.read(body, "$.data.requestImageUpload.upload");
    }

    private String confirm(String uploadId, String altId, String altEn, String token) throws Exception {
        var input = new HashMap<String, Object>();
        input.put("uploadId", uploadId);
        input.put("alt", ApiClient.text(altId, altEn));
        return api.mutate(CONFIRM, input, token);
    }

    /** The Indonesian alternative texts of the product's images, in order. */
    private List<String> imageAlts() throws Exception {
        return JsonPath
            .read(api.query("query($id: ID!) { node(id: $id) { ... on Product { images { alt { indonesian } } } } }",
                    Map.of("id", productId), producer), "$.data.node.images[*].alt.indonesian");
    }

    private String uploadAndConfirm(String contentType, byte[] bytes) throws Exception {
        var upload = requestUpload("PRODUCT", productId, contentType, bytes.length, producer);
        assertThat(MediaApi.postToStorage(upload, bytes).statusCode()).isEqualTo(204);
        return outcome(confirm((String) upload.get("id"), null, null, producer), "confirmImageUpload");
    }

    private HttpResponse<String> uploadForm(String target, String targetId, String filename, String contentType,
            byte[] bytes, String token) throws Exception {
        return MediaApi.uploadForm(port, target, targetId, filename, contentType, bytes, token);
    }

}
