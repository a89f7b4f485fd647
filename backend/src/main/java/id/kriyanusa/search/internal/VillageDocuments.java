package id.kriyanusa.search.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.kriyanusa.search.SearchIndexName;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.stereotype.Component;

/**
 * The search documents of villages, read through the villages' public API; every village
 * is public.
 */
@Component
class VillageDocuments implements IndexedDocuments {

    private final Villages villages;

    VillageDocuments(Villages villages) {
        this.villages = villages;
    }

    @Override
    public SearchIndexName index() {
        return SearchIndexName.VILLAGES;
    }

    @Override
    public List<Long> idsAfter(long afterId, int limit) {
        return villages.idsAfter(afterId, limit);
    }

    @Override
    public Map<Long, Map<String, Object>> build(List<Long> ids) {
        return read(ids, VillageDocuments::document);
    }

    @Override
    public Map<Long, Versions> versions(List<Long> ids) {
        return read(ids, village -> new Versions(null, null, village.version()));
    }

    private <T> Map<Long, T> read(List<Long> ids, Function<Village, T> each) {
        var found = villages.byIds(ids);
        var result = new LinkedHashMap<Long, T>();
        ids.stream().filter(found::containsKey).forEach(id -> result.put(id, each.apply(found.get(id))));
        return result;
    }

    private static Map<String, Object> document(Village village) {
        var doc = new HashMap<String, Object>();
        doc.put("id", village.id());
        new Versions(null, null, village.version()).into(doc);
        doc.put("slug", village.slug());
        doc.put("name", village.name());
        doc.put("district", village.district());
        doc.put("regency", village.regency());
        doc.put("description_id", village.description() == null ? null : village.description().indonesian());
        doc.put("description_en", village.description() == null ? null : village.description().english());
        doc.put("story_id", village.story() == null ? null : village.story().indonesian());
        doc.put("story_en", village.story() == null ? null : village.story().english());
        doc.put("specialities", village.specialities());
        doc.put("classification", village.classification().name());
        doc.put("model_village", village.modelVillage());
        if (village.location() != null) {
            doc.put("location", Map.of("lat", village.location().lat(), "lon", village.location().lon()));
        }
        return doc;
    }

}
