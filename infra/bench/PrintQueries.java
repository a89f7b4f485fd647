import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.ProductSearchParts;
import id.kriyanusa.search.ProductSearchSort;
import id.kriyanusa.search.internal.Completions;
import id.kriyanusa.search.internal.IndonesianRoots;
import id.kriyanusa.search.internal.OtherNames;
import id.kriyanusa.search.internal.ProductQueries;
import id.kriyanusa.search.internal.ProductQueries.Matching;
import id.kriyanusa.search.internal.ProductQuery;
import id.kriyanusa.search.internal.Words;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Elasticsearch bodies the application sends for SearchBench's typical filtered queries, built by the
 * application's own ProductQueries (run on the class path of the unpacked jar), so the direct requests are exactly the
 * GraphQL ones' Elasticsearch part. Usage: PrintQueries OUT_DIR ELASTICSEARCH_URL.
 */
public class PrintQueries {

    /** What SearchBench.SEARCH selects: every facet without labels, highlights, did-you-mean, the total. */
    static final ProductSearchParts SEARCH_PAGE = new ProductSearchParts(EnumSet.allOf(ProductSearchParts.Facet.class),
            Set.of(), true, true, true);

    public static void main(String[] args) throws Exception {
        var json = JsonMapper.builder().build();
        var out = Path.of(args[0]);
        Files.createDirectories(out);
        var filter = new ProductSearchFilter(null, null, null, null, null, null, SearchBench.PRICE_MAX,
                List.of(ProductAvailability.READY_STOCK), null, null);
        // the other names of things, as the portal looks them up for each search
        var otherNames = new OtherNames();
        var roots = new IndonesianRoots();
        // texts that relax are answered by the portal's last request, for most of the words; the portal asks for
        // every word first, so its time holds one request more than the direct one
        var matching = "relaxed".equals(System.getenv("QUERY_SET")) ? Matching.MOST_WORDS : Matching.ALL_WORDS;
        var common = commonTitleWords(json, args[1]);
        for (int i = 0; i < SearchBench.TEXTS.length; i++) {
            var text = SearchBench.TEXTS[i];
            var body = ProductQueries.search(new ProductQuery(text, filter, ProductSearchSort.RELEVANCE, 0, 20,
                    // no benchmark text asks for cheap things or crafts
                    SEARCH_PAGE, matching, false, false, otherNames.of(text), roots.ofEach(text),
                    Words.of(text).stream().filter(common::contains).collect(Collectors.toSet())));
            Files.writeString(out.resolve(i + ".json"), json.writeValueAsString(body));
        }
    }

    /**
     * The title words of at least Completions.COMMON_WORD_MIN products, in which the portal forgives fewer typos (its
     * Completions count them the same way every minute; the benchmark's texts name no category).
     */
    static Set<String> commonTitleWords(JsonMapper json, String elasticsearch) throws Exception {
        var body = "{\"size\":0,\"aggs\":{\"words\":{\"terms\":{\"field\":\"title_words\",\"size\":10000,"
                + "\"min_doc_count\":" + Completions.COMMON_WORD_MIN + "}}}}";
        var response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(elasticsearch + "/products/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        var words = new HashSet<String>();
        json.readTree(response.body()).path("aggregations").path("words").path("buckets")
            .forEach(bucket -> words.add(bucket.path("key").asString()));
        return words;
    }
}
