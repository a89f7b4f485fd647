package id.kriyanusa.search.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search's own vocabulary, {@code search/synonyms.txt}: the lines of equivalent names
 * that the indices' analysis expands, and the words they are written in. Each of those
 * words was put there as a word buyers or sellers use ("kereng", a Sasak sarong), so it
 * is taken as typed, not as a misspelling of a word the titles have ("kering", dry).
 */
final class Vocabulary {

    private static final List<String> LINES = SearchIndex.read("search/synonyms.txt")
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();

    private static final Set<String> WORDS = LINES.stream()
        .flatMap(line -> Words.of(line).stream())
        .collect(Collectors.toUnmodifiableSet());

    /** The names of more than one word ("pendant light", "lampu gantung"), folded. */
    private static final Set<String> PHRASES = LINES.stream()
        .flatMap(line -> Stream.of(line.split("=>|,")))
        .map(name -> String.join(" ", Words.of(name)))
        .filter(name -> name.contains(" "))
        .collect(Collectors.toUnmodifiableSet());

    private Vocabulary() {
    }

    /**
     * Whether words (folded, see {@link Words}) are together one of the vocabulary's
     * names: "pendant light" is a lamp, whose words alone name a jewel and a lamp.
     */
    static boolean namesTogether(List<String> words) {
        return words.size() > 1 && PHRASES.contains(String.join(" ", words));
    }

    /** The lines of equivalent names, without comments. */
    static List<String> lines() {
        return LINES;
    }

    /** Whether a word (folded, see {@link Words}) is one of the vocabulary's. */
    static boolean knows(String word) {
        return WORDS.contains(word);
    }

}
