package id.kriyanusa.platform.graphql;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's network address into the GraphQL context, for throttling sign-in
 * attempts and search work per address and for counting the different searchers of a
 * search (never stored as such). Behind a reverse proxy, enable
 * `server.forward-headers-strategy` so this is the client's address.
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

    /**
     * The address, or for IPv6 its /64 network: one client holds a whole /64 and could
     * otherwise change address at every request.
     */
    public static String network(String clientAddress) {
        if (clientAddress.indexOf(':') < 0) {
            return clientAddress;
        }
        try {
            var bytes = InetAddress.getByName(clientAddress).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return clientAddress;
        }
        catch (UnknownHostException ex) {
            return clientAddress;
        }
    }

}
