package id.kriyanusa.web;

import java.util.Map;

import id.kriyanusa.platform.graphql.ClientAddress;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.client.GraphQlTransport;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the storefront's GraphQL documents against the application's own schema, in
 * process: pages and API clients share one read path and one set of authorisation rules,
 * without an HTTP round trip. The page thread's context (the signed-in visitor's security
 * context, the page's language) is captured here and restored by Spring for GraphQL on
 * the threads where the fields run, so the services see the page's caller (a signed-in
 * producer's session) as they see an API client's token.
 */
class InProcessGraphQlTransport implements GraphQlTransport {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final ExecutionGraphQlService service;

    InProcessGraphQlTransport(ExecutionGraphQlService service) {
        this.service = service;
    }

    @Override
    public Mono<GraphQlResponse> execute(GraphQlRequest request) {
        var executionRequest = new DefaultExecutionGraphQlRequest(request.getDocument(), request.getOperationName(),
                request.getVariables(), request.getExtensions(), "page", LocaleContextHolder.getLocale());
        // the visitor's address, as the API's ClientAddress gives it: limits per address
        // (sign-ups, sign-in attempts) count a page's visitor, not all pages as one
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
            var address = page.getRequest().getRemoteAddr();
            executionRequest.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(Map.of(ClientAddress.CONTEXT_KEY, address)).build());
        }
        var pageContext = SNAPSHOTS.captureAll();
        return service.execute(executionRequest).contextWrite(pageContext::updateContext).cast(GraphQlResponse.class);
    }

    @Override
    public Flux<GraphQlResponse> executeSubscription(GraphQlRequest request) {
        return Flux.error(new UnsupportedOperationException("Pages do not subscribe"));
    }

}
