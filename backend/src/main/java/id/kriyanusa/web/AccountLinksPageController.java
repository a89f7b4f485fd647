package id.kriyanusa.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
 * The pages of the links mailed to an account, on the API's mutations: the verification
 * link `/verifikasi-email/{token}`, "forgot password" `/lupa-sandi` (the same answer
 * whether an account has the address or not), the reset link `/atur-ulang-sandi/{token}`
 * with the new password's form, and the dashboard's "send the verification link again".
 */
@Controller
class AccountLinksPageController {

    private static final String TOKEN = "{token:[A-Za-z0-9_-]{1,100}}";

    private final PageRequests api;

    AccountLinksPageController(PageRequests api) {
        this.api = api;
    }

    /** The address just confirmed in this session, for the page that says so. */
    private static final String VERIFIED_EMAIL = AccountLinksPageController.class.getName() + ".verifiedEmail";

    /**
     * Confirms the address, then shows so at an address without the link's token: the
     * token works once, so reloading the page or switching its language must not open the
     * link again and call it used.
     */
    @GetMapping("/verifikasi-email/" + TOKEN)
    String verify(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        var result = api.run("verifyEmail", Map.of("input", Map.of("token", token)));
        if (!PageRequests.userErrors(result, "verifyEmail.userErrors").isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "pages/email-verified";
        }
        request.getSession()
            .setAttribute(VERIFIED_EMAIL, result.field("verifyEmail.account.email").toEntity(String.class));
        return "redirect:/verifikasi-email/selesai";
    }

    /**
     * The confirmation, leading on to the invitation it was confirmed for, if any;
     * without one in this session, the dashboard (which says whether the address is
     * confirmed).
     */
    @GetMapping("/verifikasi-email/selesai")
    String verified(Model model, HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(VERIFIED_EMAIL) instanceof String email)) {
            return "redirect:/dasbor";
        }
        model.addAttribute("verifiedEmail", email);
        model.addAttribute("invitationToken", InvitationUnderWay.of(session));
        return "pages/email-verified";
    }

    @PostMapping("/dasbor/verifikasi-email")
    String resend(RedirectAttributes redirect) {
        var result = api.run("resendEmailVerification", Map.of());
        var errors = PageRequests.userErrors(result, "resendEmailVerification.userErrors");
        redirect.addFlashAttribute(errors.isEmpty() ? "verificationSent" : "verificationProblems",
                errors.isEmpty() ? true : api.problems("account", errors));
        return "redirect:/dasbor";
    }

    @GetMapping("/lupa-sandi")
    String forgot() {
        return "pages/forgot-password";
    }

    @PostMapping("/lupa-sandi")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var result = api.run("requestPasswordReset", Map.of("input", Map.of("email", email)));
        var errors = PageRequests.userErrors(result, "requestPasswordReset.userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("email", email);
            model.addAttribute("problems", api.problems("forgot", errors));
            return "pages/forgot-password";
        }
        redirect.addFlashAttribute("sentTo", email.strip());
        return "redirect:/lupa-sandi";
    }

    /**
     * The new password's form, or at once, before any password is typed, that the link no
     * longer works (used, used up by another reset link, expired), with a way to ask for
     * a new one.
     */
    @GetMapping("/atur-ulang-sandi/" + TOKEN)
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        var link = api.run("passwordResetLinkPage", Map.of("token", token));
        if (!link.field("passwordResetLinkWorks").toEntity(Boolean.class)) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("linkUnusable", true);
        }
        model.addAttribute("token", token);
        return "pages/reset-password";
    }

    @PostMapping("/atur-ulang-sandi/" + TOKEN)
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var result = api.run("resetPassword", Map.of("input", Map.of("token", token, "newPassword", password)));
        var errors = PageRequests.userErrors(result, "resetPassword.userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("token", token);
            model.addAttribute("problems", api.problems("reset", errors));
            model.addAttribute("linkUnusable", errors.stream().anyMatch(e -> "input.token".equals(e.field())));
            return "pages/reset-password";
        }
        redirect.addFlashAttribute("passwordReset", true);
        return "redirect:/masuk";
    }

}
