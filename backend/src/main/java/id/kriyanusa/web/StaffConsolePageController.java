package id.kriyanusa.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's staff page, `/kelola/staf`, for admins: who holds CURATOR or ADMIN, a
 * form to grant a role to an account by its email, a revoke button per role held, each
 * with the reason the history keeps, and that history, newest first. The API's staff
 * mutations decide (admins only, the last admin keeps the role); curators get the 403
 * page.
 */
@Controller
class StaffConsolePageController {

    private static final String STAFF = "/kelola/staf";

    private static final Set<String> STAFF_ROLES = Set.of("CURATOR", "ADMIN");

    /**
     * The request attribute telling the 403 page whom the refused page is for: curators
     * are staff too, so the console's usual words would not say why they are refused.
     */
    private static final String PAGE_FOR = "pageFor";

    /** A role change as typed: whose account (email), which role, why. */
    record RoleChangeForm(String email, String peran, String alasan) {
    }

    private final PageRequests api;

    StaffConsolePageController(PageRequests api) {
        this.api = api;
    }

    /**
     * Runs before each of this page's requests, so that a refusal, whether the page's or
     * the API's, says the page is for admins.
     */
    @ModelAttribute
    void forAdmins(HttpServletRequest request) {
        request.setAttribute(PAGE_FOR, "ADMIN");
    }

    @GetMapping(STAFF)
    String staff(@RequestParam(required = false) String setelah, Model model) {
        model.addAttribute("grant", new RoleChangeForm(null, "CURATOR", null));
        return staffPage(setelah, model);
    }

    @PostMapping(STAFF)
    String grant(@ModelAttribute("grant") RoleChangeForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = change("grantStaffRole", form);
        if (errors.isEmpty()) {
            return done("granted", form, redirect);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("staff", errors));
        return staffPage(null, model);
    }

    /**
     * Revokes one role of one account; a refusal is shown above the list and the reason
     * typed stays in its form.
     */
    @PostMapping(STAFF + "/cabut")
    String revoke(RoleChangeForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var errors = change("revokeStaffRole", form);
        if (errors.isEmpty()) {
            return done("revoked", form, redirect);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        // the reason's field on this page is the refused revoke form's; a problem with
        // the account or role concerns the whole form
        model.addAttribute("problems",
                api.problems("staff",
                        errors.stream()
                            .map(error -> new UserError("input.reason".equals(error.field()) ? "revokeReason" : null,
                                    error.message(), error.code()))
                            .toList()));
        model.addAttribute("refused", form);
        model.addAttribute("grant", new RoleChangeForm(null, "CURATOR", null));
        return staffPage(null, model);
    }

    /**
     * The role change's user errors, none when made. A role the form never offered (an
     * altered form) is said at the role's select and nothing is asked: the API takes only
     * a role it knows, and its other checks are heard once the role reads.
     */
    private List<UserError> change(String mutation, RoleChangeForm form) {
        if (form.peran() == null || !STAFF_ROLES.contains(form.peran())) {
            return List.of(UserError.of("input.role", UserErrorCode.INVALID, "Not one of the choices offered"));
        }
        var input = Map.of("account", form.email() == null ? "" : form.email(), "role", form.peran(), "reason",
                form.alasan() == null ? "" : form.alasan());
        return PageRequests.userErrors(api.run(mutation, Map.of("input", input)), mutation + ".userErrors");
    }

    private static String done(String change, RoleChangeForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", change);
        redirect.addFlashAttribute("who", form.email().strip());
        redirect.addFlashAttribute("role", form.peran());
        return "redirect:" + STAFF;
    }

    private String staffPage(String after, Model model) {
        var page = api.run("staffPage", after == null ? Map.of() : Map.of("after", after));
        PageRequests.requireAnyRole(page, "ADMIN");
        model.addAttribute("members", page.field("staffMembers").toEntityList(Map.class));
        model.addAttribute("history", page.field("staffRoleHistory").toEntity(Map.class));
        return "pages/console-staff";
    }

}
