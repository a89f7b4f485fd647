package id.kriyanusa.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.demo.internal.Illustrator;
import id.kriyanusa.demo.internal.Illustrator.Motif;
import id.kriyanusa.demo.internal.Illustrator.Palette;
import id.kriyanusa.identity.Accounts;
import id.kriyanusa.media.ImagePayload;
import id.kriyanusa.media.ImageTarget;
import id.kriyanusa.media.Images;
import id.kriyanusa.media.MediaUploads;
import id.kriyanusa.media.MediaUploads.DirectUpload;
import id.kriyanusa.media.MediaUploads.TargetKey;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Gives the demo catalogue's products, brands and villages that show no image a generated
 * illustration, so a newcomer's local run is not a portal of empty frames. Every
 * illustration says on the picture and in its alternative text that it is one.
 * <p>
 * Images go through the same upload path as a producer's photo ({@link MediaUploads}:
 * verified, stripped, renditions in every width and format) and are attached through the
 * owning modules' commands, acting as the demo admin account. Products of one brand and
 * craft share one picture (images are content-addressed), so the whole catalogue takes
 * about a hundred images, not 400.
 * <p>
 * With {@code kriyanusa.demo.illustrations=true} (the {@code local} profile) it runs once
 * after start-up on one background thread of low priority, after readiness, so buyers'
 * requests and health checks never wait for it. Only items without an image are drawn: a
 * second start finds nothing to do.
 */
@Service
public class DemoIllustrations {

    private static final Logger log = LoggerFactory.getLogger(DemoIllustrations.class);

    /** What one run added. */
    public record Outcome(int imagesStored, int products, int logos, int covers, int villages, int refused) {

        public int illustrated() {
            return products + logos + covers + villages;
        }

    }

    private final Villages villages;

    private final Brands brands;

    private final Products products;

    private final Categories categories;

    private final Images images;

    private final MediaUploads uploads;

    private final Accounts accounts;

    private final Illustrator illustrator = new Illustrator();

    private final boolean enabled;

    private final String actingAccount;

    DemoIllustrations(Villages villages, Brands brands, Products products, Categories categories, Images images,
            MediaUploads uploads, Accounts accounts, @Value("${kriyanusa.demo.illustrations:false}") boolean enabled,
            @Value("${kriyanusa.demo.illustrations-account:admin@kriyanusa.test}") String actingAccount) {
        this.villages = villages;
        this.brands = brands;
        this.products = products;
        this.categories = categories;
        this.images = images;
        this.uploads = uploads;
        this.accounts = accounts;
        this.enabled = enabled;
        this.actingAccount = actingAccount;
    }

    /** After the rest of the start-up work: the media bucket must exist first. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onStart() {
        if (enabled) {
            Thread.ofPlatform()
                .daemon()
                .priority(Thread.MIN_PRIORITY)
                .name("demo-illustrations")
                .start(() -> illustrate(null));
        }
    }

    /**
     * Illustrates what shows no image in one village (by slug: the village, its brands
     * and their products) or, given null, in all of them.
     */
    public synchronized Outcome illustrate(String villageSlug) {
        var started = System.nanoTime();
        var done = DemoAdmin.acting(accounts, actingAccount, () -> {
            try {
                var run = new Run();
                for (var village : villagesOf(villageSlug)) {
                    run.village(village);
                }
                var outcome = run.outcome();
                log.info(
                        "Demo illustrations: {} images stored for {} products, {} brand logos, {} brand covers and {}"
                                + " villages ({} refused) in {} ms",
                        outcome.imagesStored(), outcome.products(), outcome.logos(), outcome.covers(),
                        outcome.villages(), outcome.refused(), (System.nanoTime() - started) / 1_000_000);
                return outcome;
            }
            catch (StorageUnavailable e) {
                log.warn("Demo illustrations stopped: image storage is unavailable; the next start tries again");
                return new Outcome(0, 0, 0, 0, 0, 0);
            }
        });
        if (done.isEmpty()) {
            log.info("Demo illustrations skipped: no admin account {} (the demo data is not loaded)", actingAccount);
        }
        return done.orElseGet(() -> new Outcome(0, 0, 0, 0, 0, 0));
    }

    private List<Village> villagesOf(String slug) {
        if (slug != null) {
            return villages.bySlug(slug).stream().toList();
        }
        var all = new ArrayList<Village>();
        var after = 0L;
        for (var ids = villages.idsAfter(after, 100); !ids.isEmpty(); ids = villages.idsAfter(after, 100)) {
            var page = villages.byIds(ids);
            ids.stream().map(page::get).filter(village -> village != null).forEach(all::add);
            after = ids.getLast();
        }
        return all;
    }

    /** One run's counts, and the products' pictures already stored in it. */
    private final class Run {

        private final Map<Long, Category> categoriesById = categories.all();

        private final Map<String, String> productPictures = new HashMap<>();

        private int stored;

        private int productCount;

        private int logos;

        private int covers;

        private int villageCount;

        private int refused;

        void village(Village village) {
            var hero = village.heroImage();
            if (hero == null || missing(hero.key())) {
                var alt = LocalizedText.of("Ilustrasi pemandangan Desa " + village.name() + ", bukan foto asli",
                        "Illustration of the landscape of " + village.name() + " village, not a photograph");
                var target = new TargetKey(ImageTarget.VILLAGE_HERO, village.id());
                if (store(target, illustrator.village(village.slug()), alt).isPresent()) {
                    villageCount++;
                }
            }
            var brandIds = brands.idsInVillages(List.of(village.slug()));
            var villageBrands = brands.byIds(brandIds).values().stream().sorted((a, b) -> Long.compare(a.id(), b.id()));
            for (var brand : villageBrands.toList()) {
                brand(brand);
            }
        }

        private void brand(Brand brand) {
            var palette = Palette.of(brand.palette().primary(), brand.palette().secondary(), brand.palette().accent());
            if (brand.logoImage() == null || missing(brand.logoImage())) {
                var alt = LocalizedText.of("Ilustrasi logo " + brand.name() + ": inisial dalam warna merek",
                        "Illustration of the " + brand.name() + " logo: initials in the brand's colours");
                if (store(new TargetKey(ImageTarget.BRAND_LOGO, brand.id()), illustrator.logo(brand.name(), palette),
                        alt)
                    .isPresent()) {
                    logos++;
                }
            }
            if (brand.coverImage() == null || missing(brand.coverImage())) {
                var alt = LocalizedText.of("Ilustrasi pola tenun dalam warna " + brand.name(),
                        "Illustration of a woven pattern in the colours of " + brand.name());
                if (store(new TargetKey(ImageTarget.BRAND_COVER, brand.id()), illustrator.cover(palette), alt)
                    .isPresent()) {
                    covers++;
                }
            }
            var ids = products.idsOfBrands(List.of(brand.id()));
            var listed = products.visibleInOrder(ids);
            var imagesOf = products.imagesOf(listed);
            for (var product : listed) {
                var keys = imagesOf.getOrDefault(product.id(), List.of()).stream().map(Product.Image::key).toList();
                var shown = images.byKeys(keys).keySet();
                if (shown.isEmpty()) {
                    product(product, palette, keys);
                }
            }
        }

        /**
         * Attaches the picture of the product's craft in its brand's colours (drawn and
         * stored the first time), then drops the demo data's references to photos that
         * were never uploaded.
         */
        private void product(Product product, Palette palette, List<String> unknownKeys) {
            var category = product.categoryId() == null ? null : categoriesById.get(product.categoryId());
            var parent = category == null || category.parentId() == null ? null
                    : categoriesById.get(category.parentId());
            var motif = Motif.of(category == null ? null : category.slug(), parent == null ? null : parent.slug());
            var title = product.title();
            var alt = LocalizedText.of("Ilustrasi " + title.indonesian() + ", bukan foto produk",
                    "Illustration of " + (title.english() != null ? title.english() : title.indonesian())
                            + ", not a photo of the product");
            var group = motif + "/" + palette.key();
            var key = productPictures.get(group);
            if (key == null) {
                var image = store(new TargetKey(ImageTarget.PRODUCT, product.id()), illustrator.product(motif, palette),
                        alt);
                if (image.isEmpty()) {
                    return;
                }
                productPictures.put(group, image.get());
            }
            else if (!accepted(() -> products.attachImage(new ProductId(product.id()), key, alt).userErrors(),
                    "product " + product.slug())) {
                return;
            }
            productCount++;
            for (var unknown : unknownKeys) {
                accepted(() -> products.removeImage(new ProductId(product.id()), unknown).userErrors(),
                        "product " + product.slug());
            }
        }

        /**
         * Uploads the drawing as a producer's photo would be and attaches it; the key of
         * the stored image, or empty when it was refused.
         */
        private Optional<String> store(TargetKey target, byte[] png, LocalizedText alt) {
            var payload = new ImagePayload[1];
            if (!accepted(() -> {
                payload[0] = uploads
                    .uploadDirectly(new DirectUpload(target, "image/png", png, alt.indonesian(), alt.english()));
                return payload[0].userErrors();
            }, target.target() + " " + target.key())) {
                return Optional.empty();
            }
            stored++;
            return Optional.of(payload[0].image().key());
        }

        /**
         * Whether the command went through; a refusal or failure is counted and logged,
         * and the run goes on with the next item, unless storage is gone.
         */
        private boolean accepted(Supplier<List<UserError>> command, String what) {
            List<UserError> errors;
            try {
                errors = command.get();
            }
            catch (RuntimeException e) {
                refused++;
                log.warn("Demo illustration for {} failed: {}", what, e.toString());
                return false;
            }
            if (errors.isEmpty()) {
                return true;
            }
            if (errors.stream().anyMatch(error -> error.code() == UserErrorCode.STORAGE_UNAVAILABLE)) {
                throw new StorageUnavailable();
            }
            refused++;
            log.warn("Demo illustration for {} refused: {}", what, errors);
            return false;
        }

        private boolean missing(String key) {
            return images.byKeys(List.of(key)).isEmpty();
        }

        Outcome outcome() {
            return new Outcome(stored, productCount, logos, covers, villageCount, refused);
        }

    }

    /** Storage went away mid-run: stop, and leave the rest to the next start. */
    private static final class StorageUnavailable extends RuntimeException {

        StorageUnavailable() {
            super(null, null, false, false);
        }

    }

}
