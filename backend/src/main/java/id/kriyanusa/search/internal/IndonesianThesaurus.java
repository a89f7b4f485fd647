package id.kriyanusa.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
        var listed = new HashMap<String, List<String>>();
        try (var in = IndonesianThesaurus.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            // the first line names the file's encoding
            reader.readLine();
            String entry;
            while ((entry = reader.readLine()) != null) {
                int bar = entry.lastIndexOf('|');
                if (bar < 0) {
                    continue;
                }
                var word = folded(entry.substring(0, bar));
                int senses = Integer.parseInt(entry.substring(bar + 1));
                for (int i = 0; i < senses; i++) {
                    var sense = reader.readLine().split("\\|");
                    if (sense[0].equals(NOUN) && !listed.containsKey(word)) {
                        var same = new ArrayList<String>();
                        for (int j = 1; j < sense.length; j++) {
                            same.add(folded(sense[j]));
                        }
                        listed.put(word, same);
                    }
                }
            }
        }
        catch (IOException failure) {
            throw new UncheckedIOException(FILE + " could not be read", failure);
        }
        return new IndonesianThesaurus(bothWays(listed));
    }

    /** The other names of the (folded) name, surest first; empty when it has none. */
    List<String> namesOf(String name) {
        return names.getOrDefault(name, List.of());
    }

    private static Map<String, List<String>> bothWays(Map<String, List<String>> listed) {
        var listedBy = new HashMap<String, Set<String>>();
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
