package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.platform.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchGraphQlController {

    private final ProductSearch search;

    SearchGraphQlController(ProductSearch search) {
        this.search = search;
    }

    @QueryMapping
    ProductSearchResult searchProducts(@Argument String query, @Argument ProductSearchFilter filter,
            @Argument ProductSearchSort sort, @Argument Integer first, @Argument String after) {
        return search.search(query, filter, sort, PageRequest.of(first, after));
    }

    @QueryMapping
    SearchSuggestions suggest(@Argument String prefix, @Argument Integer first) {
        return search.suggest(prefix, first);
    }

    @QueryMapping
    List<SearchQueryStat> searchQueryStats(@Argument Integer days, @Argument Boolean zeroResultsOnly, @Argument Integer first) {
        return search.queryStats(days, zeroResultsOnly, first);
    }

    @QueryMapping
    SearchReconciliation searchReconciliation() {
        return search.reconcile();
    }

    @MutationMapping
    ReindexProductsPayload reindexProducts(@Argument ReindexProductsInput input) {
        return search.reindex();
    }

    /** Nothing to choose yet; the input keeps the one-input convention and room for options (a note, a dry run). */
    @QueryMapping
    SearchIndexStatus searchIndexStatus() {
        return search.indexStatus();
    }

    record ReindexProductsInput(String note) {
    }
}
