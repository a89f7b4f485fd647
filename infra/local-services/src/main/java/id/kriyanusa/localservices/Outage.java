package id.kriyanusa.localservices;

/**
 * A local service taken away on purpose ({@code ChildJvmService.outage()}); closing it
 * starts the service again on the same ports and waits until it is ready.
 */
public interface Outage extends AutoCloseable {

    @Override
    void close();

}
