package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import id.kriyanusa.platform.graphql.UserError;

/**
 * The product editor's form, every field as typed (so a refused form comes back exactly
 * as it was sent), and its translation into the API's `CreateProductInput` or
 * `UpdateProductInput`: numbers as the page's language writes them, materials and
 * techniques as comma-separated tags. Public for the templates' expressions.
 *
 * @param versi the product's `version` the form was filled in from (edits only)
 */
public record ProductForm(String titleId, String titleEn, String descriptionId, String descriptionEn,
        String categorySlug, String materials, String techniques, String price, String wholesalePrice,
        String minimumOrderQuantity, String availability, String stockQuantity, String leadTimeDays, String lengthCm,
        String widthCm, String heightCm, String weightGrams, String slug, String versi) {

    /**
     * The fields the service judges against another: a wholesale price needs a price to
     * stay below, so an unreadable price would make it "need a price".
     */
    static final Map<String, List<String>> JUDGED_AGAINST = Map.of("input.price", List.of("input.wholesalePrice"));

    /** The availabilities the form offers. */
    static final List<String> AVAILABILITIES = List.of("MADE_TO_ORDER", "READY_STOCK");

    /** A new product's form: made to order, as most village crafts are. */
    static ProductForm blank() {
        return new ProductForm(null, null, null, null, null, null, null, null, null, null, "MADE_TO_ORDER", null, null,
                null, null, null, null, null, null);
    }

    /** The form filled in with a product as the API gives it (`productEditorPage`). */
    @SuppressWarnings("unchecked")
    static ProductForm of(Map<String, Object> product) {
        var title = (Map<String, Object>) product.get("title");
        var description = Objects.requireNonNullElse((Map<String, Object>) product.get("description"), Map.of());
        var category = (Map<String, Object>) product.get("category");
        var dimensions = Objects.requireNonNullElse((Map<String, Object>) product.get("dimensions"), Map.of());
        Function<String, String> number = field -> TypedNumbers.shown((Number) product.get(field));
        return new ProductForm((String) title.get("indonesian"), (String) title.get("english"),
                (String) description.get("indonesian"), (String) description.get("english"),
                category == null ? null : (String) category.get("slug"),
                String.join(", ", (List<String>) product.get("materials")),
                String.join(", ", (List<String>) product.get("techniques")), number.apply("price"),
                number.apply("wholesalePrice"), number.apply("minimumOrderQuantity"),
                (String) product.get("availability"), number.apply("stockQuantity"), number.apply("leadTimeDays"),
                TypedNumbers.shown((Number) dimensions.get("lengthCm")),
                TypedNumbers.shown((Number) dimensions.get("widthCm")),
                TypedNumbers.shown((Number) dimensions.get("heightCm")), number.apply("weightGrams"),
                (String) product.get("slug"), String.valueOf(product.get("version")));
    }

    /**
     * The fields as an API input, null where a field is empty (which clears it in an
     * update); a number that cannot be read is left empty too, with an INVALID user error
     * at its API path in {@code unreadable}.
     */
    Map<String, Object> input(List<UserError> unreadable) {
        var input = new HashMap<String, Object>();
        input.put("title", text(titleId, titleEn));
        input.put("description", text(descriptionId, descriptionEn));
        input.put("categorySlug", blankToNull(categorySlug));
        input.put("materials", tags(materials));
        input.put("techniques", tags(techniques));
        input.put("price", TypedNumbers.read("input.price", price, TypedNumbers::rupiah, unreadable));
        input.put("wholesalePrice",
                TypedNumbers.read("input.wholesalePrice", wholesalePrice, TypedNumbers::rupiah, unreadable));
        input.put("minimumOrderQuantity",
                TypedNumbers.read("input.minimumOrderQuantity", minimumOrderQuantity, TypedNumbers::count, unreadable));
        input.put("availability", PageRequests.choice("input.availability", availability, AVAILABILITIES, unreadable));
        // only the one the availability asks for: the API drops the other anyway
        var readyStock = "READY_STOCK".equals(availability);
        input.put("stockQuantity", readyStock
                ? TypedNumbers.read("input.stockQuantity", stockQuantity, TypedNumbers::count, unreadable) : null);
        input.put("leadTimeDays", readyStock ? null
                : TypedNumbers.read("input.leadTimeDays", leadTimeDays, TypedNumbers::count, unreadable));
        var dimensions = new HashMap<String, Object>();
        dimensions.put("lengthCm",
                TypedNumbers.read("input.dimensions.lengthCm", lengthCm, TypedNumbers::decimal, unreadable));
        dimensions.put("widthCm",
                TypedNumbers.read("input.dimensions.widthCm", widthCm, TypedNumbers::decimal, unreadable));
        dimensions.put("heightCm",
                TypedNumbers.read("input.dimensions.heightCm", heightCm, TypedNumbers::decimal, unreadable));
        input.put("dimensions", dimensions.values().stream().allMatch(Objects::isNull) ? null : dimensions);
        input.put("weightGrams", TypedNumbers.read("input.weightGrams", weightGrams, TypedNumbers::count, unreadable));
        input.put("slug", blankToNull(slug));
        return input;
    }

    /**
     * The fields whose stored value differs from what was typed, with the stored value as
     * the form shows it: after a CONFLICT, what the other change left.
     */
    Map<String, String> differencesFrom(ProductForm stored) {
        var differences = new LinkedHashMap<String, String>();
        for (var component : ProductForm.class.getRecordComponents()) {
            try {
                var typed = Objects.toString(component.getAccessor().invoke(this), "").strip();
                var current = Objects.toString(component.getAccessor().invoke(stored), "").strip();
                if (!component.getName().equals("versi") && !typed.equals(current)) {
                    differences.put(component.getName(), current);
                }
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return differences;
    }

    /** The same typed fields, based on another version of the product. */
    ProductForm at(String version) {
        return new ProductForm(titleId, titleEn, descriptionId, descriptionEn, categorySlug, materials, techniques,
                price, wholesalePrice, minimumOrderQuantity, availability, stockQuantity, leadTimeDays, lengthCm,
                widthCm, heightCm, weightGrams, slug, version);
    }

    /**
     * A user error of the API as one of this form's fields: `input.title.indonesian` is
     * `titleId`, any image's is `photos` (described on the photos page), a tag's is the
     * whole list's; the field names the input the problem summary links to.
     */
    static UserError onForm(UserError error) {
        if (error.field() == null) {
            return error;
        }
        var path = error.field().substring(error.field().indexOf('.') + 1);
        var field = switch (path) {
            case "title.indonesian" -> "titleId";
            case "title.english" -> "titleEn";
            case "description.indonesian" -> "descriptionId";
            case "description.english" -> "descriptionEn";
            case "id", "expectedVersion" -> null;
            default -> {
                var plain = path.replaceAll("\\[\\d+]", "");
                yield plain.startsWith("images") ? "photos" : plain.substring(plain.lastIndexOf('.') + 1);
            }
        };
        return new UserError(field, error.message(), error.code());
    }

    /** A `LocalizedTextInput`; an empty language clears that language. */
    private static Map<String, Object> text(String indonesian, String english) {
        var text = new HashMap<String, Object>();
        text.put("indonesian", Objects.toString(indonesian, "").strip());
        text.put("english", Objects.toString(english, "").strip());
        return text;
    }

    private static List<String> tags(String typed) {
        if (typed == null) {
            return List.of();
        }
        return new ArrayList<>(
                Arrays.stream(typed.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

}
