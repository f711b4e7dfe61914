package org.openplaza.portal.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.openplaza.platform.RateLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits and CORS for the open data endpoints (the Action API, downloads and the DCAT
 * catalogue). Each client address has a token bucket of {@code openplaza.api.requests-per-minute}
 * requests, refilled steadily; beyond it the answer is 429 with {@code Retry-After} in seconds and
 * CKAN's error envelope. Reads (GET) may come from any origin. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} so that the client's own address is used. The
 * buckets are {@link RateLimits}: on a cluster on PostgreSQL, one budget for all nodes.
 */
class OpenDataLimits extends OncePerRequestFilter {

    @ConfigurationProperties("openplaza.api")
    record Properties(@DefaultValue("600") int requestsPerMinute) {}

    private final Bandwidth limit;
    private final RateLimits buckets;

    OpenDataLimits(Properties properties, RateLimits buckets) {
        this.buckets = buckets;
        int perMinute = Math.max(1, properties.requestsPerMinute());
        this.limit = Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build();
    }

    /** The open data paths: the Action API, downloads and the DCAT documents. */
    static boolean applies(String path) {
        return path.startsWith("/api/")
                || path.startsWith("/download/")
                || path.matches("/catalog\\.(ttl|jsonld|rdf)")
                || path.matches("/dataset/[^/]+\\.(ttl|jsonld|rdf)");
    }

    private static final org.springframework.web.util.UrlPathHelper PATHS =
            new org.springframework.web.util.UrlPathHelper();

    static {
        PATHS.setUrlDecode(true);
        PATHS.setRemoveSemicolonContent(true);
    }

    /**
     * The path as the application routes it: percent-decoded, without ";" parameters, with "."
     * and ".." segments resolved and repeated slashes collapsed, so that {@code /%61pi/...},
     * {@code /api;x/...} or {@code //api/...} count like {@code /api/...}.
     */
    static String routedPath(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request).replaceAll("/{2,}", "/");
        return org.springframework.util.StringUtils.cleanPath(path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applies(routedPath(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        Bucket bucket = buckets.bucket("api:" + request.getRemoteAddr(), limit);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter()
                    .write("{\"help\":\"\",\"success\":false,\"error\":{\"__type\":\"Rate Limit Error\","
                            + "\"message\":\"Too many requests from this address: try again in " + seconds
                            + " seconds\"}}");
            return;
        }
        chain.doFilter(request, response);
    }
}
