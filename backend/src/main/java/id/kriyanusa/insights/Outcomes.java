package id.kriyanusa.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.insights.internal.InsightsStore;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.stereotype.Service;

/**
 * The department's figures, for staff only (FORBIDDEN for others): every village with its
 * counts, the same summed per regency and for model villages against the others, and the
 * months' publications and verifications.
 */
@Service
public class Outcomes {

    /** How many months the figures over time cover, this one included. */
    public static final int MONTHS = 12;

    /** Months and overdue goals are reckoned in NTB time. */
    private static final ZoneId NTB = ZoneId.of("Asia/Makassar");

    private final InsightsStore store;

    private final Villages villages;

    Outcomes(InsightsStore store, Villages villages) {
        this.store = store;
        this.villages = villages;
    }

    /** Every village, with zeros where nothing was counted yet. */
    public List<VillageOutcome> villages(VillageOutcomeSort sort) {
        Caller.current().requireStaff();
        var figures = store.figuresByVillage(LocalDate.now(NTB));
        var result = new ArrayList<VillageOutcome>();
        for (var village : allVillages()) {
            result.add(new VillageOutcome(village, figures.getOrDefault(village.id(), OutcomeFigures.NONE)));
        }
        result.sort((sort == null ? VillageOutcomeSort.NAME : sort).comparator());
        return result;
    }

    /** The villages' figures summed per regency, by regency name. */
    public List<GroupOutcome> regencies() {
        return grouped(villages(VillageOutcomeSort.REGENCY), outcome -> String.valueOf(outcome.village().regency()));
    }

    /**
     * The model villages' figures summed, then the other villages': named "model" and
     * "other".
     */
    public List<GroupOutcome> modelVillages() {
        var groups = grouped(villages(VillageOutcomeSort.NAME),
                outcome -> outcome.village().modelVillage() ? "model" : "other");
        var byName = groups.stream().collect(Collectors.toMap(GroupOutcome::name, Function.identity()));
        return List.of(byName.getOrDefault("model", new GroupOutcome("model", 0, OutcomeFigures.NONE)),
                byName.getOrDefault("other", new GroupOutcome("other", 0, OutcomeFigures.NONE)));
    }

    /** The last {@link #MONTHS} months, oldest first, with zeros for quiet months. */
    public List<MonthOutcome> months() {
        Caller.current().requireStaff();
        var first = YearMonth.now(NTB).minusMonths(MONTHS - 1);
        Map<YearMonth, MonthOutcome> counted = store.months(first)
            .stream()
            .collect(Collectors.toMap(MonthOutcome::month, Function.identity()));
        var result = new ArrayList<MonthOutcome>();
        for (var month = first; result.size() < MONTHS; month = month.plusMonths(1)) {
            result.add(counted.getOrDefault(month, new MonthOutcome(month, 0, 0)));
        }
        return result;
    }

    private static List<GroupOutcome> grouped(List<VillageOutcome> outcomes, Function<VillageOutcome, String> group) {
        var sums = new TreeMap<String, GroupOutcome>();
        for (var outcome : outcomes) {
            sums.merge(group.apply(outcome), new GroupOutcome(group.apply(outcome), 1, outcome.figures()),
                    (a, b) -> new GroupOutcome(a.name(), a.villages() + b.villages(), a.figures().plus(b.figures())));
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
