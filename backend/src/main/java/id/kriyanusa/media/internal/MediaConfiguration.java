package id.kriyanusa.media.internal;

import id.kriyanusa.platform.security.AccessTokenClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The media endpoints' security and the cleanup schedule.
 * <p>
 * {@code /media/**} takes bearer tokens like the API, so API and mobile clients can post
 * to the upload form endpoint; requests without a bearer token (a page session's cookie)
 * keep CSRF protection, as the server-rendered forms do. Serving is public; Spring
 * Security's no-cache headers are off here because renditions are cached for ever.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MediaConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain mediaSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/media/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
                var authorization = request.getHeader("Authorization");
                return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            }))
            .headers(headers -> headers.cacheControl(cache -> cache.disable()))
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessTokenClaims.authenticationConverter())));
        return http.build();
    }

}
