package id.kriyanusa.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import id.kriyanusa.media.ImageTarget;
import id.kriyanusa.media.ImageUploadForm;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's villages, `/kelola/desa`, for curators: add a village, correct its
 * profile (name, district, location, classification, signature crafts, description and
 * story in both languages), designate it a model village (desa industri percontohan) with
 * the year of its programme, and give it the hero photo its public page opens with. The
 * API's village mutations decide; the page turns forms into their inputs.
 */
@Controller
class VillageConsolePageController {

    private static final String VILLAGES = "/kelola/desa";

    private static final String VILLAGE = VILLAGES + "/{id:[A-Za-z0-9_-]{1,100}}";

    /**
     * "-8.6874, 116.4052" as copied from a map, or with decimal commas "-8,6874
     * 116,4052".
     */
    private static final Pattern LOCATION = Pattern
        .compile("\\s*(-?\\d{1,3}(?:[.,]\\d+)?)\\s*[;,]?\\s+(-?\\d{1,3}(?:[.,]\\d+)?)\\s*");

    /** The API's fields by the inputs that hold them, so a problem shows by its input. */
    private static final Map<String, String> INPUTS = Map.of("input.description.indonesian", "descriptionId",
            "input.description.english", "descriptionEn", "input.story.indonesian", "storyId", "input.story.english",
            "storyEn");

    /** The classifications the form offers. */
    private static final List<String> CLASSIFICATIONS = List.of("RINTISAN", "BERKEMBANG", "MAJU", "MANDIRI");

    /** The village form as typed; location and crafts are kept as written. */
    record VillageForm(String name, String slug, String regency, String district, String location,
            String classification, String specialities, String descriptionId, String descriptionEn, String storyId,
            String storyEn, String versi) {

        static VillageForm of(Map<String, Object> village) {
            var location = (Map<String, Object>) village.get("location");
            var description = (Map<String, Object>) village.get("description");
            var story = (Map<String, Object>) village.get("story");
            return new VillageForm((String) village.get("name"), (String) village.get("slug"),
                    (String) village.get("regency"), (String) village.get("district"),
                    location == null ? "" : location.get("lat") + ", " + location.get("lon"),
                    (String) village.get("classification"),
                    String.join(", ", (List<String>) village.get("specialities")), language(description, "indonesian"),
                    language(description, "english"), language(story, "indonesian"), language(story, "english"),
                    String.valueOf(village.get("version")));
        }

        private static String language(Map<String, Object> text, String language) {
            return text == null ? null : (String) text.get(language);
        }

    }

    private final PageRequests api;

    private final ImageUploadForm uploads;

    VillageConsolePageController(PageRequests api, ImageUploadForm uploads) {
        this.api = api;
        this.uploads = uploads;
    }

    /**
     * The regencies the village form offers, named in the reader's language and sent in
     * Indonesian; a village's other name stays readable.
     */
    @ModelAttribute("regencies")
    List<?> regencies() {
        return api.run("villageRegencies", Map.of()).field("regencyNames").toEntityList(Map.class);
    }

    @GetMapping(VILLAGES)
    String villages(@RequestParam(required = false) String setelah, Model model) {
        var page = api.run("villagesConsolePage", setelah == null ? Map.of() : Map.of("after", setelah));
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        model.addAttribute("villages", page.field("villages").toEntity(Map.class));
        model.addAttribute("form",
                new VillageForm(null, null, null, null, null, "RINTISAN", null, null, null, null, null, null));
        return "pages/console-villages";
    }

    @PostMapping(VILLAGES)
    String create(@ModelAttribute("form") VillageForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = profile(form, unreadable);
        location(form, input, unreadable);
        input.put("slug", blank(form.slug()) ? PageAddresses.slugOf(form.name()) : form.slug().strip());
        var result = api.submit("createVillage", "createVillage", Map.of("input", input), unreadable);
        if (result.saved()) {
            redirect.addFlashAttribute("done", "created");
            return "redirect:" + PageAddresses
                .added(VILLAGES + "/" + result.response().field("createVillage.village.id").toEntity(String.class));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems",
                problems(PageAddresses.withoutAddressOfNoName(form.slug(), form.name(), result.userErrors())));
        var page = api.run("villagesConsolePage", Map.of());
        model.addAttribute("villages", page.field("villages").toEntity(Map.class));
        return "pages/console-villages";
    }

    @GetMapping(VILLAGE)
    String village(@PathVariable String id, Model model) {
        var village = editable(id);
        model.addAttribute("form", VillageForm.of(village));
        return editorPage(village, model);
    }

    @PostMapping(VILLAGE)
    String update(@PathVariable String id, @ModelAttribute("form") VillageForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = profile(form, unreadable);
        location(form, input, unreadable);
        input.put("id", id);
        input.put("expectedVersion", PageRequests.expectedVersion(form.versi()));
        if (!blank(form.slug())) {
            input.put("slug", form.slug().strip());
        }
        var problems = api.submit("updateVillage", "updateVillage", Map.of("input", input), unreadable).userErrors();
        return afterChange(id, problems, "saved", model, response, redirect);
    }

    /** Designate (or no longer designate) the village a model village. */
    @PostMapping(VILLAGE + "/percontohan")
    String designate(@PathVariable String id, @RequestParam(required = false) String tahun,
            @RequestParam(required = false) String percontohan, @RequestParam(required = false) String versi,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var designated = PageRequests.ticked(percontohan);
        var input = new HashMap<String, Object>();
        input.put("id", id);
        input.put("expectedVersion", PageRequests.expectedVersion(versi));
        input.put("designated", designated);
        var unreadable = new ArrayList<UserError>();
        input.put("programmeYear", TypedNumbers.read("input.programmeYear", tahun, TypedNumbers::count, unreadable));
        var problems = api.submit("designateModelVillage", "designateModelVillage", Map.of("input", input), unreadable)
            .userErrors();
        model.addAttribute("typedYear", tahun);
        model.addAttribute("typedDesignated", designated);
        return afterChange(id, problems, designated ? "designated" : "undesignated", model, response, redirect);
    }

    @PostMapping(VILLAGE + "/foto")
    String hero(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String altId, @RequestParam(required = false) String altEn, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        var payload = uploads.submit(ImageTarget.VILLAGE_HERO, id, file, altId, altEn);
        return afterChange(id, payload.userErrors(), "photo", model, response, redirect);
    }

    private String afterChange(String id, List<UserError> problems, String done, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("done", done);
            return "redirect:" + VILLAGES + "/" + id;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", problems(problems));
        var village = editable(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", VillageForm.of(village));
        }
        return editorPage(village, model);
    }

    private FormProblems problems(List<UserError> errors) {
        return api.problems("villages",
                errors.stream()
                    .map(error -> new UserError(
                            error.field() == null ? null : INPUTS.getOrDefault(error.field(), error.field()),
                            error.message(), error.code()))
                    .toList(),
                uploads.maxUploadMegabytes());
    }

    private String editorPage(Map<String, Object> village, Model model) {
        model.addAttribute("village", village);
        model.addAttribute("maxMegabytes", uploads.maxUploadMegabytes());
        return "pages/console-village";
    }

    private Map<String, Object> editable(String id) {
        var page = api.run("villageEditorPage", Map.of("id", id));
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        Map<String, Object> village = page.field("node").toEntity(Map.class);
        if (village == null || !"Village".equals(village.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return village;
    }

    /**
     * The profile fields both mutations take; empty fields are left out, a classification
     * never offered is unreadable.
     */
    private static Map<String, Object> profile(VillageForm form, List<UserError> unreadable) {
        var input = new HashMap<String, Object>();
        input.put("name", Objects.toString(form.name(), "").strip());
        input.put("regency", Objects.toString(form.regency(), "").strip());
        input.put("district", Objects.toString(form.district(), "").strip());
        input.put("classification",
                PageRequests.choice("input.classification", form.classification(), CLASSIFICATIONS, unreadable));
        input.put("specialities", blank(form.specialities()) ? List.of()
                : Arrays.stream(form.specialities().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        input.put("description", text(form.descriptionId(), form.descriptionEn()));
        input.put("story", text(form.storyId(), form.storyEn()));
        return input;
    }

    /**
     * The location as typed, into {@code input}; left out when empty (an edit keeps the
     * village's), and when unreadable, with a user error in {@code unreadable}.
     */
    private static void location(VillageForm form, Map<String, Object> input, List<UserError> unreadable) {
        if (blank(form.location())) {
            return;
        }
        var matched = LOCATION.matcher(form.location());
        if (!matched.matches()) {
            unreadable.add(UserError.of("input.location", UserErrorCode.INVALID, "Not a location"));
            return;
        }
        input.put("location", Map.of("lat", Double.parseDouble(matched.group(1).replace(',', '.')), "lon",
                Double.parseDouble(matched.group(2).replace(',', '.'))));
    }

    private static Map<String, Object> text(String indonesian, String english) {
        if (blank(indonesian) && blank(english)) {
            return null;
        }
        var text = new HashMap<String, Object>();
        text.put("indonesian", blank(indonesian) ? null : indonesian.strip());
        text.put("english", blank(english) ? null : english.strip());
        return text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
