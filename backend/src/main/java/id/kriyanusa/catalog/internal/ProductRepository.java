package id.kriyanusa.catalog.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.catalog.ProductSort;
import id.kriyanusa.catalog.ProductStatus;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProductRepository {

    private static final String SELECT = """
            select p.id, p.slug, p.brand_id, p.category_id, p.title_id, p.title_en, p.description_id, p.description_en,
                   p.materials, p.techniques, p.length_cm, p.width_cm, p.height_cm, p.weight_grams, p.price,
                   p.minimum_order_quantity, p.wholesale_price, p.availability, p.stock_quantity, p.lead_time_days,
                   p.status, p.version, p.created_at, p.updated_at, p.published_at
            from product p
            """;

    /**
     * What a list asks for, already resolved to ids. Null sets mean "no condition"; an
     * empty set matches nothing. Staff see every product; other callers see the products
     * of their own brands and PUBLISHED products of public brands.
     */
    public record Query(Collection<String> categorySlugs, Set<Long> brandIds, Set<Long> villageBrandIds,
            Collection<String> materials, Long priceMin, Long priceMax, Collection<ProductAvailability> availability,
            Collection<ProductStatus> statuses, boolean staff, Set<Long> ownBrandIds, Set<Long> publicBrandIds) {
    }

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> findById(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(ProductRepository::map).optional();
    }

    /** The products with these ids, in no particular order; unknown ids are absent. */
    public List<Product> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.id = any(?)")
            .param(ids.toArray(Long[]::new))
            .query(ProductRepository::map)
            .list();
    }

    /**
     * Ids of the products (in any status) of these brands, for reindexing after a brand
     * or village change.
     */
    public List<Long> idsOfBrands(Collection<Long> brandIds) {
        if (brandIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from product where brand_id = any(?) order by id")
            .param(brandIds.toArray(Long[]::new))
            .query(Long.class)
            .list();
    }

    public List<Long> idsInCategories(Collection<Long> categoryIds) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        var ids = categoryIds.toArray(Long[]::new);
        return jdbc.sql("""
                select id from product
                where category_id = any(?) or category_id in (select id from category where parent_id = any(?))
                order by id""").params(ids, ids).query(Long.class).list();
    }

    /**
     * Up to {@code limit} product ids (in any status) greater than {@code afterId},
     * ascending: a full reindex's batches.
     */
    public List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from product where id > ? order by id limit ?")
            .param(afterId)
            .param(limit)
            .query(Long.class)
            .list();
    }

    public Optional<Product> findBySlug(String slug) {
        return jdbc.sql(SELECT + " where p.slug = ?").param(slug).query(ProductRepository::map).optional();
    }

    /**
     * One page of the products matching the query: a count and a page, two statements.
     */
    public Connection<Product> find(Query q, ProductSort sort, OffsetPage page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (!q.staff()) {
            where.append(" and (p.brand_id = any(?) or (p.status = 'PUBLISHED' and p.brand_id = any(?)))");
            params.add(q.ownBrandIds().toArray(Long[]::new));
            params.add(q.publicBrandIds().toArray(Long[]::new));
        }
        if (q.statuses() != null) {
            where.append(" and p.status = any(?)");
            params.add(q.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (q.brandIds() != null) {
            where.append(" and p.brand_id = any(?)");
            params.add(q.brandIds().toArray(Long[]::new));
        }
        if (q.villageBrandIds() != null) {
            where.append(" and p.brand_id = any(?)");
            params.add(q.villageBrandIds().toArray(Long[]::new));
        }
        if (q.categorySlugs() != null) {
            // a top-level category stands for its children too
            where.append(" and p.category_id in (select c.id from category c where c.slug = any(?)"
                    + " or c.parent_id in (select t.id from category t where t.slug = any(?)))");
            var slugs = q.categorySlugs().toArray(String[]::new);
            params.add(slugs);
            params.add(slugs);
        }
        if (q.materials() != null) {
            where.append(" and p.materials && ?::text[]");
            params.add(q.materials().toArray(String[]::new));
        }
        if (q.priceMin() != null) {
            where.append(" and p.price >= ?");
            params.add(q.priceMin());
        }
        if (q.priceMax() != null) {
            where.append(" and p.price <= ?");
            params.add(q.priceMax());
        }
        if (q.availability() != null) {
            where.append(" and p.availability = any(?)");
            params.add(q.availability().stream().map(Enum::name).toArray(String[]::new));
        }
        var order = switch (sort == null ? ProductSort.NEWEST : sort) {
            case NEWEST -> " order by coalesce(p.published_at, p.created_at) desc, p.id desc";
            case PRICE_ASC -> " order by p.price asc nulls last, p.id";
            case PRICE_DESC -> " order by p.price desc nulls last, p.id desc";
            case TITLE -> " order by lower(p.title_id), p.id";
        };
        var total = jdbc.sql("select count(*) from product p" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql(SELECT + where + order + " limit ? offset ?")
            .params(params)
            .param(page.limit())
            .param(page.offset())
            .query(ProductRepository::map)
            .list();
        return page.connection(rows, total);
    }

    public boolean slugTaken(String slug, Long exceptProductId) {
        return jdbc.sql("select exists (select 1 from product where slug = ? and id <> ?)")
            .param(slug)
            .param(exceptProductId == null ? -1L : exceptProductId)
            .query(Boolean.class)
            .single();
    }

    /** The slug, or the first of `slug-2`, `slug-3`, ... that no other product uses. */
    public String freeSlug(String slug, Long exceptProductId) {
        return Slugs.free(jdbc, "product", slug, exceptProductId);
    }

    public long insert(long brandId, ProductDetails details, long createdBy) {
        var id = jdbc.sql("""
                insert into product (slug, category_id, title_id, title_en, description_id, description_en, materials,
                                     techniques, length_cm, width_cm, height_cm, weight_grams, price,
                                     minimum_order_quantity, wholesale_price, availability, stock_quantity,
                                     lead_time_days, brand_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id
                """).params(columns(details)).param(brandId).param(createdBy).query(Long.class).single();
        insertImages(id, details.images());
        return id;
    }

    /**
     * Writes the details and replaces the images when the stored version is still the
     * expected one: the version check and the write are one statement, so of two
     * concurrent changes of the same version exactly one is written.
     */
    public boolean update(long id, long expectedVersion, ProductDetails details) {
        var updated = jdbc.sql("""
                update product set slug = ?, category_id = ?, title_id = ?, title_en = ?, description_id = ?,
                                   description_en = ?, materials = ?, techniques = ?, length_cm = ?, width_cm = ?,
                                   height_cm = ?, weight_grams = ?, price = ?, minimum_order_quantity = ?,
                                   wholesale_price = ?, availability = ?, stock_quantity = ?, lead_time_days = ?,
                                   version = version + 1, updated_at = now()
                where id = ? and version = ?
                """).params(columns(details)).param(id).param(expectedVersion).update() == 1;
        if (updated) {
            jdbc.sql("delete from product_image where product_id = ?").param(id).update();
            insertImages(id, details.images());
        }
        return updated;
    }

    /**
     * Moves the product to {@code to} when it is in one of {@code from}; publishing
     * stamps the time.
     */
    public boolean transition(long id, Collection<ProductStatus> from, ProductStatus to) {
        return jdbc.sql("""
                update product set status = ?, version = version + 1, updated_at = now(),
                                   published_at = case when ? then now() else published_at end
                where id = ? and status = any(?)
                """)
            .param(to.name())
            .param(to == ProductStatus.PUBLISHED)
            .param(id)
            .param(from.stream().map(Enum::name).toArray(String[]::new))
            .update() == 1;
    }

    /**
     * Deletes the product; its image references and collection entries go with it
     * (foreign keys cascade).
     */
    public boolean delete(long id) {
        return jdbc.sql("delete from product where id = ?").param(id).update() == 1;
    }

    /** Which of these image keys other brands' products show and this brand's do not. */
    public Set<String> imagesOnlyOtherBrandsShow(long brandId, Collection<String> imageKeys) {
        if (imageKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct i.image_key from product_image i join product p on p.id = i.product_id
                where p.brand_id <> ? and i.image_key = any(?)
                and not exists (select 1 from product_image own join product q on q.id = own.product_id
                                where q.brand_id = ? and own.image_key = i.image_key)""")
            .params(brandId, imageKeys.toArray(String[]::new), brandId)
            .query(String.class)
            .list());
    }

    /**
     * The images of these products in display order, keyed by product id, in one
     * statement.
     */
    public Map<Long, List<Product.Image>> images(Collection<Long> productIds) {
        var result = new HashMap<Long, List<Product.Image>>();
        if (productIds.isEmpty()) {
            return result;
        }
        jdbc.sql(
                "select product_id, position, image_key, alt_id, alt_en from product_image where product_id = any(?) order by product_id, position")
            .param(productIds.toArray(Long[]::new))
            .query((rs, row) -> new Product.Image(rs.getLong("product_id"), rs.getInt("position"),
                    rs.getString("image_key"), LocalizedText.of(rs.getString("alt_id"), rs.getString("alt_en"))))
            .list()
            .forEach(image -> result.computeIfAbsent(image.productId(), key -> new ArrayList<>()).add(image));
        return result;
    }

    private void insertImages(long productId, List<ProductDetails.ImageDetails> images) {
        for (int i = 0; i < images.size(); i++) {
            var image = images.get(i);
            jdbc.sql(
                    "insert into product_image (product_id, position, image_key, alt_id, alt_en) values (?, ?, ?, ?, ?)")
                .param(productId)
                .param(i)
                .param(image.key())
                .param(image.altId())
                .param(image.altEn())
                .update();
        }
    }

    private static List<Object> columns(ProductDetails d) {
        var values = new ArrayList<Object>();
        values.add(d.slug());
        values.add(d.categoryId());
        values.add(d.titleId());
        values.add(d.titleEn());
        values.add(d.descriptionId());
        values.add(d.descriptionEn());
        values.add(d.materials().toArray(String[]::new));
        values.add(d.techniques().toArray(String[]::new));
        var dimensions = d.dimensions();
        values.add(
                dimensions == null || dimensions.lengthCm() == null ? null : BigDecimal.valueOf(dimensions.lengthCm()));
        values
            .add(dimensions == null || dimensions.widthCm() == null ? null : BigDecimal.valueOf(dimensions.widthCm()));
        values.add(
                dimensions == null || dimensions.heightCm() == null ? null : BigDecimal.valueOf(dimensions.heightCm()));
        values.add(d.weightGrams());
        values.add(d.price());
        values.add(d.minimumOrderQuantity());
        values.add(d.wholesalePrice());
        values.add(d.availability().name());
        values.add(d.stockQuantity());
        values.add(d.leadTimeDays());
        return values;
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("slug"), rs.getLong("brand_id"),
                rs.getObject("category_id", Long.class),
                LocalizedText.of(rs.getString("title_id"), rs.getString("title_en")),
                LocalizedText.of(rs.getString("description_id"), rs.getString("description_en")),
                strings(rs.getArray("materials")), strings(rs.getArray("techniques")),
                Product.Dimensions.of(decimal(rs, "length_cm"), decimal(rs, "width_cm"), decimal(rs, "height_cm")),
                rs.getObject("weight_grams", Integer.class), rs.getObject("price", Long.class),
                rs.getObject("minimum_order_quantity", Integer.class), rs.getObject("wholesale_price", Long.class),
                ProductAvailability.valueOf(rs.getString("availability")),
                rs.getObject("stock_quantity", Integer.class), rs.getObject("lead_time_days", Integer.class),
                ProductStatus.valueOf(rs.getString("status")), rs.getLong("version"), false,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("published_at", OffsetDateTime.class));
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        var value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
