package id.kriyanusa.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Server-rendered pages: Indonesian by default, English on request (`?lang=en`,
 * remembered in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Bean
    GraphQlClient storefrontGraphQlClient(ExecutionGraphQlService graphQlService) {
        return GraphQlClient.builder(new InProcessGraphQlTransport(graphQlService)).build();
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("kriyanusa-lang");
        resolver.setDefaultLocale(INDONESIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var languageSwitch = new LocaleChangeInterceptor() {

            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                // an error page keeps the visitor's language; reading parameters again
                // would fail for the upload too large to parse that caused it
                return request.getDispatcherType() == DispatcherType.ERROR
                        || super.preHandle(request, response, handler);
            }

        };
        languageSwitch.setParamName("lang");
        registry.addInterceptor(languageSwitch);
    }

}
