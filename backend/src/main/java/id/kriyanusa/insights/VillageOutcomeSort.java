package id.kriyanusa.insights;

import java.util.Comparator;
import java.util.function.ToIntFunction;

/**
 * How the villages' figures are ordered: by name or regency (A to Z), or by one figure,
 * highest first, then by name.
 */
public enum VillageOutcomeSort {

    NAME(null), REGENCY(null), BRANDS_REGISTERED(OutcomeFigures::brandsRegistered),
    BRANDS_VERIFIED(OutcomeFigures::brandsVerified), PRODUCTS_PUBLISHED(OutcomeFigures::productsPublished),
    INQUIRIES(OutcomeFigures::inquiries), WHATSAPP_TAPS(OutcomeFigures::whatsAppTaps),
    GOALS_DONE(OutcomeFigures::goalsDone), GOALS_DUE(OutcomeFigures::goalsDue),
    PARTICIPANTS(OutcomeFigures::participants), ARTISANS(OutcomeFigures::artisans),
    PRODUCTS_SEEN_BY_BUYERS(OutcomeFigures::productsSeenByBuyers);

    private final ToIntFunction<OutcomeFigures> figure;

    VillageOutcomeSort(ToIntFunction<OutcomeFigures> figure) {
        this.figure = figure;
    }

    Comparator<VillageOutcome> comparator() {
        Comparator<VillageOutcome> byName = Comparator.comparing(outcome -> outcome.village().name());
        if (this == REGENCY) {
            return Comparator.<VillageOutcome, String>comparing(outcome -> String.valueOf(outcome.village().regency()))
                .thenComparing(byName);
        }
        if (figure == null) {
            return byName;
        }
        return Comparator.<VillageOutcome>comparingInt(outcome -> figure.applyAsInt(outcome.figures()))
            .reversed()
            .thenComparing(byName);
    }

}
