package id.kriyanusa.platform;

import java.util.ArrayList;
import java.util.List;

import id.kriyanusa.KriyanusaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more instance of the portal in this JVM, on a port of its own, with the demo data:
 * it shares the test run's PostgreSQL, Elasticsearch and S3 (started once per JVM by the
 * local services), as instances behind a load balancer share the production ones.
 */
public final class PortalInstance implements AutoCloseable {

    /** The property naming an instance, for tests to tell instances apart. */
    public static final String NAME = "kriyanusa.test.instance";

    private final ConfigurableApplicationContext context;

    private PortalInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance named {@code name} (its {@value #NAME}) with these extra
     * configuration classes and properties ({@code key=value}, above every other setting,
     * as on the command line), and waits until it takes traffic.
     */
    public static PortalInstance start(String name, List<Class<?>> extraSources, String... properties) {
        var sources = new ArrayList<Class<?>>();
        sources.add(KriyanusaApplication.class);
        sources.addAll(extraSources);
        var arguments = new ArrayList<String>();
        for (var property : properties) {
            arguments.add("--" + property);
        }
        arguments.add("--server.port=0");
        arguments.add("--" + NAME + "=" + name);
        var context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("demo")
            .run(arguments.toArray(String[]::new));
        var instance = new PortalInstance(context);
        new HttpTestClient(instance.port()).awaitReady();
        return instance;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops the instance, as a deployment or a crashed machine takes one away. */
    @Override
    public void close() {
        context.close();
    }

}
