package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/**
 * The answer to starting a reindex: the status just after it started (or of the one
 * already running), and why not.
 */
public record ReindexSearchPayload(SearchIndexStatus status, List<UserError> userErrors) {
}
