package id.kriyanusa.media;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Permission to upload one image: POST a multipart form to {@code url} with
 * {@code fields}, in order, and the file last, before {@code expiresAt}; then confirm the
 * upload with {@code id}.
 */
public record ImageUpload(String id, String url, String method, List<Field> fields, OffsetDateTime expiresAt,
        long maxSizeBytes) {

    /** A form field the upload must carry, with exactly this value. */
    public record Field(String name, String value) {
    }
}
