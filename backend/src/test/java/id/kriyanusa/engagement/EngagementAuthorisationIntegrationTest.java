package id.kriyanusa.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may do what with inquiries and favourites, cell by cell: every engagement mutation
 * for anonymous callers, the buyer who sent the inquiry, a producer of the inquiry's
 * brand, a producer of another brand, curators and admins. An anonymous caller may ask as
 * a guest, and whoever holds a guest's mailed link may confirm the inquiry with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class EngagementAuthorisationIntegrationTest {

    static final List<String> CALLERS = List.of("anonymous", "buyer who asked", "producer of the brand",
            "producer of brand B", "curator", "admin");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    Map<String, String> tokens;

    String buyerEmail;

    String productId;

    String brandId;

    @BeforeEach
    void signIn() throws Exception {
        api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.23.1")));
        buyerEmail = ApiClient.unique("penanya") + "@contoh.id";
        tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("buyer who asked", api.signUp(buyerEmail, "BUYER"));
        tokens.put("producer of the brand", api.signIn(ApiClient.PRODUCER));
        tokens.put("producer of brand B", api.signUp("PRODUCER"));
        tokens.put("curator", api.signIn(ApiClient.CURATOR));
        tokens.put("admin", api.signIn(ApiClient.ADMIN));
        var ids = api.query("query($p: String!, $b: String!) { product(slug: $p) { id } brand(slug: $b) { id } }",
                Map.of("p", InquiryIntegrationTest.PRODUCT, "b", InquiryIntegrationTest.BRAND), null);
        productId = JsonPath.read(ids, "$.data.product.id");
        brandId = JsonPath.read(ids, "$.data.brand.id");
    }

    @Test
    void everyEngagementMutationAnswersEachCallerAsTheRulesSay() throws Exception {
        var expected = new LinkedHashMap<String, List<String>>();
        // columns: anonymous, buyer who asked, producer of the brand, producer of brand
        // B, curator, admin
        expected.put("sendInquiry", List.of("UNAUTHORIZED", "ok", "ok", "ok", "ok", "ok"));
        expected.put("sendInquiry about a brand", List.of("UNAUTHORIZED", "ok", "ok", "ok", "ok", "ok"));
        // a signed-in caller's guest contact is ignored: the inquiry is theirs
        expected.put("sendInquiry as a guest", List.of("ok", "ok", "ok", "ok", "ok", "ok"));
        expected.put("confirmInquiry with the mailed link", List.of("ok", "ok", "ok", "ok", "ok", "ok"));
        expected.put("replyToInquiry",
                List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"));
        expected.put("writeBackToInquiry",
                List.of("UNAUTHORIZED", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"));
        expected.put("closeInquiry", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"));
        expected.put("addFavourite", List.of("UNAUTHORIZED", "ok", "ok", "ok", "ok", "ok"));
        expected.put("removeFavourite", List.of("UNAUTHORIZED", "ok", "ok", "ok", "ok", "ok"));

        var actual = new LinkedHashMap<String, List<String>>();
        for (var mutation : expected.keySet()) {
            var row = new ArrayList<String>();
            for (var caller : CALLERS) {
                row.add(attempt(mutation, tokens.get(caller)));
            }
            actual.put(mutation, row);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Each cell about an existing inquiry starts from a fresh one the buyer sent and the
     * brand answered, put in place directly so the limits per sender stay out of it.
     */
    private String attempt(String mutation, String token) throws Exception {
        return switch (mutation) {
            case "sendInquiry" -> ApiClient.outcome(api.mutate(InquiryIntegrationTest.SEND,
                    InquiryIntegrationTest.inquiry(productId, "Ada stok?"), token), "sendInquiry");
            case "sendInquiry about a brand" -> {
                var input = InquiryIntegrationTest.inquiry(null, "Menerima pesanan khusus?");
                input.put("brandId", brandId);
                yield ApiClient.outcome(api.mutate(InquiryIntegrationTest.SEND, input, token), "sendInquiry");
            }
            case "sendInquiry as a guest" -> {
                var input = InquiryIntegrationTest.inquiry(productId, "Ada stok?");
                input.put("guest", Map.of("name", "Tamu", "email", ApiClient.unique("tamu") + "@contoh.id"));
                yield ApiClient.outcome(api.mutate(InquiryIntegrationTest.SEND, input, token), "sendInquiry");
            }
            case "confirmInquiry with the mailed link" -> ApiClient.outcome(
                    api.mutate(GuestInquiryIntegrationTest.CONFIRM, Map.of("token", heldInquiryLink()), token),
                    "confirmInquiry");
            case "replyToInquiry" -> ApiClient.outcome(api.mutate(InquiryIntegrationTest.REPLY,
                    Map.of("inquiryId", answeredInquiry(), "message", "Ada."), token), mutation);
            case "writeBackToInquiry" -> ApiClient.outcome(
                    api.mutate(InquiryIntegrationTest.WRITE_BACK,
                            Map.of("inquiryId", answeredInquiry(), "message", "Terima kasih, saya pesan 20."), token),
                    mutation);
            case "closeInquiry" -> ApiClient.outcome(
                    api.mutate(InquiryIntegrationTest.CLOSE, Map.of("inquiryId", answeredInquiry()), token), mutation);
            case "addFavourite" -> ApiClient
                .outcome(api.mutate(FavouriteIntegrationTest.ADD, Map.of("subjectId", productId), token), mutation);
            case "removeFavourite" -> ApiClient
                .outcome(api.mutate(FavouriteIntegrationTest.REMOVE, Map.of("subjectId", productId), token), mutation);
            default -> throw new IllegalArgumentException(mutation);
        };
    }

    /**
     * A guest's fresh held inquiry and the secret of its confirmation link, as the
     * service stores it (a SHA-256 hash).
     */
    private String heldInquiryLink() throws Exception {
        var id = jdbc.sql("""
                insert into inquiry (brand_id, subject, product_id, guest_name, guest_email, message, reply_channel,
                                     status)
                select p.brand_id, 'PRODUCT', p.id, 'Tamu', 'tamu@contoh.id', 'Ada stok?', 'EMAIL', 'HELD'
                from product p where p.slug = ?
                returning id""").param(InquiryIntegrationTest.PRODUCT).query(Long.class).single();
        var token = ApiClient.unique("tautan");
        jdbc.sql("""
                insert into inquiry_link_token (token_hash, inquiry_id, purpose, expires_at)
                values (?, ?, 'CONFIRM', now() + interval '1 hour')""")
            .params(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)), id)
            .update();
        return token;
    }

    private String answeredInquiry() {
        var id = jdbc.sql("""
                insert into inquiry (brand_id, subject, product_id, sender_id, message, reply_channel, status,
                                     answered_at)
                select p.brand_id, 'PRODUCT', p.id, a.id, 'Ada warna lain?', 'EMAIL', 'ANSWERED', now()
                from product p, account a where p.slug = ? and a.email = ?
                returning id""").params(InquiryIntegrationTest.PRODUCT, buyerEmail).query(Long.class).single();
        return new InquiryId(id).encode();
    }

}
