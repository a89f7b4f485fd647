package id.kriyanusa.brand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.kriyanusa.brand.internal.NamedArtisanRepository;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The artisans a brand names on its page. Members (and admins) replace the list; visitors
 * see only the artisans who consented to be shown, members and staff see all.
 */
@Service
@Transactional
public class NamedArtisans {

    static final int MAX_ARTISANS = 50;

    static final int MAX_TEXT = 120;

    public record ArtisanInput(String name, LocalizedText role, Boolean consentToShow) {
    }

    /**
     * The list replacing a brand's; the service acts on the brand the GraphQL layer
     * decoded.
     */
    public record UpdateInput(String brandId, Long expectedVersion, List<ArtisanInput> artisans) {
    }

    private final Brands brands;

    private final NamedArtisanRepository repository;

    private final ApplicationEventPublisher events;

    NamedArtisans(Brands brands, NamedArtisanRepository repository, ApplicationEventPublisher events) {
        this.brands = brands;
        this.repository = repository;
        this.events = events;
    }

    /**
     * The named artisans of each brand, in one statement however many brands are shown;
     * those without consent only for the brand's members and staff.
     */
    @Transactional(readOnly = true)
    public Map<Brand, List<NamedArtisan>> of(Collection<Brand> list) {
        var stored = repository.byBrand(list.stream().map(Brand::id).toList());
        var result = new LinkedHashMap<Brand, List<NamedArtisan>>();
        for (var brand : list) {
            var all = stored.getOrDefault(brand.id(), List.of());
            result.put(brand,
                    brands.showsInternals(brand) ? all : all.stream().filter(NamedArtisan::consentToShow).toList());
        }
        return result;
    }

    public BrandPayload replace(BrandId id, UpdateInput input) {
        var brand = brands.requireManageable(id, Caller.current());
        var errors = new InputErrors();
        var artisans = new ArrayList<NamedArtisan>();
        var given = input.artisans() == null ? List.<ArtisanInput>of() : input.artisans();
        if (given.size() > MAX_ARTISANS) {
            errors.add("input.artisans", UserErrorCode.TOO_MANY, "Name at most " + MAX_ARTISANS + " artisans");
        }
        for (int i = 0; i < given.size() && given.size() <= MAX_ARTISANS; i++) {
            var artisan = given.get(i);
            var path = "input.artisans[" + i + "]";
            var name = errors.required(path + ".name", artisan.name(), MAX_TEXT);
            var roleId = errors.optional(path + ".role.indonesian", LocalizedText.indonesianOf(artisan.role()),
                    MAX_TEXT);
            var roleEn = errors.optional(path + ".role.english", LocalizedText.englishOf(artisan.role()), MAX_TEXT);
            artisans.add(new NamedArtisan(name, LocalizedText.of(roleId, roleEn),
                    Boolean.TRUE.equals(artisan.consentToShow())));
        }
        if (!errors.isEmpty()) {
            return BrandPayload.failed(errors.list());
        }
        if (!repository.replace(brand.id(), input.expectedVersion(), artisans)) {
            return Brands.conflict();
        }
        var changed = brands.byId(id).orElseThrow();
        events.publishEvent(new BrandChanged(changed.id(), changed.version()));
        return BrandPayload.of(changed);
    }

}
