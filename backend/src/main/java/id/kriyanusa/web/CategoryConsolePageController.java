package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import id.kriyanusa.platform.graphql.UserError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.graphql.client.ClientGraphQlResponse;
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
 * The console's category taxonomy, `/kelola/kategori`, for curators: the tree with
 * retired categories greyed, a form to add a category (top-level or under one), and a
 * page per category to rename it in both languages, move it under another top-level
 * category, reorder it, and retire or restore it. The API's category mutations decide;
 * the pages turn forms into their inputs. Categories are addressed by slug, which never
 * changes.
 */
@Controller
class CategoryConsolePageController {

    private static final String CATEGORIES = "/kelola/kategori";

    private static final String CATEGORY = CATEGORIES + "/{slug:[a-z0-9-]{1,80}}";

    /** The category form as typed; an empty parent means a top-level category. */
    record CategoryForm(String slug, String indonesian, String english, String parentSlug, String position) {

        static CategoryForm of(Map<String, Object> category, String parentSlug) {
            var name = (Map<String, Object>) category.get("name");
            return new CategoryForm((String) category.get("slug"), (String) name.get("indonesian"),
                    (String) name.get("english"), parentSlug, String.valueOf(category.get("position")));
        }

    }

    private final PageRequests api;

    CategoryConsolePageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping(CATEGORIES)
    String categories(Model model) {
        model.addAttribute("form", new CategoryForm(null, null, null, null, null));
        return listPage(tree(), model);
    }

    @PostMapping(CATEGORIES)
    String create(@ModelAttribute("form") CategoryForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = details(form, unreadable);
        var slug = blank(form.slug()) ? PageAddresses.slugOf(form.indonesian()) : form.slug().strip();
        input.put("slug", slug);
        var result = api.submit("createCategory", "createCategory", Map.of("input", input), unreadable);
        if (result.saved()) {
            redirect.addFlashAttribute("done", "created");
            return "redirect:" + PageAddresses.added(CATEGORIES + "/" + slug);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("categories",
                PageAddresses.withoutAddressOfNoName(form.slug(), form.indonesian(), result.userErrors())));
        return listPage(tree(), model);
    }

    @GetMapping(CATEGORY)
    String category(@PathVariable String slug, Model model) {
        return categoryPage(slug, model);
    }

    /**
     * Rename, move and reorder. The form comes filled with the category's position among
     * its old siblings: moved with that number left as it was, it is left out, so the
     * category comes after its new siblings, not at a place among them nobody chose.
     */
    @PostMapping(CATEGORY)
    String update(@PathVariable String slug, @ModelAttribute("form") CategoryForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var found = find(tree(), slug);
        var unreadable = new ArrayList<UserError>();
        var input = details(form, unreadable);
        var moved = !Objects.equals(blank(form.parentSlug()) ? null : form.parentSlug(), found.parentSlug());
        if (moved && !blank(form.position())
                && form.position().strip().equals(String.valueOf(found.category().get("position")))) {
            input.remove("position");
        }
        input.put("id", found.category().get("id"));
        var problems = api.submit("updateCategory", "updateCategory", Map.of("input", input), unreadable).userErrors();
        return afterChange(slug, problems, "categories", "saved", model, response, redirect);
    }

    @PostMapping(CATEGORY + "/pensiun")
    String retire(@PathVariable String slug, @RequestParam(required = false) String note, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return lifecycle("retireCategory", "retire", slug, note, "retired", model, response, redirect);
    }

    @PostMapping(CATEGORY + "/pulihkan")
    String restore(@PathVariable String slug, @RequestParam(required = false) String note, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return lifecycle("restoreCategory", "restore", slug, note, "restored", model, response, redirect);
    }

    /**
     * Retires or restores the category; what the API says about the category itself (it
     * is retired already, or not retired) concerns the step as a whole, so it is said in
     * the step's words (`categories.retire.error.*`) and linked to no field.
     */
    private String lifecycle(String mutation, String step, String slug, String note, String done, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var input = new HashMap<String, Object>();
        input.put("id", find(tree(), slug).category().get("id"));
        input.put("note", blank(note) ? null : note.strip());
        var problems = PageRequests.userErrors(api.run(mutation, Map.of("input", input)), mutation + ".userErrors")
            .stream()
            .map(error -> "input.id".equals(error.field()) ? new UserError(null, error.message(), error.code()) : error)
            .toList();
        model.addAttribute("typedNote", note);
        return afterChange(slug, problems, "categories." + step, done, model, response, redirect);
    }

    private String afterChange(String slug, List<UserError> problems, String area, String done, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("done", done);
            return "redirect:" + CATEGORIES + "/" + slug;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems(area, problems));
        return categoryPage(slug, model);
    }

    private String listPage(List<Map<String, Object>> tree, Model model) {
        model.addAttribute("categories", tree);
        model.addAttribute("parents", tree);
        return "pages/console-categories";
    }

    /**
     * A category's page with the record of its changes; it may move under any other
     * top-level category (the API refuses the moves that would make a third level). A
     * refused form keeps what was typed.
     */
    private String categoryPage(String slug, Model model) {
        var page = api.run("categoryConsolePage", Map.of("slug", slug));
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        var tree = tree(page);
        var found = find(tree, slug);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CategoryForm.of(found.category(), found.parentSlug()));
        }
        model.addAttribute("category", found.category());
        model.addAttribute("history", page.field("category.history").toEntityList(Map.class));
        model.addAttribute("parents", tree.stream().filter(top -> top != found.category()).toList());
        return "pages/console-category";
    }

    /** The whole taxonomy, retired categories too; 403 for anyone but staff. */
    private List<Map<String, Object>> tree() {
        var page = api.run("categoriesConsolePage", Map.of());
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        return tree(page);
    }

    private static List<Map<String, Object>> tree(ClientGraphQlResponse page) {
        return page.field("categories").toEntityList(Map.class).stream().map(top -> (Map<String, Object>) top).toList();
    }

    private record Found(Map<String, Object> category, String parentSlug) {
    }

    private static Found find(List<Map<String, Object>> tree, String slug) {
        return tree.stream()
            .flatMap(top -> Stream.concat(Stream.of(new Found(top, null)),
                    ((List<Map<String, Object>>) top.get("children")).stream()
                        .map(child -> new Found(child, (String) top.get("slug")))))
            .filter(found -> slug.equals(found.category().get("slug")))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Name, parent and position, as both forms have them; a position left empty is left
     * out (an edit keeps it), an unreadable one is sent empty, with a user error in
     * {@code unreadable}: the service judges the rest, and what it says about the empty
     * position gives way to that error.
     */
    private static Map<String, Object> details(CategoryForm form, List<UserError> unreadable) {
        var input = new HashMap<String, Object>();
        var name = new HashMap<String, Object>();
        name.put("indonesian", blank(form.indonesian()) ? null : form.indonesian().strip());
        name.put("english", blank(form.english()) ? null : form.english().strip());
        input.put("name", name);
        input.put("parentSlug", blank(form.parentSlug()) ? null : form.parentSlug());
        if (!blank(form.position())) {
            input.put("position",
                    TypedNumbers.read("input.position", form.position(), TypedNumbers::count, unreadable));
        }
        return input;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
