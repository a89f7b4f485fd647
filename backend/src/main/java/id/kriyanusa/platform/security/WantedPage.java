package id.kriyanusa.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The page a visitor asked for before being sent to sign in, where signing in leads back
 * ({@link SignInSuccess}), for the sign-in page to say what signing in is for. Read, not
 * taken: signing in still leads there.
 *
 * @param path the page's path on this site
 * @param parameters its query's parameters
 */
public record WantedPage(String path, Map<String, List<String>> parameters) {

    /**
     * Where Spring Security keeps the page: the session attribute of the pages' request
     * cache ({@link SecurityConfiguration}).
     */
    private static final HttpSessionRequestCache WANTED_PAGES = new HttpSessionRequestCache();

    /** The page this visitor's session is waiting to go back to, if any. */
    public static Optional<WantedPage> of(HttpServletRequest request) {
        if (request.getSession(false) == null
                || !(WANTED_PAGES.getRequest(request, null) instanceof DefaultSavedRequest saved)) {
            return Optional.empty();
        }
        return Optional.of(new WantedPage(saved.getRequestURI(), saved.getParameterMap()
            .entrySet()
            .stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Arrays.asList(entry.getValue())))));
    }

    /** The first value of a parameter of the page's query, or null. */
    public String parameter(String name) {
        var values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

}
