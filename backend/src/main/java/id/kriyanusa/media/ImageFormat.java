package id.kriyanusa.media;

/** Encodings renditions are served in. */
public enum ImageFormat {

    JPEG("image/jpeg"), WEBP("image/webp");

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

}
