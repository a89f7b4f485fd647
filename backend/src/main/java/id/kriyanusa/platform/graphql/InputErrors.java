package id.kriyanusa.platform.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a mutation's input, one user error per field at fault, so a
 * form can show every problem at once; the typical checks normalise as they go (blank
 * text becomes null).
 */
public final class InputErrors {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /** The longest slug of a village, brand, collection or category. */
    public static final int MAX_SLUG = 80;

    /** The longest slug of a product: it is made from a title of up to 140 characters. */
    public static final int MAX_PRODUCT_SLUG = 100;

    private final List<UserError> errors = new ArrayList<>();

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<UserError> list() {
        return List.copyOf(errors);
    }

    /**
     * Whether a field already has an error: a check that needs the field well formed (is
     * the slug taken?) runs only without one, and still beside the other fields' errors.
     */
    public boolean anyAt(String field) {
        return anyAt(errors, field);
    }

    /** As {@link #anyAt(String)}, for errors collected in a list. */
    public static boolean anyAt(Collection<UserError> errors, String field) {
        return errors.stream().anyMatch(error -> field.equals(error.field()));
    }

    public void add(String field, UserErrorCode code, String message) {
        errors.add(UserError.of(field, code, message));
    }

    public void add(UserError error) {
        errors.add(error);
    }

    /** Stripped text, or null when missing or blank. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        var stripped = raw.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Stripped text, or null when blank; an error when longer than {@code max}. */
    public String optional(String field, String raw, int max) {
        var text = text(raw);
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            add(field, UserErrorCode.TOO_LONG, "Use at most " + max + " characters");
        }
        return text;
    }

    /** Like {@link #optional} but an error when missing. */
    public String required(String field, String raw, int max) {
        var text = optional(field, raw, max);
        if (text == null) {
            add(field, UserErrorCode.REQUIRED, "This field is required");
        }
        return text;
    }

    /**
     * A URL slug: lower-case letters, digits and single hyphens, at most
     * {@value #MAX_SLUG} characters.
     */
    public String slug(String field, String raw) {
        return slug(field, raw, MAX_SLUG);
    }

    /** As {@link #slug(String, String)}, at most {@code max} characters. */
    public String slug(String field, String raw, int max) {
        var slug = required(field, raw, max);
        if (slug != null && slug.length() <= max && !SLUG.matcher(slug).matches()) {
            add(field, UserErrorCode.INVALID,
                    "Use lower-case letters, digits and single hyphens, for example kain-songket-sukarara");
        }
        return slug;
    }

    /** A whole number within bounds, or null when not given. */
    public Integer range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, UserErrorCode.OUT_OF_RANGE, "Use a number from " + min + " to " + max);
        }
        return value;
    }

}
