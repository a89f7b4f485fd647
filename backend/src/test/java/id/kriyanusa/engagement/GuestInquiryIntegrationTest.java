package id.kriyanusa.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.engagement.internal.InquiryLinks;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A buyer without an account asks a brand: the inquiry is held, unseen by the brand,
 * until the guest opens the link mailed to them; then the brand reads and answers it, and
 * the guest reads the answer through the link in its mail. Old links, unconfirmed
 * inquiries and floods of them are dealt with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RecordApplicationEvents
class GuestInquiryIntegrationTest {

    static final String CONFIRM = "mutation($input: ConfirmInquiryInput!) { confirmInquiry(input: $input) { inquiry "
            + InquiryIntegrationTest.INQUIRY + " userErrors { field code message } } }";

    static final String THREAD = "query($token: String!) { inquiryThread(token: $token) "
            + InquiryIntegrationTest.INQUIRY + " }";

    static final String WRITE_BACK = "mutation($input: WriteBackThroughThreadLinkInput!) { "
            + "writeBackThroughThreadLink(input: $input) { inquiry " + InquiryIntegrationTest.INQUIRY
            + " userErrors { field code message } } }";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Inquiries inquiries;

    @Autowired
    InquiryLinks links;

    ApiClient client(int lastByte) throws Exception {
        return new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.27." + lastByte)));
    }

    /** A guest's inquiry about a product of the brand. */
    static Map<String, Object> asGuest(String productId, String name, String email, String message) {
        var input = InquiryIntegrationTest.inquiry(productId, message);
        input.put("guest", Map.of("name", name, "email", email));
        return input;
    }

    /** A published product of a verified brand, by the brand's slug. */
    String productOf(String brandSlug) {
        var id = jdbc.sql("""
                select p.id from product p join brand b on b.id = p.brand_id
                where b.slug = ? and p.status = 'PUBLISHED' order by p.id limit 1""")
            .param(brandSlug)
            .query(Long.class)
            .single();
        return new GlobalId("Product", id).encode();
    }

    static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aGuestsInquiryReachesTheBrandOnlyOnceTheyOpenTheMailedLink() throws Exception {
        var api = client(1);
        var email = ApiClient.unique("baiq") + "@contoh.id";
        var producer = api.signIn(ApiClient.PRODUCER);
        var message = "Bisa kirim 50 pak ke Sumbawa? " + ApiClient.unique("g");
        var input = asGuest(productOf(InquiryIntegrationTest.BRAND), "Baiq Nurul", " " + email.toUpperCase() + " ",
                message);
        input.put("replyChannel", "WHATSAPP");
        input.put("contact", "0819-0722-3344");

        var body = api.mutate(InquiryIntegrationTest.SEND, input, null);
        assertThat((List<?>) JsonPath.read(body, "$.data.sendInquiry.userErrors")).as(body).isEmpty();
        Map<String, Object> held = JsonPath.read(body, "$.data.sendInquiry.inquiry");
        assertThat(held).containsEntry("status", "HELD").containsEntry("senderName", "Baiq Nurul");
        var id = held.get("id");
        assertThat(inbox(api, producer)).as("the brand does not see a held inquiry").doesNotContain(id);
        assertThat(events.stream(InquirySent.class)).isEmpty();

        var link = ApiClient.awaitLink(inbox, email, "/pesan/pastikan/");
        var mail = inbox.to(email).getFirst();
        assertThat(mail.subject()).startsWith("Pastikan pesan Anda");
        assertThat(mail.text()).contains("Baiq Nurul", "Koperasi Kriya Tembakau Semoyang", "24 jam");
        var productKey = GlobalId.decode(input.get("productId").toString()).key();
        var indonesian = jdbc.sql("select title_id from product where id = ?")
            .param(productKey)
            .query(String.class)
            .single();
        var english = jdbc.sql("select coalesce(title_en, title_id) from product where id = ?")
            .param(productKey)
            .query(String.class)
            .single();
        assertThat(mail.text()).as("the product asked about, in each part's language, to tell two such mails apart")
            .contains("tentang produk \"" + indonesian + "\"", "about the product \"" + english + "\"");
        var mailsToProducer = inbox.to(ApiClient.PRODUCER).size();

        // on this thread, which records the events
        var confirmed = inquiries.confirm(new InquiryInputs.Confirm(token(link)));
        assertThat(confirmed.userErrors()).isEmpty();
        assertThat(confirmed.inquiry().status()).isEqualTo(InquiryStatus.OPEN);
        var delivered = inInbox(api, producer, id);
        assertThat(delivered).containsEntry("senderName", "Baiq Nurul").containsEntry("message", message);
        assertThat(delivered.get("senderContact")).as("no contact before the brand replied").isNull();
        assertThat(events.stream(InquirySent.class)).hasSize(1);
        var notice = Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> inbox.to(ApiClient.PRODUCER), mails -> mails.size() > mailsToProducer)
            .getFirst();
        assertThat(notice.subject()).startsWith("Pesan baru dari pembeli");
        assertThat(notice.text()).doesNotContain(email, "0819");

        var again = api.mutate(CONFIRM, Map.of("token", token(link)), null);
        assertThat(ApiClient.outcome(again, "confirmInquiry")).isEqualTo("userError:ALREADY_CONFIRMED");
        assertThat(events.stream(InquirySent.class)).as("counted once").hasSize(1);

        var reply = api.mutate(InquiryIntegrationTest.REPLY,
                Map.of("inquiryId", id, "message", "Bisa, ongkir Rp80.000. Kami kirim WA."), producer);
        assertThat(ApiClient.outcome(reply, "replyToInquiry")).isEqualTo("ok");
        assertThat(inInbox(api, producer, id).get("senderContact")).as("the guest's contact once the brand replied")
            .isEqualTo(Map.of("email", email, "number", "0819-0722-3344"));
        var threadLink = threadLink(email);
        var thread = api.query(THREAD, Map.of("token", token(threadLink)), null);
        assertThat((List<String>) JsonPath.read(thread, "$.data.inquiryThread.replies[*].message"))
            .containsExactly("Bisa, ongkir Rp80.000. Kami kirim WA.");
        assertThat((Object) JsonPath.read(thread, "$.data.inquiryThread.senderContact")).isNull();
        assertThat(
                (Object) JsonPath.read(api.query(THREAD, Map.of("token", token(link)), null), "$.data.inquiryThread"))
            .as("the confirmation link does not open the thread")
            .isNull();
        assertThat((Object) JsonPath.read(api.query(THREAD, Map.of("token", "bukan-tautan"), null),
                "$.data.inquiryThread"))
            .isNull();
    }

    @Test
    void anExpiredLinkDeliversNothingAndUnconfirmedInquiriesAreDeleted() throws Exception {
        var api = client(2);
        var email = ApiClient.unique("lalu") + "@contoh.id";
        var body = api.mutate(InquiryIntegrationTest.SEND,
                asGuest(productOf(InquiryIntegrationTest.BRAND), "Lalu Ahmad", email, "Ada ukuran A3?"), null);
        String id = JsonPath.read(body, "$.data.sendInquiry.inquiry.id");
        var inquiryId = InquiryId.decode(id).value();
        var token = token(ApiClient.awaitLink(inbox, email, "/pesan/pastikan/"));

        jdbc.sql("update inquiry_link_token set expires_at = now() - interval '1 minute' where inquiry_id = ?")
            .param(inquiryId)
            .update();
        assertThat(ApiClient.outcome(api.mutate(CONFIRM, Map.of("token", token), null), "confirmInquiry"))
            .isEqualTo("userError:EXPIRED");
        assertThat(status(inquiryId)).containsExactly("HELD");

        inquiries.forgetUnconfirmed();
        assertThat(status(inquiryId)).as("kept for 48 hours").containsExactly("HELD");
        jdbc.sql("update inquiry set sent_at = now() - interval '49 hours' where id = ?").param(inquiryId).update();
        inquiries.forgetUnconfirmed();
        assertThat(status(inquiryId)).as("deleted after 48 hours").isEmpty();
        assertThat(ApiClient.outcome(api.mutate(CONFIRM, Map.of("token", token), null), "confirmInquiry"))
            .isEqualTo("userError:INVALID");
    }

    @Test
    void aGuestNeedsANameAndAnEmailAndNoGuestNeedsAnAccount() throws Exception {
        var api = client(3);
        var product = productOf(InquiryIntegrationTest.BRAND);
        var refused = api.mutate(InquiryIntegrationTest.SEND, asGuest(product, " ", "bukan-email", "Halo"), null);
        assertThat((List<String>) JsonPath.read(refused, "$.data.sendInquiry.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.guest.name", "input.guest.email");
        assertThat(ApiClient.outcome(
                api.mutate(InquiryIntegrationTest.SEND, InquiryIntegrationTest.inquiry(product, "Halo"), null),
                "sendInquiry"))
            .as("anonymous without a guest contact")
            .isEqualTo("UNAUTHORIZED");

        var buyer = api.signUp("BUYER");
        var signedIn = api.mutate(InquiryIntegrationTest.SEND,
                asGuest(product, "Nama Lain", "lain@contoh.id", "Ada stok?"), buyer);
        assertThat((String) JsonPath.read(signedIn, "$.data.sendInquiry.inquiry.status"))
            .as("a signed-in buyer's inquiry is theirs and goes straight to the brand")
            .isEqualTo("OPEN");
        assertThat((String) JsonPath.read(signedIn, "$.data.sendInquiry.inquiry.senderName")).isEqualTo("Uji BUYER");
    }

    @Test
    void guestsAreLimitedPerEmailPerNetworkAddressAndPerBrand() throws Exception {
        var product = productOf(InquiryIntegrationTest.BRAND);
        var email = ApiClient.unique("banjir") + "@contoh.id";
        for (var i = 1; i <= 3; i++) {
            assertThat(send(client(10 + i), asGuest(product, "Tamu", email, "Pertanyaan " + i))).isEqualTo("ok");
        }
        var refused = client(14).mutate(InquiryIntegrationTest.SEND, asGuest(product, "Tamu", email, "Pertanyaan 4"),
                null);
        assertThat(ApiClient.outcome(refused, "sendInquiry")).isEqualTo("userError:RATE_LIMITED");
        assertThat((String) JsonPath.read(refused, "$.data.sendInquiry.userErrors[0].message"))
            .contains("try again later");
        assertThat(
                jdbc.sql("select count(*) from inquiry where guest_email = ?").param(email).query(Long.class).single())
            .as("the first three kept, held")
            .isEqualTo(3);

        var oneNetwork = client(20);
        var gerabah = productOf("gerabah-banyumulek-lestari");
        for (var i = 1; i <= 10; i++) {
            assertThat(send(oneNetwork, asGuest(gerabah, "Tamu", ApiClient.unique("t") + "@contoh.id", "Halo " + i)))
                .isEqualTo("ok");
        }
        assertThat(send(oneNetwork, asGuest(gerabah, "Tamu", ApiClient.unique("t") + "@contoh.id", "Halo 11")))
            .isEqualTo("userError:RATE_LIMITED");

        // the brand's hour: 20 guests from as many networks
        for (var i = 1; i <= 10; i++) {
            assertThat(send(client(30 + i), asGuest(gerabah, "Tamu", ApiClient.unique("b") + "@contoh.id", "Hai")))
                .isEqualTo("ok");
        }
        assertThat(send(client(41), asGuest(gerabah, "Tamu", ApiClient.unique("b") + "@contoh.id", "Hai")))
            .as("the brand's twenty-first guest within the hour")
            .isEqualTo("userError:RATE_LIMITED");
    }

    /**
     * The guest writes back through the thread link, the account they do not have: only
     * after the brand replied and until it marks the inquiry done, with a message of at
     * most 2000 characters; the brand reads it in its inbox and its members get a mail.
     */
    @Test
    void aGuestWritesBackThroughTheThreadLinkOnceTheBrandReplied() throws Exception {
        var api = client(4);
        var email = ApiClient.unique("rahmi") + "@contoh.id";
        var producer = api.signIn(ApiClient.PRODUCER);
        var body = api.mutate(InquiryIntegrationTest.SEND,
                asGuest(productOf(InquiryIntegrationTest.BRAND), "Rahmi", email, "Ada yang ukuran A5?"), null);
        String id = JsonPath.read(body, "$.data.sendInquiry.inquiry.id");
        var confirm = api.mutate(CONFIRM, Map.of("token", token(ApiClient.awaitLink(inbox, email, "/pesan/pastikan/"))),
                null);
        assertThat(ApiClient.outcome(confirm, "confirmInquiry")).isEqualTo("ok");
        var early = links.issue(InquiryId.decode(id).value(), InquiryLinks.Purpose.THREAD, Duration.ofDays(1));
        assertThat(writeBack(api, early, "Halo?")).as("before the brand replied").isEqualTo("userError:INVALID_STATE");

        api.mutate(InquiryIntegrationTest.REPLY, Map.of("inquiryId", id, "message", "Ada, Rp30.000 per pak."),
                producer);
        var token = token(threadLink(email));
        assertThat(writeBack(api, token, " ")).isEqualTo("userError:REQUIRED");
        assertThat(writeBack(api, token, "x".repeat(2001))).isEqualTo("userError:TOO_LONG");
        assertThat(writeBack(api, "bukan-tautan", "Halo")).isEqualTo("NOT_FOUND");
        var mailsToProducer = writtenBack();
        var message = "Baik, saya pesan 5 pak. " + ApiClient.unique("w");
        var wrote = api.mutate(WRITE_BACK, Map.of("token", token, "message", message), null);
        assertThat(ApiClient.outcome(wrote, "writeBackThroughThreadLink")).isEqualTo("ok");
        assertThat((String) JsonPath.read(wrote, "$.data.writeBackThroughThreadLink.inquiry.status")).isEqualTo("OPEN");
        var seen = inInbox(api, producer, id);
        assertThat((List<Map<String, Object>>) seen.get("replies")).extracting(reply -> reply.get("message"))
            .containsExactly("Ada, Rp30.000 per pak.", message);
        assertThat((List<Map<String, Object>>) seen.get("replies")).extracting(reply -> reply.get("writtenBy"))
            .containsExactly("BRAND", "BUYER");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(this::writtenBack, count -> count > mailsToProducer);

        api.mutate(InquiryIntegrationTest.CLOSE, Map.of("inquiryId", id), producer);
        assertThat(writeBack(api, token, "Satu lagi")).as("once done").isEqualTo("userError:INVALID_STATE");
        jdbc.sql("update inquiry_link_token set expires_at = now() - interval '1 minute' where inquiry_id = ?")
            .param(InquiryId.decode(id).value())
            .update();
        assertThat(writeBack(api, token, "Halo")).as("an expired link").isEqualTo("NOT_FOUND");
    }

    private String writeBack(ApiClient api, String token, String message) throws Exception {
        return ApiClient.outcome(api.mutate(WRITE_BACK, Map.of("token", token, "message", message), null),
                "writeBackThroughThreadLink");
    }

    /** How many "a buyer wrote again" mails the producer got. */
    private long writtenBack() {
        return inbox.to(ApiClient.PRODUCER)
            .stream()
            .filter(mail -> mail.subject().startsWith("Pembeli menulis lagi"))
            .count();
    }

    /** The thread's link in the mail of the brand's reply (not the confirmation's). */
    String threadLink(String email) {
        return ApiClient.awaitLink(inbox, email, link -> link.contains("/pesan/") && !link.contains("/pastikan/"));
    }

    private String send(ApiClient api, Map<String, Object> input) throws Exception {
        return ApiClient.outcome(api.mutate(InquiryIntegrationTest.SEND, input, null), "sendInquiry");
    }

    private List<String> status(long inquiryId) {
        return jdbc.sql("select status from inquiry where id = ?").param(inquiryId).query(String.class).list();
    }

    private List<Object> inbox(ApiClient api, String token) throws Exception {
        return JsonPath.read(
                api.query(InquiryIntegrationTest.INBOX, Map.of("slug", InquiryIntegrationTest.BRAND), token),
                "$.data.brand.inquiries.edges[*].node.id");
    }

    private Map<String, Object> inInbox(ApiClient api, String token, Object id) throws Exception {
        List<Map<String, Object>> found = JsonPath.read(
                api.query(InquiryIntegrationTest.INBOX, Map.of("slug", InquiryIntegrationTest.BRAND), token),
                "$.data.brand.inquiries.edges[?(@.node.id == '" + id + "')].node");
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

}
