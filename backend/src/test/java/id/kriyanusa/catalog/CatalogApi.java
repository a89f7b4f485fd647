package id.kriyanusa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;

/**
 * Drives the catalog API (and the few brand calls its tests need) over real HTTP, as
 * clients do.
 */
final class CatalogApi {

    static final String DEMO_PASSWORD = ApiClient.DEMO_PASSWORD;

    static final String PRODUCT_FIELDS = """
            id slug title { indonesian english } description { indonesian english } status version viewerCanEdit
            materials techniques
            dimensions { lengthCm widthCm heightCm } weightGrams price minimumOrderQuantity wholesalePrice
            availability stockQuantity leadTimeDays publishedAt category { slug } brand { slug }
            images { position image { id } alt { indonesian english } }
            """;
    static final String PAYLOAD = "{ product { " + PRODUCT_FIELDS + " } userErrors { field code message } }";

    static final String CREATE = "mutation($input: CreateProductInput!) { createProduct(input: $input) " + PAYLOAD
            + " }";
    static final String UPDATE = "mutation($input: UpdateProductInput!) { updateProduct(input: $input) " + PAYLOAD
            + " }";
    static final String PUBLISH = "mutation($input: ProductTransitionInput!) { publishProduct(input: $input) " + PAYLOAD
            + " }";
    static final String ARCHIVE = "mutation($input: ProductTransitionInput!) { archiveProduct(input: $input) " + PAYLOAD
            + " }";
    static final String BY_SLUG = "query($slug: String!) { product(slug: $slug) { " + PRODUCT_FIELDS + " } }";

    static final String CATEGORY_PAYLOAD = "{ category { id slug name { indonesian english } position retiredAt "
            + "parent { slug } children { slug } } userErrors { field code message } }";

    static final String CREATE_CATEGORY = "mutation($input: CreateCategoryInput!) { createCategory(input: $input) "
            + CATEGORY_PAYLOAD + " }";

    static final String UPDATE_CATEGORY = "mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) "
            + CATEGORY_PAYLOAD + " }";

    static final String RETIRE_CATEGORY = "mutation($input: RetireCategoryInput!) { retireCategory(input: $input) "
            + CATEGORY_PAYLOAD + " }";

    static final String RESTORE_CATEGORY = "mutation($input: RestoreCategoryInput!) { restoreCategory(input: $input) "
            + CATEGORY_PAYLOAD + " }";

    private final ApiClient api;

    CatalogApi(HttpTestClient client) {
        this.api = new ApiClient(client);
    }

    static String unique(String prefix) {
        return ApiClient.unique(prefix);
    }

    String signUp(String role) throws Exception {
        return api.signUp(role);
    }

    /** Signs in with one of the demo accounts. */
    String signIn(String email) throws Exception {
        return api.signIn(email);
    }

    /** A new DRAFT brand of the signed-in producer: its id and slug. */
    Map<String, Object> createBrand(String token) throws Exception {
        return api.createBrand(token, "uji-katalog");
    }

    /**
     * Submits the brand as its producer and verifies it as the curator, making it public.
     */
    void verifyBrand(String brandId, String producer, String curator) throws Exception {
        var submitted = call(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), producer);
        assertThat((List<?>) JsonPath.read(submitted, "$.data.submitBrandForVerification.userErrors")).as(submitted)
            .isEmpty();
        var verified = call(
                "mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), curator);
        assertThat((List<?>) JsonPath.read(verified, "$.data.verifyBrand.userErrors")).as(verified).isEmpty();
    }

    /**
     * A product that can be published as it is: title, price, category and alternative
     * text on its image.
     */
    static Map<String, Object> completeProduct(String brandId) {
        var input = new HashMap<String, Object>();
        input.put("brandId", brandId);
        input.put("title", ApiClient.text("Kendi maling motif cicak " + UUID.randomUUID().toString().substring(0, 6),
                "Kendi maling jug with gecko motif"));
        input.put("description", ApiClient.text("Kendi khas Lombok yang diisi dari bawah.", null));
        input.put("categorySlug", "kendi-dan-teko");
        input.put("materials", List.of("Tanah liat"));
        input.put("techniques", List.of("putar", "bakar jerami"));
        input.put("price", 85_000);
        input.put("availability", "READY_STOCK");
        input.put("stockQuantity", 12);
        input.put("images", List.of(ApiClient.image("uji/" + ApiClient.unique("kendi") + ".jpg", "Kendi maling coklat",
                "Brown kendi maling")));
        return input;
    }

    /**
     * A `CreateCategoryInput` named after its slug, top-level when the parent is null.
     */
    static Map<String, Object> newCategory(String slug, String parentSlug) {
        var input = new HashMap<String, Object>();
        input.put("slug", slug);
        input.put("parentSlug", parentSlug);
        input.put("name", ApiClient.text("Kriya " + slug, "Craft " + slug));
        return input;
    }

    /** A new category made by the curator (or admin) whose token is given. */
    Map<String, Object> createCategory(String slug, String parentSlug, String token) throws Exception {
        var body = call(CREATE_CATEGORY, newCategory(slug, parentSlug), token);
        assertThat((List<?>) JsonPath.read(body, "$.data.createCategory.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.createCategory.category");
    }

    Map<String, Object> createProduct(Map<String, Object> input, String token) throws Exception {
        var body = call(CREATE, input, token);
        assertThat((List<?>) JsonPath.read(body, "$.data.createProduct.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.createProduct.product");
    }

    Map<String, Object> publishedProduct(String brandId, String token) throws Exception {
        var product = createProduct(completeProduct(brandId), token);
        var body = call(PUBLISH, Map.of("id", product.get("id")), token);
        assertThat((List<?>) JsonPath.read(body, "$.data.publishProduct.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.publishProduct.product");
    }

    String call(String document, Map<String, ?> input, String token) throws Exception {
        return api.mutate(document, input, token);
    }

    String query(String document, Map<String, ?> variables, String token) throws Exception {
        return api.query(document, variables, token);
    }

    /**
     * What the caller noticed: {@code ok}, the error classification or
     * {@code userError:CODE}.
     */
    static String outcome(String body, String field) {
        return ApiClient.outcome(body, field);
    }

}
