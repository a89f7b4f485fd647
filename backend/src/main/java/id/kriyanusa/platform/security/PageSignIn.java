package id.kriyanusa.platform.security;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Signs an account that has just signed up into the pages' session, as form login does
 * after checking a password: a new session id (an id planted before is worthless), a new
 * CSRF token, the security context saved in the session, and the same landing page (the
 * page wanted before, else the dashboard for producers and home for others).
 */
public final class PageSignIn {

    private final SessionAuthenticationStrategy sessions;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final SignInSuccess landing;

    PageSignIn(CsrfTokenRepository csrfTokens, SignInSuccess landing) {
        this.sessions = new CompositeSessionAuthenticationStrategy(
                List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
        this.landing = landing;
    }

    /**
     * Starts the session of this account with these roles and returns the path to send
     * the browser to.
     */
    public String signIn(SignedInAccount account, Collection<Role> roles, HttpServletRequest request,
            HttpServletResponse response) {
        var authorities = roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
        sessions.onAuthentication(authentication, request, response);
        var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        return landing.target(request, response, authentication);
    }

}
