package id.kriyanusa.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

/**
 * The sign-up form, `/daftar`, on the API's `register`: a new buyer or producer is signed
 * in to the pages' session right away and lands where signing in would have taken them
 * (back to an invitation link, else the dashboard or home).
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

    private final PageRequests api;

    private final PageSignIn signIn;

    SignUpPageController(PageRequests api, PageSignIn signIn) {
        this.api = api;
        this.signIn = signIn;
    }

    @GetMapping("/daftar")
    String form(@ModelAttribute("form") SignUpForm form) {
        return "pages/sign-up";
    }

    @PostMapping("/daftar")
    String signUp(SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
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
            return "pages/sign-up";
        }
        Map<String, Object> account = result.field("register.session.account").toEntity(Map.class);
        var roles = ((List<String>) account.get("roles")).stream().map(Role::valueOf).toList();
        var signedIn = SignedInAccount.signingInNow(GlobalId.key((String) account.get("id"), "Account"),
                (String) account.get("displayName"));
        return "redirect:" + signIn.signIn(signedIn, roles, request, response);
    }

}
