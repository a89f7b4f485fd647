package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The links a producer's inbox offers to answer a buyer on the number they gave. */
class PageTextTest {

    final PageText text = new PageText();

    @Test
    void indonesianMobileNumbersChatAndCallWithTheirCountryCode() {
        for (var typed : new String[] { "0819-0722-5678", "+62 819 0722 5678", "62819.0722.5678" }) {
            assertThat(text.whatsappChat(typed)).as(typed).isEqualTo("https://wa.me/6281907225678");
            assertThat(text.telephone(typed)).as(typed).isEqualTo("tel:+6281907225678");
        }
    }

    @Test
    void otherNumbersAreCalledAsTypedAndChatOnlyWithACountryCode() {
        assertThat(text.whatsappChat("+44 7700 900123")).isEqualTo("https://wa.me/447700900123");
        assertThat(text.telephone("+44 7700 900123")).isEqualTo("tel:+447700900123");
        assertThat(text.whatsappChat("0370-631234")).as("a Mataram landline").isNull();
        assertThat(text.telephone("0370-631234")).isEqualTo("tel:0370631234");
    }

}
