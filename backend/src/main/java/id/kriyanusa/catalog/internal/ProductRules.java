package id.kriyanusa.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/**
 * Checks and normalises what producers write on a product listing, collecting one user
 * error per field at fault so the form can show them all at once; and says what a listing
 * still lacks before it can be published.
 */
public final class ProductRules {

    private static final Pattern IMAGE_KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]*$");

    public static final int MAX_TITLE = 140;

    public static final int MAX_DESCRIPTION = 10_000;

    public static final int MAX_TAGS = 20;

    public static final int MAX_TAG = 60;

    public static final int MAX_IMAGES = 12;

    public static final int MAX_ALT = 300;

    public static final long MAX_PRICE = 1_000_000_000L;

    public static final double MAX_DIMENSION_CM = 10_000;

    public static final int MAX_WEIGHT_GRAMS = 1_000_000;

    public static final int MAX_QUANTITY = 1_000_000;

    public static final int MAX_LEAD_TIME_DAYS = 365;

    /**
     * A listing as typed, before checking; nulls mean "not given". {@code slug} null
     * means "derive it from the title".
     */
    public record Draft(String slug, Long categoryId, String titleId, String titleEn, String descriptionId,
            String descriptionEn, List<String> materials, List<String> techniques, Double lengthCm, Double widthCm,
            Double heightCm, Integer weightGrams, Long price, Integer minimumOrderQuantity, Long wholesalePrice,
            ProductAvailability availability, Integer stockQuantity, Integer leadTimeDays,
            List<ProductDetails.ImageDetails> images) {
    }

    public record Result(ProductDetails details, boolean slugDerived, List<UserError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final InputErrors errors = new InputErrors();

    private ProductRules() {
    }

    public static Result check(Draft draft) {
        return new ProductRules().run(draft);
    }

    /**
     * What a listing lacks to be published: a title, a price, a category, the stock or
     * the lead time its availability calls for, and Indonesian alternative text on every
     * image. Fields are named {@code prefix + field}, for example `product.price` when
     * publishing.
     */
    public static List<UserError> publishingProblems(ProductDetails details, String prefix) {
        var problems = new ArrayList<UserError>();
        if (details.titleId() == null) {
            problems.add(UserError.of(prefix + "title.indonesian", UserErrorCode.REQUIRED,
                    "Give the product a title before publishing it"));
        }
        if (details.price() == null) {
            problems.add(UserError.of(prefix + "price", UserErrorCode.REQUIRED,
                    "Set a price before publishing the product"));
        }
        if (details.categoryId() == null) {
            problems.add(UserError.of(prefix + "categorySlug", UserErrorCode.REQUIRED,
                    "Choose a category before publishing the product"));
        }
        if (details.availability() == ProductAvailability.READY_STOCK && details.stockQuantity() == null) {
            problems.add(UserError.of(prefix + "stockQuantity", UserErrorCode.REQUIRED,
                    "Enter how many pieces are in stock (0 or more) before publishing the product"));
        }
        if (details.availability() == ProductAvailability.MADE_TO_ORDER && details.leadTimeDays() == null) {
            problems.add(UserError.of(prefix + "leadTimeDays", UserErrorCode.REQUIRED,
                    "Enter how many days making an order takes before publishing the product"));
        }
        for (int i = 0; i < details.images().size(); i++) {
            if (details.images().get(i).altId() == null) {
                problems.add(UserError.of(prefix + "images[" + i + "].alt.indonesian", UserErrorCode.REQUIRED,
                        "Describe every image in Indonesian (alternative text) before publishing the product"));
            }
        }
        return problems;
    }

    /** The URL slug of a product left without one, made from its title. */
    public static String slugOf(String title) {
        return Slugs.madeFrom(title, "produk", InputErrors.MAX_PRODUCT_SLUG);
    }

    private Result run(Draft d) {
        var titleId = InputErrors.text(d.titleId());
        if (titleId == null) {
            errors.add(UserError.of("input.title.indonesian", UserErrorCode.REQUIRED,
                    "Enter the product's title in Indonesian"));
        }
        else if (titleId.length() > MAX_TITLE) {
            errors.add(UserError.of("input.title.indonesian", UserErrorCode.TOO_LONG,
                    "Use at most " + MAX_TITLE + " characters"));
        }
        var titleEn = errors.optional("input.title.english", d.titleEn(), MAX_TITLE);
        var descriptionId = errors.optional("input.description.indonesian", d.descriptionId(), MAX_DESCRIPTION);
        var descriptionEn = errors.optional("input.description.english", d.descriptionEn(), MAX_DESCRIPTION);

        var slug = InputErrors.text(d.slug());
        var derived = slug == null;
        if (derived) {
            slug = slugOf(titleId);
        }
        else {
            errors.slug("input.slug", slug, InputErrors.MAX_PRODUCT_SLUG);
        }

        var materials = tags("input.materials", d.materials());
        var techniques = tags("input.techniques", d.techniques());
        var dimensions = Product.Dimensions.of(dimension("input.dimensions.lengthCm", d.lengthCm()),
                dimension("input.dimensions.widthCm", d.widthCm()),
                dimension("input.dimensions.heightCm", d.heightCm()));
        var weight = d.weightGrams();
        if (weight != null && (weight < 1 || weight > MAX_WEIGHT_GRAMS)) {
            errors.add(UserError.of("input.weightGrams", UserErrorCode.OUT_OF_RANGE,
                    "Enter the weight in grams, between 1 and " + MAX_WEIGHT_GRAMS));
        }
        var price = d.price();
        var priceValid = price == null || (price >= 1 && price <= MAX_PRICE);
        if (!priceValid) {
            errors.add(UserError.of("input.price", UserErrorCode.OUT_OF_RANGE,
                    "Enter the price in whole rupiah, between 1 and 1,000,000,000"));
        }
        var moq = d.minimumOrderQuantity();
        if (moq != null && (moq < 1 || moq > MAX_QUANTITY)) {
            errors.add(UserError.of("input.minimumOrderQuantity", UserErrorCode.OUT_OF_RANGE,
                    "Enter a minimum order of 1 or more pieces"));
        }
        var wholesale = d.wholesalePrice();
        if (wholesale != null) {
            if (wholesale < 1) {
                errors.add(UserError.of("input.wholesalePrice", UserErrorCode.OUT_OF_RANGE,
                        "Enter the wholesale price in whole rupiah, 1 or more"));
            }
            else if (price == null) {
                errors.add(UserError.of("input.wholesalePrice", UserErrorCode.REQUIRES_PRICE,
                        "Set the retail price before a wholesale price"));
            }
            else if (priceValid && wholesale >= price) {
                errors.add(UserError.of("input.wholesalePrice", UserErrorCode.NOT_BELOW_PRICE,
                        "The wholesale price must be lower than the price"));
            }
        }

        Integer stock = null;
        Integer leadTime = null;
        if (d.availability() == null) {
            errors.add(UserError.of("input.availability", UserErrorCode.REQUIRED,
                    "Say whether the product is in stock or made to order"));
        }
        else if (d.availability() == ProductAvailability.READY_STOCK) {
            // the lead time of an earlier MADE_TO_ORDER listing no longer applies and is
            // dropped
            // a draft may leave the stock for later; publishing asks for it
            stock = d.stockQuantity();
            if (stock != null && (stock < 0 || stock > MAX_QUANTITY)) {
                errors.add(UserError.of("input.stockQuantity", UserErrorCode.OUT_OF_RANGE,
                        "Enter how many pieces are in stock (0 or more)"));
            }
        }
        else {
            leadTime = d.leadTimeDays();
            if (leadTime != null && (leadTime < 1 || leadTime > MAX_LEAD_TIME_DAYS)) {
                errors.add(UserError.of("input.leadTimeDays", UserErrorCode.OUT_OF_RANGE,
                        "Enter a lead time between 1 and " + MAX_LEAD_TIME_DAYS + " days"));
            }
        }
        var images = images(d.images());

        if (!errors.isEmpty()) {
            return new Result(null, derived, errors.list());
        }
        return new Result(new ProductDetails(slug, d.categoryId(), titleId, titleEn, descriptionId, descriptionEn,
                materials, techniques, dimensions, weight, price, moq, wholesale, d.availability(), stock, leadTime,
                images), derived, List.of());
    }

    /**
     * Materials and techniques: lower case, without blanks and repeats, as search facets
     * need them.
     */
    private List<String> tags(String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_TAGS) {
            errors.add(UserError.of(field, UserErrorCode.TOO_MANY, "Give at most " + MAX_TAGS + " entries"));
            return List.of();
        }
        var tags = new LinkedHashSet<String>();
        for (int i = 0; i < raw.size(); i++) {
            var value = InputErrors.text(raw.get(i));
            if (value == null) {
                continue;
            }
            if (value.length() > MAX_TAG) {
                errors.add(UserError.of(field + "[" + i + "]", UserErrorCode.TOO_LONG,
                        "Use at most " + MAX_TAG + " characters"));
            }
            else {
                tags.add(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            }
        }
        return List.copyOf(tags);
    }

    private Double dimension(String field, Double raw) {
        if (raw == null) {
            return null;
        }
        if (raw.isNaN() || raw <= 0 || raw > MAX_DIMENSION_CM) {
            errors.add(UserError.of(field, UserErrorCode.OUT_OF_RANGE,
                    "Enter centimetres greater than 0 and at most " + (int) MAX_DIMENSION_CM));
            return null;
        }
        return BigDecimal.valueOf(raw).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private List<ProductDetails.ImageDetails> images(List<ProductDetails.ImageDetails> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_IMAGES) {
            errors.add(UserError.of("input.images", UserErrorCode.TOO_MANY, "Add at most " + MAX_IMAGES + " images"));
            return List.of();
        }
        var images = new ArrayList<ProductDetails.ImageDetails>();
        for (int i = 0; i < raw.size(); i++) {
            var path = "input.images[" + i + "]";
            var key = InputErrors.text(raw.get(i).key());
            if (key == null || key.length() > 200 || !IMAGE_KEY.matcher(key).matches()) {
                errors.add(UserError.of(path + ".imageId", UserErrorCode.INVALID, "Give the id of an uploaded image"));
            }
            var altId = errors.optional(path + ".alt.indonesian", raw.get(i).altId(), MAX_ALT);
            var altEn = errors.optional(path + ".alt.english", raw.get(i).altEn(), MAX_ALT);
            images.add(new ProductDetails.ImageDetails(key, altId, altEn));
        }
        return List.copyOf(images);
    }

}
