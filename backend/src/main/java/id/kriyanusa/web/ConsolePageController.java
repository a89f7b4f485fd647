package id.kriyanusa.web;

import java.util.HashMap;
import java.util.Map;

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
 * The department's console, `/kelola`, for curators and admins on a phone or an office
 * PC: the verification queue lists the brands submitted for verification, the one that
 * has waited longest first, with what a curator checks (village, legal form, story,
 * contacts, certificates) and approve or reject with a note the producer reads on their
 * dashboard. The API decides who may decide; the page only asks it.
 */
@Controller
class ConsolePageController {

    private static final String QUEUE = "/kelola/verifikasi";

    private final PageRequests api;

    ConsolePageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping("/kelola")
    String console() {
        return "redirect:" + QUEUE;
    }

    @GetMapping(QUEUE)
    String queue(@RequestParam(required = false) String setelah, Model model) {
        return queuePage(setelah, model);
    }

    /**
     * Approve (`setujui`) or reject (`tolak`) one brand; a rejection needs its note. A
     * refused decision shows the queue's page it was made on (`setelah`), the page's top
     * naming the brand whose card holds the problem.
     */
    @PostMapping(QUEUE + "/{brandId:[A-Za-z0-9_-]{1,100}}/{decision:setujui|tolak}")
    String decide(@PathVariable String brandId, @PathVariable String decision,
            @RequestParam(required = false) String catatan, @RequestParam(required = false) String setelah, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var mutation = decision.equals("setujui") ? "verifyBrand" : "rejectBrand";
        var input = new HashMap<String, Object>();
        input.put("id", brandId);
        input.put("note", catatan == null || catatan.isBlank() ? null : catatan.strip());
        var result = api.run(mutation, Map.of("input", input));
        var errors = PageRequests.userErrors(result, mutation + ".userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("typedNote", catatan);
            // decided already, whatever else the form lacked (a rejection's note)
            var now = decidedMeanwhile(brandId);
            if (!now.status().equals("SUBMITTED")) {
                model.addAttribute("decidedMeanwhile", now);
            }
            else {
                model.addAttribute("refused", brandId);
                model.addAttribute("refusedName", now.name());
                model.addAttribute("problems", api.problems("console", errors));
            }
            return queuePage(setelah, model);
        }
        redirect.addFlashAttribute("decided", decision);
        redirect.addFlashAttribute("brandName", result.field(mutation + ".brand.name").toEntity(String.class));
        return "redirect:" + QUEUE;
    }

    /**
     * A brand as it is now, after a decision on it was refused: decided while the queue
     * was open (by another curator, or in another tab) unless still SUBMITTED; its name,
     * its status and who moved it there last, for the page to say so.
     */
    private DecidedMeanwhile decidedMeanwhile(String brandId) {
        var page = api.run("decidedBrand", Map.of("id", brandId));
        var me = page.field("me.id").toEntity(String.class);
        var history = page.field("node.verificationHistory").toEntityList(StatusChange.class);
        var by = history.isEmpty() ? null : history.getLast().changedBy();
        return new DecidedMeanwhile(page.field("node.name").toEntity(String.class),
                page.field("node.verificationStatus").toEntity(String.class), by == null ? null : by.displayName(),
                by != null && by.id().equals(me));
    }

    /** A change of a brand's status, by whom (null when the account is gone). */
    record StatusChange(Person changedBy) {
    }

    record Person(String id, String displayName) {
    }

    /**
     * What the queue says of a brand decided meanwhile: `by` is the name of who decided
     * (null when unknown), {@code byYou} whether it was the viewer.
     */
    record DecidedMeanwhile(String name, String status, String by, boolean byYou) {
    }

    private String queuePage(String after, Model model) {
        after = after == null || after.isBlank() ? null : after;
        var page = api.run("verificationQueuePage", after == null ? Map.of() : Map.of("after", after));
        model.addAttribute("after", after);
        PageRequests.requireAnyRole(page, "CURATOR", "ADMIN");
        model.addAttribute("queue", page.field("brands").toEntity(Map.class));
        return "pages/verification-queue";
    }

}
