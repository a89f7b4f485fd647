/**
 * Media: images of products, brands and villages in object storage (MinIO in production,
 * S3Proxy locally).
 * <p>
 * Uploading, for API clients: {@code requestImageUpload} (target, target id, content
 * type, size) returns a presigned POST form valid for 10 minutes and an upload id; the
 * client posts the file with the form's fields (storage refuses more bytes than declared
 * or another type), then calls {@code confirmImageUpload} once. For server-rendered
 * forms, {@code POST /media/uploads} (multipart) does both in one request; bearer-token
 * requests need no CSRF token, all others need the page's. Either way the bytes are
 * verified (magic bytes, size, pixel count from the header, no polyglots), turned
 * upright, stripped of all metadata and re-encoded into renditions 160/480/960/1600
 * pixels wide (JPEG, plus WebP when libwebp loads), stored under content-addressed keys,
 * and only then recorded and attached to the target.
 * <p>
 * Serving: {@code GET /media/<sha-256>.jpg|.webp}, immutable for a year, strong ETag. The
 * bucket stays private: {@code uploads/} (pending, removed by a scheduled job once
 * expired), {@code originals/} (never served), {@code renditions/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media",
        allowedDependencies = { "platform", "brand", "catalog", "village" })
package id.kriyanusa.media;
