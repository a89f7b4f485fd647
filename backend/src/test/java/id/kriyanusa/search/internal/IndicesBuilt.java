package id.kriyanusa.search.internal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Waits until every search index has been built: a test run first after start-up (a
 * targeted run) would otherwise search before the demo data is indexed.
 */
public final class IndicesBuilt {

    private IndicesBuilt() {
    }

    public static void waitFor(SearchIndices indices) {
        await().atMost(Duration.ofSeconds(90))
            .until(() -> indices.all().stream().allMatch(indexer -> indexer.index().current().isPresent()));
    }

}
