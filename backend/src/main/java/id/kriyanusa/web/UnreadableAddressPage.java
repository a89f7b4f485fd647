package id.kriyanusa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The page for an address Tomcat refuses before the portal sees it (a broken
 * percent-encoding, say): the portal's own "not found" page, in both languages since no
 * language is known yet, instead of Tomcat's. Everything the portal itself refuses gets
 * its templated error pages.
 */
@Component
class UnreadableAddressPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        var page = copyOutOfTheJar();
        factory.addContextCustomizers((TomcatContextCustomizer) context -> {
            var pipeline = context.getParent().getPipeline();
            for (var valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve report) {
                    // errorCode.0: every status Tomcat answers on its own
                    report.setProperty("errorCode.0", page);
                }
            }
        });
    }

    /** After Spring Boot's own customizer, which adds the error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat serves such pages from a file. */
    private static String copyOutOfTheJar() {
        try (var html = new ClassPathResource("tomcat/unreadable-address.html").getInputStream()) {
            var file = Files.createTempFile("kriyanusa-unreadable-address", ".html");
            file.toFile().deleteOnExit();
            Files.copy(html, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toAbsolutePath().toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
