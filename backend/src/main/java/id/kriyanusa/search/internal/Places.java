package id.kriyanusa.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.SearchCondition.Kind;
import id.kriyanusa.village.RegencyNames;
import id.kriyanusa.village.VillageChanged;
import id.kriyanusa.village.Villages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The places a buyer may name in a query: the villages of the portal, their districts and
 * their regencies, with the regencies' English names ("Central Lombok" for Lombok Tengah,
 * "Bima City" for Kota Bima) and the other names people use for them ("Lotim", "Praya",
 * "Samawa"). Read from the village module when a village changes and every minute (for
 * changes made through other instances), and kept in memory: villages change seldom, and
 * a query is matched against them on every search.
 */
@Component
public class Places {

    private static final Logger log = LoggerFactory.getLogger(Places.class);

    /** Words before a place's name that say what kind of place it is. */
    private static final Set<String> KIND_WORDS = Set.of("desa", "kelurahan", "dusun", "kecamatan", "kec", "kabupaten",
            "kab");

    /**
     * What people in NTB also call a regency: its short form in the local press and on
     * signs, its seat, its people's name for it ("Lotim", "Selong", "Samawa").
     */
    private static final Map<String, List<String>> OTHER_NAMES = Map.of("Lombok Barat", List.of("Lobar", "Gerung"),
            "Lombok Tengah", List.of("Loteng", "Praya"), "Lombok Timur", List.of("Lotim", "Selong"), "Lombok Utara",
            List.of("Lotara", "KLU"), "Sumbawa", List.of("Samawa", "Sumbawa Besar"), "Sumbawa Barat",
            List.of("KSB", "Taliwang"), "Bima", List.of("Mbojo", "Woha"), "Kota Bima", List.of("Bima", "Mbojo"));

    /**
     * NTB's two islands and their regencies: a buyer naming the island ("pulau Sumbawa",
     * "Lombok island") means what is made in any of them, Bima's and Dompu's too.
     */
    private static final Map<String, Set<String>> ISLANDS = Map.of("Lombok",
            Set.of("Lombok Barat", "Lombok Tengah", "Lombok Timur", "Lombok Utara", "Kota Mataram"), "Sumbawa",
            Set.of("Sumbawa Barat", "Sumbawa", "Dompu", "Bima", "Kota Bima"));

    /**
     * How far from a place "dekat" (near) reaches: about twenty minutes by road on
     * Lombok, so near Mataram is Labuapi and Banyumulek, not Sukarara 18 km away.
     */
    static final double NEAR_KM = 15;

    /**
     * Towns buyers name, with where they are: the regencies' seats, the provincial
     * capital and the places visitors stay, land and go (the south coasts' surf beaches
     * among them), most of which have no village of the portal (Wikipedia and
     * OpenStreetMap, to about 2 km). Left out: places named by everyday words (Pink
     * Beach, Tanjung, and Gili Air, whose "air" would lose its other names in every
     * query), and Rinjani and Tambora, which are also coffees made far from their
     * summits.
     */
    private static final Map<String, ProductSearchFilter.Near> TOWNS = Map.ofEntries(town("Mataram", -8.5833, 116.1167),
            town("Senggigi", -8.4917, 116.0450), town("Kuta", -8.8950, 116.2770), town("Gerung", -8.6780, 116.1230),
            town("Praya", -8.7130, 116.2710), town("Selong", -8.6510, 116.5300),
            town("Sumbawa Besar", -8.4940, 117.4200), town("Taliwang", -8.7440, 116.8560),
            town("Dompu", -8.5370, 118.4630), town("Bima", -8.4600, 118.7270), town("Woha", -8.5900, 118.6900),
            town("Kuta Lombok", -8.8950, 116.2770), town("Mandalika", -8.8930, 116.3000),
            town("Tanjung Aan", -8.9090, 116.3240), town("Gerupuk", -8.9170, 116.3480),
            town("Selong Belanak", -8.8710, 116.1580), town("Sade", -8.8390, 116.2920),
            town("Gili Trawangan", -8.3500, 116.0410), town("Gili Meno", -8.3500, 116.0580),
            town("Tetebatu", -8.5270, 116.4160), town("Mawun", -8.9060, 116.2420), town("Ekas", -8.8650, 116.4360),
            town("Sekotong", -8.7600, 115.9900), town("Maluk", -8.8880, 116.8330),
            town("Sekongkang", -8.9640, 116.7610), town("Hu'u", -8.7390, 118.4140), town("Sembalun", -8.3560, 116.5300),
            town("Senaru", -8.3070, 116.4060), town("Pelabuhan Bangsal", -8.3600, 116.1060),
            town("Pelabuhan Lembar", -8.7290, 116.0740), town("Bandara Lombok", -8.7573, 116.2767),
            town("Lombok Airport", -8.7573, 116.2767), town("Bandara Internasional Lombok", -8.7573, 116.2767),
            town("Lombok International Airport", -8.7573, 116.2767),
            town("Bandara Zainuddin Abdul Madjid", -8.7573, 116.2767), town("Lakey", -8.8110, 118.3700),
            town("Lakey Peak", -8.8110, 118.3700), town("Pulau Moyo", -8.2500, 117.5500),
            town("Moyo Island", -8.2500, 117.5500), town("Bandara Sumbawa", -8.4890, 117.4120),
            town("Sumbawa Airport", -8.4890, 117.4120), town("Bandara Bima", -8.5397, 118.6873),
            town("Bima Airport", -8.5397, 118.6873));

    /**
     * A place: its kind, name, folded words, the value its condition filters by (a
     * village's slug, or a regency's name; a district filters by its villages' slugs),
     * and the circle "near" it means, when it has one.
     */
    public record Place(Kind kind, String name, List<String> words, String value, List<String> villageSlugs,
            ProductSearchFilter.Near near) {
    }

    private final Villages villages;

    /** Longest names first, so "Masbagik Timur" wins over "Masbagik". */
    private volatile List<Place> places;

    /** The words of all their names, for every search's check of each word typed. */
    private volatile Set<String> words = Set.of();

    Places(Villages villages) {
        this.villages = villages;
    }

    /** The known places, longest names first. */
    public List<Place> all() {
        var known = places;
        if (known == null) {
            load();
            known = places;
        }
        return known == null ? List.of() : known;
    }

    /** Whether the name is an island's ("Sumbawa"), which a regency may share. */
    static boolean isIsland(String name) {
        return ISLANDS.containsKey(name);
    }

    /** Whether the folded word is a word of a known place's name ("lombok", "timur"). */
    public boolean hasWord(String word) {
        all();
        return words.contains(word);
    }

    /**
     * A village added, renamed or moved is a place at once on this instance: a new
     * portal's villages come through the API shortly before its first buyers search. The
     * other instances read it within {@code kriyanusa.search.places-refresh}.
     */
    @TransactionalEventListener
    void on(VillageChanged event) {
        load();
    }

    // on every instance: each keeps its own copy in memory
    @Scheduled(initialDelayString = "${kriyanusa.search.places-refresh:PT1M}",
            fixedDelayString = "${kriyanusa.search.places-refresh:PT1M}")
    void load() {
        try {
            var found = new ArrayList<Place>();
            var districts = new LinkedHashMap<String, TreeSet<String>>();
            var regencies = new TreeSet<String>();
            var onIsland = new LinkedHashMap<String, TreeSet<String>>();
            long after = 0;
            for (var ids = villages.idsAfter(after, 1000); !ids.isEmpty(); ids = villages.idsAfter(after, 1000)) {
                for (var village : villages.byIds(ids).values()) {
                    var name = withoutKindWord(village.name());
                    found.add(new Place(Kind.VILLAGE, name, Words.asTyped(name), village.slug(),
                            List.of(village.slug()), village.location() == null ? null
                                    : around(village.location().lat(), village.location().lon())));
                    if (village.district() != null) {
                        districts.computeIfAbsent(withoutKindWord(village.district()), district -> new TreeSet<>())
                            .add(village.slug());
                    }
                    if (village.regency() != null) {
                        regencies.add(village.regency());
                        ISLANDS.forEach((island, itsRegencies) -> {
                            if (itsRegencies.contains(village.regency())) {
                                onIsland.computeIfAbsent(island, any -> new TreeSet<>()).add(village.slug());
                            }
                        });
                    }
                }
                after = ids.getLast();
            }
            districts.forEach((name, slugs) -> found.add(place(Kind.DISTRICT, name, name, List.copyOf(slugs))));
            // regencies as saved: the village form offers NTB's ten by name, and a
            // regency
            // filters by the name saved, so "Kabupaten Lombok Tengah" saved once must not
            // take "Lombok Tengah" typed away from the other villages
            for (var regency : regencies) {
                found.add(place(Kind.REGENCY, regency, regency, List.of()));
                var english = RegencyNames.english(regency);
                if (english != null) {
                    found.add(place(Kind.REGENCY, english, regency, List.of()));
                }
                // a name that is another regency's own ("Bima") stays that regency's
                OTHER_NAMES.getOrDefault(regency, List.of())
                    .stream()
                    .filter(name -> !regencies.contains(name))
                    .forEach(name -> found
                        .add(new Place(Kind.REGENCY, name, Words.asTyped(name), regency, List.of(), TOWNS.get(name))));
            }
            onIsland.forEach((island, slugs) -> {
                for (var name : List.of("Pulau " + island, island + " Island")) {
                    found.add(new Place(Kind.ISLAND, name, Words.asTyped(name), island, List.copyOf(slugs), null));
                }
            });
            var named = found.stream().map(Place::name).toList();
            TOWNS.forEach((name, near) -> {
                if (!named.contains(name)) {
                    found
                        .add(new Place(Kind.NEAR, name, Words.asTyped(name), near.asConditionValue(), List.of(), near));
                }
            });
            // longest first; at equal length a village before a district of the same name
            found.sort(Comparator.comparingInt((Place place) -> place.words().size())
                .reversed()
                .thenComparing(Place::kind));
            words = found.stream().flatMap(place -> place.words().stream()).collect(Collectors.toUnmodifiableSet());
            places = List.copyOf(found);
        }
        catch (RuntimeException e) {
            log.warn("Could not read the places for search; keeping the previous ones: {}", e.toString());
        }
    }

    /**
     * The name without a leading word saying what kind of place it is: a curator may
     * write "Desa Semoyang" or "Kec. Pujut", and buyers type "Semoyang" (the query's own
     * "desa" before a name is read as such a word). "Kota Bima" keeps its "Kota": it is
     * not Kabupaten Bima. For villages and districts, which narrow by their villages.
     */
    static String withoutKindWord(String name) {
        var parts = name.strip().split("[\\s.]+", 2);
        return parts.length == 2 && KIND_WORDS.contains(Words.folded(parts[0])) ? parts[1].strip() : name.strip();
    }

    private static Place place(Kind kind, String name, String value, List<String> villageSlugs) {
        return new Place(kind, name, Words.asTyped(name), value, villageSlugs, null);
    }

    private static ProductSearchFilter.Near around(double lat, double lon) {
        return new ProductSearchFilter.Near(lat, lon, NEAR_KM);
    }

    private static Map.Entry<String, ProductSearchFilter.Near> town(String name, double lat, double lon) {
        return Map.entry(name, around(lat, lon));
    }

}
