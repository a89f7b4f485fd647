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
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * What the pages do, instead of a bare 403, with a form posted after its session ended (a
 * phone left on the form for hours: the session, and its CSRF token, are gone): the form
 * is kept in a new session and the visitor is sent to sign in, then offered to send it
 * again ({@link KeptForm}). The browser's session cookie is SameSite=Lax, so a form
 * posted from another site never names the ended session and is refused as before.
 * <p>
 * A form whose token is stale in a session still open (a tab left open across signing in
 * again) or missing is refused with a page saying the form expired and to send it again,
 * not the page for visitors without the right role.
 */
class EndedSessionForms implements AccessDeniedHandler {

    /**
     * The request attribute telling the 403 page a form expired: the path of the page it
     * came from, or empty when the browser did not say.
     */
    static final String FORM_EXPIRED = "formExpired";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException, ServletException {
        if (refusal instanceof MissingCsrfTokenException && request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid()) {
            var path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals(SecurityConfiguration.SIGN_OUT)) {
                // signed out already, with the session
                response.sendRedirect(request.getContextPath() + "/");
                return;
            }
            if (!path.equals(SecurityConfiguration.SIGN_IN_PAGE)) {
                request.getSession(true).setAttribute(KeptForm.ATTRIBUTE, keep(request));
            }
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE + "?sesi=berakhir");
            return;
        }
        if (refusal instanceof CsrfException) {
            request.setAttribute(FORM_EXPIRED, formPage(request));
        }
        otherwise.handle(request, response, refusal);
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

    private static KeptForm keep(HttpServletRequest request) throws IOException, ServletException {
        var fields = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            // a password is never kept, not even for a minute in a session
            if (!name.equals("_csrf") && !name.toLowerCase(Locale.ROOT).contains("password")) {
                fields.put(name, List.of(values));
            }
        });
        var fileLeftOut = isMultipart(request)
                && request.getParts().stream().anyMatch(part -> part.getSubmittedFileName() != null);
        var path = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        return new KeptForm(path, fields, fileLeftOut);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().startsWith("multipart/");
    }

}
