package id.kriyanusa.demo;

import java.util.List;

import id.kriyanusa.brand.Brand.ArtisanCount;
import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.brand.Brands.ArtisanCountInput;
import id.kriyanusa.brand.Brands.UpdateBrandInput;
import id.kriyanusa.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo Bimtek's story told by its participants' brands' artisans. The demo data
 * registers the four Semoyang brands months before the training of August 2025, with the
 * artisans they had then ({@code R__demo_2_brands.sql}); this gives them the artisans
 * they have now, a modest rise, through the brand module's own update, as their producers
 * would on the brand editor. Insights count the first figures from each brand's
 * registration and the rise when it is made, so the programme's page compares the
 * artisans after the training with those before it, not all of them with none.
 * <p>
 * With {@code kriyanusa.demo.bimtek-artisans=true} (the {@code demo} profile) it runs
 * once the start-up's own counting is done, when the application accepts traffic, so that
 * insights hold the figures before first. A brand whose artisans are not the demo data's
 * (grown already, or changed by hand) is left alone: a second start changes nothing.
 */
@Component
class DemoBimtekArtisans {

    private static final Logger log = LoggerFactory.getLogger(DemoBimtekArtisans.class);

    /** A participant's brand's artisans before the training, and now. */
    record Rise(String brandSlug, ArtisanCount before, ArtisanCount now) {
    }

    /** As in the demo data (before) and on the brands' pages (now). */
    static final List<Rise> RISES = List.of(
            new Rise("koperasi-kriya-tembakau-semoyang", new ArtisanCount(32, 26, 9), new ArtisanCount(38, 31, 12)),
            new Rise("ecoprint-daun-tembakau-semoyang", new ArtisanCount(18, 18, 7), new ArtisanCount(22, 22, 9)),
            new Rise("kertas-serat-semoyang", new ArtisanCount(9, 6, 5), new ArtisanCount(11, 7, 6)),
            new Rise("anyaman-pelepah-semoyang", new ArtisanCount(4, 3, 1), new ArtisanCount(6, 5, 2)));

    private final Brands brands;

    private final Accounts accounts;

    private final boolean enabled;

    private final String actingAccount;

    DemoBimtekArtisans(Brands brands, Accounts accounts,
            @Value("${kriyanusa.demo.bimtek-artisans:false}") boolean enabled,
            @Value("${kriyanusa.demo.illustrations-account:admin@kriyanusa.test}") String actingAccount) {
        this.brands = brands;
        this.accounts = accounts;
        this.enabled = enabled;
        this.actingAccount = actingAccount;
    }

    @EventListener
    void onReady(AvailabilityChangeEvent<ReadinessState> event) {
        if (enabled && event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            DemoAdmin.acting(accounts, actingAccount, this::rise);
        }
    }

    /** How many brands rose now. */
    private int rise() {
        var risen = 0;
        for (var brand : brands.bySlugs(RISES.stream().map(Rise::brandSlug).toList())) {
            var rise = RISES.stream().filter(r -> r.brandSlug().equals(brand.slug())).findFirst().orElseThrow();
            if (!brand.artisans().equals(rise.before())) {
                continue;
            }
            var now = new ArtisanCountInput(rise.now().total(), rise.now().women(), rise.now().youth());
            var errors = brands.update(new BrandId(brand.id()), UpdateBrandInput.ofArtisans(brand.version(), now))
                .userErrors();
            if (errors.isEmpty()) {
                risen++;
            }
            else {
                log.warn("Demo Bimtek: the artisans of {} were refused: {}", brand.slug(), errors);
            }
        }
        if (risen > 0) {
            log.info("Demo Bimtek: {} participants' brands gave their artisans since the training", risen);
        }
        return risen;
    }

}
