package id.kriyanusa.brand;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.brand.internal.BrandRepository;
import id.kriyanusa.brand.internal.BrandRules;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Secrets;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Changes;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.mail.Mailer;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.Role;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.VillageId;
import id.kriyanusa.village.Villages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brand pages, their members and the department's verification. Who may do what is
 * decided here:
 * <ul>
 * <li>everyone sees VERIFIED brands; members also see their own brands in any status;
 * curators and admins see all;</li>
 * <li>anyone signed in may create a brand and becomes its first member and a
 * producer;</li>
 * <li>members (and admins, who operate the portal) change a brand, submit it, invite
 * members, cancel invitations and remove members; the brand's members are equals, and a
 * brand keeps its last member, who may not leave;</li>
 * <li>curators and admins verify, reject and suspend.</li>
 * </ul>
 * A brand that exists but may not be changed by a signed-in caller answers FORBIDDEN; one
 * that does not exist NOT_FOUND.
 */
@Service
@Transactional
public class Brands {

    static final String TYPE = "Brand";

    /** The type of an image's global id, as the media module gives it. */
    private static final String IMAGE_TYPE = "Image";

    /** The type of an account's global id, as the identity module gives it. */
    private static final String ACCOUNT_TYPE = "Account";

    static final String INVITATION_TYPE = "BrandInvitation";

    static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

    public record PaletteInput(String primary, String secondary, String accent) {
    }

    public record ContactsInput(String whatsapp, String phone, String email, List<String> socialLinks) {
    }

    public record CertificationInput(CertificationKind kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
    }

    public record ArtisanCountInput(Integer total, Integer women, Integer youth) {
    }

    public record CreateBrandInput(String name, String slug, BrandLegalForm legalForm, String villageSlug,
            String villageId, String tagline, LocalizedText story, String logoImageId, String coverImageId,
            PaletteInput palette, ContactsInput contacts, List<CertificationInput> certifications, Integer yearFounded,
            ArtisanCountInput artisans) {
    }

    /**
     * Changes to a brand: a field left out keeps its value, null clears it (or is a user
     * error where the brand needs it), a value replaces it. The service acts on the brand
     * the GraphQL layer decoded from {@code id}.
     */
    public record UpdateBrandInput(String id, Long expectedVersion, ArgumentValue<String> name,
            ArgumentValue<String> slug, ArgumentValue<BrandLegalForm> legalForm, ArgumentValue<String> villageSlug,
            ArgumentValue<String> villageId, ArgumentValue<String> tagline, ArgumentValue<LocalizedText> story,
            ArgumentValue<String> logoImageId, ArgumentValue<String> coverImageId, ArgumentValue<PaletteInput> palette,
            ArgumentValue<ContactsInput> contacts, ArgumentValue<List<CertificationInput>> certifications,
            ArgumentValue<Integer> yearFounded, ArgumentValue<ArtisanCountInput> artisans) {

        /**
         * The change of a brand's artisans alone, as its producer gives them now on the
         * brand editor.
         */
        public static UpdateBrandInput ofArtisans(long expectedVersion, ArtisanCountInput artisans) {
            return new UpdateBrandInput(null, expectedVersion, ArgumentValue.omitted(), ArgumentValue.omitted(),
                    ArgumentValue.omitted(), ArgumentValue.omitted(), ArgumentValue.omitted(), ArgumentValue.omitted(),
                    ArgumentValue.omitted(), ArgumentValue.omitted(), ArgumentValue.omitted(), ArgumentValue.omitted(),
                    ArgumentValue.omitted(), ArgumentValue.omitted(), ArgumentValue.omitted(),
                    ArgumentValue.ofNullable(artisans));
        }

    }

    public record TransitionInput(String id, String note) {
    }

    public record InviteMemberInput(String brandId, String email) {
    }

    public record AcceptInvitationInput(String token) {
    }

    public record CancelInvitationInput(String id) {
    }

    public record RemoveImageInput(String brandId, BrandImageKind image) {
    }

    public record RemoveMemberInput(String brandId, String accountId) {
    }

    private final BrandRepository repository;

    private final Villages villages;

    private final AccountEmails accounts;

    private final ApplicationEventPublisher events;

    private final Mailer mailer;

    Brands(BrandRepository repository, Villages villages, AccountEmails accounts, ApplicationEventPublisher events,
            Mailer mailer) {
        this.mailer = mailer;
        this.repository = repository;
        this.villages = villages;
        this.accounts = accounts;
        this.events = events;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Brand> bySlug(String slug) {
        var caller = Caller.current();
        return repository.findBySlug(slug, viewer(caller)).filter(brand -> visible(brand, caller));
    }

    @Transactional(readOnly = true)
    public Optional<Brand> byId(BrandId id) {
        var caller = Caller.current();
        return repository.findById(id.value(), viewer(caller)).filter(brand -> visible(brand, caller));
    }

    /** The brands the caller may see that match the filter. */
    @Transactional(readOnly = true)
    public Connection<Brand> find(BrandFilter filter, BrandSort sort, OffsetPage page) {
        var caller = Caller.current();
        var f = filter == null ? BrandFilter.NONE : filter;
        var villageIds = f.villages() == null || f.villages().isEmpty() ? null : villageIdsOf(f.villages());
        return repository.find(f, villageIds, sort, page, viewer(caller), caller.isStaff());
    }

    /** Whether the caller may see a brand's members, history and suspension reason. */
    public boolean showsInternals(Brand brand) {
        return brand.viewerIsMember() || Caller.current().isStaff();
    }

    /** The brand's members, or null when the caller is neither a member nor staff. */
    @Transactional(readOnly = true)
    public List<BrandMember> members(Brand brand) {
        return showsInternals(brand) ? repository.members(brand.id()) : null;
    }

    @Transactional(readOnly = true)
    public List<BrandStatusChange> verificationHistory(Brand brand) {
        return showsInternals(brand) ? repository.statusChanges(brand.id()) : null;
    }

    /** Pending invitations with their tokens, for the brand's members only. */
    @Transactional(readOnly = true)
    public List<BrandInvitation> invitations(Brand brand) {
        return brand.viewerIsMember() ? repository.pendingInvitationsOf(brand.id()) : null;
    }

    /** The brands the caller is a member of, by name; empty for anonymous callers. */
    @Transactional(readOnly = true)
    public List<Brand> mine() {
        return byIds(memberBrandIds()).values()
            .stream()
            .sorted(Comparator.comparing(Brand::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
    }

    /**
     * The pending invitation whose link holds this token, without the token, so that the
     * person who opened the link sees which brand invites them and which address it is
     * for before signing in; anyone may ask, as the link is the secret.
     */
    @Transactional(readOnly = true)
    public Optional<BrandInvitation> invitationByLink(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return repository.pendingInvitationWithToken(token.strip()).map(BrandInvitation::withoutToken);
    }

    /**
     * Pending invitations addressed to the signed-in account's email, without their
     * tokens: anyone may sign up with an address, so joining takes the link the brand's
     * members sent.
     */
    @Transactional(readOnly = true)
    public List<BrandInvitation> myInvitations() {
        return Caller.current()
            .account()
            .flatMap(accounts::emailOf)
            .map(repository::pendingInvitationsFor)
            .orElse(List.of())
            .stream()
            .map(BrandInvitation::withoutToken)
            .toList();
    }

    /**
     * The villages of these brands by id, in one statement however many brands are shown.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Village> villagesOf(Collection<Brand> brands) {
        var wanted = new HashSet<Long>();
        brands.forEach(brand -> wanted.add(brand.villageId()));
        return villages.byIds(wanted);
    }

    // ---- for other modules (the catalog lists products of the brands a caller may see
    // and change)

    /** Ids of the brands everyone may see (VERIFIED), in one statement. */
    @Transactional(readOnly = true)
    public Set<Long> publicBrandIds() {
        return repository.idsWithStatus(BrandVerificationStatus.VERIFIED);
    }

    /** Of these brands, those everyone may see (VERIFIED), in one statement. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Set<Long> publicAmong(Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : repository.idsWithStatusAmong(BrandVerificationStatus.VERIFIED, ids);
    }

    /**
     * Ids of the brands the caller is a member of; empty for anonymous callers, without
     * asking the database.
     */
    @Transactional(readOnly = true)
    public Set<Long> memberBrandIds() {
        var caller = Caller.current();
        return caller.accountId() == null ? Set.of() : repository.brandIdsOfMember(caller.accountId());
    }

    /**
     * The accounts of a brand's members, whoever asks: for telling them of something
     * addressed to the brand (an inquiry); the ids do not leave the server.
     */
    @Transactional(readOnly = true)
    public List<Long> memberAccountIds(BrandId id) {
        return repository.members(id.value()).stream().map(BrandMember::accountId).toList();
    }

    /**
     * The brands with these ids that the caller may see, keyed by id, in one statement
     * however many are asked for. One statement needs no transaction of its own: pages
     * and searches ask for this once per page (about 1 ms less each).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Brand> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var caller = Caller.current();
        var result = new HashMap<Long, Brand>();
        for (var brand : repository.findByIds(ids, viewer(caller))) {
            if (visible(brand, caller)) {
                result.put(brand.id(), brand);
            }
        }
        return result;
    }

    /**
     * The brands with these ids in any status, keyed by id, whoever asks: for counting
     * (insights), never to show. Unknown ids are absent.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Brand> anyStatus(Collection<Long> ids) {
        var result = new HashMap<Long, Brand>();
        if (!ids.isEmpty()) {
            repository.findByIds(ids, -1L).forEach(brand -> result.put(brand.id(), brand));
        }
        return result;
    }

    /**
     * The brands with these slugs that the caller may see; unknown slugs are left out.
     */
    @Transactional(readOnly = true)
    public List<Brand> bySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        var caller = Caller.current();
        return repository.findBySlugs(slugs, viewer(caller)).stream().filter(brand -> visible(brand, caller)).toList();
    }

    /**
     * Ids of the brands (in any status) working in the villages with these slugs; unknown
     * slugs match nothing.
     */
    @Transactional(readOnly = true)
    public Set<Long> idsInVillages(Collection<String> villageSlugs) {
        var villageIds = villageIdsOf(villageSlugs);
        return villageIds.isEmpty() ? Set.of() : repository.idsInVillages(villageIds);
    }

    /**
     * The ids of the villages with these slugs (at most 100 slugs looked at); unknown
     * slugs are left out.
     */
    private List<Long> villageIdsOf(Collection<String> villageSlugs) {
        return villageSlugs.stream()
            .distinct()
            .limit(100)
            .map(villages::bySlug)
            .flatMap(Optional::stream)
            .map(Village::id)
            .toList();
    }

    /**
     * The brand with this id when the caller may change it and what belongs to it: a
     * member, or an admin. UNAUTHORIZED for anonymous callers, NOT_FOUND when there is no
     * such brand, FORBIDDEN otherwise.
     */
    @Transactional(readOnly = true)
    public Brand manageable(BrandId id) {
        return requireManageable(id, Caller.current());
    }

    // ---- changing

    public BrandPayload create(CreateBrandInput input) {
        return create(input, false);
    }

    /**
     * What {@link #create} would answer, saving nothing: the same callers and user
     * errors, none when the brand would be created. A form checks this when it could not
     * read some of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public BrandPayload checkCreate(CreateBrandInput input) {
        return create(input, true);
    }

    private BrandPayload create(CreateBrandInput input, boolean onlyCheck) {
        var caller = Caller.current();
        var accountId = caller.requireAccount();
        var errors = new ArrayList<UserError>();
        var villageId = village(input.villageSlug(), input.villageId(), errors);
        var palette = input.palette();
        var contacts = input.contacts();
        var artisans = input.artisans();
        var logo = imageKey("input.logoImageId", input.logoImageId(), errors);
        var cover = imageKey("input.coverImageId", input.coverImageId(), errors);
        var slug = InputErrors.text(input.slug()) == null
                ? repository.freeSlug(Slugs.madeFrom(input.name(), null, InputErrors.MAX_SLUG)) : input.slug();
        var draft = new BrandRules.Draft(input.name(), slug, input.legalForm(), villageId, input.tagline(),
                LocalizedText.indonesianOf(input.story()), LocalizedText.englishOf(input.story()), logo, cover,
                palette == null ? null : palette.primary(), palette == null ? null : palette.secondary(),
                palette == null ? null : palette.accent(), contacts == null ? null : contacts.whatsapp(),
                contacts == null ? null : contacts.phone(), contacts == null ? null : contacts.email(),
                contacts == null ? null : contacts.socialLinks(), raw(input.certifications()), input.yearFounded(),
                artisans == null ? null : artisans.total(), artisans == null ? null : artisans.women(),
                artisans == null ? null : artisans.youth());
        var result = BrandRules.check(draft);
        errors.addAll(villageId == null ? withoutVillageRequired(result.errors()) : result.errors());
        slugTaken(errors, draft.slug(), null);
        if (!errors.isEmpty()) {
            return BrandPayload.failed(errors);
        }
        if (onlyCheck) {
            return BrandPayload.acceptable();
        }
        var id = repository.insert(result.details(), accountId);
        repository.addMember(id, accountId);
        repository.recordStatusChange(id, accountId, null, BrandVerificationStatus.DRAFT, null);
        events.publishEvent(new BrandMemberJoined(new BrandId(id), accountId));
        var brand = repository.findById(id, accountId).orElseThrow();
        imagesChanged(brand);
        return BrandPayload.of(brand);
    }

    public BrandPayload update(BrandId id, UpdateBrandInput input) {
        return update(id, input, false);
    }

    /**
     * What {@link #update} would answer, changing nothing: the same authorisation and the
     * same user errors, none when the change would be saved. A form checks this when it
     * could not read some of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public BrandPayload checkUpdate(BrandId id, UpdateBrandInput input) {
        return update(id, input, true);
    }

    private BrandPayload update(BrandId id, UpdateBrandInput input, boolean onlyCheck) {
        var caller = Caller.current();
        var current = requireManageable(id, caller);
        if (input.expectedVersion() == null || current.version() != input.expectedVersion()) {
            return conflict();
        }
        var errors = new ArrayList<UserError>();
        Long villageId = current.villageId();
        if (Changes.given(input.villageSlug()) || Changes.given(input.villageId())) {
            villageId = village(Changes.apply(input.villageSlug(), null), Changes.apply(input.villageId(), null),
                    errors);
        }
        // a group set to null clears each of its fields
        var palette = Objects.requireNonNullElse(
                Changes.apply(input.palette(), new PaletteInput(current.palette().primary(),
                        current.palette().secondary(), current.palette().accent())),
                new PaletteInput(null, null, null));
        var contacts = Objects.requireNonNullElse(
                Changes.apply(input.contacts(),
                        new ContactsInput(current.contacts().whatsapp(), current.contacts().phone(),
                                current.contacts().email(), current.contacts().socialLinks())),
                new ContactsInput(null, null, null, null));
        var artisans = Objects.requireNonNullElse(
                Changes.apply(input.artisans(), new ArtisanCountInput(current.artisans().total(),
                        current.artisans().women(), current.artisans().youth())),
                new ArtisanCountInput(null, null, null));
        var certifications = Changes.given(input.certifications()) ? raw(input.certifications().value())
                : current.certifications()
                    .stream()
                    .map(c -> new BrandRules.RawCertification(c.kind(), c.number(), c.issuedOn(), c.expiresOn()))
                    .toList();
        var story = Changes.text(input.story(), current.story());
        var logo = Changes.given(input.logoImageId())
                ? imageKey("input.logoImageId", input.logoImageId().value(), errors) : current.logoImage();
        var cover = Changes.given(input.coverImageId())
                ? imageKey("input.coverImageId", input.coverImageId().value(), errors) : current.coverImage();
        var draft = new BrandRules.Draft(Changes.apply(input.name(), current.name()),
                Changes.apply(input.slug(), current.slug()), Changes.apply(input.legalForm(), current.legalForm()),
                villageId, Changes.apply(input.tagline(), current.tagline()), LocalizedText.indonesianOf(story),
                LocalizedText.englishOf(story), logo, cover, palette.primary(), palette.secondary(), palette.accent(),
                contacts.whatsapp(), contacts.phone(), contacts.email(), contacts.socialLinks(), certifications,
                Changes.apply(input.yearFounded(), current.yearFounded()), artisans.total(), artisans.women(),
                artisans.youth());
        var result = BrandRules.check(draft);
        errors.addAll(villageId == null ? withoutVillageRequired(result.errors()) : result.errors());
        slugTaken(errors, draft.slug(), current.id());
        if (!current.verificationStatus().keepsItsIdentityOpen() && !caller.has(Role.ADMIN)) {
            errors.addAll(identityKept(current, draft));
        }
        if (!errors.isEmpty()) {
            return BrandPayload.failed(errors);
        }
        if (onlyCheck) {
            return BrandPayload.acceptable();
        }
        if (!repository.update(current.id(), input.expectedVersion(), result.details())) {
            return conflict();
        }
        var brand = repository.findById(current.id(), viewer(caller)).orElseThrow();
        imagesChanged(brand);
        return changed(brand);
    }

    /**
     * An INVALID_STATE user error for each of the name, legal form and village that a
     * change would alter once the department has the brand: it verified them, and the
     * department's staff (admins) change them on the brand's behalf. The same values sent
     * again pass.
     */
    private static List<UserError> identityKept(Brand current, BrandRules.Draft draft) {
        var kept = new ArrayList<UserError>();
        if (!Objects.equals(InputErrors.text(draft.name()), current.name())) {
            kept.add(UserError.of("input.name", UserErrorCode.INVALID_STATE,
                    "The department verified the brand's name: ask it to change the name"));
        }
        if (draft.legalForm() != current.legalForm()) {
            kept.add(UserError.of("input.legalForm", UserErrorCode.INVALID_STATE,
                    "The department verified the brand's legal form: ask it to change the legal form"));
        }
        if (draft.villageId() != null && draft.villageId() != current.villageId()) {
            kept.add(UserError.of("input.villageSlug", UserErrorCode.INVALID_STATE,
                    "The department verified the brand's village: ask it to move the brand"));
        }
        return kept;
    }

    /**
     * A slug another brand uses, checked once the slug is well formed and beside every
     * other error, so that an integrator hears of everything at once.
     */
    private void slugTaken(List<UserError> errors, String rawSlug, Long exceptId) {
        var slug = InputErrors.text(rawSlug);
        if (slug != null && !InputErrors.anyAt(errors, "input.slug") && repository.slugTaken(slug, exceptId)) {
            errors.add(UserError.of("input.slug", UserErrorCode.TAKEN, "Another brand already uses this slug"));
        }
    }

    /**
     * Sends a DRAFT brand to the department, once it tells buyers who the brand is (its
     * story in Indonesian) and how to reach it (WhatsApp, phone or email): a curator has
     * nothing to check without them.
     */
    public BrandPayload submitForVerification(BrandId id, String note) {
        var caller = Caller.current();
        var brand = requireManageable(id, caller);
        var missing = missingForVerification(brand);
        if (!missing.isEmpty()) {
            return BrandPayload.failed(missing);
        }
        return move(brand, caller, EnumSet.of(BrandVerificationStatus.DRAFT), BrandVerificationStatus.SUBMITTED,
                optionalNote(note), "Only a brand in DRAFT can be submitted for verification");
    }

    /** What a brand lacks before it can be submitted, as REQUIRED errors naming it. */
    private static List<UserError> missingForVerification(Brand brand) {
        var missing = new ArrayList<UserError>();
        var story = LocalizedText.indonesianOf(brand.story());
        if (story == null || story.isBlank()) {
            missing.add(UserError.of("story", UserErrorCode.REQUIRED,
                    "Tell buyers the brand's story in Indonesian before submitting it"));
        }
        var contacts = brand.contacts();
        if (contacts == null || (contacts.whatsapp() == null && contacts.phone() == null && contacts.email() == null)) {
            missing.add(UserError.of("contacts", UserErrorCode.REQUIRED,
                    "Give a WhatsApp number, phone number or email address before submitting the brand"));
        }
        return missing;
    }

    public BrandPayload verify(BrandId id, String note) {
        var caller = Caller.current();
        caller.requireStaff();
        var brand = existing(id, caller);
        return move(brand, caller, EnumSet.of(BrandVerificationStatus.SUBMITTED, BrandVerificationStatus.SUSPENDED),
                BrandVerificationStatus.VERIFIED, optionalNote(note),
                "Only a SUBMITTED or SUSPENDED brand can be verified");
    }

    public BrandPayload reject(BrandId id, String note) {
        var caller = Caller.current();
        caller.requireStaff();
        var brand = existing(id, caller);
        return move(brand, caller, EnumSet.of(BrandVerificationStatus.SUBMITTED), BrandVerificationStatus.DRAFT,
                requiredNote(note, "Say what the producers should fix"), "Only a SUBMITTED brand can be rejected");
    }

    public BrandPayload suspend(BrandId id, String note) {
        var caller = Caller.current();
        caller.requireStaff();
        var brand = existing(id, caller);
        return move(brand, caller,
                EnumSet.of(BrandVerificationStatus.DRAFT, BrandVerificationStatus.SUBMITTED,
                        BrandVerificationStatus.VERIFIED),
                BrandVerificationStatus.SUSPENDED, requiredNote(note, "Give the reason for the suspension"),
                "This brand is already suspended");
    }

    /**
     * Invites an email address to join the brand and mails it the invitation link (in
     * Indonesian, then English); the members may also pass the link on themselves.
     */
    public InviteBrandMemberPayload invite(BrandId brandId, String invitedEmail) {
        var caller = Caller.current();
        var brand = requireManageable(brandId, caller);
        var email = invitedEmail == null ? "" : invitedEmail.strip();
        if (email.length() > 254 || !BrandRules.EMAIL.matcher(email).matches()) {
            return InviteBrandMemberPayload
                .failed(UserError.of("input.email", UserErrorCode.INVALID, "Enter a valid email address"));
        }
        var invitee = accounts.accountWithEmail(email);
        if (invitee.isPresent() && repository.isMember(brand.id(), invitee.get())) {
            return InviteBrandMemberPayload.failed(UserError.of("input.email", UserErrorCode.ALREADY_MEMBER,
                    "This person is already a member of the brand"));
        }
        var expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(INVITATION_VALIDITY);
        /*
         * An open invitation to the address is sent again with its link unchanged, so
         * that a link already passed on by WhatsApp keeps working.
         */
        var pending = repository.pendingInvitation(brand.id(), email);
        var invitation = pending.map(open -> repository.renewInvitation(open.id(), expiresAt))
            .orElseGet(() -> repository.insertInvitation(brand.id(), email, Secrets.newToken(), caller.requireAccount(),
                    expiresAt));
        mailer.send(email, "brand-invitation", Map.of("email", email, "brand", brand.name(), "expiresAt",
                invitation.expiresAt(), "link", mailer.link("/undangan/" + invitation.token())), null);
        return new InviteBrandMemberPayload(invitation, pending.isPresent(), List.of());
    }

    /**
     * Cancels a pending invitation: its link then no longer works. The brand's members
     * and admins, as for inviting.
     */
    public BrandPayload cancelInvitation(CancelInvitationInput input) {
        var caller = Caller.current();
        caller.requireAccount();
        var invitationId = GlobalId.key(input.id(), INVITATION_TYPE);
        var brandId = repository.brandOfInvitation(invitationId)
            .orElseThrow(() -> new NotFoundException("No invitation with id " + input.id()));
        var brand = requireManageable(new BrandId(brandId), caller);
        if (!repository.deletePendingInvitation(brand.id(), invitationId)) {
            return BrandPayload.failed(UserError.of("input.id", UserErrorCode.INVALID_STATE,
                    "This invitation was accepted already; remove the member instead"));
        }
        return BrandPayload.of(brand);
    }

    /**
     * Removes a member from the brand, or lets a member leave it (their own account). The
     * brand's members and admins, as for inviting; the last member stays, so that someone
     * can still change the brand.
     */
    public BrandPayload removeMember(RemoveMemberInput input) {
        var caller = Caller.current();
        var brand = requireManageable(BrandId.decode(input.brandId()), caller);
        var accountId = GlobalId.key(input.accountId(), ACCOUNT_TYPE);
        repository.lockMembership(brand.id());
        var members = repository.members(brand.id());
        if (members.stream().noneMatch(member -> member.accountId() == accountId)) {
            return BrandPayload
                .failed(UserError.of("input.accountId", UserErrorCode.NOT_FOUND, "This account is not a member"));
        }
        if (members.size() == 1) {
            return BrandPayload.failed(UserError.of("input.accountId", UserErrorCode.LAST_MEMBER,
                    "The brand's last member stays; invite someone else before leaving"));
        }
        repository.removeMember(brand.id(), accountId);
        return BrandPayload
            .of(repository.findById(brand.id(), viewer(caller)).filter(seen -> visible(seen, caller)).orElse(null));
    }

    public BrandPayload acceptInvitation(AcceptInvitationInput input) {
        var caller = Caller.current();
        var accountId = caller.requireAccount();
        var email = accounts.emailOf(accountId)
            .orElseThrow(() -> new NotFoundException("Your account no longer exists"));
        var invitation = repository.pendingInvitationByToken(input.token() == null ? "" : input.token().strip())
            .filter(pending -> pending.email().equalsIgnoreCase(email));
        if (invitation.isEmpty()) {
            return BrandPayload.failed(UserError.of("input.token", UserErrorCode.INVALID,
                    "This invitation does not exist, was already used or is for another account"));
        }
        if (invitation.get().expiresAt().isBefore(OffsetDateTime.now())) {
            return BrandPayload.failed(UserError.of("input.token", UserErrorCode.EXPIRED,
                    "This invitation has expired; ask for a new one"));
        }
        if (!accounts.emailVerified(accountId)) {
            // the invitation names an address, and anyone may sign up with any address
            return BrandPayload.failed(UserError.of(null, UserErrorCode.EMAIL_NOT_VERIFIED,
                    "Verify your email address first: open the link mailed to it"));
        }
        repository.markAccepted(invitation.get().id(), accountId);
        repository.addMember(invitation.get().brandId(), accountId);
        events.publishEvent(new BrandMemberJoined(new BrandId(invitation.get().brandId()), accountId));
        return BrandPayload.of(repository.findById(invitation.get().brandId(), accountId).orElseThrow());
    }

    /**
     * Makes an image the brand's logo, for the media module once it verified and stored
     * the image. Members of the brand and admins, as for updating the brand.
     */
    public BrandPayload replaceLogo(BrandId id, String imageKey) {
        var caller = Caller.current();
        var brand = requireManageable(id, caller);
        repository.replaceLogo(brand.id(), imageKey);
        return imageReplaced(brand, caller);
    }

    /**
     * Makes an image the brand's cover, for the media module once it verified and stored
     * the image. Members of the brand and admins, as for updating the brand.
     */
    public BrandPayload replaceCover(BrandId id, String imageKey) {
        var caller = Caller.current();
        var brand = requireManageable(id, caller);
        repository.replaceCover(brand.id(), imageKey);
        return imageReplaced(brand, caller);
    }

    /**
     * Removes the brand's logo or cover; the page shows none until another is uploaded.
     * The image is no longer in use, and media deletes it once nothing else shows it.
     * Members of the brand and admins, as for updating the brand.
     */
    public BrandPayload removeImage(BrandId id, BrandImageKind kind) {
        var caller = Caller.current();
        var brand = requireManageable(id, caller);
        if (kind == BrandImageKind.LOGO) {
            repository.replaceLogo(brand.id(), null);
        }
        else {
            repository.replaceCover(brand.id(), null);
        }
        return imageReplaced(brand, caller);
    }

    // ---- helpers

    private BrandPayload imageReplaced(Brand before, Caller caller) {
        var brand = repository.findById(before.id(), viewer(caller)).orElseThrow();
        imagesChanged(brand);
        return changed(brand);
    }

    /** Tells media which images the brand shows now, in the changing transaction. */
    private void imagesChanged(Brand brand) {
        var keys = new ArrayList<String>();
        if (brand.logoImage() != null) {
            keys.add(brand.logoImage());
        }
        if (brand.coverImage() != null) {
            keys.add(brand.coverImage());
        }
        events.publishEvent(new BrandImagesChanged(new BrandId(brand.id()), List.copyOf(keys)));
    }

    private BrandPayload move(Brand brand, Caller caller, Set<BrandVerificationStatus> from, BrandVerificationStatus to,
            NoteCheck note, String wrongStateMessage) {
        if (note.error() != null) {
            return BrandPayload.failed(note.error());
        }
        if (!from.contains(brand.verificationStatus()) || !repository.transition(brand.id(), from, to,
                to == BrandVerificationStatus.SUSPENDED ? note.note() : null)) {
            return BrandPayload.failed(UserError.of("input.id", UserErrorCode.INVALID_STATE, wrongStateMessage));
        }
        repository.recordStatusChange(brand.id(), caller.accountId(), brand.verificationStatus(), to, note.note());
        if (to != BrandVerificationStatus.SUBMITTED) {
            events.publishEvent(new BrandVerificationDecided(brand.id(), brand.name(), to, note.note()));
        }
        return changed(repository.findById(brand.id(), viewer(caller)).orElseThrow());
    }

    /**
     * Announces the change within the changing transaction (search reindexes the brand's
     * products once it commits).
     */
    private BrandPayload changed(Brand brand) {
        events.publishEvent(new BrandChanged(brand.id(), brand.version()));
        return BrandPayload.of(brand);
    }

    private record NoteCheck(String note, UserError error) {
    }

    private static NoteCheck optionalNote(String raw) {
        var note = raw == null || raw.isBlank() ? null : raw.strip();
        if (note != null && note.length() > BrandRules.MAX_NOTE) {
            return new NoteCheck(null, UserError.of("input.note", UserErrorCode.TOO_LONG,
                    "Use at most " + BrandRules.MAX_NOTE + " characters"));
        }
        return new NoteCheck(note, null);
    }

    private static NoteCheck requiredNote(String raw, String message) {
        var checked = optionalNote(raw);
        if (checked.error() == null && checked.note() == null) {
            return new NoteCheck(null, UserError.of("input.note", UserErrorCode.REQUIRED, message));
        }
        return checked;
    }

    static BrandPayload conflict() {
        return BrandPayload.failed(UserError.of("input.expectedVersion", UserErrorCode.CONFLICT,
                "Someone changed this brand in the meantime; reload it and apply your changes again"));
    }

    /** The brand, when the caller may change it: a member, or an admin. */
    Brand requireManageable(BrandId id, Caller caller) {
        caller.requireAccount();
        var brand = existing(id, caller);
        if (!brand.viewerIsMember() && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only the brand's members may change it");
        }
        return brand;
    }

    private Brand existing(BrandId id, Caller caller) {
        return repository.findById(id.value(), viewer(caller))
            .orElseThrow(() -> new NotFoundException("No brand with id " + id.encode()));
    }

    private static boolean visible(Brand brand, Caller caller) {
        return brand.verificationStatus().isPublic() || brand.viewerIsMember() || caller.isStaff();
    }

    private static long viewer(Caller caller) {
        return caller.accountId() == null ? -1L : caller.accountId();
    }

    /** The village given by slug or id, or null with a user error naming the field. */
    private Long village(String slug, String globalId, List<UserError> errors) {
        if (slug != null && !slug.isBlank()) {
            var found = villages.bySlug(slug.strip()).map(Village::id);
            if (found.isEmpty()) {
                errors.add(UserError.of("input.villageSlug", UserErrorCode.NOT_FOUND,
                        "There is no village with this slug"));
            }
            return found.orElse(null);
        }
        if (globalId != null && !globalId.isBlank()) {
            VillageId id;
            try {
                id = VillageId.decode(globalId.strip());
            }
            catch (IllegalArgumentException e) {
                id = null;
            }
            if (id == null || !villages.byIds(Set.of(id.value())).containsKey(id.value())) {
                errors
                    .add(UserError.of("input.villageId", UserErrorCode.NOT_FOUND, "There is no village with this id"));
                return null;
            }
            return id.value();
        }
        errors.add(UserError.of("input.villageSlug", UserErrorCode.REQUIRED, "Choose the brand's village"));
        return null;
    }

    /** The village lookup already reported its own error. */
    private static List<UserError> withoutVillageRequired(List<UserError> errors) {
        return errors.stream()
            .filter(error -> !("input.villageSlug".equals(error.field()) && error.code() == UserErrorCode.REQUIRED))
            .toList();
    }

    private static List<BrandRules.RawCertification> raw(List<CertificationInput> certifications) {
        return certifications == null ? null
                : certifications.stream()
                    .map(c -> new BrandRules.RawCertification(c.kind(), c.number(), c.issuedOn(), c.expiresOn()))
                    .toList();
    }

    /**
     * The storage key an image's global id stands for, null for none; anything but an
     * image's id is a user error. An empty string is none as null is: the way older
     * clients removed an image, deprecated and still read (ADR 0028).
     */
    private static String imageKey(String field, String imageId, List<UserError> errors) {
        if (imageId == null || imageId.isBlank()) {
            return null;
        }
        try {
            return GlobalId.textKey(imageId.strip(), IMAGE_TYPE);
        }
        catch (IllegalArgumentException e) {
            errors.add(UserError.of(field, UserErrorCode.INVALID, "Give the id of an uploaded image"));
            return null;
        }
    }

}
