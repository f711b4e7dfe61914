package org.openplaza.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session once its sign-in is older than the absolute limit (12 hours by
 * default, OWASP ASVS 3.3.2), however busy it has been: the request goes on as anonymous, so the
 * user signs in again. Idle sessions end after {@code server.servlet.session.timeout}.
 */
final class AbsoluteSessionTimeout extends OncePerRequestFilter {

    /** When the session's user signed in with their password. */
    static final String SIGNED_IN_AT = "openplaza.signed-in-at";

    private final Clock clock;
    private final Duration limit;

    AbsoluteSessionTimeout(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(SIGNED_IN_AT) instanceof Instant at
                && Duration.between(at, clock.instant()).compareTo(limit) >= 0) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
