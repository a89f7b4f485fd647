package id.kriyanusa.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Indonesian words for English nouns, and the English for Indonesian ones, from
 * FreeDict's English-Indonesian dictionary ({@code search/freedict-eng-ind.dict.dz},
 * built by WikDict from Wiktionary, CC-BY-SA 3.0, as Debian ships it in
 * {@code dict-freedict-eng-ind}): "food" is makanan, a "chopping board" a talenan, a
 * "piggy bank" a celengan. The search's own vocabulary ({@code synonyms.txt}) pairs the
 * words of crafts; this pairs the everyday words around them, which a catalogue it has
 * not seen is written in as much.
 */
final class EnglishIndonesianDictionary {

    private static final String FILE = "search/freedict-eng-ind.dict.dz";

    /**
     * A headword's line: the word, its pronunciations between slashes, its part of speech
     * ({@code chopping board /tʃˈɒpɪŋ bˈɔːd/ <n>}; also {@code <pn>}, {@code <v>},
     * {@code <phraseologicalUnit>}, ...).
     */
    private static final Pattern HEADWORD = Pattern.compile("^(\\S.*?)\\s+(?:/.*/\\s+)?<([^<>]+)>$");

    /**
     * A line of translations of a sense, numbered when the word has several
     * ({@code 2. bakul, keranjang}).
     */
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s*(.*)$");

    /** The number of the next sense, left at the end of a line of translations. */
    private static final Pattern NEXT_SENSE = Pattern.compile("\\s*\\d+\\.$");

    private static final String NOUN = "n";

    private final Map<String, List<String>> indonesian;

    private final Map<String, List<String>> english;

    private EnglishIndonesianDictionary(Map<String, List<String>> indonesian, Map<String, List<String>> english) {
        this.indonesian = indonesian;
        this.english = english;
    }

    /** The dictionary, read from the class path (about 7,000 nouns). */
    static EnglishIndonesianDictionary read() {
        try (var in = EnglishIndonesianDictionary.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(FILE + " could not be read", failure);
        }
    }

    /**
     * A dictionary in the text of dictd's format as FreeDict writes it: each entry a
     * headword's line, then its senses, each a line of translations (the first one
     * unnumbered when there is one sense) and a line saying in English what it means.
     */
    static EnglishIndonesianDictionary read(BufferedReader reader) throws IOException {
        var indonesian = new LinkedHashMap<String, Set<String>>();
        var english = new LinkedHashMap<String, Set<String>>();
        String headword = null;
        boolean firstLine = false;
        String line;
        while ((line = reader.readLine()) != null) {
            var head = HEADWORD.matcher(line);
            if (head.matches()) {
                headword = NOUN.equals(head.group(2)) ? folded(head.group(1)) : null;
                firstLine = true;
                continue;
            }
            var numbered = NUMBERED.matcher(line);
            if (headword != null && !headword.isEmpty() && (firstLine || numbered.matches())) {
                var translations = NEXT_SENSE.matcher(numbered.matches() ? numbered.group(1) : line).replaceFirst("");
                boolean first = true;
                for (var translation : translations.split(",")) {
                    var word = folded(translation);
                    if (!word.isEmpty() && !word.equals(headword)) {
                        indonesian.computeIfAbsent(headword, key -> new LinkedHashSet<>()).add(word);
                        // read back, only a sense's first word is surely the noun's:
                        // "motive" is
                        // "alasan, motif", but a motif is a pattern
                        if (first) {
                            english.computeIfAbsent(word, key -> new LinkedHashSet<>()).add(headword);
                        }
                        first = false;
                    }
                }
            }
            firstLine = false;
        }
        return new EnglishIndonesianDictionary(lists(indonesian), lists(english));
    }

    /**
     * The (folded) name's translations: Indonesian when it is an English noun, English
     * when it is the first Indonesian word of a noun's sense; empty when the dictionary
     * has neither.
     */
    List<String> translationsOf(String name) {
        var both = new LinkedHashSet<>(indonesian.getOrDefault(name, List.of()));
        both.addAll(english.getOrDefault(name, List.of()));
        return List.copyOf(both);
    }

    /** Whether the (folded) name is the first Indonesian word of some noun's sense. */
    boolean isIndonesian(String name) {
        return english.containsKey(name);
    }

    private static Map<String, List<String>> lists(Map<String, Set<String>> sets) {
        var lists = new HashMap<String, List<String>>();
        sets.forEach((word, translations) -> lists.put(word, List.copyOf(translations)));
        return lists;
    }

    private static String folded(String name) {
        return String.join(" ", Words.of(name));
    }

}
