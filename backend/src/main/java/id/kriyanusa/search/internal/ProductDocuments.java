package id.kriyanusa.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandVerificationStatus;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.search.SearchIndexName;
import id.kriyanusa.village.Village;
import org.springframework.stereotype.Component;

/**
 * Builds the search documents of products from PostgreSQL through the catalog's, brands'
 * and villages' public APIs.
 * <p>
 * The index holds what the public may see: documents are read as an anonymous caller, so
 * the catalog's own visibility rule decides (PUBLISHED products of VERIFIED brands). A
 * product it does not return (a draft, archived, a suspended brand's, or deleted) has no
 * document and is deleted from the index.
 */
@Component
public class ProductDocuments implements IndexedDocuments {

    private final Products products;

    private final Brands brands;

    private final Categories categories;

    private final IndonesianRoots roots;

    private final OtherNames otherNames;

    ProductDocuments(Products products, Brands brands, Categories categories, IndonesianRoots roots,
            OtherNames otherNames) {
        this.products = products;
        this.brands = brands;
        this.categories = categories;
        this.roots = roots;
        this.otherNames = otherNames;
    }

    @Override
    public SearchIndexName index() {
        return SearchIndexName.PRODUCTS;
    }

    @Override
    public List<Long> idsAfter(long afterId, int limit) {
        return products.idsAfter(afterId, limit);
    }

    /**
     * The documents of those of these products the public may see, keyed by product id.
     */
    @Override
    public Map<Long, Map<String, Object>> build(List<Long> ids) {
        return IndexedDocuments.asPublic(() -> {
            var result = new LinkedHashMap<Long, Map<String, Object>>();
            if (ids.isEmpty()) {
                return result;
            }
            var visible = products.visibleInOrder(ids);
            if (visible.isEmpty()) {
                return result;
            }
            var brandsById = products.brandsOf(visible);
            var villages = brands.villagesOf(brandsById.values());
            var images = products.imagesOf(visible);
            var allCategories = categories.all();
            for (var product : visible) {
                var brand = brandsById.get(product.brandId());
                if (brand == null) {
                    continue;
                }
                result.put(product.id(), document(product, brand, villages.get(brand.villageId()), allCategories,
                        !images.getOrDefault(product.id(), List.of()).isEmpty()));
            }
            return result;
        });
    }

    /**
     * The versions of the product, its brand and its village that the documents of those
     * of these products the public may see would carry, keyed by product id; the same
     * reads as {@link #build}, without building the documents.
     */
    @Override
    public Map<Long, Versions> versions(List<Long> ids) {
        return IndexedDocuments.asPublic(() -> {
            var result = new LinkedHashMap<Long, Versions>();
            var visible = ids.isEmpty() ? List.<Product>of() : products.visibleInOrder(ids);
            if (visible.isEmpty()) {
                return result;
            }
            var brandsById = products.brandsOf(visible);
            var villages = brands.villagesOf(brandsById.values());
            for (var product : visible) {
                var brand = brandsById.get(product.brandId());
                if (brand != null) {
                    var village = villages.get(brand.villageId());
                    result.put(product.id(), new Versions(product.version(), brand.version(),
                            village == null ? null : village.version()));
                }
            }
            return result;
        });
    }

    private Map<String, Object> document(Product product, Brand brand, Village village, Map<Long, Category> categories,
            boolean hasImages) {
        var doc = new HashMap<String, Object>();
        doc.put("id", product.id());
        // the versions the document was built from, which the reconciliation compares
        // with PostgreSQL's
        new Versions(product.version(), brand.version(), village == null ? null : village.version()).into(doc);
        doc.put("slug", product.slug());
        doc.put("title_id", product.title().indonesian());
        doc.put("title_en", product.title().english());
        doc.put("title_words", titleWords(product));
        var thing = TitleThing.of(product.title().indonesian(), product.title().english());
        doc.put("thing", thing.things());
        doc.put("things_second_word", thing.secondWord());
        doc.put("kinds", otherNames.kindsOf(thing.things()));
        doc.put("description_id", product.description() == null ? null : product.description().indonesian());
        doc.put("description_en", product.description() == null ? null : product.description().english());
        doc.put("title_roots", roots.of(product.title().indonesian()));
        doc.put("description_roots",
                product.description() == null ? null : roots.of(product.description().indonesian()));
        doc.put("materials", product.materials());
        doc.put("techniques", product.techniques());
        doc.put("brand_id", brand.id());
        doc.put("brand_slug", brand.slug());
        doc.put("brand_name", brand.name());
        doc.put("verified_brand", brand.verificationStatus() == BrandVerificationStatus.VERIFIED);
        doc.put("certifications", brand.certifications().stream().map(c -> c.kind().name()).distinct().toList());
        var slugs = new LinkedHashSet<String>();
        var namesId = new ArrayList<String>();
        var namesEn = new ArrayList<String>();
        var category = product.categoryId() == null ? null : categories.get(product.categoryId());
        while (category != null) {
            slugs.add(category.slug());
            namesId.add(category.name().indonesian());
            namesEn.add(category.name().english());
            category = category.parentId() == null ? null : categories.get(category.parentId());
        }
        doc.put("category_slugs", List.copyOf(slugs));
        doc.put("category_names_id", namesId);
        doc.put("category_names_en", namesEn);
        doc.put("food", namesEn.stream().anyMatch(otherNames::isFood));
        doc.put("price", product.price());
        doc.put("availability", product.availability().name());
        doc.put("has_images", hasImages);
        doc.put("published_at", product.publishedAt() == null ? null : product.publishedAt().toInstant().toString());
        if (village != null) {
            doc.put("village_slug", village.slug());
            doc.put("village_name", village.name());
            doc.put("regency", village.regency());
            doc.put("district", village.district());
            doc.put("model_village", village.modelVillage());
            if (village.location() != null) {
                doc.put("location", Map.of("lat", village.location().lat(), "lon", village.location().lon()));
            }
        }
        else {
            doc.put("model_village", false);
        }
        return doc;
    }

    /**
     * The words of both titles a buyer might be typing towards (gerabah, tenun, anyaman),
     * counted for the search box's completions: three letters or more, not a number, not
     * a word that joins others.
     */
    private static List<String> titleWords(Product product) {
        var words = new LinkedHashSet<String>(Words.of(product.title().indonesian()));
        if (product.title().english() != null) {
            words.addAll(Words.of(product.title().english()));
        }
        return words.stream()
            .filter(word -> word.length() >= 3 && !word.chars().allMatch(Character::isDigit)
                    && !Words.JOINING.contains(word))
            .toList();
    }

}
