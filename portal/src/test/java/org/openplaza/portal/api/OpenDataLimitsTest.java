package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The open endpoints' rate limit per client address, and CORS for reads. */
class OpenDataLimitsTest {

    final OpenDataLimits limits = new OpenDataLimits(
            new OpenDataLimits.Properties(3), org.openplaza.platform.RateLimits.inMemory(java.time.Clock.systemUTC()));
    final AtomicInteger served = new AtomicInteger();

    private MockHttpServletResponse call(String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, (req, res) -> served.incrementAndGet());
        return response;
    }

    @Test
    void beyond_the_limit_an_address_gets_429_with_retry_after() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse ok = call("/api/3/action/package_list", "203.0.113.7");
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        }
        MockHttpServletResponse refused = call("/api/3/action/package_list", "203.0.113.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getContentAsString()).contains("\"success\":false").contains("Rate Limit Error");
        assertThat(served).hasValue(3);

        assertThat(call("/download/dataset/1/data.csv", "198.51.100.1").getStatus())
                .as("another address has its own allowance")
                .isEqualTo(200);
        assertThat(call("/catalog.ttl", "203.0.113.7").getStatus())
                .as("the DCAT documents count too")
                .isEqualTo(429);
    }

    @Test
    void an_encoded_or_padded_path_counts_like_the_path_it_routes_to() throws Exception {
        String address = "192.0.2.44";
        for (String path : new String[] {
            "/%61pi/3/action/package_list",
            "/%64ownload/dataset/1/data.csv",
            "/api;jsessionid=x/3/action/package_list",
            "//api/3/action/package_list",
            "/catalog/../api/3/action/package_list",
            "/catalog%2Ettl"
        }) {
            call(path, address);
        }
        assertThat(served).as("only the first three pass").hasValue(3);
        assertThat(call("/%41PI-not-the-api", address).getStatus())
                .as("a page is still a page")
                .isEqualTo(200);
    }

    @Test
    void pages_of_the_portal_are_not_limited_here() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("/catalog", "203.0.113.9").getStatus()).isEqualTo(200);
            assertThat(call("/dataset/rainfall-1", "203.0.113.9").getStatus()).isEqualTo(200);
        }
        assertThat(OpenDataLimits.applies("/dataset/rainfall-1.ttl")).isTrue();
        assertThat(OpenDataLimits.applies("/catalog.jsonld")).isTrue();
    }
}
