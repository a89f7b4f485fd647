package id.kriyanusa.search.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The other English names of the things a buyer asks for, from WordNet 3.1 (read through
 * extJWNL): a "purse" is also a handbag, a "carryall" a tote bag, a "rug" a carpet. The
 * search's own vocabulary ({@code synonyms.txt}) pairs Indonesian and English words of
 * crafts; no hand-written list can hold every word a buyer from elsewhere uses, and a
 * catalogue it has not seen names things in its own words. The other names are looked for
 * with a weight of their own, below the words typed, and through the vocabulary (so
 * "carryall" reaches "tote bag" and from there "tas jinjing").
 * <p>
 * Only senses of things made, eaten or used as a material count (WordNet's artifact, food
 * and substance nouns), and of those the ones in common use: "pitcher" is a jug here, not
 * a baseball player. The thing's kind one step up ("bag" for a purse) is given apart: the
 * search lets it order what the words found, never find anything itself.
 * <p>
 * A name is also looked up in the {@link IndonesianThesaurus}, which holds the other
 * names of Indonesian things (and no kinds), and its translations in the
 * {@link EnglishIndonesianDictionary}.
 */
@Component
public class OtherNames {

    /** WordNet's files of senses that a shop's products can have. */
    private static final Set<String> THINGS = Set.of("noun.artifact", "noun.food", "noun.substance");

    /** The longest name looked up, in words ("mortar and pestle"). */
    private static final int LONGEST = 3;

    /**
     * A sense met less than a third as often as the word's commonest sense of a thing is
     * not what a buyer means: a "bag" is not a baseball base, nor a "box" a theatre's.
     */
    private static final int RARER_THAN = 3;

    /** At most this many other names per name typed, most common senses first. */
    private static final int MOST = 12;

    private static final Logger log = LoggerFactory.getLogger(OtherNames.class);

    /**
     * Reading WordNet's index takes about a second, so it starts with the application,
     * not with the first buyer's search.
     */
    private final CompletableFuture<Optional<Dictionary>> dictionary = loading("wordnet", () -> {
        try {
            return Dictionary.getDefaultResourceInstance();
        }
        catch (JWNLException failure) {
            throw new IllegalStateException("WordNet's dictionary could not be read", failure);
        }
    });

    private final CompletableFuture<Optional<IndonesianThesaurus>> thesaurus = loading("thesaurus",
            IndonesianThesaurus::read);

    private final CompletableFuture<Optional<EnglishIndonesianDictionary>> translations = loading("dictionary",
            EnglishIndonesianDictionary::read);

    /** The kinds of the things titles name, by thing: a catalogue names few things. */
    private final Map<String, List<String>> kinds = new ConcurrentHashMap<>();

    /**
     * Whether each category name read is food: asked once per category name, not for
     * every product of a reindex.
     */
    private final Map<String, Boolean> foods = new ConcurrentHashMap<>();

    /**
     * A lexicon read on a virtual thread of its own. One that cannot be read is logged
     * and left out: searches go on without its names rather than fail.
     */
    private static <T> CompletableFuture<Optional<T>> loading(String name, Supplier<T> reading) {
        return CompletableFuture
            .supplyAsync(() -> Optional.of(reading.get()), Thread.ofVirtual().name(name + "-loading")::start)
            .exceptionally(failure -> {
                log.error("The {} could not be read; searches go on without its other names", name, failure);
                return Optional.empty();
            });
    }

    /**
     * Another name of a thing.
     *
     * @param words the name
     * @param relation how what it names is related to the thing
     */
    public record Name(String words, Relation relation) {

        /** Whether it names the thing's kind (a bag, for a purse), not the thing. */
        public boolean kind() {
            return relation == Relation.KIND;
        }

    }

    /** How the thing another name names is related to the thing named. */
    public enum Relation {

        /** The same thing: WordNet's synonyms ("ewer" for a pitcher), a translation. */
        SAME,

        /**
         * A thing the thesaurus groups with it, often another thing of the same use: for
         * a "kendi" (jug) a "guci" (urn) or a "tempayan" (water jar).
         */
        ALIKE,

        /** The thing's kind one step up: a bag for a purse. */
        KIND

    }

    /**
     * Each word of the text (folded, see {@link Words}) that is part of a thing's name,
     * with the other names of the thing; words naming nothing WordNet knows are left out.
     * The longest name wins: in "tote bag", both words get the other names of a tote bag
     * (the same list).
     */
    public Map<String, List<Name>> of(String text) {
        var words = Words.of(text);
        var found = new LinkedHashMap<String, List<Name>>();
        int i = 0;
        while (i < words.size()) {
            int length = Math.min(LONGEST, words.size() - i);
            List<Name> names = List.of();
            while (length > 0
                    && !namesAThing(names = namesOf(String.join(" ", words.subList(i, i + length))), length)) {
                length--;
            }
            if (names.isEmpty()) {
                var word = words.get(i);
                longerNameHolding(word)
                    .ifPresent(name -> found.putIfAbsent(word, List.of(new Name(name, Relation.SAME))));
                i++;
                continue;
            }
            for (var word : words.subList(i, i + length)) {
                found.putIfAbsent(word, names);
            }
            i += length;
        }
        return found;
    }

    /**
     * Whether the names found for a name of this many words name it: a name of several
     * words needs another name of the same thing, not only a kind. "Wooden spoon" is in
     * WordNet only as a kind of booby prize; the spoons of wood are "sendok" still.
     */
    private static boolean namesAThing(List<Name> names, int words) {
        return words == 1 ? !names.isEmpty() : names.stream().anyMatch(name -> !name.kind());
    }

    /**
     * The name's other names in English, then in Indonesian: a word typed may be either
     * ("hem" is an edge in English and a shirt in Indonesian); then its translations.
     */
    private List<Name> namesOf(String name) {
        var indonesian = names(thesaurus, lexicon -> lexicon.namesOf(name), Relation.ALIKE).toList();
        var noun = englishNoun(name);
        // the dictionary holds an English noun once, in the singular ("planters" is
        // looked up as "planter")
        var base = noun.map(IndexWord::getLemma).orElse(name);
        var translated = names(translations,
                lexicon -> Stream.of(name, base)
                    .distinct()
                    .flatMap(form -> lexicon.translationsOf(form).stream())
                    .distinct()
                    .toList(),
                Relation.SAME);
        return Stream
            .of(noun.map(OtherNames::englishNamesOf).orElse(List.of()).stream(), indonesian.stream(), translated)
            .flatMap(names -> names)
            .distinct()
            .toList();
    }

    /**
     * The English noun of this name, read through WordNet's morphology ("bags" is a bag);
     * none when morphology shortens a name of several words to one of them, which is
     * looked up on its own, or changes an Indonesian word: "tas" (bag) is not the plural
     * of "ta" (tantalum).
     */
    private Optional<IndexWord> englishNoun(String name) {
        var wordNet = dictionary.join();
        if (wordNet.isEmpty()) {
            return Optional.empty();
        }
        try {
            var word = wordNet.get().lookupIndexWord(POS.NOUN, name);
            if (word == null || word.getLemma().split(" ").length < name.split(" ").length) {
                return Optional.empty();
            }
            return word.getLemma().equals(name) || !isIndonesian(name) ? Optional.of(word) : Optional.empty();
        }
        catch (JWNLException failure) {
            throw new IllegalStateException("WordNet could not look up \"" + name + "\"", failure);
        }
    }

    /**
     * The names of the kinds of the things a title names, one and two steps up from the
     * thing's commonest sense, in English and in Indonesian: a "meja" (table) is
     * furniture, a "sandal" a shoe and footwear, an "anting" (earring) jewelry. Indexed
     * with a product, so that a buyer who names the kind ("mebel", "perhiasan",
     * "footwear") finds the things of that kind.
     */
    public List<String> kindsOf(List<String> things) {
        return things.stream()
            .flatMap(thing -> kinds.computeIfAbsent(thing, this::kindsOf).stream())
            .distinct()
            .toList();
    }

    private List<String> kindsOf(String thing) {
        var dictionary = translations.join();
        // an Indonesian thing is looked up in English through its translations
        var english = Stream
            .concat(Stream.of(thing),
                    dictionary
                        .map(lexicon -> lexicon.isIndonesian(thing) ? lexicon.translationsOf(thing) : List.<String>of())
                        .orElse(List.of())
                        .stream()
                        .limit(1))
            .toList();
        var found = new LinkedHashSet<String>();
        // each kind's own word, read into Indonesian: "footwear" is "alas kaki"
        var heads = new LinkedHashSet<String>();
        for (var name : english) {
            var noun = englishNoun(name);
            if (noun.isEmpty()) {
                continue;
            }
            try {
                for (var sense : senses(noun.get()).stream().limit(1).toList()) {
                    for (var kind : sense.getPointers(PointerType.HYPERNYM)) {
                        var parent = kind.getTargetSynset();
                        addKind(found, heads, parent);
                        for (var grand : parent.getPointers(PointerType.HYPERNYM)) {
                            addKind(found, heads, grand.getTargetSynset());
                        }
                    }
                }
            }
            catch (JWNLException failure) {
                throw new IllegalStateException("WordNet could not read the kinds of \"" + name + "\"", failure);
            }
        }
        dictionary.ifPresent(lexicon -> heads.forEach(head -> found.addAll(lexicon.translationsOf(head))));
        return List.copyOf(found);
    }

    /**
     * Whether an English category name names food: the head word of one of its parts is,
     * in its commonest sense, a food in WordNet ("Processed Foods", "Coffee", "Snacks and
     * Biscuits"; not "Tea Towels", whose head is a towel). Read from the names the
     * department gives its categories, so a category it adds is known without a list
     * here.
     */
    public boolean isFood(String englishName) {
        return englishName != null && foods.computeIfAbsent(englishName, this::namesFood);
    }

    private boolean namesFood(String englishName) {
        return Stream.of(englishName.toLowerCase(Locale.ROOT).split("\\s*(,|&|\\band\\b)\\s*"))
            .map(part -> part.strip().replaceAll(".*[\\s-]", ""))
            .filter(head -> !head.isEmpty())
            .anyMatch(head -> englishNoun(head).map(OtherNames::isFood).orElse(false));
    }

    /**
     * Whether the noun's commonest sense is a food; "food" itself is one of WordNet's top
     * nouns, above its file of foods.
     */
    private static boolean isFood(IndexWord noun) {
        return noun.getLemma().equals("food") || noun.getSenses()
            .stream()
            .findFirst()
            .map(commonest -> "noun.food".equals(commonest.getLexFileName()))
            .orElse(false);
    }

    /**
     * Whether the words name things made and no food: "bag", "tas" (bag), "gelang perak"
     * (silver bracelet). A buyer asking for a bag is not asking for coffee in drip bags,
     * so crafts come before foods, as when crafts are asked for by name. A word counts as
     * a thing made when its commonest sense is an artifact in WordNet and none of its
     * senses is a food ("chip" is also a crisp); an Indonesian word through its English
     * translations. Words of places are not given.
     */
    public boolean nameThingsMade(List<String> words) {
        boolean made = false;
        for (var word : words) {
            var senses = englishNoun(word).map(List::of).orElseGet(() -> translatedNouns(word));
            if (senses.stream().anyMatch(OtherNames::hasFoodSense)) {
                return false;
            }
            made |= senses.stream()
                .anyMatch(noun -> noun.getSenses()
                    .stream()
                    .findFirst()
                    .map(commonest -> "noun.artifact".equals(commonest.getLexFileName()))
                    .orElse(false));
        }
        return made;
    }

    private List<IndexWord> translatedNouns(String word) {
        return translations.join()
            .filter(lexicon -> lexicon.isIndonesian(word))
            .map(lexicon -> lexicon.translationsOf(word)
                .stream()
                .map(this::englishNoun)
                .flatMap(Optional::stream)
                .toList())
            .orElse(List.of());
    }

    private static boolean hasFoodSense(IndexWord noun) {
        return noun.getLemma().equals("food")
                || noun.getSenses().stream().anyMatch(sense -> "noun.food".equals(sense.getLexFileName()));
    }

    /**
     * Whether a lexicon knows the word: WordNet as English (any part of speech, any
     * inflection), the search's own {@link Vocabulary}, or the thesaurus or the
     * dictionary as Indonesian or English. Such a word is never "corrected" into a word
     * of the index: "photo frame" is not a misspelt "poto from", nor "belt" a misspelt
     * "bulat".
     */
    public boolean isKnownWord(String word) {
        var folded = Words.folded(word);
        return Vocabulary.knows(folded) || knownToALexicon(folded);
    }

    /**
     * The vocabulary's name of several words holding this word, which no lexicon knows
     * and the vocabulary has in the names of one thing only: "klanceng" is "madu
     * klanceng", whose line also names it "madu trigona". A buyer names the thing by the
     * word that tells it apart.
     */
    private Optional<String> longerNameHolding(String word) {
        return Vocabulary.longerNameHolding(word).filter(name -> !knownToALexicon(word));
    }

    /**
     * Whether the folded word is an English noun of a thing (WordNet) and no Indonesian
     * word: a buyer typing "lamb" means a lamb, not the lamp one letter away.
     */
    public boolean isEnglishNoun(String folded) {
        return englishNoun(folded).filter(noun -> !senses(noun).isEmpty()).isPresent() && !isIndonesian(folded);
    }

    /** Whether WordNet, the thesaurus or the dictionary knows the folded word. */
    private boolean knownToALexicon(String folded) {
        try {
            var wordNet = dictionary.join();
            if (wordNet.isPresent() && wordNet.get().lookupAllIndexWords(folded).size() > 0) {
                return true;
            }
        }
        catch (JWNLException failure) {
            throw new IllegalStateException("WordNet could not look up \"" + folded + "\"", failure);
        }
        return isIndonesian(folded)
                || translations.join().map(lexicon -> !lexicon.translationsOf(folded).isEmpty()).orElse(false);
    }

    /** Whether the thesaurus or the dictionary knows the name as an Indonesian word. */
    private boolean isIndonesian(String name) {
        return thesaurus.join().map(lexicon -> !lexicon.namesOf(name).isEmpty()).orElse(false)
                || translations.join().map(lexicon -> lexicon.isIndonesian(name)).orElse(false);
    }

    private static void addKind(Set<String> found, Set<String> heads, Synset kind) {
        kind.getWords().forEach(word -> found.add(word.getLemma().toLowerCase(Locale.ROOT)));
        heads.add(kind.getWords().getFirst().getLemma().toLowerCase(Locale.ROOT));
    }

    private static <T> Stream<Name> names(CompletableFuture<Optional<T>> lexicon, Function<T, List<String>> namesOf,
            Relation relation) {
        return lexicon.join()
            .map(namesOf)
            .orElse(List.of())
            .stream()
            .limit(MOST)
            .map(other -> new Name(other, relation));
    }

    private static List<Name> englishNamesOf(IndexWord word) {
        try {
            var names = new LinkedHashMap<String, Name>();
            for (var sense : senses(word)) {
                addNames(names, sense, word.getLemma(), Relation.SAME);
                for (var kind : sense.getPointers(PointerType.HYPERNYM)) {
                    addNames(names, kind.getTargetSynset(), word.getLemma(), Relation.KIND);
                }
            }
            return names.values().stream().limit(MOST).toList();
        }
        catch (JWNLException failure) {
            throw new IllegalStateException("WordNet could not read the senses of \"" + word.getLemma() + "\"",
                    failure);
        }
    }

    /**
     * The word's senses of things that people use it for: those met in WordNet's sample
     * of texts, or the most common one when none was. A "case" is a container here, not a
     * shell or a pillowcase, which buyers would call by those names.
     */
    private static List<Synset> senses(IndexWord word) {
        var things = word.getSenses().stream().filter(sense -> THINGS.contains(sense.getLexFileName())).toList();
        int commonest = things.stream().mapToInt(sense -> useCount(sense, word.getLemma())).max().orElse(0);
        var used = things.stream()
            .filter(sense -> useCount(sense, word.getLemma()) * RARER_THAN > commonest)
            .filter(sense -> sense.getPointers(PointerType.CATEGORY).isEmpty())
            .toList();
        return used.isEmpty() ? things.stream().limit(1).toList() : used;
    }

    private static int useCount(Synset sense, String lemma) {
        return sense.getWords()
            .stream()
            .filter(word -> word.getLemma().equalsIgnoreCase(lemma))
            .mapToInt(Word::getUseCount)
            .max()
            .orElse(0);
    }

    private static void addNames(Map<String, Name> names, Synset synset, String typed, Relation relation) {
        for (var other : synset.getWords()) {
            var words = other.getLemma().toLowerCase(Locale.ROOT);
            if (!words.equals(typed)) {
                names.putIfAbsent(words, new Name(words, relation));
            }
        }
    }

}
