package id.kriyanusa.web;

import java.io.Serializable;
import java.util.Map;

import id.kriyanusa.media.Image;
import id.kriyanusa.media.ImageTarget;
import org.springframework.stereotype.Component;

/**
 * Whether a photo is too small to look sharp where the storefront shows it, for the
 * notice the producer sees beside it and after uploading it (the templates call it as
 * {@code @photoSizes}). Small photos are still accepted: village producers often have
 * only a picture forwarded through a chat app, and a small photo sells better than none.
 */
@Component("photoSizes")
public class PhotoSizes {

    /**
     * The width to ask for, a round number at least as wide as the storefront shows the
     * image (media makes renditions 160 to 1600 pixels wide and never enlarges one):
     * <ul>
     * <li>a product photo fills the product page's gallery, up to 48rem (768 px) wide,
     * and a 360 px phone at twice its density;</li>
     * <li>a cover spans the brand page, up to 70rem (1120 px) wide;</li>
     * <li>a logo is drawn at 72 to 96 px, twice that on a phone's screen.</li>
     * </ul>
     */
    private static final Map<ImageTarget, Integer> WANTED_WIDTHS = Map.of(ImageTarget.PRODUCT, 800,
            ImageTarget.BRAND_COVER, 1200, ImageTarget.BRAND_LOGO, 200);

    /** A photo narrower than it is shown, its size and the width to send instead. */
    public record Small(int width, int height, int wanted) implements Serializable {
    }

    /**
     * For the templates: the image of the API (`width`, `height`) as a target (`PRODUCT`,
     * `BRAND_LOGO`, `BRAND_COVER`) when it is too small, else null.
     */
    public Small small(String target, Map<String, ?> image) {
        if (image == null || !(image.get("width") instanceof Number width)
                || !(image.get("height") instanceof Number height)) {
            return null;
        }
        return small(ImageTarget.valueOf(target), width.intValue(), height.intValue());
    }

    /** An image just uploaded for this target when it is too small, else null. */
    public Small small(ImageTarget target, Image image) {
        return image == null ? null : small(target, image.width(), image.height());
    }

    /**
     * Photos and covers are shown by their width; a logo is fitted into a square, so its
     * shortest side counts (a wide 400 x 120 logo is drawn 120 px high at most).
     */
    private static Small small(ImageTarget target, int width, int height) {
        var wanted = WANTED_WIDTHS.get(target);
        var shown = target == ImageTarget.BRAND_LOGO ? Math.min(width, height) : width;
        return wanted == null || shown >= wanted ? null : new Small(width, height, wanted);
    }

}
