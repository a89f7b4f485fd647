package id.kriyanusa.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements of searches wait in the event publication registry as JSON until the
 * department's figures have taken them: those stored before searchers were counted are
 * still read, with no new searcher, rather than failing for ever at every retry.
 */
class SearchesRecordedTest {

    @Test
    void anAnnouncementStoredBeforeSearchersWereCountedIsReadWithNone() {
        var stored = """
                {"queries": [{"query": "kendi biru", "searches": 2, "zeroResultSearches": 2,
                              "lastSearchedAt": "2026-12-01T10:00:00+08:00"}]}""";
        var read = JsonMapper.builder().build().readValue(stored, SearchesRecorded.class);
        assertThat(read.queries()).singleElement()
            .returns("kendi biru", SearchesRecorded.QueryCount::query)
            .returns(2, SearchesRecorded.QueryCount::searches)
            .returns(0, SearchesRecorded.QueryCount::newSearchers);
    }

}
