package id.kriyanusa.web;

import java.util.Map;
import java.util.regex.Pattern;

import id.kriyanusa.platform.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A buyer's favourites as pages: the "Simpan" button on a product or brand page (a small
 * form that works without script and comes back to the page), the way in for signed-out
 * visitors (sign in, then back to the page), and `/akun/simpanan`, the saved products and
 * brands.
 */
@Controller
class FavouritePageController {

    static final String PAGE = "/akun/simpanan";

    /**
     * The signed-out visitor's "Masuk untuk menyimpan", with the page to come back to in
     * {@code back}.
     */
    static final String SIGN_IN_TO_SAVE = PAGE + "/masuk";

    /**
     * Where the button may send the visitor back to: a product or brand page, or the
     * list; nothing else, so the form cannot redirect to another site.
     */
    /** The anchor of the button on product and brand pages. */
    private static final String BUTTON = "simpan";

    private static final Pattern BACK = Pattern.compile("^/(produk|merek)/[a-z0-9-]{1,100}$|^" + PAGE + "$");

    private final PageRequests api;

    FavouritePageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping(PAGE)
    String favourites(Model model) {
        signedIn();
        var saved = api.run("favouritesPage", Map.of());
        model.addAttribute("products", saved.field("myFavourites.products").toEntityList(Map.class));
        model.addAttribute("brands", saved.field("myFavourites.brands").toEntityList(Map.class));
        return "pages/favourites";
    }

    /**
     * Removes a favourite ({@code save=false}) or saves it (any other, as when a page
     * sent none) and goes back to the page the button was on; a refusal (no longer
     * public, too many) shows there as a notice.
     */
    @PostMapping(PAGE)
    String change(@RequestParam(required = false) String subjectId, @RequestParam(required = false) String save,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        signedIn();
        var saving = !"false".equals(save);
        var document = saving ? "addFavourite" : "removeFavourite";
        var errors = PageRequests.userErrors(
                api.run(document, Map.of("input", Map.of("subjectId", subjectId == null ? "" : subjectId))),
                document + ".userErrors");
        redirect.addFlashAttribute("favourite",
                errors.isEmpty() ? (saving ? "saved" : "removed") : "refused." + errors.getFirst().code());
        return "redirect:" + backTo(back);
    }

    /**
     * The signed-out visitor's "Simpan": sign in (Spring Security keeps this address, and
     * the sign-in page says what it is for), then back to the page at its button, with a
     * notice offering it: saving takes the button's POST, never this GET.
     */
    @GetMapping(SIGN_IN_TO_SAVE)
    String signInThenBack(@RequestParam(required = false) String back, RedirectAttributes redirect) {
        signedIn();
        var page = backTo(back);
        if (page.equals(PAGE)) {
            return "redirect:" + PAGE;
        }
        redirect.addFlashAttribute("favourite", "offered");
        return "redirect:" + page + "#" + BUTTON;
    }

    /**
     * What the sign-in page says signing in is for, when the visitor is on the way to
     * save the product or brand at {@code back}: a message key, or null.
     */
    static String signInFor(String back) {
        if (back == null || !BACK.matcher(back).matches() || back.equals(PAGE)) {
            return null;
        }
        return back.startsWith("/produk/") ? "favourite.signInFor.product" : "favourite.signInFor.brand";
    }

    private static String backTo(String back) {
        return back != null && BACK.matcher(back).matches() ? back : PAGE;
    }

    private static void signedIn() {
        if (Caller.current().accountId() == null) {
            throw new AccessDeniedException("Sign in to keep favourites");
        }
    }

}
