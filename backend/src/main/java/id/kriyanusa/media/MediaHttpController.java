package id.kriyanusa.media;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import id.kriyanusa.media.internal.ObjectStore;
import id.kriyanusa.media.internal.ObjectStore.StorageUnavailableException;
import id.kriyanusa.media.internal.RenditionCache;
import id.kriyanusa.platform.graphql.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Serves renditions at stable, immutable URLs, and takes images posted by the upload form
 * in one request.
 * <p>
 * {@code GET /media/<sha-256>.jpg|.webp}: anyone; the name is the hash of the bytes, so
 * the response is cached for a year ({@code immutable}) with the hash as its strong ETag,
 * and {@code If-None-Match} gets 304 without touching storage. Only renditions are
 * reachable: originals and pending uploads live under other prefixes of the private
 * bucket.
 * <p>
 * {@code POST /media/uploads} (multipart: {@code target}, {@code targetId}, {@code file},
 * optional {@code altId}, {@code altEn}): the same checks and result as
 * requestImageUpload + confirmImageUpload. API clients send their bearer token and need
 * no CSRF token (a bearer token is never sent by a browser on its own); any request
 * without one must carry the page's CSRF token, as every server-rendered form does.
 */
@RestController
class MediaHttpController {

    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private final ObjectStore store;

    private final RenditionCache cache;

    private final ImageUploadForm form;

    MediaHttpController(ObjectStore store, RenditionCache cache, ImageUploadForm form) {
        this.store = store;
        this.cache = cache;
        this.form = form;
    }

    @GetMapping("/media/{name:[0-9a-f]{64}\\.(?:jpg|webp)}")
    void serve(@PathVariable String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var etag = "\"" + name.substring(0, 64) + "\"";
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            cacheHeaders(response, etag);
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        var contentType = name.endsWith(".webp") ? ImageFormat.WEBP.contentType() : ImageFormat.JPEG.contentType();
        var bytes = cache.get(name);
        if (bytes != null) {
            write(response, etag, contentType, bytes);
            return;
        }
        try (var object = store.open("renditions/" + name)) {
            if (object == null) {
                response.sendError(HttpStatus.NOT_FOUND.value());
                return;
            }
            var length = object.headers().get(HttpHeaders.CONTENT_LENGTH);
            var size = length == null ? -1 : Long.parseLong(length);
            if (size >= 0 && size <= RenditionCache.MAX_ENTRY_BYTES) {
                bytes = object.readAllBytes();
                cache.put(name, bytes);
                write(response, etag, contentType, bytes);
                return;
            }
            cacheHeaders(response, etag);
            response.setContentType(contentType);
            if (size >= 0) {
                response.setContentLengthLong(size);
            }
            object.transferTo(response.getOutputStream());
        }
        catch (StorageUnavailableException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    @PostMapping("/media/uploads")
    ResponseEntity<ImagePayload> upload(@RequestParam ImageTarget target, @RequestParam String targetId,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String altId,
            @RequestParam(required = false) String altEn) throws IOException {
        var payload = form.submit(target, targetId, file, altId, altEn);
        return payload.userErrors().isEmpty() ? ResponseEntity.ok(payload)
                : ResponseEntity.unprocessableContent().body(payload);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Map<String, Object>> unauthorized(AuthenticationException e) {
        return error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String classification, String message) {
        return ResponseEntity.status(status)
            .body(Map.of("errors", List.of(Map.of("message", message == null ? status.getReasonPhrase() : message,
                    "classification", classification))));
    }

    private static void write(HttpServletResponse response, String etag, String contentType, byte[] bytes)
            throws IOException {
        cacheHeaders(response, etag);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void cacheHeaders(HttpServletResponse response, String etag) {
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER);
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** If-None-Match: a list of entity tags (weak ones compare equal for GET), or `*`. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (var candidate : ifNoneMatch.split(",")) {
            var tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

}
