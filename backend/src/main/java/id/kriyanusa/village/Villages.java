package id.kriyanusa.village;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Changes;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.village.internal.VillageDetails;
import id.kriyanusa.village.internal.VillageRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The villages of the portal: anyone reads them; curators and admins create, correct and
 * designate them.
 */
@Service
@Transactional(readOnly = true)
public class Villages {

    /**
     * Nusa Tenggara Barat's ten regencies and cities (kabupaten/kota), as the province
     * names them: what forms offer, so that figures per regency add up under one name.
     * The API still takes any name (a village beyond NTB, a name written before).
     */
    public static final List<String> NTB_REGENCIES = List.of("Lombok Barat", "Lombok Tengah", "Lombok Timur",
            "Lombok Utara", "Kota Mataram", "Sumbawa Barat", "Sumbawa", "Dompu", "Bima", "Kota Bima");

    /**
     * Where villages may lie: Nusa Tenggara Barat spans about -8.0 to -9.2 degrees of
     * latitude and 115.8 to 119.4 of longitude, with a margin of about 20 km for its
     * small islands and for maps that round.
     */
    static final double NTB_NORTH = -7.8;

    static final double NTB_SOUTH = -9.4;

    static final double NTB_WEST = 115.6;

    static final double NTB_EAST = 119.6;

    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_STORY = 10_000;
    static final int MAX_SPECIALITIES = 20;

    private final VillageRepository repository;

    private final ApplicationEventPublisher events;

    Villages(VillageRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** Villages matching the filter, model villages first, then by name. */
    public Connection<Village> find(VillageFilter filter, OffsetPage page) {
        return repository.find(filter == null ? VillageFilter.NONE : filter, page);
    }

    /**
     * The villages with these ids, keyed by id, in one statement without a transaction of
     * its own; unknown ids are absent.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Village> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findByIds(ids).stream().collect(Collectors.toMap(Village::id, Function.identity()));
    }

    public Optional<Village> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    public Optional<Village> byId(VillageId id) {
        return repository.findById(id.value());
    }

    /**
     * The village with this id when the caller may change it: curators and admins.
     * UNAUTHORIZED for anonymous callers, FORBIDDEN for others, NOT_FOUND when there is
     * no such village.
     */
    public Village curatable(VillageId id) {
        Caller.current().requireStaff();
        return repository.findById(id.value())
            .orElseThrow(() -> new NotFoundException("No village with id " + id.encode()));
    }

    /**
     * Up to {@code limit} village ids greater than {@code afterId}, ascending, to walk
     * all villages (for search).
     */
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.idsAfter(afterId, Math.max(1, Math.min(limit, 1000)));
    }

    /** A curator adds a village to the portal. */
    @Transactional
    public VillagePayload create(VillageInputs.Create input) {
        return create(input, false);
    }

    /**
     * What {@link #create} would answer, saving nothing: the same authorisation and user
     * errors, none when the village would be saved. A form checks this when it could not
     * read some of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public VillagePayload checkCreate(VillageInputs.Create input) {
        return create(input, true);
    }

    private VillagePayload create(VillageInputs.Create input, boolean onlyCheck) {
        Caller.current().requireStaff();
        var errors = new InputErrors();
        var slug = InputErrors.text(input.slug()) == null
                ? repository.freeSlug(Slugs.madeFrom(input.name(), null, InputErrors.MAX_SLUG)) : input.slug();
        var details = check(errors, slug, input.name(), input.province(), input.regency(), input.district(),
                input.location(), input.description(), input.story(), input.classification(), input.specialities());
        inNusaTenggaraBarat(errors, input.location());
        taken(errors, details, null);
        if (!errors.isEmpty()) {
            return VillagePayload.failed(errors.list());
        }
        if (onlyCheck) {
            return VillagePayload.acceptable();
        }
        return changed(repository.findById(repository.insert(details)).orElseThrow());
    }

    /** A curator corrects a village's profile; fields left out keep their value. */
    @Transactional
    public VillagePayload update(VillageId id, VillageInputs.Update input) {
        return update(id, input, false);
    }

    /** As {@link #checkCreate}, for {@link #update}. */
    @Transactional(readOnly = true)
    public VillagePayload checkUpdate(VillageId id, VillageInputs.Update input) {
        return update(id, input, true);
    }

    private VillagePayload update(VillageId id, VillageInputs.Update input, boolean onlyCheck) {
        var current = curatable(id);
        if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
            return VillagePayload.conflict();
        }
        var errors = new InputErrors();
        var details = check(errors, Changes.apply(input.slug(), current.slug()),
                Changes.apply(input.name(), current.name()), Changes.apply(input.province(), current.province()),
                Changes.apply(input.regency(), current.regency()), Changes.apply(input.district(), current.district()),
                Changes.apply(input.location(), current.location()),
                Changes.text(input.description(), current.description()), Changes.text(input.story(), current.story()),
                Changes.apply(input.classification(), current.classification()),
                Changes.apply(input.specialities(), current.specialities()));
        if (Changes.given(input.location())) {
            inNusaTenggaraBarat(errors, input.location().value());
        }
        taken(errors, details, current);
        if (!errors.isEmpty()) {
            return VillagePayload.failed(errors.list());
        }
        if (onlyCheck) {
            return VillagePayload.acceptable();
        }
        if (!repository.update(current.id(), current.version(), details)) {
            return VillagePayload.conflict();
        }
        return changed(repository.findById(current.id()).orElseThrow());
    }

    /**
     * The department names (or stops naming) a model industrial village for a programme
     * year.
     */
    @Transactional
    public VillagePayload designateModelVillage(VillageId id, VillageInputs.DesignateModelVillage input) {
        return designateModelVillage(id, input, false);
    }

    /** As {@link #checkCreate}, for {@link #designateModelVillage}. */
    @Transactional(readOnly = true)
    public VillagePayload checkDesignation(VillageId id, VillageInputs.DesignateModelVillage input) {
        return designateModelVillage(id, input, true);
    }

    private VillagePayload designateModelVillage(VillageId id, VillageInputs.DesignateModelVillage input,
            boolean onlyCheck) {
        var current = curatable(id);
        if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
            return VillagePayload.conflict();
        }
        var designated = !Boolean.FALSE.equals(input.designated());
        var errors = new InputErrors();
        if (designated && input.programmeYear() == null) {
            errors.add("input.programmeYear", UserErrorCode.REQUIRED, "Give the programme year of the designation");
        }
        errors.range("input.programmeYear", input.programmeYear(), 2000, 2100);
        if (!errors.isEmpty()) {
            return VillagePayload.failed(errors.list());
        }
        if (onlyCheck) {
            return VillagePayload.acceptable();
        }
        if (!repository.designate(current.id(), current.version(), designated, input.programmeYear())) {
            return VillagePayload.conflict();
        }
        return changed(repository.findById(current.id()).orElseThrow());
    }

    /**
     * Makes an image the village's hero image, for the media module once it verified and
     * stored the image: curators and admins, as for changing the village.
     */
    @Transactional
    public VillagePayload replaceHeroImage(VillageId id, String imageKey, LocalizedText alt) {
        var village = curatable(id);
        repository.replaceHeroImage(village.id(), imageKey, alt);
        events.publishEvent(new VillageImagesChanged(id, List.of(imageKey)));
        return VillagePayload.of(repository.findById(village.id()).orElseThrow());
    }

    /**
     * Announces the change (a new village too) within the changing transaction: search
     * reindexes the village and its brands' and products' documents once it commits.
     */
    private VillagePayload changed(Village village) {
        events.publishEvent(new VillageChanged(village.id(), village.version()));
        return VillagePayload.of(village);
    }

    private static VillageDetails check(InputErrors errors, String slug, String name, String province, String regency,
            String district, GeoPoint location, LocalizedText description, LocalizedText story,
            VillageClassification classification, List<String> specialities) {
        var checkedSlug = errors.slug("input.slug", slug);
        var checkedName = errors.required("input.name", name, 120);
        var checkedProvince = errors.optional("input.province", province, 80);
        var checkedRegency = errors.required("input.regency", regency, 80);
        var checkedDistrict = errors.required("input.district", district, 80);
        var checkedDescription = text(errors, "input.description", description, MAX_DESCRIPTION);
        var checkedStory = text(errors, "input.story", story, MAX_STORY);
        var checkedSpecialities = new ArrayList<String>();
        if (specialities != null) {
            if (specialities.size() > MAX_SPECIALITIES) {
                errors.add("input.specialities", UserErrorCode.TOO_MANY,
                        "List at most " + MAX_SPECIALITIES + " specialities");
            }
            for (var speciality : specialities) {
                var checked = errors.optional("input.specialities", speciality, 40);
                if (checked != null) {
                    checkedSpecialities.add(checked.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new VillageDetails(checkedSlug, checkedName,
                checkedProvince == null ? "Nusa Tenggara Barat" : checkedProvince, checkedRegency, checkedDistrict,
                location, checkedDescription, checkedStory,
                classification == null ? VillageClassification.RINTISAN : classification,
                List.copyOf(checkedSpecialities));
    }

    /**
     * A location sent must lie in Nusa Tenggara Barat: a latitude with its sign flipped
     * (north of the equator) or latitude and longitude swapped would put the village on
     * the wrong map and in no search near it. A stored location is not checked again
     * until it is sent, so that an older one never blocks other corrections.
     */
    private static void inNusaTenggaraBarat(InputErrors errors, GeoPoint location) {
        if (location != null && (location.lat() < NTB_SOUTH || location.lat() > NTB_NORTH || location.lon() < NTB_WEST
                || location.lon() > NTB_EAST)) {
            errors.add("input.location", UserErrorCode.OUT_OF_RANGE,
                    "Nusa Tenggara Barat lies between latitude -8.0 and -9.2 (south of the equator, so negative) and "
                            + "longitude 115.8 and 119.4: check the sign and that latitude comes first");
        }
    }

    /**
     * The slug another village uses, and the same village again: its name (ignoring case
     * and a leading "Desa") in the same district and regency, as a re-run import would
     * add it. Each is checked once its fields are well formed, beside the other errors,
     * so that everything is said at once; a correction's name only when it changes the
     * name or the place.
     */
    private void taken(InputErrors errors, VillageDetails details, Village current) {
        var exceptId = current == null ? null : current.id();
        if (details.slug() != null && !errors.anyAt("input.slug") && repository.slugTaken(details.slug(), exceptId)) {
            errors.add("input.slug", UserErrorCode.TAKEN, "Another village already uses this slug");
        }
        if (details.name() == null || details.district() == null || details.regency() == null
                || errors.anyAt("input.name") || errors.anyAt("input.district") || errors.anyAt("input.regency")) {
            return;
        }
        var samePlace = current != null && details.name().equals(current.name())
                && details.district().equals(current.district()) && details.regency().equals(current.regency());
        if (!samePlace && repository.nameTaken(details.name(), details.district(), details.regency(), exceptId)) {
            errors.add("input.name", UserErrorCode.TAKEN, "A village of this name is already listed in "
                    + details.district() + ", " + details.regency() + "; correct that one instead");
        }
    }

    private static LocalizedText text(InputErrors errors, String field, LocalizedText text, int max) {
        if (text == null) {
            return null;
        }
        return LocalizedText.of(errors.optional(field + ".indonesian", text.indonesian(), max),
                errors.optional(field + ".english", text.english(), max));
    }

}
