package id.kriyanusa.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page's language is part of its address: Indonesian at `/produk/x`, English at
 * `/produk/x?lang=en`, so a shared link, a bookmark and a search engine all get the
 * language the address names (never a cookie that makes one address answer in two
 * languages). An English page keeps its visitor in English: every link it renders and
 * every redirect after its forms carry `lang=en`. The query string alone is read, never
 * the body, so an upload too large to parse still gets its error page in the right
 * language.
 */
class AddressLanguage extends OncePerRequestFilter implements LocaleResolver {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private static final String LANGUAGE = AddressLanguage.class.getName() + ".language";

    private static final Pattern ENGLISH_QUERY = Pattern.compile("(^|&)lang=en(&|$)");

    private static final Pattern ANY_LANGUAGE = Pattern.compile("[?&]lang=");

    /** Addresses that are the same in every language. */
    private static final Pattern LANGUAGE_FREE = Pattern.compile("^/(css|media|graphql|graphiql|actuator|favicon)");

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        // an error page (a second dispatch of the same request) keeps the language the
        // failed page was asked in
        if (request.getAttribute(LANGUAGE) instanceof Locale asked) {
            return asked;
        }
        var query = request.getQueryString();
        var language = query != null && ENGLISH_QUERY.matcher(query).find() ? Locale.ENGLISH : INDONESIAN;
        request.setAttribute(LANGUAGE, language);
        return language;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen by the page's address (?lang=en)");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (resolveLocale(request) == Locale.ENGLISH) {
            response = new EnglishPages(response);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Adds `lang=en` to the site's own page addresses that do not name a language. */
    static String inEnglish(String address) {
        if (address == null || !address.startsWith("/") || address.startsWith("//")
                || LANGUAGE_FREE.matcher(address).find()) {
            return address;
        }
        var fragment = address.indexOf('#');
        var page = fragment < 0 ? address : address.substring(0, fragment);
        if (ANY_LANGUAGE.matcher(page).find()) {
            return address;
        }
        return page + (page.contains("?") ? "&" : "?") + "lang=en" + (fragment < 0 ? "" : address.substring(fragment));
    }

    /** A response whose links (as Thymeleaf encodes them) and redirects stay English. */
    private static final class EnglishPages extends HttpServletResponseWrapper {

        EnglishPages(HttpServletResponse response) {
            super(response);
        }

        @Override
        public String encodeURL(String url) {
            return super.encodeURL(inEnglish(url));
        }

        @Override
        public String encodeRedirectURL(String url) {
            return super.encodeRedirectURL(inEnglish(url));
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(inEnglish(location));
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(inEnglish(location), status, clearBuffer);
        }

    }

}
