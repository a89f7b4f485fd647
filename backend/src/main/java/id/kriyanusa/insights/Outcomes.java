package id.kriyanusa.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.insights.internal.InsightsStore;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.NtbTime;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.programme.Programme;
import id.kriyanusa.programme.ProgrammeParticipant;
import id.kriyanusa.programme.Programmes;
import id.kriyanusa.village.RegencyNames;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.stereotype.Service;

/**
 * The department's figures, for staff only (FORBIDDEN for others): every village with its
 * counts, the same summed per regency and for model villages against the others, per
 * category and per programme, the months' publications, verifications and contacts, what
 * visitors searched for without finding anything, and a programme's participants'
 * outcomes before and after it.
 */
@Service
public class Outcomes {

    /** How many months the figures over time cover, this one included. */
    public static final int MONTHS = 12;

    private final InsightsStore store;

    private final Villages villages;

    private final Categories categories;

    private final Programmes programmes;

    Outcomes(InsightsStore store, Villages villages, Categories categories, Programmes programmes) {
        this.store = store;
        this.villages = villages;
        this.categories = categories;
        this.programmes = programmes;
    }

    /** Every village, with zeros where nothing was counted yet. */
    public List<VillageOutcome> villages(VillageOutcomeSort sort) {
        Caller.current().requireStaff();
        var figures = store.figuresByVillage(NtbTime.today());
        var result = new ArrayList<VillageOutcome>();
        for (var village : allVillages()) {
            result.add(new VillageOutcome(village, figures.getOrDefault(village.id(), OutcomeFigures.NONE)));
        }
        result.sort((sort == null ? VillageOutcomeSort.NAME : sort).comparator());
        return result;
    }

    /** The villages' figures (from {@link #villages}) summed per regency, by name. */
    public static List<GroupOutcome> regencies(List<VillageOutcome> villages) {
        return grouped(villages, outcome -> String.valueOf(outcome.village().regency()), RegencyNames::of);
    }

    /**
     * The model villages' figures (from {@link #villages}) summed, then the other
     * villages': named "model" and "other".
     */
    public static List<GroupOutcome> modelVillages(List<VillageOutcome> villages) {
        var groups = grouped(villages, outcome -> outcome.village().modelVillage() ? "model" : "other", name -> null);
        var byName = groups.stream().collect(Collectors.toMap(GroupOutcome::name, Function.identity()));
        return List.of(byName.getOrDefault("model", new GroupOutcome("model", null, 0, OutcomeFigures.NONE)),
                byName.getOrDefault("other", new GroupOutcome("other", null, 0, OutcomeFigures.NONE)));
    }

    /** The last {@link #MONTHS} months, oldest first, with zeros for quiet months. */
    public List<MonthOutcome> months() {
        Caller.current().requireStaff();
        var first = YearMonth.now(NtbTime.ZONE).minusMonths(MONTHS - 1);
        Map<YearMonth, MonthOutcome> counted = store.months(first)
            .stream()
            .collect(Collectors.toMap(MonthOutcome::month, Function.identity()));
        var result = new ArrayList<MonthOutcome>();
        for (var month = first; result.size() < MONTHS; month = month.plusMonths(1)) {
            result.add(counted.getOrDefault(month, MonthOutcome.quiet(month)));
        }
        return result;
    }

    /**
     * Every category (top-level ones and their sub-categories, in display order), with
     * zeros where nothing was counted yet. A top-level category's figures total its
     * sub-categories' (and its own, from before they had any): products are filed under
     * sub-categories, and "Anyaman 0" read as no basketry at all.
     */
    public List<CategoryOutcome> categories() {
        Caller.current().requireStaff();
        var bySlug = new LinkedHashMap<String, Category>();
        for (var top : categories.tree()) {
            bySlug.put(top.slug(), top);
            top.children().forEach(child -> bySlug.put(child.slug(), child));
        }
        var counted = store.categories(bySlug);
        var subs = counted.stream()
            .filter(outcome -> outcome.category().parentId() != null)
            .collect(Collectors.groupingBy(outcome -> outcome.category().parentId()));
        return counted.stream()
            .map(outcome -> outcome.category().parentId() != null ? outcome
                    : subs.getOrDefault(outcome.category().id(), List.of())
                        .stream()
                        .reduce(outcome, CategoryOutcome::plus))
            .toList();
    }

    /**
     * The queries visitors searched for in the last {@code days} days (1 to 366, today in
     * NTB time included) that found nothing at least once, the most searchers first, at
     * most {@code first} (0 to 100).
     */
    public List<UnansweredSearch> unansweredSearches(int days, int first) {
        Caller.current().requireStaff();
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366");
        }
        if (first < 0 || first > OffsetPage.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + OffsetPage.MAX_PAGE_SIZE);
        }
        return store.unansweredSearches(NtbTime.today().minusDays(days - 1), first);
    }

    /** Every programme, latest start first, with its participants and their goals. */
    public List<ProgrammeOutcome> programmes() {
        Caller.current().requireStaff();
        var byId = new LinkedHashMap<Long, Programme>();
        for (long offset = 0;; offset += OffsetPage.MAX_PAGE_SIZE) {
            var page = programmes.find(new OffsetPage(offset, OffsetPage.MAX_PAGE_SIZE));
            page.edges().forEach(edge -> byId.put(edge.node().id(), edge.node()));
            if (!page.pageInfo().hasNextPage()) {
                break;
            }
        }
        return store.programmes(byId, NtbTime.today());
    }

    /**
     * The programme's participants' outcomes (their brands, and their goals) from
     * {@code from} to {@code to} (NTB days, both included) against as many days right
     * before its start; staff only (null for others). The period runs from the start
     * (when {@code from} is null or earlier) to today (when {@code to} is null or later),
     * and is empty when it would end before it begins. Artisans compare only the brands
     * recorded before the start; the others are counted apart.
     */
    public ProgrammeComparison beforeAndAfter(Programme programme, LocalDate from, LocalDate to) {
        if (!Caller.current().isStaff()) {
            return null;
        }
        var start = programme.startsOn();
        var today = NtbTime.today();
        var first = from == null || from.isBefore(start) ? start : from;
        var last = to == null || to.isAfter(today) ? today : to;
        var until = last.isBefore(first) ? first : last.plusDays(1);
        var days = ChronoUnit.DAYS.between(first, until);
        var brandIds = programmes.participants(List.of(programme.id()))
            .getOrDefault(programme.id(), List.of())
            .stream()
            .map(ProgrammeParticipant::brandId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
        var recorded = store.artisansRecordedBefore(brandIds, start);
        var later = brandIds.stream().filter(id -> !recorded.contains(id)).toList();
        return new ProgrammeComparison(store.period(brandIds, recorded, programme.id(), start.minusDays(days), start),
                store.period(brandIds, recorded, programme.id(), first, until), later.size(),
                store.artisansGivenBefore(later, until));
    }

    private static List<GroupOutcome> grouped(List<VillageOutcome> outcomes, Function<VillageOutcome, String> group,
            Function<String, LocalizedText> regencyName) {
        var sums = new TreeMap<String, GroupOutcome>();
        for (var outcome : outcomes) {
            var name = group.apply(outcome);
            sums.merge(name, new GroupOutcome(name, regencyName.apply(name), 1, outcome.figures()),
                    (a, b) -> new GroupOutcome(a.name(), a.regencyName(), a.villages() + b.villages(),
                            a.figures().plus(b.figures())));
        }
        return List.copyOf(sums.values());
    }

    private List<Village> allVillages() {
        var all = new LinkedHashMap<Long, Village>();
        var after = 0L;
        for (List<Long> ids; !(ids = villages.idsAfter(after, 1000)).isEmpty(); after = ids.getLast()) {
            all.putAll(villages.byIds(ids));
        }
        return List.copyOf(all.values());
    }

}
