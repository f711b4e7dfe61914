package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code resource_create} with a {@code url}, as harvesters and publishing scripts send it: the
 * portal fetches the file from a city server, and nothing from its own network.
 */
@RunningPortal
class CkanLinkedResourceIT {

    static final byte[] CSV =
            "gauge,level_m\nMarina Barrage,1.1\nKranji,0.9\nPunggol,1.3\n".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    CkanClient ckan;
    HttpServer cityServer;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void a_city_server_with_a_file() throws Exception {
        ckan = new CkanClient(port);
        cityServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cityServer.createContext("/levels.csv", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=utf-8");
            exchange.sendResponseHeaders(200, CSV.length);
            exchange.getResponseBody().write(CSV);
            exchange.close();
        });
        cityServer.start();
    }

    @AfterEach
    void stop() {
        cityServer.stop(0);
    }

    private HttpResponse<String> link(String packageId, String url) throws Exception {
        return ckan.post("resource_create", DemoAccounts.OFFICIAL_TOKEN, """
                {"package_id": "%s", "url": "%s", "name": "Reservoir levels"}
                """.formatted(packageId, url));
    }

    @Test
    void a_resource_given_by_its_address_is_fetched_imported_and_keeps_the_address() throws Exception {
        String dataset = ckan.createPackage("Reservoir levels by link");
        String url = "http://localhost:" + cityServer.getAddress().getPort() + "/levels.csv";
        HttpResponse<String> created = link(dataset, url);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode resource = CkanClient.json(created).get("result");
        assertThat(resource.get("url").asText()).isEqualTo(url);
        assertThat(resource.get("name").asText()).isEqualTo("Reservoir levels");
        assertThat(resource.get("rows").asInt()).isEqualTo(3);
        assertThat(resource.get("datastore_active").asBoolean()).isTrue();
        String id = resource.get("id").asText();
        assertThat(ckan.post(
                                "package_patch",
                                DemoAccounts.OFFICIAL_TOKEN,
                                "{\"id\": \"" + dataset + "\", \"state\": \"active\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode search = CkanClient.json(ckan.get("datastore_search", "resource_id=" + id))
                .get("result");
        assertThat(search.get("records").findValuesAsText("gauge"))
                .containsExactly("Marina Barrage", "Kranji", "Punggol");
        assertThat(requests).hasValue(1);
        assertThat(ckan.post("package_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + dataset + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_address_inside_the_portals_network_is_refused_on_the_url_field() throws Exception {
        String dataset = ckan.createPackage("Reservoir levels, forged links");
        int cityPort = cityServer.getAddress().getPort();
        for (String url : new String[] {
            "http://127.0.0.1:" + cityPort + "/levels.csv",
            "http://[::1]:" + cityPort + "/levels.csv",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://127.0.0.1:" + port + "/api/3/action/status_show",
            "file:///etc/passwd"
        }) {
            HttpResponse<String> refused = link(dataset, url);
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(409);
            JsonNode error = CkanClient.json(refused).get("error");
            assertThat(error.has("url")).as(url + " " + refused.body()).isTrue();
        }
        assertThat(requests).as("the city server was never asked").hasValue(0);
        assertThat(ckan.post("resource_create", DemoAccounts.OFFICIAL_TOKEN, "{\"package_id\": \"" + dataset + "\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(ckan.post("resource_create", null, """
                        {"package_id": "%s", "url": "http://localhost:%d/levels.csv"}
                        """.formatted(dataset, cityPort))
                        .statusCode())
                .as("without a token")
                .isEqualTo(403);
        assertThat(requests).hasValue(0);
        assertThat(ckan.post("package_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + dataset + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }
}
