package id.kriyanusa.platform.graphql;

/**
 * The requested thing does not exist, or the caller may not know that it does. Reported
 * as NOT_FOUND.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

}
