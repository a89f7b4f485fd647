package id.kriyanusa.localservices;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

/**
 * Main class of the S3Proxy child JVM ({@code -cp <this class>:<s3proxy.jar>}): exits
 * when its stdin pipe from the parent JVM closes, so that a killed parent leaves no
 * S3Proxy behind, then delegates to {@code org.gaul.s3proxy.Main}. Self-contained on
 * purpose (no other class of this module): the parent copies this class file into the
 * data folder.
 */
public final class S3ProxyMain {

    private S3ProxyMain() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever written; wait for end of file
                }
            }
            catch (IOException ignored) {
                // the pipe broke: the parent is gone
            }
            System.err.println("S3ProxyMain: parent process gone (stdin closed), exiting");
            System.exit(0);
        }, "kriyanusa-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
