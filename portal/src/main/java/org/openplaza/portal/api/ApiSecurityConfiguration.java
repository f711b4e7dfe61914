package org.openplaza.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openplaza.accounts.ApiTokenService;
import org.openplaza.accounts.Role;
import org.openplaza.portal.config.RunAs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API under {@code /api/}: stateless, no session and no CSRF (no cookies are read), signed in
 * by a personal token in the {@code Authorization} header as CKAN's API is. A token that is
 * presented but invalid is refused at once; without a token the caller is anonymous and the
 * service methods decide.
 */
@Configuration
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, RunAs runAs) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new TokenFilter(tokens, runAs), BasicAuthenticationFilter.class);
        return http.build();
    }

    static final class TokenFilter extends OncePerRequestFilter {
        private final ApiTokenService tokens;
        private final RunAs runAs;

        TokenFilter(ApiTokenService tokens, RunAs runAs) {
            this.tokens = tokens;
            this.runAs = runAs;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || header.isBlank()) {
                chain.doFilter(request, response);
                return;
            }
            String secret = header.startsWith("Bearer ") ? header.substring(7).strip() : header.strip();
            var bearer = tokens.authenticate(secret);
            if (bearer.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter()
                        .write("{\"help\":\"\",\"success\":false,\"error\":{\"__type\":\"Authorization Error\","
                                + "\"message\":\"Access denied: the API token is not valid\"}}");
                return;
            }
            var authorities = AuthorityUtils.createAuthorityList(
                    bearer.get().roles().stream().map(Role::authority).toArray(String[]::new));
            try {
                runAs.run(
                        UsernamePasswordAuthenticationToken.authenticated(
                                bearer.get().username(), null, authorities),
                        () -> chain.doFilter(request, response));
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        }
    }
}
