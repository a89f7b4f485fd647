package id.kriyanusa.search.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Text as a search box compares it: lower case, accents and other marks removed, split
 * into words of letters and digits.
 */
public final class Words {

    /**
     * Words of a product's title that join or pack the words naming things rather than
     * name anything themselves.
     */
    public static final Set<String> JOINING = Set.of("dan", "yang", "untuk", "dengan", "dari", "atau", "isi", "the",
            "and", "with", "for", "from", "set");

    private Words() {
    }

    /** The text in lower case without accents; one character per character of text. */
    public static String folded(String text) {
        var folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            var decomposed = Normalizer.normalize(String.valueOf(text.charAt(i)), Normalizer.Form.NFD);
            folded.append(decomposed.isEmpty() ? text.charAt(i) : Character.toLowerCase(decomposed.charAt(0)));
        }
        return folded.toString();
    }

    /** The folded words of the text, in order. */
    public static List<String> of(String text) {
        return Arrays.stream(folded(text).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
    }

    /**
     * The folded words of the text as a query reads them: split at spaces, without the
     * punctuation around each word but with what is inside it ("Hu'u", "oleh-oleh").
     */
    public static List<String> asTyped(String text) {
        return Arrays.stream(folded(text).split("\\s+"))
            .map(Words::withoutPunctuationAround)
            .filter(word -> !word.isEmpty())
            .toList();
    }

    /**
     * The folded word without the punctuation before and after it ("(kendi)," is
     * "kendi").
     */
    static String withoutPunctuationAround(String word) {
        return word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    /** Whether every word typed starts a word of the text. */
    public static boolean startsWords(String text, List<String> typed) {
        return text != null && startWords(of(text), typed);
    }

    /** Whether every word typed starts one of these folded words. */
    public static boolean startWords(List<String> words, List<String> typed) {
        return !typed.isEmpty()
                && typed.stream().allMatch(prefix -> words.stream().anyMatch(word -> word.startsWith(prefix)));
    }

}
