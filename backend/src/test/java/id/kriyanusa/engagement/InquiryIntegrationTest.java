package id.kriyanusa.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A buyer asks a brand about a product; its members read it in their inbox (without the
 * buyer's contact until they reply), reply and close it, and the buyer reads the reply;
 * nobody else reads or answers it, and the limits per sender and per brand hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RecordApplicationEvents
class InquiryIntegrationTest {

    static final String PRODUCT = "kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";

    static final String BRAND = "koperasi-kriya-tembakau-semoyang";

    static final String INQUIRY = "{ id subject message quantity quantityUnit neededBy replyChannel status senderName "
            + "senderContact { email number } product { slug } brand { slug } replies { message writtenBy } }";

    static final String SEND = "mutation($input: SendInquiryInput!) { sendInquiry(input: $input) { inquiry " + INQUIRY
            + " userErrors { field code message } } }";

    static final String REPLY = "mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { inquiry "
            + INQUIRY + " userErrors { field code message } } }";

    static final String WRITE_BACK = "mutation($input: WriteBackToInquiryInput!) { writeBackToInquiry(input: $input) "
            + "{ inquiry " + INQUIRY + " userErrors { field code message } } }";

    static final String CLOSE = "mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { inquiry "
            + INQUIRY + " userErrors { field code message } } }";

    static final String INBOX = "query($slug: String!) { brand(slug: $slug) { inquiries(first: 100) { edges { node "
            + INQUIRY + " } } } }";

    static final String MINE = "{ myInquiries(first: 100) { totalCount edges { node " + INQUIRY + " } } }";

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

    /** A client from its own loopback address, so that sign-up limits start afresh. */
    ApiClient client(int lastByte) throws Exception {
        return new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.20." + lastByte)));
    }

    String productId(ApiClient api, String slug) throws Exception {
        return JsonPath.read(
                api.query("query($slug: String!) { product(slug: $slug) { id } }", Map.of("slug", slug), null),
                "$.data.product.id");
    }

    static Map<String, Object> inquiry(String productId, String message) {
        var input = new HashMap<String, Object>();
        input.put("productId", productId);
        input.put("message", message);
        input.put("replyChannel", "EMAIL");
        return input;
    }

    Map<String, Object> sent(ApiClient api, Map<String, Object> input, String token) throws Exception {
        var body = api.mutate(SEND, input, token);
        assertThat((List<?>) JsonPath.read(body, "$.data.sendInquiry.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.sendInquiry.inquiry");
    }

    Map<String, Object> inInbox(ApiClient api, String token, Object id) throws Exception {
        List<Map<String, Object>> found = JsonPath.read(api.query(INBOX, Map.of("slug", BRAND), token),
                "$.data.brand.inquiries.edges[?(@.node.id == '" + id + "')].node");
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /**
     * A dry run says what sending would refuse, to the same callers, and sends nothing:
     * no inquiry, no mail, nothing counted against the sender's limit.
     */
    @Test
    void aDryRunSaysWhatSendingWouldRefuseAndSendsNothing() throws Exception {
        var api = client(8);
        var email = ApiClient.unique("cek") + "@contoh.id";
        var buyer = api.signUp(email, "BUYER");
        var check = SEND.replace("sendInquiry(input: $input)", "sendInquiry(input: $input, dryRun: true)");
        var wrong = inquiry(productId(api, PRODUCT), " ");
        wrong.put("quantity", 0);
        wrong.put("replyChannel", "WHATSAPP");
        assertThat(
                (List<String>) JsonPath.read(api.mutate(check, wrong, buyer), "$.data.sendInquiry.userErrors[*].field"))
            .containsExactlyInAnyOrder("input.message", "input.quantity", "input.contact");
        var mailsBefore = inbox.to(ApiClient.PRODUCER).size();
        for (var i = 0; i < 12; i++) {
            var right = api.mutate(check, inquiry(productId(api, PRODUCT), "Bisa kirim ke Bima?"), buyer);
            assertThat((List<?>) JsonPath.read(right, "$.data.sendInquiry.userErrors")).as(right).isEmpty();
            assertThat((Object) JsonPath.read(right, "$.data.sendInquiry.inquiry")).isNull();
        }
        assertThat((Integer) JsonPath.read(api.query(MINE, Map.of(), buyer), "$.data.myInquiries.totalCount")).isZero();
        assertThat(inbox.to(ApiClient.PRODUCER)).hasSize(mailsBefore);
        assertThat(ApiClient.outcome(api.mutate(check, inquiry(productId(api, PRODUCT), "Tanpa akun"), null),
                "sendInquiry"))
            .isEqualTo("UNAUTHORIZED");
        // twelve checks counted nothing: the first inquiry sent goes out
        sent(api, inquiry(productId(api, PRODUCT), "Bisa kirim ke Bima?"), buyer);
    }

    @Test
    void aBuyerAsksTheBrandRepliesAndTheBuyerReadsTheReply() throws Exception {
        var api = client(1);
        var email = ApiClient.unique("rina") + "@contoh.id";
        var buyer = api.signUp(email, "BUYER");
        var producer = api.signIn(ApiClient.PRODUCER);
        var mailsBefore = inbox.to(ApiClient.PRODUCER).size();

        var input = inquiry(productId(api, PRODUCT), "Bisa kirim 200 lembar ke Mataram sebelum Lebaran?");
        input.put("quantity", 200);
        input.put("neededBy", "2099-03-01");
        input.put("replyChannel", "WHATSAPP");
        input.put("contact", "0819-0722-1234");
        var sent = sent(api, input, buyer);
        assertThat(sent).containsEntry("status", "OPEN").containsEntry("quantity", 200);
        assertThat(sent.get("senderContact")).as("the sender sees their own contact")
            .isEqualTo(Map.of("email", email, "number", "0819-0722-1234"));

        var unanswered = inInbox(api, producer, sent.get("id"));
        assertThat(unanswered).containsEntry("senderName", "Uji BUYER")
            .containsEntry("product", Map.of("slug", PRODUCT));
        assertThat(unanswered.get("senderContact")).as("no contact before the brand replied").isNull();

        var notice = Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> inbox.to(ApiClient.PRODUCER), mails -> mails.size() > mailsBefore)
            .getFirst();
        assertThat(notice.subject()).startsWith("Pesan baru dari pembeli");
        assertThat(notice.link("/dasbor/pesan")).endsWith("/dasbor/pesan");
        assertThat(notice.text()).contains("Kertas serat batang tembakau").doesNotContain(email, "0819");

        var reply = api.mutate(REPLY,
                Map.of("inquiryId", sent.get("id"), "message", "Bisa, Rp40.000 per pak isi 10. Kami hubungi lewat WA."),
                producer);
        assertThat(ApiClient.outcome(reply, "replyToInquiry")).isEqualTo("ok");
        var answered = inInbox(api, producer, sent.get("id"));
        assertThat(answered).containsEntry("status", "ANSWERED");
        assertThat(answered.get("senderContact")).as("the contact once the brand replied")
            .isEqualTo(Map.of("email", email, "number", "0819-0722-1234"));

        var mine = api.query(MINE, Map.of(), buyer);
        assertThat((List<String>) JsonPath.read(mine, "$.data.myInquiries.edges[0].node.replies[*].message"))
            .containsExactly("Bisa, Rp40.000 per pak isi 10. Kami hubungi lewat WA.");
        assertThat(ApiClient.awaitLink(inbox, email, "/dasbor/pesan")).endsWith("/dasbor/pesan");
        // the buyer's inbox also holds the sign-up's verification mail, in either order
        assertThat(inbox.to(email))
            .anySatisfy(mail -> assertThat(mail.subject()).startsWith("Balasan untuk pesan Anda"));

        var closed = api.mutate(CLOSE, Map.of("inquiryId", sent.get("id")), producer);
        assertThat((String) JsonPath.read(closed, "$.data.closeInquiry.inquiry.status")).isEqualTo("DONE");
        assertThat(ApiClient.outcome(
                api.mutate(REPLY, Map.of("inquiryId", sent.get("id"), "message", "Lagi"), producer), "replyToInquiry"))
            .isEqualTo("userError:INVALID_STATE");
    }

    @Test
    void inquiriesAndAnswersAreAnnouncedAsCountsOnly() throws Exception {
        var product = ProductId.decode(productId(client(5), PRODUCT)).value();
        var brand = jdbc.sql("select brand_id from product where id = ?").param(product).query(Long.class).single();
        actAs(ApiClient.BUYER, "ROLE_BUYER");
        var sent = inquiries
            .send(new InquiryInputs.Send(new GlobalId("Product", product).encode(), null, 5, null, null, "Ada stok?",
                    ReplyChannel.EMAIL, null, null), "in-process")
            .inquiry();
        actAs(ApiClient.PRODUCER, "ROLE_PRODUCER");
        var id = new InquiryId(sent.id()).encode();
        inquiries.reply(new InquiryInputs.Reply(id, "Ada, 12 pak."));
        inquiries.reply(new InquiryInputs.Reply(id, "Sudah kami kirim."));

        assertThat(events.stream(InquirySent.class)).containsExactly(new InquirySent(sent.id(), brand, product));
        assertThat(events.stream(InquiryAnswered.class)).containsExactly(
                new InquiryAnswered(sent.id(), brand, product, true),
                new InquiryAnswered(sent.id(), brand, product, false));
    }

    void actAs(String email, String role) {
        var accountId = jdbc.sql("select id from account where email = ?").param(email).query(Long.class).single();
        var jwt = Jwt.withTokenValue("test").header("alg", "none").subject(String.valueOf(accountId)).build();
        SecurityContextHolder.getContext()
            .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(role))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theBuyerWritesBackOnceTheBrandRepliedAndTheMembersAreTold() throws Exception {
        var api = client(7);
        var buyer = api.signUp("BUYER");
        var producer = api.signIn(ApiClient.PRODUCER);
        var id = sent(api, inquiry(productId(api, PRODUCT), "Berapa harga grosir?"), buyer).get("id");
        var early = Map.of("inquiryId", id, "message", "Halo?");
        assertThat(ApiClient.outcome(api.mutate(WRITE_BACK, early, buyer), "writeBackToInquiry"))
            .as("nothing to write back to before the brand replied")
            .isEqualTo("userError:INVALID_STATE");
        api.mutate(REPLY, Map.of("inquiryId", id, "message", "Rp35.000 mulai 50 pak."), producer);
        var mailsBefore = inbox.to(ApiClient.PRODUCER).size();

        var wrote = api.mutate(WRITE_BACK, Map.of("inquiryId", id, "message", "Baik, saya pesan 60 pak."), buyer);
        assertThat(ApiClient.outcome(wrote, "writeBackToInquiry")).isEqualTo("ok");
        var thread = inInbox(api, producer, id);
        assertThat(thread).containsEntry("status", "OPEN");
        assertThat((List<Object>) thread.get("replies")).containsExactly(
                Map.of("message", "Rp35.000 mulai 50 pak.", "writtenBy", "BRAND"),
                Map.of("message", "Baik, saya pesan 60 pak.", "writtenBy", "BUYER"));
        var notice = Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> inbox.to(ApiClient.PRODUCER), mails -> mails.size() > mailsBefore)
            .getFirst();
        assertThat(notice.subject()).startsWith("Pembeli menulis lagi");
        assertThat(notice.text()).doesNotContain("60 pak");
        assertThat(ApiClient.outcome(api.mutate(WRITE_BACK, Map.of("inquiryId", id, "message", " "), buyer),
                "writeBackToInquiry"))
            .isEqualTo("userError:REQUIRED");

        api.mutate(CLOSE, Map.of("inquiryId", id), producer);
        assertThat(ApiClient.outcome(api.mutate(WRITE_BACK, early, buyer), "writeBackToInquiry"))
            .isEqualTo("userError:INVALID_STATE");
    }

    @Test
    void aBuyerAsksTheBrandAsAWhole() throws Exception {
        var api = client(6);
        var buyer = api.signUp("BUYER");
        var producer = api.signIn(ApiClient.PRODUCER);
        String brand = JsonPath.read(
                api.query("query($slug: String!) { brand(slug: $slug) { id } }", Map.of("slug", BRAND), null),
                "$.data.brand.id");
        var mailsBefore = inbox.to(ApiClient.PRODUCER).size();
        var input = inquiry(null, "Bisa pesan anyaman dengan motif kami sendiri?");
        input.put("brandId", brand);
        var sent = sent(api, input, buyer);
        assertThat(sent).containsEntry("subject", "BRAND").containsEntry("product", null);
        assertThat(inInbox(api, producer, sent.get("id"))).containsEntry("brand", Map.of("slug", BRAND));
        var notice = Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> inbox.to(ApiClient.PRODUCER), mails -> mails.size() > mailsBefore)
            .getFirst();
        assertThat(notice.text()).contains("tentang merek Anda");

        var neither = inquiry(null, "Halo");
        assertThat(ApiClient.outcome(api.mutate(SEND, neither, buyer), "sendInquiry")).isEqualTo("userError:REQUIRED");
        var draftBrand = inquiry(null, "Halo");
        draftBrand.put("brandId", api.createBrand(api.signUp("PRODUCER"), "draf").get("id"));
        assertThat(ApiClient.outcome(api.mutate(SEND, draftBrand, buyer), "sendInquiry"))
            .isEqualTo("userError:NOT_FOUND");
    }

    @Test
    void onlyTheBrandsMembersReadAndAnswerIt() throws Exception {
        var api = client(2);
        var buyer = api.signUp("BUYER");
        var sent = sent(api, inquiry(productId(api, PRODUCT), "Apakah ada warna hijau?"), buyer);
        var id = sent.get("id");
        var strangerProducer = api.signUp("PRODUCER");
        var otherBuyer = api.signUp("BUYER");

        for (var stranger : List.of(strangerProducer, otherBuyer, buyer)) {
            assertThat(ApiClient.outcome(api.mutate(REPLY, Map.of("inquiryId", id, "message", "Halo"), stranger),
                    "replyToInquiry"))
                .isEqualTo("FORBIDDEN");
            assertThat(ApiClient.outcome(api.mutate(CLOSE, Map.of("inquiryId", id), stranger), "closeInquiry"))
                .isEqualTo("FORBIDDEN");
        }
        for (var stranger : List.of(strangerProducer, otherBuyer)) {
            assertThat(
                    (Object) JsonPath.read(api.query(INBOX, Map.of("slug", BRAND), stranger), "$.data.brand.inquiries"))
                .isNull();
            assertThat((Object) JsonPath
                .read(api.query("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id), stranger), "$.data.node"))
                .isNull();
            assertThat((Integer) JsonPath.read(api.query(MINE, Map.of(), stranger), "$.data.myInquiries.totalCount"))
                .isZero();
        }
        assertThat(ApiClient.outcome(api.mutate(SEND, inquiry(productId(api, PRODUCT), "Halo"), null), "sendInquiry"))
            .isEqualTo("UNAUTHORIZED");
        var curator = api.signIn(ApiClient.CURATOR);
        inInbox(api, curator, id);
    }

    @Test
    void anInquiryNeedsAMessageANumberToAnswerToAndAProductOnSale() throws Exception {
        var api = client(3);
        var buyer = api.signUp("BUYER");
        var product = productId(api, PRODUCT);
        var withoutNumber = inquiry(product, " ");
        withoutNumber.put("replyChannel", "PHONE");
        withoutNumber.put("quantity", 0);
        withoutNumber.put("neededBy", "2020-01-01");
        var refused = api.mutate(SEND, withoutNumber, buyer);
        assertThat((List<String>) JsonPath.read(refused, "$.data.sendInquiry.userErrors[*].code"))
            .containsExactlyInAnyOrder("REQUIRED", "REQUIRED", "OUT_OF_RANGE", "OUT_OF_RANGE");
        var longMessage = inquiry(product, "a".repeat(2001));
        assertThat(ApiClient.outcome(api.mutate(SEND, longMessage, buyer), "sendInquiry"))
            .isEqualTo("userError:TOO_LONG");

        long draft = jdbc.sql("select id from product where status = 'DRAFT' limit 1").query(Long.class).single();
        assertThat(ApiClient.outcome(api.mutate(SEND, inquiry(new GlobalId("Product", draft).encode(), "Halo"), buyer),
                "sendInquiry"))
            .isEqualTo("userError:NOT_FOUND");
    }

    /**
     * A quantity keeps the unit it was given in, for the brand and the buyer alike; a
     * unit without the quantity it counts is refused.
     */
    @Test
    void aQuantityKeepsItsUnit() throws Exception {
        var api = client(9);
        var buyer = api.signUp("BUYER");
        var product = productId(api, PRODUCT);
        var unitAlone = inquiry(product, "Berapa harga per kodi?");
        unitAlone.put("quantityUnit", "KODI");
        var refused = api.mutate(SEND, unitAlone, buyer);
        assertThat(ApiClient.outcome(refused, "sendInquiry")).isEqualTo("userError:REQUIRED");
        assertThat((String) JsonPath.read(refused, "$.data.sendInquiry.userErrors[0].field"))
            .isEqualTo("input.quantity");

        unitAlone.put("quantity", 2);
        var sent = sent(api, unitAlone, buyer);
        assertThat(sent).containsEntry("quantity", 2).containsEntry("quantityUnit", "KODI");
        var inbox = inInbox(api, api.signIn(ApiClient.PRODUCER), sent.get("id"));
        assertThat(inbox).containsEntry("quantity", 2).containsEntry("quantityUnit", "KODI");
        var plain = sent(api, inquiry(product, "Ada stok 20?"), buyer);
        assertThat(plain.get("quantityUnit")).isNull();
    }

    @Test
    void aSenderAndABrandReceiveOnlySoManyInquiries() throws Exception {
        var api = client(4);
        var buyer = api.signUp("BUYER");
        var product = productId(api, PRODUCT);
        for (var i = 1; i <= 10; i++) {
            sent(api, inquiry(product, "Pertanyaan nomor " + i), buyer);
        }
        assertThat(ApiClient.outcome(api.mutate(SEND, inquiry(product, "Satu lagi"), buyer), "sendInquiry"))
            .isEqualTo("userError:RATE_LIMITED");

        var gerabah = jdbc.sql("""
                select p.id from product p join brand b on b.id = p.brand_id
                where b.slug = 'gerabah-banyumulek-lestari' and p.status = 'PUBLISHED' limit 1""")
            .query(Long.class)
            .single();
        var flood = jdbc.sql("""
                insert into inquiry (brand_id, product_id, sender_id, message, reply_channel)
                select p.brand_id, p.id, a.id, 'Banjir ' || n, 'EMAIL'
                from product p, account a, generate_series(1, 100) n
                where p.id = ? and lower(a.email) = 'pembeli@kriyanusa.test'
                returning id""").param(gerabah).query(Long.class).list();
        try {
            var another = api.signUp("BUYER");
            assertThat(ApiClient.outcome(
                    api.mutate(SEND, inquiry(new GlobalId("Product", gerabah).encode(), "Halo"), another),
                    "sendInquiry"))
                .isEqualTo("userError:RATE_LIMITED");
        }
        finally {
            jdbc.sql("delete from inquiry where id = any(?)").param(flood.toArray(Long[]::new)).update();
        }
    }

}
