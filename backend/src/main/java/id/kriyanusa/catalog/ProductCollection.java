package id.kriyanusa.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A curated, ordered set of products with a bilingual title and story, made by department
 * curators.
 */
public record ProductCollection(long id, String slug, LocalizedText title, LocalizedText story, boolean published,
        List<Long> productIds, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
