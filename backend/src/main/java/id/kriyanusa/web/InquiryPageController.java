package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.kriyanusa.engagement.Inquiries;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * Buyers' inquiries as pages: the form about a product, `/produk/{slug}/tanya`, or about
 * a whole brand, `/merek/{slug}/tanya` (signed in, or else with a name and an email and
 * then the link mailed there, `/pesan/pastikan/{token}`), and `/dasbor/pesan`, where a
 * brand's members read, answer and close what buyers asked and a buyer reads the answers
 * to what they sent; a guest reads them and writes back at `/pesan/{token}`, linked from
 * each reply's mail. The API decides who sees what, including the buyer's contact, shown
 * to the brand only once it replied.
 */
@Controller
class InquiryPageController {

    private static final String PRODUCT_FORM = "/produk/{slug:[a-z0-9-]{1,100}}/tanya";

    private static final String BRAND_FORM = "/merek/{slug:[a-z0-9-]{1,100}}/tanya";

    private static final String INBOX = "/dasbor/pesan";

    private static final String ONE = INBOX + "/{id:[A-Za-z0-9_-]{1,100}}";

    private static final String TOKEN = "{token:[A-Za-z0-9_-]{1,100}}";

    private static final String THREAD_PAGE = "pages/inquiry-thread";

    /** The ways to be answered the form offers; email when none was chosen. */
    private static final List<String> REPLY_CHANNELS = List.of("EMAIL", "WHATSAPP", "PHONE");

    /**
     * The form's fields as typed, shown again when the inquiry is refused; a guest's name
     * and email too.
     */
    record InquiryForm(String quantity, String neededBy, String message, String replyChannel, String contact,
            String name, String email) {
    }

    /**
     * What the form asks about, as it shows it: the input field naming it, its id, its
     * page, its title (a product's in both languages, or the brand's name) and the
     * brand's name.
     */
    record About(String field, String id, String page, Object title, String brand) {

        public boolean brandAsAWhole() {
            return field.equals("brandId");
        }

    }

    /**
     * A side of an inquiry's thread on the inbox page: the document that adds to it, the
     * notice, the prefix of the inquiry's anchor and of its form's keys.
     */
    record ThreadSide(String document, String done, String anchor, String key) {
    }

    private static final ThreadSide BRAND_SIDE = new ThreadSide("replyToInquiry", "replied", "i-", "");

    private static final ThreadSide BUYER_SIDE = new ThreadSide("writeBackToInquiry", "wroteBack", "s-", "s-");

    private final PageRequests api;

    InquiryPageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping(PRODUCT_FORM)
    String productForm(@PathVariable String slug, Model model) {
        return form(product(slug), model);
    }

    @GetMapping(BRAND_FORM)
    String brandForm(@PathVariable String slug, Model model) {
        return form(brand(slug), model);
    }

    /**
     * "Have an account? Sign in" on the guest's form: signing in first (Spring Security
     * keeps this address to come back to), then the form.
     */
    @GetMapping({ PRODUCT_FORM + "/masuk", BRAND_FORM + "/masuk" })
    String signInToAsk(HttpServletRequest request) {
        if (Caller.current().accountId() == null) {
            throw new AccessDeniedException("Sign in to send an inquiry from your account");
        }
        var path = request.getRequestURI();
        return "redirect:" + path.substring(0, path.length() - "/masuk".length());
    }

    @PostMapping(PRODUCT_FORM)
    String askAboutProduct(@PathVariable String slug, @ModelAttribute("form") InquiryForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return send(product(slug), form, model, response, redirect);
    }

    @PostMapping(BRAND_FORM)
    String askAboutBrand(@PathVariable String slug, @ModelAttribute("form") InquiryForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return send(brand(slug), form, model, response, redirect);
    }

    private String form(About about, Model model) {
        model.addAttribute("form", new InquiryForm(null, null, null, "EMAIL", null, null, null));
        return formPage(about, model);
    }

    private String send(About about, InquiryForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        List<UserError> errors = new ArrayList<>();
        var input = new HashMap<String, Object>();
        input.put(about.field(), about.id());
        input.put("message", Objects.toString(form.message(), ""));
        input.put("replyChannel", form.replyChannel() == null ? "EMAIL"
                : PageRequests.choice("input.replyChannel", form.replyChannel(), REPLY_CHANNELS, errors));
        input.put("contact", form.contact());
        var quantity = TypedNumbers.read("input.quantity", form.quantity(), Quantities::read, errors);
        input.put("quantity", quantity == null ? null : quantity.count());
        input.put("quantityUnit", quantity == null ? null : quantity.unit());
        input.put("neededBy", date(form.neededBy(), errors));
        var guest = Caller.current().accountId() == null;
        if (guest) {
            var typed = new HashMap<String, String>();
            typed.put("name", form.name() == null ? "" : form.name());
            typed.put("email", form.email() == null ? "" : form.email());
            input.put("guest", typed);
        }
        errors = api.submit("sendInquiry", "sendInquiry", Map.of("input", input), errors).userErrors();
        if (errors.isEmpty() && guest) {
            redirect.addFlashAttribute("held", held(form.email().strip(), input));
            return "redirect:" + about.page() + "/tanya";
        }
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("done", "sent");
            return "redirect:" + INBOX;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("inquiry", errors));
        return formPage(about, model);
    }

    /**
     * What a guest sent, shown instead of the form until they open the link mailed to
     * them, with how they asked to be answered: the form again invited sending it twice.
     * Every key is there, null when left out, for the page to ask.
     */
    private static Map<String, Object> held(String email, Map<String, Object> input) {
        var held = new HashMap<String, Object>();
        held.put("email", email);
        for (var field : List.of("message", "quantity", "quantityUnit", "neededBy", "replyChannel", "contact")) {
            held.put(field, input.get(field));
        }
        return held;
    }

    /**
     * The link mailed to a guest asks them to press a button; opening it changes nothing,
     * so a mail provider's link scanner, which opens every link, cannot send the message
     * for whoever typed that address. Opened again after the button, it says the message
     * went out (a guest checking back must not think it is still held); expired or
     * unknown, it says so before the button is pressed in vain.
     */
    @GetMapping("/pesan/pastikan/" + TOKEN)
    String askToConfirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var state = toConfirm(token, model).field("inquiryConfirmation").toEntity(String.class);
        var outcome = state == null ? "INVALID" : switch (state) {
            case "CONFIRMED" -> "ALREADY_CONFIRMED";
            case "EXPIRED" -> "EXPIRED";
            default -> "ask";
        };
        if (outcome.equals("INVALID") || outcome.equals("EXPIRED")) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("token", token);
        model.addAttribute("outcome", outcome);
        return "pages/inquiry-confirmed";
    }

    /**
     * The guest pressed the button: their inquiry reaches the brand, or the page says why
     * not (gone, with 410, for a link expired or unknown).
     */
    @PostMapping("/pesan/pastikan/" + TOKEN)
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var result = api.run("confirmInquiry", Map.of("input", Map.of("token", token)));
        var errors = PageRequests.userErrors(result, "confirmInquiry.userErrors");
        var outcome = errors.isEmpty() ? "ok" : String.valueOf(errors.getFirst().code());
        if (!errors.isEmpty() && !outcome.equals("ALREADY_CONFIRMED")) {
            response.setStatus(HttpStatus.GONE.value());
        }
        toConfirm(token, model);
        model.addAttribute("outcome", outcome);
        return "pages/inquiry-confirmed";
    }

    /**
     * The confirmation page's document; the inquiry the link names, so the guest sees
     * which product they asked about and what they wrote, joins the model as `i`.
     */
    private ClientGraphQlResponse toConfirm(String token, Model model) {
        var page = api.run("inquiryConfirmationPage", Map.of("token", token));
        model.addAttribute("i", page.field("inquiryToConfirm").toEntity(Map.class));
        return page;
    }

    /** A guest reads the brand's replies, through the link in each reply's mail. */
    @GetMapping("/pesan/" + TOKEN)
    String thread(@PathVariable String token, Model model, HttpServletResponse response) {
        readThread(token, model, response);
        return THREAD_PAGE;
    }

    /**
     * A guest writes back under the replies, the link's secret standing for the account
     * they do not have; a refusal shows beside the message typed, kept. A link gone
     * meanwhile (a tab left open past its 90 days) answers as opening it does, 410 with
     * why, not the API's 404 for writing to no thread.
     */
    @PostMapping("/pesan/" + TOKEN)
    String writeBackAsGuest(@PathVariable String token, @RequestParam(required = false) String message, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (readThread(token, model, response) == null) {
            // nothing was sent: what the guest typed comes back for them to copy
            model.addAttribute("unsent", unsent(message));
            return THREAD_PAGE;
        }
        var typed = message == null ? "" : message;
        var errors = PageRequests.userErrors(
                api.run("writeBackThroughThreadLink", Map.of("input", Map.of("token", token, "message", typed))),
                "writeBackThroughThreadLink.userErrors");
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("done", BUYER_SIDE.done());
            return "redirect:/pesan/" + token;
        }
        // the thread as read before: a refused message changed nothing
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("inquiry", errors));
        model.addAttribute("typedReply", typed);
        return THREAD_PAGE;
    }

    /**
     * A message that could not be sent, to show back: null when blank, and no longer than
     * a message may be (a form that was tampered with may send more), cut between whole
     * characters.
     */
    static String unsent(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        if (message.length() <= Inquiries.MAX_MESSAGE) {
            return message;
        }
        var end = Inquiries.MAX_MESSAGE;
        return message.substring(0, Character.isLowSurrogate(message.charAt(end)) ? end - 1 : end);
    }

    /**
     * The thread the link opens, also in the model as `i` for its page; null, with 410,
     * for a link gone.
     */
    private Map<?, ?> readThread(String token, Model model, HttpServletResponse response) {
        var inquiry = api.run("inquiryThreadPage", Map.of("token", token)).field("inquiryThread").toEntity(Map.class);
        if (inquiry == null) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("token", token);
        model.addAttribute("i", inquiry);
        return inquiry;
    }

    @GetMapping(INBOX)
    String inbox(Model model) {
        return inboxPage(model);
    }

    /** A brand member answers. */
    @PostMapping(ONE + "/balas")
    String reply(@PathVariable String id, @RequestParam(required = false) String message, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return addToThread(BRAND_SIDE, id, message, model, response, redirect);
    }

    /** The buyer writes back after the brand's reply. */
    @PostMapping(ONE + "/tulis")
    String writeBack(@PathVariable String id, @RequestParam(required = false) String message, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return addToThread(BUYER_SIDE, id, message, model, response, redirect);
    }

    /**
     * Adds a message to an inquiry's thread from one side, then back to the inquiry on
     * the inbox page; a refusal shows beside the message typed, kept. A brand member who
     * also asked their own brand sees the inquiry on both sides of the page, hence the
     * key.
     */
    private String addToThread(ThreadSide side, String id, String message, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var typed = message == null ? "" : message;
        var errors = PageRequests.userErrors(
                api.run(side.document(), Map.of("input", Map.of("inquiryId", id, "message", typed))),
                side.document() + ".userErrors");
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("done", side.done());
            return "redirect:" + INBOX + "#" + side.anchor() + id;
        }
        var key = side.key() + id;
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", FollowUpPlanPageController.suffixed(api.problems("inquiry", errors), key));
        model.addAttribute("typedReply", Map.of(key, typed));
        return inboxPage(model);
    }

    @PostMapping(ONE + "/selesai")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        api.run("closeInquiry", Map.of("input", Map.of("inquiryId", id)));
        redirect.addFlashAttribute("done", "closed");
        return "redirect:" + INBOX + "#i-" + id;
    }

    private String formPage(About about, Model model) {
        model.addAttribute("about", about);
        model.addAttribute("guest", Caller.current().accountId() == null);
        model.addAttribute("replyChannels", REPLY_CHANNELS);
        return "pages/inquiry-form";
    }

    /** The product asked about, when it is on sale. */
    private About product(String slug) {
        var product = api.run("inquiryFormPage", Map.of("slug", slug)).field("product").toEntity(Map.class);
        if (product == null || !"PUBLISHED".equals(product.get("status"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var brand = verified((Map<?, ?>) product.get("brand"));
        return new About("productId", (String) product.get("id"), "/produk/" + slug, product.get("title"),
                (String) brand.get("name"));
    }

    /** The brand asked about as a whole, when it is verified. */
    private About brand(String slug) {
        var brand = verified(api.run("brandInquiryFormPage", Map.of("slug", slug)).field("brand").toEntity(Map.class));
        return new About("brandId", (String) brand.get("id"), "/merek/" + slug, brand.get("name"),
                (String) brand.get("name"));
    }

    private static Map<?, ?> verified(Map<?, ?> brand) {
        if (brand == null || !"VERIFIED".equals(brand.get("verificationStatus"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return brand;
    }

    private String inboxPage(Model model) {
        var page = api.run("inboxPage", Map.of());
        model.addAttribute("brands", page.field("myBrands").toEntityList(Map.class));
        model.addAttribute("sent", page.field("myInquiries.edges").toEntityList(Map.class));
        model.addAttribute("me", page.field("me").toEntity(Map.class));
        return "pages/inquiries";
    }

    private static String date(String typed, List<UserError> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return TypedDates.read(typed).orElseGet(() -> {
            errors.add(UserError.of("input.neededBy", UserErrorCode.INVALID, "Give a date"));
            return null;
        });
    }

}
