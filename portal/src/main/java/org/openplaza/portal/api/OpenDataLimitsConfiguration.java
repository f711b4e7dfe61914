package org.openplaza.portal.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the open data limits in front of everything else, Spring Security included. */
@Configuration
@EnableConfigurationProperties(OpenDataLimits.Properties.class)
class OpenDataLimitsConfiguration {

    @Bean
    FilterRegistrationBean<OpenDataLimits> openDataLimits(
            OpenDataLimits.Properties properties, org.openplaza.platform.RateLimits buckets) {
        FilterRegistrationBean<OpenDataLimits> registration =
                new FilterRegistrationBean<>(new OpenDataLimits(properties, buckets));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
