package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.platform.graphql.UserError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A producer's follow-up plans (rencana tindak lanjut), `/dasbor/rencana`: the goals they
 * (or their brand's people) agreed at the end of a Bimtek, with a select and a save
 * button per goal to say how far it has come. Works without JavaScript; the API decides
 * whose goals they may change.
 */
@Controller
class FollowUpPlanPageController {

    private static final String PLANS = "/dasbor/rencana";

    /** A goal's statuses, as the form's select offers them. */
    private static final List<String> STATUSES = List.of("PLANNED", "IN_PROGRESS", "DONE", "DROPPED");

    /** The kinds of goal the programme console's form offers. */
    static final List<String> GOAL_KINDS = List.of("DEVELOP_PRODUCT", "REGISTER_BRAND", "OBTAIN_CERTIFICATION",
            "REACH_MARKET");

    private final PageRequests api;

    FollowUpPlanPageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping(PLANS)
    String plans(Model model) {
        return plansPage(model);
    }

    @PostMapping(PLANS + "/{goal:[A-Za-z0-9_-]{1,100}}")
    String update(@PathVariable String goal, @RequestParam(required = false) String status,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = updateStatus(api, goal, status, note);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("done", "goalSaved");
            return "redirect:" + PLANS + "#g-" + goal;
        }
        refused(api, errors, new TypedStatus(goal, status, note), model, response);
        return plansPage(model);
    }

    private String plansPage(Model model) {
        var page = api.run("followUpPlanPage", Map.of());
        model.addAttribute("me", page.field("me").toEntity(Map.class));
        model.addAttribute("programmes", page.field("programmes.edges").toEntityList(Map.class));
        return "pages/follow-up-plans";
    }

    /** Moves a goal along (status and note); the user errors, empty when saved. */
    static List<UserError> updateStatus(PageRequests api, String goal, String status, String note) {
        var unreadable = new ArrayList<UserError>();
        var input = new HashMap<String, Object>();
        input.put("goalId", goal);
        input.put("status", PageRequests.choice("input.status", status, STATUSES, unreadable));
        input.put("note", note == null || note.isBlank() ? null : note.strip());
        return api.submit("updateFollowUpGoalStatus", "updateFollowUpGoalStatus", Map.of("input", input), unreadable)
            .userErrors();
    }

    /** A goal's status form as typed, for the goal it was typed for. */
    record TypedStatus(String goal, String status, String note) {
    }

    /**
     * A refused status form: its problems beside its fields and what was typed in it
     * kept, among the other goals' forms.
     */
    static void refused(PageRequests api, List<UserError> errors, TypedStatus typed, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", suffixed(api.problems("followUp", errors), typed.goal()));
        model.addAttribute("typedStatus", typed);
    }

    /**
     * The problems of one of many forms on a page, whose inputs' ids end in the form's
     * key (`status-{goal}`), so that the list at the top links to the right field.
     */
    static FormProblems suffixed(FormProblems problems, String key) {
        return new FormProblems(problems.all()
            .stream()
            .map(problem -> new FormProblems.Problem(problem.field().isEmpty() ? "" : problem.field() + "-" + key,
                    problem.sentence()))
            .toList());
    }

}
