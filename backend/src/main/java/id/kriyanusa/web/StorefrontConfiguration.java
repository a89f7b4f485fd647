package id.kriyanusa.web;

import java.time.Duration;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Server-rendered pages: Indonesian by default, English at addresses with `?lang=en`
 * ({@link AddressLanguage}); the stylesheet and favicon at addresses carrying their
 * content's hash.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration implements WebMvcConfigurer {

    @Bean
    GraphQlClient storefrontGraphQlClient(ExecutionGraphQlService graphQlService) {
        return GraphQlClient.builder(new InProcessGraphQlTransport(graphQlService)).build();
    }

    /** Named so that the DispatcherServlet resolves every page's language with it. */
    @Bean
    AddressLanguage localeResolver() {
        return new AddressLanguage();
    }

    /**
     * Before Spring Security, so that the redirects after signing in stay in the
     * visitor's language too; on error pages as well.
     */
    @Bean
    FilterRegistrationBean<AddressLanguage> addressLanguageFilter(AddressLanguage language) {
        var registration = new FilterRegistrationBean<>(language);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    private final SentForms sentForms;

    StorefrontConfiguration(SentForms sentForms) {
        this.sentForms = sentForms;
    }

    /**
     * Rows numbered beyond any form's are a bad request, not a failed page; a form sent
     * again changes nothing new.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FormRowLimit());
        registry.addInterceptor(sentForms);
    }

    /**
     * The stylesheet's and the favicon's addresses carry a hash of their content
     * (kriyanusa-<hash>.css), so phones keep them for a year without asking again
     * (immutable), and a new version is fetched at once because its address changes.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        keptAYear(registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/"));
        keptAYear(registry.addResourceHandler("/*.svg").addResourceLocations("classpath:/static/"));
    }

    private static void keptAYear(ResourceHandlerRegistration files) {
        files.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
            .resourceChain(true)
            .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

}
