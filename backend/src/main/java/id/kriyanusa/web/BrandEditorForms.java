package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/**
 * The brand editor's forms as a phone posts them, and how they become the API's inputs:
 * Instagram and website fields for the brand's links, rows of certifications and artisans
 * (empty rows to add one, a box to remove one, no JavaScript), and the input each of the
 * API's user errors points at, so that a refusal names the row it concerns.
 */
final class BrandEditorForms {

    /** Empty rows offered for adding certifications or artisans. */
    static final int EMPTY_ROWS = 2;

    static final int MAX_CERTIFICATIONS = 10;

    static final int MAX_ARTISANS = 50;

    private static final Pattern ROW = Pattern.compile("input\\.(certifications|artisans)\\[(\\d+)](?:\\.(.+))?");

    private static final Pattern LINK = Pattern.compile("input\\.contacts\\.socialLinks\\[(\\d+)]");

    /** An Instagram account's name as typed: `@name` or `name`. */
    private static final Pattern INSTAGRAM_NAME = Pattern.compile("@?([A-Za-z0-9._]{1,30})");

    /**
     * An Instagram account's address as typed or kept: `instagram.com/name`, with or
     * without `https://` and `www.`, a trailing slash or what the app's share button
     * appends (`?igsh=...`).
     */
    private static final Pattern INSTAGRAM_ADDRESS = Pattern.compile(
            "(?:https?://)?(?:www\\.|m\\.)?instagram\\.com/@?([A-Za-z0-9._]{1,30})/?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);

    private BrandEditorForms() {
    }

    record CertificationRow(String kind, String number, String issuedOn, String expiresOn, String remove) {

        static final CertificationRow EMPTY = new CertificationRow("", "", "", "", null);

        boolean kept() {
            return !PageRequests.ticked(remove) && kind != null && !kind.isBlank();
        }

    }

    /**
     * The brand's page: while a draft, its name, legal form and village; texts, colours,
     * contacts, how many artisans work for it (women and youth among them) and
     * certifications.
     */
    record ProfileForm(String version, String name, String legalForm, String villageSlug, String tagline,
            String storyId, String storyEn, String primary, String secondary, String accent, String whatsapp,
            String phone, String email, String instagram, String website, List<String> otherLinks, String artisansTotal,
            String artisansWomen, String artisansYouth, List<CertificationRow> certifications) {

        /**
         * The fields the service judges against another: women and youth are counted
         * among all artisans, so an unreadable total would make them exceed it.
         */
        static final Map<String, List<String>> JUDGED_AGAINST = Map.of("input.artisans.total",
                List.of("input.artisans.women", "input.artisans.youth"));

        /**
         * The brand as the API gave it, with its links sorted into Instagram, website and
         * others.
         */
        static ProfileForm of(Map<String, Object> brand) {
            var story = map(brand.get("story"));
            var palette = map(brand.get("palette"));
            var contacts = map(brand.get("contacts"));
            String instagram = null;
            String website = null;
            var others = new ArrayList<String>();
            for (var link : list(contacts.get("socialLinks"))) {
                var url = (String) link;
                var account = instagramName(url);
                if (instagram == null && account.isPresent()) {
                    // as the producer typed it and says it
                    instagram = "@" + account.get();
                }
                else if (website == null) {
                    website = url;
                }
                else {
                    others.add(url);
                }
            }
            var rows = new ArrayList<CertificationRow>();
            for (var item : list(brand.get("certifications"))) {
                var c = map(item);
                rows.add(new CertificationRow((String) c.get("kind"), (String) c.get("number"),
                        (String) c.get("issuedOn"), (String) c.get("expiresOn"), null));
            }
            withEmptyRows(rows, CertificationRow.EMPTY, MAX_CERTIFICATIONS);
            var artisans = map(brand.get("artisans"));
            return new ProfileForm(String.valueOf(brand.get("version")), (String) brand.get("name"),
                    (String) brand.get("legalForm"), (String) map(brand.get("village")).get("slug"),
                    (String) brand.get("tagline"), (String) story.get("indonesian"), (String) story.get("english"),
                    (String) palette.get("primary"), (String) palette.get("secondary"), (String) palette.get("accent"),
                    (String) contacts.get("whatsapp"), (String) contacts.get("phone"), (String) contacts.get("email"),
                    instagram, website, others, String.valueOf(artisans.get("total")),
                    String.valueOf(artisans.get("women")), String.valueOf(artisans.get("youth")), rows);
        }

        /**
         * The form to show: based on the brand's current version, so that a form refused
         * for a CONFLICT can be sent again, with exactly the certification rows typed.
         */
        ProfileForm forPage(String currentVersion) {
            return withRows(currentVersion, rows(certifications, CertificationRow.EMPTY));
        }

        /**
         * The form as typed, with one more empty certification row (none past the limit).
         */
        ProfileForm withAnotherRow() {
            var rows = rows(certifications, CertificationRow.EMPTY);
            if (rows.size() < MAX_CERTIFICATIONS) {
                rows.add(CertificationRow.EMPTY);
            }
            return withRows(version, rows);
        }

        private ProfileForm withRows(String version, List<CertificationRow> rows) {
            return new ProfileForm(version, name, legalForm, villageSlug, tagline, storyId, storyEn, primary, secondary,
                    accent, whatsapp, phone, email, instagram, website, otherLinks, artisansTotal, artisansWomen,
                    artisansYouth, rows);
        }

        /**
         * The `UpdateBrandInput`: what is left empty is cleared, an Instagram name
         * becomes its address (anything else there is refused, never kept as another
         * link), and a date a browser without a date picker let through unreadable (or a
         * count that is no number, or a certification kind not among the {@code kinds}
         * offered) is left empty, with an error of its own.
         */
        Request input(String brandId, List<String> kinds) {
            var errors = new ArrayList<UserError>();
            var input = new HashMap<String, Object>();
            input.put("id", brandId);
            input.put("expectedVersion", PageRequests.expectedVersion(version));
            // on the page only while the department has not verified them: left out, they
            // are kept
            if (name != null) {
                input.put("name", name);
            }
            if (legalForm != null) {
                input.put("legalForm", PageRequests.choice("input.legalForm", legalForm,
                        BrandLifecyclePageController.LEGAL_FORMS, errors));
            }
            if (villageSlug != null) {
                input.put("villageSlug", villageSlug);
            }
            input.put("tagline", blankToNull(tagline));
            input.put("story",
                    Map.of("indonesian", Objects.toString(storyId, ""), "english", Objects.toString(storyEn, "")));
            input.put("palette", nullable("primary", blankToNull(primary), "secondary", blankToNull(secondary),
                    "accent", blankToNull(accent)));
            var links = new ArrayList<String>();
            var linkIds = new ArrayList<String>();
            addLink(links, linkIds, "instagram", instagramAddress(instagram, errors));
            addLink(links, linkIds, "website", address(website));
            for (var other : Objects.requireNonNullElse(otherLinks, List.<String>of())) {
                addLink(links, linkIds, "website", blankToNull(other));
            }
            var contacts = nullable("whatsapp", blankToNull(whatsapp), "phone", blankToNull(phone), "email",
                    blankToNull(email));
            contacts.put("socialLinks", links);
            input.put("contacts", contacts);
            // a form without the artisans' fields (a page opened before they were added)
            // keeps the counts
            if (artisansTotal != null || artisansWomen != null || artisansYouth != null) {
                input.put("artisans", nullable("total",
                        TypedNumbers.read("input.artisans.total", artisansTotal, TypedNumbers::count, errors), "women",
                        TypedNumbers.read("input.artisans.women", artisansWomen, TypedNumbers::count, errors), "youth",
                        TypedNumbers.read("input.artisans.youth", artisansYouth, TypedNumbers::count, errors)));
            }
            var rows = new ArrayList<Integer>();
            var kept = new ArrayList<Map<String, Object>>();
            var all = rows(certifications, CertificationRow.EMPTY);
            for (int row = 0; row < all.size(); row++) {
                var c = all.get(row);
                if (c.kept()) {
                    rows.add(row);
                    kept.add(nullable("kind",
                            PageRequests.choice("input.certifications[" + kept.size() + "].kind", c.kind(), kinds,
                                    errors),
                            "number", blankToNull(c.number()), "issuedOn",
                            date("input.certifications[" + kept.size() + "].issuedOn", c.issuedOn(), errors),
                            "expiresOn",
                            date("input.certifications[" + kept.size() + "].expiresOn", c.expiresOn(), errors)));
                }
            }
            input.put("certifications", kept);
            return new Request(input, rows, linkIds, errors);
        }

    }

    record ArtisanRow(String name, String roleId, String roleEn, String consent, String remove) {

        static final ArtisanRow EMPTY = new ArtisanRow("", "", "", null, null);

        /** A row counts when it is not removed and anything was typed in it. */
        boolean kept() {
            return !PageRequests.ticked(remove)
                    && (blankToNull(name) != null || blankToNull(roleId) != null || blankToNull(roleEn) != null);
        }

    }

    /** The artisans named on the brand page. */
    record ArtisansForm(String version, List<ArtisanRow> artisans) {

        static ArtisansForm of(Map<String, Object> brand) {
            var rows = new ArrayList<ArtisanRow>();
            for (var item : list(brand.get("namedArtisans"))) {
                var artisan = map(item);
                var role = map(artisan.get("role"));
                rows.add(new ArtisanRow((String) artisan.get("name"), (String) role.get("indonesian"),
                        (String) role.get("english"), Boolean.TRUE.equals(artisan.get("consentToShow")) ? "true" : null,
                        null));
            }
            withEmptyRows(rows, ArtisanRow.EMPTY, MAX_ARTISANS);
            return new ArtisansForm(String.valueOf(brand.get("version")), rows);
        }

        /** As {@link ProfileForm#forPage}: exactly the artisan rows typed. */
        ArtisansForm forPage(String currentVersion) {
            return new ArtisansForm(currentVersion, rows(artisans, ArtisanRow.EMPTY));
        }

        /** The form as typed, with one more empty artisan row (none past the limit). */
        ArtisansForm withAnotherRow() {
            var rows = rows(artisans, ArtisanRow.EMPTY);
            if (rows.size() < MAX_ARTISANS) {
                rows.add(ArtisanRow.EMPTY);
            }
            return new ArtisansForm(version, rows);
        }

        /** The `UpdateNamedArtisansInput`, without the empty and the removed rows. */
        Request input(String brandId) {
            var rows = new ArrayList<Integer>();
            var kept = new ArrayList<Map<String, Object>>();
            var all = rows(artisans, ArtisanRow.EMPTY);
            for (int row = 0; row < all.size(); row++) {
                var a = all.get(row);
                if (a.kept()) {
                    rows.add(row);
                    kept.add(nullable("name", Objects.toString(a.name(), ""), "role",
                            nullable("indonesian", blankToNull(a.roleId()), "english", blankToNull(a.roleEn())),
                            "consentToShow", PageRequests.ticked(a.consent())));
                }
            }
            return new Request(nullable("brandId", brandId, "expectedVersion", PageRequests.expectedVersion(version),
                    "artisans", kept), rows, List.of(), List.of());
        }

    }

    /**
     * A form's API input, which row of the form each item of its lists came from, the ids
     * of the link inputs in `socialLinks` order, and the fields the page could not read.
     */
    record Request(Map<String, Object> input, List<Integer> rows, List<String> linkIds, List<UserError> errors) {

        /**
         * The id of the input an API field came from: `input.certifications[1].issuedOn`
         * is the row the second kept certification was typed in, `input.story.indonesian`
         * is `story-indonesian`; none for the version, which the person did not type.
         */
        String inputId(String field) {
            if (field == null || field.equals("input.expectedVersion")) {
                return "";
            }
            var row = ROW.matcher(field);
            if (row.matches()) {
                var index = Integer.parseInt(row.group(2));
                var typed = index < rows.size() ? rows.get(index) : index;
                return row.group(1) + "-" + typed + (row.group(3) == null ? "" : "-" + row.group(3).replace('.', '-'));
            }
            var link = LINK.matcher(field);
            if (link.matches() && Integer.parseInt(link.group(1)) < linkIds.size()) {
                return linkIds.get(Integer.parseInt(link.group(1)));
            }
            return field.replaceFirst("^input\\.", "").replace('.', '-');
        }

    }

    /**
     * An Instagram name or address as the https address the API keeps; anything else
     * typed there (another site's address) is left out, with an error of its own at
     * `input.instagram`: the API keeps the brand's links as one list, so it would come
     * back as the website.
     */
    private static String instagramAddress(String typed, List<UserError> errors) {
        var value = blankToNull(typed);
        if (value == null) {
            return null;
        }
        var name = INSTAGRAM_NAME.matcher(value);
        var address = INSTAGRAM_ADDRESS.matcher(value);
        if (!name.matches() && !address.matches()) {
            errors.add(UserError.of("input.instagram", UserErrorCode.INVALID,
                    "Enter an Instagram name such as @kriyasemoyang or its instagram.com address"));
            return null;
        }
        return "https://www.instagram.com/" + (name.matches() ? name.group(1) : address.group(1));
    }

    /** The account's name of an Instagram address, none for another address. */
    static Optional<String> instagramName(String address) {
        var matcher = INSTAGRAM_ADDRESS.matcher(Objects.toString(address, ""));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A web address typed without `https://` gets it; the API checks the rest. */
    static String address(String typed) {
        var value = blankToNull(typed);
        if (value == null || value.contains("://")) {
            return value;
        }
        return "https://" + value;
    }

    /**
     * The rows as posted; a row left out of the numbering (`rows[0]` missing, `rows[1]`
     * sent) is an empty one.
     */
    private static <T> List<T> rows(List<T> posted, T empty) {
        var rows = new ArrayList<T>();
        for (var row : Objects.requireNonNullElse(posted, List.<T>of())) {
            rows.add(row == null ? empty : row);
        }
        return rows;
    }

    /**
     * Empty rows after the stored ones, to add some: only on the stored page, so that a
     * refused form comes back with the rows it had.
     */
    private static <T> void withEmptyRows(List<T> rows, T empty, int max) {
        for (int i = 0; i < EMPTY_ROWS && rows.size() < max; i++) {
            rows.add(empty);
        }
    }

    private static void addLink(List<String> links, List<String> ids, String id, String link) {
        if (link != null) {
            links.add(link);
            ids.add(id);
        }
    }

    private static String date(String field, String typed, List<UserError> errors) {
        var value = blankToNull(typed);
        if (value == null) {
            return null;
        }
        return TypedDates.read(value).orElseGet(() -> {
            errors.add(UserError.of(field, UserErrorCode.INVALID, "Enter a date such as 25/03/2024"));
            return null;
        });
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A map of name-value pairs that, unlike Map.of, may hold nulls (which clear a
     * field).
     */
    private static Map<String, Object> nullable(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

}
