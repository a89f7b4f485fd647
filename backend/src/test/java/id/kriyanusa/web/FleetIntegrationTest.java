package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.PortalInstance;
import id.kriyanusa.search.SearchIndexName;
import id.kriyanusa.search.internal.RebuildsUnderWay;
import id.kriyanusa.search.internal.SearchIndices;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the portal behind a load balancer, sharing PostgreSQL, Elasticsearch
 * and S3: whichever instance a request reaches, it finds what the other one did.
 */
class FleetIntegrationTest {

    /**
     * Housekeeping every second, to see in seconds how often it runs; three sign-ups per
     * address.
     */
    static final String[] FLEET = { "kriyanusa.identity.login-throttle-cleanup-interval=PT1S",
            "kriyanusa.media.cleanup-interval=PT1S", "kriyanusa.rate-limits.cleanup-interval=PT1S",
            "kriyanusa.identity.sign-ups-per-address=3" };

    static PortalInstance first;

    static PortalInstance second;

    @BeforeAll
    static void startTwoInstances() {
        first = PortalInstance.start("portal-a", List.of(CountedLocks.class), FLEET);
        second = PortalInstance.start("portal-b", List.of(CountedLocks.class), FLEET);
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aBrowserSignedInOnOneInstanceIsSignedInOnTheOtherUntilItSignsOutOnEither() throws Exception {
        var onFirst = new FormBrowser(first.port());
        onFirst.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);

        var onSecond = onFirst.at(second.port());
        var dashboard = onSecond.get("/dasbor");
        assertThat(dashboard.statusCode()).as("the other instance knows the session").isEqualTo(200);
        assertThat(dashboard.body()).contains("Dasbor produsen", "Koperasi Kriya Tembakau Semoyang");

        assertThat(onSecond.post("/keluar", Map.of()).statusCode()).isEqualTo(302);
        var afterSignOut = new FormBrowser(first.port()).get("/dasbor", "Cookie", "JSESSIONID=" + onFirst.sessionId());
        assertThat(afterSignOut.statusCode()).as("signed out on the first instance too").isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location"))
            .hasValueSatisfying(to -> assertThat(to).contains("/masuk"));
    }

    @Test
    void aSessionOutlivesTheInstanceThatStartedIt() throws Exception {
        var doomed = PortalInstance.start("portal-doomed", List.of(), FLEET);
        var browser = new FormBrowser(doomed.port());
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        doomed.close();

        var dashboard = browser.at(first.port()).get("/dasbor");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dasbor produsen");
    }

    @Test
    void housekeepingRunsOnceAnIntervalWhicheverInstanceRunsIt() {
        var jobs = List.of("event-publication-retry", "login-throttle-cleanup", "media-expired-uploads",
                "rate-limit-cleanup");
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(jobs)
                .allSatisfy(job -> assertThat(CountedLocks.attempts(job)).as("both instances try " + job)
                    .containsKeys("portal-a", "portal-b")
                    .allSatisfy((instance, tries) -> assertThat(tries).isGreaterThanOrEqualTo(3))));
        for (var job : jobs) {
            var runs = CountedLocks.runs(job);
            var tries = CountedLocks.attempts(job).values().stream().mapToInt(Integer::intValue).sum();
            assertThat(runs.size()).as(job + " ran fewer times than it was tried").isLessThan(tries);
            for (int run = 1; run < runs.size(); run++) {
                // a second apart at least (less what measuring here around the lock adds)
                assertThat(Duration.between(runs.get(run - 1), runs.get(run))).as(job + " ran twice in one interval")
                    .isGreaterThan(Duration.ofMillis(900));
            }
        }
    }

    @Test
    void aRebuildOnOneInstanceKeepsTheOtherFromRebuildingAndReceivesItsChanges() throws Exception {
        var here = first.bean(SearchIndices.class).of(SearchIndexName.VILLAGES);
        var there = second.bean(SearchIndices.class).of(SearchIndexName.VILLAGES);
        var village = first.bean(JdbcClient.class)
            .sql("select id from village where slug = 'semoyang'")
            .query(Long.class)
            .single();
        var current = here.index().current().orElseThrow();
        try (var rebuild = first.bean(RebuildsUnderWay.class).start("villages").orElseThrow()) {
            var target = here.index().createNext(current);
            rebuild.filling(target);
            try {
                assertThat(there.rebuilding()).isTrue();
                assertThat(there.rebuild()).as("the other instance does not rebuild it too").isNull();

                there.index(List.of(village));
                assertThat(storedIn(target, village)).as("a change indexed on the other instance").isTrue();
            }
            finally {
                here.index().delete(target);
            }
        }
        assertThat(there.rebuilding()).isFalse();
    }

    @Test
    void aRebuildWhoseInstanceDiedIsNotFollowed() {
        var rebuilds = first.bean(RebuildsUnderWay.class);
        var rebuild = rebuilds.start("brands").orElseThrow();
        rebuild.filling("brands-v999");
        assertThat(second.bean(RebuildsUnderWay.class).building("brands")).contains("brands-v999");

        // the instance's database session ends with it, and its lock
        first.bean(JdbcClient.class)
            .sql("select pg_terminate_backend(holder_pid) from search_rebuild where alias = 'brands'")
            .query(Boolean.class)
            .single();
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(second.bean(RebuildsUnderWay.class).building("brands")).isEmpty());
        assertThat(second.bean(SearchIndices.class).of(SearchIndexName.BRANDS).rebuilding()).isFalse();
        catchThrowable(rebuild::close);
    }

    @Test
    void signUpsFromOneAddressAreCountedByEveryInstanceTogether() throws Exception {
        var address = InetAddress.getByAddress(new byte[] { 127, 77, (byte) ThreadLocalRandom.current().nextInt(256),
                (byte) ThreadLocalRandom.current().nextInt(1, 255) });
        var onFirst = new HttpTestClient(first.port(), address);
        var onSecond = new HttpTestClient(second.port(), address);
        assertThat(signUp(onFirst)).isEqualTo("ok");
        assertThat(signUp(onSecond)).isEqualTo("ok");
        assertThat(signUp(onFirst)).isEqualTo("ok");
        assertThat(signUp(onSecond)).as("the fourth, whichever instance it reaches").isEqualTo("RATE_LIMITED");
    }

    private static String signUp(HttpTestClient client) throws Exception {
        var body = client
            .graphQl(
                    SignUpLimitIntegrationTest.REGISTER, Map
                        .of("input",
                                Map.of("email", ApiClient.unique("warga") + "@contoh.id", "password",
                                        "anyaman-ketak-2026", "displayName", "Warga", "role", "BUYER")),
                    null)
            .body();
        var codes = JsonPath.<List<String>>read(body, "$.data.register.userErrors[*].code");
        return codes.isEmpty() ? "ok" : codes.getFirst();
    }

    private static boolean storedIn(String index, long id) throws Exception {
        return first.bean(ElasticsearchClient.class)
            .get(get -> get.index(index).id(String.valueOf(id)), Map.class)
            .found();
    }

    /**
     * Counts, for the whole fleet, each instance's attempts to take a scheduled job's
     * lock and when the job got it (and so ran). Not a component: only the fleet's
     * instances have it.
     */
    static class CountedLocks implements BeanPostProcessor, EnvironmentAware {

        private static final Map<String, Map<String, Integer>> ATTEMPTS = new ConcurrentHashMap<>();

        private static final Map<String, List<Instant>> RUNS = new ConcurrentHashMap<>();

        private String instance;

        @Override
        public void setEnvironment(Environment environment) {
            this.instance = environment.getProperty(PortalInstance.NAME);
        }

        static Map<String, Integer> attempts(String job) {
            return Map.copyOf(ATTEMPTS.getOrDefault(job, Map.of()));
        }

        static List<Instant> runs(String job) {
            synchronized (RUNS) {
                return List.copyOf(RUNS.getOrDefault(job, List.of()));
            }
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof LockProvider locks)) {
                return bean;
            }
            return (LockProvider) job -> {
                var lock = locks.lock(job);
                ATTEMPTS.computeIfAbsent(job.getName(), name -> new ConcurrentHashMap<>())
                    .merge(instance, 1, Integer::sum);
                if (lock.isPresent()) {
                    synchronized (RUNS) {
                        RUNS.computeIfAbsent(job.getName(), name -> new ArrayList<>()).add(Instant.now());
                    }
                }
                return lock;
            };
        }

    }

}
