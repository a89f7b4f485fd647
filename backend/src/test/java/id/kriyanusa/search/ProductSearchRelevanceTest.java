package id.kriyanusa.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Relevance of the product search on the demo catalog, measured as nDCG@10 over the
 * judged queries of {@code search/relevance-judgments.tsv}. The thresholds guard against
 * regressions: raise them as ranking improves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductSearchRelevanceTest {

    /*
     * Why these thresholds (measured 2026-11-27 on the demo catalog: mean 0.980 over 41
     * queries, lowest "vas bunga" 0.611, then "tas ketak" 0.864; every other query >=
     * 0.92).
     *
     * Mean >= 0.90. One query is 1/41 of the mean: a query losing all its relevant
     * results costs 0.024, one whose results halve costs ~0.012. 0.90 sits 0.08 below the
     * measured figure, so ordinary churn passes (demo products added or reworded shift
     * term statistics and ties; about three queries could lose everything, or six halve),
     * while a broken family of queries fails: the cross-language synonyms, typo tolerance
     * or the Indonesian stemmer going wrong takes out 8+ queries at once, >= 0.19 of the
     * mean. It is also not set nearer to 1.0 because the judgments are rules (category,
     * title pattern, material), not product-by-product grades: products that meet a rule
     * but that a person would rank lower make ~0.02-0.05 of the gap to 1.0 noise rather
     * than signal.
     *
     * Every query >= 0.50. For a query with one clearly relevant product, nDCG@10 is 1 /
     * log2(rank + 1): 0.50 means it is third, which is what a phone shows above the fold;
     * lower, the buyer does not see what was asked for without scrolling. With several
     * relevant products, 0.50 roughly means the first relevant one is below the second
     * place or half of them are missing from the top ten. The floor also catches a single
     * query collapsing, which the mean (-0.024 per query) would hide.
     */
    static final double MIN_MEAN_NDCG = 0.90;
    static final double MIN_QUERY_NDCG = 0.50;

    record Listing(String slug, String category, String parentCategory, String titles, List<String> materials) {
    }

    record Rule(int grade, String kind, String value) {

        boolean matches(Listing listing) {
            return switch (kind) {
                case "category" -> value.equals(listing.category()) || value.equals(listing.parentCategory());
                case "title" -> Pattern.compile(value, Pattern.CASE_INSENSITIVE).matcher(listing.titles()).find();
                case "material" -> listing.materials().contains(value);
                default -> throw new IllegalArgumentException("Unknown rule " + kind);
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void judgedQueriesRankRelevantProductsFirst() throws Exception {
        var api = new SearchApi(port);
        var listings = jdbc.sql("""
                select p.slug, c.slug as category, parent.slug as parent_category,
                       p.title_id || ' ' || coalesce(p.title_en, '') as titles, p.materials
                from product p join brand b on b.id = p.brand_id
                     left join category c on c.id = p.category_id left join category parent on parent.id = c.parent_id
                where p.status = 'PUBLISHED' and b.verification_status = 'VERIFIED'
                """)
            .query((rs, row) -> new Listing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    List.of((String[]) rs.getArray(5).getArray())))
            .list();
        awaitIndexed(api, listings.size());

        var scores = new TreeMap<String, Double>();
        for (var judged : judgements().entrySet()) {
            var grades = new LinkedHashMap<String, Integer>();
            for (var listing : listings) {
                int grade = judged.getValue()
                    .stream()
                    .filter(rule -> rule.matches(listing))
                    .mapToInt(Rule::grade)
                    .max()
                    .orElse(0);
                if (grade > 0) {
                    grades.put(listing.slug(), grade);
                }
            }
            assertThat(grades).as("some product is relevant to %s", judged.getKey()).isNotEmpty();
            var ranked = SearchApi.slugs(api.search(judged.getKey(), null, null, 10));
            scores.put(judged.getKey(), ndcg(ranked, grades, 10));
        }
        var mean = scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        var report = new StringBuilder(
                String.format(Locale.ROOT, "mean nDCG@10 %.3f over %d queries%n", mean, scores.size()));
        scores.forEach((query, score) -> report.append(String.format(Locale.ROOT, "  %-18s %.3f%n", query, score)));
        System.out.println(report);
        assertThat(mean).as(report.toString()).isGreaterThanOrEqualTo(MIN_MEAN_NDCG);
        assertThat(scores.values()).as(report.toString())
            .allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(MIN_QUERY_NDCG));
    }

    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0), i);
        }
        var ideal = grades.values().stream().sorted(Comparator.reverseOrder()).limit(k).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i), i);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double gain(int grade, int position) {
        return (Math.pow(2, grade) - 1) / (Math.log(position + 2) / Math.log(2));
    }

    private static Map<String, List<Rule>> judgements() throws IOException {
        var result = new LinkedHashMap<String, List<Rule>>();
        var text = new String(new ClassPathResource("search/relevance-judgments.tsv").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        for (var line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var parts = line.split("\t");
            var rule = parts[2].split(":", 2);
            result.computeIfAbsent(parts[0], query -> new ArrayList<>())
                .add(new Rule(Integer.parseInt(parts[1]), rule[0], rule[1]));
        }
        return result;
    }

    private static void awaitIndexed(SearchApi api, long expected) {
        await("products index ready").atMost(Duration.ofSeconds(90))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> api.searchRaw(null, null, null, 1, null), body -> !SearchApi.hasErrors(body)
                    && ((Number) JsonPath.read(body, "$.data.searchProducts.totalCount")).longValue() == expected);
    }

}
