package id.kriyanusa.web;

import java.util.List;
import java.util.Map;

/**
 * What a shared link's preview and a search engine's result show of a storefront page:
 * its title, a description of at most 160 characters and an image (OpenGraph). Pages
 * without a description get the site's, and without a photo the site's preview picture.
 *
 * @param title the product's, brand's or village's name
 * @param description its description in the visitor's language, shortened
 * @param image a rendition's path, or the site's preview picture
 */
public record PageMeta(String title, String description, String image) {

    private static final int LONGEST_DESCRIPTION = 160;

    /** 1200 × 630, as link previews ask for. */
    static final String SITE_IMAGE = "/og-kriyanusa.png";

    /** The meta of a product, brand or village page, from the page's own document. */
    static PageMeta of(String field, Map<String, Object> found, PageText text) {
        var meta = switch (field) {
            case "product" -> new PageMeta(text.pick((Map<String, ?>) found.get("title")),
                    shortened(text.pick((Map<String, ?>) found.get("description"))), firstImage(found));
            case "brand" ->
                new PageMeta(
                        (String) found.get("name"), shortened(found.get("tagline") != null
                                ? (String) found.get("tagline") : text.pick((Map<String, ?>) found.get("story"))),
                        brandImage(found));
            default -> new PageMeta((String) found.get("name"),
                    shortened(text.pick((Map<String, ?>) found.get("description"))),
                    rendition((Map<String, Object>) found.get("heroImage")));
        };
        return meta.image() != null ? meta : new PageMeta(meta.title(), meta.description(), SITE_IMAGE);
    }

    /**
     * The cover, else the logo, else the first product's photo: a preview shows a
     * picture.
     */
    private static String brandImage(Map<String, Object> brand) {
        var image = rendition((Map<String, Object>) brand.get("cover"));
        if (image == null) {
            image = rendition((Map<String, Object>) brand.get("logo"));
        }
        var products = (Map<String, Object>) brand.get("products");
        if (image == null && products != null) {
            for (var edge : (List<Map<String, Map<String, Object>>>) products.get("edges")) {
                image = firstImage(edge.get("node"));
                if (image != null) {
                    break;
                }
            }
        }
        return image;
    }

    private static String firstImage(Map<String, Object> product) {
        var images = (List<Map<String, Object>>) product.get("images");
        return images == null || images.isEmpty() ? null
                : rendition((Map<String, Object>) images.getFirst().get("image"));
    }

    /** The largest JPEG rendition, which every link preview reads. */
    private static String rendition(Map<String, Object> image) {
        if (image == null) {
            return null;
        }
        var renditions = (List<Map<String, Object>>) image.get("renditions");
        return renditions == null || renditions.isEmpty() ? null : (String) renditions.getLast().get("url");
    }

    private static String shortened(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= LONGEST_DESCRIPTION) {
            return flat;
        }
        var cut = flat.substring(0, LONGEST_DESCRIPTION - 1);
        var lastSpace = cut.lastIndexOf(' ');
        return (lastSpace > 100 ? cut.substring(0, lastSpace) : cut) + "…";
    }

}
