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
