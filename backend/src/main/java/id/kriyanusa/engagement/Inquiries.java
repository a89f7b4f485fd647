package id.kriyanusa.engagement;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.catalog.ProductStatus;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.engagement.internal.InquiryLinks;
import id.kriyanusa.engagement.internal.InquiryRepository;
import id.kriyanusa.identity.Account;
import id.kriyanusa.identity.AccountEmailVerified;
import id.kriyanusa.identity.Accounts;
import id.kriyanusa.platform.KeyedRateLimit;
import id.kriyanusa.platform.NtbTime;
import id.kriyanusa.platform.SharedRateLimits;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.mail.Mailer;
import id.kriyanusa.platform.security.Caller;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers' inquiries to brands: a buyer asks a verified brand about one of its published
 * products or about the brand as a whole, within limits per sender and per brand; the
 * brand's members read them in their inbox, reply and mark them done, and the buyer reads
 * the replies and writes back. A buyer without an account gives a name and an email
 * instead: the inquiry is held until they open the link mailed there, and the replies are
 * mailed to them with a link to the thread; once an account proves that address, the
 * inquiry is the account's too. The buyer's contact reaches the brand only with its first
 * reply, so a brand cannot harvest contacts without answering; notification mail carries
 * no contact either.
 */
@Service
@Transactional(readOnly = true)
public class Inquiries {

    /**
     * The longest message of an inquiry or a reply, in characters; the pages bound what
     * they show back to it too.
     */
    public static final int MAX_MESSAGE = 2000;

    static final int MAX_QUANTITY = 1_000_000;

    /** The inbox page and the mails link here, for buyers and brand members alike. */
    static final String INBOX_PAGE = "/dasbor/pesan";

    /** A guest confirms their inquiry here, then reads its thread at {@code /pesan/}. */
    static final String CONFIRM_PAGE = "/pesan/pastikan/";

    static final String THREAD_PAGE = "/pesan/";

    static final Duration CONFIRM_LIFETIME = Duration.ofHours(24);

    /** Unconfirmed inquiries are kept a day beyond their link's life, then deleted. */
    static final Duration HELD_LIFETIME = Duration.ofHours(48);

    static final Duration THREAD_LIFETIME = Duration.ofDays(90);

    static final int MAX_GUEST_NAME = 100;

    /**
     * A WhatsApp or phone number as people type it: digits, spaces, dashes, a leading +.
     */
    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9][0-9 .-]{6,22}[0-9]$");

    private final InquiryRepository repository;

    private final Products products;

    private final Brands brands;

    private final Accounts accounts;

    private final Mailer mailer;

    private final ApplicationEventPublisher events;

    private final InquiryLinks links;

    private final int perSenderPerHour;

    private final int perBrandPerDay;

    /**
     * Guests' inquiries per address typed, per network address and per brand: each mails
     * a confirmation link, so the limits also keep anyone from flooding a mailbox.
     */
    private final KeyedRateLimit perGuestEmail;

    private final KeyedRateLimit perGuestClient;

    private final KeyedRateLimit perGuestBrand;

    /**
     * The buyer's messages per thread: each mails the brand's members, and a thread link
     * works for whoever holds it.
     */
    private final KeyedRateLimit perThreadWriteBack;

    Inquiries(InquiryRepository repository, Products products, Brands brands, Accounts accounts, Mailer mailer,
            ApplicationEventPublisher events, InquiryLinks links,
            @Value("${kriyanusa.inquiries.per-sender-per-hour:10}") int perSenderPerHour,
            @Value("${kriyanusa.inquiries.per-brand-per-day:100}") int perBrandPerDay,
            @Value("${kriyanusa.inquiries.guest.per-email-per-hour:3}") int perGuestEmailPerHour,
            @Value("${kriyanusa.inquiries.guest.per-client-per-hour:10}") int perGuestClientPerHour,
            @Value("${kriyanusa.inquiries.guest.per-brand-per-hour:20}") int perGuestBrandPerHour,
            @Value("${kriyanusa.inquiries.write-backs-per-thread-per-hour:20}") int writeBacksPerThreadPerHour,
            SharedRateLimits limits) {
        this.repository = repository;
        this.products = products;
        this.brands = brands;
        this.accounts = accounts;
        this.mailer = mailer;
        this.events = events;
        this.links = links;
        this.perSenderPerHour = perSenderPerHour;
        this.perBrandPerDay = perBrandPerDay;
        this.perGuestEmail = limits.limit("guest-email", perGuestEmailPerHour, Duration.ofHours(1));
        this.perGuestClient = limits.limit("guest-address", perGuestClientPerHour, Duration.ofHours(1));
        this.perGuestBrand = limits.limit("guest-brand", perGuestBrandPerHour, Duration.ofHours(1));
        this.perThreadWriteBack = limits.limit("write-back", writeBacksPerThreadPerHour, Duration.ofHours(1));
    }

    // ---- reading

    /**
     * What the signed-in buyer sent, newest first. UNAUTHORIZED for anonymous callers.
     */
    public Connection<Inquiry> mine(OffsetPage page) {
        return repository.ofSender(Caller.current().requireAccount(), page);
    }

    /**
     * How many inquiries to the signed-in caller's brands wait for an answer, for the
     * dashboard's link to the inbox. UNAUTHORIZED for anonymous callers.
     */
    public int unansweredOfMyBrands() {
        Caller.current().requireAccount();
        var brandIds = brands.memberBrandIds();
        return brandIds.isEmpty() ? 0 : repository.unanswered(brandIds);
    }

    /**
     * The brand's inbox, open ones first, for its members and staff; null for anyone
     * else.
     */
    public Connection<Inquiry> ofBrand(Brand brand, OffsetPage page) {
        return brand.viewerIsMember() || Caller.current().isStaff() ? repository.ofBrand(brand.id(), page) : null;
    }

    /**
     * The inquiry, for its sender, and once delivered for the brand's members and staff.
     */
    public Optional<Inquiry> byId(InquiryId id) {
        var caller = Caller.current();
        if (caller.accountId() == null) {
            return Optional.empty();
        }
        return repository.findById(id.value())
            .filter(inquiry -> inquiry.sentBy(caller.accountId()) || (inquiry.status() != InquiryStatus.HELD
                    && (caller.isStaff() || brands.memberBrandIds().contains(inquiry.brandId()))));
    }

    /**
     * The inquiry whose thread link (mailed to the guest who sent it with each reply)
     * this is, whoever asks, while the link works; empty otherwise.
     */
    public Optional<Inquiry> byThreadLink(String token) {
        return links.find(token == null ? "" : token.strip(), InquiryLinks.Purpose.THREAD)
            .filter(link -> !link.expired())
            .flatMap(link -> repository.findById(link.inquiryId()));
    }

    /**
     * Where a guest's confirmation link stands, whoever asks, without using it; empty for
     * a link that names nothing.
     */
    public Optional<InquiryConfirmation> confirmation(String token) {
        return links.find(token == null ? "" : token.strip(), InquiryLinks.Purpose.CONFIRM)
            .map(link -> link.used() ? InquiryConfirmation.CONFIRMED
                    : link.expired() ? InquiryConfirmation.EXPIRED : InquiryConfirmation.WAITING);
    }

    /**
     * The inquiry a guest's confirmation link names, held or sent, whoever asks, used or
     * not, so that its page can say what is being sent; empty for a link that names
     * nothing (or whose inquiry was deleted for never being confirmed).
     */
    public Optional<Inquiry> byConfirmationLink(String token) {
        return links.find(token == null ? "" : token.strip(), InquiryLinks.Purpose.CONFIRM)
            .flatMap(link -> repository.findById(link.inquiryId()));
    }

    /**
     * The senders' contacts by inquiry, for the sender themselves and for the brand's
     * members once the brand replied; left out for anyone else. One look at the caller's
     * brands and one per sender, however many inquiries a page shows.
     */
    public Map<Inquiry, SenderContact> contacts(List<Inquiry> list) {
        var caller = Caller.current();
        if (caller.accountId() == null) {
            return Map.of();
        }
        var memberOf = brands.memberBrandIds();
        var shown = list.stream()
            .filter(inquiry -> inquiry.sentBy(caller.accountId())
                    || (inquiry.answered() && memberOf.contains(inquiry.brandId())))
            .toList();
        var senders = senders(shown);
        var result = new HashMap<Inquiry, SenderContact>();
        shown.forEach(inquiry -> {
            var email = inquiry.guest() != null ? inquiry.guest().email()
                    : senders.containsKey(inquiry.senderId()) ? senders.get(inquiry.senderId()).email() : null;
            if (email != null) {
                result.put(inquiry,
                        new SenderContact(email, inquiry.replyChannel().needsNumber() ? inquiry.contact() : null));
            }
        });
        return result;
    }

    /**
     * How to reach the buyer: their account's (or as a guest, their) email and the number
     * they gave.
     */
    public record SenderContact(String email, String number) {
    }

    /**
     * The senders' display names by inquiry; everyone who may see an inquiry may see it.
     */
    public Map<Inquiry, String> senderNames(List<Inquiry> list) {
        var senders = senders(list);
        var result = new HashMap<Inquiry, String>();
        list.forEach(inquiry -> result.put(inquiry, inquiry.guest() != null ? inquiry.guest().name()
                : senders.containsKey(inquiry.senderId()) ? senders.get(inquiry.senderId()).displayName() : ""));
        return result;
    }

    private Map<Long, Account> senders(List<Inquiry> list) {
        var senders = new HashMap<Long, Account>();
        list.stream()
            .map(Inquiry::senderId)
            .filter(Objects::nonNull)
            .distinct()
            .forEach(id -> accounts.byId(id).ifPresent(account -> senders.put(id, account)));
        return senders;
    }

    // ---- for counting (insights, whose counts may start after the inquiries)

    /**
     * An inquiry as counting needs it: no sender, no message; {@code answeredAt} null
     * while unanswered, {@code productId} null once the product was deleted.
     */
    public record Counted(long inquiryId, long brandId, Long productId, OffsetDateTime sentAt,
            OffsetDateTime answeredAt) {
    }

    /**
     * Up to {@code limit} inquiries after the given id, in id order, whoever asks: for
     * counting what predates the events.
     */
    public List<Counted> countedAfter(long afterId, int limit) {
        return repository.after(afterId, limit)
            .stream()
            .map(inquiry -> new Counted(inquiry.id(), inquiry.brandId(), inquiry.productId(), inquiry.sentAt(),
                    inquiry.answeredAt()))
            .toList();
    }

    // ---- changing

    /**
     * A buyer asks a verified brand about one of its published products, or about the
     * brand as a whole: signed in, or else as a guest, whose inquiry is HELD until they
     * open the link mailed to them (UNAUTHORIZED without either). RATE_LIMITED past the
     * limits per sender (an hour) and per brand (a day), and for guests per email, per
     * network address and per brand (an hour).
     */
    @Transactional
    public InquiryPayload send(InquiryInputs.Send input, String clientAddress) {
        return send(input, clientAddress, false);
    }

    /**
     * What {@link #send} would answer about the inquiry itself, sending nothing: the same
     * callers and user errors, none when it would go out (the limits per sender and per
     * brand are counted only on sending). A form checks this when it could not read some
     * of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public InquiryPayload checkSend(InquiryInputs.Send input) {
        return send(input, null, true);
    }

    private InquiryPayload send(InquiryInputs.Send input, String clientAddress, boolean onlyCheck) {
        var sender = Caller.current().accountId();
        if (sender == null && input.guest() == null) {
            Caller.current().requireAccount();
        }
        var errors = new InputErrors();
        var guest = sender == null ? guest(input.guest(), errors) : null;
        var about = about(input, errors);
        var message = errors.required("input.message", input.message(), MAX_MESSAGE);
        var quantity = errors.range("input.quantity", input.quantity(), 1, MAX_QUANTITY);
        if (input.quantityUnit() != null && input.quantity() == null) {
            errors.add("input.quantity", UserErrorCode.REQUIRED, "Give the quantity the unit counts");
        }
        var neededBy = input.neededBy();
        if (neededBy != null && (neededBy.isBefore(NtbTime.today()) || neededBy.getYear() > 2100)) {
            errors.add("input.neededBy", UserErrorCode.OUT_OF_RANGE, "Give a date from today to 2100");
        }
        String number = null;
        if (input.replyChannel() == null) {
            errors.add("input.replyChannel", UserErrorCode.REQUIRED, "Choose how the brand should answer");
        }
        else if (input.replyChannel().needsNumber()) {
            number = errors.required("input.contact", input.contact(), 40);
            if (number != null && !NUMBER.matcher(number).matches()) {
                errors.add("input.contact", UserErrorCode.INVALID, "Give a phone number, for example 0812-3456-7890");
            }
        }
        if (!errors.isEmpty()) {
            return InquiryPayload.failed(errors.list());
        }
        if (onlyCheck) {
            return InquiryPayload.acceptable();
        }
        if (sender != null && repository.sentBy(sender, Duration.ofHours(1)) >= perSenderPerHour) {
            errors.add(null, UserErrorCode.RATE_LIMITED,
                    "You sent " + perSenderPerHour + " inquiries within the hour; try again later");
        }
        else if (sender == null
                && (perGuestEmail.take(guest.email(), 1) != null || perGuestClient.take(clientAddress, 1) != null
                        || perGuestBrand.take(about.brand().id(), 1) != null)) {
            errors.add(null, UserErrorCode.RATE_LIMITED, "Too many inquiries from this address; try again later");
        }
        else if (repository.sentTo(about.brand().id(), Duration.ofDays(1)) >= perBrandPerDay) {
            errors.add(null, UserErrorCode.RATE_LIMITED, "This brand received many inquiries today; try tomorrow");
        }
        if (!errors.isEmpty()) {
            return InquiryPayload.failed(errors.list());
        }
        var productId = about.product() == null ? null : about.product().id();
        var id = repository.insert(new InquiryRepository.NewInquiry(about.brand().id(),
                about.product() == null ? InquirySubject.BRAND : InquirySubject.PRODUCT, productId, sender, guest,
                quantity, input.quantityUnit(), neededBy, message, input.replyChannel(), number, pageLanguage()));
        if (guest == null) {
            delivered(id, about);
        }
        else {
            var token = links.issue(id, InquiryLinks.Purpose.CONFIRM, CONFIRM_LIFETIME);
            // the product named, in each language's part by its title in that language: a
            // guest asking about two of a brand's products tells the two mails apart
            var variables = new HashMap<String, Object>(Map.of("name", guest.name(), "brand", about.brand().name(),
                    "hours", CONFIRM_LIFETIME.toHours(), "link", mailer.link(CONFIRM_PAGE + token)));
            if (about.product() != null) {
                variables.put("product", about.product().title());
            }
            mailer.send(guest.email(), "inquiry-confirm", variables, pageLanguage());
        }
        return new InquiryPayload(repository.findById(id).orElseThrow(), List.of());
    }

    /**
     * The language of the page the inquiry is written on: English, or else Indonesian,
     * for the mail about it to link to pages in that language.
     */
    private static Locale pageLanguage() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH
                : Locale.forLanguageTag("id");
    }

    /** The guest's name and normalised address, or null with what to fix. */
    private static InquiryGuest guest(InquiryGuest typed, InputErrors errors) {
        var name = errors.required("input.guest.name", typed.name(), MAX_GUEST_NAME);
        var email = Accounts.validEmail(typed.email());
        if (email.isEmpty()) {
            errors.add("input.guest.email", UserErrorCode.INVALID, "Enter a valid email address");
        }
        return name == null || email.isEmpty() ? null : new InquiryGuest(name, email.get());
    }

    /**
     * A guest opens the link mailed to them: their held inquiry reaches the brand, as if
     * sent now. ALREADY_CONFIRMED for a link used before, EXPIRED after a day, INVALID
     * for a link that names nothing (or whose inquiry was deleted for never being
     * confirmed).
     */
    @Transactional
    public InquiryPayload confirm(InquiryInputs.Confirm input) {
        var token = input.token() == null ? "" : input.token().strip();
        var used = links.use(token, InquiryLinks.Purpose.CONFIRM);
        if (used.isPresent() && repository.deliver(used.get())) {
            var inquiry = repository.findById(used.get()).orElseThrow();
            var brand = brands.byIds(Set.of(inquiry.brandId())).get(inquiry.brandId());
            var product = inquiry.productId() == null ? null
                    : products.byId(new ProductId(inquiry.productId())).orElse(null);
            delivered(inquiry.id(), new About(brand, product));
            accounts.byEmail(inquiry.guest().email())
                .filter(Account::emailVerified)
                .ifPresent(account -> repository.joinGuestInquiries(account.email(), account.id()));
            return new InquiryPayload(repository.findById(inquiry.id()).orElseThrow(), List.of());
        }
        var link = links.find(token, InquiryLinks.Purpose.CONFIRM);
        var error = link.filter(InquiryLinks.Link::used)
            .map(ignored -> UserError.of("input.token", UserErrorCode.ALREADY_CONFIRMED,
                    "This inquiry was confirmed already and reached the brand"))
            .or(() -> link.filter(InquiryLinks.Link::expired)
                .map(ignored -> UserError.of("input.token", UserErrorCode.EXPIRED,
                        "This link expired; send the inquiry again")))
            .orElseGet(() -> UserError.of("input.token", UserErrorCode.INVALID,
                    "This link does not work: it was copied wrongly or its inquiry was deleted"));
        return InquiryPayload.failed(List.of(error));
    }

    /**
     * An account proved its address: the guest's inquiries confirmed from that address
     * become its own, so the buyer reads them, with the brand's replies, in their
     * messages and writes back there. Only a proven address joins them (also when the
     * guest confirms after the account was proven, in {@link #confirm}): whoever merely
     * signs up with someone's address reads nothing of theirs. In the transaction that
     * proved the address, so the messages are there on the holder's next page.
     */
    @EventListener
    @Transactional
    void joinGuestInquiries(AccountEmailVerified verified) {
        repository.joinGuestInquiries(verified.email(), verified.accountId());
    }

    /**
     * The inquiry reached the brand: counted, and its members told.
     */
    private void delivered(long id, About about) {
        events.publishEvent(
                new InquirySent(id, about.brand().id(), about.product() == null ? null : about.product().id()));
        notifyMembers(about);
    }

    /** {@link #forgetUnconfirmed()} on one instance of the fleet per interval. */
    @Scheduled(fixedDelayString = "${kriyanusa.inquiries.held-cleanup-interval:PT1H}",
            initialDelayString = "${kriyanusa.inquiries.held-cleanup-interval:PT1H}")
    @SchedulerLock(name = "held-inquiries-cleanup",
            lockAtLeastFor = "${kriyanusa.inquiries.held-cleanup-interval:PT1H}",
            lockAtMostFor = "${kriyanusa.inquiries.held-cleanup-interval:PT1H}")
    @Transactional
    public void forgetUnconfirmedOnce() {
        forgetUnconfirmed();
    }

    /**
     * Deletes the guests' inquiries never confirmed, with their personal data, two days
     * after they were sent; how many.
     */
    @Transactional
    public int forgetUnconfirmed() {
        return repository.deleteHeldBefore(OffsetDateTime.now().minus(HELD_LIFETIME));
    }

    /** The brand asked and the product asked about, null for the whole brand. */
    private record About(Brand brand, Product product) {
    }

    /**
     * The published product, or else the verified brand, the input names; null with a
     * NOT_FOUND (or REQUIRED) error when it names neither.
     */
    private About about(InquiryInputs.Send input, InputErrors errors) {
        if (InputErrors.text(input.productId()) != null) {
            var product = published(input.productId());
            if (product == null) {
                errors.add("input.productId", UserErrorCode.NOT_FOUND, "No such product on sale");
                return null;
            }
            return new About(brands.byIds(Set.of(product.brandId())).get(product.brandId()), product);
        }
        if (InputErrors.text(input.brandId()) == null) {
            errors.add("input.productId", UserErrorCode.REQUIRED, "Give the product or the brand asked about");
            return null;
        }
        var brand = verified(input.brandId());
        if (brand == null) {
            errors.add("input.brandId", UserErrorCode.NOT_FOUND, "No such verified brand");
            return null;
        }
        return new About(brand, null);
    }

    /** A member of the inquiry's brand answers; FORBIDDEN for anyone else. */
    @Transactional
    public InquiryPayload reply(InquiryInputs.Reply input) {
        var author = Caller.current().requireAccount();
        var inquiry = ofMyBrand(input.inquiryId());
        var errors = new InputErrors();
        var message = errors.required("input.message", input.message(), MAX_MESSAGE);
        if (inquiry.status() == InquiryStatus.DONE) {
            errors.add("input.inquiryId", UserErrorCode.INVALID_STATE, "This inquiry is done");
        }
        if (!errors.isEmpty()) {
            return InquiryPayload.failed(errors.list());
        }
        repository.addReply(inquiry.id(), author, message);
        events.publishEvent(
                new InquiryAnswered(inquiry.id(), inquiry.brandId(), inquiry.productId(), !inquiry.answered()));
        notifySender(inquiry);
        return new InquiryPayload(repository.findById(inquiry.id()).orElseThrow(), List.of());
    }

    /**
     * The buyer writes back in the thread of their inquiry once the brand replied, until
     * it is done; the brand's members are told by mail. FORBIDDEN for anyone else.
     */
    @Transactional
    public InquiryPayload writeBack(InquiryInputs.WriteBack input) {
        var sender = Caller.current().requireAccount();
        var inquiry = repository.findById(InquiryId.decode(input.inquiryId()).value())
            .orElseThrow(() -> new NotFoundException("No inquiry with id " + input.inquiryId()));
        if (!inquiry.sentBy(sender)) {
            throw new AccessDeniedException("Only the buyer who sent the inquiry writes back");
        }
        return addBuyerMessage(inquiry, sender, input.message(), "input.inquiryId");
    }

    /**
     * The buyer writes back through the thread link mailed to them, as {@link #writeBack}
     * but whoever holds the link, as for reading it: a guest has no account to sign in
     * with. NOT_FOUND for a link that does not work (unknown or expired). RATE_LIMITED
     * past the messages per thread an hour, as each mails the brand's members.
     */
    @Transactional
    public InquiryPayload writeBackThroughLink(InquiryInputs.WriteBackThroughLink input) {
        var inquiry = byThreadLink(input.token())
            .orElseThrow(() -> new NotFoundException("No inquiry thread with this link"));
        return addBuyerMessage(inquiry, inquiry.senderId(), input.message(), "input.token");
    }

    /**
     * Adds the buyer's message once the brand replied and until the inquiry is done, and
     * tells the brand's members; {@code stateField} is the input field a refusal for the
     * inquiry's state names.
     */
    private InquiryPayload addBuyerMessage(Inquiry inquiry, Long author, String typed, String stateField) {
        var errors = new InputErrors();
        var message = errors.required("input.message", typed, MAX_MESSAGE);
        if (inquiry.status() == InquiryStatus.DONE) {
            errors.add(stateField, UserErrorCode.INVALID_STATE, "This inquiry is done");
        }
        else if (!inquiry.answered()) {
            errors.add(stateField, UserErrorCode.INVALID_STATE, "Wait for the brand's reply first");
        }
        if (errors.isEmpty() && perThreadWriteBack.take(inquiry.id(), 1) != null) {
            errors.add(null, UserErrorCode.RATE_LIMITED, "Many messages in this thread within the hour; try later");
        }
        if (!errors.isEmpty()) {
            return InquiryPayload.failed(errors.list());
        }
        repository.addBuyerMessage(inquiry.id(), author, message);
        var brand = brands.byIds(Set.of(inquiry.brandId())).get(inquiry.brandId());
        tellMembers(inquiry.brandId(), "inquiry-written-back",
                Map.of("brand", brand == null ? "" : brand.name(), "link", mailer.link(INBOX_PAGE)));
        return new InquiryPayload(repository.findById(inquiry.id()).orElseThrow(), List.of());
    }

    /** A member of the inquiry's brand marks it done; FORBIDDEN for anyone else. */
    @Transactional
    public InquiryPayload close(InquiryInputs.Close input) {
        var inquiry = ofMyBrand(input.inquiryId());
        repository.close(inquiry.id());
        return new InquiryPayload(repository.findById(inquiry.id()).orElseThrow(), List.of());
    }

    private Inquiry ofMyBrand(String globalId) {
        Caller.current().requireAccount();
        var inquiry = repository.findById(InquiryId.decode(globalId).value())
            .filter(found -> found.status() != InquiryStatus.HELD)
            .orElseThrow(() -> new NotFoundException("No inquiry with id " + globalId));
        if (!brands.memberBrandIds().contains(inquiry.brandId())) {
            throw new AccessDeniedException("Only the brand's members answer its inquiries");
        }
        return inquiry;
    }

    /** The brand when it is verified, else null. */
    private Brand verified(String globalId) {
        try {
            var id = BrandId.decode(globalId.strip());
            return brands.publicBrandIds().contains(id.value()) ? brands.byIds(Set.of(id.value())).get(id.value())
                    : null;
        }
        catch (IllegalArgumentException e) {
            // not a brand's id: no such brand
            return null;
        }
    }

    /** The product when it is published by a verified brand, else null. */
    private Product published(String globalId) {
        if (InputErrors.text(globalId) == null) {
            return null;
        }
        try {
            return products.byId(ProductId.decode(globalId.strip()))
                .filter(product -> product.status() == ProductStatus.PUBLISHED
                        && brands.publicBrandIds().contains(product.brandId()))
                .orElse(null);
        }
        catch (IllegalArgumentException e) {
            // not a product's id: no such product
            return null;
        }
    }

    /**
     * A short note to each member: which product (or the brand as a whole), and the inbox
     * link; nothing of the buyer.
     */
    private void notifyMembers(About about) {
        var variables = new HashMap<String, Object>(
                Map.of("brand", about.brand().name(), "link", mailer.link(INBOX_PAGE)));
        if (about.product() != null) {
            variables.put("product", about.product().title().indonesian());
        }
        tellMembers(about.brand().id(), "inquiry-received", variables);
    }

    private void tellMembers(long brandId, String mail, Map<String, ?> variables) {
        brands.memberAccountIds(new BrandId(brandId))
            .forEach(member -> accounts.byId(member)
                .ifPresent(account -> mailer.send(account.email(), mail, variables, null)));
    }

    /**
     * Tells the buyer the brand replied: an account's holder reads it in their inbox, a
     * guest on the thread page, through a link of its own in each mail; in the language
     * they wrote the inquiry in, whatever the brand's page was.
     */
    private void notifySender(Inquiry inquiry) {
        var brand = brands.byIds(Set.of(inquiry.brandId())).get(inquiry.brandId());
        var variables = new HashMap<String, Object>(Map.of("brand", brand == null ? "" : brand.name()));
        // the product asked about, named in each part's language as the confirmation
        // names
        // it: a buyer who asked about two of a brand's products knows which was answered
        if (inquiry.productId() != null) {
            products.byId(new ProductId(inquiry.productId()))
                .ifPresent(product -> variables.put("product", product.title()));
        }
        if (inquiry.guest() != null) {
            var token = links.issue(inquiry.id(), InquiryLinks.Purpose.THREAD, THREAD_LIFETIME);
            variables.put("link", mailer.link(THREAD_PAGE + token));
            mailer.send(inquiry.guest().email(), "inquiry-answered", variables, inquiry.language());
            return;
        }
        variables.put("link", mailer.link(INBOX_PAGE));
        accounts.byId(inquiry.senderId())
            .ifPresent(account -> mailer.send(account.email(), "inquiry-answered", variables, inquiry.language()));
    }

}
