package id.kriyanusa.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.kriyanusa.media.ImageTarget;
import id.kriyanusa.media.ImageUploadForm;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producers' dashboard, for cheap phones on slow connections and without JavaScript:
 * `/dasbor` lists the signed-in member's brands with all their products, and
 * `/dasbor/produk/{id}/foto` manages one product's photos with plain forms (upload from
 * the camera or gallery, alternative text, order, removal once confirmed). Reads and
 * changes go through the API's documents and the upload service, which decide who may do
 * what; this only turns forms into requests and user errors into Indonesian or English
 * sentences.
 */
@Controller
class DashboardPageController {

    private static final String PHOTOS = "/dasbor/produk/{id:[A-Za-z0-9_-]{1,100}}/foto";

    /** The upload form's text fields, shown again when the upload is refused. */
    record UploadFields(String altId, String altEn) {
    }

    private final PageRequests api;

    private final ImageUploadForm uploads;

    private final PhotoSizes photoSizes;

    DashboardPageController(PageRequests api, ImageUploadForm uploads, PhotoSizes photoSizes) {
        this.api = api;
        this.uploads = uploads;
        this.photoSizes = photoSizes;
    }

    @GetMapping("/dasbor")
    String dashboard(Model model) {
        var page = api.run("dashboardPage", Map.of());
        model.addAttribute("me", page.field("me").toEntity(Map.class));
        model.addAttribute("brands", page.field("myBrands").toEntityList(Map.class));
        model.addAttribute("unanswered", page.field("myUnansweredInquiries").toEntity(Integer.class));
        return "pages/dashboard";
    }

    @GetMapping(PHOTOS)
    String photos(@PathVariable String id, Model model) {
        model.addAttribute("upload", new UploadFields(null, null));
        return photosPage(id, model);
    }

    @PostMapping(PHOTOS)
    String upload(@PathVariable String id, @ModelAttribute("upload") UploadFields upload,
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        if (uncaptioned(upload.altId())) {
            var missing = new ArrayList<UserError>();
            if (file == null || file.isEmpty()) {
                missing.add(UserError.of("file", UserErrorCode.REQUIRED, "Choose a photo"));
            }
            missing.add(UserError.of("altId", UserErrorCode.REQUIRED, "Describe the photo in Indonesian"));
            return refused(id, missing, model, response);
        }
        var payload = uploads.submit(ImageTarget.PRODUCT, id, file, upload.altId(), upload.altEn());
        if (!payload.userErrors().isEmpty()) {
            return refused(id, payload.userErrors(), model, response);
        }
        redirect.addFlashAttribute("done", "upload");
        redirect.addFlashAttribute("smallPhoto", photoSizes.small(ImageTarget.PRODUCT, payload.image()));
        return "redirect:/dasbor/produk/" + id + "/foto";
    }

    /**
     * The page that asks before a photo is removed, as deleting a product does: the
     * removal sits beside "Jadikan sampul" on a small screen, where one mis-tap would
     * lose the photo.
     */
    @GetMapping(PHOTOS + "/hapus")
    String confirmRemoval(@PathVariable String id, @RequestParam String kunci, Model model) {
        var product = editable(id);
        var images = (List<Map<String, Object>>) product.get("images");
        for (int i = 0; i < images.size(); i++) {
            var uploaded = (Map<String, Object>) images.get(i).get("image");
            if (uploaded != null && kunci.equals(uploaded.get("id"))) {
                model.addAttribute("product", product);
                model.addAttribute("photo", images.get(i));
                model.addAttribute("position", i + 1);
                return "pages/product-photo-confirm";
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /**
     * One change to one image: its alternative text, a step up or down, first place (the
     * cover, in one tap), or removal; the product's rules apply.
     */
    @PostMapping(PHOTOS + "/{change:alt|naik|turun|sampul|hapus}")
    String change(@PathVariable String id, @PathVariable String change, @RequestParam String kunci,
            @RequestParam(required = false) String versi, @RequestParam(required = false) String altId,
            @RequestParam(required = false) String altEn, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("upload", new UploadFields(null, null));
        var images = imageInputs(editable(id));
        var index = -1;
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).get("imageId").equals(kunci)) {
                index = i;
            }
        }
        if (index < 0) {
            // removed meanwhile, in another tab or by another member
            return refused(id, List.of(UserError.of(null, UserErrorCode.CONFLICT, "The image is gone")), model,
                    response);
        }
        if (change.equals("alt") && uncaptioned(altId)) {
            model.addAttribute("editing", Map.of("imageId", kunci, "altId", "", "altEn", Objects.toString(altEn, "")));
            return refused(id, List
                .of(UserError.of("alt-id-" + index, UserErrorCode.REQUIRED, "Describe the photo in Indonesian")), model,
                    response);
        }
        switch (change) {
            case "alt" -> images.get(index).put("alt", alt(altId, altEn));
            case "naik" -> Collections.swap(images, index, Math.max(0, index - 1));
            case "turun" -> Collections.swap(images, index, Math.min(images.size() - 1, index + 1));
            case "sampul" -> images.addFirst(images.remove(index));
            default -> images.remove(index);
        }
        var result = api.run("updateProductImages", Map.of("input",
                Map.of("id", id, "expectedVersion", PageRequests.expectedVersion(versi), "images", images)));
        var errors = PageRequests.userErrors(result, "updateProduct.userErrors");
        if (!errors.isEmpty()) {
            if (change.equals("alt")) {
                model.addAttribute("editing", Map.of("imageId", kunci, "altId", Objects.toString(altId, ""), "altEn",
                        Objects.toString(altEn, "")));
            }
            return refused(id, errors, model, response);
        }
        redirect.addFlashAttribute("done", change);
        return "redirect:/dasbor/produk/" + id + "/foto";
    }

    @ExceptionHandler({ NotFoundException.class, IllegalArgumentException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private String photosPage(String id, Model model) {
        model.addAttribute("product", editable(id));
        model.addAttribute("maxMegabytes", uploads.maxUploadMegabytes());
        return "pages/product-photos";
    }

    /**
     * The product when the caller may change it: 404 when they may not see it, 403 when
     * it is another brand's.
     */
    private Map<String, Object> editable(String id) {
        var page = api.run("productPhotosPage", Map.of("id", id));
        Map<String, Object> product = page.field("node").toEntity(Map.class);
        if (product == null || !"Product".equals(product.get("__typename"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!Boolean.TRUE.equals(product.get("viewerCanEdit"))) {
            throw new AccessDeniedException("Only the members of the product's brand may change its photos");
        }
        return product;
    }

    /**
     * The product's images as `ProductImageInput`s; a reference to an image that was
     * never uploaded (the demo data's) has no id to give and is left out.
     */
    private static List<Map<String, Object>> imageInputs(Map<String, Object> product) {
        var inputs = new ArrayList<Map<String, Object>>();
        for (var image : (List<Map<String, Object>>) product.get("images")) {
            var uploaded = (Map<String, Object>) image.get("image");
            if (uploaded == null) {
                continue;
            }
            var alt = (Map<String, Object>) image.get("alt");
            var input = new HashMap<String, Object>();
            input.put("imageId", uploaded.get("id"));
            input.put("alt", alt == null ? null : alt(alt.get("indonesian"), alt.get("english")));
            inputs.add(input);
        }
        return inputs;
    }

    /**
     * Whether a photo would go without its Indonesian alternative text. The API lets a
     * draft's photos wait for theirs until publishing; the page asks for it with the
     * photo, where the producer still sees what it shows, so publishing is not refused
     * later for it.
     */
    private static boolean uncaptioned(String altId) {
        return altId == null || altId.isBlank();
    }

    /** A `LocalizedTextInput`; null values are allowed, unlike in Map.of. */
    private static Map<String, Object> alt(Object indonesian, Object english) {
        var alt = new HashMap<String, Object>();
        alt.put("indonesian", indonesian);
        alt.put("english", english);
        return alt;
    }

    /**
     * The page again, with what went wrong in the visitor's language and what they typed
     * still in the form.
     */
    private String refused(String id, List<UserError> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", api.problems("photos", errors, uploads.maxUploadMegabytes()));
        return photosPage(id, model);
    }

}
