package id.kriyanusa.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.search.internal.QueryUnderstanding;

/**
 * How a search query was read: the words matched against product texts and the phrases
 * understood as conditions, each with whether it applies.
 *
 * @param text the words matched, or null when the query was only conditions
 * @param conditions the conditions typed, in the order typed
 * @param priceRangeEmpty whether the lowest price asked for, typed or set in the filter,
 * is above the highest: no product can match, and the buyer is asked to remove one
 */
public record SearchInterpretation(String text, List<SearchCondition> conditions, boolean priceRangeEmpty) {

    /**
     * A query as searched: its interpretation, the filter with the conditions typed,
     * whether cheaper products are lifted, and whether crafts come before foods.
     */
    record Applied(SearchInterpretation interpretation, ProductSearchFilter filter, boolean cheapFirst,
            boolean craftsFirst) {
    }

    /**
     * The conditions typed, added to the request's filter where it sets no condition of
     * the same kind: an explicit filter always wins. Places typed narrow to their
     * villages (a district to all of its villages) or regencies; "cheap" lifts cheaper
     * products when the results are ordered by relevance, and filters nothing.
     */
    static Applied apply(QueryUnderstanding.Understood understood, ProductSearchFilter explicit,
            ProductSearchSort sort) {
        Long priceMin = explicit.priceMin();
        Long priceMax = explicit.priceMax();
        var availability = new LinkedHashSet<ProductAvailability>();
        var villages = new LinkedHashSet<String>();
        var regencies = new LinkedHashSet<String>();
        var near = explicit.near();
        boolean cheapFirst = false;
        var conditions = new ArrayList<SearchCondition>();
        for (var typed : understood.conditions()) {
            boolean applied = switch (typed.kind()) {
                case PRICE_MIN -> explicit.priceMin() == null;
                case PRICE_MAX -> explicit.priceMax() == null;
                case AVAILABILITY -> isEmpty(explicit.availability());
                case VILLAGE, DISTRICT, ISLAND -> isEmpty(explicit.villages());
                case REGENCY -> isEmpty(explicit.regencies());
                case NEAR -> explicit.near() == null;
                case CHEAP_FIRST -> sort == null || sort == ProductSearchSort.RELEVANCE;
            };
            if (applied) {
                switch (typed.kind()) {
                    case PRICE_MIN -> priceMin = max(priceMin, Long.parseLong(typed.value()));
                    case PRICE_MAX -> priceMax = min(priceMax, Long.parseLong(typed.value()));
                    case AVAILABILITY -> availability.add(ProductAvailability.valueOf(typed.value()));
                    case VILLAGE, DISTRICT, ISLAND -> villages.addAll(typed.villageSlugs());
                    case REGENCY -> regencies.add(typed.value());
                    case NEAR -> near = ProductSearchFilter.Near.ofConditionValue(typed.value());
                    default -> cheapFirst = true; // CHEAP_FIRST
                }
            }
            conditions.add(new SearchCondition(typed.kind(), typed.phrase(), typed.value(), typed.label(), applied,
                    typed.queryWithout()));
        }
        var filter = new ProductSearchFilter(explicit.categories(),
                villages.isEmpty() ? explicit.villages() : List.copyOf(villages),
                regencies.isEmpty() ? explicit.regencies() : List.copyOf(regencies), explicit.brands(),
                explicit.materials(), priceMin, priceMax,
                availability.isEmpty() ? explicit.availability() : List.copyOf(availability),
                explicit.modelVillagesOnly(), near);
        boolean priceRangeEmpty = priceMin != null && priceMax != null && priceMin > priceMax;
        return new Applied(new SearchInterpretation(understood.text(), List.copyOf(conditions), priceRangeEmpty),
                filter, cheapFirst, understood.craftsAsked());
    }

    /**
     * Whether a village, district or regency typed narrows the search; not a circle
     * "near" a place, whose next distance the page offers when it leaves nothing.
     */
    boolean namesAPlace() {
        return conditions.stream()
            .anyMatch(condition -> condition.applied() && condition.kind().isPlace()
                    && condition.kind() != SearchCondition.Kind.NEAR);
    }

    /** Whether a village, district or regency typed narrows the search. */
    boolean narrowsToAPlace() {
        return conditions.stream().anyMatch(condition -> condition.applied() && condition.kind().isPlace());
    }

    private static boolean isEmpty(List<?> values) {
        return values == null || values.isEmpty();
    }

    private static Long max(Long current, long typed) {
        return current == null ? typed : Math.max(current, typed);
    }

    private static Long min(Long current, long typed) {
        return current == null ? typed : Math.min(current, typed);
    }

}
