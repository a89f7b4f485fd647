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

    private final ConfigurableApplicationContext context;

    private PortalInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance named {@code name} (its {@code spring.application.name}) with
     * these extra properties and configuration classes.
     */
    public static PortalInstance start(String name, List<Class<?>> extraSources, String... properties) {
        var sources = new ArrayList<Class<?>>();
        sources.add(KriyanusaApplication.class);
        sources.addAll(extraSources);
        var all = new ArrayList<>(List.of(properties));
        all.add("server.port=0");
        all.add("spring.application.name=" + name);
        var context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("demo")
            .properties(all.toArray(String[]::new))
            .run();
        return new PortalInstance(context);
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
