package id.kriyanusa.brand.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandLegalForm;
import id.kriyanusa.brand.CertificationKind;
import id.kriyanusa.platform.IndonesianMobileNumbers;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;

/**
 * Checks and normalises what members write on a brand page, collecting one user error per
 * field at fault so the form can show them all at once.
 */
public final class BrandRules {

    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private static final Pattern COLOUR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{5,23}$");

    public static final int MAX_STORY = 10_000;

    public static final int MAX_CERTIFICATIONS = 10;

    public static final int MAX_SOCIAL_LINKS = 10;

    public static final int MAX_NOTE = 2_000;

    /** A brand page as typed, before checking; nulls mean "not given". */
    public record Draft(String name, String slug, BrandLegalForm legalForm, Long villageId, String tagline,
            String storyId, String storyEn, String logoImage, String coverImage, String primary, String secondary,
            String accent, String whatsapp, String phone, String email, List<String> socialLinks,
            List<RawCertification> certifications, Integer yearFounded, Integer artisansTotal, Integer artisansWomen,
            Integer artisansYouth) {
    }

    public record RawCertification(CertificationKind kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
    }

    private final InputErrors errors = new InputErrors();

    private BrandRules() {
    }

    /**
     * The checked details, or the errors found; {@code villageError} is added when the
     * village was not found.
     */
    public static Result check(Draft draft) {
        return new BrandRules().run(draft);
    }

    public record Result(BrandDetails details, List<UserError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private Result run(Draft d) {
        var name = InputErrors.text(d.name());
        if (name == null) {
            errors.add(UserError.of("input.name", UserErrorCode.REQUIRED, "Enter the brand's name"));
        }
        else if (name.length() > 120) {
            errors.add(UserError.of("input.name", UserErrorCode.TOO_LONG, "Use at most 120 characters"));
        }
        var slug = errors.slug("input.slug", d.slug());
        if (d.legalForm() == null) {
            errors.add(UserError.of("input.legalForm", UserErrorCode.REQUIRED, "Choose the legal form"));
        }
        if (d.villageId() == null) {
            errors.add(UserError.of("input.villageSlug", UserErrorCode.REQUIRED, "Choose the brand's village"));
        }
        var tagline = errors.optional("input.tagline", d.tagline(), 160);
        var storyId = errors.optional("input.story.indonesian", d.storyId(), MAX_STORY);
        var storyEn = errors.optional("input.story.english", d.storyEn(), MAX_STORY);
        var logo = errors.optional("input.logoImageId", d.logoImage(), 200);
        var cover = errors.optional("input.coverImageId", d.coverImage(), 200);
        var palette = new Brand.Palette(colour("input.palette.primary", d.primary()),
                colour("input.palette.secondary", d.secondary()), colour("input.palette.accent", d.accent()));
        var contacts = new Brand.Contacts(whatsapp(d.whatsapp()), phone(d.phone()), email(d.email()),
                links(d.socialLinks()));
        var certifications = certifications(d.certifications());
        var year = d.yearFounded();
        if (year != null && (year < 1900 || year > Year.now().getValue())) {
            errors.add(UserError.of("input.yearFounded", UserErrorCode.OUT_OF_RANGE,
                    "Enter a year between 1900 and this year"));
        }
        var artisans = artisans(d.artisansTotal(), d.artisansWomen(), d.artisansYouth());
        if (!errors.isEmpty()) {
            return new Result(null, errors.list());
        }
        return new Result(new BrandDetails(name, slug, d.legalForm(), d.villageId(), tagline, storyId, storyEn, logo,
                cover, palette, contacts, certifications, year, artisans), List.of());
    }

    private String colour(String field, String raw) {
        var value = InputErrors.text(raw);
        if (value == null) {
            return null;
        }
        if (!COLOUR.matcher(value).matches()) {
            errors.add(UserError.of(field, UserErrorCode.INVALID,
                    "Use a colour of the form #RRGGBB, for example #8B5A2B"));
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private String whatsapp(String raw) {
        var value = InputErrors.text(raw);
        if (value == null) {
            return null;
        }
        var normalised = IndonesianMobileNumbers.e164(value);
        if (normalised.isEmpty()) {
            errors.add(UserError.of("input.contacts.whatsapp", UserErrorCode.INVALID,
                    "Enter an Indonesian mobile number such as 081234567890 or +6281234567890"));
        }
        return normalised.orElse(null);
    }

    private String phone(String raw) {
        var value = InputErrors.text(raw);
        if (value != null && !PHONE.matcher(value).matches()) {
            errors.add(UserError.of("input.contacts.phone", UserErrorCode.INVALID,
                    "Enter a phone number of digits, spaces and hyphens"));
        }
        return value;
    }

    private String email(String raw) {
        var value = InputErrors.text(raw);
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            errors.add(UserError.of("input.contacts.email", UserErrorCode.INVALID, "Enter a valid email address"));
        }
        return value;
    }

    private List<String> links(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_SOCIAL_LINKS) {
            errors.add(UserError.of("input.contacts.socialLinks", UserErrorCode.TOO_MANY,
                    "Give at most " + MAX_SOCIAL_LINKS + " links"));
            return List.of();
        }
        var links = new ArrayList<String>();
        for (int i = 0; i < raw.size(); i++) {
            var value = InputErrors.text(raw.get(i));
            if (value == null || value.length() > 300 || !isHttpsUrl(value)) {
                errors.add(UserError.of("input.contacts.socialLinks[" + i + "]", UserErrorCode.INVALID,
                        "Enter a full https address, for example https://instagram.com/kriyasemoyang"));
            }
            else {
                links.add(value);
            }
        }
        return List.copyOf(links);
    }

    private static boolean isHttpsUrl(String value) {
        try {
            var uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private List<Brand.Certification> certifications(List<RawCertification> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_CERTIFICATIONS) {
            errors.add(UserError.of("input.certifications", UserErrorCode.TOO_MANY,
                    "Give at most " + MAX_CERTIFICATIONS + " certifications"));
            return List.of();
        }
        var result = new ArrayList<Brand.Certification>();
        for (int i = 0; i < raw.size(); i++) {
            var certification = raw.get(i);
            var path = "input.certifications[" + i + "]";
            if (certification.kind() == null) {
                errors.add(UserError.of(path + ".kind", UserErrorCode.REQUIRED, "Choose the kind of certification"));
            }
            var number = errors.optional(path + ".number", certification.number(), 80);
            if (certification.issuedOn() != null && certification.issuedOn().isAfter(LocalDate.now())) {
                errors.add(UserError.of(path + ".issuedOn", UserErrorCode.OUT_OF_RANGE,
                        "Enter the date the certificate was issued, today or earlier"));
            }
            if (certification.issuedOn() != null && certification.expiresOn() != null
                    && certification.expiresOn().isBefore(certification.issuedOn())) {
                errors.add(UserError.of(path + ".expiresOn", UserErrorCode.OUT_OF_RANGE,
                        "Enter an expiry date on or after the day the certificate was issued"));
            }
            result.add(new Brand.Certification(certification.kind(), number, certification.issuedOn(),
                    certification.expiresOn()));
        }
        return List.copyOf(result);
    }

    private Brand.ArtisanCount artisans(Integer total, Integer women, Integer youth) {
        int t = total == null ? 0 : total;
        int w = women == null ? 0 : women;
        int y = youth == null ? 0 : youth;
        if (t < 0 || t > 1_000_000) {
            errors.add(UserError.of("input.artisans.total", UserErrorCode.OUT_OF_RANGE, "Enter 0 or more artisans"));
        }
        if (w < 0 || w > Math.max(t, 0)) {
            errors.add(UserError.of("input.artisans.women", UserErrorCode.OUT_OF_RANGE,
                    "Enter between 0 and the total number of artisans"));
        }
        if (y < 0 || y > Math.max(t, 0)) {
            errors.add(UserError.of("input.artisans.youth", UserErrorCode.OUT_OF_RANGE,
                    "Enter between 0 and the total number of artisans"));
        }
        return new Brand.ArtisanCount(t, w, y);
    }

}
