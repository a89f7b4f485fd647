package id.kriyanusa.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GreatCircle;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Brand and village search against the real Elasticsearch node and PostgreSQL, through
 * the GraphQL API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandVillageSearchIntegrationTest {

    static final Duration INDEXED_WITHIN = Duration.ofSeconds(10);
    static final String BRANDS = """
            query($query: String, $filter: BrandSearchFilter, $first: Int) {
              searchBrands(query: $query, filter: $filter, first: $first) {
                totalCount pageInfo { hasNextPage }
                edges { cursor highlights { field snippets } node { slug name village { slug name regency
                    modelVillage } certifications { kind } } }
              }
            }""";
    static final String VILLAGES = """
            query($query: String, $filter: VillageSearchFilter, $first: Int) {
              searchVillages(query: $query, filter: $filter, first: $first) {
                totalCount pageInfo { hasNextPage }
                edges { cursor highlights { field snippets } node { slug name regency modelVillage classification } }
              }
            }""";
    static final String RECONCILE = "query($index: SearchIndexName) { searchReconciliation(index: $index) { "
            + "consistent checked indexedDocuments } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void awaitIndices() throws Exception {
        api = new SearchApi(port).api();
        // built in the background at start-up; wait (bounded) until both hold every
        // public brand and village
        await().atMost(Duration.ofSeconds(90))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                var brands = api.query(BRANDS, vars(null, null), null);
                var villages = api.query(VILLAGES, vars(null, null), null);
                assertThat(!SearchApi.hasErrors(brands) && !SearchApi.hasErrors(villages)
                        && total(brands, "searchBrands") == verifiedBrands()
                        && total(villages, "searchVillages") == count("select count(*) from village"))
                    .as("indices ready; last answers %s %s", brands, villages)
                    .isTrue();
            });
    }

    @Test
    void findsBrandsInIndonesianAndEnglishWithTyposAndExactNamesFirst() throws Exception {
        assertThat(brandSlugs("gerabah", null)).contains("gerabah-banyumulek-lestari", "koperasi-gerabah-penujak",
                "gerabah-masbagik");
        // the English word reaches brands named and described in Indonesian through the
        // craft vocabulary
        assertThat(brandSlugs("pottery", null)).contains("gerabah-banyumulek-lestari", "koperasi-gerabah-penujak");
        // a place and a craft: brands that make pottery come before those that only share
        // the place (or a village
        // whose name is two letters away from it)
        var potters = brandSlugs("pottery", null);
        assertThat(brandSlugs("lombok pottery", null).subList(0, 3))
            .allSatisfy(slug -> assertThat(potters).contains(slug));
        assertThat(brandSlugs("ikat weaving", null)).contains("tenun-ikat-pringgasela");
        assertThat(brandSlugs("Gerabah Banyumulek Lestari", null).getFirst()).isEqualTo("gerabah-banyumulek-lestari");
        assertThat(brandSlugs("Sukrara", null)).as("typo").contains("koperasi-tenun-sukarara");
        // the passages that matched come along
        var body = search(BRANDS, "tembakau", null);
        List<String> snippets = JsonPath.read(body, "$.data.searchBrands.edges[*].highlights[*].snippets[*]");
        assertThat(snippets).isNotEmpty()
            .anySatisfy(snippet -> assertThat(snippet).containsIgnoringCase("<em>tembakau</em>"));
    }

    @Test
    void findsVillagesInIndonesianAndEnglishWithTypos() throws Exception {
        assertThat(villageSlugs("gerabah", null)).contains("banyumulek", "penujak", "masbagik-timur");
        assertThat(villageSlugs("Banyumlek", null).getFirst()).as("typo").isEqualTo("banyumulek");
        assertThat(villageSlugs("tenun songket", null)).contains("sukarara");

        // a village described in Indonesian only is found in English through the
        // vocabulary
        var curator = api.signIn(ApiClient.CURATOR);
        var marker = SearchApi.marker();
        var village = createVillage(marker, "Sentra tembikar dan anyaman ketak " + marker, curator);
        assertThat(eventually(VILLAGES, marker, null, slugs -> slugs.contains(village.get("slug")))).isTrue();
        var there = Map.<String, Object>of("near", Map.of("lat", -8.27, "lon", 116.42, "radiusKm", 1));
        assertThat(villageSlugs("pottery", there)).contains((String) village.get("slug"));
        assertThat(villageSlugs("wickerwork", there)).contains((String) village.get("slug"));
    }

    @Test
    void filtersBrandsAndVillagesByRegencyCertificationModelVillageAndPlace() throws Exception {
        assertThat(Set.copyOf(brandSlugs(null, Map.of("regencies", List.of("Lombok Tengah")))))
            .isEqualTo(Set.copyOf(jdbc.sql("""
                    select b.slug from brand b join village v on v.id = b.village_id
                    where b.verification_status = 'VERIFIED' and v.regency = 'Lombok Tengah'""")
                .query(String.class)
                .list()));
        assertThat(Set.copyOf(brandSlugs(null, Map.of("villages", List.of("beleka", "loyok")))))
            .isEqualTo(Set.copyOf(jdbc.sql("""
                    select b.slug from brand b join village v on v.id = b.village_id
                    where b.verification_status = 'VERIFIED' and v.slug in ('beleka', 'loyok')""")
                .query(String.class)
                .list()));
        var certified = search(BRANDS, null, Map.of("certifications", List.of("HKI")));
        assertThat(total(certified, "searchBrands")).isPositive().isLessThan(verifiedBrands());
        assertThat(JsonPath.<List<Map<String, Object>>>read(certified, "$.data.searchBrands.edges[*].node")).allSatisfy(
                brand -> assertThat(JsonPath.<List<String>>read(brand, "$.certifications[*].kind")).contains("HKI"));
        assertThat(JsonPath.<List<Boolean>>read(search(BRANDS, "tembakau", Map.of("modelVillagesOnly", true)),
                "$.data.searchBrands.edges[*].node.village.modelVillage"))
            .isNotEmpty()
            .containsOnly(true);

        assertThat(Set.copyOf(villageSlugs(null, Map.of("regencies", List.of("Lombok Timur"))))).isEqualTo(Set
            .copyOf(jdbc.sql("select slug from village where regency = 'Lombok Timur'").query(String.class).list()));
        assertThat(Set.copyOf(villageSlugs(null, Map.of("modelVillagesOnly", true))))
            .isEqualTo(Set.copyOf(jdbc.sql("select slug from village where model_village").query(String.class).list()));
        assertThat(villageSlugs(null, Map.of("classifications", List.of("MANDIRI")))).contains("sukarara")
            .doesNotContain("banyumulek");

        // within 5 km of Banyumulek: what PostgreSQL's coordinates say lies there, for
        // villages and for brands
        var near = Map.<String, Object>of("near", Map.of("lat", -8.6331, "lon", 116.1047, "radiusKm", 5));
        var within = jdbc.sql("select slug, latitude, longitude from village where latitude is not null")
            .query((rs,
                    n) -> GreatCircle.km(-8.6331, 116.1047, rs.getDouble("latitude"), rs.getDouble("longitude")) <= 5
                            ? rs.getString("slug") : null)
            .list()
            .stream()
            .filter(slug -> slug != null)
            .toList();
        assertThat(within).contains("banyumulek", "labuapi").doesNotContain("semoyang");
        assertThat(Set.copyOf(villageSlugs(null, near))).isEqualTo(Set.copyOf(within));
        assertThat(Set.copyOf(brandSlugs(null, near))).isEqualTo(Set.copyOf(jdbc.sql("""
                select b.slug from brand b join village v on v.id = b.village_id
                where b.verification_status = 'VERIFIED' and v.slug = any(?)""")
            .param(within.toArray(String[]::new))
            .query(String.class)
            .list()));
        assertThat(ApiClient.outcome(
                api.query(VILLAGES, vars(null, Map.of("near", Map.of("lat", 100, "lon", 0, "radiusKm", 5))), null),
                "searchVillages"))
            .isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPlaceNamedInTheQueryNarrowsBrandsAndVillagesAsItNarrowsProducts() throws Exception {
        List<String> weavers = JsonPath.read(search(BRANDS, "songket sukarara", null),
                "$.data.searchBrands.edges[*].node.village.slug");
        assertThat(weavers).isNotEmpty().containsOnly("sukarara");
        assertThat(villageSlugs("songket sukarara", null)).containsExactly("sukarara");
        List<String> regencies = JsonPath.read(search(VILLAGES, "woven goods from East Lombok", null),
                "$.data.searchVillages.edges[*].node.regency");
        assertThat(regencies).isNotEmpty().containsOnly("Lombok Timur");
        // a place the filter names wins over the one typed
        List<String> filtered = JsonPath.read(search(BRANDS, "songket sukarara", Map.of("villages", List.of("poto"))),
                "$.data.searchBrands.edges[*].node.village.slug");
        assertThat(filtered).isNotEmpty().containsOnly("poto");
    }

    /**
     * English guides call NTB's two cities Mataram City and Bima City: typed so, they are
     * the cities, not the towns' surroundings nor the regency of Bima.
     */
    @Test
    void aCityNamedInEnglishIsTheCity() throws Exception {
        List<String> bima = JsonPath.read(search(VILLAGES, "woven goods from Bima City", null),
                "$.data.searchVillages.edges[*].node.regency");
        assertThat(bima).isNotEmpty().containsOnly("Kota Bima");

        var input = new HashMap<String, Object>();
        input.put("slug", SearchApi.marker());
        input.put("name", "Kelurahan " + input.get("slug"));
        input.put("regency", "Kota Mataram");
        input.put("district", "Ampenan");
        input.put("location", Map.of("lat", -8.57, "lon", 116.08));
        input.put("description", Map.of("indonesian", "Sentra kerajinan mutiara."));
        SearchApi.ok(
                api.mutate("mutation($input: CreateVillageInput!) { createVillage(input: $input) { "
                        + "village { id } userErrors { code } } }", input, api.signIn(ApiClient.CURATOR)),
                "createVillage");
        // "Mataram" alone is the town and what lies within 15 km of it, Banyumulek too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var body = search(VILLAGES, "Mataram City", null);
            assertThat(JsonPath.<List<String>>read(body, "$.data.searchVillages.edges[*].node.slug"))
                .contains((String) input.get("slug"));
            assertThat(JsonPath.<List<String>>read(body, "$.data.searchVillages.edges[*].node.regency"))
                .containsOnly("Kota Mataram");
        });
    }

    @Test
    void aSuspendedBrandLeavesTheSearchAndAVillageRenameReachesItsBrands() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var producer = api.signUp("PRODUCER");
        var marker = SearchApi.marker();
        var village = createVillage(SearchApi.marker(), "Desa pengrajin kayu", curator);
        var brandId = verifiedBrand("Kelompok " + marker, (String) village.get("slug"),
                "Kami menganyam ketak sejak 1990.", producer, curator);
        assertThat(eventually(BRANDS, marker, null, slugs -> slugs.size() == 1)).as("indexed").isTrue();
        // an English query finds the Indonesian-only story
        assertThat(brandSlugs("wickerwork", Map.of("villages", List.of(village.get("slug"))))).hasSize(1);

        // the village is renamed and designated a model village: the brand is found by
        // the new name, as a model village's
        var renamed = SearchApi.marker();
        var updated = api.mutate(
                "mutation($input: UpdateVillageInput!) { updateVillage(input: $input) { village { version } userErrors { code } } }",
                Map.of("id", village.get("id"), "expectedVersion", village.get("version"), "name", "Desa " + renamed),
                curator);
        SearchApi.ok(updated, "updateVillage");
        SearchApi.ok(api.mutate(
                "mutation($input: DesignateModelVillageInput!) { designateModelVillage(input: $input) { userErrors { code } } }",
                Map.of("id", village.get("id"), "expectedVersion",
                        JsonPath.read(updated, "$.data.updateVillage.village.version"), "programmeYear", 2026),
                curator), "designateModelVillage");
        assertThat(eventually(VILLAGES, renamed, null, slugs -> slugs.equals(List.of(village.get("slug")))))
            .as("village renamed")
            .isTrue();
        assertThat(eventually(BRANDS, renamed, Map.of("modelVillagesOnly", true), slugs -> slugs.size() == 1))
            .as("brand follows")
            .isTrue();
        assertThat(brandSlugs(marker + " " + renamed, null)).hasSize(1);

        SearchApi.ok(api.mutate(
                "mutation($input: BrandTransitionInput!) { suspendBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId, "note", "Dokumen kedaluwarsa"), curator), "suspendBrand");
        // shown at once to nobody (read fresh), and deleted from the index soon after
        assertThat(brandSlugs(marker, null)).isEmpty();
        await("suspended brand's document deleted").atMost(INDEXED_WITHIN)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> total(search(BRANDS, marker, null), "searchBrands") == 0);

        var admin = api.signIn(ApiClient.ADMIN);
        for (var index : List.of("BRANDS", "VILLAGES")) {
            assertThat(reconciled(index, admin)).as("%s index agrees with the database", index).isTrue();
        }
    }

    @Test
    void aVillageAddedOrRenamedIsAPlaceBuyersCanTypeAtOnce() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        assertThat(placesUnderstood("anyaman dari loyok")).as("a buyer searched: places are read")
            .containsExactly("VILLAGE loyok");
        var slug = SearchApi.marker();
        var village = createVillage(slug, "Desa penganyam", curator);
        // a fresh portal's villages come through the API shortly before buyers search:
        // no waiting for the places' periodic reading
        assertThat(placesUnderstood("anyaman dari desa " + slug)).containsExactly("VILLAGE " + slug);

        var renamed = SearchApi.marker();
        SearchApi.ok(api.mutate(
                "mutation($input: UpdateVillageInput!) { updateVillage(input: $input) { userErrors { code } } }",
                Map.of("id", village.get("id"), "expectedVersion", village.get("version"), "name", "Desa " + renamed),
                curator), "updateVillage");
        assertThat(placesUnderstood("anyaman dari desa " + renamed)).containsExactly("VILLAGE " + slug);
        assertThat(placesUnderstood("anyaman dari desa " + slug)).isEmpty();
    }

    /** The places read from a product search's words, as "kind value". */
    private List<String> placesUnderstood(String query) throws Exception {
        var body = api.query("""
                query($q: String) {
                  searchProducts(query: $q, first: 1) { interpretation { conditions { kind value } } }
                }""", Map.of("q", query), null);
        List<Map<String, String>> conditions = JsonPath.read(body, "$.data.searchProducts.interpretation.conditions");
        return conditions.stream()
            .filter(condition -> Set.of("VILLAGE", "DISTRICT", "REGENCY").contains(condition.get("kind")))
            .map(condition -> condition.get("kind") + " " + condition.get("value"))
            .toList();
    }

    // ---- helpers

    private List<String> brandSlugs(String query, Map<String, Object> filter) throws Exception {
        return JsonPath.read(search(BRANDS, query, filter), "$.data.searchBrands.edges[*].node.slug");
    }

    private List<String> villageSlugs(String query, Map<String, Object> filter) throws Exception {
        return JsonPath.read(search(VILLAGES, query, filter), "$.data.searchVillages.edges[*].node.slug");
    }

    private String search(String document, String query, Map<String, Object> filter) throws Exception {
        var body = api.query(document, vars(query, filter), null);
        assertThat(SearchApi.hasErrors(body)).as(body).isFalse();
        return body;
    }

    private static Map<String, Object> vars(String query, Map<String, Object> filter) {
        var variables = new HashMap<String, Object>();
        variables.put("query", query);
        variables.put("filter", filter);
        variables.put("first", 100);
        return variables;
    }

    private boolean eventually(String document, String query, Map<String, Object> filter,
            Predicate<List<String>> condition) throws Exception {
        var field = document.equals(BRANDS) ? "searchBrands" : "searchVillages";
        try {
            await().atMost(INDEXED_WITHIN)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> condition
                    .test(JsonPath.read(search(document, query, filter), "$.data." + field + ".edges[*].node.slug")));
            return true;
        }
        catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

    private boolean reconciled(String index, String admin) throws Exception {
        try {
            await().atMost(INDEXED_WITHIN)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.query(RECONCILE, Map.of("index", index), admin), body -> !SearchApi.hasErrors(body)
                        && Boolean.TRUE.equals(JsonPath.read(body, "$.data.searchReconciliation.consistent")));
            return true;
        }
        catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

    private Map<String, Object> createVillage(String slug, String descriptionId, String curator) throws Exception {
        var input = new HashMap<String, Object>();
        input.put("slug", slug);
        input.put("name", "Desa " + slug);
        input.put("regency", "Lombok Utara");
        input.put("district", "Bayan");
        input.put("location", Map.of("lat", -8.27, "lon", 116.42));
        input.put("description", Map.of("indonesian", descriptionId));
        var body = api.mutate(
                "mutation($input: CreateVillageInput!) { createVillage(input: $input) { village { id slug version } userErrors { code } } }",
                input, curator);
        SearchApi.ok(body, "createVillage");
        return JsonPath.read(body, "$.data.createVillage.village");
    }

    /**
     * A new brand in the village with an Indonesian-only story, verified by the curator:
     * its id.
     */
    private String verifiedBrand(String name, String villageSlug, String storyId, String producer, String curator)
            throws Exception {
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(Map.of("name", name, "slug", ApiClient.unique("uji-merek"), "legalForm",
                        "KELOMPOK_PENGRAJIN", "villageSlug", villageSlug, "story", ApiClient.text(storyId, null))),
                producer);
        SearchApi.ok(created, "createBrand");
        String brandId = JsonPath.read(created, "$.data.createBrand.brand.id");
        SearchApi.ok(api.mutate(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), producer), "submitBrandForVerification");
        SearchApi.ok(api.mutate(
                "mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), curator), "verifyBrand");
        return brandId;
    }

    private long verifiedBrands() {
        return count("select count(*) from brand where verification_status = 'VERIFIED'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long total(String body, String field) {
        return ((Number) JsonPath.read(body, "$.data." + field + ".totalCount")).longValue();
    }

}
