package org.openplaza.portal.embed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Embeds may be framed by any site ({@code frame-ancestors *}); every other page of the portal
 * refuses framing. An embed is a plain read-only page: no session, no scripts but the portal's own.
 */
@Configuration
class EmbedSecurityConfiguration {

    static final String POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;" + " frame-ancestors *";

    @Bean
    @Order(2)
    SecurityFilterChain embedFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/embed/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)));
        return http.build();
    }
}
