package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import id.kriyanusa.platform.security.KeptForm;
import org.springframework.context.MessageSource;

/**
 * A kept form as its author would recognise it on `/masuk/lanjutkan`: each field under
 * the label its page gives it, with the value as the page shows it (the category's name,
 * "Dibuat sesuai pesanan"). The page's technical fields (the version it was read at, a
 * photo's key) are left out, and so are fields of pages the summary does not know, which
 * are only counted; all of them are still sent again.
 *
 * @param rows the fields shown, in the order they were typed
 * @param others how many fields with a value are sent but not shown
 */
record KeptFormSummary(List<Row> rows, int others) {

    /** A field's label and what was typed or chosen in it. */
    record Row(String label, List<String> values) {
    }

    /** The label each known field has on its page, by the field's name. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("titleId", "productEditor.titleId"),
            Map.entry("titleEn", "productEditor.titleEn"), Map.entry("descriptionId", "productEditor.descriptionId"),
            Map.entry("descriptionEn", "productEditor.descriptionEn"),
            Map.entry("categorySlug", "productEditor.category"), Map.entry("materials", "productEditor.materials"),
            Map.entry("techniques", "productEditor.techniques"), Map.entry("price", "productEditor.price"),
            Map.entry("wholesalePrice", "productEditor.wholesalePrice"),
            Map.entry("minimumOrderQuantity", "productEditor.minimumOrderQuantity"),
            Map.entry("availability", "productEditor.availability"),
            Map.entry("stockQuantity", "productEditor.stockQuantity"),
            Map.entry("leadTimeDays", "productEditor.leadTimeDays"), Map.entry("lengthCm", "productEditor.lengthCm"),
            Map.entry("widthCm", "productEditor.widthCm"), Map.entry("heightCm", "productEditor.heightCm"),
            Map.entry("weightGrams", "productEditor.weightGrams"), Map.entry("slug", "productEditor.slug"),
            Map.entry("altId", "photos.altId"), Map.entry("altEn", "photos.altEn"));

    /** The words the pages offer for a choice, by the value the form sends. */
    private static final Map<String, String> CHOICES = Map.of("MADE_TO_ORDER", "productEditor.madeToOrder",
            "READY_STOCK", "productEditor.readyStock");

    /** What a page sends for itself rather than for its reader: never shown. */
    private static final List<String> TECHNICAL = List.of("versi", "kunci");

    /**
     * The summary of a kept form, in the reader's language; {@code categoryName} gives a
     * category's name by its slug (the slug when there is none).
     */
    static KeptFormSummary of(KeptForm kept, MessageSource messages, Locale locale,
            UnaryOperator<String> categoryName) {
        var rows = new ArrayList<Row>();
        var others = 0;
        for (var field : kept.fields().entrySet()) {
            var values = field.getValue().stream().filter(value -> !value.isBlank()).toList();
            if (values.isEmpty() || TECHNICAL.contains(field.getKey())) {
                continue;
            }
            var label = LABELS.get(field.getKey());
            if (label == null) {
                others++;
                continue;
            }
            rows.add(new Row(messages.getMessage(label, null, locale), values.stream()
                .map(value -> field.getKey().equals("categorySlug") ? categoryName.apply(value)
                        : CHOICES.containsKey(value) ? messages.getMessage(CHOICES.get(value), null, locale) : value)
                .toList()));
        }
        return new KeptFormSummary(List.copyOf(rows), others);
    }

}
