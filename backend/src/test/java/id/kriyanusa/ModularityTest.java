package id.kriyanusa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules talk to each other only through their public API, and only to
 * the modules their {@code package-info.java} allows; the module diagrams and canvases in
 * {@code docs/modules/} are written from the same model, so they change with the code.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KriyanusaApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndAllowedDependencies() {
        MODULES.verify();
    }

    /**
     * Writes the diagrams (PlantUML, C4) and the canvases into {@code docs/modules/} at
     * the top of the repository, to be committed with the change that moved them.
     */
    @Test
    void documentsTheModules() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules")).writeDocumentation();
    }

}
