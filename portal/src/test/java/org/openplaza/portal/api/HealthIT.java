package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The load balancer's health check answers 200 only while the node may take traffic: a node whose
 * web server is open but which is still starting (its start-up tasks, the demo data among them,
 * run after the server opens) or already stopping answers 503, and gets nothing.
 */
@RunningPortal
class HealthIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private HttpResponse<String> health() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_node_not_ready_for_traffic_answers_503_and_200_once_it_is() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(health().body()).contains("\"UP\"");
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            HttpResponse<String> starting = health();
            assertThat(starting.statusCode()).as(starting.body()).isEqualTo(503);
            assertThat(starting.body()).contains("OUT_OF_SERVICE");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(health().statusCode()).isEqualTo(200);
    }
}
