package org.openplaza.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openplaza.accounts.ApiTokenService;
import org.openplaza.accounts.Role;
import org.openplaza.platform.RunAs;
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
 * by a personal token in the {@code Authorization} header as CKAN's API is (or CKAN's older
 * {@code X-CKAN-API-Key}). A token that is
 * presented but invalid is refused at once; without a token the caller is anonymous and the
 * service methods decide. An anonymous request is refused before its body is read when it goes to
 * a write action (403) or announces a body over {@value #ANONYMOUS_BODY_LIMIT} bytes (413), and a
 * body sent without a length is cut off there: nobody without a token makes the portal read or
 * spool a large upload.
 */
@Configuration
class ApiSecurityConfiguration {

    /** The largest body read from a caller without a token (a JSON search is far smaller). */
    static final int ANONYMOUS_BODY_LIMIT = 1024 * 1024;

    private static final java.util.regex.Pattern WRITE_ACTIONS = java.util.regex.Pattern.compile(
            "/api/(?:3/)?action/(?:" + String.join("|", CkanHelp.WRITE_ACTIONS) + ")/?");

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
                // CKAN's older header, which many clients still send
                header = request.getHeader("X-CKAN-API-Key");
            }
            if (header == null || header.isBlank()) {
                anonymous(request, response, chain);
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

        private static void anonymous(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean body = !java.util.Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
            if (body
                    && WRITE_ACTIONS.matcher(OpenDataLimits.routedPath(request)).matches()) {
                refuse(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "Authorization Error",
                        "Access denied: this action needs an API token in the Authorization header");
                return;
            }
            if (request.getContentLengthLong() > ANONYMOUS_BODY_LIMIT) {
                refuse(
                        response,
                        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        "Validation Error",
                        "The request body is larger than " + ANONYMOUS_BODY_LIMIT + " bytes");
                return;
            }
            chain.doFilter(new BoundedBody(request), response);
        }

        /** Answers without reading the body, and closes the connection rather than drain it. */
        private static void refuse(HttpServletResponse response, int status, String type, String message)
                throws IOException {
            response.setStatus(status);
            response.setHeader("Connection", "close");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter()
                    .write("{\"help\":\"\",\"success\":false,\"error\":{\"__type\":\"" + type + "\",\"message\":\""
                            + message + "\"}}");
        }
    }

    /** A request whose body ends, with an error, after {@link #ANONYMOUS_BODY_LIMIT} bytes. */
    static final class BoundedBody extends jakarta.servlet.http.HttpServletRequestWrapper {

        BoundedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            jakarta.servlet.ServletInputStream body = super.getInputStream();
            return new jakarta.servlet.ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > ANONYMOUS_BODY_LIMIT) {
                        throw new org.springframework.web.multipart.MaxUploadSizeExceededException(
                                ANONYMOUS_BODY_LIMIT);
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(),
                    getCharacterEncoding() == null
                            ? java.nio.charset.StandardCharsets.UTF_8.name()
                            : getCharacterEncoding()));
        }
    }
}
