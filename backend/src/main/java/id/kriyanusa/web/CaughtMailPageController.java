package id.kriyanusa.web;

import id.kriyanusa.platform.mail.LocalInbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * `/surat`, only in a local run: the mail the portal sent, as the local mail server
 * caught it, so that a newcomer can open the verification or reset link without a real
 * mailbox. Absent (404) in production.
 */
@Controller
@ConditionalOnProperty("kriyanusa.mail.local-inbox")
class CaughtMailPageController {

    private final LocalInbox inbox;

    CaughtMailPageController(LocalInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/surat")
    String caughtMail(Model model) {
        model.addAttribute("mail", inbox.all());
        return "pages/caught-mail";
    }

}
