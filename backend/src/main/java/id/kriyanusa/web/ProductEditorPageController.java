package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product editor, for a producer on a phone without JavaScript: a new product from a
 * brand on `/dasbor`, straight on to its photos once saved, then every field of the
 * listing, a preview of its public page, and publishing, archiving and deleting, each
 * asked for on a page of its own before it happens. The API's documents do the work and
 * decide who may do what; refusals come back as sentences beside the fields, with
 * everything typed kept.
 */
@Controller
class ProductEditorPageController {

    private static final String PRODUCT = "/dasbor/produk/{id:[A-Za-z0-9_-]{1,100}}";

    private static final String NEW = "/dasbor/merek/{brandId:[A-Za-z0-9_-]{1,100}}/produk/baru";

    /** The message bundle's prefix for this page's problems: `productEditor.error.*`. */
    private static final String AREA = "productEditor";

    private static final String EDITOR = "pages/product-editor";

    /**
     * An image's field in a user error, `product.images[2].alt.indonesian`: its place.
     */
    private static final Pattern IMAGE = Pattern.compile("\\bimages\\[(\\d+)]");

    private final PageRequests api;

    ProductEditorPageController(PageRequests api) {
        this.api = api;
    }

    @GetMapping(NEW)
    String newProduct(@PathVariable String brandId, Model model) {
        model.addAttribute("form", ProductForm.blank());
        return newProductPage(brandId, model);
    }

    @PostMapping(NEW)
    String create(@PathVariable String brandId, @ModelAttribute("form") ProductForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = form.input(unreadable);
        input.put("brandId", brandId);
        var result = api.submit("createProduct", "createProduct", Map.of("input", input), unreadable,
                ProductForm.JUDGED_AGAINST);
        if (result.saved()) {
            // photos next: a product sells with its pictures
            redirect.addFlashAttribute("done", "created");
            return "redirect:/dasbor/produk/" + result.response().field("createProduct.product.id").getValue()
                    + "/foto";
        }
        refused(null, result.userErrors(), model, response);
        return newProductPage(brandId, model);
    }

    @GetMapping(PRODUCT)
    String edit(@PathVariable String id, Model model) {
        model.addAttribute("form", ProductForm.of(editable(id, model)));
        return EDITOR;
    }

    @PostMapping(PRODUCT)
    String update(@PathVariable String id, @ModelAttribute("form") ProductForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var unreadable = new ArrayList<UserError>();
        var input = form.input(unreadable);
        input.put("id", id);
        input.put("expectedVersion", PageRequests.expectedVersion(form.versi()));
        var problems = api
            .submit("updateProduct", "updateProduct", Map.of("input", input), unreadable, ProductForm.JUDGED_AGAINST)
            .userErrors();
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("done", "saved");
            return "redirect:/dasbor/produk/" + id;
        }
        var stored = editable(id, model);
        if (problems.stream().anyMatch(problem -> problem.code() == UserErrorCode.CONFLICT)) {
            // keep what was typed, based on the stored version, and show what the other
            // change left beside each field it touched
            var current = ProductForm.of(stored);
            model.addAttribute("stored", form.differencesFrom(current));
            model.addAttribute("form", form.at(current.versi()));
        }
        refused(id, problems, model, response);
        return EDITOR;
    }

    /** The page that asks before publishing, archiving or deleting. */
    @GetMapping(PRODUCT + "/{action:terbitkan|arsipkan|hapus}")
    String confirm(@PathVariable String id, @PathVariable String action, Model model) {
        editable(id, model);
        model.addAttribute("action", action);
        return "pages/product-confirm";
    }

    @PostMapping(PRODUCT + "/terbitkan")
    String publish(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, "publishProduct", "published", model, response, redirect);
    }

    @PostMapping(PRODUCT + "/arsipkan")
    String archive(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, "archiveProduct", "archived", model, response, redirect);
    }

    @PostMapping(PRODUCT + "/hapus")
    String delete(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var title = editable(id, model).get("title");
        var errors = PageRequests.userErrors(api.run("deleteProduct", Map.of("id", id)), "deleteProduct.userErrors");
        if (!errors.isEmpty()) {
            return refusedEditor(id, errors, model, response);
        }
        redirect.addFlashAttribute("deletedProduct", title);
        return "redirect:/dasbor";
    }

    /**
     * The product as buyers will see it, on the storefront's own template, even while it
     * is a draft or its brand is not verified yet; only for those who may change it.
     */
    @GetMapping(PRODUCT + "/pratinjau")
    String preview(@PathVariable String id, Model model) {
        var slug = editable(id, model).get("slug");
        model.addAttribute("product",
                api.run("productPage", Map.of("slug", slug)).field("product").toEntity(Map.class));
        model.addAttribute("previewOf", id);
        return "pages/product";
    }

    private String transition(String id, String document, String done, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = PageRequests.userErrors(api.run(document, Map.of("id", id)), document + ".userErrors");
        if (!errors.isEmpty()) {
            // what is missing, in words, linked to the fields that need it
            editable(id, model);
            return refusedEditor(id, errors, model, response);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/dasbor/produk/" + id;
    }

    private String newProductPage(String brandId, Model model) {
        var page = api.run("productNewPage", Map.of("brandId", brandId));
        Map<String, Object> brand = page.field("node").toEntity(Map.class);
        if (brand == null || !"Brand".equals(brand.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var mine = page.field("myBrands").toEntityList(Map.class).stream().map(mineBrand -> mineBrand.get("id"));
        if (mine.noneMatch(brand.get("id")::equals)) {
            throw new AccessDeniedException("Only the members of a brand add its products");
        }
        model.addAttribute("brand", brand);
        model.addAttribute("categories", page.field("categories").toEntityList(Map.class));
        return EDITOR;
    }

    /**
     * The product when the caller may change it, with the category taxonomy for the form:
     * 404 when they may not see it, 403 when it is another brand's.
     */
    private Map<String, Object> editable(String id, Model model) {
        var page = api.run("productEditorPage", Map.of("id", id));
        Map<String, Object> product = page.field("node").toEntity(Map.class);
        if (product == null || !"Product".equals(product.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!Boolean.TRUE.equals(product.get("viewerCanEdit"))) {
            throw new AccessDeniedException("Only the members of the product's brand may change it");
        }
        model.addAttribute("product", product);
        model.addAttribute("brand", product.get("brand"));
        model.addAttribute("categories", page.field("categories").toEntityList(Map.class));
        return product;
    }

    private String refusedEditor(String id, List<UserError> errors, Model model, HttpServletResponse response) {
        model.addAttribute("form", ProductForm.of((Map<String, Object>) model.getAttribute("product")));
        refused(id, errors, model, response);
        return EDITOR;
    }

    /**
     * The problems beside their fields; a photo's missing description links straight to
     * that photo's field on the photos page, where it is written.
     */
    private void refused(String id, List<UserError> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        var problems = api.problems(AREA, errors.stream().map(ProductForm::onForm).toList());
        var photo = errors.stream()
            .map(error -> IMAGE.matcher(Objects.toString(error.field(), "")))
            .filter(Matcher::find)
            .findFirst();
        if (id != null && photo.isPresent()) {
            problems = problems.on("photos", "/dasbor/produk/" + id + "/foto#alt-id-" + photo.get().group(1));
        }
        model.addAttribute("problems", problems);
    }

}
