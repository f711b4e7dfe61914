package org.openplaza.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site (login CSRF: a page elsewhere signing the visitor's
 * browser in as the attacker). Vaadin's login form cannot carry a CSRF token, so the sign-in is
 * checked by what browsers add to every cross-site form post: {@code Sec-Fetch-Site} must say
 * {@code same-origin} (or {@code none}, typed by the user), and {@code Origin}, when sent, must name
 * the host the request was sent to. A client that sends neither (a script, not a browser) is let
 * through: no page elsewhere can make a browser do that.
 */
final class LoginOriginFilter extends OncePerRequestFilter {

    private final String loginPath;

    LoginOriginFilter(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + loginPath).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("A sign-in must be sent from this portal's own sign-in page.\n");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return authority.toLowerCase(Locale.ROOT).equals(withoutDefaultPort(host, uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The Host header in lower case, without the default port of the origin's scheme. */
    private static String withoutDefaultPort(String host, String scheme) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        if ("http".equals(scheme) && lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        if ("https".equals(scheme) && lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        return lower;
    }
}
