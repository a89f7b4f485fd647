package id.kriyanusa.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.platform.graphql.UserError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A producer's brand from its start: `/dasbor/merek/baru` creates it in a village,
 * `/dasbor/merek/{id}/verifikasi` sends it to the department (and says what is missing,
 * or what the curator asked to fix), `/dasbor/merek/{id}/anggota` lists its members and
 * invites more, with a link to pass on by WhatsApp, cancels invitations, removes members
 * and lets a member leave. The API's documents decide who may do what.
 */
@Controller
class BrandLifecyclePageController {

    private static final String BRAND = "/dasbor/merek/{id:[A-Za-z0-9_-]{1,100}}";

    /** The legal forms a brand may have, in the order the form offers them. */
    static final List<String> LEGAL_FORMS = List.of("KOPERASI", "KELOMPOK_PENGRAJIN", "IKM", "UMKM", "BUMDES", "CV",
            "PERORANGAN");

    /** What the producer typed for a new brand, shown again when it is refused. */
    record NewBrandForm(String name, String slug, String legalForm, String villageSlug, String tagline, String storyId,
            String whatsapp) {
    }

    /** Whom a member invites, shown again when the invitation is refused. */
    record InviteForm(String email) {
    }

    /** An open invitation as its brand's members pass it on. */
    record SharedInvitation(String id, String email, OffsetDateTime expiresAt, String link, String whatsappLink) {
    }

    private final PageRequests api;

    private final MessageSource messages;

    BrandLifecyclePageController(PageRequests api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/dasbor/merek/baru")
    String newBrand(@ModelAttribute("form") NewBrandForm form, Model model) {
        return newBrandPage(model);
    }

    @PostMapping("/dasbor/merek/baru")
    String createBrand(@ModelAttribute("form") NewBrandForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var slug = text(form.slug()).isEmpty() ? PageAddresses.slugOf(form.name()) : text(form.slug());
        var input = new HashMap<String, Object>();
        input.put("name", text(form.name()));
        input.put("slug", slug);
        input.put("legalForm", PageRequests.choice("input.legalForm", form.legalForm(), LEGAL_FORMS, unreadable));
        input.put("villageSlug", text(form.villageSlug()));
        if (!text(form.tagline()).isEmpty()) {
            input.put("tagline", form.tagline());
        }
        if (!text(form.storyId()).isEmpty()) {
            input.put("story", Map.of("indonesian", form.storyId()));
        }
        if (!text(form.whatsapp()).isEmpty()) {
            input.put("contacts", Map.of("whatsapp", form.whatsapp()));
        }
        var result = api.submit("createBrand", "createBrand", Map.of("input", input), unreadable);
        if (!result.saved()) {
            // the address made from the name is shown, to change when it is taken; with
            // neither
            // typed, only the name is asked for
            model.addAttribute("form", new NewBrandForm(form.name(), slug, form.legalForm(), form.villageSlug(),
                    form.tagline(), form.storyId(), form.whatsapp()));
            return refusedBrand(PageAddresses.withoutAddressOfNoName(form.slug(), form.name(), result.userErrors()),
                    model, response);
        }
        return doneOn(redirect, "created", result.response().field("createBrand.brand.id").toEntity(String.class),
                result.response().field("createBrand.brand.name").toEntity(String.class));
    }

    /**
     * The dashboard at the section of the brand a lifecycle step just made or changed
     * (`#merek-{id}`), with what the step did said there: the producer sees it happen,
     * however many brands and products come before it.
     */
    static String doneOn(RedirectAttributes redirect, String step, String brandId, String brandName) {
        redirect.addFlashAttribute("lifecycleDone", step);
        redirect.addFlashAttribute("lifecycleBrand", brandName);
        redirect.addFlashAttribute("lifecycleBrandId", brandId);
        return "redirect:/dasbor#merek-" + brandId;
    }

    @GetMapping(BRAND + "/verifikasi")
    String verification(@PathVariable String id, Model model) {
        return verificationPage(id, model);
    }

    @PostMapping(BRAND + "/verifikasi")
    String submit(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var result = api.run("submitBrandForVerification", Map.of("input", Map.of("id", id)));
        var errors = PageRequests.userErrors(result, "submitBrandForVerification.userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", api.problems("lifecycle", errors));
            return verificationPage(id, model);
        }
        return doneOn(redirect, "submitted", id, null);
    }

    @GetMapping(BRAND + "/anggota")
    String members(@PathVariable String id, @ModelAttribute("invite") InviteForm invite, Model model) {
        return membersPage(id, model);
    }

    @PostMapping(BRAND + "/anggota")
    String invite(@PathVariable String id, @ModelAttribute("invite") InviteForm invite, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var email = text(invite.email());
        var result = api.run("inviteBrandMember", Map.of("input", Map.of("brandId", id, "email", email)));
        var errors = PageRequests.userErrors(result, "inviteBrandMember.userErrors");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", api.problems("invite", errors));
            return membersPage(id, model);
        }
        redirect
            .addFlashAttribute(Boolean.TRUE.equals(result.field("inviteBrandMember.renewed").toEntity(Boolean.class))
                    ? "reinvited" : "invited", email);
        return "redirect:/dasbor/merek/" + id + "/anggota";
    }

    @PostMapping(BRAND + "/anggota/batalkan")
    String cancelInvitation(@PathVariable String id, @RequestParam(defaultValue = "") String invitation, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var brand = memberBrand("brandMembersPage", id);
        var email = listed(brand, "invitations", invitation).map(open -> open.get("email")).orElse(null);
        var result = api.run("cancelBrandInvitation", Map.of("input", Map.of("id", invitation)));
        var errors = PageRequests.userErrors(result, "cancelBrandInvitation.userErrors");
        if (!errors.isEmpty()) {
            return refusedMembers(id, errors, model, response);
        }
        redirect.addFlashAttribute("cancelled", email);
        return "redirect:/dasbor/merek/" + id + "/anggota";
    }

    /** Removes a member, or lets the signed-in member leave (to the dashboard, then). */
    @PostMapping(BRAND + "/anggota/keluarkan")
    String removeMember(@PathVariable String id, @RequestParam(defaultValue = "") String account, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var page = api.run("brandMembersPage", Map.of("id", id));
        var brand = memberBrand(page);
        var leaving = account.equals(page.field("me.id").toEntity(String.class));
        var name = listed(brand, "members", account)
            .map(member -> ((Map<?, ?>) member.get("account")).get("displayName"))
            .orElse(null);
        var result = api.run("removeBrandMember", Map.of("input", Map.of("brandId", id, "accountId", account)));
        var errors = PageRequests.userErrors(result, "removeBrandMember.userErrors");
        if (!errors.isEmpty()) {
            return refusedMembers(id, errors, model, response);
        }
        if (leaving) {
            redirect.addFlashAttribute("lifecycleDone", "left");
            redirect.addFlashAttribute("lifecycleBrand", brand.get("name"));
            return "redirect:/dasbor";
        }
        redirect.addFlashAttribute("removed", name);
        return "redirect:/dasbor/merek/" + id + "/anggota";
    }

    /**
     * A refused removal or cancellation: the buttons have no field to link the problem
     * to.
     */
    private String refusedMembers(String id, List<UserError> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("members",
                errors.stream().map(error -> new UserError(null, error.message(), error.code())).toList()));
        return membersPage(id, model);
    }

    /**
     * The member (by account id) or invitation (by id) the brand lists, to name it in
     * what the page says afterwards.
     */
    private static Optional<Map<String, Object>> listed(Map<String, Object> brand, String list, String id) {
        return ((List<Map<String, Object>>) brand.get(list)).stream()
            .filter(each -> id.equals(each.get("id"))
                    || each.get("account") instanceof Map<?, ?> account && id.equals(account.get("id")))
            .findFirst();
    }

    private String newBrandPage(Model model) {
        var page = api.run("newBrandPage", Map.of());
        model.addAttribute("villages", page.field("villages.edges").toEntityList(Map.class));
        model.addAttribute("legalForms", LEGAL_FORMS);
        return "pages/brand-new";
    }

    private String refusedBrand(List<UserError> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("brandNew", errors));
        return newBrandPage(model);
    }

    private String verificationPage(String id, Model model) {
        model.addAttribute("brand", memberBrand("brandVerificationPage", id));
        return "pages/brand-verification";
    }

    private String membersPage(String id, Model model) {
        var page = api.run("brandMembersPage", Map.of("id", id));
        var brand = memberBrand(page);
        var base = ServletUriComponentsBuilder.fromCurrentContextPath();
        var shared = ((List<Map<String, Object>>) brand.get("invitations")).stream().map(invitation -> {
            var link = base.cloneBuilder()
                .path("/undangan/{token}")
                .buildAndExpand(invitation.get("token"))
                .toUriString();
            var message = messages.getMessage("invite.whatsappMessage", new Object[] { brand.get("name"), link },
                    LocaleContextHolder.getLocale());
            return new SharedInvitation((String) invitation.get("id"), (String) invitation.get("email"),
                    OffsetDateTime.parse((String) invitation.get("expiresAt")), link,
                    "https://wa.me/?text=" + URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20"));
        }).toList();
        model.addAttribute("brand", brand);
        model.addAttribute("invitations", shared);
        model.addAttribute("myAccount", page.field("me.id").toEntity(String.class));
        return "pages/brand-members";
    }

    /**
     * The brand when the caller is one of its members: 404 when they may not see it, 403
     * when it is another brand's.
     */
    private Map<String, Object> memberBrand(String document, String id) {
        return memberBrand(api.run(document, Map.of("id", id)));
    }

    private static Map<String, Object> memberBrand(ClientGraphQlResponse page) {
        Map<String, Object> brand = page.field("node").toEntity(Map.class);
        if (brand == null || !"Brand".equals(brand.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!Boolean.TRUE.equals(brand.get("viewerIsMember"))) {
            throw new AccessDeniedException("Only the brand's members manage its verification and members");
        }
        return brand;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

}
