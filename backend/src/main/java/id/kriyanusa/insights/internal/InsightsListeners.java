package id.kriyanusa.insights.internal;

import java.time.ZoneOffset;

import id.kriyanusa.brand.BrandChanged;
import id.kriyanusa.brand.BrandMemberJoined;
import id.kriyanusa.catalog.ProductChanged;
import id.kriyanusa.engagement.InquiryAnswered;
import id.kriyanusa.engagement.InquirySent;
import id.kriyanusa.engagement.WhatsAppTapped;
import id.kriyanusa.programme.FollowUpGoalChanged;
import id.kriyanusa.programme.ProgrammeParticipantEnrolled;
import id.kriyanusa.programme.ProgrammeParticipantRemoved;
import id.kriyanusa.search.SearchesRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts from the other modules' events, asynchronously after their change committed and
 * tracked by the event publication registry: a failure leaves the publication to be
 * resubmitted and never touches the change itself, and counting never slows a buyer's
 * request.
 */
@Component
class InsightsListeners {

    private final Counting counting;

    private final InsightsStore store;

    InsightsListeners(Counting counting, InsightsStore store) {
        this.counting = counting;
        this.store = store;
    }

    @ApplicationModuleListener
    void on(ProductChanged event) {
        counting.product(event.productId(), false);
    }

    @ApplicationModuleListener
    void on(BrandChanged event) {
        counting.brand(event.brandId(), false);
    }

    /** A new brand announces itself only by its first member joining. */
    @ApplicationModuleListener
    void on(BrandMemberJoined event) {
        counting.brand(event.brand().value(), false);
    }

    @ApplicationModuleListener
    void on(InquirySent event) {
        counting.inquiry(event.inquiryId(), false, event.brandId(), event.productId(), null);
    }

    @ApplicationModuleListener
    void on(InquiryAnswered event) {
        if (event.firstAnswer()) {
            counting.inquiry(event.inquiryId(), true, event.brandId(), event.productId(), null);
        }
    }

    /** A tap has no id: a tap delivered twice counts twice, a small error on a count. */
    @ApplicationModuleListener
    void on(WhatsAppTapped event) {
        counting.contact(Counting.WHATSAPP_TAP, event.brandId(), event.productId(),
                event.tappedAt().atOffset(ZoneOffset.UTC));
    }

    @ApplicationModuleListener
    void on(ProgrammeParticipantEnrolled event) {
        counting.enrolled(event);
    }

    @ApplicationModuleListener
    void on(ProgrammeParticipantRemoved event) {
        counting.removed(event);
    }

    @ApplicationModuleListener
    void on(FollowUpGoalChanged event) {
        counting.goal(event, null);
    }

    /** Announcements carry no id: one delivered twice counts twice, as a tap does. */
    @ApplicationModuleListener
    void on(SearchesRecorded event) {
        store.searched(event.queries());
    }

}
