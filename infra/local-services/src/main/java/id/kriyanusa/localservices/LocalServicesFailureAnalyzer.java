package id.kriyanusa.localservices;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@link LocalServiceException} as "APPLICATION FAILED TO START" with a
 * description and an action.
 */
public class LocalServicesFailureAnalyzer extends AbstractFailureAnalyzer<LocalServiceException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalServiceException cause) {
        String action = cause.action() == null || cause.action().isBlank() ? "Read the log file of the service."
                : Character.toUpperCase(cause.action().charAt(0)) + cause.action().substring(1) + ".";
        return new FailureAnalysis(cause.description(), action, cause);
    }

}
