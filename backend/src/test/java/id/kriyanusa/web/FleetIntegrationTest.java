package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.PortalInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the portal behind a load balancer, sharing PostgreSQL, Elasticsearch
 * and S3: whichever instance a request reaches, it finds what the other one did.
 */
class FleetIntegrationTest {

    static PortalInstance first;

    static PortalInstance second;

    @BeforeAll
    static void startTwoInstances() {
        first = PortalInstance.start("portal-a", List.of());
        second = PortalInstance.start("portal-b", List.of());
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
        var doomed = PortalInstance.start("portal-doomed", List.of());
        var browser = new FormBrowser(doomed.port());
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        doomed.close();

        var dashboard = browser.at(first.port()).get("/dasbor");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dasbor produsen");
    }

}
