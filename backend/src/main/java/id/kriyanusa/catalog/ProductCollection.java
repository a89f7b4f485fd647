package id.kriyanusa.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A curated, ordered set of products with a bilingual title and story, made by department
 * curators; {@code villageId} names the village whose crafts it shows, when it is one
 * village's.
 */
public record ProductCollection(long id, String slug, LocalizedText title, LocalizedText story, boolean published,
        Long villageId, List<Long> productIds, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
