package id.kriyanusa.insights.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brand.ArtisanCount;
import id.kriyanusa.brand.BrandVerificationStatus;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.ProductStatus;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.insights.internal.InsightsStore.BrandState;
import id.kriyanusa.insights.internal.InsightsStore.Place;
import id.kriyanusa.insights.internal.InsightsStore.ProductState;
import id.kriyanusa.programme.FollowUpGoalChanged;
import id.kriyanusa.programme.FollowUpGoalStatus;
import id.kriyanusa.programme.Gender;
import id.kriyanusa.programme.ProgrammeParticipantEnrolled;
import id.kriyanusa.programme.ProgrammeParticipantRemoved;
import id.kriyanusa.village.VillageId;
import id.kriyanusa.village.Villages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the counts of one thing up to date: locks its state row, asks its module what it
 * is now, and records a +1 or -1 event for each count that changed (a move to another
 * village is a -1 there and a +1 here). Doing it again changes nothing, so an event
 * delivered twice or the start-up backfill counts once.
 */
@Component
class Counting {

    static final String BRAND_REGISTERED = "BRAND_REGISTERED";

    static final String BRAND_VERIFIED = "BRAND_VERIFIED";

    static final String PRODUCT_PUBLISHED = "PRODUCT_PUBLISHED";

    static final String PARTICIPANT_ENROLLED = "PARTICIPANT_ENROLLED";

    static final String GOAL_DONE = "GOAL_DONE";

    static final String INQUIRY_SENT = "INQUIRY_SENT";

    static final String INQUIRY_ANSWERED = "INQUIRY_ANSWERED";

    /** Wired by the listener of engagement's WhatsApp taps through {@link #contact}. */
    static final String WHATSAPP_TAP = "WHATSAPP_TAP";

    private static final ArtisanCount NO_ARTISANS = new ArtisanCount(0, 0, 0);

    private final InsightsStore store;

    private final Products products;

    private final Categories categories;

    private final Brands brands;

    private final Villages villages;

    Counting(InsightsStore store, Products products, Categories categories, Brands brands, Villages villages) {
        this.store = store;
        this.products = products;
        this.categories = categories;
        this.brands = brands;
        this.villages = villages;
    }

    /**
     * A product counts as published in its brand's village and its category (a change of
     * either moves it). {@code asOfRecord} dates a publication by the product's own time
     * (for the backfill) rather than now.
     */
    @Transactional
    public void product(long productId, boolean asOfRecord) {
        var before = store.lockProduct(productId);
        var product = products.anyStatus(List.of(productId)).stream().findFirst();
        var brand = product.map(p -> brands.anyStatus(List.of(p.brandId())).get(p.brandId()));
        var villageId = brand.map(Brand::villageId).orElse(null);
        var category = product.map(p -> categorySlug(p.categoryId())).orElse(null);
        var brandId = product.map(p -> p.brandId()).orElse(before.brandId());
        var published = villageId != null && product.get().status() == ProductStatus.PUBLISHED;
        var after = new ProductState(villageId, category, brandId, published);
        var moved = !Objects.equals(before.villageId(), villageId) || !Objects.equals(before.categorySlug(), category);
        if (before.published() != published || (published && moved)) {
            if (before.published()) {
                store.record(PRODUCT_PUBLISHED, place(before.villageId()), before.categorySlug(), before.brandId(),
                        null, -1, null);
            }
            if (published) {
                store.record(PRODUCT_PUBLISHED, place(villageId), category, brandId, null, 1,
                        asOfRecord ? product.get().publishedAt() : null);
            }
        }
        store.saveProduct(productId, after);
    }

    /**
     * A brand counts as registered, and verified while VERIFIED, in its village, with the
     * artisans it gives now (replacing those it gave before, which stay in its history of
     * artisans: those first counted date from its registration); when it moved, its
     * products move with it.
     */
    @Transactional
    public void brand(long brandId, boolean asOfRecord) {
        var before = store.lockBrand(brandId);
        var brand = brands.anyStatus(List.of(brandId)).get(brandId);
        var villageId = brand == null ? null : brand.villageId();
        var after = new BrandState(villageId, brand != null,
                brand != null && brand.verificationStatus() == BrandVerificationStatus.VERIFIED,
                brand == null ? NO_ARTISANS : brand.artisans());
        var moved = !Objects.equals(before.villageId(), villageId);
        OffsetDateTime when = brand != null && asOfRecord ? brand.updatedAt() : null;
        count(BRAND_REGISTERED, brandId, before.villageId(), before.registered(), villageId, after.registered(), moved,
                asOfRecord && brand != null ? brand.createdAt() : null);
        count(BRAND_VERIFIED, brandId, before.villageId(), before.verified(), villageId, after.verified(), moved, when);
        if (!after.artisans().equals(before.artisans())) {
            store.artisansGiven(brandId, after.artisans(),
                    before.artisans() == null && brand != null ? brand.createdAt() : null);
        }
        store.saveBrand(brandId, after);
        if (moved && before.villageId() != null) {
            products.idsOfBrands(List.of(brandId)).forEach(id -> product(id, false));
        }
    }

    @Transactional
    public void enrolled(ProgrammeParticipantEnrolled event) {
        if (store.enrol(event.participantId(), event.programmeId(), event.villageId(), event.gender() == Gender.FEMALE,
                event.ageBand() != null && event.ageBand().youth())) {
            store.record(PARTICIPANT_ENROLLED, place(event.villageId()), null, event.brandId(), event.programmeId(), 1,
                    null);
        }
    }

    @Transactional
    public void removed(ProgrammeParticipantRemoved event) {
        var goalsDone = store.goalsDone(event.participantId());
        var before = store.remove(event.participantId(), event.programmeId());
        if (!before.removed() && before.villageId() != null) {
            var place = place(before.villageId());
            store.record(PARTICIPANT_ENROLLED, place, null, null, event.programmeId(), -1, null);
            for (var i = 0; i < goalsDone; i++) {
                store.record(GOAL_DONE, place, null, null, event.programmeId(), -1, null);
            }
        }
    }

    /**
     * A goal's event applies only to the status it started from: one delivered after a
     * later change (out of order) is stale and changes nothing. {@code when} dates it
     * (for the backfill: when the goal last changed) rather than now, so a goal done
     * before the counting began counts in the weeks it was done, as a programme's before
     * and after compares them.
     */
    @Transactional
    public void goal(FollowUpGoalChanged event, OffsetDateTime when) {
        var before = store.lockGoal(event.goalId(), event.participantId(), event.programmeId(), event.dueOn());
        if (before != null && event.previousStatus() != null && !before.equals(event.previousStatus().name())) {
            return;
        }
        store.saveGoal(event.goalId(), event.status().name(), event.dueOn());
        var wasDone = FollowUpGoalStatus.DONE.name().equals(before);
        var done = event.status() == FollowUpGoalStatus.DONE;
        var villageId = store.villageOfParticipant(event.participantId());
        if (wasDone != done && villageId != null) {
            store.record(GOAL_DONE, place(villageId), null, null, event.programmeId(), done ? 1 : -1, when);
        }
    }

    /**
     * An inquiry counts once as sent, and once as answered with its first reply, in its
     * brand's village and its product's category; {@code when} dates it (for the
     * backfill) rather than now.
     */
    @Transactional
    public void inquiry(long inquiryId, boolean answered, long brandId, Long productId, OffsetDateTime when) {
        if (store.firstTime(inquiryId, answered)) {
            contact(answered ? INQUIRY_ANSWERED : INQUIRY_SENT, brandId, productId, when);
        }
    }

    /**
     * A buyer's contact with a brand ({@link #INQUIRY_SENT}, {@link #INQUIRY_ANSWERED},
     * {@link #WHATSAPP_TAP}) counts in the brand's village and the product's category.
     */
    @Transactional
    public void contact(String kind, long brandId, Long productId, OffsetDateTime when) {
        var brand = brands.anyStatus(List.of(brandId)).get(brandId);
        if (brand == null) {
            return;
        }
        var category = productId == null ? null
                : products.anyStatus(List.of(productId))
                    .stream()
                    .findFirst()
                    .map(product -> categorySlug(product.categoryId()))
                    .orElse(null);
        store.record(kind, place(brand.villageId()), category, brandId, null, 1, when);
    }

    private String categorySlug(Long categoryId) {
        return categoryId == null ? null
                : Optional.ofNullable(categories.byIds(List.of(categoryId)).get(categoryId))
                    .map(Category::slug)
                    .orElse(null);
    }

    private void count(String kind, long brandId, Long villageBefore, boolean countedBefore, Long villageNow,
            boolean countedNow, boolean moved, OffsetDateTime when) {
        if (countedBefore == countedNow && !moved) {
            return;
        }
        if (countedBefore && villageBefore != null) {
            store.record(kind, place(villageBefore), null, brandId, null, -1, null);
        }
        if (countedNow && villageNow != null) {
            store.record(kind, place(villageNow), null, brandId, null, 1, when);
        }
    }

    private Place place(long villageId) {
        var village = villages.byId(new VillageId(villageId));
        return new Place(villageId, village.map(v -> v.regency()).orElse(null),
                village.map(v -> v.modelVillage()).orElse(false));
    }

}
