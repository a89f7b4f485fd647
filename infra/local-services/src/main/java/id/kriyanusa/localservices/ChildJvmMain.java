package id.kriyanusa.localservices;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of the S3Proxy and GreenMail child JVMs
 * ({@code -cp <this class>:<server.jar> ChildJvmMain <server main class> <args>}): exits
 * when its stdin pipe from the parent JVM closes, so that a killed parent leaves no
 * server behind, then delegates to the server's own main class. Self-contained on purpose
 * (no other class of this module): the parent copies this class file into the data
 * folder.
 */
public final class ChildJvmMain {

    private ChildJvmMain() {
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
            System.err.println("ChildJvmMain: parent process gone (stdin closed), exiting");
            System.exit(0);
        }, "kriyanusa-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(args[0])
                .getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
