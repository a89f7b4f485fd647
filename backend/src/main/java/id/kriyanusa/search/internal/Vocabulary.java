package id.kriyanusa.search.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
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

    /** The words, by their first letter: a typo is seldom in the first. */
    private static final Map<Character, List<String>> BY_FIRST_LETTER = WORDS.stream()
        .collect(Collectors.groupingBy(word -> word.charAt(0)));

    /**
     * The shortest word read as a typo of a vocabulary word: one letter of three is too
     * much of a word ("tas", "tali" and "tapa" are all a letter from "tab").
     */
    private static final int SHORTEST_MISTYPED = 4;

    /**
     * Each word found only in names of several words, all on one line, with the first of
     * those names: the names a buyer can type that set a line off (a one-way line's names
     * after "=>" set nothing off).
     */
    private static final Map<String, String> ONLY_IN_LONGER_NAMES = onlyInLongerNames();

    /** Each name of a two-way line, with all of that line's names. */
    private static final Map<String, List<String>> EQUIVALENTS = LINES.stream()
        .filter(line -> !line.contains("=>"))
        .map(Vocabulary::names)
        .flatMap(names -> names.stream().map(name -> Map.entry(name, names)))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));

    private Vocabulary() {
    }

    /**
     * Whether words (folded, see {@link Words}) are together one of the vocabulary's
     * names: "pendant light" is a lamp, whose words alone name a jewel and a lamp.
     */
    static boolean namesTogether(List<String> words) {
        return words.size() > 1 && PHRASES.contains(String.join(" ", words));
    }

    /** Whether a word (folded, see {@link Words}) is one of the vocabulary's. */
    static boolean knows(String word) {
        return WORDS.contains(word);
    }

    /**
     * The one word of the vocabulary that the word (folded) is a typo of: a letter added,
     * left out or changed, or two letters swapped, the first letter as typed. A word and
     * its English plural are one word ("bagg" is a bag, though "bags" is as near). None
     * when no word or more than one is that near.
     */
    static Optional<String> oneTypoFrom(String word) {
        if (word.length() < SHORTEST_MISTYPED) {
            return Optional.empty();
        }
        var near = BY_FIRST_LETTER.getOrDefault(word.charAt(0), List.of())
            .stream()
            .filter(known -> oneTypoApart(word, known))
            .toList();
        var singular = near.stream()
            .filter(known -> !(known.endsWith("s") && near.contains(known.substring(0, known.length() - 1))))
            .toList();
        return singular.size() == 1 ? Optional.of(singular.getFirst()) : Optional.empty();
    }

    private static boolean oneTypoApart(String typed, String known) {
        int shorter = Math.min(typed.length(), known.length());
        if (typed.equals(known) || Math.abs(typed.length() - known.length()) > 1) {
            return false;
        }
        int same = 0;
        while (same < shorter && typed.charAt(same) == known.charAt(same)) {
            same++;
        }
        if (typed.length() < known.length()) {
            return typed.substring(same).equals(known.substring(same + 1));
        }
        if (typed.length() > known.length()) {
            return typed.substring(same + 1).equals(known.substring(same));
        }
        boolean swapped = same + 1 < typed.length() && typed.charAt(same) == known.charAt(same + 1)
                && typed.charAt(same + 1) == known.charAt(same)
                && typed.substring(same + 2).equals(known.substring(same + 2));
        return swapped || typed.substring(same + 1).equals(known.substring(same + 1));
    }

    /**
     * The first name of several words holding the word (folded), when the vocabulary has
     * the word only in such names, all of one line ("klanceng": "madu klanceng").
     */
    static Optional<String> longerNameHolding(String word) {
        return Optional.ofNullable(ONLY_IN_LONGER_NAMES.get(word));
    }

    private static Map<String, String> onlyInLongerNames() {
        var alone = new HashSet<String>();
        var linesOf = new HashMap<String, Set<Integer>>();
        var firstName = new HashMap<String, String>();
        for (int line = 0; line < LINES.size(); line++) {
            for (var name : LINES.get(line).split("=>")[0].split(",")) {
                var words = Words.of(name);
                if (words.size() == 1) {
                    alone.add(words.getFirst());
                    continue;
                }
                for (var word : words) {
                    linesOf.computeIfAbsent(word, any -> new HashSet<>()).add(line);
                    firstName.putIfAbsent(word, String.join(" ", words));
                }
            }
        }
        return linesOf.entrySet()
            .stream()
            .filter(entry -> entry.getValue().size() == 1 && !alone.contains(entry.getKey()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> firstName.get(entry.getKey())));
    }

    /**
     * The lines, each name of several words followed by the same name with its words as
     * their roots when that differs: "gendongan bayi" is also "gendong bayi", as a seller
     * may write it, and the field the lines are matched on holds the words as written. A
     * name of one word is left as it is: its root alone often names another thing
     * ("warna", colour, for "pewarna", dye).
     */
    static List<String> linesWithRootedNames(UnaryOperator<String> root) {
        return LINES.stream()
            .map(Vocabulary::withTheThingsOtherNames)
            .map(line -> Stream.of(line.split("=>", -1))
                .map(side -> withRootedNames(side, root))
                .collect(Collectors.joining(" => ")))
            .toList();
    }

    /**
     * A one-way line whose names all lead to one thing ("tjinderamata => cenderamata,
     * souvenir") with that thing's other names after its arrow: the synonym graph does
     * not apply one line to another's names, so "tjinderamata" would miss a
     * "kenang-kenangan". A line leading to members of a kind ("gerabah => gerabah, kendi,
     * vas") is left as it is: each member's other names would bring other things into the
     * kind's searches.
     */
    private static String withTheThingsOtherNames(String line) {
        var sides = line.split("=>");
        if (sides.length != 2) {
            return line;
        }
        var typed = names(sides[0]);
        var things = names(sides[1]).stream()
            .filter(name -> !typed.contains(name))
            .map(EQUIVALENTS::get)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
        if (things.size() != 1) {
            return line;
        }
        var targets = new LinkedHashSet<>(names(sides[1]));
        targets.addAll(things.getFirst());
        return sides[0].strip() + " => " + String.join(", ", targets);
    }

    private static List<String> names(String side) {
        return Stream.of(side.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static String withRootedNames(String side, UnaryOperator<String> root) {
        var names = new LinkedHashSet<String>();
        for (var typed : side.split(",")) {
            var name = typed.strip();
            names.add(name);
            var words = name.split(" ");
            if (words.length > 1) {
                names.add(Stream.of(words).map(root).collect(Collectors.joining(" ")));
            }
        }
        return String.join(", ", names);
    }

}
