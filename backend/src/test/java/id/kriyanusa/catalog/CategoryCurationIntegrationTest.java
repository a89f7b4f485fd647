package id.kriyanusa.catalog;

import static id.kriyanusa.catalog.CatalogApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * The department's curators manage the category taxonomy: two levels only, slugs unique
 * and fixed, retired categories hidden from the list while their products keep them, and
 * every change recorded with who made it. Who may call the mutations at all is in
 * {@link ProductAuthorisationIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CategoryCurationIntegrationTest {

    static final String TREE = "query($all: Boolean) { categories(includeRetired: $all) { slug retiredAt "
            + "children { slug position retiredAt } } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CatalogApi api;

    String curator;

    @BeforeEach
    void signIn() throws Exception {
        api = new CatalogApi(new HttpTestClient(port));
        curator = api.signIn(ApiClient.CURATOR);
    }

    @Test
    void aCuratorAddsCategoriesOnTwoLevelsInTheOrderChosen() throws Exception {
        var top = CatalogApi.unique("kriya-uji");
        api.createCategory(top, null, curator);
        var second = api.createCategory(top + "-kedua", top, curator);
        var first = api.createCategory(top + "-pertama", top, curator);
        var moved = api.call(CatalogApi.UPDATE_CATEGORY, Map.of("id", first.get("id"), "position", 0), curator);
        assertThat(outcome(moved, "updateCategory")).as(moved).isEqualTo("ok");

        var tree = api.query(TREE, Map.of(), null);
        assertThat((List<String>) JsonPath.read(tree, "$.data.categories[?(@.slug == '" + top + "')].children[*].slug"))
            .containsExactly((String) first.get("slug"), (String) second.get("slug"));

        var changedBy = jdbc.sql("""
                select a.email from category_change c join category k on k.id = c.category_id
                join account a on a.id = c.changed_by where k.slug = ? order by c.id""")
            .param(first.get("slug"))
            .query(String.class)
            .list();
        assertThat(changedBy).containsExactly(ApiClient.CURATOR, ApiClient.CURATOR);
    }

    /** Put where a sibling stands, a category comes before it; no two share a place. */
    @Test
    void aCategoryPutAtAnOccupiedPositionComesBeforeTheSiblingThatHeldIt() throws Exception {
        var top = CatalogApi.unique("kriya-uji");
        api.createCategory(top, null, curator);
        var first = api.createCategory(top + "-a", top, curator);
        var second = api.createCategory(top + "-b", top, curator);
        var third = api.createCategory(top + "-c", top, curator);
        var moved = api.call(CatalogApi.UPDATE_CATEGORY, Map.of("id", third.get("id"), "position", 1), curator);
        assertThat(outcome(moved, "updateCategory")).as(moved).isEqualTo("ok");
        var added = CatalogApi.newCategory(top + "-d", top);
        added.put("position", 2);
        assertThat(outcome(api.call(CatalogApi.CREATE_CATEGORY, added, curator), "createCategory")).isEqualTo("ok");

        var tree = api.query(TREE, Map.of(), null);
        var children = "$.data.categories[?(@.slug == '" + top + "')].children[*]";
        assertThat((List<String>) JsonPath.read(tree, children + ".slug")).containsExactly((String) third.get("slug"),
                top + "-d", (String) first.get("slug"), (String) second.get("slug"));
        assertThat((List<Integer>) JsonPath.read(tree, children + ".position")).doesNotHaveDuplicates();
    }

    @Test
    void aSlugIsTakenOnceAndBadInputIsReportedPerField() throws Exception {
        var slug = CatalogApi.unique("kriya-uji");
        api.createCategory(slug, null, curator);
        assertThat(outcome(api.call(CatalogApi.CREATE_CATEGORY, CatalogApi.newCategory(slug, null), curator),
                "createCategory"))
            .isEqualTo("userError:TAKEN");
        assertThat(outcome(api.call(CatalogApi.CREATE_CATEGORY, CatalogApi.newCategory("gerabah", null), curator),
                "createCategory"))
            .isEqualTo("userError:TAKEN");

        var bad = CatalogApi.newCategory("Bukan Slug!", "tidak-ada-" + slug);
        bad.put("name", ApiClient.text(" ", "x".repeat(81)));
        bad.put("position", -1);
        var before = jdbc.sql("select count(*) from category").query(Long.class).single();
        var body = api.call(CatalogApi.CREATE_CATEGORY, bad, curator);
        List<Map<String, String>> errors = JsonPath.read(body, "$.data.createCategory.userErrors");
        assertThat(errors).extracting(error -> error.get("field") + " " + error.get("code"))
            .containsExactlyInAnyOrder("input.slug INVALID", "input.name.indonesian REQUIRED",
                    "input.name.english TOO_LONG", "input.parentSlug NOT_FOUND", "input.position OUT_OF_RANGE");
        assertThat(jdbc.sql("select count(*) from category").query(Long.class).single()).isEqualTo(before);
    }

    /**
     * A dry run answers what the change would, for the same callers, and saves nothing:
     * what the console's forms use to show every problem at once.
     */
    @Test
    void aDryRunSaysWhatItWouldRefuseAndSavesNothing() throws Exception {
        var checkCreate = CatalogApi.CREATE_CATEGORY.replace("(input: $input)", "(input: $input, dryRun: true)");
        var slug = CatalogApi.unique("kriya-uji");
        var before = jdbc.sql("select count(*) from category").query(Long.class).single();
        var fine = api.call(checkCreate, CatalogApi.newCategory(slug, null), curator);
        assertThat(outcome(fine, "createCategory")).as(fine).isEqualTo("ok");
        assertThat((Object) JsonPath.read(fine, "$.data.createCategory.category")).isNull();
        var nameless = CatalogApi.newCategory(slug, null);
        nameless.put("name", ApiClient.text("Kriya", null));
        assertThat(outcome(api.call(checkCreate, nameless, curator), "createCategory")).isEqualTo("userError:REQUIRED");
        assertThat(outcome(api.call(checkCreate, CatalogApi.newCategory(slug, null), api.signIn(ApiClient.PRODUCER)),
                "createCategory"))
            .isEqualTo("FORBIDDEN");
        assertThat(jdbc.sql("select count(*) from category").query(Long.class).single()).isEqualTo(before);

        var category = api.createCategory(slug, null, curator);
        var position = "select position from category where slug = ?";
        int stored = jdbc.sql(position).param(slug).query(Integer.class).single();
        var checkUpdate = CatalogApi.UPDATE_CATEGORY.replace("(input: $input)", "(input: $input, dryRun: true)");
        assertThat(outcome(api.call(checkUpdate, Map.of("id", category.get("id"), "position", stored + 1), curator),
                "updateCategory"))
            .isEqualTo("ok");
        assertThat(outcome(api.call(checkUpdate, Map.of("id", category.get("id"), "position", -1), curator),
                "updateCategory"))
            .isEqualTo("userError:OUT_OF_RANGE");
        assertThat(jdbc.sql(position).param(slug).query(Integer.class).single()).isEqualTo(stored);
    }

    @Test
    void theTaxonomyNeverGetsAThirdLevel() throws Exception {
        var top = CatalogApi.unique("kriya-uji");
        var parent = api.createCategory(top, null, curator);
        var child = api.createCategory(top + "-anak", top, curator);
        var other = api.createCategory(top + "-lain", null, curator);

        // under a sub-category
        assertThat(outcome(
                api.call(CatalogApi.CREATE_CATEGORY, CatalogApi.newCategory(top + "-cucu", top + "-anak"), curator),
                "createCategory"))
            .isEqualTo("userError:TOO_DEEP");
        assertThat(outcome(api.call(CatalogApi.UPDATE_CATEGORY,
                Map.of("id", other.get("id"), "parentSlug", child.get("slug")), curator), "updateCategory"))
            .isEqualTo("userError:TOO_DEEP");
        // a category with sub-categories stays top-level
        assertThat(outcome(api.call(CatalogApi.UPDATE_CATEGORY,
                Map.of("id", parent.get("id"), "parentSlug", other.get("slug")), curator), "updateCategory"))
            .isEqualTo("userError:TOO_DEEP");

        // a sub-category moves to another top-level category, and up to the top level
        var movedAcross = api.call(CatalogApi.UPDATE_CATEGORY,
                Map.of("id", child.get("id"), "parentSlug", other.get("slug")), curator);
        assertThat((String) JsonPath.read(movedAcross, "$.data.updateCategory.category.parent.slug"))
            .isEqualTo(other.get("slug"));
        var toTop = new HashMap<String, Object>();
        toTop.put("id", child.get("id"));
        toTop.put("parentSlug", null);
        var movedUp = api.call(CatalogApi.UPDATE_CATEGORY, toTop, curator);
        assertThat((Object) JsonPath.read(movedUp, "$.data.updateCategory.category.parent")).isNull();
    }

    /**
     * Products sit only in sub-categories: a sub-category holding a product (a draft is
     * enough) is refused the top level, saying why and saving nothing, and no product
     * goes into a top-level category, not even one without sub-categories.
     */
    @Test
    void productsSitOnlyInSubCategories() throws Exception {
        var top = CatalogApi.unique("kriya-uji");
        api.createCategory(top, null, curator);
        var child = api.createCategory(top + "-anak", top, curator);
        var other = api.createCategory(top + "-lain", null, curator);
        var producer = api.signUp("PRODUCER");
        var brand = (String) api.createBrand(producer).get("id");
        var input = CatalogApi.completeProduct(brand);
        input.put("categorySlug", child.get("slug"));
        var product = api.createProduct(input, producer);

        var toTop = new HashMap<String, Object>();
        toTop.put("id", child.get("id"));
        toTop.put("parentSlug", null);
        var checkUpdate = CatalogApi.UPDATE_CATEGORY.replace("(input: $input)", "(input: $input, dryRun: true)");
        assertThat(outcome(api.call(checkUpdate, toTop, curator), "updateCategory")).isEqualTo("userError:REQUIRED");
        var refused = api.call(CatalogApi.UPDATE_CATEGORY, toTop, curator);
        List<Map<String, String>> errors = JsonPath.read(refused, "$.data.updateCategory.userErrors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("field")).isEqualTo("input.parentSlug");
            assertThat(error.get("code")).isEqualTo("REQUIRED");
            assertThat(error.get("message")).contains("products");
        });
        assertThat((Object) JsonPath.read(refused, "$.data.updateCategory.category")).isNull();
        assertThat((List<String>) JsonPath.read(api.query(TREE, Map.of(), null),
                "$.data.categories[?(@.slug == '" + top + "')].children[*].slug"))
            .containsExactly((String) child.get("slug"));
        var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        assertThat((String) JsonPath.read(stored, "$.data.product.category.slug")).isEqualTo(child.get("slug"));

        // under another top-level category it stays a sub-category, with its products
        var moved = api.call(CatalogApi.UPDATE_CATEGORY, Map.of("id", child.get("id"), "parentSlug", other.get("slug")),
                curator);
        assertThat((String) JsonPath.read(moved, "$.data.updateCategory.category.parent.slug"))
            .isEqualTo(other.get("slug"));

        // a top-level category takes no product, even while it has no sub-categories
        var empty = api.createCategory(top + "-kosong", null, curator);
        input.put("categorySlug", empty.get("slug"));
        assertThat(outcome(api.call(CatalogApi.CREATE, input, producer), "createProduct"))
            .isEqualTo("userError:NOT_A_LEAF");
        assertThat(outcome(api.call(CatalogApi.UPDATE,
                Map.of("id", product.get("id"), "expectedVersion", 0, "categorySlug", empty.get("slug")), producer),
                "updateProduct"))
            .isEqualTo("userError:NOT_A_LEAF");
    }

    @Test
    void aRetiredCategoryLeavesTheListButItsProductsKeepIt() throws Exception {
        var top = CatalogApi.unique("kriya-uji");
        api.createCategory(top, null, curator);
        var child = api.createCategory(top + "-anak", top, curator);
        var producer = api.signUp("PRODUCER");
        var brand = (String) api.createBrand(producer).get("id");
        var input = CatalogApi.completeProduct(brand);
        input.put("categorySlug", child.get("slug"));
        var product = api.createProduct(input, producer);

        var retired = api.call(CatalogApi.RETIRE_CATEGORY,
                Map.of("id", child.get("id"), "note", "Digabung ke kategori lain"), curator);
        assertThat((String) JsonPath.read(retired, "$.data.retireCategory.category.retiredAt")).isNotBlank();
        assertThat(
                outcome(api.call(CatalogApi.RETIRE_CATEGORY, Map.of("id", child.get("id")), curator), "retireCategory"))
            .isEqualTo("userError:INVALID_STATE");

        var offered = api.query(TREE, Map.of(), null);
        assertThat((List<String>) JsonPath.read(offered, "$.data.categories[*].children[*].slug"))
            .doesNotContain((String) child.get("slug"));
        var everything = api.query(TREE, Map.of("all", true), curator);
        assertThat(
                (List<String>) JsonPath.read(everything, "$.data.categories[*].children[?(@.retiredAt != null)].slug"))
            .contains((String) child.get("slug"));

        // the product keeps its category, also when saved again; no new product goes in
        var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), producer);
        assertThat((String) JsonPath.read(stored, "$.data.product.category.slug")).isEqualTo(child.get("slug"));
        assertThat(outcome(api.call(CatalogApi.UPDATE, Map.of("id", product.get("id"), "expectedVersion", 0,
                "categorySlug", child.get("slug"), "price", 90_000), producer), "updateProduct"))
            .isEqualTo("ok");
        assertThat(outcome(api.call(CatalogApi.CREATE, input, producer), "createProduct"))
            .isEqualTo("userError:INVALID_STATE");

        // a retired top-level category takes its sub-categories out of the list with it
        var restored = api.call(CatalogApi.RESTORE_CATEGORY, Map.of("id", child.get("id")), curator);
        assertThat((Object) JsonPath.read(restored, "$.data.restoreCategory.category.retiredAt")).isNull();
        assertThat((List<String>) JsonPath.read(api.query(TREE, Map.of(), null), "$.data.categories[*].slug"))
            .contains(top);
        var topId = jdbc.sql("select id from category where slug = ?").param(top).query(Long.class).single();
        api.call(CatalogApi.RETIRE_CATEGORY, Map.of("id", new CategoryId(topId).encode()), curator);
        assertThat((List<String>) JsonPath.read(api.query(TREE, Map.of(), null), "$.data.categories[*].slug"))
            .doesNotContain(top);
        assertThat(outcome(api.call(CatalogApi.CREATE, input, producer), "createProduct"))
            .isEqualTo("userError:INVALID_STATE");
        var history = api.query("query($slug: String!) { category(slug: $slug) { history { action note changedBy } } }",
                Map.of("slug", child.get("slug")), curator);
        assertThat((List<String>) JsonPath.read(history, "$.data.category.history[*].action"))
            .containsExactly("RESTORED", "RETIRED", "CREATED");
        assertThat((String) JsonPath.read(history, "$.data.category.history[1].note"))
            .isEqualTo("Digabung ke kategori lain");
        assertThat((List<String>) JsonPath.read(history, "$.data.category.history[*].changedBy"))
            .containsOnly(ApiClient.CURATOR);
        assertThat(jdbc.sql("select action from category_change where category_id = ? order by id")
            .param(topId)
            .query(String.class)
            .list()).containsExactly("CREATED", "RETIRED");
    }

}
