package id.kriyanusa.media;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.media.internal.ImageProcessor;
import id.kriyanusa.media.internal.ImageProcessor.RejectedImageException;
import id.kriyanusa.media.internal.ImageProcessor.SourceFormat;
import id.kriyanusa.media.internal.MediaProperties;
import id.kriyanusa.media.internal.MediaRepository;
import id.kriyanusa.media.internal.MediaRepository.NewImage;
import id.kriyanusa.media.internal.MediaRepository.NewRendition;
import id.kriyanusa.media.internal.MediaRepository.PendingUpload;
import id.kriyanusa.media.internal.ObjectStore;
import id.kriyanusa.media.internal.ObjectStore.StorageUnavailableException;
import id.kriyanusa.platform.KeyedRateLimit;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.SharedRateLimits;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.village.VillageId;
import id.kriyanusa.village.Villages;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Image uploads and who may make them. Decided here, for the API, the upload form and
 * jobs alike:
 * <ul>
 * <li>product images: members of the product's brand, and admins (as for editing the
 * product);</li>
 * <li>brand logo and cover: members of the brand, and admins;</li>
 * <li>village hero images: curators and admins;</li>
 * <li>anonymous callers UNAUTHORIZED, other signed-in callers FORBIDDEN, a target the
 * caller may not see NOT_FOUND.</li>
 * </ul>
 * An upload is verified and re-encoded before anything is recorded. Order matters when
 * storage fails: every object is stored first and the rows are written after, in one
 * transaction with the change to the target, so a failure leaves no row behind (at worst
 * unreferenced content-addressed objects, re-used by a retry and otherwise removed by
 * {@link UnreferencedMedia} after its grace period).
 */
@Service
public class MediaUploads {

    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);

    public record RequestImageUploadInput(ImageTarget target, String targetId, String contentType, Integer sizeBytes) {
    }

    /** What an upload is for: the target and the key of its product, brand or village. */
    public record TargetKey(ImageTarget target, long key) {

        /**
         * The target named by an API global id; IllegalArgumentException (BAD_REQUEST)
         * when the id names something else.
         */
        public static TargetKey decode(ImageTarget target, String globalId) {
            if (target == null) {
                throw new IllegalArgumentException("A target is required");
            }
            return new TargetKey(target, target.keyOf(globalId));
        }
    }

    public record ConfirmImageUploadInput(String uploadId, LocalizedText alt) {
    }

    /**
     * An image sent in one request (the upload form), for the same target rules as the
     * presigned flow.
     */
    public record DirectUpload(TargetKey target, String contentType, byte[] bytes, String altId, String altEn) {
    }

    private final MediaRepository repository;

    private final ObjectStore store;

    private final ImageProcessor processor;

    private final MediaProperties properties;

    private final Products products;

    private final Brands brands;

    private final Villages villages;

    private final TransactionTemplate transactions;

    private final Clock clock;

    /**
     * Upload URLs an account may ask for in a minute: a product's twelve photos more than
     * twice over, not a flood of URLs to fill storage with.
     */
    private final KeyedRateLimit grants;

    /** Refusals after which the same upload may be confirmed again. */
    private static final Set<UserErrorCode> TRY_AGAIN = EnumSet.of(UserErrorCode.BUSY,
            UserErrorCode.STORAGE_UNAVAILABLE);

    MediaUploads(MediaRepository repository, ObjectStore store, ImageProcessor processor, MediaProperties properties,
            Products products, Brands brands, Villages villages, TransactionTemplate transactions,
            SharedRateLimits limits) {
        this.grants = limits.limit("upload-grants-per-account", 30, Duration.ofMinutes(1));
        this.repository = repository;
        this.store = store;
        this.processor = processor;
        this.properties = properties;
        this.products = products;
        this.brands = brands;
        this.villages = villages;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    // ---- presigned uploads

    /**
     * Grants an upload form for one image of the declared type and at most the declared
     * size, valid for a few minutes; storage enforces all three (ADR 0008).
     */
    public RequestImageUploadPayload request(TargetKey target, String contentType, Integer sizeBytes) {
        var caller = Caller.current();
        var accountId = caller.requireAccount();
        authorise(caller, target);
        var errors = new InputErrors();
        var format = SourceFormat.ofContentType(contentType);
        if (format == null) {
            errors.add("input.contentType", UserErrorCode.UNSUPPORTED_TYPE,
                    "Upload a JPEG, PNG or WebP image (image/jpeg, image/png, image/webp)");
        }
        var max = properties.maxUploadSize().toBytes();
        if (sizeBytes == null || sizeBytes <= 0) {
            errors.add("input.sizeBytes", UserErrorCode.OUT_OF_RANGE, "Give the file's size in bytes");
        }
        else if (sizeBytes > max) {
            errors.add("input.sizeBytes", UserErrorCode.TOO_LARGE,
                    "The image is larger than " + properties.maxUploadSize().toMegabytes() + " MB");
        }
        if (!errors.isEmpty()) {
            return RequestImageUploadPayload.failed(errors.list());
        }
        var wait = grants.take(accountId, 1);
        if (wait != null) {
            return RequestImageUploadPayload.failed(List.of(UserError.of(null, UserErrorCode.RATE_LIMITED,
                    "Too many upload URLs asked for in a short time; try again in " + Math.max(1, wait.toSeconds())
                            + " s")));
        }
        var id = UUID.randomUUID();
        var objectKey = "uploads/" + id;
        var expiresAt = OffsetDateTime.now(clock).withNano(0).plus(properties.uploadExpiry());
        ObjectStore.PresignedPost form;
        try {
            form = store.presignedPost(objectKey, format.contentType, sizeBytes, expiresAt);
        }
        catch (StorageUnavailableException e) {
            return RequestImageUploadPayload.failed(List.of(storageUnavailable(null)));
        }
        repository.insertUpload(new PendingUpload(id, accountId, target.target(), target.key(), format.contentType,
                sizeBytes, objectKey, expiresAt));
        var fields = form.fields()
            .entrySet()
            .stream()
            .map(f -> new ImageUpload.Field(f.getKey(), f.getValue()))
            .toList();
        return new RequestImageUploadPayload(new ImageUpload(id.toString(), form.url(), "POST", fields, expiresAt, max),
                List.of());
    }

    /**
     * Verifies the uploaded bytes, stores the renditions and attaches the image to its
     * target.
     */
    public ImagePayload confirm(ConfirmImageUploadInput input) {
        var caller = Caller.current();
        var accountId = caller.requireAccount();
        var upload = uploadId(input.uploadId()).flatMap(repository::findUpload)
            .filter(found -> found.ownerId() == accountId)
            .orElseThrow(() -> new NotFoundException("No pending upload with id " + input.uploadId()));
        var errors = new InputErrors();
        var altId = errors.optional("input.alt.indonesian", LocalizedText.indonesianOf(input.alt()), 300);
        var altEn = errors.optional("input.alt.english", LocalizedText.englishOf(input.alt()), 300);
        if (!errors.isEmpty()) {
            return ImagePayload.failed(errors.list());
        }
        if (upload.expiresAt().isBefore(OffsetDateTime.now(clock))) {
            return ImagePayload.failed("input.uploadId", UserErrorCode.EXPIRED,
                    "This upload expired; request a new one and upload again");
        }
        var target = new TargetKey(upload.target(), upload.targetId());
        authorise(caller, target);
        byte[] bytes;
        try {
            var info = store.stat(upload.objectKey());
            if (info == null) {
                return ImagePayload.failed("input.uploadId", UserErrorCode.NOT_UPLOADED,
                        "Nothing was uploaded to the upload URL yet");
            }
            if (info.size() > properties.maxUploadSize().toBytes() || info.size() > upload.sizeBytes()) {
                removeQuietly(upload.objectKey());
                return ImagePayload.failed("input.uploadId", UserErrorCode.TOO_LARGE,
                        "The uploaded file is larger than declared (" + upload.sizeBytes() + " bytes)");
            }
            if (info.contentType() == null || !info.contentType().equalsIgnoreCase(upload.contentType())) {
                return ImagePayload.failed("input.uploadId", UserErrorCode.TYPE_MISMATCH, "The file was uploaded as "
                        + info.contentType() + ", not " + upload.contentType() + " as declared");
            }
            bytes = store.read(upload.objectKey(), properties.maxUploadSize().toBytes());
        }
        catch (StorageUnavailableException e) {
            return ImagePayload.failed(List.of(storageUnavailable("input.uploadId")));
        }
        var payload = process(caller, target, bytes, SourceFormat.ofContentType(upload.contentType()), altId, altEn,
                upload.id(), "input.uploadId");
        // accepted, its original is kept under its own key; refused, it goes at once, not
        // with the expired uploads
        // (unless the refusal was for the moment only, and the same upload may be
        // confirmed again)
        if (payload.userErrors().stream().noneMatch(error -> TRY_AGAIN.contains(error.code()))) {
            removeQuietly(upload.objectKey());
        }
        return payload;
    }

    /**
     * The upload form's path: the same checks and result in one request, without a
     * presigned URL.
     */
    public ImagePayload uploadDirectly(DirectUpload upload) {
        var caller = Caller.current();
        caller.requireAccount();
        authorise(caller, upload.target());
        var errors = new InputErrors();
        var altId = errors.optional("altId", upload.altId(), 300);
        var altEn = errors.optional("altEn", upload.altEn(), 300);
        if (upload.bytes() == null || upload.bytes().length == 0) {
            errors.add("file", UserErrorCode.REQUIRED, "Choose an image file");
        }
        if (!errors.isEmpty()) {
            return ImagePayload.failed(errors.list());
        }
        // the browser's declared type is not trusted: the magic bytes decide, the
        // declared type only has to agree
        var declared = SourceFormat.ofContentType(upload.contentType());
        return process(caller, upload.target(), upload.bytes(), declared, altId, altEn, null, "file");
    }

    /** The largest original accepted, in bytes. */
    public long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    // ---- housekeeping

    /** {@link #removeExpiredUploads()} on one instance of the fleet per interval. */
    @Scheduled(fixedDelayString = "${kriyanusa.media.cleanup-interval:PT5M}",
            initialDelayString = "${kriyanusa.media.cleanup-interval:PT5M}")
    @SchedulerLock(name = "media-expired-uploads", lockAtLeastFor = "${kriyanusa.media.cleanup-interval:PT5M}",
            lockAtMostFor = "${kriyanusa.media.cleanup-interval:PT5M}")
    public void removeExpiredUploadsOnce() {
        removeExpiredUploads();
    }

    /**
     * Removes uploads whose URL expired without a confirmation: the object, then the row
     * (so a storage outage leaves the row for the next run); and upload objects left
     * without a row. Returns how many were removed.
     */
    public int removeExpiredUploads() {
        var removed = 0;
        try {
            for (var upload : repository.expiredUploads(OffsetDateTime.now(clock), 500)) {
                store.remove(upload.objectKey());
                if (repository.deleteUpload(upload.id())) {
                    removed++;
                }
            }
            // objects whose row is gone (confirmed, but removing the object failed then):
            // an hour after any URL expired
            var cutoff = OffsetDateTime.now(clock).minus(properties.uploadExpiry()).minusHours(1);
            for (var object : store.list("uploads/", 1000)) {
                if (object.lastModified().toOffsetDateTime().isBefore(cutoff)
                        && uploadId(object.key().substring("uploads/".length())).flatMap(repository::findUpload)
                            .isEmpty()) {
                    store.remove(object.key());
                    removed++;
                }
            }
        }
        catch (StorageUnavailableException e) {
            log.warn("Expired uploads not removed, storage unavailable: {}", e.getMessage());
        }
        if (removed > 0) {
            log.info("Removed {} expired uploads", removed);
        }
        return removed;
    }

    // ---- helpers

    private ImagePayload process(Caller caller, TargetKey target, byte[] bytes, SourceFormat declared, String altId,
            String altEn, UUID uploadId, String field) {
        ImageProcessor.Processed processed;
        try {
            processed = processor.process(bytes, declared);
        }
        catch (RejectedImageException e) {
            return ImagePayload.failed(field, e.code(), e.getMessage());
        }
        var imageKey = "img/" + processed.originalSha256();
        var originalKey = "originals/" + processed.originalSha256();
        var renditions = new ArrayList<NewRendition>();
        for (var rendition : processed.renditions()) {
            renditions.add(new NewRendition(ImageFormat.valueOf(rendition.format().name()), rendition.width(),
                    rendition.height(), rendition.key(), rendition.bytes().length));
        }
        var removalsBefore = repository.removals();
        try {
            storeObjects(originalKey, bytes, processed);
        }
        catch (StorageUnavailableException e) {
            log.warn("Image not stored, storage unavailable: {}", e.getMessage());
            return ImagePayload.failed(List.of(storageUnavailable(field)));
        }
        var image = new NewImage(imageKey, originalKey, processed.sourceFormat().name(), processed.width(),
                processed.height(), bytes.length, altId, altEn, caller.accountId(), renditions);
        return transactions.execute(status -> {
            // the garbage collector may have removed objects with these very keys since
            // they were stored (see
            // UnreferencedMedia): while this transaction lasts it removes nothing, and
            // what it removed is stored again
            repository.holdOffCollector();
            if (repository.removals() != removalsBefore) {
                try {
                    storeObjects(originalKey, bytes, processed);
                }
                catch (StorageUnavailableException e) {
                    status.setRollbackOnly();
                    return ImagePayload.failed(List.of(storageUnavailable(field)));
                }
            }
            if (uploadId != null && !repository.deleteUpload(uploadId)) {
                status.setRollbackOnly();
                return ImagePayload.failed(field, UserErrorCode.ALREADY_CONFIRMED, "This upload was confirmed already");
            }
            repository.saveImage(image);
            var errors = attach(target, imageKey, LocalizedText.of(altId, altEn));
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return ImagePayload.failed(errors);
            }
            var saved = repository.images(List.of(imageKey)).get(imageKey);
            return ImagePayload.of(saved.withAlt(LocalizedText.of(altId, altEn)));
        });
    }

    private void storeObjects(String originalKey, byte[] bytes, ImageProcessor.Processed processed) {
        store.put(originalKey, bytes, processed.sourceFormat().contentType);
        for (var rendition : processed.renditions()) {
            store.put("renditions/" + rendition.key(), rendition.bytes(), rendition.format().contentType);
        }
    }

    /**
     * Makes the image part of its target through the owning module's command, which
     * checks the caller again and answers with its own user errors.
     */
    private List<UserError> attach(TargetKey target, String imageKey, LocalizedText alt) {
        return switch (target.target()) {
            case PRODUCT -> products.attachImage(new ProductId(target.key()), imageKey, alt).userErrors();
            case BRAND_LOGO -> brands.replaceLogo(new BrandId(target.key()), imageKey).userErrors();
            case BRAND_COVER -> brands.replaceCover(new BrandId(target.key()), imageKey).userErrors();
            case VILLAGE_HERO -> villages.replaceHeroImage(new VillageId(target.key()), imageKey, alt).userErrors();
        };
    }

    /**
     * Returns when the caller may add images to the target; otherwise an exception says
     * why not.
     */
    private void authorise(Caller caller, TargetKey target) {
        caller.requireAccount();
        if (target.target() == ImageTarget.PRODUCT) {
            var id = new ProductId(target.key());
            var product = products.byId(id)
                .orElseThrow(() -> new NotFoundException("No product with id " + id.encode()));
            if (!product.viewerCanEdit()) {
                throw new AccessDeniedException("Only the members of the product's brand may add images to it");
            }
        }
        else if (target.target() == ImageTarget.VILLAGE_HERO) {
            villages.curatable(new VillageId(target.key()));
        }
        else {
            // the logo and the cover: as for changing the brand
            brands.manageable(new BrandId(target.key()));
        }
    }

    private static Optional<UUID> uploadId(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(UUID.fromString(raw.strip()));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UserError storageUnavailable(String field) {
        return UserError.of(field, UserErrorCode.STORAGE_UNAVAILABLE,
                "Image storage cannot be reached right now and nothing was saved; try again in a few minutes");
    }

    private void removeQuietly(String objectKey) {
        try {
            store.remove(objectKey);
        }
        catch (StorageUnavailableException e) {
            log.debug("Upload object {} left for the cleanup job: {}", objectKey, e.getMessage());
        }
    }

}
