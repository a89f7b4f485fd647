package id.kriyanusa.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where the pages' sign-in leads: to the form kept when the session ended under it
 * ({@link KeptForm}), else back to the page the visitor wanted before being sent to sign
 * in, else producers (and admins) to their dashboard and everyone else home. Unlike
 * Spring Security's saved-request handler it redirects to the path and query as they were
 * asked for, never to an absolute address built from the Host header, so a forged host
 * cannot send anyone away.
 */
class SignInSuccess implements AuthenticationSuccessHandler {

    /** Where a form kept from an ended session is offered to be sent again. */
    static final String KEPT_FORM_PAGE = "/masuk/lanjutkan";

    private final RequestCache wantedPages;

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    private final FormAuthors authors;

    SignInSuccess(RequestCache wantedPages, FormAuthors authors) {
        this.wantedPages = wantedPages;
        this.authors = authors;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        redirects.sendRedirect(request, response, target(request, response, authentication));
    }

    /** The path to land on after signing in (or signing up, {@link PageSignIn}). */
    String target(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        var roles = Caller.fromAuthentication(authentication);
        authors.remember(request, response, roles.accountId());
        var session = request.getSession(false);
        if (KeptForm.isWaitingFor(session, roles.accountId())) {
            wantedPages.removeRequest(request, response);
            return KEPT_FORM_PAGE;
        }
        // what someone else typed on this browser is not shown to whoever signs in next
        KeptForm.discard(session);
        return wantedPage(request, response).orElseGet(() -> {
            // staff to the console, producers to their workspace, buyers to the shop
            if (roles.has(Role.ADMIN) || roles.has(Role.CURATOR)) {
                return "/kelola";
            }
            return roles.has(Role.PRODUCER) ? "/dasbor" : "/";
        });
    }

    /** The page wanted before signing in, as a path on this site, at most once. */
    private Optional<String> wantedPage(HttpServletRequest request, HttpServletResponse response) {
        var saved = wantedPages.getRequest(request, response);
        if (saved == null) {
            return Optional.empty();
        }
        wantedPages.removeRequest(request, response);
        if (!(saved instanceof DefaultSavedRequest wanted) || !wanted.getRequestURI().startsWith("/")
                || wanted.getRequestURI().startsWith("//")) {
            return Optional.empty();
        }
        return Optional.of(wanted.getQueryString() == null ? wanted.getRequestURI()
                : wanted.getRequestURI() + "?" + wanted.getQueryString());
    }

}
