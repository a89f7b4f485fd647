package id.kriyanusa.media;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import id.kriyanusa.media.internal.MediaProperties;
import id.kriyanusa.media.internal.MediaRepository;
import id.kriyanusa.media.internal.ObjectStore;
import id.kriyanusa.media.internal.ObjectStore.ListedObject;
import id.kriyanusa.media.internal.ObjectStore.StorageUnavailableException;
import id.kriyanusa.media.internal.RenditionCache;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what nothing refers to any more, once a grace period has passed:
 * <ul>
 * <li>images no product, brand or village refers to (a deleted product's, a removed
 * product image, a replaced logo, cover or hero image), as {@code media_image_use}
 * records them from the catalog's, brand's and village's events (see
 * {@link ImagesInUse}): the collector stamps them detached when it first finds them so,
 * and removes their rows and objects when the stamp is older than the grace period and
 * they are still unreferenced;</li>
 * <li>objects under {@code originals/} and {@code renditions/} that no row records (a
 * crash between storing the objects and recording them), older than the grace
 * period.</li>
 * </ul>
 * Keys are content-addressed, so two images with the same bytes share objects: an object
 * goes only when no row records it. Uploads never confirmed are
 * {@link MediaUploads#removeExpiredUploads()}'s.
 * <p>
 * The race with a confirmation: it stores its objects first and records them after, and
 * its bytes may be those of an unreferenced image or object the collector is removing at
 * that moment. The grace period alone (every store refreshes an object's last-modified
 * time) leaves a window between the collector's check and its removal, so the two take
 * turns instead: the collector checks and removes while holding a database lock
 * exclusively and counts each such run in the same transaction; a confirmation records
 * its image holding that lock shared, and first compares the count with the one it read
 * before storing its objects. If the collector ran in between, the confirmation stores
 * its objects again before recording them. Removals therefore never miss a row being
 * recorded (they wait for it to commit and then see it), and a confirmation never records
 * objects that were removed after it stored them. The lock is held only around statements
 * and removals, never while a confirmation encodes or uploads. Not covered:
 * {@code updateProduct} naming the key of an image detached for longer than the grace
 * period in the very moment it is removed; the product then shows that image as it shows
 * any unknown key, without picture.
 */
@Service
public class UnreferencedMedia {

    private static final Logger log = LoggerFactory.getLogger(UnreferencedMedia.class);

    /**
     * Images per transaction: confirmations wait while the collector holds its lock and
     * removes their objects.
     */
    private static final int BATCH = 50;

    private static final int PAGE = 1000;

    /** What one run removed. */
    public record Removed(int images, int objects) {
    }

    private final MediaRepository repository;

    private final ObjectStore store;

    private final RenditionCache cache;

    private final MediaProperties properties;

    private final TransactionTemplate transactions;

    private final Clock clock;

    UnreferencedMedia(MediaRepository repository, ObjectStore store, RenditionCache cache, MediaProperties properties,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.store = store;
        this.cache = cache;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${kriyanusa.media.collection-interval:PT1H}",
            initialDelayString = "${kriyanusa.media.collection-interval:PT1H}")
    @SchedulerLock(name = "media-unreferenced", lockAtLeastFor = "${kriyanusa.media.collection-interval:PT1H}",
            lockAtMostFor = "${kriyanusa.media.collection-interval:PT1H}")
    public void removeUnreferenced() {
        removeUnreferenced(properties.unreferencedGracePeriod());
    }

    /**
     * One run with this grace period; a storage outage stops it and leaves the rest for
     * the next run.
     */
    public Removed removeUnreferenced(Duration grace) {
        var cutoff = OffsetDateTime.now(clock).minus(grace);
        var images = 0;
        var objects = new int[1];
        try {
            // under the lock too, so that an image a confirmation is attaching is seen
            // referenced once it commits
            transactions.executeWithoutResult(status -> {
                repository.lockForCollection();
                repository.markDetached();
            });
            Batch batch;
            do {
                batch = transactions.execute(status -> removeDetachedImages(cutoff));
                images += batch.removed().size();
                batch.throwFailure();
            }
            while (batch.removed().size() == BATCH);
            for (var prefix : List.of("originals/", "renditions/")) {
                store.forEachPage(prefix, PAGE, page -> objects[0] += removeUnrecorded(page, cutoff));
            }
        }
        catch (StorageUnavailableException e) {
            log.warn("Unreferenced media not (all) removed, storage unavailable: {}", e.getMessage());
        }
        if (images > 0 || objects[0] > 0) {
            log.info("Removed {} unreferenced images and {} unrecorded objects (grace period {})", images, objects[0],
                    grace);
        }
        return new Removed(images, objects[0]);
    }

    /**
     * What one transaction removed, and the storage failure that stopped it, raised once
     * it committed.
     */
    private record Batch(List<String> removed, StorageUnavailableException failure) {

        void throwFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * One batch of detached images: rows, then objects. When storage fails halfway the
     * rows stay deleted all the same (some of their objects may be gone already); the
     * objects left are removed by a later run as unrecorded ones.
     */
    private Batch removeDetachedImages(OffsetDateTime cutoff) {
        repository.lockForCollection();
        var detached = repository.detachedBefore(cutoff, BATCH);
        if (detached.isEmpty()) {
            return new Batch(List.of(), null);
        }
        var keys = new ArrayList<String>();
        var candidates = new ArrayList<String>();
        for (var image : detached) {
            keys.add(image.imageKey());
            candidates.add(image.originalKey());
            image.renditionKeys().forEach(key -> candidates.add("renditions/" + key));
        }
        repository.deleteImages(keys);
        var unreferenced = repository.unreferencedObjects(candidates);
        var failure = removeCounted(unreferenced);
        log.info("Removed unreferenced images {} and their objects {}{}", keys, unreferenced,
                failure == null ? "" : " (not all: storage failed)");
        return new Batch(keys, failure);
    }

    /**
     * Removes the objects and counts the removal in the collector's transaction, even
     * when storage fails halfway: some objects may be gone, and a confirmation that
     * stored them meanwhile has to store them again.
     */
    private StorageUnavailableException removeCounted(List<String> keys) {
        // nothing removed (every object still shared): confirmations in flight need not
        // store theirs again
        if (keys.isEmpty()) {
            return null;
        }
        repository.countRemoval();
        try {
            keys.forEach(this::remove);
            return null;
        }
        catch (StorageUnavailableException e) {
            return e;
        }
    }

    /**
     * Removes the object, and the rendition from this instance's memory (other instances'
     * caches forget it as they fill up: only URLs of removed, unreferenced images are
     * affected).
     */
    private void remove(String key) {
        store.remove(key);
        if (key.startsWith("renditions/")) {
            cache.remove(key.substring("renditions/".length()));
        }
    }

    /** Of one listing page, the objects older than the cutoff that no row records. */
    private int removeUnrecorded(List<ListedObject> page, OffsetDateTime cutoff) {
        var old = page.stream()
            .filter(object -> object.lastModified().toOffsetDateTime().isBefore(cutoff))
            .map(ListedObject::key)
            .toList();
        // a cheap look without the lock first: almost every object is recorded
        if (repository.unreferencedObjects(old).isEmpty()) {
            return 0;
        }
        var batch = transactions.execute(status -> {
            repository.lockForCollection();
            var unrecorded = repository.unreferencedObjects(old);
            return new Batch(unrecorded, removeCounted(unrecorded));
        });
        log.info("Removed objects no row records: {}{}", batch.removed(),
                batch.failure() == null ? "" : " (not all: storage failed)");
        batch.throwFailure();
        return batch.removed().size();
    }

}
