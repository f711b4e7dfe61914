package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The portal's public address never comes from the request's Host header. */
class PublicAddressTest {

    private static MockHttpServletRequest forged() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/catalog.ttl");
        request.setServerName("evil.example");
        request.addHeader("Host", "evil.example");
        request.addHeader("X-Forwarded-Host", "evil.example");
        request.setLocalPort(8080);
        return request;
    }

    @Test
    void the_configured_address_is_used_whatever_the_host_header_says() {
        assertThat(new PublicAddress("https://data.seoul.example/").base(forged()))
                .isEqualTo("https://data.seoul.example");
    }

    @Test
    void without_one_the_portal_on_this_machine_is_used() {
        assertThat(new PublicAddress("").base(forged())).isEqualTo("http://localhost:8080");
    }

    @Test
    void a_configured_address_that_is_not_http_stops_the_start() {
        assertThatThrownBy(() -> new PublicAddress("javascript:alert(1)")).isInstanceOf(IllegalStateException.class);
    }
}
