package id.kriyanusa.web;

import id.kriyanusa.identity.Accounts;
import id.kriyanusa.platform.security.PageSessions;
import id.kriyanusa.platform.security.Role;
import id.kriyanusa.platform.security.SignedInAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Signing in on the server-rendered site, `/masuk`: the API's password check and
 * throttle, then a session (see {@link PageSessions}). Signing out is Spring Security's
 * `POST /keluar`.
 */
@Controller
class SignInPageController {

    /** What the visitor typed; the password is never shown back. */
    record SignInForm(String email, String password) {
    }

    private final Accounts accounts;

    private final PageSessions sessions;

    SignInPageController(Accounts accounts, PageSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/masuk")
    String form(@ModelAttribute("form") SignInForm form) {
        return "pages/sign-in";
    }

    @PostMapping("/masuk")
    String signIn(@ModelAttribute("form") SignInForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        var check = accounts.checkPassword(new Accounts.LoginInput(form.email(), form.password()),
                request.getRemoteAddr());
        if (check.account() == null) {
            model.addAttribute("problem", check.error().code());
            if (check.retryAfter() != null) {
                model.addAttribute("minutesToWait", check.minutesToWait());
            }
            return "pages/sign-in";
        }
        var account = check.account();
        sessions.start(new SignedInAccount(account.id(), account.displayName()), account.roles(), request, response);
        var producer = account.roles().contains(Role.PRODUCER) || account.roles().contains(Role.ADMIN);
        return "redirect:" + sessions.wantedPage(request, response).orElse(producer ? "/dasbor" : "/");
    }

}
