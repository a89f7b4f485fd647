package id.kriyanusa.platform;

import java.util.Locale;

/**
 * Text written in Indonesian and, when the producer or curator provided it, English. Also
 * the API's input for a bilingual text: in a change, a language left out (null) keeps its
 * value and an empty string clears it.
 */
public record LocalizedText(String indonesian, String english) {

    public static LocalizedText of(String indonesian, String english) {
        return indonesian == null && english == null ? null : new LocalizedText(indonesian, english);
    }

    /**
     * The text for a reader of the language: the English one for English when it was
     * written, else the Indonesian.
     */
    public String in(Locale language) {
        return Locale.ENGLISH.getLanguage().equals(language.getLanguage()) && english != null && !english.isBlank()
                ? english : indonesian;
    }

    /** The Indonesian text of a possibly missing text. */
    public static String indonesianOf(LocalizedText text) {
        return text == null ? null : text.indonesian();
    }

    /** The English text of a possibly missing text. */
    public static String englishOf(LocalizedText text) {
        return text == null ? null : text.english();
    }
}
