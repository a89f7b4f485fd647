package id.kriyanusa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.kriyanusa.catalog.internal.ProductDetails;
import id.kriyanusa.catalog.internal.ProductRules;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import org.junit.jupiter.api.Test;

class ProductRulesTest {

    private static ProductRules.Draft draft(Long price, Long wholesale, ProductAvailability availability, Integer stock,
            Integer lead) {
        return new ProductRules.Draft(null, 1L, "Tas Ketak Bundar – Anyaman Beleka", null, null, null,
                List.of("Ketak", "ketak "), null, 22.0, 8.04, null, 400, price, null, wholesale, availability, stock,
                lead, List.of(new ProductDetails.ImageDetails("demo/ketak-1.jpg", null, null)));
    }

    @Test
    void slugsAreMadeFromTitlesInPlainLowerCaseAscii() {
        assertThat(ProductRules.slugOf("Tas Ketak Bundar – Anyaman Beleka"))
            .isEqualTo("tas-ketak-bundar-anyaman-beleka");
        assertThat(ProductRules.slugOf("Kain Sôngket  (Sukarara)!")).isEqualTo("kain-songket-sukarara");
        assertThat(ProductRules.slugOf("¡¿")).isEqualTo("produk");
        assertThat(ProductRules.slugOf("a ".repeat(200))).hasSizeLessThanOrEqualTo(InputErrors.MAX_PRODUCT_SLUG - 10)
            .doesNotEndWith("-");
    }

    @Test
    void aReadyStockDraftIsNormalisedAndDropsTheLeadTime() {
        var result = ProductRules.check(draft(450_000L, 400_000L, ProductAvailability.READY_STOCK, 5, 14));
        assertThat(result.errors()).isEmpty();
        assertThat(result.slugDerived()).isTrue();
        assertThat(result.details().slug()).isEqualTo("tas-ketak-bundar-anyaman-beleka");
        assertThat(result.details().materials()).containsExactly("ketak");
        assertThat(result.details().dimensions()).isEqualTo(new Product.Dimensions(22.0, 8.0, null));
        assertThat(result.details().leadTimeDays()).isNull();
        assertThat(result.details().stockQuantity()).isEqualTo(5);
    }

    @Test
    void priceLimitsAndWholesaleBelowPrice() {
        assertThat(fields(ProductRules.check(draft(0L, null, ProductAvailability.READY_STOCK, 1, null)).errors()))
            .containsExactly("input.price");
        assertThat(fields(
                ProductRules.check(draft(1_000_000_001L, null, ProductAvailability.READY_STOCK, 1, null)).errors()))
            .containsExactly("input.price");
        assertThat(ProductRules.check(draft(1_000_000_000L, null, ProductAvailability.READY_STOCK, 1, null)).ok())
            .isTrue();
        assertThat(ProductRules.check(draft(250_000L, 250_000L, ProductAvailability.READY_STOCK, 1, null)).errors())
            .extracting(UserError::code)
            .containsExactly(UserErrorCode.NOT_BELOW_PRICE);
        assertThat(ProductRules.check(draft(null, 100_000L, ProductAvailability.READY_STOCK, 1, null)).errors())
            .extracting(UserError::code)
            .containsExactly(UserErrorCode.REQUIRES_PRICE);
        assertThat(fields(
                ProductRules.check(draft(250_000L, null, ProductAvailability.MADE_TO_ORDER, null, 366)).errors()))
            .containsExactly("input.leadTimeDays");
        assertThat(
                fields(ProductRules.check(draft(250_000L, null, ProductAvailability.READY_STOCK, -1, null)).errors()))
            .containsExactly("input.stockQuantity");
    }

    @Test
    void publishingNeedsPriceCategoryStockOrLeadTimeAndIndonesianAltTextOnEveryImage() {
        var details = ProductRules.check(draft(null, null, ProductAvailability.MADE_TO_ORDER, null, 30)).details();
        assertThat(fields(ProductRules.publishingProblems(details, "product."))).containsExactly("product.price",
                "product.images[0].alt.indonesian");
        var noLeadTime = ProductRules.check(draft(250_000L, null, ProductAvailability.MADE_TO_ORDER, null, null))
            .details();
        assertThat(fields(ProductRules.publishingProblems(noLeadTime, "product.")))
            .containsExactly("product.leadTimeDays", "product.images[0].alt.indonesian");
    }

    private static List<String> fields(List<UserError> errors) {
        return errors.stream().map(UserError::field).toList();
    }

}
