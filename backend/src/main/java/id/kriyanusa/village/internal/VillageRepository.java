package id.kriyanusa.village.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.VillageClassification;
import id.kriyanusa.village.VillageFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VillageRepository {

    private static final String SELECT = """
            select id, slug, name, province, regency, district, latitude, longitude, classification,
                   model_village, model_programme_year, specialities, description_id, description_en,
                   story_id, story_en, hero_image_key, hero_image_alt_id, hero_image_alt_en, version
            from village
            """;

    private final JdbcClient jdbc;

    VillageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of villages matching the filter, model villages first, then by name. */
    public Connection<Village> find(VillageFilter filter, OffsetPage page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (filter.regencies() != null && !filter.regencies().isEmpty()) {
            where.append(" and regency = any(?)");
            params.add(filter.regencies().toArray(String[]::new));
        }
        if (filter.classifications() != null && !filter.classifications().isEmpty()) {
            where.append(" and classification = any(?)");
            params.add(filter.classifications().stream().map(Enum::name).toArray(String[]::new));
        }
        if (Boolean.TRUE.equals(filter.modelVillagesOnly())) {
            where.append(" and model_village");
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            where.append(" and name ilike ?");
            params.add("%" + filter.nameContains().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        var total = jdbc.sql("select count(*) from village" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql(SELECT + where + " order by model_village desc, name, id limit ? offset ?")
            .params(params)
            .param(page.limit())
            .param(page.offset())
            .query(VillageRepository::map)
            .list();
        return page.connection(rows, total);
    }

    public List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from village where id > ? order by id limit ?")
            .params(afterId, limit)
            .query(Long.class)
            .list();
    }

    public List<Village> findByIds(Collection<Long> ids) {
        return jdbc.sql(SELECT + " where id = any(?)")
            .param(ids.toArray(Long[]::new))
            .query(VillageRepository::map)
            .list();
    }

    public Optional<Village> findBySlug(String slug) {
        return jdbc.sql(SELECT + " where slug = ?").param(slug).query(VillageRepository::map).optional();
    }

    public Optional<Village> findById(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(VillageRepository::map).optional();
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("select exists (select 1 from village where slug = ? and id is distinct from ?)")
            .params(slug, exceptId)
            .query(Boolean.class)
            .single();
    }

    /**
     * The slug, or the first of `slug-2`, `slug-3`, ... that no other village uses; null
     * for none.
     */
    public String freeSlug(String slug) {
        return Slugs.free(jdbc, "village", slug, null);
    }

    /**
     * Whether another village has this name in the same district and regency, ignoring
     * case and a leading "Desa": the same place again, as a re-run import would add it.
     */
    public boolean nameTaken(String name, String district, String regency, Long exceptId) {
        return jdbc.sql("""
                select exists (select 1 from village
                               where lower(regexp_replace(name, '^desa[[:space:]]+', '', 'i'))
                                     = lower(regexp_replace(:name, '^desa[[:space:]]+', '', 'i'))
                                 and lower(district) = lower(:district) and lower(regency) = lower(:regency)
                                 and id is distinct from :exceptId)
                """)
            .param("name", name)
            .param("district", district)
            .param("regency", regency)
            .param("exceptId", exceptId)
            .query(Boolean.class)
            .single();
    }

    public long insert(VillageDetails v) {
        return jdbc.sql("""
                insert into village (slug, name, province, regency, district, latitude, longitude, description_id,
                                     description_en, story_id, story_en, classification, specialities)
                values (:slug, :name, :province, :regency, :district, :lat, :lon, :descriptionId, :descriptionEn,
                        :storyId, :storyEn, :classification, :specialities)
                returning id
                """).params(parameters(v)).query(Long.class).single();
    }

    /**
     * Saves the details when the row is still at the expected version; false when someone
     * saved first.
     */
    public boolean update(long id, long expectedVersion, VillageDetails v) {
        var parameters = parameters(v);
        parameters.put("id", id);
        parameters.put("expectedVersion", expectedVersion);
        return jdbc.sql("""
                update village set slug = :slug, name = :name, province = :province, regency = :regency,
                       district = :district, latitude = :lat, longitude = :lon, description_id = :descriptionId,
                       description_en = :descriptionEn, story_id = :storyId, story_en = :storyEn,
                       classification = :classification, specialities = :specialities,
                       version = version + 1, updated_at = now()
                where id = :id and version = :expectedVersion
                """).params(parameters).update() == 1;
    }

    /**
     * Designates or withdraws the model-village designation; false when someone saved
     * first.
     */
    public boolean designate(long id, long expectedVersion, boolean model, Integer programmeYear) {
        return jdbc.sql("""
                update village set model_village = ?, model_programme_year = ?, version = version + 1,
                    updated_at = now()
                where id = ? and version = ?
                """).params(model, model ? programmeYear : null, id, expectedVersion).update() == 1;
    }

    /**
     * Makes the image the village's hero image. The profile's version stays: curators
     * editing the profile meanwhile do not conflict with it.
     */
    public void replaceHeroImage(long id, String imageKey, LocalizedText alt) {
        jdbc.sql("""
                update village set hero_image_key = ?, hero_image_alt_id = ?, hero_image_alt_en = ?, updated_at = now()
                where id = ?""")
            .params(imageKey, LocalizedText.indonesianOf(alt), LocalizedText.englishOf(alt), id)
            .update();
    }

    private static Map<String, Object> parameters(VillageDetails v) {
        var map = new HashMap<String, Object>();
        map.put("slug", v.slug());
        map.put("name", v.name());
        map.put("province", v.province());
        map.put("regency", v.regency());
        map.put("district", v.district());
        map.put("lat", v.location() == null ? null : v.location().lat());
        map.put("lon", v.location() == null ? null : v.location().lon());
        map.put("descriptionId", v.description() == null ? null : v.description().indonesian());
        map.put("descriptionEn", v.description() == null ? null : v.description().english());
        map.put("storyId", v.story() == null ? null : v.story().indonesian());
        map.put("storyEn", v.story() == null ? null : v.story().english());
        map.put("classification", v.classification().name());
        map.put("specialities", v.specialities().toArray(String[]::new));
        return map;
    }

    private static Village map(ResultSet rs, int row) throws SQLException {
        return new Village(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("province"),
                rs.getString("regency"), rs.getString("district"),
                GeoPoint.of(rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class)),
                VillageClassification.valueOf(rs.getString("classification")), rs.getBoolean("model_village"),
                rs.getObject("model_programme_year", Integer.class), strings(rs.getArray("specialities")),
                LocalizedText.of(rs.getString("description_id"), rs.getString("description_en")),
                LocalizedText.of(rs.getString("story_id"), rs.getString("story_en")),
                rs.getString("hero_image_key") == null ? null
                        : new Village.HeroImage(rs.getString("hero_image_key"),
                                LocalizedText.of(rs.getString("hero_image_alt_id"), rs.getString("hero_image_alt_en"))),
                rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
