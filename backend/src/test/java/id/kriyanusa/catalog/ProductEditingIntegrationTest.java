package id.kriyanusa.catalog;

import static id.kriyanusa.catalog.CatalogApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Producers list their products, complete them, publish and archive them, through the
 * API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductEditingIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CatalogApi api;

    String producer;

    String brandId;

    @BeforeEach
    void signIn() throws Exception {
        api = new CatalogApi(new HttpTestClient(port));
        producer = api.signUp("PRODUCER");
        brandId = (String) api.createBrand(producer).get("id");
    }

    @Test
    void aDraftIsSavedNormalisedAndCanBePublishedOnceComplete() throws Exception {
        var title = CatalogApi.unique("Syal Eco-print Daun Tembakau");
        // photos of this brand's own (keys of made-up uploads: another brand's photo
        // would be refused)
        var folded = "uji/" + ApiClient.unique("syal-1") + ".jpg";
        var flat = "uji/" + ApiClient.unique("syal-2") + ".jpg";
        var input = new HashMap<String, Object>();
        input.put("brandId", brandId);
        input.put("title", ApiClient.text("  " + title + " ", null));
        input.put("materials", List.of("Katun ", "daun  tembakau", "katun", " "));
        input.put("techniques", List.of("Eco-print"));
        input.put("dimensions", Map.of("lengthCm", 180, "widthCm", 50.04));
        input.put("availability", "MADE_TO_ORDER");
        input.put("leadTimeDays", 14);
        input.put("stockQuantity", 3);
        input.put("images", List.of(ApiClient.image(folded, null, null), ApiClient.image(flat, "Syal dilipat", null)));
        var body = api.call(CatalogApi.CREATE, input, producer);

        assertThat(outcome(body, "createProduct")).as(body).isEqualTo("ok");
        Map<String, Object> product = JsonPath.read(body, "$.data.createProduct.product");
        assertThat(product.get("slug")).isEqualTo(title.toLowerCase().replace(' ', '-'));
        assertThat(product.get("status")).isEqualTo("DRAFT");
        assertThat(product.get("viewerCanEdit")).isEqualTo(true);
        assertThat((List<String>) JsonPath.read(body, "$.data.createProduct.product.materials"))
            .containsExactly("katun", "daun tembakau");
        assertThat((Double) JsonPath.read(body, "$.data.createProduct.product.dimensions.widthCm")).isEqualTo(50.0);
        assertThat((Object) JsonPath.read(body, "$.data.createProduct.product.stockQuantity"))
            .as("only made-to-order details kept")
            .isNull();
        assertThat((List<Integer>) JsonPath.read(body, "$.data.createProduct.product.images[*].position"))
            .containsExactly(0, 1);
        assertThat((String) JsonPath.read(body, "$.data.createProduct.product.images[1].alt.indonesian"))
            .isEqualTo("Syal dilipat");

        // a second product with the same title gets the next free slug
        var twin = api.createProduct(Map.of("brandId", brandId, "title", ApiClient.text(title, null), "availability",
                "READY_STOCK", "stockQuantity", 0), producer);
        assertThat(twin.get("slug")).isEqualTo(title.toLowerCase().replace(' ', '-') + "-2");

        // publishing says what is missing, field by field, and changes nothing
        var refused = api.call(CatalogApi.PUBLISH, Map.of("id", product.get("id")), producer);
        assertThat((List<String>) JsonPath.read(refused, "$.data.publishProduct.userErrors[*].field"))
            .containsExactlyInAnyOrder("product.price", "product.categorySlug", "product.images[0].alt.indonesian");
        assertThat((String) JsonPath.read(api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer),
                "$.data.product.status"))
            .isEqualTo("DRAFT");

        var completed = api.call(CatalogApi.UPDATE,
                Map.of("id", product.get("id"), "expectedVersion", 0, "price", 175_000, "categorySlug", "eco-print",
                        "images", List.of(ApiClient.image(folded, "Syal eco-print coklat", null),
                                ApiClient.image(flat, "Syal dilipat", null))),
                producer);
        assertThat(outcome(completed, "updateProduct")).as(completed).isEqualTo("ok");
        var published = api.call(CatalogApi.PUBLISH, Map.of("id", product.get("id")), producer);
        assertThat(outcome(published, "publishProduct")).as(published).isEqualTo("ok");
        assertThat((String) JsonPath.read(published, "$.data.publishProduct.product.status")).isEqualTo("PUBLISHED");
        assertThat((String) JsonPath.read(published, "$.data.publishProduct.product.publishedAt")).isNotBlank();
        assertThat((Integer) JsonPath.read(published, "$.data.publishProduct.product.version")).isEqualTo(2);
        assertThat(outcome(api.call(CatalogApi.PUBLISH, Map.of("id", product.get("id")), producer), "publishProduct"))
            .isEqualTo("userError:INVALID_STATE");

        // a published product stays complete
        var removingCategory = new HashMap<String, Object>();
        removingCategory.put("id", product.get("id"));
        removingCategory.put("expectedVersion", 2);
        removingCategory.put("categorySlug", null);
        var refusedRemoval = api.call(CatalogApi.UPDATE, removingCategory, producer);
        assertThat((List<String>) JsonPath.read(refusedRemoval, "$.data.updateProduct.userErrors[*].field"))
            .containsExactly("input.categorySlug");

        var archived = api.call(CatalogApi.ARCHIVE, Map.of("id", product.get("id")), producer);
        assertThat((String) JsonPath.read(archived, "$.data.archiveProduct.product.status")).isEqualTo("ARCHIVED");
        assertThat((Object) JsonPath.read(api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), null),
                "$.data.product"))
            .isNull();
        assertThat(outcome(api.call(CatalogApi.PUBLISH, Map.of("id", product.get("id")), producer), "publishProduct"))
            .isEqualTo("ok");
    }

    @Test
    void badInputGetsUserErrorsNamingEachFieldAndSavesNothing() throws Exception {
        var title = CatalogApi.unique("Kendi Salah");
        var input = new HashMap<String, Object>();
        input.put("brandId", brandId);
        input.put("title", ApiClient.text(title, null));
        input.put("slug", "Bukan Slug!");
        input.put("price", -85_000);
        input.put("description", ApiClient.text("a".repeat(1_000_000), null));
        input.put("categorySlug", "tidak-ada");
        input.put("availability", "MADE_TO_ORDER");
        input.put("leadTimeDays", 400);
        input.put("weightGrams", 0);
        input.put("dimensions", Map.of("heightCm", -3));
        input.put("images",
                Collections.nCopies(13, ApiClient.image("uji/" + ApiClient.unique("kendi") + ".jpg", "Kendi", null)));
        var body = api.call(CatalogApi.CREATE, input, producer);

        List<String> fields = JsonPath.read(body, "$.data.createProduct.userErrors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("input.slug", "input.price", "input.description.indonesian",
                "input.categorySlug", "input.leadTimeDays", "input.weightGrams", "input.dimensions.heightCm",
                "input.images");
        assertThat((Object) JsonPath.read(body, "$.data.createProduct.product")).isNull();

        var wholesale = CatalogApi.completeProduct(brandId);
        wholesale.put("title", ApiClient.text(title, "x".repeat(141)));
        wholesale.put("wholesalePrice", 85_000);
        var atPrice = api.call(CatalogApi.CREATE, wholesale, producer);
        assertThat((List<String>) JsonPath.read(atPrice, "$.data.createProduct.userErrors[*].code"))
            .containsExactlyInAnyOrder("NOT_BELOW_PRICE", "TOO_LONG");
        assertThat((List<String>) JsonPath.read(atPrice, "$.data.createProduct.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.wholesalePrice", "input.title.english");

        var parent = CatalogApi.completeProduct(brandId);
        parent.put("title", ApiClient.text(title, null));
        parent.put("categorySlug", "gerabah");
        assertThat(outcome(api.call(CatalogApi.CREATE, parent, producer), "createProduct"))
            .isEqualTo("userError:NOT_A_LEAF");

        // a draft may wait for its stock; publishing asks for it, with the price and the
        // category
        var noStock = Map.of("brandId", brandId, "title", ApiClient.text("Draf tanpa stok", null), "availability",
                "READY_STOCK");
        var draft = api.call(CatalogApi.CREATE, noStock, producer);
        assertThat(outcome(draft, "createProduct")).isEqualTo("ok");
        assertThat(
                (List<String>) JsonPath.read(
                        api.call(CatalogApi.PUBLISH,
                                Map.of("id", JsonPath.read(draft, "$.data.createProduct.product.id")), producer),
                        "$.data.publishProduct.userErrors[*].field"))
            .containsExactlyInAnyOrder("product.price", "product.categorySlug", "product.stockQuantity");

        // images are given by an image's id, and a brand's id is not one
        var notAnImage = CatalogApi.completeProduct(brandId);
        notAnImage.put("images", List.of(Map.of("imageId", brandId)));
        assertThat((List<String>) JsonPath.read(api.call(CatalogApi.CREATE, notAnImage, producer),
                "$.data.createProduct.userErrors[*].field"))
            .containsExactly("input.images[0].imageId");

        assertThat(jdbc.sql("select count(*) from product where title_id = ?").param(title).query(Long.class).single())
            .isZero();

        // an update with bad input leaves the stored product as it was
        var product = api.createProduct(CatalogApi.completeProduct(brandId), producer);
        var update = api.call(CatalogApi.UPDATE, Map.of("id", product.get("id"), "expectedVersion", 0, "title",
                ApiClient.text(null, "Changed"), "wholesalePrice", 90_000, "images", List.of()), producer);
        assertThat((List<String>) JsonPath.read(update, "$.data.updateProduct.userErrors[*].field"))
            .containsExactly("input.wholesalePrice");
        var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        assertThat((String) JsonPath.read(stored, "$.data.product.title.english"))
            .isEqualTo("Kendi maling jug with gecko motif");
        assertThat((List<?>) JsonPath.read(stored, "$.data.product.images")).hasSize(1);
        assertThat((Integer) JsonPath.read(stored, "$.data.product.version")).isZero();

        // another product's slug is taken
        var taken = api.call(CatalogApi.UPDATE,
                Map.of("id", product.get("id"), "expectedVersion", 0, "slug", "kendi-maling-motif-cicak-banyumulek"),
                producer);
        assertThat(outcome(taken, "updateProduct")).isEqualTo("userError:TAKEN");
    }

    /**
     * Loaders written for the earlier API send a stock with a product made to order, or a
     * lead time with one in stock: refusing it would lose their products, so the value is
     * dropped unchecked, as the schema says on both fields, and reading the product back
     * shows what was kept.
     */
    @Test
    void aStockSentForAProductMadeToOrderIsDroppedAndTheProductSaved() throws Exception {
        var input = CatalogApi.completeProduct(brandId);
        input.put("availability", "MADE_TO_ORDER");
        input.put("leadTimeDays", 14);
        input.put("stockQuantity", -5);
        var product = api.createProduct(input, producer);
        assertThat(product.get("stockQuantity")).isNull();
        assertThat(product.get("leadTimeDays")).isEqualTo(14);

        var stock = api.call(CatalogApi.UPDATE,
                Map.of("id", product.get("id"), "expectedVersion", product.get("version"), "stockQuantity", 4),
                producer);
        assertThat(outcome(stock, "updateProduct")).as(stock).isEqualTo("ok");
        Map<String, Object> madeToOrder = JsonPath.read(stock, "$.data.updateProduct.product");
        assertThat(madeToOrder.get("stockQuantity")).isNull();
        assertThat(madeToOrder.get("leadTimeDays")).as("kept").isEqualTo(14);

        var switched = api.call(CatalogApi.UPDATE, Map.of("id", product.get("id"), "expectedVersion",
                madeToOrder.get("version"), "availability", "READY_STOCK", "stockQuantity", 4, "leadTimeDays", 7),
                producer);
        assertThat(outcome(switched, "updateProduct")).as(switched).isEqualTo("ok");
        Map<String, Object> inStock = JsonPath.read(switched, "$.data.updateProduct.product");
        assertThat(inStock.get("stockQuantity")).isEqualTo(4);
        assertThat(inStock.get("leadTimeDays")).as("dropped").isNull();
    }

    /** A slug given above 100 characters is TOO_LONG, as any text too long (ADR 0028). */
    @Test
    void aSlugGivenTooLongIsTooLong() throws Exception {
        var input = CatalogApi.completeProduct(brandId);
        input.put("slug", "a".repeat(101));
        assertThat(errors(api.call(CatalogApi.CREATE, input, producer), "createProduct"))
            .containsExactly("input.slug TOO_LONG");
    }

    /**
     * A taken slug is said with the input's other problems, not on the next try, so that
     * one attempt shows everything to fix.
     */
    @Test
    void aTakenSlugIsSaidWithTheOtherProblemsAtOnce() throws Exception {
        var product = api.createProduct(CatalogApi.completeProduct(brandId), producer);
        var twin = CatalogApi.completeProduct(brandId);
        twin.put("slug", product.get("slug"));
        twin.put("price", 0);
        assertThat(errors(api.call(CatalogApi.CREATE, twin, producer), "createProduct"))
            .containsExactlyInAnyOrder("input.slug TAKEN", "input.price OUT_OF_RANGE");
        var other = api.createProduct(CatalogApi.completeProduct(brandId), producer);
        assertThat(errors(api.call(CatalogApi.UPDATE,
                Map.of("id", other.get("id"), "expectedVersion", other.get("version"), "slug", product.get("slug"),
                        "weightGrams", 0),
                producer), "updateProduct"))
            .containsExactlyInAnyOrder("input.slug TAKEN", "input.weightGrams OUT_OF_RANGE");
    }

    /** The user errors of a payload, as `field CODE`. */
    private static List<String> errors(String body, String mutation) {
        List<Map<String, Object>> errors = JsonPath.read(body, "$.data." + mutation + ".userErrors");
        return errors.stream().map(error -> error.get("field") + " " + error.get("code")).toList();
    }

    /**
     * Dry runs of a new product and of a change answer what carrying them out would, for
     * the same callers, and save nothing.
     */
    @Test
    void dryRunsSayWhatWouldBeRefusedAndSaveNothing() throws Exception {
        var title = CatalogApi.unique("Kendi Cek");
        var input = CatalogApi.completeProduct(brandId);
        input.put("title", ApiClient.text(title, null));
        var checkCreate = CatalogApi.CREATE.replace("createProduct(input: $input)",
                "createProduct(input: $input, dryRun: true)");
        var fine = api.call(checkCreate, input, producer);
        assertThat((List<?>) JsonPath.read(fine, "$.data.createProduct.userErrors")).as(fine).isEmpty();
        assertThat((Object) JsonPath.read(fine, "$.data.createProduct.product")).isNull();
        input.put("wholesalePrice", 900_000);
        assertThat(outcome(api.call(checkCreate, input, producer), "createProduct"))
            .isEqualTo("userError:NOT_BELOW_PRICE");
        // an availability left out is the service's to refuse, as for a change
        var undecided = new HashMap<>(input);
        undecided.remove("wholesalePrice");
        undecided.remove("availability");
        assertThat(outcome(api.call(checkCreate, undecided, producer), "createProduct"))
            .isEqualTo("userError:REQUIRED");
        assertThat(outcome(api.call(checkCreate, input, api.signUp("PRODUCER")), "createProduct"))
            .isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("select count(*) from product where title_id = ?").param(title).query(Long.class).single())
            .isZero();

        var product = api.createProduct(CatalogApi.completeProduct(brandId), producer);
        var checkUpdate = CatalogApi.UPDATE.replace("updateProduct(input: $input)",
                "updateProduct(input: $input, dryRun: true)");
        var change = Map.of("id", product.get("id"), "expectedVersion", 0, "title", ApiClient.text(title, null));
        assertThat(outcome(api.call(checkUpdate, change, producer), "updateProduct")).isEqualTo("ok");
        assertThat(outcome(api.call(checkUpdate,
                Map.of("id", product.get("id"), "expectedVersion", 0, "slug", "Bukan!"), producer), "updateProduct"))
            .isEqualTo("userError:INVALID");
        var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        assertThat((Integer) JsonPath.read(stored, "$.data.product.version")).isZero();
        assertThat((String) JsonPath.read(stored, "$.data.product.title.indonesian")).isNotEqualTo(title);
    }

    @Test
    void twoConcurrentEditsOfTheSameVersionSaveOneAndReportAConflictToTheOther() throws Exception {
        var product = api.createProduct(CatalogApi.completeProduct(brandId), producer);
        var id = (String) product.get("id");
        var edits = List.<Map<String, Object>>of(
                Map.of("id", id, "expectedVersion", 0, "price", 120_000, "images", List.of()),
                Map.of("id", id, "expectedVersion", 0, "title", ApiClient.text(null, "Kendi maling, plain")));
        for (int round = 0; round < 3; round++) {
            var version = round == 0 ? 0
                    : (Integer) JsonPath.read(
                            api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer),
                            "$.data.product.version");
            var start = new CountDownLatch(1);
            var results = new ArrayList<Future<String>>();
            try (var pool = Executors.newFixedThreadPool(2)) {
                for (var edit : edits) {
                    var attempt = new HashMap<>(edit);
                    attempt.put("expectedVersion", version);
                    results.add(pool.submit(() -> {
                        start.await();
                        return api.call(CatalogApi.UPDATE, attempt, producer);
                    }));
                }
                start.countDown();
            }
            var outcomes = new ArrayList<String>();
            for (var result : results) {
                outcomes.add(outcome(result.get(), "updateProduct"));
            }
            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("ok", "userError:CONFLICT");
            var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
            assertThat((Integer) JsonPath.read(stored, "$.data.product.version")).isEqualTo(version + 1);
        }

        // whoever lost reloads and applies the change again: both changes are kept, none
        // is lost
        var current = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        var version = (Integer) JsonPath.read(current, "$.data.product.version");
        for (var edit : edits) {
            var again = new HashMap<>(edit);
            again.put("expectedVersion", version++);
            assertThat(outcome(api.call(CatalogApi.UPDATE, again, producer), "updateProduct")).isEqualTo("ok");
        }
        var merged = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        assertThat((Integer) JsonPath.read(merged, "$.data.product.price")).isEqualTo(120_000);
        assertThat((String) JsonPath.read(merged, "$.data.product.title.english")).isEqualTo("Kendi maling, plain");
        assertThat((List<?>) JsonPath.read(merged, "$.data.product.images")).isEmpty();
        assertThat((Integer) JsonPath.read(merged, "$.data.product.version")).isEqualTo(5);
    }

    @Test
    void anUpdateKeepsTheFieldsItLeavesOutAndClearsTheOnesItSetsToNull() throws Exception {
        var input = CatalogApi.completeProduct(brandId);
        input.put("weightGrams", 850);
        input.put("minimumOrderQuantity", 10);
        input.put("wholesalePrice", 70_000);
        var product = api.createProduct(input, producer);

        var changes = new HashMap<String, Object>();
        changes.put("id", product.get("id"));
        changes.put("expectedVersion", product.get("version"));
        changes.put("price", 90_000);
        changes.put("wholesalePrice", null);
        changes.put("weightGrams", null);
        changes.put("description", null);
        var body = api.call(CatalogApi.UPDATE, changes, producer);

        assertThat(outcome(body, "updateProduct")).as(body).isEqualTo("ok");
        Map<String, Object> updated = JsonPath.read(body, "$.data.updateProduct.product");
        assertThat(updated.get("price")).isEqualTo(90_000);
        assertThat(updated.get("wholesalePrice")).as("cleared").isNull();
        assertThat(updated.get("weightGrams")).as("cleared").isNull();
        assertThat(updated.get("description")).as("cleared").isNull();
        assertThat(updated.get("minimumOrderQuantity")).as("kept").isEqualTo(10);
        assertThat(updated.get("stockQuantity")).as("kept").isEqualTo(12);
        assertThat(updated.get("title")).as("kept").isEqualTo(product.get("title"));
        assertThat(updated.get("materials")).as("kept").isEqualTo(List.of("tanah liat"));
        assertThat((String) JsonPath.read(body, "$.data.updateProduct.product.category.slug")).as("kept")
            .isEqualTo("kendi-dan-teko");
        assertThat((List<?>) JsonPath.read(body, "$.data.updateProduct.product.images")).as("kept").hasSize(1);

        // what a published product needs cannot be cleared
        var published = api.call(CatalogApi.PUBLISH, Map.of("id", product.get("id")), producer);
        assertThat(outcome(published, "publishProduct")).as(published).isEqualTo("ok");
        var clearing = new HashMap<String, Object>();
        clearing.put("id", product.get("id"));
        clearing.put("expectedVersion", JsonPath.read(published, "$.data.publishProduct.product.version"));
        clearing.put("price", null);
        var refused = api.call(CatalogApi.UPDATE, clearing, producer);
        assertThat(outcome(refused, "updateProduct")).as(refused).isEqualTo("userError:REQUIRED");
        assertThat((List<String>) JsonPath.read(refused, "$.data.updateProduct.userErrors[*].field"))
            .containsExactly("input.price");
        var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        assertThat((Integer) JsonPath.read(stored, "$.data.product.price")).isEqualTo(90_000);
    }

}
