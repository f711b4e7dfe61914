package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.PublishingService;
import org.openplaza.platform.RunAs;
import org.openplaza.portal.testdata.Drafts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An official gives a draft dataset an address to refresh from (a JSON service of the city, on
 * this machine) in the browser, fetches it now, and sees the first version come of it without
 * reloading; the workspace passes axe with the source set.
 */
class SourceIT extends BrowserTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    RunAs runAs;

    @Autowired
    org.openplaza.catalog.ScheduledSources sources;

    @Test
    void an_official_sets_a_json_address_and_fetches_it_now() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bikes.json", exchange -> {
            byte[] bytes =
                    "{\"data\": [{\"station\": \"Mapo\", \"bikes\": 12}, {\"station\": \"Jongno\", \"bikes\": 4}]}"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            long[] dataset = new long[1];
            runAs.run(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                            "official",
                            "n/a",
                            org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                                    "ROLE_OFFICIAL")),
                    () -> dataset[0] =
                            Drafts.ofTheWeatherService(publishing, "Bikes at stations " + System.nanoTime()));

            signIn("official", "plaza-official-demo");
            open("/publish/dataset/" + dataset[0]);
            assertThat(find("#source-status").getText()).isEqualTo("This dataset is not refreshed from an address.");
            type("#source-url", "http://localhost:" + server.getAddress().getPort() + "/bikes.json");
            choose("#source-every", "every hour");
            click("#source-save");
            waiting().until(d -> displayed("#source-fetch"));
            click("#source-fetch");
            waiting()
                    .withMessage("the fetch's outcome, pushed to the page")
                    .until(d -> find("#source-status").getText().startsWith("Last successful refresh: ")
                            && !find("#source-status").getText().contains("never"));
            assertThat(displayed("#source-failure")).isFalse();
            String status = find("#source-status").getText();
            assertThat(status.substring(status.indexOf("Next: ")))
                    .as("due again an hour after the fetch, not at once")
                    .doesNotContain(
                            status.substring("Last successful refresh: ".length(), status.indexOf(". Last attempt")));
            assertAccessible("the workspace with a source");
            runAs.run(admin(), () -> assertThat(publishing.versions(dataset[0])).hasSize(1));
        } finally {
            server.stop(0);
        }
    }
}
