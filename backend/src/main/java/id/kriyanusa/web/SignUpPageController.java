package id.kriyanusa.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.security.PageSignIn;
import id.kriyanusa.platform.security.Role;
import id.kriyanusa.platform.security.SignedInAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-up form, `/daftar`, on the API's `register`: a new buyer or producer is signed
 * in to the pages' session right away and lands where signing in would have taken them
 * (back to an invitation link, else the dashboard or home). Reached from an invitation
 * link, it names the brand that invites and holds the invited address.
 */
@Controller
class SignUpPageController {

    /** What the visitor typed; the password is never shown back. */
    record SignUpForm(String displayName, String email, String password, String role) {

        /** The sign-up role the API knows, BUYER unless PRODUCER was chosen. */
        String signUpRole() {
            return Role.PRODUCER.name().equals(role) ? Role.PRODUCER.name() : Role.BUYER.name();
        }

    }

    /** An invitation link's token, as its page's address takes it. */
    private static final Pattern INVITATION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final PageRequests api;

    private final PageSignIn signIn;

    SignUpPageController(PageRequests api, PageSignIn signIn) {
        this.api = api;
        this.signIn = signIn;
    }

    /**
     * The form; from an invitation link (`?undangan={token}`) it names the brand that
     * invites, holds the invited address and has selling chosen, as joining a brand is.
     */
    @GetMapping("/daftar")
    String form(@ModelAttribute("form") SignUpForm form, @RequestParam(required = false) String undangan, Model model) {
        var invitation = invitation(undangan, model);
        if (invitation != null && (form.email() == null || form.email().isBlank())) {
            model.addAttribute("form", new SignUpForm(form.displayName(), (String) invitation.get("email"), null,
                    form.role() == null ? Role.PRODUCER.name() : form.role()));
        }
        return "pages/sign-up";
    }

    /**
     * Signs up and signs in; from an invitation, on to the invitation's page, which says
     * what is left to do before accepting.
     */
    @PostMapping("/daftar")
    String signUp(SignUpForm form, @RequestParam(required = false) String undangan, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        var input = new HashMap<String, Object>();
        input.put("displayName", Objects.toString(form.displayName(), ""));
        input.put("email", Objects.toString(form.email(), ""));
        input.put("password", Objects.toString(form.password(), ""));
        input.put("role", form.signUpRole());
        var result = api.run("register", Map.of("input", input));
        var errors = PageRequests.userErrors(result, "register.userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", new SignUpForm(form.displayName(), form.email(), null, form.role()));
            model.addAttribute("problems", api.problems("signUp", errors));
            invitation(undangan, model);
            return "pages/sign-up";
        }
        Map<String, Object> account = result.field("register.session.account").toEntity(Map.class);
        var roles = ((List<String>) account.get("roles")).stream().map(Role::valueOf).toList();
        var signedIn = SignedInAccount.signingInNow(GlobalId.key((String) account.get("id"), "Account"),
                (String) account.get("displayName"));
        var invited = invitation(undangan) != null;
        var landing = signIn.signIn(signedIn, roles, request, response);
        return "redirect:" + (invited ? "/undangan/" + undangan : landing);
    }

    /**
     * The pending invitation of this link's token, in the model with its token; null for
     * none.
     */
    private Map<String, Object> invitation(String token, Model model) {
        var invitation = invitation(token);
        if (invitation != null) {
            model.addAttribute("invitation", invitation);
            model.addAttribute("invitationToken", token);
        }
        return invitation;
    }

    /**
     * The pending invitation of this link's token; null for none (no token, or a link no
     * longer valid: the form is then an ordinary one).
     */
    private Map<String, Object> invitation(String token) {
        if (token == null || !INVITATION_TOKEN.matcher(token).matches()) {
            return null;
        }
        return api.run("invitationPage", Map.of("token", token)).field("brandInvitation").toEntity(Map.class);
    }

}
