package id.kriyanusa.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Says what to set when the portal starts without a database. Production has no embedded
 * fallback (the local services live outside the production jar), so a missing or misspelt
 * {@code SPRING_DATASOURCE_URL} stops the start instead of serving from an empty
 * database; Boot's own analysis would suggest putting an embedded database on the class
 * path, which is the wrong advice here.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MissingDatabaseFailureAnalyzer implements FailureAnalyzer {

    /**
     * Boot's exception for a DataSource without a URL (package-private, so known by
     * name).
     */
    private static final String NO_URL = "DataSourceProperties$DataSourceBeanCreationException";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().endsWith(NO_URL)) {
                return new FailureAnalysis(
                        "Kriyanusa has no PostgreSQL database configured: spring.datasource.url is not set.", """
                                Set SPRING_DATASOURCE_URL (for example jdbc:postgresql://db.example:5432/kriyanusa), \
                                SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. To run the portal on \
                                this machine with its own local services and demo data instead, use \
                                ./mvnw -pl backend -am -Plocal spring-boot:run""", cause);
            }
        }
        return null;
    }

}
