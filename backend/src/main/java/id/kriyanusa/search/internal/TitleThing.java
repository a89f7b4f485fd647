package id.kriyanusa.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a product is, as its titles name it. Indonesian names the thing first and what it
 * is made of or for after it ("Dompet Kecil Songket" is a dompet, "Amplop Kertas" an
 * envelope); English names it last, before what follows "with", "of", "for" or a comma
 * ("Small Songket Pouch, Zipped" is a pouch, "Notebook of Tobacco Paper" a notebook). A
 * buyer asking for songket then finds the songket cloths above the things made of it.
 * Counts and packs around the name are not the thing ("Set Sendok dan Centong", "Rice
 * Paddle Set", "Paper A4, pack of 10").
 *
 * @param things the thing's name in each title, Indonesian first
 * @param secondWord the Indonesian title's next word, which either ends the thing's name
 * ("Kain Songket", "Taplak Meja") or begins what qualifies it ("Amplop Kertas"); null
 * when there is none
 */
record TitleThing(List<String> things, String secondWord) {

    /** Where an English title's name of the thing ends (a hyphen joins words). */
    private static final Pattern ENGLISH_QUALIFIERS = Pattern
        .compile("[,(:–—]|\\s-\\s|\\s(?:with|of|for|from|in|by|made of)\\s", Pattern.CASE_INSENSITIVE);

    /** A pack named before the thing: "Set of 3 Bowls", "A pair of sandals". */
    private static final Pattern ENGLISH_PACK = Pattern
        .compile("^\\s*(?:an?\\s+)?(?:set|pack|pair|bundle|box)\\s+of\\s+(?:\\d+\\s+)?", Pattern.CASE_INSENSITIVE);

    /** Words that count or pack things rather than name them. */
    private static final Set<String> PACKS = Set.of("set", "paket", "isi", "sepasang", "pasang", "sebuah", "aneka",
            "pack", "pair", "bundle");

    static TitleThing of(String indonesian, String english) {
        var things = new ArrayList<String>();
        var words = naming(Words.of(indonesian));
        String second = null;
        if (!words.isEmpty()) {
            things.add(words.getFirst());
            second = words.stream().skip(1).filter(word -> !Words.JOINING.contains(word)).findFirst().orElse(null);
        }
        if (english != null) {
            var named = naming(
                    Words.of(ENGLISH_QUALIFIERS.split(ENGLISH_PACK.matcher(english).replaceFirst(""), 2)[0]));
            if (!named.isEmpty()) {
                things.add(named.getLast());
            }
        }
        return new TitleThing(List.copyOf(things), second);
    }

    /** The words without counts, sizes such as "A4", and packs. */
    private static List<String> naming(List<String> words) {
        return words.stream()
            .filter(word -> !PACKS.contains(word) && word.chars().noneMatch(Character::isDigit))
            .toList();
    }

}
