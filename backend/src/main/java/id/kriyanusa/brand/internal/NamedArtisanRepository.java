package id.kriyanusa.brand.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.brand.NamedArtisan;
import id.kriyanusa.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The artisans brands name on their pages, in table `brand_artisan`. */
@Repository
public class NamedArtisanRepository {

    private final JdbcClient jdbc;

    NamedArtisanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The artisans of these brands by brand id, in their order; brands without any are
     * left out.
     */
    public Map<Long, List<NamedArtisan>> byBrand(Collection<Long> brandIds) {
        var result = new LinkedHashMap<Long, List<NamedArtisan>>();
        if (brandIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select brand_id, name, role_id, role_en, consent_to_show from brand_artisan
                where brand_id = any(?) order by brand_id, position
                """).param(brandIds.toArray(Long[]::new)).query((rs, row) -> {
            result.computeIfAbsent(rs.getLong("brand_id"), id -> new ArrayList<>())
                .add(new NamedArtisan(rs.getString("name"),
                        LocalizedText.of(rs.getString("role_id"), rs.getString("role_en")),
                        rs.getBoolean("consent_to_show")));
            return null;
        }).list();
        return result;
    }

    /**
     * Replaces the brand's artisans and counts its version up, when the stored version is
     * still the expected one; returns whether it was written.
     */
    public boolean replace(long brandId, long expectedVersion, List<NamedArtisan> artisans) {
        var bumped = jdbc.sql("""
                update brand set version = version + 1, updated_at = now() where id = ? and version = ?
                """).param(brandId).param(expectedVersion).update() == 1;
        if (!bumped) {
            return false;
        }
        jdbc.sql("delete from brand_artisan where brand_id = ?").param(brandId).update();
        for (int position = 0; position < artisans.size(); position++) {
            var artisan = artisans.get(position);
            jdbc.sql("""
                    insert into brand_artisan (brand_id, position, name, role_id, role_en, consent_to_show)
                    values (?, ?, ?, ?, ?, ?)
                    """)
                .param(brandId)
                .param(position)
                .param(artisan.name())
                .param(LocalizedText.indonesianOf(artisan.role()))
                .param(LocalizedText.englishOf(artisan.role()))
                .param(artisan.consentToShow())
                .update();
        }
        return true;
    }

}
