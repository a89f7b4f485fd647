package id.kriyanusa.media;

import id.kriyanusa.brand.BrandImagesChanged;
import id.kriyanusa.catalog.ProductImagesChanged;
import id.kriyanusa.media.internal.MediaRepository;
import id.kriyanusa.media.internal.MediaRepository.ImageOwner;
import id.kriyanusa.village.VillageImagesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the images products, brands and villages show in media's own record of images in
 * use, which {@link UnreferencedMedia} reads: media reads no other module's tables.
 * <p>
 * The listeners run synchronously, in the transaction that changes the product, brand or
 * village: a use commits with the change that makes it, so the collector never sees an
 * image attached a moment ago as unused, nor a removed one as still used. An asynchronous
 * listener after the commit (Modulith's {@code @ApplicationModuleListener}) would leave a
 * window between the two, and an image in use would go if delivery lagged behind the
 * grace period.
 */
@Component
class ImagesInUse {

    private final MediaRepository repository;

    ImagesInUse(MediaRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void productImagesChanged(ProductImagesChanged changed) {
        repository.replaceUses(ImageOwner.PRODUCT, changed.product().value(), changed.imageKeys());
    }

    @EventListener
    void brandImagesChanged(BrandImagesChanged changed) {
        repository.replaceUses(ImageOwner.BRAND, changed.brand().value(), changed.imageKeys());
    }

    @EventListener
    void villageImagesChanged(VillageImagesChanged changed) {
        repository.replaceUses(ImageOwner.VILLAGE, changed.village().value(), changed.imageKeys());
    }

}
