package id.kriyanusa.platform.security;

import java.security.SecureRandom;

import id.kriyanusa.platform.Secrets;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ForwardAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The API is stateless (bearer JWT, no cookies, so no CSRF); the server-rendered pages
 * use a session with CSRF protection on every form. Both let every request through to the
 * services, which decide what the caller may do; only the producers' dashboard and an
 * invitation link's sign-in step ask for a signed-in account up front, so that visitors
 * are sent to sign in (`/masuk`, or sign up from there) and back.
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
            // a bearer token's sign-in must not touch a page session whose cookie the
            // same
            // browser sends along: the default strategy gave it a new id on every
            // request,
            // and the page's requests sent meanwhile with the old one were signed out
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessTokenClaims.authenticationConverter())));
        return http.build();
    }

    /**
     * What the storefront, dashboard and console pages may load and where their forms may
     * post.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Pages wanted before signing in, to go back to once signed in. */
    private final HttpSessionRequestCache wantedPages = wantedPages();

    /** The pages' CSRF tokens; signing up renews them as signing in does. */
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    /**
     * Who typed a form kept after its session ended, signed with a key from the access
     * tokens' secret, so that every instance reads it (one of this run's own without
     * one).
     */
    private final FormAuthors formAuthors;

    SecurityConfiguration(@Value("${kriyanusa.security.tokens.secret:}") String secret) {
        byte[] key;
        if (secret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
        else {
            key = Secrets.sha256("kept-form-authors:" + secret);
        }
        this.formAuthors = new FormAuthors(key);
    }

    private static HttpSessionRequestCache wantedPages() {
        var cache = new HttpSessionRequestCache();
        // the page's address as it was asked for, without a marker parameter added to it
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    PageSignIn pageSignIn() {
        return new PageSignIn(csrfTokens, new SignInSuccess(wantedPages, formAuthors));
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationProvider passwords, AccountRoles roles)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
            // signed in is enough and the services decide the rest (the dashboard lists
            // the caller's own brands, the console asks for staff roles), with the roles
            // the account holds now (CurrentRoles)
            .requestMatchers("/dasbor", "/dasbor/**", "/kelola", "/kelola/**", SignInSuccess.KEPT_FORM_PAGE)
            .authenticated()
            // an invitation link's way to sign in (or up) and come back to accept it
            .requestMatchers("/undangan/*/masuk")
            .authenticated()
            .anyRequest()
            .permitAll())
            .authenticationProvider(passwords)
            // sessions are tracked by cookie only
            // (server.servlet.session.tracking-modes),
            // so no address can carry a session id and Security need not stop
            // encodeURL: the pages' links pass through it to keep `lang=en`
            .sessionManagement(session -> session.enableSessionUrlRewriting(true))
            .addFilterAfter(new CurrentRoles(roles), SecurityContextHolderFilter.class)
            .exceptionHandling(refusals -> refusals.accessDeniedHandler(new EndedSessionForms(formAuthors)))
            .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
            .requestCache(cache -> cache.requestCache(wantedPages))
            // a new session id (an id planted before sign-in is worthless) and a new CSRF
            // token at sign-in come with form login
            .formLogin(form -> form.loginPage(SIGN_IN_PAGE)
                .loginProcessingUrl(SIGN_IN_PAGE)
                .usernameParameter("email")
                .passwordParameter("password")
                .authenticationDetailsSource(SignInDetails::new)
                .successHandler(new SignInSuccess(wantedPages, formAuthors))
                // the form is shown again with the reason and the email typed, in the
                // visitor's language (SignInPageController)
                .failureHandler(new ForwardAuthenticationFailureHandler(SIGN_IN_PAGE))
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {

                    @Override
                    public <F extends UsernamePasswordAuthenticationFilter> F postProcess(F filter) {
                        // only the browser's own POST signs in, not the refusal's forward
                        // to the form
                        filter.setRequiresAuthenticationRequestMatcher(new AndRequestMatcher(
                                new DispatcherTypeRequestMatcher(DispatcherType.REQUEST),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN_PAGE)));
                        return filter;
                    }

                }))
            // with CSRF on, signing out is a POST carrying the token: a link on another
            // site cannot sign anyone out
            .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl("/").deleteCookies("JSESSIONID"))
            .headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // the pages load nothing from elsewhere and run no script but GraphiQL's
                // own files; style attributes carry the brands' colours
                .contentSecurityPolicy(policy -> policy.policyDirectives(PAGE_POLICY)));
        return http.build();
    }

    /**
     * An address the firewall refuses (`;`, `//`, encoded dots...) names no page: the 404
     * page, as for any other.
     */
    @Bean
    RequestRejectedHandler refusedAddresses() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.NOT_FOUND.value());
    }

    /**
     * The pages' session cookie carries the session id as it is, as the servlet
     * container's did before the sessions moved to PostgreSQL (Spring Session would
     * encode it in base64): one id, one form, whichever instance reads it.
     */
    @Bean
    DefaultCookieSerializerCustomizer plainSessionCookie() {
        return cookies -> cookies.setUseBase64Encoding(false);
    }

    /**
     * Two requests of one session at once (a double tap on a form) may both add the same
     * session attribute, such as the notice for the next page: each writes it with
     * PostgreSQL's upsert, where Spring Session's plain insert failed the second with a
     * duplicate key, a 500 page.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentSessionWrites() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

}
