package id.kriyanusa.insights;

import java.time.LocalDate;
import java.util.List;

import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.programme.Programme;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class OutcomesGraphQlController {

    /**
     * The `outcomes` field's object: its fields are resolved each on its own, from the
     * villages' figures read once per request.
     */
    static final class OutcomesRoot {

        private final Outcomes outcomes;

        private List<VillageOutcome> villages;

        OutcomesRoot(Outcomes outcomes) {
            this.outcomes = outcomes;
        }

        synchronized List<VillageOutcome> villages() {
            if (villages == null) {
                villages = outcomes.villages(VillageOutcomeSort.NAME);
            }
            return villages;
        }

    }

    private final Outcomes outcomes;

    OutcomesGraphQlController(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @QueryMapping
    OutcomesRoot outcomes() {
        // refused at the root, so others get one FORBIDDEN rather than one per figure
        Caller.current().requireStaff();
        return new OutcomesRoot(outcomes);
    }

    @DerivedField
    @SchemaMapping(typeName = "Outcomes", field = "villages")
    List<VillageOutcome> villages(OutcomesRoot root, @Argument VillageOutcomeSort sort) {
        return root.villages().stream().sorted((sort == null ? VillageOutcomeSort.NAME : sort).comparator()).toList();
    }

    @DerivedField
    @SchemaMapping(typeName = "Outcomes", field = "regencies")
    List<GroupOutcome> regencies(OutcomesRoot root) {
        return Outcomes.regencies(root.villages());
    }

    @DerivedField
    @SchemaMapping(typeName = "Outcomes", field = "modelVillages")
    List<GroupOutcome> modelVillages(OutcomesRoot root) {
        return Outcomes.modelVillages(root.villages());
    }

    @SchemaMapping(typeName = "Outcomes", field = "months")
    List<MonthOutcome> months() {
        return outcomes.months();
    }

    @SchemaMapping(typeName = "Outcomes", field = "categories")
    List<CategoryOutcome> categories() {
        return outcomes.categories();
    }

    @SchemaMapping(typeName = "Outcomes", field = "programmes")
    List<ProgrammeOutcome> programmes() {
        return outcomes.programmes();
    }

    @SchemaMapping(typeName = "Outcomes", field = "unansweredSearches")
    List<UnansweredSearch> unansweredSearches(@Argument int days, @Argument int first) {
        return outcomes.unansweredSearches(days, first);
    }

    @SchemaMapping(typeName = "Programme", field = "outcomes")
    ProgrammeComparison programmeOutcomes(Programme programme, @Argument LocalDate from, @Argument LocalDate to) {
        return outcomes.beforeAndAfter(programme, from, to);
    }

    @SchemaMapping(typeName = "MonthOutcome", field = "month")
    String month(MonthOutcome month) {
        return month.month().toString();
    }

}
