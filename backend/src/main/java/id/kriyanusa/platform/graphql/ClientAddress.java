package id.kriyanusa.platform.graphql;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's network address into the GraphQL context, for throttling sign-in
 * attempts per address. Behind a reverse proxy, enable `server.forward-headers-strategy`
 * so this is the client's address.
 */
@Component
public class ClientAddress implements WebGraphQlInterceptor {

    public static final String CONTEXT_KEY = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var remote = request.getRemoteAddress();
        var address = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        request
            .configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, address)).build());
        return chain.next(request);
    }

}
