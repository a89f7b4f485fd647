package id.kriyanusa.village.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.VillageClassification;
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

    public List<Village> findAll() {
        return jdbc.sql(SELECT + " order by model_village desc, name").query(VillageRepository::map).list();
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
