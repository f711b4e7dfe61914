package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A session id travels in a cookie only, never in an address that could be logged or shared. */
@RunningPortal
class SessionTrackingIT {

    @LocalServerPort
    int port;

    @Test
    void no_address_the_portal_gives_out_carries_a_session_id() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (String path : new String[] {"/VAADIN", "/VAADIN/", "/", "/catalog", "/login"}) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as("redirect from %s", path)
                    .doesNotContainIgnoringCase("jsessionid");
            assertThat(response.body()).as("page %s", path).doesNotContainIgnoringCase(";jsessionid=");
        }
    }
}
