package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fields of one GraphQL request run side by side, on virtual threads: a search page
 * asks for products, brands and villages at once, and while Elasticsearch restarted it
 * waited for their time limits one after the other. Boot leaves its executor (and with it
 * this) out as soon as the application defines an executor of its own, which search
 * indexing does, unless `spring.task.execution.mode` is `force`.
 */
@SpringBootTest
@ActiveProfiles("demo")
class GraphQlFieldsSideBySideTest {

    @Autowired
    AnnotatedControllerConfigurer controllers;

    @Test
    void blockingControllerMethodsRunOnVirtualThreads() throws Exception {
        var executor = controllers.getExecutor();
        assertThat(executor).as("the executor of blocking GraphQL controller methods").isNotNull();
        var ranOnVirtualThread = CompletableFuture.supplyAsync(() -> Thread.currentThread().isVirtual(), executor);
        assertThat(ranOnVirtualThread.get()).isTrue();
    }

}
