package id.kriyanusa.media;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.LocalizedText;

/**
 * A verified image: its storage key, the size of the (orientation-corrected) original,
 * its alternative text and its renditions, narrowest first within each format.
 */
public record Image(@JsonIgnore String key, int width, int height, LocalizedText alt, List<ImageRendition> renditions) {

    /** The GraphQL type name, also the type part of an image's global id. */
    public static final String TYPE = "Image";

    /**
     * The image's global id: what the API and the upload form give instead of its key.
     */
    @JsonProperty("id")
    public String id() {
        return globalId(key);
    }

    /** The global id of the image with this storage key. */
    public static String globalId(String key) {
        return GlobalId.encode(TYPE, key);
    }

    /** The renditions in one format, or all of them when none is given. */
    public List<ImageRendition> renditions(ImageFormat format) {
        return format == null ? renditions : renditions.stream().filter(r -> r.format() == format).toList();
    }

    /** A ready `srcset` attribute value: `url 160w, url 480w, ...`. */
    public String srcset(ImageFormat format) {
        return renditions(format == null ? ImageFormat.JPEG : format).stream()
            .map(r -> r.url() + " " + r.width() + "w")
            .collect(Collectors.joining(", "));
    }

    public Image withAlt(LocalizedText alt) {
        return new Image(key, width, height, alt, renditions);
    }
}
