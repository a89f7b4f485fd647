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

/** Pending uploads, images and renditions, and which images are in use. */
@Repository
public class MediaRepository {

    public record PendingUpload(UUID id, long ownerId, ImageTarget target, long targetId, String contentType,
            long sizeBytes, String objectKey, OffsetDateTime expiresAt) {
    }

    /**
     * A verified image about to be recorded, with the keys of the objects already stored.
     */
    public record NewImage(String imageKey, String originalKey, String sourceFormat, int width, int height,
            long sizeBytes, String altId, String altEn, Long uploadedBy, List<NewRendition> renditions) {
    }

    public record NewRendition(ImageFormat format, int width, int height, String objectKey, int sizeBytes) {
    }

    /**
     * The advisory lock that keeps the collector and confirmations apart (an arbitrary
     * number: "media gc").
     */
    private static final long COLLECTOR_LOCK = 0x6d65646961L;

    private final JdbcClient jdbc;

    private final MediaProperties properties;

    MediaRepository(JdbcClient jdbc, MediaProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public void insertUpload(PendingUpload upload) {
        jdbc.sql("""
                insert into media_upload (id, owner_id, target, target_id, content_type, size_bytes,
                    object_key, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(upload.id(), upload.ownerId(), upload.target().name(), upload.targetId(), upload.contentType(),
                    upload.sizeBytes(), upload.objectKey(), upload.expiresAt())
            .update();
    }

    public Optional<PendingUpload> findUpload(UUID id) {
        return jdbc.sql("select * from media_upload where id = ?")
            .param(id)
            .query((rs, row) -> new PendingUpload(rs.getObject("id", UUID.class), rs.getLong("owner_id"),
                    ImageTarget.valueOf(rs.getString("target")), rs.getLong("target_id"), rs.getString("content_type"),
                    rs.getLong("size_bytes"), rs.getString("object_key"),
                    rs.getObject("expires_at", OffsetDateTime.class)))
            .optional();
    }

    /**
     * True when this call removed it: two confirmations of one upload cannot both
     * succeed.
     */
    public boolean deleteUpload(UUID id) {
        return jdbc.sql("delete from media_upload where id = ?").param(id).update() == 1;
    }

    /** Uploads whose URL expired before {@code before}, oldest first. */
    public List<PendingUpload> expiredUploads(OffsetDateTime before, int limit) {
        return jdbc.sql("select * from media_upload where expires_at < ? order by expires_at limit ?")
            .params(before, limit)
            .query((rs, row) -> new PendingUpload(rs.getObject("id", UUID.class), rs.getLong("owner_id"),
                    ImageTarget.valueOf(rs.getString("target")), rs.getLong("target_id"), rs.getString("content_type"),
                    rs.getLong("size_bytes"), rs.getString("object_key"),
                    rs.getObject("expires_at", OffsetDateTime.class)))
            .list();
    }

    /**
     * Records the image and its renditions; an image uploaded before (same bytes) is kept
     * as it is, and no longer counts as detached.
     */
    public void saveImage(NewImage image) {
        jdbc.sql("""
                insert into media_image (image_key, original_key, source_format, width, height, size_bytes,
                    alt_id, alt_en, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (image_key) do update set detached_at = null""")
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

    /**
     * The images with these keys and their renditions, in one statement; unknown keys are
     * absent.
     */
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
                    result.put(key,
                            new Image(key, rs.getInt("image_width"), rs.getInt("image_height"), alt, List.of()));
                    renditions.put(key, new ArrayList<>());
                }
                var object = rs.getString("object_key");
                if (object != null) {
                    renditions.get(key)
                        .add(new ImageRendition(url(object), rs.getInt("width"), rs.getInt("height"),
                                ImageFormat.valueOf(rs.getString("format")), rs.getInt("size_bytes")));
                }
            });
        result.replaceAll((key, image) -> new Image(key, image.width(), image.height(), image.alt(),
                List.copyOf(renditions.get(key))));
        return result;
    }

    /** Whether a rendition with this object key exists: only those are served. */
    public boolean renditionExists(String objectKey) {
        return jdbc.sql("select exists (select 1 from media_rendition where object_key = ?)")
            .param(objectKey)
            .query(Boolean.class)
            .single();
    }

    /**
     * What shows an image: a product, a brand (logo or cover) or a village (hero image).
     */
    public enum ImageOwner {

        PRODUCT, BRAND, VILLAGE

    }

    /**
     * The images the owner shows now, replacing those it showed before: what the
     * collector counts as in use.
     */
    public void replaceUses(ImageOwner owner, long ownerId, Collection<String> imageKeys) {
        jdbc.sql("delete from media_image_use where owner = ? and owner_id = ?").params(owner.name(), ownerId).update();
        jdbc.sql("""
                insert into media_image_use (owner, owner_id, image_key)
                select ?, ?, k from unnest(?::text[]) as k on conflict do nothing""")
            .params(owner.name(), ownerId, imageKeys.toArray(String[]::new))
            .update();
    }

    // ---- garbage collection (see UnreferencedMedia for the locking protocol)

    /** An image the collector is about to remove, with the keys of its objects. */
    public record DetachedImage(String imageKey, String originalKey, List<String> renditionKeys) {
    }

    /** How many times the collector removed objects so far. */
    public long removals() {
        return jdbc.sql("select removals from media_collection where id = 1").query(Long.class).single();
    }

    public void countRemoval() {
        jdbc.sql("update media_collection set removals = removals + 1 where id = 1").update();
    }

    /**
     * Until this transaction ends, the collector removes nothing; confirmations do not
     * block one another.
     */
    public void holdOffCollector() {
        jdbc.sql("select 1 from pg_advisory_xact_lock_shared(?)").param(COLLECTOR_LOCK).query(Integer.class).single();
    }

    /** Until this transaction ends, no confirmation records an image. */
    public void lockForCollection() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(COLLECTOR_LOCK).query(Integer.class).single();
    }

    /**
     * Stamps images that nothing uses as detached, and clears the stamp of those referred
     * to again.
     */
    public void markDetached() {
        jdbc.sql("""
                update media_image i set detached_at = now()
                where detached_at is null and not exists (select 1 from media_image_use r where
                    r.image_key = i.image_key)""").update();
        jdbc.sql("""
                update media_image i set detached_at = null
                where detached_at is not null and exists (select 1 from media_image_use r where
                    r.image_key = i.image_key)""").update();
    }

    /**
     * Up to {@code limit} images detached before {@code before} and still unreferenced,
     * locked, with their objects.
     */
    public List<DetachedImage> detachedBefore(OffsetDateTime before, int limit) {
        var images = jdbc.sql("""
                select image_key, original_key from media_image i
                where detached_at < ? and not exists (select 1 from media_image_use r where r.image_key =
                    i.image_key)
                order by detached_at limit ? for update""")
            .params(before, limit)
            .query((rs, row) -> Map.entry(rs.getString("image_key"), rs.getString("original_key")))
            .list();
        if (images.isEmpty()) {
            return List.of();
        }
        var renditions = new HashMap<String, List<String>>();
        jdbc.sql("select image_key, object_key from media_rendition where image_key = any(?)")
            .param(images.stream().map(Map.Entry::getKey).toArray(String[]::new))
            .query(rs -> {
                renditions.computeIfAbsent(rs.getString("image_key"), key -> new ArrayList<>())
                    .add(rs.getString("object_key"));
            });
        return images.stream()
            .map(image -> new DetachedImage(image.getKey(), image.getValue(),
                    renditions.getOrDefault(image.getKey(), List.of())))
            .toList();
    }

    /** Removes the images' rows; their renditions' rows go with them. */
    public void deleteImages(Collection<String> imageKeys) {
        jdbc.sql("delete from media_image where image_key = any(?)").param(imageKeys.toArray(String[]::new)).update();
    }

    /**
     * Of these object keys (as stored: `originals/...` and `renditions/...`), those no
     * image or rendition row refers to. Content-addressed: two images with the same
     * rendition bytes share that object.
     */
    public List<String> unreferencedObjects(Collection<String> objectKeys) {
        if (objectKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select k from unnest(?::text[]) as k
                where not exists (select 1 from media_image i where i.original_key = k)
                  and not exists (select 1 from media_rendition r
                                  where k like 'renditions/%' and r.object_key = substring(k from
                                      length('renditions/') + 1))""")
            .param(objectKeys.toArray(String[]::new))
            .query(String.class)
            .list();
    }

    private String url(String objectKey) {
        return properties.publicBaseUrl() + "/media/" + objectKey;
    }

}
