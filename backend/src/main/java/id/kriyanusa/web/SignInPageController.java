package id.kriyanusa.web;

import java.util.Map;

import id.kriyanusa.identity.SignInRefused;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.KeptForm;
import id.kriyanusa.platform.security.WantedPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * The sign-in form of the server-rendered site, `/masuk`. Spring Security's form login
 * checks the password (with the API login's throttle) and starts the session; signing out
 * is its `POST /keluar`. A form kept when a session ended under it is offered again after
 * signing in.
 */
@Controller
class SignInPageController {

    /** What the visitor typed; the password is never shown back. */
    record SignInForm(String email) {
    }

    private final PageRequests api;

    private final MessageSource messages;

    private final PageText text;

    SignInPageController(PageRequests api, MessageSource messages, PageText text) {
        this.api = api;
        this.messages = messages;
        this.text = text;
    }

    /**
     * What signing in is for, when a page is waiting for it (a message key), or null: a
     * visitor sent here by "Masuk untuk menyimpan" is told it is to save the product or
     * brand; one who opened a page for signed-in people (a bookmarked saved list, the
     * dashboard) that the page needs it and that they go back there. A session that ended
     * says so itself.
     */
    @ModelAttribute("signInFor")
    String signInFor(HttpServletRequest request) {
        if (request.getParameter("sesi") != null) {
            return null;
        }
        return WantedPage.of(request)
            .map(page -> page.path().equals(FavouritePageController.SIGN_IN_TO_SAVE)
                    ? FavouritePageController.signInFor(page.parameter("back")) : "signIn.forWantedPage")
            .orElse(null);
    }

    @GetMapping("/masuk")
    String form(@ModelAttribute("form") SignInForm form) {
        return "pages/sign-in";
    }

    /**
     * After signing in again: the form that arrived when the session had ended, with what
     * was typed under the fields' labels, to be sent once more (its page then checks it
     * as always).
     */
    @GetMapping("/masuk/lanjutkan")
    String keptForm(HttpSession session, Model model) {
        var kept = KeptForm.take(session, Caller.current().accountId());
        if (kept == null) {
            return "redirect:/dasbor";
        }
        model.addAttribute("kept", kept);
        model.addAttribute("summary",
                KeptFormSummary.of(kept, messages, LocaleContextHolder.getLocale(), this::categoryName));
        return "pages/kept-form";
    }

    /** A category's name in the reader's language, by its slug; the slug when unknown. */
    private String categoryName(String slug) {
        Map<String, Object> name = api.run("keptFormCategory", Map.of("slug", slug))
            .field("category.name")
            .toEntity(Map.class);
        return name == null ? slug : text.pick(name);
    }

    /**
     * Mails a sign-in link to the account, for its owner when failed sign-ins from the
     * same network hold signing in back; the answer is the same whether or not an account
     * has the address.
     */
    @PostMapping("/masuk/tautan")
    String mailSignInLink(@ModelAttribute("form") SignInForm form, Model model, HttpServletResponse response) {
        var email = form.email() == null ? "" : form.email();
        var result = api.run("requestSignInLink", Map.of("input", Map.of("email", email)));
        var errors = PageRequests.userErrors(result, "requestSignInLink.userErrors");
        if (errors.isEmpty()) {
            model.addAttribute("linkSent", true);
        }
        else if (errors.stream().anyMatch(error -> error.code() == UserErrorCode.REQUIRED)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", "LINK_EMAIL_REQUIRED");
        }
        else {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("problem", "LINK_RATE_LIMITED");
        }
        return "pages/sign-in";
    }

    /** Form login forwards a refused sign-in here, to show the form again with why. */
    @PostMapping("/masuk")
    String refused(@ModelAttribute("form") SignInForm form,
            @RequestAttribute(name = WebAttributes.AUTHENTICATION_EXCEPTION, required = false) Exception refusal,
            Model model) {
        if (refusal instanceof SignInRefused why) {
            model.addAttribute("problem", why.code());
            model.addAttribute("minutesToWait", why.minutesToWait());
        }
        else {
            model.addAttribute("problem", "INVALID_CREDENTIALS");
        }
        return "pages/sign-in";
    }

}
