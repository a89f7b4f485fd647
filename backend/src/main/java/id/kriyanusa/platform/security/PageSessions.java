package id.kriyanusa.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * Sessions of the server-rendered pages. Identity checks the password (with the same
 * throttle as the API's login); this starts the session the way Spring Security's form
 * login does: a new session id, so an id planted before sign-in is worthless; a new CSRF
 * token; the signed-in account kept in the session. It also remembers the page someone
 * wanted when they were sent to sign in.
 */
@Component
public class PageSessions {

    final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    final HttpSessionRequestCache wantedPages = new HttpSessionRequestCache();

    private final SessionAuthenticationStrategy signInStrategy = new CompositeSessionAuthenticationStrategy(
            List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    PageSessions() {
        // the page's address as it was asked for, without a marker parameter added to it
        wantedPages.setMatchingRequestParameterName(null);
    }

    /** Signs the account in for the rest of the session, with the roles it holds now. */
    public void start(SignedInAccount account, Set<Role> roles, HttpServletRequest request,
            HttpServletResponse response) {
        var authorities = roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
        signInStrategy.onAuthentication(authentication, request, response);
        var context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /**
     * The page the visitor wanted before being sent to sign in, as a path on this site,
     * at most once.
     */
    public Optional<String> wantedPage(HttpServletRequest request, HttpServletResponse response) {
        var saved = wantedPages.getRequest(request, response);
        if (saved == null) {
            return Optional.empty();
        }
        wantedPages.removeRequest(request, response);
        // the path and query as they were asked for, never the absolute address built
        // from the Host header, so a
        // forged host cannot send anyone away (and an odd query cannot break sign-in)
        if (!(saved instanceof DefaultSavedRequest wanted) || !wanted.getRequestURI().startsWith("/")
                || wanted.getRequestURI().startsWith("//")) {
            return Optional.empty();
        }
        return Optional.of(wanted.getQueryString() == null ? wanted.getRequestURI()
                : wanted.getRequestURI() + "?" + wanted.getQueryString());
    }

}
