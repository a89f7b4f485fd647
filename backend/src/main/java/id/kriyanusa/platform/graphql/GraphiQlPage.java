package id.kriyanusa.platform.graphql;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL, the API's explorer, at `/graphiql`: its code comes from WebJars on the class
 * path rather than a CDN (Spring for GraphQL's own page loads it from esm.sh), so it
 * works offline and under the pages' content security policy. It grants nothing: every
 * request it sends is an ordinary API request with the caller's token.
 */
@Controller
class GraphiQlPage implements WebMvcConfigurer {

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }

    /**
     * The page and its own script and style (the static files are served by name only).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/graphiql/**").addResourceLocations("classpath:/static/graphiql/");
    }

}
