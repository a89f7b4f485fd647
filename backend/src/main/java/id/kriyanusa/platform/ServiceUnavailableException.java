package id.kriyanusa.platform;

/**
 * A backing service (search, object storage) did not answer in time or refused the
 * connection: the request was fine and may be sent again shortly. GraphQL reports it as
 * {@code UNAVAILABLE} with {@code retryable: true}, pages as 503.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
