package id.kriyanusa.media;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Permission to upload one image: PUT the bytes to {@code url} with exactly
 * {@code headers}, before {@code expiresAt}, then confirm the upload with {@code id}.
 */
public record ImageUpload(String id, String url, String method, List<HttpHeader> headers, OffsetDateTime expiresAt,
        long maxSizeBytes) {

    /** A header the upload request must carry. */
    public record HttpHeader(String name, String value) {
    }
}
