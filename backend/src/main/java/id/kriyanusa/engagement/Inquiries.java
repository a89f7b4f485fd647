package id.kriyanusa.engagement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import id.kriyanusa.engagement.internal.InquiryRepository;
import id.kriyanusa.identity.Account;
import id.kriyanusa.identity.Accounts;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.mail.Mailer;
import id.kriyanusa.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers' inquiries to brands: a signed-in buyer asks a verified brand about one of its
 * published products or about the brand as a whole, within limits per sender and per
 * brand; the brand's members read them in their inbox, reply and mark them done, and the
 * buyer reads the replies and writes back. The buyer's contact reaches the brand only
 * with its first reply, so a brand cannot harvest contacts without answering;
 * notification mail carries no contact either.
 */
@Service
@Transactional(readOnly = true)
public class Inquiries {

    static final int MAX_MESSAGE = 2000;

    static final int MAX_QUANTITY = 1_000_000;

    /** The inbox page and the mails link here, for buyers and brand members alike. */
    static final String INBOX_PAGE = "/dasbor/pesan";

    /**
     * A WhatsApp or phone number as people type it: digits, spaces, dashes, a leading +.
     */
    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9][0-9 .-]{6,22}[0-9]$");

    /** Needed-by dates are days in Nusa Tenggara Barat (WITA). */
    private static final ZoneId NTB = ZoneId.of("Asia/Makassar");

    private final InquiryRepository repository;

    private final Products products;

    private final Brands brands;

    private final Accounts accounts;

    private final Mailer mailer;

    private final ApplicationEventPublisher events;

    private final int perSenderPerHour;

    private final int perBrandPerDay;

    Inquiries(InquiryRepository repository, Products products, Brands brands, Accounts accounts, Mailer mailer,
            ApplicationEventPublisher events,
            @Value("${kriyanusa.inquiries.per-sender-per-hour:10}") int perSenderPerHour,
            @Value("${kriyanusa.inquiries.per-brand-per-day:100}") int perBrandPerDay) {
        this.repository = repository;
        this.products = products;
        this.brands = brands;
        this.accounts = accounts;
        this.mailer = mailer;
        this.events = events;
        this.perSenderPerHour = perSenderPerHour;
        this.perBrandPerDay = perBrandPerDay;
    }

    // ---- reading

    /**
     * What the signed-in buyer sent, newest first. UNAUTHORIZED for anonymous callers.
     */
    public Connection<Inquiry> mine(OffsetPage page) {
        return repository.ofSender(Caller.current().requireAccount(), page);
    }

    /**
     * The brand's inbox, open ones first, for its members and staff; null for anyone
     * else.
     */
    public Connection<Inquiry> ofBrand(Brand brand, OffsetPage page) {
        return brand.viewerIsMember() || Caller.current().isStaff() ? repository.ofBrand(brand.id(), page) : null;
    }

    /** The inquiry, for its sender, the brand's members and staff. */
    public Optional<Inquiry> byId(InquiryId id) {
        var caller = Caller.current();
        if (caller.accountId() == null) {
            return Optional.empty();
        }
        return repository.findById(id.value())
            .filter(inquiry -> caller.accountId() == inquiry.senderId() || caller.isStaff()
                    || brands.memberBrandIds().contains(inquiry.brandId()));
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
            .filter(inquiry -> caller.accountId() == inquiry.senderId()
                    || (inquiry.answered() && memberOf.contains(inquiry.brandId())))
            .toList();
        var senders = senders(shown);
        var result = new HashMap<Inquiry, SenderContact>();
        shown.stream()
            .filter(inquiry -> senders.containsKey(inquiry.senderId()))
            .forEach(inquiry -> result.put(inquiry, new SenderContact(senders.get(inquiry.senderId()).email(),
                    inquiry.replyChannel().needsNumber() ? inquiry.contact() : null)));
        return result;
    }

    /** How to reach the buyer: their account's email and the number they gave. */
    public record SenderContact(String email, String number) {
    }

    /**
     * The senders' display names by inquiry; everyone who may see an inquiry may see it.
     */
    public Map<Inquiry, String> senderNames(List<Inquiry> list) {
        var senders = senders(list);
        var result = new HashMap<Inquiry, String>();
        list.forEach(inquiry -> result.put(inquiry,
                senders.containsKey(inquiry.senderId()) ? senders.get(inquiry.senderId()).displayName() : ""));
        return result;
    }

    private Map<Long, Account> senders(List<Inquiry> list) {
        var senders = new HashMap<Long, Account>();
        list.stream()
            .map(Inquiry::senderId)
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
     * A signed-in buyer asks a verified brand about one of its published products, or
     * about the brand as a whole. RATE_LIMITED past the limits per sender (an hour) and
     * per brand (a day).
     */
    @Transactional
    public InquiryPayload send(InquiryInputs.Send input) {
        var sender = Caller.current().requireAccount();
        var errors = new InputErrors();
        var about = about(input, errors);
        var message = errors.required("input.message", input.message(), MAX_MESSAGE);
        var quantity = errors.range("input.quantity", input.quantity(), 1, MAX_QUANTITY);
        var neededBy = input.neededBy();
        if (neededBy != null && (neededBy.isBefore(LocalDate.now(NTB)) || neededBy.getYear() > 2100)) {
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
        if (repository.sentBy(sender, Duration.ofHours(1)) >= perSenderPerHour) {
            errors.add(null, UserErrorCode.RATE_LIMITED,
                    "You sent " + perSenderPerHour + " inquiries within the hour; try again later");
        }
        else if (repository.sentTo(about.brand().id(), Duration.ofDays(1)) >= perBrandPerDay) {
            errors.add(null, UserErrorCode.RATE_LIMITED, "This brand received many inquiries today; try tomorrow");
        }
        if (!errors.isEmpty()) {
            return InquiryPayload.failed(errors.list());
        }
        var productId = about.product() == null ? null : about.product().id();
        var id = repository.insert(new InquiryRepository.NewInquiry(about.brand().id(),
                about.product() == null ? InquirySubject.BRAND : InquirySubject.PRODUCT, productId, sender, quantity,
                neededBy, message, input.replyChannel(), number));
        events.publishEvent(new InquirySent(id, about.brand().id(), productId));
        notifyMembers(about);
        return new InquiryPayload(repository.findById(id).orElseThrow(), List.of());
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
        if (inquiry.senderId() != sender) {
            throw new AccessDeniedException("Only the buyer who sent the inquiry writes back");
        }
        var errors = new InputErrors();
        var message = errors.required("input.message", input.message(), MAX_MESSAGE);
        if (inquiry.status() == InquiryStatus.DONE) {
            errors.add("input.inquiryId", UserErrorCode.INVALID_STATE, "This inquiry is done");
        }
        else if (!inquiry.answered()) {
            errors.add("input.inquiryId", UserErrorCode.INVALID_STATE, "Wait for the brand's reply first");
        }
        if (!errors.isEmpty()) {
            return InquiryPayload.failed(errors.list());
        }
        repository.addBuyerMessage(inquiry.id(), sender, message);
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

    private void notifySender(Inquiry inquiry) {
        var brand = brands.byIds(Set.of(inquiry.brandId())).get(inquiry.brandId());
        accounts.byId(inquiry.senderId())
            .ifPresent(account -> mailer.send(account.email(), "inquiry-answered",
                    Map.of("brand", brand == null ? "" : brand.name(), "link", mailer.link(INBOX_PAGE)), null));
    }

}
