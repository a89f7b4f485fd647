package id.kriyanusa.engagement;

import java.time.Instant;

import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.catalog.ProductStatus;
import id.kriyanusa.catalog.Products;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taps on the WhatsApp buttons of public brand and product pages, announced as
 * {@link WhatsAppTapped} for the department's counts. The chat itself happens on
 * WhatsApp, out of the portal's sight; the tap is all it can count.
 */
@Service
public class WhatsAppTaps {

    private final Products products;

    private final Brands brands;

    private final ApplicationEventPublisher events;

    WhatsAppTaps(Products products, Brands brands, ApplicationEventPublisher events) {
        this.products = products;
        this.brands = brands;
        this.events = events;
    }

    /**
     * A tap on a product's button (its global id), counted when the product is on sale: a
     * brand member trying the button of a draft is no buyer.
     */
    @Transactional
    public void onProduct(String productId) {
        products.byId(ProductId.decode(productId))
            .filter(product -> product.status() == ProductStatus.PUBLISHED
                    && brands.publicBrandIds().contains(product.brandId()))
            .ifPresent(
                    product -> events.publishEvent(new WhatsAppTapped(product.brandId(), product.id(), Instant.now())));
    }

    /** A tap on a brand's button (its global id), counted when the brand is verified. */
    @Transactional
    public void onBrand(String brandId) {
        var id = BrandId.decode(brandId);
        if (brands.publicBrandIds().contains(id.value())) {
            events.publishEvent(new WhatsAppTapped(id.value(), null, Instant.now()));
        }
    }

}
