package id.kriyanusa.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import id.kriyanusa.search.SearchCondition.Kind;
import id.kriyanusa.village.Villages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The places a buyer may name in a query: the villages of the portal, their districts and
 * their regencies, with the regencies' English names ("Central Lombok" for Lombok
 * Tengah). Read from the village module every few minutes and kept in memory: villages
 * change seldom, and a query is matched against them on every search.
 */
@Component
public class Places {

    private static final Logger log = LoggerFactory.getLogger(Places.class);

    /** The Indonesian compass words of regency names, and their English. */
    private static final Map<String, String> COMPASS = Map.of("tengah", "Central", "timur", "East", "barat", "West",
            "utara", "North", "selatan", "South");

    /**
     * A place: its kind, name, folded words, and the value its condition filters by (a
     * village's slug, or a regency's name); a district filters by its villages' slugs.
     */
    public record Place(Kind kind, String name, List<String> words, String value, List<String> villageSlugs) {
    }

    private final Villages villages;

    /** Longest names first, so "Masbagik Timur" wins over "Masbagik". */
    private volatile List<Place> places;

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

    // on every instance: each keeps its own copy in memory
    @Scheduled(initialDelayString = "${kriyanusa.search.places-refresh:PT5M}",
            fixedDelayString = "${kriyanusa.search.places-refresh:PT5M}")
    void load() {
        try {
            var found = new ArrayList<Place>();
            var districts = new LinkedHashMap<String, TreeSet<String>>();
            var regencies = new TreeSet<String>();
            long after = 0;
            for (var ids = villages.idsAfter(after, 1000); !ids.isEmpty(); ids = villages.idsAfter(after, 1000)) {
                for (var village : villages.byIds(ids).values()) {
                    found.add(place(Kind.VILLAGE, village.name(), village.slug(), List.of(village.slug())));
                    if (village.district() != null) {
                        districts.computeIfAbsent(village.district(), name -> new TreeSet<>()).add(village.slug());
                    }
                    if (village.regency() != null) {
                        regencies.add(village.regency());
                    }
                }
                after = ids.getLast();
            }
            districts.forEach((name, slugs) -> found.add(place(Kind.DISTRICT, name, name, List.copyOf(slugs))));
            for (var regency : regencies) {
                found.add(place(Kind.REGENCY, regency, regency, List.of()));
                var english = englishName(regency);
                if (english != null) {
                    found.add(place(Kind.REGENCY, english, regency, List.of()));
                }
            }
            // longest first; at equal length a village before a district of the same name
            found.sort(Comparator.comparingInt((Place place) -> place.words().size())
                .reversed()
                .thenComparing(Place::kind));
            places = List.copyOf(found);
        }
        catch (RuntimeException e) {
            log.warn("Could not read the places for search; keeping the previous ones: {}", e.toString());
        }
    }

    private static Place place(Kind kind, String name, String value, List<String> villageSlugs) {
        return new Place(kind, name, Words.of(name), value, villageSlugs);
    }

    /**
     * "Lombok Tengah" is "Central Lombok" in English; null when there is no such form.
     */
    static String englishName(String regency) {
        var words = regency.split(" ");
        if (words.length == 2) {
            var compass = COMPASS.get(Words.folded(words[1]));
            if (compass != null) {
                return compass + " " + words[0];
            }
        }
        return null;
    }

}
