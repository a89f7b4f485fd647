package id.kriyanusa.insights.internal;

import java.util.List;

import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.engagement.Inquiries;
import id.kriyanusa.programme.ProgrammeParticipantRemoved;
import id.kriyanusa.programme.Programmes;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what already exists when the insights store is empty (a new installation, or the
 * demo data, which predates the events): every village's brands and their products, and
 * every programme's participants and their goals, every inquiry, through the modules'
 * public APIs, once; later, the artisans of brands counted before artisans were. Counting
 * is idempotent, so events arriving meanwhile count once all the same.
 */
@Component
class InsightsBackfill {

    private static final Logger log = LoggerFactory.getLogger(InsightsBackfill.class);

    private final InsightsStore store;

    private final Counting counting;

    private final Villages villages;

    private final Brands brands;

    private final Products products;

    private final Programmes programmes;

    private final Inquiries inquiries;

    InsightsBackfill(InsightsStore store, Counting counting, Villages villages, Brands brands, Products products,
            Programmes programmes, Inquiries inquiries) {
        this.store = store;
        this.counting = counting;
        this.villages = villages;
        this.brands = brands;
        this.products = products;
        this.programmes = programmes;
        this.inquiries = inquiries;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        if (!store.empty()) {
            countArtisans();
            countParticipants();
            return;
        }
        int brandCount = 0;
        int productCount = 0;
        var after = 0L;
        for (List<Long> ids; !(ids = villages.idsAfter(after, 100)).isEmpty(); after = ids.getLast()) {
            var slugs = villages.byIds(ids).values().stream().map(Village::slug).toList();
            var brandIds = List.copyOf(brands.idsInVillages(slugs));
            brandIds.forEach(id -> counting.brand(id, true));
            var productIds = products.idsOfBrands(brandIds);
            productIds.forEach(id -> counting.product(id, true));
            brandCount += brandIds.size();
            productCount += productIds.size();
        }
        var enrolments = programmes.enrolmentsForCounting();
        for (var enrolment : enrolments) {
            counting.enrolled(enrolment.enrolled());
            enrolment.goals().forEach(goal -> counting.goal(goal.changed(), goal.changedAt()));
        }
        var inquiryCount = 0;
        var afterInquiry = 0L;
        for (List<Inquiries.Counted> page; !(page = inquiries.countedAfter(afterInquiry, 500))
            .isEmpty(); afterInquiry = page.getLast().inquiryId()) {
            for (var inquiry : page) {
                counting.inquiry(inquiry.inquiryId(), false, inquiry.brandId(), inquiry.productId(), inquiry.sentAt());
                if (inquiry.answeredAt() != null) {
                    counting.inquiry(inquiry.inquiryId(), true, inquiry.brandId(), inquiry.productId(),
                            inquiry.answeredAt());
                }
            }
            inquiryCount += page.size();
        }
        log.info("Insights counted {} existing brands, {} products, {} programme participants and {} inquiries",
                brandCount, productCount, enrolments.size(), inquiryCount);
    }

    /**
     * The programmes' participants as they are now against those counted: one whose
     * enrolment never reached the counts (rows written without their events, as the
     * demo's Bimtek when its data is seeded again) is counted with its goals, and one
     * gone without its removal counted is taken off.
     */
    void countParticipants() {
        var counted = store.countedParticipants();
        var enrolled = store.enrolledParticipants();
        var added = 0;
        for (var enrolment : programmes.enrolmentsForCounting()) {
            var participant = enrolment.enrolled().participantId();
            enrolled.remove(participant);
            if (!counted.contains(participant)) {
                counting.enrolled(enrolment.enrolled());
                enrolment.goals().forEach(goal -> counting.goal(goal.changed(), goal.changedAt()));
                added++;
            }
        }
        enrolled.forEach(
                (participant, programme) -> counting.removed(new ProgrammeParticipantRemoved(programme, participant)));
        if (added > 0 || !enrolled.isEmpty()) {
            log.info("Insights counted {} programme participants not counted before and took off {} gone", added,
                    enrolled.size());
        }
    }

    /** The brands counted before artisans were get theirs counted, once. */
    private void countArtisans() {
        var brandIds = store.brandsWithoutArtisans();
        brandIds.forEach(id -> counting.brand(id, false));
        if (!brandIds.isEmpty()) {
            log.info("Insights counted the artisans of {} brands counted before", brandIds.size());
        }
    }

}
