package id.kriyanusa.search.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The full reindexes under way in the whole fleet, kept in PostgreSQL: each holds a
 * session-level advisory lock per index, so two instances never rebuild the same index at
 * once, and names the index it fills in {@code search_rebuild}, so every instance's
 * incremental writes reach it too. The row counts only while its connection holds the
 * lock: when an instance dies mid-rebuild, PostgreSQL ends its session, the lock goes and
 * nobody writes to the abandoned index (the next rebuild deletes it).
 */
@Component
public class RebuildsUnderWay {

    /**
     * Whether a session holds the advisory lock of {@code alias} (a one-number key: its
     * low 32 bits are the lock's objid).
     */
    private static final String LOCKED = """
            exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
              and l.objid::bigint = (hashtext('search rebuild ' || %s)::bigint & 4294967295)%s)""";

    /** The row counts while the connection that wrote it holds the lock. */
    private static final String BUILDING = "select building_index from search_rebuild r where r.alias = ? and "
            + LOCKED.formatted("r.alias", " and l.pid = r.holder_pid");

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    RebuildsUnderWay(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Takes this index's rebuild lock for the caller, on a connection of its own held
     * until {@link Rebuild#close()}; empty when a rebuild of it runs anywhere already.
     */
    public Optional<Rebuild> start(String alias) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            var held = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            boolean locked = held.sql("select pg_try_advisory_lock(hashtext('search rebuild ' || ?))")
                .param(alias)
                .query(Boolean.class)
                .single();
            if (!locked) {
                connection.close();
                return Optional.empty();
            }
            return Optional.of(new Rebuild(alias, connection, held));
        }
        catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof SQLException sql
                    ? new DataAccessResourceFailureException("No connection for a rebuild", sql) : (RuntimeException) e;
        }
    }

    /** The index a rebuild of this alias is filling now, on any instance. */
    public Optional<String> building(String alias) {
        return jdbc.sql(BUILDING).param(alias).query(String.class).optional();
    }

    /** Whether a rebuild of this alias runs now, on any instance. */
    public boolean running(String alias) {
        return jdbc.sql("select " + LOCKED.formatted("?", "")).param(alias).query(Boolean.class).single();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // the pool replaces a broken connection
            }
        }
    }

    /** One rebuild under way, holding its lock until closed. */
    public static final class Rebuild implements AutoCloseable {

        private final String alias;

        private final Connection connection;

        private final JdbcClient held;

        private boolean closed;

        private Rebuild(String alias, Connection connection, JdbcClient held) {
            this.alias = alias;
            this.connection = connection;
            this.held = held;
        }

        /**
         * Names the index being filled, for every instance's writes, committed before
         * this returns.
         */
        public void filling(String index) {
            held.sql("""
                    insert into search_rebuild (alias, building_index, holder_pid) values (?, ?, pg_backend_pid())
                    on conflict (alias) do update set building_index = excluded.building_index,
                      holder_pid = excluded.holder_pid, started_at = now()""").params(alias, index).update();
        }

        /** Ends it: no index is being filled any more, and the lock is free. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                held.sql("delete from search_rebuild where alias = ?").param(alias).update();
                held.sql("select pg_advisory_unlock(hashtext('search rebuild ' || ?))")
                    .param(alias)
                    .query(Boolean.class)
                    .single();
            }
            finally {
                closeQuietly(connection);
            }
        }

    }

}
