package id.kriyanusa.search.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.search.SearchIndexName;
import id.kriyanusa.village.Village;
import org.springframework.stereotype.Component;

/**
 * The search documents of brands, read through the brands' public API as an anonymous
 * caller: the brands module's own visibility rule decides which brands the index holds
 * (VERIFIED ones; a draft, submitted, rejected or suspended brand has no document and is
 * deleted from the index). A brand's document carries its village's name, regency,
 * specialities, model designation and location, so it is rebuilt when the village
 * changes.
 */
@Component
class BrandDocuments implements IndexedDocuments {

    private final Brands brands;

    BrandDocuments(Brands brands) {
        this.brands = brands;
    }

    @Override
    public SearchIndexName index() {
        return SearchIndexName.BRANDS;
    }

    /**
     * The public brands only: the others have no document to build, and the rebuild and
     * reconciliation skip them.
     */
    @Override
    public List<Long> idsAfter(long afterId, int limit) {
        return brands.publicBrandIds().stream().filter(id -> id > afterId).sorted().limit(limit).toList();
    }

    @Override
    public Map<Long, Map<String, Object>> build(List<Long> ids) {
        return read(ids, BrandDocuments::document);
    }

    @Override
    public Map<Long, Versions> versions(List<Long> ids) {
        return read(ids,
                (brand, village) -> new Versions(null, brand.version(), village == null ? null : village.version()));
    }

    private <T> Map<Long, T> read(List<Long> ids, BiFunction<Brand, Village, T> each) {
        return IndexedDocuments.asPublic(() -> {
            var result = new LinkedHashMap<Long, T>();
            var visible = brands.byIds(ids);
            var villages = brands.villagesOf(visible.values());
            for (var id : ids) {
                var brand = visible.get(id);
                if (brand != null) {
                    result.put(id, each.apply(brand, villages.get(brand.villageId())));
                }
            }
            return result;
        });
    }

    private static Map<String, Object> document(Brand brand, Village village) {
        var doc = new HashMap<String, Object>();
        doc.put("id", brand.id());
        new Versions(null, brand.version(), village == null ? null : village.version()).into(doc);
        doc.put("slug", brand.slug());
        doc.put("name", brand.name());
        doc.put("tagline", brand.tagline());
        doc.put("story_id", brand.story() == null ? null : brand.story().indonesian());
        doc.put("story_en", brand.story() == null ? null : brand.story().english());
        doc.put("legal_form", brand.legalForm().name());
        doc.put("certifications", brand.certifications().stream().map(c -> c.kind().name()).distinct().toList());
        doc.put("model_village", village != null && village.modelVillage());
        if (village != null) {
            doc.put("village_slug", village.slug());
            doc.put("village_name", village.name());
            doc.put("regency", village.regency());
            doc.put("specialities", village.specialities());
            if (village.location() != null) {
                doc.put("location", Map.of("lat", village.location().lat(), "lon", village.location().lon()));
            }
        }
        return doc;
    }

}
