package id.kriyanusa.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The API is stateless (bearer JWT, no cookies, so no CSRF); the server-rendered pages
 * use a session with CSRF protection on every form. Both let every request through to the
 * services, which decide what the caller may do; only the producers' dashboard asks for a
 * signed-in account up front, so that visitors are sent to sign in (`/masuk`) first.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SIGN_IN_PAGE = "/masuk";
    static final String SIGN_OUT = "/keluar";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/graphql", "/graphql/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessTokenClaims.authenticationConverter())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, PageSessions sessions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
            // signed in is enough: the dashboard lists the caller's own brands and the
            // services decide the
            // rest; roles kept in the session would go stale when a buyer creates or
            // joins a brand
            .requestMatchers("/dasbor", "/dasbor/**")
            .authenticated()
            .anyRequest()
            .permitAll())
            .securityContext(context -> context.securityContextRepository(sessions.contexts))
            .csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokens))
            .requestCache(cache -> cache.requestCache(sessions.wantedPages))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE)))
            // with CSRF on, signing out is a POST carrying the token: a link on another
            // site cannot sign anyone out
            .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl("/").deleteCookies("JSESSIONID"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

}
