package id.kriyanusa.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import id.kriyanusa.engagement.WhatsAppTaps;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The WhatsApp buttons of product and brand pages lead through here, so the tap is
 * counted ({@link WhatsAppTaps}) before the visitor goes on to the chat with the
 * prefilled message. Search engines are asked to stay out (robots.txt, rel="nofollow"): a
 * crawler's visit is no buyer's tap.
 */
@Controller
class WhatsAppPageController {

    private final PageRequests api;

    private final PageText text;

    private final MessageSource messages;

    private final WhatsAppTaps taps;

    WhatsAppPageController(PageRequests api, PageText text, MessageSource messages, WhatsAppTaps taps) {
        this.api = api;
        this.text = text;
        this.messages = messages;
        this.taps = taps;
    }

    /**
     * The chat about a product the visitor may see: its title, brand, price and address.
     */
    @GetMapping("/produk/{slug:[a-z0-9-]{1,100}}/whatsapp")
    ResponseEntity<Void> product(@PathVariable String slug, HttpServletRequest request) {
        var product = api.run("whatsAppProduct", Map.of("slug", slug)).field("product").toEntity(Map.class);
        if (product == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var brand = (Map<?, ?>) product.get("brand");
        var number = number(brand);
        if (tapped(request)) {
            taps.onProduct((String) product.get("id"));
        }
        // the page in the language the message is written in
        var page = "/produk/" + slug;
        if (LocaleContextHolder.getLocale().equals(Locale.ENGLISH)) {
            page = AddressLanguage.inEnglish(page);
        }
        return chat(number, "contact.product.message", text.pick((Map<String, ?>) product.get("title")),
                brand.get("name"), Objects.requireNonNullElse(text.rupiah((Number) product.get("price")), "-"),
                text.absolute(page));
    }

    /** The chat with a brand the visitor may see. */
    @GetMapping("/merek/{slug:[a-z0-9-]{1,100}}/whatsapp")
    ResponseEntity<Void> brand(@PathVariable String slug, HttpServletRequest request) {
        var brand = api.run("whatsAppBrand", Map.of("slug", slug)).field("brand").toEntity(Map.class);
        var number = number(brand);
        if (tapped(request)) {
            taps.onBrand((String) brand.get("id"));
        }
        return chat(number, "contact.brand.message", brand.get("name"));
    }

    /**
     * Whether a person tapped: a GET. Link checkers and previewers ask with HEAD, which
     * Spring answers with this GET handler, and are not counted as buyers' taps.
     */
    private static boolean tapped(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod());
    }

    /** The brand's WhatsApp number; 404 for a brand not shown or without one. */
    private String number(Map<?, ?> brand) {
        var contacts = brand == null ? null : (Map<?, ?>) brand.get("contacts");
        var number = contacts == null ? null : text.whatsappNumber((String) contacts.get("whatsapp"));
        if (number == null || number.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return number;
    }

    /** 303: the chat is another site, reached with a GET whatever brought the visitor. */
    private ResponseEntity<Void> chat(String number, String message, Object... arguments) {
        var prefilled = messages.getMessage(message, arguments, LocaleContextHolder.getLocale());
        URI chat = UriComponentsBuilder.fromUriString("https://wa.me/" + number)
            .queryParam("text", "{text}")
            .encode()
            .buildAndExpand(prefilled)
            .toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(chat).build();
    }

}
