package org.openplaza.platform;

import java.time.Clock;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares: the clock (so tests can pin time), the cluster's locks and how jOOQ renders SQL. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The locks of the cluster, in {@code accounts.job_lock}: ShedLock's statements in transactions
     * of their own, timed by the database's clock so that nodes whose clocks differ agree.
     */
    @Bean
    net.javacrumbs.shedlock.core.LockProvider lockProvider(
            javax.sql.DataSource dataSource, org.springframework.transaction.PlatformTransactionManager transactions) {
        return new net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider(
                net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                        .withTransactionManager(transactions)
                        .withTableName("accounts.job_lock")
                        .usingDbTime()
                        .build());
    }

    /**
     * Rate limits and throttles: in the database on PostgreSQL, shared by the nodes of a cluster
     * and reached through a small pool of their own (a bucket is never taken on a connection that
     * a transaction of the caller holds, so callers cannot exhaust the main pool waiting for it);
     * in memory on H2.
     */
    @Bean
    RateLimits rateLimits(
            javax.sql.DataSource dataSource,
            org.springframework.boot.autoconfigure.jdbc.DataSourceProperties properties,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${openplaza.cluster.rate-limit-connections:4}")
                    int connections)
            throws java.sql.SQLException {
        String product;
        try (java.sql.Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        if (!"PostgreSQL".equals(product)) {
            return RateLimits.inMemory(clock);
        }
        com.zaxxer.hikari.HikariDataSource pool = properties
                .initializeDataSourceBuilder()
                .type(com.zaxxer.hikari.HikariDataSource.class)
                .build();
        pool.setPoolName("rate-limits");
        pool.setMaximumPoolSize(connections);
        pool.setMinimumIdle(1);
        return RateLimits.inPostgres(pool, pool, clock);
    }

    /**
     * Generated names are rendered unquoted, so the same code runs on H2 (which folds unquoted names
     * to upper case) and on PostgreSQL (which folds them to lower case). jOOQ's own statement
     * logging is off: at debug it would write every statement with its values, putting a ballot's
     * receipt and choices in the log beside the voter's participation; off, it also costs nothing.
     */
    @Bean
    DefaultConfigurationCustomizer portableNames() {
        return configuration -> configuration
                .settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
    }
}
