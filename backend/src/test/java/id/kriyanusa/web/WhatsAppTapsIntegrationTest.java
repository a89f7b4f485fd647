package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import id.kriyanusa.engagement.WhatsAppTapped;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The WhatsApp buttons lead through the portal: a tap is announced as
 * {@link WhatsAppTapped} (brand, product, when; nobody's details) and the visitor goes on
 * to the chat with the prefilled message. Nothing shows the count yet, so the event is
 * what is checked: the taps go through MockMvc on the test's thread, where the test's
 * record of events listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RecordApplicationEvents
class WhatsAppTapsIntegrationTest {

    static final String PRODUCT = "kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";

    static final String BRAND = "koperasi-kriya-tembakau-semoyang";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTapOnAProductsButtonIsCountedAndOpensTheChatAboutIt() throws Exception {
        var tap = mvc().perform(get("/produk/" + PRODUCT + "/whatsapp")).andReturn().getResponse();
        assertThat(tap.getStatus()).isEqualTo(303);
        var chat = URLDecoder.decode(tap.getHeader("Location"), StandardCharsets.UTF_8);
        assertThat(chat).startsWith("https://wa.me/62")
            .contains("Kertas serat batang tembakau A4", "Koperasi Kriya Tembakau Semoyang", "(Rp ")
            .endsWith("/produk/" + PRODUCT);

        var product = jdbc.sql("select id, brand_id from product where slug = ?")
            .param(PRODUCT)
            .query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("brand_id") })
            .single();
        assertThat(events.stream(WhatsAppTapped.class)).singleElement().satisfies(tapped -> {
            assertThat(tapped.brandId()).isEqualTo(product[1]);
            assertThat(tapped.productId()).isEqualTo(product[0]);
            assertThat(tapped.tappedAt()).isNotNull();
        });
    }

    @Test
    void aTapOnABrandsButtonIsCountedWithoutAProduct() throws Exception {
        var tap = mvc().perform(get("/merek/" + BRAND + "/whatsapp?lang=en")).andReturn().getResponse();
        assertThat(tap.getStatus()).isEqualTo(303);
        assertThat(URLDecoder.decode(tap.getHeader("Location"), StandardCharsets.UTF_8)).startsWith("https://wa.me/62")
            .contains("Koperasi Kriya Tembakau Semoyang");
        var brand = jdbc.sql("select id from brand where slug = ?").param(BRAND).query(Long.class).single();
        assertThat(events.stream(WhatsAppTapped.class)).singleElement()
            .satisfies(tapped -> assertThat(tapped.brandId()).isEqualTo(brand))
            .satisfies(tapped -> assertThat(tapped.productId()).isNull());
    }

    @Test
    void aLinkCheckerAskingWithHeadIsNoTapAndAnEnglishChatLinksTheEnglishPage() throws Exception {
        var checked = mvc().perform(head("/produk/" + PRODUCT + "/whatsapp")).andReturn().getResponse();
        assertThat(checked.getStatus()).isEqualTo(303);
        assertThat(events.stream(WhatsAppTapped.class)).isEmpty();

        var tap = mvc().perform(get("/produk/" + PRODUCT + "/whatsapp?lang=en")).andReturn().getResponse();
        assertThat(URLDecoder.decode(tap.getHeader("Location"), StandardCharsets.UTF_8))
            .endsWith("/produk/" + PRODUCT + "?lang=en");
    }

    @Test
    void thereIsNothingToTapForWhatIsNotShown() throws Exception {
        var unknown = mvc().perform(get("/produk/tidak-ada-produk-ini/whatsapp")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(events.stream(WhatsAppTapped.class)).isEmpty();

        var buttons = new FormBrowser(port).get("/produk/" + PRODUCT).body();
        assertThat(buttons).contains("rel=\"nofollow\"\n       href=\"/produk/" + PRODUCT + "/whatsapp\"");
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

}
