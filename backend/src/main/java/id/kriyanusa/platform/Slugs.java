package id.kriyanusa.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * URL slugs made from what a thing is called, the same way for products, brands,
 * villages, collections and the pages' address fields: "Kain Sôngket (Sukarara)" is
 * kain-songket-sukarara.
 */
public final class Slugs {

    /**
     * Characters a slug made for a new thing leaves free under its limit, so that a
     * number keeping it apart from another's ({@code -2}, {@code -3}...) still fits.
     */
    private static final int ROOM_FOR_NUMBER = 10;

    private Slugs() {
    }

    /**
     * Lower-case ASCII letters and digits of a name joined by single hyphens, accents
     * dropped, at most {@code maxLength} characters; empty for a name without letters or
     * digits.
     */
    public static String of(String name, int maxLength) {
        var ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        var slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > maxLength ? slug.substring(0, maxLength).replaceAll("-+$", "") : slug;
    }

    /**
     * The slug of a new thing left without one: made from its name with room for a number
     * under {@code maxLength}, and {@code fallback} for a name without letters or digits
     * (a product's is "produk"; null where the slug is then to be asked for). Make it
     * free with {@link #free(JdbcClient, String, String, Long)}.
     */
    public static String madeFrom(String name, String fallback, int maxLength) {
        var slug = of(name, maxLength - ROOM_FOR_NUMBER);
        return slug.isEmpty() ? fallback : slug;
    }

    /**
     * The slug, or the first of {@code slug-2}, {@code slug-3}... that no other row of
     * {@code table} uses; {@code table} has columns {@code id} and {@code slug} and is
     * named by the caller's code, never by input, and {@code slug} is one made here (it
     * goes into a regular expression). Null stays null.
     */
    public static String free(JdbcClient jdbc, String table, String slug, Long exceptId) {
        if (slug == null) {
            return null;
        }
        Set<String> taken = Set
            .copyOf(jdbc.sql("select slug from " + table + " where (slug = ? or slug ~ ?) and id is distinct from ?")
                .params(slug, "^" + slug + "-[0-9]+$", exceptId)
                .query(String.class)
                .list());
        if (!taken.contains(slug)) {
            return slug;
        }
        for (int n = 2;; n++) {
            var candidate = slug + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

}
