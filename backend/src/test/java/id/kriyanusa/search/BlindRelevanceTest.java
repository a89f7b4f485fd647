package id.kriyanusa.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.search.internal.Completions;
import id.kriyanusa.search.internal.SearchAnalytics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The blind relevance exam of issue 16: a catalogue and graded queries written apart from
 * the search and its other judgments (see {@code search/blind/README.md}), loaded through
 * the GraphQL API as producers would, twice: group A as written, group B with the English
 * title and description removed from every other product. Each query is searched within
 * one group's brands and scored by nDCG@10, and so is a plain BM25 over the same products
 * ({@link PlainBm25Baseline}), the simple thing an outside review found the search below;
 * the figures go to the log and to {@code target/blind-relevance.md}. The floors are
 * today's figures less a little, so a change that ranks worse fails; raise them as
 * ranking improves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BlindRelevanceTest {

    private static final Logger log = LoggerFactory.getLogger(BlindRelevanceTest.class);

    /**
     * Mean nDCG@10 of the queries with a true match, by group and half, less about 0.03:
     * measured 2026-12-05 (session 15) with the curated vocabulary of ADR 0023 (A 0.956 /
     * 0.969, B 0.959 / 0.969; before query understanding 0.534 / 0.627 and 0.533 /
     * 0.608). The vocabulary set read 0.372 / 0.368 when it was written, 0.867 / 0.846
     * now, tuned on; the test set 0.419 / 0.406 when written, 0.795 / 0.762 now.
     */
    static final Map<String, Double> MEAN_FLOORS = Map.of("A tune", 0.93, "A heldout", 0.94, "B tune", 0.93,
            "B heldout", 0.94, "A vocabulary", 0.84, "B vocabulary", 0.82, "A test", 0.76, "B test", 0.73);

    /**
     * Mean nDCG@10 per kind (A tune, A held out, B tune, B held out), measured 2026-12-05
     * less 0.10: a kind holds three or four queries a half, and the order of tied results
     * (products loaded by four producers at once get other ids each run) moves a kind by
     * up to 0.08 between runs. The means above are the tighter guard.
     */
    static final Map<String, List<Double>> KIND_FLOORS = Map.ofEntries(
            Map.entry("plain", List.of(0.78, 0.87, 0.81, 0.83)), Map.entry("typo", List.of(0.90, 0.82, 0.90, 0.82)),
            Map.entry("stem", List.of(0.86, 0.87, 0.85, 0.87)), Map.entry("synonym", List.of(0.80, 0.67, 0.81, 0.67)),
            Map.entry("cross-language", List.of(0.87, 0.87, 0.87, 0.81)),
            Map.entry("price", List.of(0.81, 0.85, 0.80, 0.85)),
            Map.entry("availability", List.of(0.81, 0.79, 0.81, 0.79)),
            Map.entry("place", List.of(0.87, 0.88, 0.88, 0.88)),
            Map.entry("place-generic", List.of(0.77, 0.90, 0.77, 0.90)),
            Map.entry("new-craft", List.of(0.90, 0.79, 0.90, 0.76)));

    /**
     * At most this share of the queries with a true match may find nothing, in each half
     * of the first two exams (measured 2026-12-04: none of either half of the first, 30 %
     * and 21 % before query understanding and relaxed matching; the second exam 1 and 2
     * of 69). The third exam's is its own, see {@link Exam#THIRD}.
     */
    static final double MATCHED_ZERO_RESULT_CEILING = 0.04;

    /**
     * How far the search's mean nDCG@10 must stay above the plain BM25's, in every group
     * and half of the first two exams: the outside review found the search below it.
     * Measured 2026-12-05, the first exam leads by 0.25 to 0.30, the second by 0.29 and
     * 0.32; less about 0.05.
     */
    static final double LEAD_OVER_PLAIN_BM25 = 0.20;

    /**
     * The kinds a plain BM25 can answer at all: plain words, typos, stems and other words
     * for things. The mean lead is carried much by the kinds it cannot (prices, places,
     * other languages), so the lead on these is asserted apart.
     */
    static final List<String> TEXT_KINDS = List.of("plain", "typo", "stem", "synonym");

    /**
     * How far the search must stay above the plain BM25 on the {@link #TEXT_KINDS}
     * together, in every group and half of every exam; measured 2026-12-05, the narrowest
     * lead 0.17 (the first exam's held-out half, A: 0.924 / 0.754; the third exam's leads
     * are 0.22 to 0.24), less about 0.05.
     */
    static final double TEXT_LEAD_OVER_PLAIN_BM25 = 0.12;

    /**
     * Exams on which the plain BM25 itself does well: on the thirteenth's held-out half
     * it reads 0.652 (0.51 to 0.53 on the eleventh's and twelfth's), and the search led
     * by 0.106 on its first run (A: 0.758); on the fifteenth's, 0.686 to 0.693, and the
     * search led by 0.108 on its first run (A: 0.801).
     */
    static final Map<Exam, Double> NARROWER_TEXT_LEADS = Map.of(Exam.THIRTEENTH, 0.08, Exam.FIFTEENTH, 0.07);

    static final String NO_MATCH = "no-match";

    static final List<String> HALVES = List.of("tune", "heldout");

    /**
     * The second tuning set, of other words for things ({@code queries-vocabulary.tsv}):
     * tuning data, reported and asserted apart from the two halves.
     */
    static final String VOCABULARY = "vocabulary";

    /**
     * The test set of buyers' words ({@code queries-test.tsv}), written blind after the
     * tuning: run and reported in sums like the held-out half, never tuned on.
     */
    static final String TEST = "test";

    /** The sets asserted and reported apart from the two halves, each by its mean. */
    static final List<String> SETS = List.of(VOCABULARY, TEST);

    /**
     * The second exam's queries ({@code search/blind2/queries.tsv}), all of one half: an
     * exam written after the search's tuning on the first, never tuned on.
     */
    static final String EXAM = "exam";

    /**
     * Mean nDCG@10 of the second exam's queries with a true match, by group, less about
     * 0.03: measured 2026-12-05 (session 15), 0.936 / 0.941 (on its first run 0.884 /
     * 0.872; on the code before that run's search work, 0.866 / 0.835).
     */
    static final Map<String, Double> SECOND_EXAM_FLOORS = Map.of("A exam", 0.91, "B exam", 0.91);

    /**
     * Mean nDCG@10 of the third exam's halves ({@code search/blind3/}), by group, less
     * about 0.03: measured 2026-12-05 (session 15), A 0.919 / 0.822 and B 0.892 / 0.825
     * (tune / held out; session 14 0.857 / 0.841 and 0.826 / 0.840; on its first run, on
     * the code of session 12, 0.816 / 0.797 and 0.758 / 0.783). Tune on its tuning half
     * only. Session 17 put the products having every word of a "murah" query cheapest
     * first, as its chip says, which its graders, judging what matches, did not ask for:
     * held out 0.811-0.818 / 0.808-0.812 since, so both held-out floors are 0.79.
     */
    static final Map<String, Double> THIRD_EXAM_FLOORS = Map.of("A tune", 0.89, "A heldout", 0.79, "B tune", 0.86,
            "B heldout", 0.79);

    /**
     * The fourth exam's ({@code search/blind4/}), the same way: A 0.921 / 0.832 and B
     * 0.937 / 0.834 (first run, on the code of session 13: 0.802 / 0.769 and 0.809 /
     * 0.760).
     */
    static final Map<String, Double> FOURTH_EXAM_FLOORS = Map.of("A tune", 0.89, "A heldout", 0.80, "B tune", 0.90,
            "B heldout", 0.80);

    /**
     * The fifth exam's ({@code search/blind5/}): A 0.855 / 0.881 and B 0.849 / 0.875
     * (first run 0.792 / 0.808 and 0.788 / 0.801).
     */
    static final Map<String, Double> FIFTH_EXAM_FLOORS = Map.of("A tune", 0.82, "A heldout", 0.85, "B tune", 0.82,
            "B heldout", 0.84);

    /**
     * The sixth exam's ({@code search/blind6/}): A 0.794 / 0.833 and B 0.766 / 0.821
     * (first run, on the code of session 14: 0.739 / 0.793 and 0.700 / 0.795).
     */
    static final Map<String, Double> SIXTH_EXAM_FLOORS = Map.of("A tune", 0.76, "A heldout", 0.80, "B tune", 0.73,
            "B heldout", 0.79);

    /**
     * The seventh exam's ({@code search/blind7/}): A 0.928 / 0.776 and B 0.912 / 0.776
     * (first run, on the code of session 15: 0.871 / 0.775 and 0.845 / 0.775).
     */
    static final Map<String, Double> SEVENTH_EXAM_FLOORS = Map.of("A tune", 0.89, "A heldout", 0.74, "B tune", 0.88,
            "B heldout", 0.74);

    /**
     * The eighth exam's ({@code search/blind8/}): A 0.922 / 0.937 and B 0.923 / 0.936
     * (first run, on the code of session 21 before its vocabulary round: 0.902 / 0.907
     * and 0.904 / 0.902).
     */
    static final Map<String, Double> EIGHTH_EXAM_FLOORS = Map.of("A tune", 0.88, "A heldout", 0.89, "B tune", 0.88,
            "B heldout", 0.89);

    /**
     * The ninth exam's ({@code search/blind9/}): A 0.915 / 0.917 and B 0.915 / 0.889
     * (first run, on the code of session 22 before its vocabulary rounds: 0.885 / 0.890
     * and 0.886 / 0.861).
     */
    static final Map<String, Double> NINTH_EXAM_FLOORS = Map.of("A tune", 0.88, "A heldout", 0.88, "B tune", 0.88,
            "B heldout", 0.85);

    /**
     * The tenth exam's ({@code search/blind10/}): A 0.867 / 0.875 and B 0.857 / 0.877
     * (first run, on the code of session 23 before its vocabulary round and its reading
     * of prices: 0.854 / 0.862 and 0.842 / 0.856).
     */
    static final Map<String, Double> TENTH_EXAM_FLOORS = Map.of("A tune", 0.84, "A heldout", 0.84, "B tune", 0.83,
            "B heldout", 0.84);

    /**
     * The eleventh exam's ({@code search/blind11/}): A 0.824 / 0.851 and B 0.817 / 0.832
     * (first run, on the code of session 24 after its ninth vocabulary round).
     */
    static final Map<String, Double> ELEVENTH_EXAM_FLOORS = Map.of("A tune", 0.79, "A heldout", 0.82, "B tune", 0.79,
            "B heldout", 0.80);

    /**
     * The twelfth exam's ({@code search/blind12/}): A 0.935 / 0.830 and B 0.934 / 0.830
     * (first run, on the code of session 25 before its Japanese, Korean, Chinese and
     * British money and Javanese and Sundanese limits; after them 0.935 / 0.880 and 0.934
     * / 0.877).
     */
    static final Map<String, Double> TWELFTH_EXAM_FLOORS = Map.of("A tune", 0.90, "A heldout", 0.85, "B tune", 0.90,
            "B heldout", 0.84);

    /**
     * The thirteenth exam's ({@code search/blind13/}): A 0.863 / 0.853 and B 0.872 /
     * 0.853 (first run, on the final code of session 25).
     */
    static final Map<String, Double> THIRTEENTH_EXAM_FLOORS = Map.of("A tune", 0.83, "A heldout", 0.82, "B tune", 0.84,
            "B heldout", 0.82);

    /**
     * The fourteenth exam's ({@code search/blind14/}): A 0.878 / 0.865 and B 0.859 /
     * 0.869 (first run, on the code of session 26 before it stopped answering a thing
     * made elsewhere with what is made in the place typed).
     */
    static final Map<String, Double> FOURTEENTH_EXAM_FLOORS = Map.of("A tune", 0.85, "A heldout", 0.84, "B tune", 0.83,
            "B heldout", 0.84);

    /**
     * The fifteenth exam's ({@code search/blind15/}): A 0.856 / 0.806 and B 0.851 / 0.812
     * (first run, on the final code of session 26).
     */
    static final Map<String, Double> FIFTEENTH_EXAM_FLOORS = Map.of("A tune", 0.83, "A heldout", 0.78, "B tune", 0.82,
            "B heldout", 0.79);

    private static final String SUSPEND = """
            mutation($input: BrandTransitionInput!) { suspendBrand(input: $input) { userErrors { code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchAnalytics analytics;

    @Autowired
    Completions completions;

    @Autowired
    JdbcClient jdbc;

    record Query(String half, String kind, String text, Map<String, Integer> grades) {
    }

    /**
     * A file of queries, all in the given half unless null (then its first column says).
     */
    record QueryFile(String name, String half) {
    }

    /**
     * A blind exam: a catalogue and its queries in a directory of {@code search/}, loaded
     * by producers signing up from addresses of its own.
     */
    enum Exam {

        FIRST("blind", 61,
                List.of(new QueryFile("queries.tsv", null), new QueryFile("queries-vocabulary.tsv", VOCABULARY),
                        new QueryFile("queries-test.tsv", TEST)),
                LEAD_OVER_PLAIN_BM25, MATCHED_ZERO_RESULT_CEILING),
        SECOND("blind2", 63, List.of(new QueryFile("queries.tsv", null)), LEAD_OVER_PLAIN_BM25,
                MATCHED_ZERO_RESULT_CEILING),
        /**
         * Its tuning half leads the plain BM25 by 0.169 only (A: 0.841 / 0.672, measured
         * 2026-12-05), since a plain BM25 does as well on its plain words and the newer
         * crafts; and 2 of its 38 tuning queries with a true match find nothing in group
         * B (one is a slang abbreviation no lexicon holds).
         */
        THIRD("blind3", 65, List.of(new QueryFile("queries.tsv", null)), 0.14, 0.06),
        /**
         * Written for buyers from elsewhere in Indonesia (slang, regional words,
         * occasions); 4 of its 40 held-out queries with a true match found nothing on its
         * first run.
         */
        FOURTH("blind4", 67, List.of(new QueryFile("queries.tsv", null)), 0.12, 0.08),
        /** Written for tourists and buyers abroad (English of several countries). */
        FIFTH("blind5", 69, List.of(new QueryFile("queries.tsv", null)), 0.20, 0.05),
        /**
         * Written for NTB's own households, occasions, hotels and offices (everyday and
         * regional words, uses described instead of names); leads the plain BM25 by 0.20
         * to 0.25, and 2 of its 43 tuning queries with a true match find nothing in group
         * B.
         */
        SIXTH("blind6", 71, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.07),
        /**
         * Written for visitors, buyers from elsewhere in Indonesia and resellers, who add
         * budgets, stock and places as they type them; leads the plain BM25 by 0.22 to
         * 0.45, and 3 of its 40 held-out queries with a true match find nothing in group
         * B.
         */
        SEVENTH("blind7", 73, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for institutional buyers (hotels, offices, wedding organisers,
         * hampers), migrant workers' families and the diaspora (Malay and NTB's own
         * languages), and phone and voice typists (numbers in words).
         */
        EIGHTH("blind8", 75, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for resellers and dropshippers (marketplace words), cafes, villas and
         * interior designers, Muslim gift buyers (Arabic-derived words), buyers from
         * Makassar, Kupang and Surabaya, and slow or slangy typists.
         */
        NINTH("blind9", 77, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for wedding organisers, spas and homestays, mothers of small children,
         * collectors and museum shops, visitors typing English as a second language, and
         * farmers, fishermen and workshops buying tools.
         */
        TENTH("blind10", 79, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for young social-media shoppers, interior and villa fit-out buyers,
         * Muslim and Balinese-Hindu households, gardeners, tailors and fashion students,
         * older buyers writing formal Indonesian, and buyers from Malaysia, Brunei and
         * Singapore.
         */
        ELEVENTH("blind11", 81, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for surf, yoga and retreat studios, zero-waste and eco shoppers,
         * curators and craft students, tourists writing English learnt as a second
         * language, buyers from Java and Bali with their own words, and teachers and
         * schools.
         */
        TWELFTH("blind12", 83, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for specialty coffee and tea buyers, health-food shoppers, musicians
         * and dance groups, Rinjani trekkers, collectors of blades and metalwork,
         * Chinese-Indonesian households, and photographers and stylists.
         */
        THIRTEENTH("blind13", 85, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for hospital, clinic and puskesmas buyers, pesantren and madrasah,
         * restaurant and food-stall kitchens, pet and songbird keepers, florists and
         * event decorators, Japanese and Korean tourists writing English, and older
         * buyers typing by voice.
         */
        FOURTEENTH("blind14", 87, List.of(new QueryFile("queries.tsv", null)), 0.15, 0.10),
        /**
         * Written for government offices and state companies, hotel and villa
         * housekeeping, church, pura and vihara communities, students in boarding rooms,
         * Australian and British tourists, bakers and cake shops, and NGO and cooperative
         * programme buyers. Its buyers mostly type the sellers' own words, so the plain
         * BM25 reads 0.68 to 0.72 and the search led it by 0.12 to 0.15 at its first run.
         */
        FIFTEENTH("blind15", 89, List.of(new QueryFile("queries.tsv", null)), 0.08, 0.10);

        final String directory;

        final int firstAddress;

        final List<QueryFile> files;

        /** How far the search's mean must stay above the plain BM25's in each half. */
        final double leadOverPlainBm25;

        /** At most this share of the queries with a true match may find nothing. */
        final double matchedZeroResultCeiling;

        Exam(String directory, int firstAddress, List<QueryFile> files, double leadOverPlainBm25,
                double matchedZeroResultCeiling) {
            this.directory = directory;
            this.firstAddress = firstAddress;
            this.files = files;
            this.leadOverPlainBm25 = leadOverPlainBm25;
            this.matchedZeroResultCeiling = matchedZeroResultCeiling;
        }

    }

    /** What the search and the plain BM25 found for an exam's queries, in both groups. */
    record Sitting(List<Answer> answers, List<Answer> baseline) {
    }

    /**
     * A group of the catalogue: its own brands, and whether every other product lost its
     * English.
     */
    enum Group {

        A(false), B(true);

        final boolean englishOnEveryOther;

        Group(boolean englishOnEveryOther) {
            this.englishOnEveryOther = englishOnEveryOther;
        }

        /**
         * The address its producers sign up from in an exam: their own, clear of other
         * tests' sign-up limit.
         */
        InetAddress address(Exam exam) throws Exception {
            return InetAddress.getByName("127.0.0." + (exam.firstAddress + ordinal()));
        }

        /** Whether the product at this place in the catalogue keeps its English. */
        boolean keepsEnglish(int catalogueIndex) {
            return !(englishOnEveryOther && catalogueIndex % 2 == 1);
        }

    }

    /** What one group's search found for one query. */
    record Answer(Query query, Group group, double ndcg, long total, List<String> found) {
    }

    /**
     * One group loaded: its brand slugs and which fixture product each product slug is.
     */
    record Loaded(List<String> brandIds, List<String> brandSlugs, Map<String, String> productKeys) {
    }

    @Test
    void theBlindExamScoresNoWorseThanToday() throws Exception {
        var sitting = sit(Exam.FIRST);
        var answers = sitting.answers();
        assertEachHalf(Exam.FIRST, sitting, HALVES, MEAN_FLOORS);
        for (var group : Group.values()) {
            for (var half : HALVES) {
                var column = group.ordinal() * 2 + HALVES.indexOf(half);
                for (var kind : kinds(answers)) {
                    assertThat(mean(graded(answers, group, half, kind))).as("nDCG@10 of %s, %s %s", kind, group, half)
                        .isGreaterThanOrEqualTo(KIND_FLOORS.get(kind).get(column));
                }
            }
            for (var set : SETS) {
                var name = group + " " + set;
                assertThat(mean(graded(answers, group, set, null))).as("mean nDCG@10, %s", name)
                    .isGreaterThanOrEqualTo(MEAN_FLOORS.get(name));
            }
        }
    }

    /** Each later exam's floors, from its figures above. */
    private static final Map<Exam, Map<String, Double>> LATER_EXAMS_FLOORS = Map.ofEntries(
            Map.entry(Exam.SECOND, SECOND_EXAM_FLOORS), Map.entry(Exam.THIRD, THIRD_EXAM_FLOORS),
            Map.entry(Exam.FOURTH, FOURTH_EXAM_FLOORS), Map.entry(Exam.FIFTH, FIFTH_EXAM_FLOORS),
            Map.entry(Exam.SIXTH, SIXTH_EXAM_FLOORS), Map.entry(Exam.SEVENTH, SEVENTH_EXAM_FLOORS),
            Map.entry(Exam.EIGHTH, EIGHTH_EXAM_FLOORS), Map.entry(Exam.NINTH, NINTH_EXAM_FLOORS),
            Map.entry(Exam.TENTH, TENTH_EXAM_FLOORS), Map.entry(Exam.ELEVENTH, ELEVENTH_EXAM_FLOORS),
            Map.entry(Exam.TWELFTH, TWELFTH_EXAM_FLOORS), Map.entry(Exam.THIRTEENTH, THIRTEENTH_EXAM_FLOORS),
            Map.entry(Exam.FOURTEENTH, FOURTEENTH_EXAM_FLOORS), Map.entry(Exam.FIFTEENTH, FIFTEENTH_EXAM_FLOORS));

    /** The second exam is one set; each later one has a tuning and a held-out half. */
    @ParameterizedTest
    @EnumSource(value = Exam.class, names = "FIRST", mode = EnumSource.Mode.EXCLUDE)
    void eachLaterExamScoresNoWorseThanToday(Exam exam) throws Exception {
        assertEachHalf(exam, sit(exam), exam == Exam.SECOND ? List.of(EXAM) : HALVES, LATER_EXAMS_FLOORS.get(exam));
    }

    /**
     * In each group and half: the mean nDCG@10 of the queries with a true match is at
     * least its floor, few of them find nothing, and the search leads the plain BM25.
     */
    private static void assertEachHalf(Exam exam, Sitting sitting, List<String> halves, Map<String, Double> floors) {
        for (var group : Group.values()) {
            for (var half : halves) {
                var name = group + " " + half;
                assertThat(mean(graded(sitting.answers(), group, half, null))).as("mean nDCG@10, %s", name)
                    .isGreaterThanOrEqualTo(floors.get(name));
                assertThat(share(graded(sitting.answers(), group, half, null), answer -> answer.total() == 0))
                    .as("share of matched queries finding nothing, %s", name)
                    .isLessThanOrEqualTo(exam.matchedZeroResultCeiling);
                assertThat(mean(graded(sitting.answers(), group, half, null))
                        - mean(graded(sitting.baseline(), group, half, null)))
                    .as("lead in mean nDCG@10 over the plain BM25, %s", name)
                    .isGreaterThanOrEqualTo(exam.leadOverPlainBm25);
                assertThat(mean(ofTextKinds(sitting.answers(), group, half))
                        - mean(ofTextKinds(sitting.baseline(), group, half)))
                    .as("lead in mean nDCG@10 over the plain BM25 on plain words, typos, stems and synonyms, %s", name)
                    .isGreaterThanOrEqualTo(NARROWER_TEXT_LEADS.getOrDefault(exam, TEXT_LEAD_OVER_PLAIN_BM25));
            }
        }
    }

    private static List<Answer> ofTextKinds(List<Answer> answers, Group group, String half) {
        return graded(answers, group, half, null).stream()
            .filter(answer -> TEXT_KINDS.contains(answer.query().kind()))
            .toList();
    }

    /**
     * Loads the exam's catalogue in both groups, asks its queries of the search and of
     * the plain BM25, writes the report to {@code target/<directory>-relevance.md} and
     * withdraws the exam's brands again.
     */
    private Sitting sit(Exam exam) throws Exception {
        var started = Instant.now();
        var catalogue = new String(
                new ClassPathResource("search/" + exam.directory + "/catalogue.json").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        var queries = queries(exam);
        List<String> keys = JsonPath.read(catalogue, "$.products[*].key");
        assertThat(queries.stream().flatMap(query -> query.grades().keySet().stream()))
            .as("graded products are in the catalogue")
            .allMatch(keys::contains);
        var search = new SearchApi(port);
        search.api().http().awaitReady();
        var curator = search.api().signIn(ApiClient.CURATOR);
        var run = UUID.randomUUID().toString().substring(0, 6);
        Map<Group, Loaded> groups = new LinkedHashMap<>();
        List<PlainBm25Baseline> baselines = new ArrayList<>();
        try {
            for (var group : Group.values()) {
                groups.put(group, load(search, catalogue, exam, group, run, curator));
                log.info("Group {} loaded after {} s", group, Duration.between(started, Instant.now()).toSeconds());
            }
            for (var loaded : groups.values()) {
                awaitSearchable(search, loaded.brandSlugs(), keys.size());
            }
            completions.count(); // what the minute's count does: the words many titles
                                 // have
            var loadedIn = Duration.between(started, Instant.now());
            log.info("Search sees both groups after {} s", loadedIn.toSeconds());
            List<Answer> answers = new ArrayList<>();
            List<Answer> baseline = new ArrayList<>();
            for (var entry : groups.entrySet()) {
                var bm25 = PlainBm25Baseline.index(elasticsearch, search.api(), catalogue, entry.getKey());
                baselines.add(bm25);
                for (var query : queries) {
                    answers.add(answer(search, query, entry.getKey(), entry.getValue()));
                    baseline.add(bm25.answer(query));
                }
            }
            var report = report(answers, baseline, keys.size(), queries, loadedIn,
                    Duration.between(started, Instant.now()));
            log.info("\n{}", report);
            Files.writeString(Files.createDirectories(Path.of("target")).resolve(exam.directory + "-relevance.md"),
                    report);
            return new Sitting(answers, baseline);
        }
        finally {
            for (var bm25 : baselines) {
                bm25.close();
            }
            withdraw(search, groups.values(), curator);
            completions.count();
            forget(queries);
        }
    }

    /**
     * Removes the exam's searches from the search statistics: searched in two groups, its
     * queries would fill the popular searches other test classes ask for (a portal has no
     * such traffic).
     */
    private void forget(List<Query> queries) {
        analytics.flush();
        jdbc.sql("delete from search_query where query_text in (:texts)")
            .param("texts", queries.stream().map(query -> SearchAnalytics.normalise(query.text())).distinct().toList())
            .update();
    }

    /**
     * Suspends the fixture's brands and waits until search no longer shows their
     * products: the other test classes share the index, and some 250 extra products would
     * change what their searches rank first. Their deleted documents are then merged
     * away, since until then their words still weigh in every score.
     */
    private static void withdraw(SearchApi search, Collection<Loaded> groups, String curator) throws Exception {
        for (var loaded : groups) {
            for (var brandId : loaded.brandIds()) {
                SearchApi.ok(
                        search.api().mutate(SUSPEND, Map.of("id", brandId, "note", "Blind fixture, done"), curator),
                        "suspendBrand");
            }
            awaitSearchable(search, loaded.brandSlugs(), 0);
        }
    }

    static List<Query> queries(Exam exam) throws Exception {
        List<Query> queries = new ArrayList<>();
        for (var file : exam.files) {
            queries.addAll(queries(exam, file));
        }
        return queries;
    }

    private static List<Query> queries(Exam exam, QueryFile file) throws Exception {
        var half = file.half();
        var text = new String(
                new ClassPathResource("search/" + exam.directory + "/" + file.name()).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        List<Query> queries = new ArrayList<>();
        for (var line : text.lines().skip(1).filter(line -> !line.isBlank()).toList()) {
            var columns = line.split("\t", -1);
            Map<String, Integer> grades = new HashMap<>();
            Arrays.stream(columns[3].split(" ")).filter(grade -> !grade.isBlank()).forEach(grade -> {
                var parts = grade.split(":");
                grades.put(parts[0], Integer.parseInt(parts[1]));
            });
            queries.add(new Query(half == null ? columns[0] : half, columns[1], columns[2], grades));
        }
        return queries;
    }

    /**
     * Signs a producer up for each brand, creates and submits the brand, has the curator
     * verify it, and creates and publishes its products, all through the API; four brands
     * at a time, as the portal serves several producers at once.
     */
    Loaded load(SearchApi search, String catalogue, Exam exam, Group group, String run, String curator)
            throws Exception {
        var api = new ApiClient(new HttpTestClient(port, group.address(exam)));
        List<Map<String, Object>> brands = JsonPath.read(catalogue, "$.brands");
        List<Map<String, Object>> products = JsonPath.read(catalogue, "$.products");
        var producers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Loaded>> work = new ArrayList<>();
            for (var brand : brands) {
                work.add(() -> loadBrand(api, search, brand, products, group, run, curator));
            }
            List<String> brandIds = new ArrayList<>();
            List<String> brandSlugs = new ArrayList<>();
            Map<String, String> productKeys = new HashMap<>();
            for (var done : producers.invokeAll(work)) {
                brandIds.addAll(done.get().brandIds());
                brandSlugs.addAll(done.get().brandSlugs());
                productKeys.putAll(done.get().productKeys());
            }
            return new Loaded(brandIds, brandSlugs, productKeys);
        }
        finally {
            producers.shutdownNow();
        }
    }

    private static Loaded loadBrand(ApiClient api, SearchApi search, Map<String, Object> brand,
            List<Map<String, Object>> products, Group group, String run, String curator) throws Exception {
        var key = (String) brand.get("key");
        var suffix = run + group.name().toLowerCase(Locale.ROOT);
        var producer = api.signUp("PRODUCER");
        var slug = key + "-" + suffix;
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(Map.of("name", brand.get("name"), "slug", slug, "legalForm",
                        brand.get("legalForm"), "villageSlug", brand.get("village"), "story",
                        ApiClient.text((String) brand.get("story"), null))),
                producer);
        SearchApi.ok(created, "createBrand");
        String brandId = JsonPath.read(created, "$.data.createBrand.brand.id");
        SearchApi.ok(api.mutate(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), producer), "submitBrandForVerification");
        SearchApi.ok(api.mutate(
                "mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), curator), "verifyBrand");
        Map<String, String> productKeys = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            var product = products.get(i);
            if (!key.equals(product.get("brand"))) {
                continue;
            }
            var english = group.keepsEnglish(i);
            Map<String, Object> input = new HashMap<>();
            input.put("brandId", brandId);
            input.put("title", text(product, "title", english));
            input.put("description", text(product, "description", english));
            input.put("categorySlug", product.get("category"));
            input.put("materials", product.get("materials"));
            input.put("price", product.get("price"));
            input.put("availability", product.get("availability"));
            for (var detail : List.of("stockQuantity", "leadTimeDays")) {
                if (product.containsKey(detail)) {
                    input.put(detail, product.get(detail));
                }
            }
            Map<String, String> title = JsonPath.read(product, "$.title");
            // each brand its own photo: a product may not show another brand's
            input.put("images", List.of(ApiClient.image("blind/" + suffix + "/" + product.get("key") + ".jpg",
                    title.get("id"), english ? title.get("en") : null)));
            var made = api.mutate(
                    "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id slug } userErrors { code } } }",
                    input, producer);
            SearchApi.ok(made, "createProduct");
            search.transition("publishProduct", JsonPath.read(made, "$.data.createProduct.product.id"), producer);
            productKeys.put(JsonPath.read(made, "$.data.createProduct.product.slug"), (String) product.get("key"));
        }
        return new Loaded(List.of(brandId), List.of(slug), productKeys);
    }

    private static Map<String, Object> text(Map<String, Object> product, String field, boolean english) {
        Map<String, String> text = JsonPath.read(product, "$." + field);
        return ApiClient.text(text.get("id"), english ? text.get("en") : null);
    }

    private static void awaitSearchable(SearchApi search, List<String> brandSlugs, int count) {
        await("search sees all " + count + " products of " + brandSlugs.getFirst() + "'s group")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> SearchApi.total(searchPatiently(search, null, brandSlugs, 1)) == count);
    }

    /**
     * The search's answer, asked again while the search node is too busy to answer (as
     * while it indexes both groups on a machine shared with other builds).
     */
    private static String searchPatiently(SearchApi search, String query, List<String> brandSlugs, int first) {
        return await("an answer to " + query).atMost(Duration.ofSeconds(30))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> search.searchRaw(query, Map.of("brands", brandSlugs), null, first, null),
                    body -> !SearchApi.hasErrors(body));
    }

    private static Answer answer(SearchApi search, Query query, Group group, Loaded loaded) throws Exception {
        var body = searchPatiently(search, query.text(), loaded.brandSlugs(), 10);
        var found = SearchApi.slugs(body).stream().map(loaded.productKeys()::get).toList();
        return new Answer(query, group, ndcgAt10(found, query.grades()), SearchApi.total(body), found);
    }

    /**
     * Normalised discounted cumulative gain of the first ten found: gain 2^grade - 1,
     * discount log2(rank + 1), divided by the gain of the best possible order of the
     * grades.
     */
    static double ndcgAt10(List<String> found, Map<String, Integer> grades) {
        var ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        var best = dcg(ideal);
        return (best == 0) ? 0 : dcg(found.stream().map(key -> grades.getOrDefault(key, 0)).toList()) / best;
    }

    private static double dcg(List<Integer> gradesInOrder) {
        var sum = 0.0;
        for (int rank = 1; rank <= Math.min(10, gradesInOrder.size()); rank++) {
            sum += (Math.pow(2, gradesInOrder.get(rank - 1)) - 1) / (Math.log(rank + 1) / Math.log(2));
        }
        return sum;
    }

    /**
     * The answers to queries with a true match, of a group and half, and of a kind unless
     * null.
     */
    private static List<Answer> graded(List<Answer> answers, Group group, String half, String kind) {
        return answers.stream()
            .filter(answer -> answer.group() == group && answer.query().half().equals(half)
                    && !answer.query().kind().equals(NO_MATCH) && (kind == null || answer.query().kind().equals(kind)))
            .toList();
    }

    private static List<Answer> noMatch(List<Answer> answers, Group group, String half) {
        return answers.stream()
            .filter(answer -> answer.group() == group && answer.query().half().equals(half)
                    && answer.query().kind().equals(NO_MATCH))
            .toList();
    }

    private static double mean(List<Answer> answers) {
        return answers.stream().mapToDouble(Answer::ndcg).average().orElse(Double.NaN);
    }

    private static double share(List<Answer> answers, Predicate<Answer> condition) {
        return answers.isEmpty() ? Double.NaN : (double) answers.stream().filter(condition).count() / answers.size();
    }

    private static List<String> kinds(List<Answer> answers) {
        return answers.stream()
            .map(answer -> answer.query().kind())
            .filter(kind -> !kind.equals(NO_MATCH))
            .distinct()
            .toList();
    }

    /**
     * The figures as Markdown, of the portal's search and of the plain BM25 beside it:
     * per half (or set) and group, per kind, the zero-result rates, and the tuning data
     * query by query (held-out halves, test sets and exams only in sums, so they stay
     * unseen).
     */
    static String report(List<Answer> answers, List<Answer> baseline, int productsPerGroup, List<Query> queries,
            Duration loadedIn, Duration tookIn) {
        Map<String, List<Answer>> systems = new LinkedHashMap<>();
        systems.put("search", answers);
        systems.put("plain BM25", baseline);
        var halves = queries.stream().map(Query::half).distinct().toList();
        var halvesOfKinds = halves.stream().filter(half -> !SETS.contains(half)).toList();
        var out = new StringBuilder();
        out.append("# Blind relevance evaluation\n\n")
            .append(String
                .format(Locale.ROOT, "%d products per group, %d queries (%s); loaded in %d s, all done in %d s.%n%n",
                        productsPerGroup, queries.size(),
                        String.join(", ", halves.stream()
                            .map(half -> queries.stream().filter(q -> q.half().equals(half)).count() + " " + half)
                            .toList()),
                        loadedIn.toSeconds(), tookIn.toSeconds()))
            .append("Group A: the catalogue as written. Group B: English title and description removed from every ")
            .append("other product.\n\n")
            .append("Search: the portal's product search. Plain BM25: the same products in an index of their own, ")
            .append("standard analyzer, a most_fields multi_match of the query over every text field.\n\n");
        out.append("## nDCG@10 per half (queries with a true match)\n\n| group | by | ")
            .append(String.join(" | ", halves))
            .append(" |\n|---|---|")
            .append("---|".repeat(halves.size()))
            .append("\n");
        for (var group : Group.values()) {
            systems.forEach((system, found) -> {
                out.append("| ").append(group).append(" | ").append(system);
                halves.forEach(half -> out
                    .append(String.format(Locale.ROOT, " | %.3f", mean(graded(found, group, half, null)))));
                out.append(" |\n");
            });
        }
        out.append("\nThe kinds a plain BM25 can answer at all (").append(String.join(", ", TEXT_KINDS)).append("):\n");
        for (var group : Group.values()) {
            systems.forEach((system, found) -> {
                out.append("\n- group ").append(group).append(", ").append(system).append(":");
                halvesOfKinds.forEach(half -> out
                    .append(String.format(Locale.ROOT, " %s %.3f", half, mean(ofTextKinds(found, group, half)))));
            });
        }
        out.append("\n");
        // the test set's writer did not see the vocabulary set, and chose some of its
        // words too
        var tuned = queries.stream().filter(q -> q.half().equals(VOCABULARY)).map(Query::text).toList();
        if (halves.contains(TEST)) {
            for (var group : Group.values()) {
                systems.forEach((system, found) -> {
                    var fresh = graded(found, group, TEST, null).stream()
                        .filter(answer -> !tuned.contains(answer.query().text()))
                        .toList();
                    out.append(String.format(Locale.ROOT,
                            "%nTest set, group %s, %s, the %d queries not also in the vocabulary set: %.3f", group,
                            system, fresh.size(), mean(fresh)));
                });
            }
            out.append("\n");
        }
        out.append("\n## nDCG@10 per kind\n\n| kind | by");
        for (var group : Group.values()) {
            halvesOfKinds.forEach(half -> out.append(" | ").append(group).append(" ").append(half));
        }
        out.append(" |\n|---|---|").append("---|".repeat(Group.values().length * halvesOfKinds.size())).append("\n");
        for (var kind : kinds(answers)) {
            systems.forEach((system, found) -> {
                out.append("| ").append(kind).append(" | ").append(system);
                for (var group : Group.values()) {
                    for (var half : halvesOfKinds) {
                        out.append(String.format(Locale.ROOT, " | %.3f", mean(graded(found, group, half, kind))));
                    }
                }
                out.append(" |\n");
            });
        }
        out.append("\n## Zero results\n\n")
            .append("| group | half | by | queries with a true match that found nothing ")
            .append("| no-match queries that found nothing | mean results of no-match queries |\n")
            .append("|---|---|---|---|---|---|\n");
        for (var group : Group.values()) {
            for (var half : halvesOfKinds) {
                systems.forEach((system, found) -> {
                    var matched = graded(found, group, half, null);
                    var unmatched = noMatch(found, group, half);
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d of %d (%.1f%%) | %d of %d | %.1f |%n",
                            group, half, system, matched.stream().filter(a -> a.total() == 0).count(), matched.size(),
                            100 * share(matched, a -> a.total() == 0),
                            unmatched.stream().filter(a -> a.total() == 0).count(), unmatched.size(),
                            unmatched.stream().mapToLong(Answer::total).average().orElse(Double.NaN)));
                });
            }
        }
        if (halves.contains("tune")) {
            queryByQuery(out, "Tuning half", answers, baseline, "tune");
        }
        if (halves.contains(VOCABULARY)) {
            queryByQuery(out, "Vocabulary set", answers, baseline, VOCABULARY);
        }
        return out.toString();
    }

    private static void queryByQuery(StringBuilder out, String title, List<Answer> answers, List<Answer> baseline,
            String half) {
        out.append("\n## ")
            .append(title)
            .append(", query by query\n\n| kind | query | A | B | plain BM25 A | plain BM25 B | results A ")
            .append("| A's first three | B's first three, where not A's |\n|---|---|---|---|---|---|---|---|---|\n");
        var tuning = answers.stream().filter(a -> a.group() == Group.A && a.query().half().equals(half)).toList();
        for (var a : tuning) {
            var b = same(answers, a.query(), Group.B);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %s | %s |%n", a.query().kind(),
                    a.query().text(), figure(a), figure(b), figure(same(baseline, a.query(), Group.A)),
                    figure(same(baseline, a.query(), Group.B)), a.total(), firstThree(a),
                    firstThree(b).equals(firstThree(a)) ? "" : firstThree(b)));
        }
    }

    private static String firstThree(Answer answer) {
        return String.join(", ", answer.found().subList(0, Math.min(3, answer.found().size())));
    }

    /** The answer of these to the same query in the given group. */
    private static Answer same(List<Answer> answers, Query query, Group group) {
        return answers.stream()
            .filter(other -> other.group() == group && other.query() == query)
            .findFirst()
            .orElseThrow();
    }

    private static String figure(Answer answer) {
        return answer.query().grades().isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", answer.ndcg());
    }

}
