package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Counts read as English writes them: "1 photo", "2 photos", through choice formats in
 * the English bundles (Indonesian nouns have no plural), resolved by the same bundles the
 * portal reads.
 */
class MessagePluralsTest {

    static final Locale ENGLISH = Locale.ENGLISH;

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    final ResourceBundleMessageSource messages = messages();

    @Test
    void oneThingIsSingularAndOtherCountsArePlural() {
        assertThat(english("dashboard.photoCount", 1)).isEqualTo("1 photo");
        assertThat(english("dashboard.photoCount", 2)).isEqualTo("2 photos");
        assertThat(english("dashboard.photoCount", 0)).isEqualTo("0 photos");
        assertThat(english("search.count", 1)).isEqualTo("1 product");
        assertThat(english("search.count", 1234)).isEqualTo("1,234 products");
        assertThat(english("search.brand.count", 1)).isEqualTo("1 brand");
        assertThat(english("search.village.count", 1)).isEqualTo("1 village");
        assertThat(english("brand.artisans.count", 1, 1, 0))
            .isEqualTo("1 person, of whom 1 woman and 0 young people (16 to 30)");
        assertThat(english("collections.found", 1, "kendi")).isEqualTo("1 product for \u201ckendi\u201d");
        assertThat(messages.getMessage("dashboard.photoCount", new Object[] { 1 }, INDONESIAN)).isEqualTo("1 foto");
        assertThat(english("console.queue.count", 0)).isEqualTo("No brand is awaiting verification.");
        assertThat(english("console.queue.count", 1)).isEqualTo("1 brand is awaiting verification.");
        assertThat(english("console.queue.count", 1200)).startsWith("1,200 brands are awaiting verification;");
        assertThat(messages.getMessage("console.queue.count", new Object[] { 0 }, INDONESIAN))
            .isEqualTo("Tidak ada merek yang menunggu verifikasi.");
    }

    /** Every English message that counts says its noun right for one and for many. */
    @Test
    void everyCountingMessageReadsForOneAndForMany() throws IOException {
        var counted = 0;
        for (var bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_en.properties")) {
            var english = new Properties();
            try (var in = bundle.getInputStream()) {
                english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (var key : english.stringPropertyNames()) {
                if (!english.getProperty(key).contains(",choice,")) {
                    continue;
                }
                counted++;
                var one = english(key, 1, 1, 1, 1, 1);
                var many = english(key, 2, 2, 2, 2, 2);
                assertThat(one).as(key).doesNotContainPattern("\\b1 \\w+s\\b").doesNotContain("choice");
                assertThat(many).as(key).doesNotContain("choice").isNotEqualTo(one.replace('1', '2'));
            }
        }
        assertThat(counted).isGreaterThan(15);
    }

    private String english(String key, Object... arguments) {
        return messages.getMessage(key, arguments, ENGLISH);
    }

    /** The bundles as `spring.messages` names them, read as the portal reads them. */
    private static ResourceBundleMessageSource messages() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        var source = new ResourceBundleMessageSource();
        source.setBasenames(yaml.getObject().getProperty("spring.messages.basename").split(","));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

}
