package id.kriyanusa.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * What the pages do, instead of a bare 403, with a form whose session ended under it: a
 * phone left on the form for hours (the session, and its CSRF token, are gone), a tab
 * signed out in another (the cookie is gone too), a cookie cleared, a tab left open
 * across signing in again (a new session with a new token). The form is kept in the
 * session the browser has now, or a new one, and the visitor is sent to sign in, or
 * straight on when signed in already, then offered to send it again ({@link KeptForm}).
 * <p>
 * Only a form that is surely the visitor's own is kept: one naming a session that ended
 * (the session cookie is SameSite=Lax, so a form posted from another site never names
 * one), or one that the browser says was sent from a page of this site
 * ({@link #sentFromThisSite}). Any other form refused for its token, and the sign-in and
 * sign-out forms, get a page saying the form expired and to send it again, not the page
 * for visitors without the right role.
 */
class EndedSessionForms implements AccessDeniedHandler {

    /**
     * The request attribute telling the 403 page a form expired: the path of the page it
     * came from, or empty when the browser did not say.
     */
    static final String FORM_EXPIRED = "formExpired";

    /** Where a visitor whose form was kept signs in again, told why. */
    private static final String SIGN_IN_AGAIN = SecurityConfiguration.SIGN_IN_PAGE + "?sesi=berakhir";

    private static final AuthenticationTrustResolver AUTHENTICATIONS = new AuthenticationTrustResolverImpl();

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    private final FormAuthors authors;

    EndedSessionForms(FormAuthors authors) {
        this.authors = authors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (!(refusal instanceof CsrfException)) {
            otherwise.handle(request, response, refusal);
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        // a form with a password (signing in or up, a new password) cannot be sent again
        // without it, and a password is never kept, not even for a minute in a session
        var keepable = !path.equals(SecurityConfiguration.SIGN_IN_PAGE) && !path.equals(SecurityConfiguration.SIGN_OUT)
                && request.getParameterMap().keySet().stream().noneMatch(EndedSessionForms::isPassword);
        var sessionEnded = refusal instanceof MissingCsrfTokenException && request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid();
        if (path.equals(SecurityConfiguration.SIGN_OUT) && !signedIn()) {
            // signed out already (the session ended, or another tab signed out)
            response.sendRedirect(request.getContextPath() + "/");
        }
        else if (keepable && (sessionEnded || sentFromThisSite(request)) && author(request) instanceof Long author) {
            request.getSession(true).setAttribute(KeptForm.ATTRIBUTE, keep(request, author));
            var next = signedIn() ? SignInSuccess.KEPT_FORM_PAGE : SIGN_IN_AGAIN;
            response.sendRedirect(request.getContextPath() + next);
        }
        else if (sessionEnded) {
            response.sendRedirect(request.getContextPath() + SIGN_IN_AGAIN);
        }
        else {
            request.setAttribute(FORM_EXPIRED, formPage(request));
            otherwise.handle(request, response, refusal);
        }
    }

    /**
     * Whether the browser says the form was sent from a page of this site: with
     * `Sec-Fetch-Site: same-origin`, or, where it sends no such header, with this site as
     * the form's `Origin`. No page can set either header, and a form on another site is
     * sent as `cross-site` with that site's origin: a form said to be from here is the
     * visitor's own, never forged.
     */
    private static boolean sentFromThisSite(HttpServletRequest request) {
        var fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin");
        }
        var origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            var site = URI.create(origin);
            var port = site.getPort() != -1 ? site.getPort() : "https".equalsIgnoreCase(site.getScheme()) ? 443 : 80;
            return request.getScheme().equalsIgnoreCase(site.getScheme())
                    && request.getServerName().equalsIgnoreCase(site.getHost()) && request.getServerPort() == port;
        }
        catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static boolean signedIn() {
        return AUTHENTICATIONS.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The page the form was on, by the path its address names (never another site), to go
     * back to; empty when the browser sent no Referer.
     */
    private static String formPage(HttpServletRequest request) {
        var header = request.getHeader("Referer");
        if (header == null) {
            return "";
        }
        try {
            var referer = URI.create(header);
            var path = referer.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "";
            }
            return referer.getRawQuery() == null ? path : path + "?" + referer.getRawQuery();
        }
        catch (IllegalArgumentException notAnAddress) {
            return "";
        }
    }

    /**
     * Who typed the form: the account signed in now, or the one that last signed in on
     * this browser; null when neither is known, and then the form is not kept.
     */
    private Long author(HttpServletRequest request) {
        return signedIn() ? Caller.current().accountId() : authors.author(request);
    }

    private static KeptForm keep(HttpServletRequest request, long author) throws IOException, ServletException {
        var fields = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf")) {
                fields.put(name, List.of(values));
            }
        });
        var fileLeftOut = isMultipart(request)
                && request.getParts().stream().anyMatch(part -> part.getSubmittedFileName() != null);
        var path = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        return new KeptForm(path, fields, fileLeftOut, author);
    }

    private static boolean isPassword(String field) {
        return field.toLowerCase(Locale.ROOT).contains("password");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().startsWith("multipart/");
    }

}
