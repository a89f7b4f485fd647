package id.kriyanusa.village.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.PageRequest;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.VillageClassification;
import id.kriyanusa.village.VillageFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VillageRepository {

    private static final String SELECT = """
            select id, slug, name, province, regency, district, latitude, longitude, classification,
                   model_village, model_programme_year, specialities, description_id, description_en
            from village
            """;

    private final JdbcClient jdbc;

    VillageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of villages matching the filter, model villages first, then by name. */
    public Connection<Village> find(VillageFilter filter, PageRequest page) {
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
            params.add("%" + filter.nameContains().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var total = jdbc.sql("select count(*) from village" + where).params(params).query(Long.class).single();
        var rows = jdbc.sql(SELECT + where + " order by model_village desc, name, id limit ? offset ?")
                .params(params).param(page.limit()).param(page.offset())
                .query(VillageRepository::map).list();
        return page.connection(rows, total);
    }

    public List<Village> findByIds(Collection<Long> ids) {
        return jdbc.sql(SELECT + " where id = any(?)").param(ids.toArray(Long[]::new)).query(VillageRepository::map).list();
    }

    public Optional<Village> findBySlug(String slug) {
        return jdbc.sql(SELECT + " where slug = ?").param(slug).query(VillageRepository::map).optional();
    }

    private static Village map(ResultSet rs, int row) throws SQLException {
        return new Village(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("province"),
                rs.getString("regency"),
                rs.getString("district"),
                GeoPoint.of(rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class)),
                VillageClassification.valueOf(rs.getString("classification")),
                rs.getBoolean("model_village"),
                rs.getObject("model_programme_year", Integer.class),
                strings(rs.getArray("specialities")),
                LocalizedText.of(rs.getString("description_id"), rs.getString("description_en")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
