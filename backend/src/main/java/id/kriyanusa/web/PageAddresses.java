package id.kriyanusa.web;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Page addresses (slugs) made from names, for forms that let the address be left empty.
 */
final class PageAddresses {

    private PageAddresses() {
    }

    /**
     * The address for something named so: lower-case ASCII letters and digits joined by
     * single hyphens ("Kelompok Daun Emas" is kelompok-daun-emas); the API checks it is
     * free.
     */
    static String slugOf(String name) {
        var ascii = Normalizer.normalize(name == null ? "" : name.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
        var words = Arrays.stream(ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty());
        var slug = String.join("-", words.toList());
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }

}
