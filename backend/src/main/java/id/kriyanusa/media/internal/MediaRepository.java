package id.kriyanusa.media.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.kriyanusa.media.Image;
import id.kriyanusa.media.ImageFormat;
import id.kriyanusa.media.ImageRendition;
import id.kriyanusa.media.ImageTarget;
import id.kriyanusa.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pending uploads, images and renditions, village hero images. */
@Repository
public class MediaRepository {

    public record PendingUpload(UUID id, long ownerId, ImageTarget target, long targetId, String contentType, long sizeBytes,
            String objectKey, OffsetDateTime expiresAt) {
    }

    /** A verified image about to be recorded, with the keys of the objects already stored. */
    public record NewImage(String imageKey, String originalKey, String sourceFormat, int width, int height, long sizeBytes,
            String altId, String altEn, Long uploadedBy, List<NewRendition> renditions) {
    }

    public record NewRendition(ImageFormat format, int width, int height, String objectKey, int sizeBytes) {
    }

    private final JdbcClient jdbc;
    private final MediaProperties properties;

    MediaRepository(JdbcClient jdbc, MediaProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public void insertUpload(PendingUpload upload) {
        jdbc.sql("""
                insert into media_upload (id, owner_id, target, target_id, content_type, size_bytes, object_key, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(upload.id(), upload.ownerId(), upload.target().name(), upload.targetId(), upload.contentType(),
                        upload.sizeBytes(), upload.objectKey(), upload.expiresAt())
                .update();
    }

    public Optional<PendingUpload> findUpload(UUID id) {
        return jdbc.sql("select * from media_upload where id = ?").param(id)
                .query((rs, row) -> new PendingUpload(rs.getObject("id", UUID.class), rs.getLong("owner_id"),
                        ImageTarget.valueOf(rs.getString("target")), rs.getLong("target_id"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("object_key"), rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
    }

    /** True when this call removed it: two confirmations of one upload cannot both succeed. */
    public boolean deleteUpload(UUID id) {
        return jdbc.sql("delete from media_upload where id = ?").param(id).update() == 1;
    }

    /** Uploads whose URL expired before {@code before}, oldest first. */
    public List<PendingUpload> expiredUploads(OffsetDateTime before, int limit) {
        return jdbc.sql("select * from media_upload where expires_at < ? order by expires_at limit ?").params(before, limit)
                .query((rs, row) -> new PendingUpload(rs.getObject("id", UUID.class), rs.getLong("owner_id"),
                        ImageTarget.valueOf(rs.getString("target")), rs.getLong("target_id"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("object_key"), rs.getObject("expires_at", OffsetDateTime.class)))
                .list();
    }

    /** Records the image and its renditions; an image uploaded before (same bytes) is kept as it is. */
    public void saveImage(NewImage image) {
        jdbc.sql("""
                insert into media_image (image_key, original_key, source_format, width, height, size_bytes, alt_id, alt_en, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (image_key) do nothing""")
                .params(image.imageKey(), image.originalKey(), image.sourceFormat(), image.width(), image.height(),
                        image.sizeBytes(), image.altId(), image.altEn(), image.uploadedBy())
                .update();
        for (var r : image.renditions()) {
            jdbc.sql("""
                    insert into media_rendition (image_key, format, width, height, object_key, size_bytes)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(image.imageKey(), r.format().name(), r.width(), r.height(), r.objectKey(), r.sizeBytes())
                    .update();
        }
    }

    /** The images with these keys and their renditions, in one statement; unknown keys are absent. */
    public Map<String, Image> images(Collection<String> keys) {
        var result = new LinkedHashMap<String, Image>();
        if (keys.isEmpty()) {
            return result;
        }
        var renditions = new HashMap<String, List<ImageRendition>>();
        jdbc.sql("""
                select i.image_key, i.width as image_width, i.height as image_height, i.alt_id, i.alt_en,
                       r.format, r.width, r.height, r.object_key, r.size_bytes
                from media_image i left join media_rendition r on r.image_key = i.image_key
                where i.image_key = any(?)
                order by i.image_key, r.format, r.width""")
                .param(keys.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    var key = rs.getString("image_key");
                    if (!result.containsKey(key)) {
                        var alt = rs.getString("alt_id") == null && rs.getString("alt_en") == null ? null
                                : new LocalizedText(rs.getString("alt_id"), rs.getString("alt_en"));
                        result.put(key, new Image(key, rs.getInt("image_width"), rs.getInt("image_height"), alt, List.of()));
                        renditions.put(key, new ArrayList<>());
                    }
                    var object = rs.getString("object_key");
                    if (object != null) {
                        renditions.get(key).add(new ImageRendition(url(object), rs.getInt("width"), rs.getInt("height"),
                                ImageFormat.valueOf(rs.getString("format")), rs.getInt("size_bytes")));
                    }
                });
        result.replaceAll((key, image) -> new Image(key, image.width(), image.height(), image.alt(), List.copyOf(renditions.get(key))));
        return result;
    }

    /** Whether a rendition with this object key exists: only those are served. */
    public boolean renditionExists(String objectKey) {
        return jdbc.sql("select exists (select 1 from media_rendition where object_key = ?)").param(objectKey)
                .query(Boolean.class).single();
    }

    public void setVillageHero(long villageId, String imageKey, String altId, String altEn, long accountId) {
        jdbc.sql("""
                insert into village_hero_image (village_id, image_key, alt_id, alt_en, updated_by) values (?, ?, ?, ?, ?)
                on conflict (village_id) do update set image_key = excluded.image_key, alt_id = excluded.alt_id,
                    alt_en = excluded.alt_en, updated_by = excluded.updated_by, updated_at = now()""")
                .params(villageId, imageKey, altId, altEn, accountId)
                .update();
    }

    /** Hero image key and alternative text of these villages, keyed by village id. */
    public Map<Long, KeyWithAlt> villageHeroes(Collection<Long> villageIds) {
        var result = new HashMap<Long, KeyWithAlt>();
        if (villageIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select village_id, image_key, alt_id, alt_en from village_hero_image where village_id = any(?)")
                .param(villageIds.toArray(Long[]::new))
                .query(rs -> {
                    var alt = rs.getString("alt_id") == null && rs.getString("alt_en") == null ? null
                            : new LocalizedText(rs.getString("alt_id"), rs.getString("alt_en"));
                    result.put(rs.getLong("village_id"), new KeyWithAlt(rs.getString("image_key"), alt));
                });
        return result;
    }

    public record KeyWithAlt(String key, LocalizedText alt) {
    }

    private String url(String objectKey) {
        return properties.publicBaseUrl() + "/media/" + objectKey;
    }
}
