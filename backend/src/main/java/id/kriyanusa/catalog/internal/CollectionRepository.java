package id.kriyanusa.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import id.kriyanusa.catalog.ProductCollection;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CollectionRepository {

    /** A collection as checked, ready to be saved. */
    public record Details(String slug, LocalizedText title, LocalizedText story, boolean published,
            List<Long> productIds, Long villageId) {
    }

    private static final String SELECT = """
            select c.id, c.slug, c.title_id, c.title_en, c.story_id, c.story_en, c.published, c.village_id,
                   c.created_at, c.updated_at, c.version,
                   array(select cp.product_id from collection_product cp where cp.collection_id = c.id order by
                       cp.position)
                       as product_ids
            from collection c
            """;

    private final JdbcClient jdbc;

    CollectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProductCollection> findById(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(CollectionRepository::map).optional();
    }

    public Optional<ProductCollection> findBySlug(String slug) {
        return jdbc.sql(SELECT + " where c.slug = ?").param(slug).query(CollectionRepository::map).optional();
    }

    /**
     * Newest first; only those published or not when {@code published} is given, and only
     * the village's when {@code villageId} is.
     */
    public Connection<ProductCollection> find(Boolean published, Long villageId, OffsetPage page) {
        var where = " where (?::boolean is null or c.published = ?) and (?::bigint is null or c.village_id = ?)";
        var total = jdbc.sql("select count(*) from collection c" + where)
            .params(published, published, villageId, villageId)
            .query(Long.class)
            .single();
        var rows = jdbc.sql(SELECT + where + " order by c.created_at desc, c.id desc limit ? offset ?")
            .params(published, published, villageId, villageId, page.limit(), page.offset())
            .query(CollectionRepository::map)
            .list();
        return page.connection(rows, total);
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("select exists (select 1 from collection where slug = ? and id is distinct from ?)")
            .params(slug, exceptId)
            .query(Boolean.class)
            .single();
    }

    /**
     * The slug, or the first of `slug-2`, `slug-3`, ... that no other collection uses;
     * null for none.
     */
    public String freeSlug(String slug) {
        return Slugs.free(jdbc, "collection", slug, null);
    }

    public long insert(Details details, long createdBy) {
        var id = jdbc.sql("""
                insert into collection (slug, title_id, title_en, story_id, story_en, published, village_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(details.slug(), details.title().indonesian(), details.title().english(), storyId(details),
                    storyEn(details), details.published(), details.villageId(), createdBy)
            .query(Long.class)
            .single();
        replaceProducts(id, details.productIds());
        return id;
    }

    /**
     * Saves when the collection is still at the expected version; false when someone
     * saved first.
     */
    public boolean update(long id, long expectedVersion, Details details) {
        var updated = jdbc.sql("""
                update collection set slug = ?, title_id = ?, title_en = ?, story_id = ?, story_en = ?, published = ?,
                       village_id = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?
                """)
            .params(details.slug(), details.title().indonesian(), details.title().english(), storyId(details),
                    storyEn(details), details.published(), details.villageId(), id, expectedVersion)
            .update() == 1;
        if (updated) {
            replaceProducts(id, details.productIds());
        }
        return updated;
    }

    private void replaceProducts(long collectionId, List<Long> productIds) {
        jdbc.sql("delete from collection_product where collection_id = ?").param(collectionId).update();
        jdbc.sql("""
                insert into collection_product (collection_id, product_id, position)
                select ?, product_id, position from unnest(?::bigint[]) with ordinality as chosen (product_id, position)
                """).params(collectionId, productIds.toArray(Long[]::new)).update();
    }

    private static String storyId(Details details) {
        return details.story() == null ? null : details.story().indonesian();
    }

    private static String storyEn(Details details) {
        return details.story() == null ? null : details.story().english();
    }

    private static ProductCollection map(ResultSet rs, int row) throws SQLException {
        return new ProductCollection(rs.getLong("id"), rs.getString("slug"),
                new LocalizedText(rs.getString("title_id"), rs.getString("title_en")),
                LocalizedText.of(rs.getString("story_id"), rs.getString("story_en")), rs.getBoolean("published"),
                rs.getObject("village_id", Long.class), List.of((Long[]) rs.getArray("product_ids").getArray()),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

}
