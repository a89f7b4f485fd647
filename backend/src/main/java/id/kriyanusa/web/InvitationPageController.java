package id.kriyanusa.web;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An invitation link, `/undangan/{token}`: says which brand invites and which address the
 * invitation is for, sends a visitor to sign up with that address
 * (`/daftar?undangan={token}`) or to sign in and back (`/undangan/{token}/masuk` asks for
 * an account), says to confirm the address first, and then accepts it with one button.
 * The API decides whether the signed-in account may join.
 */
@Controller
class InvitationPageController {

    private static final String INVITATION = "/undangan/{token:[A-Za-z0-9_-]{1,100}}";

    private final PageRequests api;

    InvitationPageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping(INVITATION)
    String invitation(@PathVariable String token, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        var page = invitationPage(token, model, response);
        if (Boolean.TRUE.equals(model.getAttribute("unconfirmed"))) {
            InvitationUnderWay.remember(request.getSession(), token);
        }
        return page;
    }

    /**
     * Only signed-in visitors get here: the sign-in (or sign-up) comes back to the link.
     */
    @GetMapping(INVITATION + "/masuk")
    String signedIn(@PathVariable String token) {
        return "redirect:/undangan/" + token;
    }

    @PostMapping(INVITATION)
    String accept(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        var result = api.run("acceptBrandInvitation", Map.of("input", Map.of("token", token)));
        var errors = PageRequests.userErrors(result, "acceptBrandInvitation.userErrors");
        if (!errors.isEmpty()) {
            model.addAttribute("problems", api.problems("invitation", errors));
            var page = invitationPage(token, model, response);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page;
        }
        InvitationUnderWay.done(request.getSession(false));
        return BrandLifecyclePageController.doneOn(redirect, "joined",
                result.field("acceptBrandInvitation.brand.id").toEntity(String.class),
                result.field("acceptBrandInvitation.brand.name").toEntity(String.class));
    }

    private String invitationPage(String token, Model model, HttpServletResponse response) {
        var page = api.run("invitationPage", Map.of("token", token));
        Map<String, Object> invitation = page.field("brandInvitation").toEntity(Map.class);
        Map<String, Object> me = page.field("me").toEntity(Map.class);
        if (invitation == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        else {
            var expiresAt = OffsetDateTime.parse((String) invitation.get("expiresAt"));
            model.addAttribute("expiresAt", expiresAt);
            model.addAttribute("expired", expiresAt.isBefore(OffsetDateTime.now()));
            var otherAccount = me != null
                    && !((String) me.get("email")).equalsIgnoreCase((String) invitation.get("email"));
            model.addAttribute("otherAccount", otherAccount);
            // accepting asks for a confirmed address: the page says how, rather than
            // offer a button that fails
            model.addAttribute("unconfirmed",
                    me != null && !otherAccount && !Boolean.TRUE.equals(me.get("emailVerified")));
        }
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("me", me);
        return "pages/invitation";
    }

}
