package id.kriyanusa.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application prepares for requests, so tests can assert
 * that a response costs a constant number of queries (no N+1). Background work (search
 * indexing listeners, scheduled jobs) runs at any moment and is left out: it would make
 * the counts of two identical requests differ. A plain component in test code: the
 * application's component scan picks it up in every test context alike, so adding it does
 * not split the cached Spring context.
 */
@Component
public class SqlStatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");

    private static final AtomicLong COUNT = new AtomicLong();

    /** Statements prepared since the last reset, background work left out. */
    private static long count() {
        return COUNT.get();
    }

    private static void reset() {
        COUNT.set(0);
    }

    /**
     * The request's response and the fewest statements it prepared in three runs. Other
     * modules' event listeners share the task executor with GraphQL's requests and may
     * add a statement to any one run; an N+1 adds to every run.
     */
    public static <T> Counted<T> fewest(Callable<T> request) throws Exception {
        T response = null;
        var fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            reset();
            response = request.call();
            fewest = Math.min(fewest, count());
        }
        return new Counted<>(response, fewest);
    }

    /** A response and the statements prepared for it. */
    public record Counted<T>(T response, long statements) {
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    /**
     * Search indexing listeners, scheduled jobs and the search index's start-up build.
     * Requests run on servlet and task-executor threads (GraphQL finishes them
     * asynchronously), so the count leaves these out rather than keeping only request
     * threads.
     */
    private static boolean isBackgroundThread() {
        var name = Thread.currentThread().getName();
        return name.startsWith("search-indexing-") || name.startsWith("scheduling-")
                || name.startsWith("products-index-");
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (STATEMENT_FACTORIES.contains(method.getName()) && !isBackgroundThread()) {
                    COUNT.incrementAndGet();
                }
                try {
                    return method.invoke(connection, args);
                }
                catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            };
            return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, handler);
        }

    }

}
