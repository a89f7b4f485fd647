package id.kriyanusa.programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.identity.Accounts;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.NtbTime;
import id.kriyanusa.platform.graphql.Changes;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.programme.ProgrammePayloads.FollowUpGoalPayload;
import id.kriyanusa.programme.ProgrammePayloads.ParticipantPayload;
import id.kriyanusa.programme.ProgrammePayloads.ProgrammePayload;
import id.kriyanusa.programme.internal.ProgrammeDetails;
import id.kriyanusa.programme.internal.ProgrammeRepository;
import id.kriyanusa.village.VillageId;
import id.kriyanusa.village.Villages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's training programmes (Bimtek): curators and admins keep programmes,
 * participants and follow-up plans; a producer sees the programmes they (or their brand)
 * took part in, only their own participation in them, and moves their own goals along.
 */
@Service
@Transactional(readOnly = true)
public class Programmes {

    static final String PARTICIPANT_TYPE = "ProgrammeParticipant";

    static final String GOAL_TYPE = "FollowUpGoal";

    static final int MAX_TITLE = 200;

    static final int MAX_LIST = 20;

    static final int MAX_LIST_ENTRY = 120;

    static final int MAX_PARTICIPANTS = 200;

    static final int MAX_GOALS = 10;

    static final int MAX_DESCRIPTION = 500;

    private final ProgrammeRepository repository;

    private final Villages villages;

    private final Brands brands;

    private final Accounts accounts;

    private final ApplicationEventPublisher events;

    Programmes(ProgrammeRepository repository, Villages villages, Brands brands, Accounts accounts,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.villages = villages;
        this.brands = brands;
        this.accounts = accounts;
        this.events = events;
    }

    /** Today in NTB, for what is overdue: due dates fall due in NTB's time (WITA). */
    public static LocalDate today() {
        return NtbTime.today();
    }

    // ---- reading

    /**
     * Programmes, latest first: all of them for staff, those the caller or their brands
     * took part in for others. UNAUTHORIZED for anonymous callers.
     */
    public Connection<Programme> find(OffsetPage page) {
        var caller = Caller.current();
        caller.requireAccount();
        if (caller.isStaff()) {
            return repository.find(page, true, null, null);
        }
        return repository.find(page, false, caller.accountId(), brands.memberBrandIds())
            .map(Programme::withoutBudgetLine);
    }

    /** The programme when the caller may see it (as for {@link #find}). */
    public Optional<Programme> byId(ProgrammeId id) {
        var caller = Caller.current();
        if (caller.accountId() == null) {
            return Optional.empty();
        }
        var programme = repository.findById(id.value());
        if (caller.isStaff()) {
            return programme;
        }
        var memberBrandIds = brands.memberBrandIds();
        return programme
            .filter(p -> repository.participantsOf(List.of(p.id()))
                .stream()
                .anyMatch(participant -> participant.concerns(caller.accountId(), memberBrandIds)))
            .map(Programme::withoutBudgetLine);
    }

    /**
     * The participants of these programmes the caller may see, by programme: all for
     * staff, otherwise only the caller's own and their brands'.
     */
    public Map<Long, List<ProgrammeParticipant>> participants(Collection<Long> programmeIds) {
        var caller = Caller.current();
        var all = repository.participantsOf(programmeIds).stream();
        if (!caller.isStaff()) {
            var memberBrandIds = brands.memberBrandIds();
            all = all.filter(participant -> participant.concerns(caller.accountId(), memberBrandIds));
        }
        return all.collect(Collectors.groupingBy(ProgrammeParticipant::programmeId));
    }

    /**
     * Whether the caller may see the participant's account: staff, and the account
     * itself.
     */
    public boolean showsAccount(ProgrammeParticipant participant) {
        var caller = Caller.current();
        return caller.isStaff() || (caller.accountId() != null && caller.accountId().equals(participant.accountId()));
    }

    // ---- for counting (insights, whose counts may start after the programmes)

    /** A participant's enrolment and goals, as the events that recorded them. */
    public record Enrolment(ProgrammeParticipantEnrolled enrolled, List<CountedGoal> goals) {
    }

    /** A goal as the event that set it, and when it last changed (its status with it). */
    public record CountedGoal(FollowUpGoalChanged changed, OffsetDateTime changedAt) {
    }

    /**
     * Every participant of every programme as the events that enrolled them and set their
     * goals, whoever asks: for counting what predates those events, without names.
     */
    public List<Enrolment> enrolmentsForCounting() {
        var villages = new HashMap<Long, Long>();
        for (long offset = 0;; offset += OffsetPage.MAX_PAGE_SIZE) {
            var page = repository.find(new OffsetPage(offset, OffsetPage.MAX_PAGE_SIZE), true, null, null);
            page.edges().forEach(edge -> villages.put(edge.node().id(), edge.node().villageId()));
            if (!page.pageInfo().hasNextPage()) {
                break;
            }
        }
        return repository.participantsOf(villages.keySet())
            .stream()
            .map(p -> new Enrolment(
                    new ProgrammeParticipantEnrolled(p.programmeId(), p.id(), villages.get(p.programmeId()),
                            p.brandId(), p.gender(), p.ageBand()),
                    p.followUpGoals()
                        .stream()
                        .map(goal -> new CountedGoal(new FollowUpGoalChanged(p.programmeId(), p.id(), goal.id(),
                                goal.kind(), goal.dueOn(), goal.status(), null), goal.updatedAt()))
                        .toList()))
            .toList();
    }

    // ---- changing: programmes

    /** A curator records a programme. */
    @Transactional
    public ProgrammePayload create(ProgrammeInputs.Create input) {
        return create(input, false);
    }

    /**
     * What {@link #create} would answer, saving nothing: the same authorisation and user
     * errors, none when the programme would be saved. A form checks this when it could
     * not read some of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public ProgrammePayload checkCreate(ProgrammeInputs.Create input) {
        return create(input, true);
    }

    private ProgrammePayload create(ProgrammeInputs.Create input, boolean onlyCheck) {
        var caller = Caller.current();
        caller.requireStaff();
        var errors = new InputErrors();
        var details = check(errors, input.title(), input.organiser(), input.startsOn(), input.endsOn(),
                input.villageId(), input.topics(), input.trainers(), input.budgetLine());
        if (!errors.isEmpty()) {
            return ProgrammePayload.failed(errors.list());
        }
        if (onlyCheck) {
            return ProgrammePayload.acceptable();
        }
        return changed(repository.insert(details, caller.accountId()));
    }

    /** A curator corrects a programme; fields left out keep their value. */
    @Transactional
    public ProgrammePayload update(ProgrammeId id, ProgrammeInputs.Update input) {
        return update(id, input, false);
    }

    /** As {@link #checkCreate}, for {@link #update}. */
    @Transactional(readOnly = true)
    public ProgrammePayload checkUpdate(ProgrammeId id, ProgrammeInputs.Update input) {
        return update(id, input, true);
    }

    private ProgrammePayload update(ProgrammeId id, ProgrammeInputs.Update input, boolean onlyCheck) {
        Caller.current().requireStaff();
        var current = existing(id.value());
        if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
            return ProgrammePayload.conflict();
        }
        var errors = new InputErrors();
        var details = check(errors, Changes.text(input.title(), current.title()),
                Changes.apply(input.organiser(), current.organiser()),
                Changes.apply(input.startsOn(), current.startsOn()), Changes.apply(input.endsOn(), current.endsOn()),
                Changes.apply(input.villageId(), new VillageId(current.villageId()).encode()),
                Changes.apply(input.topics(), current.topics()), Changes.apply(input.trainers(), current.trainers()),
                Changes.apply(input.budgetLine(), current.budgetLine()));
        if (errors.isEmpty() && !details.startsOn().equals(current.startsOn())) {
            requireNoGoalDueBefore(errors, current.id(), details.startsOn());
        }
        if (!errors.isEmpty()) {
            return ProgrammePayload.failed(errors.list());
        }
        if (onlyCheck) {
            return ProgrammePayload.acceptable();
        }
        if (!repository.update(current.id(), current.version(), details)) {
            return ProgrammePayload.conflict();
        }
        return changed(current.id());
    }

    /**
     * A goal is what the training leads to, so it cannot fall due before the training:
     * moving the first day past goals already set is refused, naming them, rather than
     * moving their due dates (which would lose what was agreed with the participant) or
     * leaving them due before the programme. The curator moves those goals first.
     */
    private void requireNoGoalDueBefore(InputErrors errors, long programmeId, LocalDate startsOn) {
        var early = repository.participantsOf(List.of(programmeId))
            .stream()
            .flatMap(participant -> participant.followUpGoals()
                .stream()
                .filter(goal -> goal.dueOn().isBefore(startsOn))
                .map(goal -> Objects.toString(participant.name(), "a participant without details kept") + ": "
                        + goal.description() + " (" + goal.dueOn() + ")"))
            .toList();
        if (!early.isEmpty()) {
            errors.add("input.startsOn", UserErrorCode.CONFLICT,
                    "These follow-up goals fall due before the new first day; move their due dates first: "
                            + String.join("; ", early));
        }
    }

    private ProgrammePayload changed(long id) {
        var programme = existing(id);
        events.publishEvent(new ProgrammeChanged(programme.id(), programme.villageId(), programme.startsOn(),
                programme.endsOn(), programme.version()));
        return new ProgrammePayload(programme, List.of());
    }

    // ---- changing: participants

    /**
     * A curator enrols a participant: an account (found by its email address) or a named
     * person, with their consent to keep these details; without it only the row counts.
     */
    @Transactional
    public ParticipantPayload enrol(ProgrammeInputs.Enrol input) {
        return enrol(input, false);
    }

    /** As {@link #checkCreate}, for {@link #enrol}. */
    @Transactional(readOnly = true)
    public ParticipantPayload checkEnrol(ProgrammeInputs.Enrol input) {
        return enrol(input, true);
    }

    private ParticipantPayload enrol(ProgrammeInputs.Enrol input, boolean onlyCheck) {
        Caller.current().requireStaff();
        var programme = existing(ProgrammeId.decode(input.programmeId()).value());
        var consent = Boolean.TRUE.equals(input.consent());
        var errors = new InputErrors();
        var name = errors.optional("input.name", input.name(), MAX_LIST_ENTRY);
        var email = errors.optional("input.accountEmail", input.accountEmail(), 254);
        if (!consent) {
            personalWithoutConsent(errors, "input.name", name);
            personalWithoutConsent(errors, "input.accountEmail", email);
            personalWithoutConsent(errors, "input.gender", input.gender());
            personalWithoutConsent(errors, "input.ageBand", input.ageBand());
        }
        else if (name == null && email == null) {
            errors.add("input.name", UserErrorCode.REQUIRED,
                    "Give the participant's name or the email address of their account");
        }
        if (consent && input.ageBand() != null && input.ageBand().retired()) {
            errors.add("input.ageBand", UserErrorCode.INVALID,
                    "Youth is 16 to 30 years old (UU 40/2009): choose AGED_16_TO_30, AGED_31_TO_39, AGED_40_TO_54 or "
                            + "AGED_55_AND_OVER");
        }
        Long accountId = null;
        if (consent && email != null && errors.isEmpty()) {
            var account = accounts.byEmail(email);
            if (account.isEmpty()) {
                errors.add("input.accountEmail", UserErrorCode.NOT_FOUND, "No account has this email address");
            }
            else if (repository.accountEnrolled(programme.id(), account.get().id())) {
                errors.add("input.accountEmail", UserErrorCode.ALREADY_MEMBER, "This account already takes part");
            }
            else {
                accountId = account.get().id();
                name = name != null ? name : account.get().displayName();
            }
        }
        var brandId = brand(errors, input.brandId());
        if (repository.participantCount(programme.id()) >= MAX_PARTICIPANTS) {
            errors.add("input.programmeId", UserErrorCode.TOO_MANY,
                    "A programme takes at most " + MAX_PARTICIPANTS + " participants");
        }
        if (!errors.isEmpty()) {
            return ParticipantPayload.failed(errors.list());
        }
        if (onlyCheck) {
            return ParticipantPayload.acceptable();
        }
        var id = repository.insertParticipant(programme.id(), consent, accountId, name, brandId,
                consent ? input.gender() : null, consent ? input.ageBand() : null);
        var participant = repository.participant(id).orElseThrow();
        events.publishEvent(new ProgrammeParticipantEnrolled(programme.id(), id, programme.villageId(), brandId,
                participant.gender(), participant.ageBand()));
        return new ParticipantPayload(participant, List.of());
    }

    /**
     * A curator takes a participant enrolled by mistake off the programme, with their
     * plan. A participant of another programme than the one named is not found, and
     * stays: a page's address pairs them, and a wrong pair removes no one.
     */
    @Transactional
    public ProgrammePayload removeParticipant(ProgrammeInputs.RemoveParticipant input) {
        Caller.current().requireStaff();
        var participant = participant(input.participantId());
        if (input.programmeId() != null
                && ProgrammeId.decode(input.programmeId()).value() != participant.programmeId()) {
            throw new NotFoundException(
                    "No programme participant with id " + input.participantId() + " in " + input.programmeId());
        }
        repository.deleteParticipant(participant.id());
        events.publishEvent(new ProgrammeParticipantRemoved(participant.programmeId(), participant.id()));
        return new ProgrammePayload(existing(participant.programmeId()), List.of());
    }

    // ---- changing: follow-up plans

    /** A curator adds a goal to a participant's follow-up plan, or changes one. */
    @Transactional
    public FollowUpGoalPayload setGoal(ProgrammeInputs.SetGoal input) {
        return setGoal(input, false);
    }

    /** As {@link #checkCreate}, for {@link #setGoal}. */
    @Transactional(readOnly = true)
    public FollowUpGoalPayload checkGoal(ProgrammeInputs.SetGoal input) {
        return setGoal(input, true);
    }

    private FollowUpGoalPayload setGoal(ProgrammeInputs.SetGoal input, boolean onlyCheck) {
        var caller = Caller.current();
        caller.requireStaff();
        var participant = participant(input.participantId());
        var errors = new InputErrors();
        FollowUpGoal current = null;
        if (input.goalId() != null) {
            current = participant.followUpGoals()
                .stream()
                .filter(goal -> goal.id() == key(input.goalId(), GOAL_TYPE))
                .findFirst()
                .orElse(null);
            if (current == null) {
                errors.add("input.goalId", UserErrorCode.NOT_FOUND, "The participant's plan has no such goal");
            }
        }
        else if (participant.followUpGoals().size() >= MAX_GOALS) {
            errors.add("input.participantId", UserErrorCode.TOO_MANY,
                    "A follow-up plan holds at most " + MAX_GOALS + " goals");
        }
        if (input.kind() == null) {
            errors.add("input.kind", UserErrorCode.REQUIRED, "Choose what the goal aims at");
        }
        var description = errors.required("input.description", input.description(), MAX_DESCRIPTION);
        // a goal is what the training leads to, so it cannot fall due before the training
        var startsOn = existing(participant.programmeId()).startsOn();
        if (input.dueOn() != null && input.dueOn().isBefore(startsOn)) {
            errors.add("input.dueOn", UserErrorCode.OUT_OF_RANGE,
                    "Give a due date on or after the programme's first day, " + startsOn);
        }
        else {
            date(errors, "input.dueOn", input.dueOn());
        }
        if (!errors.isEmpty()) {
            return FollowUpGoalPayload.failed(errors.list());
        }
        if (onlyCheck) {
            return FollowUpGoalPayload.acceptable();
        }
        long id;
        var status = input.status();
        if (current == null) {
            status = status == null ? FollowUpGoalStatus.PLANNED : status;
            id = repository.insertGoal(participant.id(), input.kind(), description, input.dueOn(), status,
                    caller.accountId());
        }
        else {
            status = status == null ? current.status() : status;
            id = current.id();
            repository.updateGoal(id, input.kind(), description, input.dueOn(), status, caller.accountId());
        }
        return goalChanged(participant, id, current == null ? null : current.status());
    }

    /**
     * Of these participants, those whose goals the caller may move along (see
     * {@link #updateGoalStatus}), asking for the caller's brands once.
     */
    @Transactional(readOnly = true)
    public Set<ProgrammeParticipant> withGoalsMovableByCaller(Collection<ProgrammeParticipant> participants) {
        var caller = Caller.current();
        if (caller.isStaff()) {
            return Set.copyOf(participants);
        }
        var memberBrandIds = brands.memberBrandIds();
        return participants.stream()
            .filter(participant -> participant.goalsMovableBy(caller.accountId(), memberBrandIds))
            .collect(Collectors.toSet());
    }

    /**
     * Moves a goal along: a curator, or the producer the plan belongs to (the
     * participant's own account; for a participant without one, a member of the
     * participant's brand). FORBIDDEN for anyone else, other members of the brand
     * included.
     */
    @Transactional
    public FollowUpGoalPayload updateGoalStatus(ProgrammeInputs.UpdateGoalStatus input) {
        return updateGoalStatus(input, false);
    }

    /** As {@link #checkCreate}, for {@link #updateGoalStatus}. */
    @Transactional(readOnly = true)
    public FollowUpGoalPayload checkGoalStatus(ProgrammeInputs.UpdateGoalStatus input) {
        return updateGoalStatus(input, true);
    }

    private FollowUpGoalPayload updateGoalStatus(ProgrammeInputs.UpdateGoalStatus input, boolean onlyCheck) {
        var caller = Caller.current();
        caller.requireAccount();
        var goal = repository.goal(key(input.goalId(), GOAL_TYPE))
            .orElseThrow(() -> new NotFoundException("No follow-up goal with id " + input.goalId()));
        var participant = repository.participant(goal.participantId()).orElseThrow();
        if (!caller.isStaff() && !participant.goalsMovableBy(caller.accountId(), brands.memberBrandIds())) {
            throw new AccessDeniedException("Only curators and the participant may change this goal");
        }
        var errors = new InputErrors();
        if (input.status() == null) {
            errors.add("input.status", UserErrorCode.REQUIRED, "Choose the goal's status");
        }
        var note = errors.optional("input.note", input.note(), MAX_DESCRIPTION);
        if (!errors.isEmpty()) {
            return FollowUpGoalPayload.failed(errors.list());
        }
        if (onlyCheck) {
            return FollowUpGoalPayload.acceptable();
        }
        repository.updateGoalStatus(goal.id(), input.status(), note, caller.accountId());
        return goalChanged(participant, goal.id(), goal.status());
    }

    private FollowUpGoalPayload goalChanged(ProgrammeParticipant participant, long goalId,
            FollowUpGoalStatus previousStatus) {
        var goal = repository.goal(goalId).orElseThrow();
        events.publishEvent(new FollowUpGoalChanged(participant.programmeId(), participant.id(), goal.id(), goal.kind(),
                goal.dueOn(), goal.status(), previousStatus));
        return new FollowUpGoalPayload(goal, List.of());
    }

    // ---- checks

    private Programme existing(long id) {
        return repository.findById(id)
            .orElseThrow(() -> new NotFoundException("No programme with id " + new ProgrammeId(id).encode()));
    }

    private ProgrammeParticipant participant(String globalId) {
        return repository.participant(key(globalId, PARTICIPANT_TYPE))
            .orElseThrow(() -> new NotFoundException("No programme participant with id " + globalId));
    }

    static long key(String globalId, String type) {
        return GlobalId.key(globalId, type);
    }

    private static void personalWithoutConsent(InputErrors errors, String field, Object value) {
        if (value != null) {
            errors.add(field, UserErrorCode.NOT_ALLOWED,
                    "Keep a participant's personal details only with their consent");
        }
    }

    private Long brand(InputErrors errors, String globalId) {
        if (InputErrors.text(globalId) == null) {
            return null;
        }
        try {
            var id = BrandId.decode(globalId.strip()).value();
            if (brands.byIds(Set.of(id)).containsKey(id)) {
                return id;
            }
        }
        catch (IllegalArgumentException e) {
            // not a brand's id: no such brand, as for a deleted one
        }
        errors.add("input.brandId", UserErrorCode.NOT_FOUND, "No such brand");
        return null;
    }

    private ProgrammeDetails check(InputErrors errors, LocalizedText title, String organiser, LocalDate startsOn,
            LocalDate endsOn, String villageId, List<String> topics, List<String> trainers, String budgetLine) {
        var titleId = errors.required("input.title.indonesian", title == null ? null : title.indonesian(), MAX_TITLE);
        var titleEn = errors.optional("input.title.english", title == null ? null : title.english(), MAX_TITLE);
        var checkedOrganiser = errors.required("input.organiser", organiser, MAX_TITLE);
        date(errors, "input.startsOn", startsOn);
        date(errors, "input.endsOn", endsOn);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add("input.endsOn", UserErrorCode.OUT_OF_RANGE, "A programme ends on or after the day it starts");
        }
        var village = village(errors, villageId);
        var checkedTopics = list(errors, "input.topics", topics);
        var checkedTrainers = list(errors, "input.trainers", trainers);
        var checkedBudgetLine = errors.optional("input.budgetLine", budgetLine, MAX_TITLE);
        return new ProgrammeDetails(LocalizedText.of(titleId, titleEn), checkedOrganiser, startsOn, endsOn,
                village == null ? 0 : village, checkedTopics, checkedTrainers, checkedBudgetLine);
    }

    private Long village(InputErrors errors, String globalId) {
        if (InputErrors.text(globalId) == null) {
            errors.add("input.villageId", UserErrorCode.REQUIRED, "Choose the village where it takes place");
            return null;
        }
        try {
            var id = VillageId.decode(globalId.strip());
            if (villages.byId(id).isPresent()) {
                return id.value();
            }
        }
        catch (IllegalArgumentException e) {
            // not a village's id: no such village
        }
        errors.add("input.villageId", UserErrorCode.NOT_FOUND, "No such village");
        return null;
    }

    private static void date(InputErrors errors, String field, LocalDate date) {
        if (date == null) {
            errors.add(field, UserErrorCode.REQUIRED, "Give the date");
            return;
        }
        if (date.getYear() < 2000 || date.getYear() > 2100) {
            errors.add(field, UserErrorCode.OUT_OF_RANGE, "Give a date from 2000 to 2100");
        }
    }

    private static List<String> list(InputErrors errors, String field, List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_LIST) {
            errors.add(field, UserErrorCode.TOO_MANY, "List at most " + MAX_LIST + " entries");
        }
        var checked = new ArrayList<String>();
        for (var entry : entries) {
            var text = errors.optional(field, entry, MAX_LIST_ENTRY);
            if (text != null && !checked.contains(text)) {
                checked.add(text);
            }
        }
        return List.copyOf(checked);
    }

}
