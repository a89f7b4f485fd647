package id.kriyanusa.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, and which of them run once per fleet: housekeeping of shared data
 * (expired uploads, unreferenced media, forgiven throttle buckets, failed listeners such
 * as search indexing and mail) is annotated {@code @SchedulerLock} and runs on one
 * instance at a time, locked in PostgreSQL (ShedLock, table {@code shedlock}) for at
 * least its interval, so that N instances run it once per interval, not N times. Each
 * lock is also released after one interval at most, should its instance die mid-run. Jobs
 * about an instance's own memory (caches, its buffer of search analytics) run on every
 * instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ScheduledJobsConfiguration {

    @Bean
    LockProvider scheduledJobLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            // the database's clock, not each instance's, decides when a lock has expired
            .usingDbTime()
            .build());
    }

}
