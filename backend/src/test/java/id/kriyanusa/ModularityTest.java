package id.kriyanusa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The application modules talk to each other only through their public API. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(KriyanusaApplication.class).verify();
    }

}
