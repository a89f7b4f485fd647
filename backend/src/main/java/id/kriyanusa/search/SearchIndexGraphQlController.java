package id.kriyanusa.search;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchIndexGraphQlController {

    private final SearchIndexAdministration administration;

    SearchIndexGraphQlController(SearchIndexAdministration administration) {
        this.administration = administration;
    }

    @MutationMapping
    ReindexSearchPayload reindexSearch(@Argument ReindexSearchInput input) {
        return input == null ? administration.reindex(null, null) : administration.reindex(input.index(), input.note());
    }

    @QueryMapping
    SearchIndexStatus searchIndexStatus() {
        return administration.indexStatus();
    }

    @QueryMapping
    SearchReconciliation searchReconciliation(@Argument SearchIndexName index) {
        return administration.reconcile(index);
    }

    record ReindexSearchInput(SearchIndexName index, String note) {
    }

}
