package id.kriyanusa.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.search.BlindRelevanceTest.Answer;
import id.kriyanusa.search.BlindRelevanceTest.Group;
import id.kriyanusa.search.BlindRelevanceTest.Query;

/**
 * The simple thing the portal's search must beat: a plain BM25 over every text field a
 * buyer could match, as the outside review measured it. One group of the blind catalogue
 * in an index of its own, every field analysed by Elasticsearch's {@code standard}
 * analyzer (no stemming, no synonyms, no folding), searched by one {@code multi_match} of
 * the query's words, nothing read out of them as a condition.
 * <p>
 * The fields are those the portal's product documents hold as text, filled from the same
 * catalogue the test loads, with the category and village names the portal shows.
 */
final class PlainBm25Baseline implements AutoCloseable {

    /**
     * Every text field of a product. {@code most_fields} adds up the fields' scores, so a
     * product matching one word in its category and another in its village ranks as one
     * text holding both: the nearest a multi_match comes to "BM25 over all fields";
     * {@code best_fields} would score each product by its single best field only.
     */
    static final List<String> FIELDS = List.of("title_id", "title_en", "description_id", "description_en",
            "category_names_id", "category_names_en", "materials", "brand_name", "village_name", "district", "regency");

    private static final String CATEGORIES = """
            { categories { slug name { indonesian english } children { slug name { indonesian english } } } }""";

    private static final String VILLAGE = """
            query($slug: String!) { village(slug: $slug) { name district regency } }""";

    private final ElasticsearchClient elasticsearch;

    private final Group group;

    private final String index;

    private PlainBm25Baseline(ElasticsearchClient elasticsearch, Group group) {
        this.elasticsearch = elasticsearch;
        this.group = group;
        this.index = "blind-bm25-" + group.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Indexes the group's products, with the English the group keeps, into the group's
     * own index, made anew.
     */
    static PlainBm25Baseline index(ElasticsearchClient elasticsearch, ApiClient api, String catalogue, Group group)
            throws Exception {
        var baseline = new PlainBm25Baseline(elasticsearch, group);
        baseline.create();
        List<Map<String, Object>> brands = JsonPath.read(catalogue, "$.brands");
        List<Map<String, Object>> products = JsonPath.read(catalogue, "$.products");
        var brandsByKey = brands.stream().collect(Collectors.toMap(brand -> (String) brand.get("key"), brand -> brand));
        var categories = categoryNames(api);
        Map<String, Map<String, String>> villages = new HashMap<>();
        var bulk = new BulkRequest.Builder().index(baseline.index).refresh(Refresh.True);
        for (int i = 0; i < products.size(); i++) {
            var product = products.get(i);
            var brand = brandsByKey.get((String) product.get("brand"));
            var village = villages.computeIfAbsent((String) brand.get("village"), slug -> village(api, slug));
            var category = categories.get((String) product.get("category"));
            var english = group.keepsEnglish(i);
            Map<String, Object> document = new HashMap<>();
            document.put("title_id", JsonPath.read(product, "$.title.id"));
            document.put("description_id", JsonPath.read(product, "$.description.id"));
            if (english) {
                document.put("title_en", JsonPath.read(product, "$.title.en"));
                document.put("description_en", JsonPath.read(product, "$.description.en"));
            }
            document.put("category_names_id", category.get("indonesian"));
            document.put("category_names_en", category.get("english"));
            document.put("materials", product.get("materials"));
            document.put("brand_name", brand.get("name"));
            document.put("village_name", village.get("name"));
            document.put("district", village.get("district"));
            document.put("regency", village.get("regency"));
            bulk.operations(
                    operation -> operation.index(doc -> doc.id((String) product.get("key")).document(document)));
        }
        var response = elasticsearch.bulk(bulk.build());
        if (response.errors()) {
            throw new IllegalStateException("Indexing the plain BM25 baseline failed: " + response.items());
        }
        return baseline;
    }

    /**
     * The first ten products the plain BM25 finds for the query, scored as the search is.
     */
    Answer answer(Query query) throws IOException {
        var response = elasticsearch.search(search -> search.index(index)
            .size(10)
            .source(source -> source.fetch(false))
            .query(q -> q.multiMatch(match -> match.query(query.text())
                .fields(FIELDS)
                .type(TextQueryType.MostFields)
                .operator(Operator.Or))), JsonData.class);
        var found = response.hits().hits().stream().map(Hit::id).toList();
        return new Answer(query, group, BlindRelevanceTest.ndcgAt10(found, query.grades()),
                response.hits().total().value(), found);
    }

    @Override
    public void close() throws IOException {
        elasticsearch.indices().delete(delete -> delete.index(index).ignoreUnavailable(true));
    }

    /**
     * One shard, so every product's score uses the same word statistics; the standard
     * analyzer on every field.
     */
    private void create() throws IOException {
        close();
        elasticsearch.indices()
            .create(create -> create.index(index)
                .settings(settings -> settings.numberOfShards("1").numberOfReplicas("0"))
                .mappings(mappings -> {
                    mappings.dynamic(DynamicMapping.Strict);
                    FIELDS.forEach(field -> mappings.properties(field, p -> p.text(text -> text.analyzer("standard"))));
                    return mappings;
                }));
    }

    /**
     * Each sub-category's names and its parent's, by slug and language, as the portal
     * indexes them.
     */
    private static Map<String, Map<String, List<String>>> categoryNames(ApiClient api) throws Exception {
        List<Map<String, Object>> parents = JsonPath.read(api.query(CATEGORIES, Map.of(), null), "$.data.categories");
        Map<String, Map<String, List<String>>> names = new HashMap<>();
        for (var parent : parents) {
            List<Map<String, Object>> children = JsonPath.read(parent, "$.children");
            for (var child : children) {
                names.put((String) child.get("slug"), Map.of("indonesian", both(child, parent, "indonesian"), "english",
                        both(child, parent, "english")));
            }
        }
        return names;
    }

    private static List<String> both(Map<String, Object> child, Map<String, Object> parent, String language) {
        return List.of(JsonPath.read(child, "$.name." + language), JsonPath.read(parent, "$.name." + language));
    }

    private static Map<String, String> village(ApiClient api, String slug) {
        try {
            return JsonPath.read(api.query(VILLAGE, Map.of("slug", slug), null), "$.data.village");
        }
        catch (Exception failed) {
            throw new IllegalStateException("Reading village " + slug, failed);
        }
    }

}
