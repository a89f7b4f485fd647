package id.kriyanusa.media;

/**
 * One re-encoded size of an image, served at {@code url} ({@code /media/<sha-256>.<ext>})
 * with immutable caching.
 */
public record ImageRendition(String url, int width, int height, ImageFormat format, int sizeBytes) {

    public String contentType() {
        return format.contentType();
    }
}
