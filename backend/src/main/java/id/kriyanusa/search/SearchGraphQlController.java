package id.kriyanusa.search;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import id.kriyanusa.platform.graphql.ClientAddress;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class SearchGraphQlController {

    private final ProductSearch search;

    SearchGraphQlController(ProductSearch search) {
        this.search = search;
    }

    @QueryMapping
    ProductSearchConnection searchProducts(@Argument String query, @Argument ProductSearchFilter filter,
            @Argument ProductSearchSort sort, ScrollSubrange page, DataFetchingFieldSelectionSet selection,
            @ContextValue(name = ClientAddress.CONTEXT_KEY, required = false) String clientAddress) {
        return search.search(query, filter, sort, OffsetPage.of(page), ProductSearchParts.selectedIn(selection),
                clientAddress);
    }

    @QueryMapping
    SearchSuggestions suggest(@Argument String prefix, @Argument Integer first,
            DataFetchingFieldSelectionSet selection) {
        return search.suggest(prefix, first, selection.contains("products"));
    }

    @QueryMapping
    List<String> popularSearches(@Argument Integer first) {
        return search.popularSearches(first);
    }

    @QueryMapping
    List<SearchQueryStat> searchQueryStats(@Argument Integer days, @Argument Boolean zeroResultsOnly,
            @Argument Integer first) {
        return search.queryStats(days, zeroResultsOnly, first);
    }

}
