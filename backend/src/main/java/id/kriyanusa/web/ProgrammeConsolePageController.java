package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's training programmes (Bimtek), `/kelola/program`, for curators: record a
 * programme, enrol its participants (with their consent to keep their details, or only
 * counted), and keep each participant's follow-up plan (rencana tindak lanjut): add goals
 * and move them along. The API's programme mutations decide; the page turns forms into
 * their inputs.
 */
@Controller
class ProgrammeConsolePageController {

    private static final String PROGRAMMES = "/kelola/program";

    private static final String PROGRAMME = PROGRAMMES + "/{id:[A-Za-z0-9_-]{1,100}}";

    private static final String PARTICIPANT = PROGRAMME + "/peserta/{participant:[A-Za-z0-9_-]{1,100}}";

    /**
     * The programme form as typed; topics and trainers one per line, `versi` the version
     * an edit was made against.
     */
    record ProgrammeForm(String indonesian, String english, String organiser, String startsOn, String endsOn,
            String villageId, String topics, String trainers, String budgetLine, String versi) {

        static final ProgrammeForm EMPTY = new ProgrammeForm(null, null, "Dinas Perindustrian Provinsi NTB", null, null,
                null, null, null, null, null);

        static ProgrammeForm of(Map<String, Object> programme) {
            var title = (Map<String, Object>) programme.get("title");
            return new ProgrammeForm((String) title.get("indonesian"), (String) title.get("english"),
                    (String) programme.get("organiser"), (String) programme.get("startsOn"),
                    (String) programme.get("endsOn"), (String) ((Map<String, Object>) programme.get("place")).get("id"),
                    String.join("\n", (List<String>) programme.get("topics")),
                    String.join("\n", (List<String>) programme.get("trainers")), (String) programme.get("budgetLine"),
                    String.valueOf(programme.get("version")));
        }

        /**
         * The fields both mutations take; an empty English title or budget line clears it
         * on an edit, and a date the page cannot read is left empty, with an error in
         * {@code unreadable}.
         */
        Map<String, Object> input(List<UserError> unreadable) {
            var input = new HashMap<String, Object>();
            var title = new HashMap<String, Object>();
            title.put("indonesian", Objects.toString(indonesian, ""));
            title.put("english", Objects.toString(english, ""));
            input.put("title", title);
            input.put("organiser", Objects.toString(organiser, ""));
            input.put("startsOn", date(startsOn, "input.startsOn", unreadable));
            input.put("endsOn", date(endsOn, "input.endsOn", unreadable));
            input.put("villageId", Objects.toString(villageId, ""));
            input.put("topics", lines(topics));
            input.put("trainers", lines(trainers));
            input.put("budgetLine", Objects.toString(budgetLine, ""));
            return input;
        }

    }

    /** The genders the enrolment form offers. */
    private static final List<String> GENDERS = List.of("FEMALE", "MALE");

    /**
     * The age bands the enrolment form offers: youth (16 to 30, UU 40/2009) is one of
     * them.
     */
    private static final List<String> AGE_BANDS = List.of("AGED_16_TO_30", "AGED_31_TO_39", "AGED_40_TO_54",
            "AGED_55_AND_OVER");

    /** The enrolment form as typed. */
    record EnrolForm(String consent, String name, String accountEmail, String brandId, String gender, String ageBand) {

        static final EnrolForm EMPTY = new EnrolForm(null, null, null, null, null, null);

    }

    /** A new goal as typed, for the participant it was typed for. */
    record GoalForm(String kind, String description, String dueOn) {
    }

    /**
     * What the programme's page says at a glance: how many women and young people (as the
     * API counts youth) took part (where they said), and how far the follow-up plans are.
     */
    record Summary(long women, long youth, long goals, long done, long overdue) {

        static Summary of(List<Map<String, Object>> participants) {
            var goals = participants.stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("followUpGoals")).stream())
                .toList();
            return new Summary(participants.stream().filter(p -> "FEMALE".equals(p.get("gender"))).count(),
                    participants.stream().filter(p -> Boolean.TRUE.equals(p.get("youth"))).count(), goals.size(),
                    goals.stream().filter(g -> "DONE".equals(g.get("status"))).count(),
                    goals.stream().filter(g -> Boolean.TRUE.equals(g.get("overdue"))).count());
        }

    }

    /**
     * The rows of the participants' outcomes before and after: the API's field names, the
     * artisans (jobs) last.
     */
    private static final List<String> COMPARISON_FIGURES = List.of("brandsVerified", "productsPublished", "inquiries",
            "whatsAppTaps", "goalsDone", "artisans", "artisansWomen", "artisansYouth");

    private final PageRequests api;

    private final PageText text;

    private final MessageSource messages;

    ProgrammeConsolePageController(PageRequests api, PageText text, MessageSource messages) {
        this.api = api;
        this.text = text;
        this.messages = messages;
    }

    @GetMapping(PROGRAMMES)
    String programmes(@RequestParam(required = false) String setelah, Model model) {
        model.addAttribute("form", ProgrammeForm.EMPTY);
        return listPage(setelah, model);
    }

    @PostMapping(PROGRAMMES)
    String create(@ModelAttribute("form") ProgrammeForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = form.input(unreadable);
        var result = api.submit("createProgramme", "createProgramme", Map.of("input", input), unreadable);
        if (result.saved()) {
            redirect.addFlashAttribute("done", "created");
            return "redirect:" + PageAddresses.added(
                    PROGRAMMES + "/" + result.response().field("createProgramme.programme.id").toEntity(String.class));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("programmes", result.userErrors()));
        return listPage(null, model);
    }

    /**
     * The programme, its participants' outcomes over the period asked for (`dari`,
     * `sampai`; from the start to today by default): a date the page cannot read is left
     * out and said so.
     */
    @GetMapping(PROGRAMME)
    String programme(@PathVariable String id, @RequestParam(required = false) String dari,
            @RequestParam(required = false) String sampai, Model model) {
        var unreadable = new ArrayList<UserError>();
        var period = new HashMap<String, Object>();
        period.put("from", date(dari, "dari", unreadable));
        period.put("to", date(sampai, "sampai", unreadable));
        model.addAttribute("periodUnreadable", unreadable.stream().map(UserError::field).toList());
        return programmePage(id, period, model);
    }

    /** The curator corrects the programme's details. */
    @PostMapping(PROGRAMME)
    String update(@PathVariable String id, @ModelAttribute("form") ProgrammeForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = form.input(unreadable);
        input.put("id", id);
        input.put("expectedVersion", PageRequests.expectedVersion(form.versi()));
        var problems = api.submit("updateProgramme", "updateProgramme", Map.of("input", input), unreadable)
            .userErrors();
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("done", "saved");
            return "redirect:" + PROGRAMMES + "/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("editing", true);
        var page = programmePage(id, model);
        var goalsInTheWay = problems.stream()
            .anyMatch(problem -> problem.code() == UserErrorCode.CONFLICT && "input.startsOn".equals(problem.field()));
        model
            .addAttribute("problems",
                    goalsInTheWay
                            ? api
                                .problems("programmes", problems,
                                        goalsDueBefore((Map<String, Object>) model.getAttribute("programme"),
                                                (String) input.get("startsOn")))
                            : api.problems("programmes", problems));
        return page;
    }

    /**
     * The goals a new first day would leave due before the programme, as the refusal
     * names them: the participant, the goal and its due date.
     */
    private String goalsDueBefore(Map<String, Object> programme, String startsOn) {
        var goals = new ArrayList<String>();
        for (var participant : (List<Map<String, Object>>) programme.get("participants")) {
            for (var goal : (List<Map<String, Object>>) participant.get("followUpGoals")) {
                if (((String) goal.get("dueOn")).compareTo(startsOn) < 0) {
                    goals.add(Objects.toString(participant.get("name"),
                            messages.getMessage("programmes.anonymous", null, LocaleContextHolder.getLocale())) + ": "
                            + goal.get("description") + " (" + text.date((String) goal.get("dueOn")) + ")");
                }
            }
        }
        return String.join("; ", goals);
    }

    @PostMapping(PROGRAMME + "/peserta")
    String enrol(@PathVariable String id, @ModelAttribute("enrol") EnrolForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var consent = PageRequests.ticked(form.consent());
        var unreadable = new ArrayList<UserError>();
        var input = new HashMap<String, Object>();
        input.put("programmeId", id);
        input.put("consent", consent);
        input.put("name", blankToNull(form.name()));
        input.put("accountEmail", blankToNull(form.accountEmail()));
        input.put("brandId", blankToNull(form.brandId()));
        input.put("gender", PageRequests.choice("input.gender", form.gender(), GENDERS, unreadable));
        input.put("ageBand", PageRequests.choice("input.ageBand", form.ageBand(), AGE_BANDS, unreadable));
        var errors = api.submit("enrolParticipant", "enrolParticipant", Map.of("input", input), unreadable)
            .userErrors();
        if (errors.isEmpty()) {
            return doneAt(redirect, id, "enrolled", "peserta");
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("programmes", errors));
        // the form sends to its own heading, #daftar: what stopped it is said there
        model.addAttribute("noticeAt", "daftar");
        return programmePage(id, model);
    }

    /**
     * The page that asks before a participant is removed: their follow-up plan goes with
     * them, and the button sits under their plan, a mis-tap away on a phone.
     */
    @GetMapping(PARTICIPANT + "/hapus")
    String confirmRemoval(@PathVariable String id, @PathVariable String participant, Model model) {
        programmePage(id, model);
        var programme = (Map<String, Object>) model.getAttribute("programme");
        var enrolled = ((List<Map<String, Object>>) programme.get("participants")).stream()
            .filter(p -> participant.equals(p.get("id")))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("participant", enrolled);
        return "pages/console-participant-confirm";
    }

    @PostMapping(PARTICIPANT + "/hapus")
    String remove(@PathVariable String id, @PathVariable String participant, RedirectAttributes redirect) {
        api.run("removeParticipant", Map.of("input", Map.of("programmeId", id, "participantId", participant)));
        return doneAt(redirect, id, "removed", "peserta");
    }

    /** A new goal in the participant's follow-up plan. */
    @PostMapping(PARTICIPANT + "/rencana")
    String addGoal(@PathVariable String id, @PathVariable String participant, GoalForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = new HashMap<String, Object>();
        input.put("participantId", participant);
        input.put("kind",
                PageRequests.choice("input.kind", form.kind(), FollowUpPlanPageController.GOAL_KINDS, unreadable));
        input.put("description", Objects.toString(form.description(), ""));
        input.put("dueOn", date(form.dueOn(), "input.dueOn", unreadable));
        var problems = api.submit("setFollowUpGoal", "setFollowUpGoal", Map.of("input", input), unreadable)
            .userErrors();
        if (problems.isEmpty()) {
            return doneAt(redirect, id, "goalAdded", "p-" + participant);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems",
                FollowUpPlanPageController.suffixed(api.problems("followUp", problems), participant));
        model.addAttribute("goalFor", participant);
        model.addAttribute("typedGoal", form);
        return programmePage(id, model);
    }

    /** The curator moves a goal along, as the producer does on their dashboard. */
    @PostMapping(PROGRAMME + "/rencana/{goal:[A-Za-z0-9_-]{1,100}}")
    String goalStatus(@PathVariable String id, @PathVariable String goal, @RequestParam(required = false) String status,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = FollowUpPlanPageController.updateStatus(api, goal, status, note);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("done", "goalSaved");
            return "redirect:" + PROGRAMMES + "/" + id + "#g-" + goal;
        }
        FollowUpPlanPageController.refused(api, errors, new FollowUpPlanPageController.TypedStatus(goal, status, note),
                model, response);
        return programmePage(id, model);
    }

    /**
     * Back to the programme's page at {@code anchor}, with what was done said there,
     * where the page opens: on a phone, a notice at the top of the page is thousands of
     * pixels up.
     */
    private static String doneAt(RedirectAttributes redirect, String id, String done, String anchor) {
        redirect.addFlashAttribute("done", done);
        redirect.addFlashAttribute("noticeAt", anchor);
        return "redirect:" + PROGRAMMES + "/" + id + "#" + anchor;
    }

    private String listPage(String after, Model model) {
        var page = api.run("programmesConsolePage", after == null ? Map.of() : Map.of("after", after));
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        model.addAttribute("programmes", page.field("programmes").toEntity(Map.class));
        model.addAttribute("villages", page.field("villages.edges").toEntityList(Map.class));
        return "pages/console-programmes";
    }

    private String programmePage(String id, Model model) {
        return programmePage(id, new HashMap<>(), model);
    }

    private String programmePage(String id, Map<String, Object> period, Model model) {
        var variables = new HashMap<>(period);
        variables.put("id", id);
        var page = api.run("programmeConsolePage", variables);
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        Map<String, Object> programme = page.field("node").toEntity(Map.class);
        if (programme == null || !"Programme".equals(programme.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("programme", programme);
        model.addAttribute("summary", Summary.of((List<Map<String, Object>>) programme.get("participants")));
        model.addAttribute("comparisonFigures", COMPARISON_FIGURES);
        if (!model.containsAttribute("periodUnreadable")) {
            model.addAttribute("periodUnreadable", List.of());
        }
        model.addAttribute("genders", GENDERS);
        model.addAttribute("ageBands", AGE_BANDS);
        model.addAttribute("brands", page.field("brands.edges").toEntityList(Map.class));
        model.addAttribute("villages", page.field("villages.edges").toEntityList(Map.class));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProgrammeForm.of(programme));
        }
        if (!model.containsAttribute("enrol")) {
            model.addAttribute("enrol", EnrolForm.EMPTY);
        }
        return "pages/console-programme";
    }

    /**
     * A date from a date field (2025-08-18) or as typed (18/8/2025), null when blank (the
     * API says whether it needs one); a problem in {@code unreadable} when neither.
     */
    private static String date(String typed, String field, List<UserError> unreadable) {
        if (blank(typed)) {
            return null;
        }
        return TypedDates.read(typed).orElseGet(() -> {
            unreadable.add(UserError.of(field, UserErrorCode.INVALID, "Not a date"));
            return null;
        });
    }

    private static List<String> lines(String text) {
        return blank(text) ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
