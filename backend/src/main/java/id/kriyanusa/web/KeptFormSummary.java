package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import id.kriyanusa.platform.security.KeptForm;
import org.springframework.context.MessageSource;

/**
 * A kept form as its author would recognise it on `/masuk/lanjutkan`: each field under
 * the label its page gives it (the product and brand editors, a photo's description),
 * with the value as the page shows it (the category's name, "Dibuat sesuai pesanan"). The
 * page's technical fields (the version it was read at, a photo's key) are left out, and
 * fields without a label the summary knows are only counted; all of them are still sent
 * again.
 *
 * @param rows the fields shown, in the order they were typed
 * @param others how many fields with a value are sent but not shown
 */
record KeptFormSummary(List<Row> rows, int others) {

    /** A field's label and what was typed or chosen in it. */
    record Row(String label, List<String> values) {
    }

    /**
     * The message area of the labels of the forms posted to an address: a label is
     * `{area}.{field}`, as the form's page writes it.
     */
    private static final List<Map.Entry<Pattern, String>> AREAS = List.of(
            Map.entry(Pattern.compile("/dasbor/produk/[^/?]+/foto([/?].*)?"), "photos"),
            Map.entry(Pattern.compile("/dasbor/produk/[^/?]+(\\?.*)?|/dasbor/merek/[^/?]+/produk/baru(\\?.*)?"),
                    "productEditor"),
            Map.entry(Pattern.compile("/dasbor/merek/[^/?]+(\\?.*)?"), "brandEditor"));

    /** Fields whose label's key is not their name. */
    private static final Map<String, String> LABEL_KEYS = Map.of("categorySlug", "category");

    /** The words the pages offer for a choice, by the value the form sends. */
    private static final Map<String, String> CHOICES = Map.of("MADE_TO_ORDER", "productEditor.madeToOrder",
            "READY_STOCK", "productEditor.readyStock");

    /** What a page sends for itself rather than for its reader: never shown. */
    private static final List<String> TECHNICAL = List.of("versi", "version", "kunci");

    /**
     * The summary of a kept form, in the reader's language; {@code categoryName} gives a
     * category's name by its slug (the slug when there is none).
     */
    static KeptFormSummary of(KeptForm kept, MessageSource messages, Locale locale,
            UnaryOperator<String> categoryName) {
        var area = AREAS.stream()
            .filter(known -> known.getKey().matcher(kept.path()).matches())
            .map(Map.Entry::getValue)
            .findFirst();
        var rows = new ArrayList<Row>();
        var others = 0;
        for (var field : kept.fields().entrySet()) {
            var values = field.getValue().stream().filter(value -> !value.isBlank()).toList();
            if (values.isEmpty() || TECHNICAL.contains(field.getKey())) {
                continue;
            }
            var label = area
                .map(known -> messages.getMessage(known + "." + LABEL_KEYS.getOrDefault(field.getKey(), field.getKey()),
                        null, null, locale))
                .orElse(null);
            if (label == null) {
                others++;
                continue;
            }
            rows.add(new Row(label, values.stream()
                .map(value -> field.getKey().equals("categorySlug") ? categoryName.apply(value)
                        : CHOICES.containsKey(value) ? messages.getMessage(CHOICES.get(value), null, locale) : value)
                .toList()));
        }
        return new KeptFormSummary(List.copyOf(rows), others);
    }

}
