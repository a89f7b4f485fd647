package id.kriyanusa.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A portal without admins, for the tests of the first admin and of the last one: takes
 * ADMIN from every account, and on closing gives it back to exactly those accounts (and
 * takes it from any other). The suite runs its tests one at a time in one JVM, so no
 * other test sees the portal without its demo admin.
 */
final class AdminsSetAside implements AutoCloseable {

    private final JdbcClient jdbc;

    private final List<Long> admins;

    AdminsSetAside(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.admins = jdbc.sql("select id from account where 'ADMIN' = any(roles)").query(Long.class).list();
        jdbc.sql("update account set roles = array_remove(roles, 'ADMIN') where 'ADMIN' = any(roles)").update();
    }

    @Override
    public void close() {
        jdbc.sql("update account set roles = array_remove(roles, 'ADMIN') where 'ADMIN' = any(roles)").update();
        jdbc.sql("update account set roles = array_append(roles, 'ADMIN') where id = any(?)")
            .param(admins.toArray(Long[]::new))
            .update();
    }

}
