package id.kriyanusa.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reported as `searchReadiness` and part of the readiness group: an instance takes
 * buyers' traffic only once every search index exists behind its alias, so a fresh start
 * never answers searches with nothing (or 503) while its first index is still being
 * built.
 */
@Component("searchReadiness")
class SearchReadinessIndicator implements HealthIndicator {

    private final IndexMaintenance maintenance;

    SearchReadinessIndicator(IndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public Health health() {
        var pending = maintenance.indicesNotReady();
        return pending.isEmpty() ? Health.up().build() : Health.outOfService().withDetail("building", pending).build();
    }

}
