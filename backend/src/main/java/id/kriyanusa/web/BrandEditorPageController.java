package id.kriyanusa.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.kriyanusa.media.ImageTarget;
import id.kriyanusa.media.ImageUploadForm;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
 * The brand page editor, in three short pages for a phone on a slow network:
 * `/dasbor/merek/{id}` for the texts, colours, contacts and certifications (with the
 * contrast of the main colour as saved), `/perajin` for the artisans named on the page
 * and `/gambar` for the logo and the cover (uploaded or removed). Everything goes through
 * the API, which decides who may change the brand; a refusal shows the page again with
 * what was typed.
 */
@Controller
class BrandEditorPageController {

    private static final String PAGE = "/dasbor/merek/{id:[A-Za-z0-9_-]{1,100}}";

    /** The fields of a brand's identity, which the department checks and verifies. */
    private static final List<String> IDENTITY = List.of("input.name", "input.legalForm", "input.villageSlug");

    /** The id of the page's part about the identity, which says who may change it now. */
    private static final String IDENTITY_SECTION = "identitas";

    /** The value of the button that asks for one more row instead of saving. */
    private static final String ANOTHER_ROW = "tambah";

    private final PageRequests api;

    private final ImageUploadForm uploads;

    private final PhotoSizes photoSizes;

    private final MessageSource messages;

    BrandEditorPageController(PageRequests api, ImageUploadForm uploads, PhotoSizes photoSizes,
            MessageSource messages) {
        this.api = api;
        this.uploads = uploads;
        this.photoSizes = photoSizes;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String profile(@PathVariable String id, Model model) {
        var brand = editable(id);
        return profilePage(brand, BrandEditorForms.ProfileForm.of(brand), FormProblems.NONE, model);
    }

    /**
     * Saves the page; or, for the "add a row" button, shows it again as typed with one
     * more certification row, saving nothing: more rows without JavaScript.
     */
    @PostMapping(PAGE)
    String saveProfile(@PathVariable String id, @ModelAttribute("form") BrandEditorForms.ProfileForm form,
            @RequestParam(required = false) String baris, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var brand = editable(id);
        if (ANOTHER_ROW.equals(baris)) {
            var more = form.withAnotherRow();
            newRow(form.certifications(), more.certifications(), model);
            return profilePage(brand, more, FormProblems.NONE, model);
        }
        var request = form.input(id, certificationKinds());
        var errors = api
            .submit("updateBrandPage", "updateBrand", Map.of("input", request.input()), request.errors(),
                    BrandEditorForms.ProfileForm.JUDGED_AGAINST)
            .userErrors();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            // a name kept while the department checks it is said so, not as verified
            var area = "SUBMITTED".equals(brand.get("verificationStatus")) ? "brandEditor.submitted" : "brandEditor";
            return profilePage(brand, form, problems(area, request, errors), model);
        }
        redirect.addFlashAttribute("done", "profile");
        return "redirect:/dasbor/merek/" + id;
    }

    @GetMapping(PAGE + "/perajin")
    String artisans(@PathVariable String id, Model model) {
        var brand = editable(id);
        return artisansPage(brand, BrandEditorForms.ArtisansForm.of(brand), FormProblems.NONE, model);
    }

    /** As {@link #saveProfile}, for the artisans' rows. */
    @PostMapping(PAGE + "/perajin")
    String saveArtisans(@PathVariable String id, @ModelAttribute("form") BrandEditorForms.ArtisansForm form,
            @RequestParam(required = false) String baris, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var brand = editable(id);
        if (ANOTHER_ROW.equals(baris)) {
            var more = form.withAnotherRow();
            newRow(form.artisans(), more.artisans(), model);
            return artisansPage(brand, more, FormProblems.NONE, model);
        }
        var request = form.input(id);
        var errors = PageRequests.userErrors(api.run("updateNamedArtisans", Map.of("input", request.input())),
                "updateNamedArtisans.userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return artisansPage(brand, form, problems("brandArtisans", request, errors), model);
        }
        redirect.addFlashAttribute("done", "artisans");
        return "redirect:/dasbor/merek/" + id + "/perajin";
    }

    /**
     * The images' page; with the problems of a refused upload, when it redirected here.
     */
    @GetMapping(PAGE + "/gambar")
    String images(@PathVariable String id, Model model) {
        var refused = (FormProblems) model.getAttribute("problems");
        return imagesPage(editable(id), refused == null ? FormProblems.NONE : refused, model);
    }

    /**
     * A new logo or cover, straight from the camera or gallery. A refusal redirects to
     * the images' page with its problems too: the upload's address answers no GET, and a
     * reload or a switch of language there would fail.
     */
    @PostMapping(PAGE + "/gambar/{which:logo|sampul}")
    String upload(@PathVariable String id, @PathVariable String which,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        editable(id);
        var target = which.equals("logo") ? ImageTarget.BRAND_LOGO : ImageTarget.BRAND_COVER;
        var payload = uploads.submit(target, id, file, null, null);
        if (!payload.userErrors().isEmpty()) {
            // the page has a file input per image: the problems point at this one
            var problems = api.problems("brandImages", payload.userErrors(), uploads.maxUploadMegabytes());
            redirect.addFlashAttribute("problems",
                    new FormProblems(problems.all()
                        .stream()
                        .map(problem -> new FormProblems.Problem("file-" + which, problem.sentence()))
                        .toList()));
        }
        else {
            redirect.addFlashAttribute("done", which);
            redirect.addFlashAttribute("smallPhoto", photoSizes.small(target, payload.image()));
        }
        return "redirect:/dasbor/merek/" + id + "/gambar";
    }

    /**
     * The page that asks before the logo or cover is taken off, as removing a product's
     * photo does: it leaves the brand page at once.
     */
    @GetMapping(PAGE + "/gambar/{which:logo|sampul}/hapus")
    String confirmImageRemoval(@PathVariable String id, @PathVariable String which, Model model) {
        var brand = editable(id);
        var image = brand.get(which.equals("logo") ? "logo" : "cover");
        if (image == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("brand", brand);
        model.addAttribute("which", which);
        model.addAttribute("image", image);
        return "pages/brand-image-confirm";
    }

    /** Takes the logo or cover off the brand's page, once confirmed. */
    @PostMapping(PAGE + "/gambar/{which:logo|sampul}/hapus")
    String removeImage(@PathVariable String id, @PathVariable String which, RedirectAttributes redirect) {
        editable(id);
        var input = Map.of("brandId", id, "image", which.equals("logo") ? "LOGO" : "COVER");
        api.run("removeBrandImage", Map.of("input", input));
        redirect.addFlashAttribute("done", which + "Removed");
        return "redirect:/dasbor/merek/" + id + "/gambar";
    }

    /**
     * The row "Tambah baris" added, when it added one: the page opens at it
     * (`#baris-baru`, the button's action), so that on a phone the producer need not
     * scroll back down to it.
     */
    private static void newRow(List<?> typed, List<?> shown, Model model) {
        var before = typed == null ? 0 : typed.size();
        if (shown.size() > before) {
            model.addAttribute("newRow", shown.size() - 1);
        }
    }

    private String profilePage(Map<String, Object> brand, BrandEditorForms.ProfileForm form, FormProblems problems,
            Model model) {
        model.addAttribute("brand", brand);
        model.addAttribute("form", form.forPage(String.valueOf(brand.get("version"))));
        model.addAttribute("kinds", certificationKinds());
        model.addAttribute("maxRows", BrandEditorForms.MAX_CERTIFICATIONS);
        if (Boolean.TRUE.equals(brand.get("identityOpen"))) {
            model.addAttribute("legalForms", BrandLifecyclePageController.LEGAL_FORMS);
            model.addAttribute("villages",
                    api.run("newBrandPage", Map.of()).field("villages.edges").toEntityList(Map.class));
        }
        model.addAttribute("problems", problems);
        return "pages/brand-editor";
    }

    private String artisansPage(Map<String, Object> brand, BrandEditorForms.ArtisansForm form, FormProblems problems,
            Model model) {
        model.addAttribute("brand", brand);
        model.addAttribute("form", form.forPage(String.valueOf(brand.get("version"))));
        model.addAttribute("maxRows", BrandEditorForms.MAX_ARTISANS);
        model.addAttribute("problems", problems);
        return "pages/brand-artisans";
    }

    private String imagesPage(Map<String, Object> brand, FormProblems problems, Model model) {
        model.addAttribute("brand", brand);
        model.addAttribute("maxMegabytes", uploads.maxUploadMegabytes());
        model.addAttribute("problems", problems);
        return "pages/brand-images";
    }

    /** The kinds the API knows, as the certification rows' choices. */
    private List<String> certificationKinds() {
        return api.run("certificationKinds", Map.of())
            .field("__type.enumValues")
            .toEntityList(Map.class)
            .stream()
            .map(kind -> (String) kind.get("name"))
            .toList();
    }

    /**
     * The brand when the caller may change it, as the API says: 404 when they may not see
     * it, 403 when it is another brand's (admins, who operate the portal, may).
     */
    private Map<String, Object> editable(String id) {
        var page = api.run("brandEditorPage", Map.of("id", id));
        Map<String, Object> brand = page.field("node").toEntity(Map.class);
        if (brand == null || !"Brand".equals(brand.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<String> roles = page.field("me.roles").toEntityList(String.class);
        if (!Boolean.TRUE.equals(brand.get("viewerIsMember")) && !roles.contains("ADMIN")) {
            throw new AccessDeniedException("Only the brand's members may change its page");
        }
        // the name, legal form and village, as the service lets the caller change them
        brand.put("identityOpen", "DRAFT".equals(brand.get("verificationStatus")) || roles.contains("ADMIN"));
        return brand;
    }

    /**
     * The API's user errors as sentences of the page's area, each pointing at the input
     * (and row) it concerns; the name, legal form and village the department has, each
     * refused by the API, in one sentence naming them.
     */
    private FormProblems problems(String area, BrandEditorForms.Request request, List<UserError> errors) {
        var kept = errors.stream().filter(BrandEditorPageController::identityKept).toList();
        var problems = new ArrayList<FormProblems.Problem>();
        for (var error : errors) {
            if (!identityKept(error)) {
                // the sentence of the field, whichever row or link it concerns
                var field = error.field() == null ? null : error.field().replaceAll("\\[\\d+]$", "");
                api.problems(area, List.of(UserError.of(field, error.code(), error.message())))
                    .all()
                    .forEach(problem -> problems
                        .add(new FormProblems.Problem(request.inputId(error.field()), problem.sentence())));
            }
            else if (error == kept.getFirst()) {
                problems.addAll(keptIdentity(area, kept));
            }
        }
        return new FormProblems(problems.stream().distinct().toList());
    }

    /**
     * Whether the API refused a change of the name, legal form or village because the
     * department checks or verified them.
     */
    private static boolean identityKept(UserError error) {
        return error.code() == UserErrorCode.INVALID_STATE && IDENTITY.contains(error.field());
    }

    /**
     * One sentence for the kept fields, naming them ("nama dan desa"), linked to where
     * the page says who may change them now.
     */
    private List<FormProblems.Problem> keptIdentity(String area, List<UserError> kept) {
        var locale = LocaleContextHolder.getLocale();
        var words = kept.stream()
            .map(error -> messages.getMessage("brandEditor.kept." + error.field().substring("input.".length()), null,
                    locale))
            .toList();
        var named = (words.size() == 1) ? words.getFirst() : messages.getMessage("brandEditor.kept.and",
                new Object[] { String.join(", ", words.subList(0, words.size() - 1)), words.getLast() }, locale);
        return api.problems(area, List.of(UserError.of("input.identity", UserErrorCode.INVALID_STATE, named)), named)
            .all()
            .stream()
            .map(problem -> new FormProblems.Problem(IDENTITY_SECTION, problem.sentence()))
            .toList();
    }

}
