package id.kriyanusa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules talk to each other only through their public API, and only to
 * the modules their {@code package-info.java} allows; the module diagrams and canvases in
 * {@code docs/modules/} are written from the same model, so they change with the code.
 */
class ModularityTest {

    /**
     * The application's modules; the local services (tests and -Plocal runs only) are
     * none of them.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(KriyanusaApplication.class,
            JavaClass.Predicates.resideInAPackage("id.kriyanusa.localservices.."));

    static final Path DOCS = Path.of("..", "docs", "modules");

    @Test
    void modulesRespectTheirBoundariesAndAllowedDependencies() {
        MODULES.verify();
    }

    /**
     * Writes the diagrams (PlantUML, C4) and the canvases into {@code docs/modules/} at
     * the top of the repository, to be committed with the change that moved them. The
     * Documenter lists relations and events in no fixed order, so a file whose lines are
     * the same as the committed one's in another order is left as it is: a build changes
     * the docs only when the modules changed.
     */
    @Test
    void documentsTheModules() throws IOException {
        var written = Path.of("target", "modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
            .writeDocumentation();
        Files.createDirectories(DOCS);
        try (Stream<Path> files = Files.list(written)) {
            for (var file : files.toList()) {
                var committed = DOCS.resolve(file.getFileName());
                if (!Files.exists(committed) || !sorted(committed).equals(sorted(file))) {
                    Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.list(DOCS)) {
            for (var file : files.toList()) {
                if (!Files.exists(written.resolve(file.getFileName()))) {
                    Files.delete(file);
                }
            }
        }
    }

    private static List<String> sorted(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

}
