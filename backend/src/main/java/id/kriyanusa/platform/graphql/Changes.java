package id.kriyanusa.platform.graphql;

import id.kriyanusa.platform.LocalizedText;
import org.springframework.graphql.data.ArgumentValue;

/**
 * Applies one field of a partial update: a field the client left out keeps its current
 * value, an explicit null clears it (or is refused by the rules where the field is
 * required) and a value replaces it.
 */
public final class Changes {

    private Changes() {
    }

    /**
     * Whether the client gave the field, a value or null; a null change (from Java) was
     * not.
     */
    public static boolean given(ArgumentValue<?> change) {
        return change != null && !change.isOmitted();
    }

    /** The value after the change. */
    public static <T> T apply(ArgumentValue<T> change, T current) {
        return given(change) ? change.value() : current;
    }

    /**
     * A bilingual text after the change: null clears both languages; within a given text
     * a language left out keeps its text and an empty string clears it.
     */
    public static LocalizedText text(ArgumentValue<LocalizedText> change, LocalizedText current) {
        if (!given(change)) {
            return current;
        }
        var given = change.value();
        if (given == null) {
            return null;
        }
        return new LocalizedText(given.indonesian() != null ? given.indonesian() : LocalizedText.indonesianOf(current),
                given.english() != null ? given.english() : LocalizedText.englishOf(current));
    }

}
