package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The outcome of a full reindex: the index now behind the alias, the one it replaced, and how many products. */
public record ReindexProductsPayload(String index, String previousIndex, Integer documents, List<UserError> userErrors) {

    static ReindexProductsPayload failed(UserError error) {
        return new ReindexProductsPayload(null, null, null, List.of(error));
    }
}
