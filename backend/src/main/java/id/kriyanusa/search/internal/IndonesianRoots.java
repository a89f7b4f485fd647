package id.kriyanusa.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jsastrawi.morphology.DefaultLemmatizer;
import jsastrawi.morphology.Lemmatizer;
import org.springframework.stereotype.Component;

/**
 * Indonesian words as their root words, read by Sastrawi (JSastrawi, MIT, with its
 * dictionary of about 30,000 root words): "menenun", "penenun" and "tenunan" are all
 * "tenun", "memahat" is "pahat", "memasak" "masak". Elasticsearch's Indonesian stemmer
 * cuts prefixes without restoring the letter they replaced ("menenun" becomes "enun",
 * "memasak" "asak"), so a buyer's "alat masak" never met a description saying "untuk
 * memasak".
 * <p>
 * A word Sastrawi cannot read may be written as people speak: without the "me-" of a verb
 * ("nabung" for menabung, "ngopi") or with Jakarta's "-in" for "-kan" ("bersihin"); such
 * a word is read as the root its formal form has, when the dictionary knows that root.
 */
@Component
public class IndonesianRoots {

    private static final String FILE = "root-words.txt";

    private static final String WHOLE = "search/whole-words.txt";

    private static final Pattern STEMMED_PREFIXES = Pattern.compile("me|pe|di|te|ke|be");

    private static final Pattern STEMMED_SUFFIXES = Pattern.compile("(kah|lah|pun|ku|mu|nya|an|i)$");

    /** Words read before, at most this many (a catalogue's vocabulary, and more). */
    private static final int REMEMBERED = 200_000;

    private final Lemmatizer sastrawi;

    private final Set<String> roots;

    private final Map<String, String> read = new ConcurrentHashMap<>();

    public IndonesianRoots() {
        // the derived words kept whole are roots to Sastrawi too: "perhiasan" is not
        // "hias"
        this.roots = wholeWords();
        this.sastrawi = new DefaultLemmatizer(roots);
    }

    /**
     * The folded words of the text as their roots, in order, one space between; a word
     * with no root it knows as written.
     */
    public String of(String text) {
        return Words.of(text).stream().map(this::root).collect(Collectors.joining(" "));
    }

    /** Each folded word of the text, with its root (or itself). */
    public Map<String, String> ofEach(String text) {
        var each = new LinkedHashMap<String, String>();
        Words.of(text).forEach(word -> each.put(word, root(word)));
        return each;
    }

    /** The root of a folded word, or the word. */
    public String root(String word) {
        var known = read.get(word);
        if (known != null) {
            return known;
        }
        var root = readRoot(word);
        if (read.size() < REMEMBERED) {
            read.put(word, root);
        }
        return root;
    }

    private String readRoot(String word) {
        // a number or a size ("30cm", "a5") has no root, and each one read would cost
        // Sastrawi's every rule
        if (roots.contains(word) || word.length() < 3 || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        var root = sastrawi.lemmatize(word);
        if (!root.equals(word) || word.length() < 4) {
            return root;
        }
        // a verb spoken without its "me-" starts with the nasal the prefix left
        // ("nabung", "nyimpan", "ngopi", "masak")
        if (word.charAt(0) == 'n' || word.charAt(0) == 'm') {
            var verb = sastrawi.lemmatize("me" + word);
            if (roots.contains(verb) && !verb.equals("me" + word)) {
                return verb;
            }
        }
        var jakarta = word.endsWith("in") ? sastrawi.lemmatize(word.substring(0, word.length() - 2)) : word;
        return roots.contains(jakarta) ? jakarta : word;
    }

    /**
     * The words read as their own root: Sastrawi's root words, and the derived words in
     * {@value #WHOLE} whose meaning left their root's ("perhiasan" is jewellery, not
     * "hias", to decorate, which put lamps among the pearls).
     */
    static Set<String> wholeWords() {
        var whole = new HashSet<>(words(FILE));
        whole.addAll(words(WHOLE));
        return Set.copyOf(whole);
    }

    /**
     * The whole words that Elasticsearch's Indonesian stemmer would cut, sorted, for the
     * {@code keyword_marker} before it: the stemmer strips affixes by their letters
     * alone, so "kemeja" (shirt) became "meja" (table) and "keranjang" (basket) "ranjang"
     * (bed). It only touches words of more than two vowels that begin or end like an
     * affix it knows (Lucene's IndonesianStemmer), so only those need the mark.
     */
    static List<String> cutByTheStemmer() {
        return wholeWords().stream()
            .filter(word -> word.chars().allMatch(letter -> letter >= 'a' && letter <= 'z'))
            .filter(word -> word.chars().filter(letter -> "aeiou".indexOf(letter) >= 0).count() > 2)
            .filter(word -> STEMMED_PREFIXES.matcher(word).lookingAt() || STEMMED_SUFFIXES.matcher(word).find())
            .sorted()
            .toList();
    }

    /** The words of a list on the class path, one a line; "#" starts a comment line. */
    private static Set<String> words(String file) {
        try (var in = IndonesianRoots.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
        }
        catch (IOException failure) {
            throw new UncheckedIOException(file + " could not be read", failure);
        }
    }

}
