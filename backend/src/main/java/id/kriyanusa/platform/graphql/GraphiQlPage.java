package id.kriyanusa.platform.graphql;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL, the API's explorer, at `/graphiql`: its code comes from WebJars on the class
 * path rather than a CDN (Spring for GraphQL's own page loads it from esm.sh), so it
 * works offline and under the pages' content security policy. It grants nothing: every
 * request it sends is an ordinary API request with the caller's token.
 */
@Controller
class GraphiQlPage {

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }

}
