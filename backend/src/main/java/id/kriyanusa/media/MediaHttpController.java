package id.kriyanusa.media;

import java.io.IOException;
import java.time.Duration;

import id.kriyanusa.media.internal.ObjectStore.StorageUnavailableException;
import id.kriyanusa.media.internal.RenditionCache;
import id.kriyanusa.media.internal.RenditionStore;
import id.kriyanusa.platform.graphql.NotFoundException;
import io.minio.GetObjectResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
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

    static final CacheControl CACHE_FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final RenditionStore store;

    private final RenditionCache cache;

    private final ImageUploadForm form;

    MediaHttpController(RenditionStore store, RenditionCache cache, ImageUploadForm form) {
        this.store = store;
        this.cache = cache;
        this.form = form;
    }

    @GetMapping("/media/{name:[0-9a-f]{64}\\.(?:jpg|webp)}")
    ResponseEntity<?> serve(@PathVariable String name, WebRequest request) {
        var hash = name.substring(0, 64);
        if (request.checkNotModified(hash)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(cacheHeaders(hash)).build();
        }
        var contentType = name.endsWith(".webp") ? ImageFormat.WEBP.contentType() : ImageFormat.JPEG.contentType();
        var rendition = ResponseEntity.ok()
            .headers(cacheHeaders(hash))
            .contentType(MediaType.parseMediaType(contentType));
        var bytes = cache.get(name);
        if (bytes != null) {
            return rendition.body(bytes);
        }
        GetObjectResponse object;
        try {
            object = store.open(name);
        }
        catch (StorageUnavailableException e) {
            return storageUnavailable();
        }
        if (object == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such image"));
        }
        var length = object.headers().get(HttpHeaders.CONTENT_LENGTH);
        var size = length == null ? -1 : Long.parseLong(length);
        if (size >= 0 && size <= RenditionCache.MAX_ENTRY_BYTES) {
            try (object) {
                bytes = object.readAllBytes();
            }
            catch (IOException e) {
                // storage stopped answering in the middle of the rendition
                return storageUnavailable();
            }
            cache.put(name, bytes);
            return rendition.body(bytes);
        }
        // streamed and closed by the resource converter
        if (size >= 0) {
            rendition.contentLength(size);
        }
        return rendition.body(new InputStreamResource(object));
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
    ProblemDetail unauthorized(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    /** Temporarily unavailable, and when to ask again. */
    private static ResponseEntity<ProblemDetail> storageUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(RenditionStore.RETRY_AFTER.toSeconds()))
            .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "Image storage does not answer"));
    }

    /**
     * An RFC 9457 problem, with the classification the GraphQL API gives the same
     * failure.
     */
    private static ProblemDetail problem(HttpStatus status, String classification, String message) {
        var problem = ProblemDetail.forStatusAndDetail(status, message == null ? status.getReasonPhrase() : message);
        problem.setProperty("classification", classification);
        return problem;
    }

    /**
     * The name is the hash of the bytes: cached for a year, with the hash as its strong
     * ETag.
     */
    private static HttpHeaders cacheHeaders(String hash) {
        var headers = new HttpHeaders();
        headers.setETag("\"" + hash + "\"");
        headers.setCacheControl(CACHE_FOREVER);
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }

}
