package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.kriyanusa.media.MediaApi;
import org.springframework.web.util.HtmlUtils;

/**
 * A phone's browser without JavaScript, for the pages' tests: keeps cookies, does not
 * follow redirects, and sends the CSRF token of the last page it read with each form.
 */
final class FormBrowser {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** What a browser asks for when it follows a link or sends a form. */
    static final String ACCEPT = "text/html,*/*;q=0.8";

    private final int port;

    private final CookieManager cookies;

    private final HttpClient http;

    FormBrowser(int port) {
        this(port, null);
    }

    /**
     * A browser at another loopback address (127.0.0.0/8), as the portal sees a visitor
     * from another network: limits per address start afresh for it.
     */
    FormBrowser(int port, InetAddress from) {
        this(port, from, new CookieManager());
    }

    private FormBrowser(int port, InetAddress from, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        var builder = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5));
        this.http = (from == null ? builder : builder.localAddress(from)).build();
    }

    private String csrfToken;

    /**
     * The same browser, with its cookies, sent by a load balancer to another instance of
     * the portal (at {@code otherPort}).
     */
    FormBrowser at(int otherPort) {
        var moved = new FormBrowser(otherPort, null, cookies);
        moved.csrfToken = csrfToken;
        return moved;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).GET().header("Accept", ACCEPT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A download's bytes, exactly as they would be saved. */
    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Signs in through the form, then opens the home page for the new session's CSRF
     * token.
     */
    void signIn(String email, String password) throws Exception {
        get("/masuk");
        assertThat(post("/masuk", Map.of("email", email, "password", password)).statusCode()).isEqualTo(302);
        get("/");
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        var withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken);
        return postWithout(path, withToken);
    }

    /** Posts the fields as they are, without adding the CSRF token. */
    HttpResponse<String> postWithout(String path, Map<String, String> fields) throws Exception {
        return send(fromThisSite(encoded(path, fields)));
    }

    /**
     * Posts the fields as they are from a browser that does not say which site the form
     * was on (no `Origin`, no `Sec-Fetch-Site`), as older browsers and some privacy
     * settings do.
     */
    HttpResponse<String> postNotSayingWhence(String path, Map<String, String> fields) throws Exception {
        return send(encoded(path, fields));
    }

    private HttpRequest.Builder encoded(String path, Map<String, String> fields) {
        var form = fields.entrySet()
            .stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path))
            .header("Accept", ACCEPT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    /**
     * What a browser tells of a form sent from one of the portal's own pages: the page's
     * origin, and that the request comes from the same one.
     */
    private HttpRequest.Builder fromThisSite(HttpRequest.Builder request) {
        return request.header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin");
    }

    /**
     * Posts a multipart form as a phone's browser does: the text fields, the CSRF token
     * and one file.
     */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String filename, String contentType,
            byte[] file) throws Exception {
        var withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken);
        var form = MediaApi.multipart(withToken, filename, contentType, file);
        return send(fromThisSite(HttpRequest.newBuilder(uri(path))
            .header("Accept", ACCEPT)
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(response.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return response;
    }

    /**
     * What a phone left on a form overnight sends next: a session cookie that names a
     * session the portal has ended.
     */
    void outliveSession() {
        dropSessionCookie();
        var store = cookies.getCookieStore();
        var ended = new HttpCookie("JSESSIONID", "3F2504E04F8911D39A0C0305E82C3301");
        ended.setPath("/");
        store.add(uri("/"), ended);
    }

    /**
     * What a browser sends once its session cookie is gone (cleared, or deleted by
     * signing out in another tab): no session cookie at all.
     */
    void dropSessionCookie() {
        var store = cookies.getCookieStore();
        store.getCookies()
            .stream()
            .filter(cookie -> cookie.getName().equals("JSESSIONID"))
            .toList()
            .forEach(cookie -> store.remove(uri("/"), cookie));
    }

    /** The CSRF token of the last page read, which the browser's next form sends. */
    String csrfToken() {
        return csrfToken;
    }

    String sessionId() {
        return cookies.getCookieStore()
            .getCookies()
            .stream()
            .filter(cookie -> cookie.getName().equals("JSESSIONID"))
            .map(cookie -> cookie.getValue())
            .findFirst()
            .orElse(null);
    }

    /**
     * The hidden fields of a page (the first of each name), without its CSRF token: what
     * the form of a page such as `/masuk/lanjutkan` sends.
     */
    static Map<String, String> hiddenFields(String page) {
        var fields = new LinkedHashMap<String, String>();
        var hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(page);
        while (hidden.find()) {
            fields.putIfAbsent(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
        }
        fields.remove("_csrf");
        return fields;
    }

}
