package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A buyer asks about a product with the plain form under it, the brand's member answers
 * from `/dasbor/pesan` (seeing the buyer's contact only then) and marks it done, and the
 * buyer reads the answer on the same page. A buyer without an account asks with a name
 * and an email, confirms with the mailed link and reads the answer through the link in
 * the reply's mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class InquiryPagesIntegrationTest {

    static final String PRODUCT = "/produk/kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";

    static final String MINE = "{ myInquiries(first: 100) { edges { node { message replies { message } } } } }";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBuyerAsksWithTheFormAndReadsTheBrandsReply() throws Exception {
        var anonymous = new FormBrowser(port);
        var signInFirst = anonymous.get(PRODUCT + "/tanya/masuk");
        assertThat(signInFirst.statusCode()).isEqualTo(302);
        assertThat(signInFirst.headers().firstValue("Location").orElseThrow()).endsWith("/masuk");

        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.21.1")));
        var email = ApiClient.unique("wayan") + "@contoh.id";
        var token = api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        assertThat(buyer.get(PRODUCT).body()).contains("href=\"" + PRODUCT + "/tanya\"", "Tanya atau minta penawaran");
        var form = buyer.get(PRODUCT + "/tanya");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Kertas serat batang tembakau A4", "Koperasi Kriya Tembakau Semoyang")
            .as("no guest fields for a signed-in buyer")
            .doesNotContain("id=\"email\"");
        assertThat(buyer.get(PRODUCT + "/tanya/masuk").headers().firstValue("Location").orElseThrow())
            .endsWith(PRODUCT + "/tanya");

        var refused = buyer.post(PRODUCT + "/tanya",
                Map.of("message", " ", "quantity", "1.500", "replyChannel", "WHATSAPP", "contact", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis pesan Anda.", "Isi nomor WhatsApp atau telepon", "value=\"1.500\"");

        var message = "Untuk suvenir pernikahan " + ApiClient.unique("m") + ", bisa dicetak nama?";
        var sent = buyer.post(PRODUCT + "/tanya", Map.of("message", message, "quantity", "1.500", "neededBy",
                "2099-06-01", "replyChannel", "WHATSAPP", "contact", "0819-0722-5678"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/dasbor/pesan");
        assertThat(buyer.get("/dasbor/pesan").body()).contains("Pesan Anda terkirim", message, "Jumlah: 1.500",
                "Belum dibalas");
        String id = JsonPath.read(api.query("{ myInquiries(first: 1) { edges { node { id } } } }", Map.of(), token),
                "$.data.myInquiries.edges[0].node.id");

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var inbox = producer.get("/dasbor/pesan").body();
        assertThat(inbox)
            .contains("Pesan untuk Koperasi Kriya Tembakau Semoyang", message, "Uji BUYER",
                    "Pembeli minta dibalas lewat WhatsApp · menulis dalam bahasa Indonesia",
                    "Kontak terlihat setelah Anda membalas.")
            .as("no empty list of what the producer asked other brands")
            .doesNotContain(email, "0819-0722-5678", "Pesan yang Anda kirim");
        var empty = producer.post("/dasbor/pesan/" + id + "/balas", Map.of("message", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Tulis pesan Anda.", "href=\"#message-" + id + "\"");
        var replied = producer.post("/dasbor/pesan/" + id + "/balas",
                Map.of("message", "Bisa, tambah Rp2.000 per lembar untuk cetak nama."));
        assertThat(replied.statusCode()).isEqualTo(302);
        // the buyer's number as typed, to call or chat with from the phone the inbox is
        // read on
        assertThat(producer.get("/dasbor/pesan").body()).contains("Balasan terkirim",
                "<a href=\"tel:+6281907225678\">0819-0722-5678</a>",
                "<a href=\"https://wa.me/6281907225678\">Chat di WhatsApp</a>",
                "<a href=\"mailto:" + email + "\">" + email + "</a>");

        assertThat(buyer.get("/dasbor/pesan").body()).contains("Bisa, tambah Rp2.000 per lembar untuk cetak nama.",
                "Sudah dibalas", "Balasan Koperasi Kriya Tembakau Semoyang");
        assertThat(buyer.post("/dasbor/pesan/" + id + "/tulis", Map.of("message", "")).body())
            .contains("Tulis pesan Anda.", "href=\"#message-s-" + id + "\"");
        var wroteBack = buyer.post("/dasbor/pesan/" + id + "/tulis",
                Map.of("message", "Baik, 1.500 lembar dengan nama."));
        assertThat(wroteBack.headers().firstValue("Location").orElseThrow()).endsWith("/dasbor/pesan#s-" + id);
        var buyersPage = buyer.get("/dasbor/pesan").body();
        assertThat(buyersPage).contains("Pesan Anda terkirim. Merek mendapat email.");
        assertThat(inquiry(buyersPage, message)).contains("Anda, ", "Baik, 1.500 lembar dengan nama.",
                "Anda sudah menulis lagi: menunggu balasan merek");
        assertThat(inquiry(producer.get("/dasbor/pesan").body(), message)).contains("Pembeli, ",
                "Baik, 1.500 lembar dengan nama.", "Pembeli menulis lagi: menunggu balasan Anda");
        assertThat(producer.post("/dasbor/pesan/" + id + "/selesai", Map.of()).statusCode()).isEqualTo(302);
        assertThat(buyer.get("/dasbor/pesan").body()).contains("Selesai");

        var stranger = new FormBrowser(port);
        stranger.signIn(ApiClient.BUYER, ApiClient.DEMO_PASSWORD);
        assertThat(stranger.post("/dasbor/pesan/" + id + "/balas", Map.of("message", "Halo")).statusCode())
            .isEqualTo(403);
    }

    /**
     * A buyer on the English page types the quantity as English writes it, "1,200", and
     * reads it back so; the Indonesian page writes the same quantity "1.200". A decimal
     * quantity is refused with what to write.
     */
    @Test
    void anEnglishBuyerTypesAndReadsQuantitiesWithEnglishGrouping() throws Exception {
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.21.2")));
        var email = ApiClient.unique("grace") + "@contoh.id";
        api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        var ask = PRODUCT + "/tanya?lang=en";
        buyer.get(ask);
        var refused = buyer.post(ask,
                Map.of("message", "Can you print names?", "quantity", "1,2", "replyChannel", "EMAIL"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Write the quantity as a whole number without decimals",
                "for example 200, 1,200, 20 pieces or 2 kodi", "value=\"1,2\"");

        var message = "Wedding favours " + ApiClient.unique("q") + ": can you print names?";
        var sent = buyer.post(ask, Map.of("message", message, "quantity", "1,200", "replyChannel", "EMAIL"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(buyer.get("/dasbor/pesan?lang=en").body()).contains(message, "Quantity: 1,200");
        assertThat(buyer.get("/dasbor/pesan").body()).contains(message, "Jumlah: 1.200");
    }

    @Test
    void aGuestAsksConfirmsByMailAndReadsTheReply() throws Exception {
        var guest = new FormBrowser(port, InetAddress.getByName("127.0.27.50"));
        var form = guest.get(PRODUCT + "/tanya");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Tanpa akun", "id=\"name\"", "id=\"email\"",
                "href=\"" + PRODUCT + "/tanya/masuk\"");

        var email = ApiClient.unique("inaq") + "@contoh.id";
        var refused = guest.post(PRODUCT + "/tanya",
                Map.of("name", "", "email", "inaq@", "message", "Ada warna biru?", "replyChannel", "EMAIL"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis nama Anda.", "Tulis alamat email yang benar", "value=\"inaq@\"",
                "Ada warna biru?");

        var message = "Ada warna biru? " + ApiClient.unique("w");
        var held = guest.post(PRODUCT + "/tanya", Map.of("name", "Inaq Sahnun", "email", email, "message", message,
                "quantity", "20 buah", "replyChannel", "EMAIL"));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(302);
        assertThat(held.headers().firstValue("Location").orElseThrow()).endsWith(PRODUCT + "/tanya");
        assertThat(guest.get(PRODUCT + "/tanya").body()).as("what was sent and the step left, not the form again")
            .contains("Hampir selesai: buka tautan yang kami kirim ke " + email, "Pesan yang Anda kirim", message,
                    "Jumlah: 20 buah", "Dijawab lewat Email: " + email, "Periksa folder spam",
                    "href=\"" + PRODUCT + "\"")
            .doesNotContain("<form class=\"stacked\"", "Kirim pesan</button>");
        assertThat(guest.get(PRODUCT + "/tanya").body()).as("a new inquiry, later").contains("Kirim pesan</button>");
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/dasbor/pesan").body()).as("held until confirmed").doesNotContain(message);

        var link = URI.create(ApiClient.awaitLink(inbox, email, "/pesan/pastikan/")).getPath();
        // opening the link, as a mail provider's link scanner does, sends nothing yet
        var opened = new FormBrowser(port).get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("tekan tombol di bawah ini", "action=\"" + link + "\"");
        assertThat(new FormBrowser(port).get(link + "?lang=en").body())
            .contains("One more step: press the button below", "Send the message to the brand");
        assertThat(producer.get("/dasbor/pesan").body()).as("opened, not confirmed").doesNotContain(message);
        guest.get(link);
        var confirmed = guest.post(link, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("pesan Anda sudah sampai ke merek Koperasi Kriya Tembakau Semoyang");
        var again = guest.post(link, Map.of());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Pesan ini sudah dipastikan sebelumnya dan sudah sampai ke merek.");
        // the mail's link opened again later says the same, not "one more step"
        var reopened = guest.get(link);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(reopened.body()).contains("Pesan ini sudah dipastikan sebelumnya dan sudah sampai ke merek.")
            .doesNotContain("Satu langkah lagi", "action=\"" + link + "\"");
        assertThat(guest.get(link + "?lang=en").body()).contains("This message was confirmed before")
            .doesNotContain("One more step");
        assertThat(guest.get("/pesan/pastikan/tidak-ada-tautan-ini").statusCode()).isEqualTo(410);
        assertThat(guest.post("/pesan/pastikan/tidak-ada-tautan-ini", Map.of()).statusCode()).isEqualTo(410);

        var inbox = producer.get("/dasbor/pesan").body();
        assertThat(inbox).contains(message, "Inaq Sahnun").doesNotContain(email);
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.27.51")));
        List<String> ids = JsonPath.read(api.query(
                "{ brand(slug: \"koperasi-kriya-tembakau-semoyang\") { inquiries(first: 100) { edges { node { id message } } } } }",
                Map.of(), api.signIn(ApiClient.PRODUCER)),
                "$.data.brand.inquiries.edges[?(@.node.message == '" + message + "')].node.id");
        assertThat(ids).hasSize(1);
        producer.post("/dasbor/pesan/" + ids.getFirst() + "/balas", Map.of("message", "Ada, biru laut dan biru tua."));
        assertThat(producer.get("/dasbor/pesan").body()).contains(email);

        var threadPath = URI.create(threadLink(email)).getPath();
        var thread = guest.get(threadPath);
        assertThat(thread.statusCode()).isEqualTo(200);
        assertThat(thread.body()).contains(message, "Ada, biru laut dan biru tua.",
                "Balasan Koperasi Kriya Tembakau Semoyang");
        // "contact the brand directly" comes with the way there
        assertThat(thread.body()).contains("href=\"/merek/koperasi-kriya-tembakau-semoyang\"",
                "Hubungi Koperasi Kriya Tembakau Semoyang lewat WhatsApp");
        assertThat(guest.get("/pesan/tidak-ada-tautan-ini").statusCode()).isEqualTo(410);

        // the guest writes back under the reply, as a signed-in buyer does in the inbox
        assertThat(thread.body()).contains("action=\"" + threadPath + "\"", "Tulis lagi kepada merek");
        var empty = guest.post(threadPath, Map.of("message", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Tulis pesan Anda.", "href=\"#message\"");
        var tooLong = "Boleh minta contoh warnanya? ".repeat(70);
        var kept = guest.post(threadPath, Map.of("message", tooLong));
        assertThat(kept.statusCode()).isEqualTo(422);
        assertThat(kept.body()).as("the message kept in the box")
            .contains("Pesan paling banyak 2000 karakter.", tooLong.strip());
        var more = "Saya ambil 30 yang biru laut. " + ApiClient.unique("b");
        var wroteBack = guest.post(threadPath, Map.of("message", more));
        assertThat(wroteBack.statusCode()).isEqualTo(302);
        assertThat(wroteBack.headers().firstValue("Location").orElseThrow()).endsWith(threadPath);
        // the brand's reply stays answered to the guest while the thread waits for the
        // brand again
        assertThat(guest.get(threadPath).body())
            .contains("Pesan Anda terkirim. Merek mendapat email.", more,
                    "Anda sudah menulis lagi: menunggu balasan merek")
            .doesNotContain("Belum dibalas");
        assertThat(inquiry(producer.get("/dasbor/pesan").body(), message)).contains("Pembeli, ", more,
                "Pembeli menulis lagi: menunggu balasan Anda");
        assertThat(guest.get(threadPath + "?lang=en").body())
            .contains("Write back to the brand", more, "You wrote back: waiting for the brand&#39;s reply")
            .doesNotContain("Not answered");

        // a tab left open past the link's life: writing there says why, as opening it
        // does
        var unknown = guest.post("/pesan/tidak-ada-tautan-ini", Map.of("message", "Halo? <b>30</b> biji"));
        assertThat(unknown.statusCode()).isEqualTo(410);
        assertThat(unknown.body()).contains("Tautan ini tidak berlaku").doesNotContain("action=\"/pesan/");
        // what the guest typed comes back, escaped, to copy; no longer than a message
        assertThat(unknown.body()).contains("pesan Anda belum terkirim", "readonly>Halo? &lt;b&gt;30&lt;/b&gt; biji<")
            .doesNotContain("<b>30</b>");
        var flood = guest.post("/pesan/tidak-ada-tautan-ini", Map.of("message", "x".repeat(5000)));
        assertThat(flood.body()).contains(">" + "x".repeat(2000) + "<").doesNotContain("x".repeat(2001));
        assertThat(guest.post("/pesan/tidak-ada-tautan-ini", Map.of("message", " ")).body())
            .doesNotContain("belum terkirim");
        jdbc.sql("update inquiry_link_token set expires_at = now() - interval '1 minute' where inquiry_id = ?")
            .param(GlobalId.decode(ids.getFirst()).key())
            .update();
        var expired = guest.post(threadPath + "?lang=en", Map.of("message", "Still there?"));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link does not work", "older than 90 days",
                "So your message was not sent", ">Still there?</textarea>");
        assertThat(producer.get("/dasbor/pesan").body()).doesNotContain("Still there?");
    }

    /**
     * A guest who wrote from the English page gets mail whose links open English pages,
     * the confirmation link and, after a reply written on the brand's Indonesian page,
     * the thread's; the confirmation page names the product and shows what they wrote,
     * before and after they press the button.
     */
    @Test
    void aGuestWhoWroteInEnglishIsLinkedToEnglishPages() throws Exception {
        var guest = new FormBrowser(port, InetAddress.getByName("127.0.27.70"));
        guest.get(PRODUCT + "/tanya?lang=en");
        var email = ApiClient.unique("grace") + "@contoh.id";
        var message = "Do you ship to Perth? " + ApiClient.unique("e");
        var held = guest.post(PRODUCT + "/tanya?lang=en", Map.of("name", "Grace Tan", "email", email, "message",
                message, "quantity", "1,200 pcs", "replyChannel", "EMAIL"));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(302);
        assertThat(guest.get(PRODUCT + "/tanya?lang=en").body()).contains("Almost done: open the link we sent to",
                "The message you sent", message, "Quantity: 1,200 pieces", "Look in the spam");

        var link = URI.create(ApiClient.awaitLink(inbox, email, "/pesan/pastikan/"));
        assertThat(link.getQuery()).isEqualTo("lang=en");
        assertThat(inbox.to(email).getFirst().text()).as("the product by its title in each part's language")
            .contains("about the product \"Tobacco-stalk paper A4, pack of 10, earth brown\"",
                    "Kertas serat batang tembakau A4 isi 10 coklat tanah");
        assertThat(inbox.to(email).getFirst().text()).as("the button the mail names, as the page labels it")
            .contains("press \"Send the message to the brand\" on its page",
                    "menekan tombol \"Kirim pesan ke merek\" di halamannya");
        var opened = guest.get(link.getPath() + "?" + link.getQuery());
        assertThat(opened.body()).contains("<button type=\"submit\">Send the message to the brand</button>");
        assertThat(new FormBrowser(port).get(link.getPath()).body())
            .contains("<button type=\"submit\">Kirim pesan ke merek</button>");
        assertThat(opened.body()).contains("One more step", "Tobacco-stalk paper A4, pack of 10, earth brown",
                "href=\"" + PRODUCT + "?lang=en\"", "To the brand Koperasi Kriya Tembakau Semoyang", message,
                "Quantity: 1,200");
        var confirmed = guest.post(link.getPath() + "?" + link.getQuery(), Map.of());
        assertThat(confirmed.body()).contains("your message reached the brand Koperasi Kriya Tembakau Semoyang",
                "Tobacco-stalk paper A4, pack of 10, earth brown", message);
        assertThat(new FormBrowser(port).get(link.getPath()).body()).as("the same link in Indonesian")
            .contains("Kertas serat batang tembakau A4 isi 10 coklat tanah", message, "Jumlah: 1.200 buah");

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var inboxPage = producer.get("/dasbor/pesan").body();
        var article = inboxPage.lastIndexOf("id=\"i-", inboxPage.indexOf(message)) + "id=\"i-".length();
        var id = inboxPage.substring(article, inboxPage.indexOf('"', article));
        // "1,200 pcs" is kept as the number and its unit, said in each reader's language
        assertThat(inboxPage.substring(article, inboxPage.indexOf("</article>", article)))
            .contains("Pembeli minta dibalas lewat Email · menulis dalam bahasa Inggris",
                    "Kontak terlihat setelah Anda membalas.", "Jumlah: 1.200 buah")
            .doesNotContain(email);
        assertThat(jdbc.sql("select quantity || ' ' || quantity_unit from inquiry where message = ?")
            .param(message)
            .query(String.class)
            .single()).isEqualTo("1200 PIECE");
        assertThat(inquiry(producer.get("/dasbor/pesan?lang=en").body(), message))
            .contains("The buyer asks to be answered by Email · wrote in English", "Quantity: 1,200 pieces");
        assertThat(
                producer.post("/dasbor/pesan/" + id + "/balas", Map.of("message", "Yes, by sea freight.")).statusCode())
            .isEqualTo(302);
        var thread = URI.create(threadLink(email));
        assertThat(thread.getQuery()).isEqualTo("lang=en");
        assertThat(guest.get(thread.getPath() + "?" + thread.getQuery()).body()).contains("Yes, by sea freight.",
                "Reply from Koperasi Kriya Tembakau Semoyang", "Quantity: 1,200 pieces");
        assertThat(mailWith(email, thread.getPath())).as("the reply's mail names the product in each part's language")
            .contains(
                    "The brand Koperasi Kriya Tembakau Semoyang replied to your message about the product "
                            + "\"Tobacco-stalk paper A4, pack of 10, earth brown\".",
                    "Merek Koperasi Kriya Tembakau Semoyang membalas pesan Anda tentang produk "
                            + "\"Kertas serat batang tembakau A4 isi 10 coklat tanah\".");
    }

    /** The text of the mail to this address with a link to this path. */
    private String mailWith(String email, String path) {
        return inbox.to(email)
            .stream()
            .filter(mail -> mail.links().stream().anyMatch(link -> link.contains(path)))
            .findFirst()
            .orElseThrow()
            .text();
    }

    /**
     * A signed-in buyer who asked in English is told of the reply with a link to the
     * English inbox.
     */
    @Test
    void aBuyerWhoAskedInEnglishIsLinkedToTheEnglishInbox() throws Exception {
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.21.3")));
        var email = ApiClient.unique("amelia") + "@contoh.id";
        api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        buyer.get(PRODUCT + "/tanya?lang=en");
        var message = "Can I order 40 packs? " + ApiClient.unique("b");
        assertThat(buyer.post(PRODUCT + "/tanya?lang=en", Map.of("message", message, "replyChannel", "EMAIL"))
            .statusCode()).isEqualTo(302);

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var inboxPage = producer.get("/dasbor/pesan").body();
        var article = inboxPage.lastIndexOf("id=\"i-", inboxPage.indexOf(message)) + "id=\"i-".length();
        var id = inboxPage.substring(article, inboxPage.indexOf('"', article));
        producer.post("/dasbor/pesan/" + id + "/balas", Map.of("message", "Yes, within two weeks."));
        assertThat(URI.create(ApiClient.awaitLink(inbox, email, "/dasbor/pesan")).getQuery()).isEqualTo("lang=en");
        assertThat(mailWith(email, "/dasbor/pesan")).contains(
                "replied to your message about the product " + "\"Tobacco-stalk paper A4, pack of 10, earth brown\".");
    }

    @Test
    void aGuestPastTheLimitKeepsWhatTheyTyped() throws Exception {
        var email = ApiClient.unique("rapid") + "@contoh.id";
        for (var i = 1; i <= 3; i++) {
            var guest = new FormBrowser(port, InetAddress.getByName("127.0.27." + (60 + i)));
            guest.get(PRODUCT + "/tanya");
            assertThat(
                    guest
                        .post(PRODUCT + "/tanya",
                                Map.of("name", "Tamu", "email", email, "message", "Tanya " + i, "replyChannel",
                                        "EMAIL"))
                        .statusCode())
                .isEqualTo(302);
        }
        var guest = new FormBrowser(port, InetAddress.getByName("127.0.27.64"));
        guest.get(PRODUCT + "/tanya");
        var refused = guest.post(PRODUCT + "/tanya", Map.of("name", "Tamu", "email", email, "message",
                "Pertanyaan keempat yang panjang", "replyChannel", "EMAIL"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Terlalu banyak pesan dalam waktu singkat. Coba lagi nanti.",
                "Pertanyaan keempat yang panjang", "value=\"" + email + "\"");
    }

    /**
     * A date and a quantity the page cannot read, a message and a name left out: all four
     * are said at once, beside their fields, with what was typed kept and nothing sent.
     */
    @Test
    void unreadableFieldsAndMissingOnesAreAllSaidAtOnce() throws Exception {
        var email = ApiClient.unique("tamu") + "@contoh.id";
        var guest = new FormBrowser(port, InetAddress.getByName("127.0.27.90"));
        guest.get(PRODUCT + "/tanya");
        var form = Map.of("name", "", "email", email, "message", "", "quantity", "dua ratus", "neededBy", "31/13/2026",
                "replyChannel", "EMAIL");
        var refused = guest.post(PRODUCT + "/tanya", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis jumlah sebagai bilangan bulat", "href=\"#quantity\"",
                "Pilih tanggal.", "href=\"#neededBy\"", "Tulis pesan Anda.", "href=\"#message\"", "Tulis nama Anda.",
                "value=\"dua ratus\"", "value=\"31/13/2026\"", "value=\"" + email + "\"");
        var english = guest.post(PRODUCT + "/tanya?lang=en", form);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Write the quantity as a whole number", "Choose a date.",
                "Write your name.");
        assertThat(jdbc.sql("select count(*) from inquiry where lower(guest_email) = lower(?)")
            .param(email)
            .query(Long.class)
            .single()).isZero();
    }

    /**
     * A quantity keeps the unit the buyer typed: the buyer's copy and the brand's inbox
     * say "2 kodi (40 buah)", in English "2 kodi (40 pieces)". A unit the form does not
     * know is refused, naming the units it knows, with everything else typed kept.
     */
    @Test
    void aQuantityKeepsTheUnitTheBuyerTyped() throws Exception {
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.27.93")));
        var email = ApiClient.unique("kodi") + "@contoh.id";
        var token = api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        buyer.get(PRODUCT + "/tanya");
        var message = "Untuk toko oleh-oleh " + ApiClient.unique("k") + ", harga grosir?";
        var form = new HashMap<>(Map.of("message", message, "quantity", "2 karung", "neededBy", "2099-06-01",
                "replyChannel", "WHATSAPP", "contact", "0819-0722-5678"));
        var refused = buyer.post(PRODUCT + "/tanya", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("boleh dengan satuannya: buah, pasang, set, lembar, lusin, kodi",
                "href=\"#quantity\"", "value=\"2 karung\"", message, "value=\"2099-06-01\"",
                "value=\"0819-0722-5678\"");

        form.put("quantity", "2 kodi");
        assertThat(buyer.post(PRODUCT + "/tanya", form).statusCode()).isEqualTo(302);
        assertThat(inquiry(buyer.get("/dasbor/pesan").body(), message)).contains("Jumlah: 2 kodi (40 buah)");
        assertThat(inquiry(buyer.get("/dasbor/pesan?lang=en").body(), message))
            .contains("Quantity: 2 kodi (40 pieces)");
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(inquiry(producer.get("/dasbor/pesan").body(), message)).contains("Jumlah: 2 kodi (40 buah)");
        assertThat((String) JsonPath.read(
                api.query("{ myInquiries(first: 1) { edges { node { quantityUnit } } } }", Map.of(), token),
                "$.data.myInquiries.edges[0].node.quantityUnit"))
            .isEqualTo("KODI");

        form.put("quantity", "3 Lusin");
        form.put("message", message + " Juga lusinan.");
        assertThat(buyer.post(PRODUCT + "/tanya", form).statusCode()).isEqualTo(302);
        assertThat(inquiry(buyer.get("/dasbor/pesan?lang=en").body(), message + " Juga lusinan."))
            .contains("Quantity: 3 dozen (36 pieces)");
    }

    /**
     * A message sent at 00:45 WITA (16:45 UTC the day before) reads as sent that WITA day
     * in the producer's inbox and the buyer's.
     */
    @Test
    void aMessageSentJustAfterMidnightInNtbReadsNtbsDay() throws Exception {
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.21.5")));
        var email = ApiClient.unique("lalu") + "@contoh.id";
        api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        buyer.get(PRODUCT + "/tanya");
        var message = "Bisa kirim ke Mataram " + ApiClient.unique("m") + "?";
        assertThat(buyer.post(PRODUCT + "/tanya", Map.of("message", message, "replyChannel", "EMAIL")).statusCode())
            .isEqualTo(302);
        jdbc.sql("update inquiry set sent_at = '2026-12-06T16:45:00Z' where message = ?").param(message).update();

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(inquiry(producer.get("/dasbor/pesan").body(), message)).contains("7 Des 2026")
            .doesNotContain("6 Des 2026");
        assertThat(inquiry(buyer.get("/dasbor/pesan?lang=en").body(), message)).contains("7 Dec 2026");
    }

    /**
     * The card of the inquiry with this message on an inbox page, its status included.
     */
    private static String inquiry(String page, String message) {
        var at = page.indexOf(message);
        assertThat(at).as("the inquiry is listed").isNotNegative();
        return page.substring(page.lastIndexOf("<article", at), page.indexOf("</article>", at));
    }

    /**
     * A quantity with dots where no thousands are grouped ("12.5.3") is no number the
     * form can read: refused as the product editor refuses such a price, not read as
     * 1.253 pieces.
     */
    @Test
    void aQuantityWithDotsOutOfPlaceIsRefusedNotReadAsThousands() throws Exception {
        var email = ApiClient.unique("jumlah") + "@contoh.id";
        var guest = new FormBrowser(port, InetAddress.getByName("127.0.27.92"));
        guest.get(PRODUCT + "/tanya");
        var refused = guest.post(PRODUCT + "/tanya", Map.of("name", "Inaq Rahmah", "email", email, "message",
                "Bisa kirim 12 buah?", "quantity", "12.5.3", "replyChannel", "EMAIL"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis jumlah sebagai bilangan bulat", "href=\"#quantity\"",
                "value=\"12.5.3\"", "Bisa kirim 12 buah?");
        assertThat(guestInquiries(email)).isZero();
    }

    /**
     * A guest's form whose only problem is a date the page cannot read is checked, not
     * sent: no inquiry is kept and no mail goes out until the date reads; then one of
     * each.
     */
    @Test
    void aGuestsFormWithOnlyAnUnreadableDateSendsNothing() throws Exception {
        var email = ApiClient.unique("tanggal") + "@contoh.id";
        var guest = new FormBrowser(port, InetAddress.getByName("127.0.27.91"));
        guest.get(PRODUCT + "/tanya");
        var form = new HashMap<>(Map.of("name", "Inaq Rahmah", "email", email, "message", "Bisa kirim sebelum lebaran?",
                "neededBy", "31/13/2099", "replyChannel", "EMAIL"));
        var refused = guest.post(PRODUCT + "/tanya", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#neededBy\"", "value=\"31/13/2099\"");
        assertThat(guestInquiries(email)).isZero();

        form.put("neededBy", "2099-12-31");
        assertThat(guest.post(PRODUCT + "/tanya", form).statusCode()).isEqualTo(302);
        ApiClient.awaitLink(inbox, email, "/pesan/pastikan/");
        assertThat(inbox.to(email)).as("only the sent form's confirmation").hasSize(1);
        assertThat(guestInquiries(email)).isEqualTo(1);
    }

    private long guestInquiries(String email) {
        return jdbc.sql("select count(*) from inquiry where lower(guest_email) = lower(?)")
            .param(email)
            .query(Long.class)
            .single();
    }

    /** The thread's link in the mail of the brand's reply (not the confirmation's). */
    String threadLink(String email) {
        return ApiClient.awaitLink(inbox, email, link -> link.contains("/pesan/") && !link.contains("/pastikan/"));
    }

    @Test
    void aQuestionAndAReplySentTwiceReachTheirReaderOnce() throws Exception {
        var brand = "/merek/koperasi-kriya-tembakau-semoyang";
        var buyer = new FormBrowser(port);
        buyer.signIn(ApiClient.BUYER, ApiClient.DEMO_PASSWORD);
        buyer.get(brand + "/tanya");
        var message = "Ada ukuran besar untuk " + ApiClient.unique("hotel") + "?";
        var question = Map.of("message", message, "replyChannel", "EMAIL");
        assertThat(buyer.post(brand + "/tanya", question).statusCode()).isEqualTo(302);
        // a reload that posts again, or a resend after a timeout: the same page's form
        assertThat(buyer.post(brand + "/tanya", question).statusCode()).isEqualTo(302);
        assertThat(occurrences(buyer.get("/dasbor/pesan").body(), message)).isEqualTo(1);

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var inbox = producer.get("/dasbor/pesan").body();
        assertThat(occurrences(inbox, message)).isEqualTo(1);
        var article = inbox.lastIndexOf("id=\"i-", inbox.indexOf(message)) + "id=\"i-".length();
        var id = inbox.substring(article, inbox.indexOf('"', article));
        var reply = Map.of("message", "Ada, sampai 60 cm, kami kirim fotonya " + ApiClient.unique("r") + ".");
        var first = producer.post("/dasbor/pesan/" + id + "/balas", reply);
        assertThat(first.statusCode()).isEqualTo(302);
        var again = producer.post("/dasbor/pesan/" + id + "/balas", reply);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).as("the first sending's answer")
            .isEqualTo(first.headers().firstValue("Location"));
        assertThat(producer.get("/dasbor/pesan").body()).contains("Balasan terkirim. Pembeli mendapat email.");
        assertThat(occurrences(buyer.get("/dasbor/pesan").body(), reply.get("message"))).isEqualTo(1);
    }

    /**
     * The producer's dashboard counts the inquiries waiting for the brand's answer beside
     * its link to the inbox, and says nothing once each is answered.
     */
    @Test
    void theDashboardCountsUnansweredInquiriesUntilTheyAreAnswered() throws Exception {
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.21.4")));
        var email = ApiClient.unique("hitung") + "@contoh.id";
        var producerToken = api.signUp(email, "PRODUCER");
        String brandId = (String) api.createBrand(producerToken, "uji-hitung").get("id");
        api.submitAndVerify(brandId, producerToken);
        var producer = new FormBrowser(port);
        producer.signIn(email, "tenun-sukarara-2026");
        assertThat(producer.get("/dasbor").body()).contains("Pesan dari dan untuk pembeli")
            .doesNotContain("belum dibalas");

        var buyerToken = api.signUp("BUYER");
        var ids = new ArrayList<String>();
        for (var message : List.of("Bisa pesan 50 buah?", "Ada warna lain?")) {
            var sent = api.mutate(
                    "mutation($input: SendInquiryInput!) { sendInquiry(input: $input) { inquiry { id } } }",
                    Map.of("brandId", brandId, "message", message, "replyChannel", "EMAIL"), buyerToken);
            ids.add(JsonPath.read(sent, "$.data.sendInquiry.inquiry.id"));
        }
        assertThat(producer.get("/dasbor").body()).contains("2 belum dibalas");
        assertThat(producer.get("/dasbor?lang=en").body()).contains("2 unanswered");

        producer.get("/dasbor/pesan");
        producer.post("/dasbor/pesan/" + ids.get(0) + "/balas", Map.of("message", "Bisa, dalam dua minggu."));
        assertThat(producer.get("/dasbor").body()).contains("1 belum dibalas");
        producer.get("/dasbor/pesan");
        producer.post("/dasbor/pesan/" + ids.get(1) + "/balas", Map.of("message", "Ada, biru dan hijau."));
        assertThat(producer.get("/dasbor").body()).doesNotContain("belum dibalas");
    }

    private static int occurrences(String page, String text) {
        return page.split(Pattern.quote(text), -1).length - 1;
    }

    @Test
    void aBuyerAsksABrandAsAWholeWithTheSameForm() throws Exception {
        var brand = "/merek/koperasi-kriya-tembakau-semoyang";
        var buyer = new FormBrowser(port);
        buyer.signIn(ApiClient.BUYER, ApiClient.DEMO_PASSWORD);
        assertThat(buyer.get(brand).body()).contains("href=\"" + brand + "/tanya\"", "Tanya merek ini");
        var form = buyer.get(brand + "/tanya");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Pesan Anda sampai ke anggota merek Koperasi Kriya Tembakau Semoyang.",
                "action=\"" + brand + "/tanya\"");
        assertThat(buyer.post(brand + "/tanya", Map.of("message", "", "replyChannel", "EMAIL")).statusCode())
            .isEqualTo(422);

        var message = "Menerima kunjungan rombongan sekolah " + ApiClient.unique("k") + "?";
        var sent = buyer.post(brand + "/tanya", Map.of("message", message, "replyChannel", "EMAIL"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(buyer.get("/dasbor/pesan").body()).contains(message,
                "Tentang merek Koperasi Kriya Tembakau Semoyang");
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/dasbor/pesan").body()).contains(message,
                "Tentang merek Koperasi Kriya Tembakau Semoyang");
        assertThat(buyer.get("/merek/tidak-ada-merek-ini/tanya").statusCode()).isEqualTo(404);
    }

    /**
     * A guest asks and the brand answers; later the guest signs up with the same address.
     * Their messages show the inquiry and the answer only once the account's address is
     * confirmed, so that whoever signs up with someone else's address reads nothing of
     * theirs; the brand still sees the guest's name.
     */
    @Test
    void aGuestsInquiryJoinsTheAccountMadeWithItsAddressOnceThatIsConfirmed() throws Exception {
        var email = ApiClient.unique("made") + "@contoh.id";
        var message = "Ada ukuran A3? " + ApiClient.unique("j");
        var id = sentAsGuest(InetAddress.getByName("127.0.27.100"), "Made Wirata", email, message);
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        producer.post("/dasbor/pesan/" + id + "/balas", Map.of("message", "Ada, Rp45.000 per pak."));

        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.27.101")));
        var token = api.signUp(email, "BUYER");
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        assertThat(buyer.get("/dasbor/pesan").body()).as("not before the address is confirmed, which the page says")
            .contains("Pesan yang Anda kirim tanpa akun dengan alamat " + email + " muncul di sini setelah",
                    "action=\"/dasbor/verifikasi-email\"", "Kirim ulang tautan verifikasi")
            .doesNotContain(message, "Anda belum mengirim pesan");
        assertThat(myInquiryMessages(api, token)).isEmpty();
        var stranger = api.signUp(ApiClient.unique("lain") + "@contoh.id", "BUYER");

        api.verifyEmail(inbox, email);
        assertThat(buyer.get("/dasbor/pesan").body()).contains(message, "Ada, Rp45.000 per pak.")
            .doesNotContain("Anda belum mengirim pesan", "tanpa akun dengan alamat");
        assertThat(myInquiryMessages(api, token)).containsExactly(message);
        assertThat((List<String>) JsonPath.read(api.query(MINE, Map.of(), token),
                "$.data.myInquiries.edges[0].node.replies[*].message"))
            .containsExactly("Ada, Rp45.000 per pak.");
        assertThat(myInquiryMessages(api, stranger)).as("an account with another address").isEmpty();
        assertThat(producer.get("/dasbor/pesan").body()).as("the brand sees the guest as before")
            .contains(message, "Made Wirata");
    }

    /**
     * A buyer with a confirmed account asks as a guest from the same address, not signed
     * in: once they confirm it by the mailed link, it is in their messages.
     */
    @Test
    void aGuestInquiryConfirmedAfterTheAccountsAddressJoinsItAtOnce() throws Exception {
        var email = ApiClient.unique("baiq") + "@contoh.id";
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.27.102")));
        var token = api.signUp(email, "BUYER");
        api.verifyEmail(inbox, email);
        var message = "Bisa kirim ke Bima? " + ApiClient.unique("k");

        sentAsGuest(InetAddress.getByName("127.0.27.103"), "Baiq", email, message);
        assertThat(myInquiryMessages(api, token)).containsExactly(message);
        var buyer = new FormBrowser(port);
        buyer.signIn(email, "tenun-sukarara-2026");
        assertThat(buyer.get("/dasbor/pesan").body()).contains(message);
    }

    private static List<String> myInquiryMessages(ApiClient api, String token) throws Exception {
        return JsonPath.read(api.query(MINE, Map.of(), token), "$.data.myInquiries.edges[*].node.message");
    }

    /**
     * Sends an inquiry with the guest's form and confirms it by the mailed link; its id.
     */
    private String sentAsGuest(InetAddress from, String name, String email, String message) throws Exception {
        var guest = new FormBrowser(port, from);
        guest.get(PRODUCT + "/tanya");
        var held = guest.post(PRODUCT + "/tanya",
                Map.of("name", name, "email", email, "message", message, "replyChannel", "EMAIL"));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(302);
        var link = URI.create(ApiClient.awaitLink(inbox, email, "/pesan/pastikan/")).getPath();
        guest.get(link);
        assertThat(guest.post(link, Map.of()).body()).contains("pesan Anda sudah sampai ke merek");
        var api = new ApiClient(new HttpTestClient(port, from));
        List<String> ids = JsonPath.read(
                api.query("{ brand(slug: \"koperasi-kriya-tembakau-semoyang\") { inquiries(first: 100) "
                        + "{ edges { node { id message } } } } }", Map.of(), api.signIn(ApiClient.PRODUCER)),
                "$.data.brand.inquiries.edges[?(@.node.message == '" + message + "')].node.id");
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

}
