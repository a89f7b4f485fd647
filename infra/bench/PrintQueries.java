import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.ProductSearchParts;
import id.kriyanusa.search.ProductSearchSort;
import id.kriyanusa.search.internal.IndonesianRoots;
import id.kriyanusa.search.internal.OtherNames;
import id.kriyanusa.search.internal.ProductQueries;
import id.kriyanusa.search.internal.ProductQueries.Matching;
import id.kriyanusa.search.internal.ProductQuery;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Elasticsearch bodies the application sends for SearchBench's typical filtered queries, built by the
 * application's own ProductQueries (run on the class path of the unpacked jar), so the direct requests are exactly the
 * GraphQL ones' Elasticsearch part. Usage: PrintQueries OUT_DIR.
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
        for (int i = 0; i < SearchBench.TEXTS.length; i++) {
            var body = ProductQueries.search(new ProductQuery(SearchBench.TEXTS[i], filter, ProductSearchSort.RELEVANCE, 0,
                    20, SEARCH_PAGE, matching, false, otherNames.of(SearchBench.TEXTS[i]),
                    roots.ofEach(SearchBench.TEXTS[i])));
            Files.writeString(out.resolve(i + ".json"), json.writeValueAsString(body));
        }
    }
}
