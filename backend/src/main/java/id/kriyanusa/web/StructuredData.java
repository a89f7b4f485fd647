package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org description (JSON-LD) of a storefront page, for search engines' rich
 * results: a product with its offer in rupiah, a brand as an organisation, a village as a
 * place, each with the trail of pages above it, in the page's language (its texts and the
 * pages it links to). Built from the page's own document, so it never says more than the
 * page shows.
 */
@Component
class StructuredData {

    private static final String SCHEMA = "https://schema.org/";

    private final JsonMapper json;

    private final PageText text;

    StructuredData(JsonMapper json, PageText text) {
        this.json = json;
        this.text = text;
    }

    /**
     * The JSON-LD of a village, brand or product page, ready to place in a script
     * element.
     */
    String of(String field, Map<String, Object> found) {
        var described = switch (field) {
            case "product" -> product(found);
            case "brand" -> brand(found);
            default -> village(found);
        };
        var graph = Map.of("@context", "https://schema.org", "@graph", List.of(described, breadcrumbs(field, found)));
        // "</" would end the script element early; JSON allows the slash escaped
        return json.writeValueAsString(graph).replace("</", "<\\/");
    }

    private Map<String, Object> product(Map<String, Object> product) {
        var brand = map(product, "brand");
        var described = thing("Product", text.pick(map(product, "title")), "/produk/" + product.get("slug"));
        putText(described, "description", text.pick(map(product, "description")));
        described.put("sku", product.get("slug"));
        var images = new ArrayList<String>();
        for (var image : list(product, "images")) {
            var url = largest(map(image, "image"));
            if (url != null) {
                images.add(url);
            }
        }
        if (!images.isEmpty()) {
            described.put("image", images);
        }
        var category = map(product, "category");
        if (category != null) {
            described.put("category", text.pick(map(category, "name")));
        }
        putText(described, "material",
                String.join(", ", strings(product, "materials").stream().map(text::craftWord).toList()));
        described.put("brand", Map.of("@type", "Brand", "name", brand.get("name")));
        described.put("manufacturer",
                Map.of("@type", "Organization", "name", brand.get("name"), "url", page("/merek/" + brand.get("slug"))));
        if (product.get("price") != null) {
            described.put("offers", offer(product));
        }
        return described;
    }

    private Map<String, Object> offer(Map<String, Object> product) {
        var offer = new LinkedHashMap<String, Object>();
        offer.put("@type", "Offer");
        offer.put("price", product.get("price"));
        offer.put("priceCurrency", "IDR");
        offer.put("availability", SCHEMA + availability(product));
        offer.put("url", page("/produk/" + product.get("slug")));
        if (product.get("minimumOrderQuantity") instanceof Number least && least.intValue() > 1) {
            offer.put("eligibleQuantity", Map.of("@type", "QuantitativeValue", "minValue", least, "unitCode", "C62"));
        }
        return offer;
    }

    private static String availability(Map<String, Object> product) {
        if ("MADE_TO_ORDER".equals(product.get("availability"))) {
            return "MadeToOrder";
        }
        return product.get("stockQuantity") instanceof Number stock && stock.intValue() > 0 ? "InStock" : "OutOfStock";
    }

    private Map<String, Object> brand(Map<String, Object> brand) {
        var described = thing("Organization", (String) brand.get("name"), "/merek/" + brand.get("slug"));
        putText(described, "slogan", (String) brand.get("tagline"));
        putText(described, "description", text.pick(map(brand, "story")));
        putText(described, "logo", largest(map(brand, "logo")));
        if (brand.get("yearFounded") != null) {
            described.put("foundingDate", String.valueOf(brand.get("yearFounded")));
        }
        var contacts = map(brand, "contacts");
        if (contacts != null) {
            putText(described, "email", (String) contacts.get("email"));
            putText(described, "telephone",
                    (String) (contacts.get("phone") != null ? contacts.get("phone") : contacts.get("whatsapp")));
            var links = strings(contacts, "socialLinks");
            if (!links.isEmpty()) {
                described.put("sameAs", links);
            }
        }
        var village = map(brand, "village");
        if (village != null) {
            described.put("address", address(village));
            described.put("location",
                    Map.of("@type", "Place", "name", village.get("name"), "url", page("/desa/" + village.get("slug"))));
        }
        return described;
    }

    private Map<String, Object> village(Map<String, Object> village) {
        var described = thing("Place", (String) village.get("name"), "/desa/" + village.get("slug"));
        putText(described, "description", text.pick(map(village, "description")));
        putText(described, "image", largest(map(village, "heroImage")));
        described.put("address", address(village));
        var location = map(village, "location");
        if (location != null) {
            described.put("geo", Map.of("@type", "GeoCoordinates", "latitude", location.get("lat"), "longitude",
                    location.get("lon")));
        }
        return described;
    }

    /** Home › village › brand › product, as far as the page goes. */
    private Map<String, Object> breadcrumbs(String field, Map<String, Object> found) {
        var trail = new ArrayList<Map<String, Object>>();
        trail.add(crumb(1, "Kriyanusa", "/"));
        switch (field) {
            case "product" -> {
                var brand = map(found, "brand");
                var village = map(brand, "village");
                if (village != null) {
                    trail.add(crumb(2, (String) village.get("name"), "/desa/" + village.get("slug")));
                }
                trail.add(crumb(trail.size() + 1, (String) brand.get("name"), "/merek/" + brand.get("slug")));
                trail.add(crumb(trail.size() + 1, text.pick(map(found, "title")), "/produk/" + found.get("slug")));
            }
            case "brand" -> {
                var village = map(found, "village");
                if (village != null) {
                    trail.add(crumb(2, (String) village.get("name"), "/desa/" + village.get("slug")));
                }
                trail.add(crumb(trail.size() + 1, (String) found.get("name"), "/merek/" + found.get("slug")));
            }
            default -> trail.add(crumb(2, (String) found.get("name"), "/desa/" + found.get("slug")));
        }
        return Map.of("@type", "BreadcrumbList", "itemListElement", trail);
    }

    private Map<String, Object> crumb(int position, String name, String path) {
        return Map.of("@type", "ListItem", "position", position, "name", name, "item", page(path));
    }

    private Map<String, Object> thing(String type, String name, String path) {
        var described = new LinkedHashMap<String, Object>();
        described.put("@type", type);
        described.put("name", name);
        described.put("url", page(path));
        return described;
    }

    /**
     * The absolute address of a page in the language of the one described: an English
     * page names English pages (`lang=en`), as its canonical link does.
     */
    private String page(String path) {
        return text.absolute(Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())
                ? AddressLanguage.inEnglish(path) : path);
    }

    /**
     * The village's postal address, in the official Indonesian names on any page: "Lombok
     * Timur, Nusa Tenggara Barat" even where an English page says "East Lombok". A postal
     * address is written as its own country writes it, as on a parcel, and one form on
     * both pages lets search engines see one organisation at one address.
     */
    private static Map<String, Object> address(Map<String, Object> village) {
        var address = new LinkedHashMap<String, Object>();
        address.put("@type", "PostalAddress");
        address.put("addressLocality", village.get("name"));
        if (village.get("regency") != null) {
            address.put("addressRegion", village.get("regency") + ", Nusa Tenggara Barat");
        }
        address.put("addressCountry", "ID");
        return address;
    }

    /** The address of an image's largest JPEG rendition, absolute; null without one. */
    private String largest(Map<String, Object> image) {
        var renditions = image == null ? null : (List<Map<String, Object>>) image.get("renditions");
        return renditions == null || renditions.isEmpty() ? null
                : text.absolute((String) renditions.getLast().get("url"));
    }

    private static void putText(Map<String, Object> described, String property, String value) {
        if (value != null && !value.isBlank()) {
            described.put(property, value);
        }
    }

    private static Map<String, Object> map(Map<String, Object> from, String field) {
        return from == null ? null : (Map<String, Object>) from.get(field);
    }

    private static List<Map<String, Object>> list(Map<String, Object> from, String field) {
        var found = (List<Map<String, Object>>) from.get(field);
        return found == null ? List.of() : found;
    }

    private static List<String> strings(Map<String, Object> from, String field) {
        var found = (List<String>) from.get(field);
        return found == null ? List.of() : found;
    }

}
