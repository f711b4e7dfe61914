package org.openplaza.platform;

import java.time.Clock;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares: the clock (so tests can pin time) and how jOOQ renders SQL. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
