package id.kriyanusa.localservices;

import java.nio.file.Path;

/**
 * A local service could not be started (or stopped). The message names the service, the
 * cause, the log file to read and the fix; {@link LocalServicesFailureAnalyzer} shows it
 * as "APPLICATION FAILED TO START".
 */
public class LocalServiceException extends RuntimeException {

    private final String service;

    private final String problem;

    private final String action;

    private final Path logFile;

    public LocalServiceException(String service, String problem, String action, Path logFile, Throwable cause) {
        super(compose(service, problem, action, logFile), cause);
        this.service = service;
        this.problem = problem;
        this.action = action;
        this.logFile = logFile;
    }

    public LocalServiceException(String service, String problem, String action) {
        this(service, problem, action, null, null);
    }

    private static String compose(String service, String problem, String action, Path logFile) {
        StringBuilder message = new StringBuilder(service).append(": ").append(problem);
        if (logFile != null) {
            message.append(" (log: ").append(logFile).append(')');
        }
        if (action != null && !action.isBlank()) {
            message.append(". Fix: ").append(action);
        }
        return message.toString();
    }

    /** The service that failed: "PostgreSQL", "Elasticsearch" or "S3Proxy". */
    public String service() {
        return service;
    }

    /** What went wrong, without the fix. */
    public String problem() {
        return problem;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }

    /**
     * The service's log file, or null when the failure happened before anything was
     * started.
     */
    public Path logFile() {
        return logFile;
    }

    /** The description shown by the failure analyzer: service, problem and log file. */
    public String description() {
        StringBuilder description = new StringBuilder("Local service ").append(service)
            .append(" could not start: ")
            .append(problem);
        if (logFile != null) {
            description.append(System.lineSeparator())
                .append(System.lineSeparator())
                .append("Log file: ")
                .append(logFile);
        }
        return description.toString();
    }

}
