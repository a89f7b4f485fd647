package id.kriyanusa.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indonesian words for the same thing, from LibreOffice's Indonesian thesaurus
 * ({@code search/th_id_ID_v2.dat}, Ali Ahmadi, LGPL-2.1, as Debian ships it in
 * {@code mythes-id}): a "layah" is a cobek, a "nyiru" a tampah, "jambangan" a vas. It
 * plays for Indonesian the part WordNet plays for English in {@link OtherNames}.
 * <p>
 * The thesaurus lists, for each word, its senses with their part of speech; only the
 * first noun sense counts, its commonest ("kursi" is a chair, not a post). A word without
 * an entry is read from the entries that list it ("kemeja" lists "hem", which has none);
 * of a word's own names, those that list it back come first, as the surest.
 */
final class IndonesianThesaurus {

    private static final String FILE = "search/th_id_ID_v2.dat";

    private static final String NOUN = "[n]";

    private final Map<String, List<String>> names;

    private IndonesianThesaurus(Map<String, List<String>> names) {
        this.names = names;
    }

    /** The thesaurus, read from the class path (about 50,000 lines). */
    static IndonesianThesaurus read() {
        try (var in = IndonesianThesaurus.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1)));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(FILE + " could not be read", failure);
        }
    }

    /**
     * A thesaurus in MyThes's format: a line naming the encoding, then each word as
     * {@code word|senses} followed by that many lines {@code [pos]|name|name...}. A few
     * sense lines of the shipped file write the tag in capitals or leave out the bar
     * after it; they count as written.
     */
    static IndonesianThesaurus read(BufferedReader reader) throws IOException {
        // in the order of the file, so that a word's names keep the order they are listed
        // in
        var listed = new LinkedHashMap<String, List<String>>();
        reader.readLine();
        String entry;
        while ((entry = reader.readLine()) != null) {
            int bar = entry.lastIndexOf('|');
            if (bar < 0) {
                continue;
            }
            var word = folded(entry.substring(0, bar));
            int senses = Integer.parseInt(entry.substring(bar + 1).strip());
            for (int i = 0; i < senses; i++) {
                var sense = reader.readLine();
                if (sense == null) {
                    throw new IOException("the thesaurus ends inside the senses of \"" + word + "\"");
                }
                if (sense.regionMatches(true, 0, NOUN, 0, NOUN.length()) && !listed.containsKey(word)) {
                    listed.put(word,
                            Arrays.stream(sense.substring(NOUN.length()).split("\\|"))
                                .map(IndonesianThesaurus::folded)
                                .filter(name -> !name.isEmpty())
                                .toList());
                }
            }
        }
        return new IndonesianThesaurus(bothWays(listed));
    }

    /** The other names of the (folded) name, surest first; empty when it has none. */
    List<String> namesOf(String name) {
        return names.getOrDefault(name, List.of());
    }

    private static Map<String, List<String>> bothWays(Map<String, List<String>> listed) {
        var listedBy = new LinkedHashMap<String, Set<String>>();
        listed.forEach((word, same) -> same
            .forEach(other -> listedBy.computeIfAbsent(other, key -> new LinkedHashSet<>()).add(word)));
        var names = new HashMap<String, List<String>>();
        listed.forEach((word, same) -> {
            var back = listedBy.getOrDefault(word, Set.of());
            var ordered = new LinkedHashSet<String>();
            same.stream().filter(back::contains).forEach(ordered::add);
            ordered.addAll(same);
            ordered.remove(word);
            names.put(word, List.copyOf(ordered));
        });
        // a word's own entry says which of its senses is commonest; a word without one is
        // known only by the entries that list it
        listedBy.forEach((word, back) -> names.computeIfAbsent(word, key -> List.copyOf(back)));
        return names;
    }

    private static String folded(String name) {
        return String.join(" ", Words.of(name));
    }

}
