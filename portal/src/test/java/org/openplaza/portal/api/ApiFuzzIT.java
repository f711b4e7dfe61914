package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fuzz pass over the open API: every read action gets random parameters (known names with
 * values of every wrong kind, unknown names, control characters, Hangul, huge numbers, deep
 * JSON) by query and as a JSON body. Each answer is JSON with a status below 500, never a
 * redirect and never a session. (Sent as from an address of its own, so that its requests do
 * not spend the rate limit of the other tests.)
 */
@RunningPortal
class ApiFuzzIT {

    static final List<String> ACTIONS = List.of(CkanReadApi.ACTIONS.split("\\|"));

    static final List<String> NAMES = List.of(
            "id",
            "q",
            "fq",
            "rows",
            "start",
            "sort",
            "limit",
            "offset",
            "filters",
            "fields",
            "resource_id",
            "facet.field",
            "facet.limit",
            "all_fields",
            "include_datasets",
            "include_total",
            "distinct",
            "plain",
            "language",
            "records_format",
            "no_such_parameter");

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Random random = new Random(20261201);

    private Object value(int depth) {
        return switch (random.nextInt(depth > 3 ? 9 : 12)) {
            case 0 -> "";
            case 1 -> random.nextLong();
            case 2 -> "9".repeat(1 + random.nextInt(60));
            case 3 -> -1 - random.nextInt(1000);
            case 4 -> "\u0000\u0007\u001b[31m\r\n";
            case 5 -> "서울 강남구 \"따옴표\" ' OR 1=1 --";
            case 6 -> "rowid desc, \"x\"\" asc";
            case 7 -> random.nextBoolean();
            case 8 -> random.nextDouble() * 1e300;
            case 9 -> java.util.Arrays.asList(value(depth + 1), value(depth + 1));
            case 10 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("province", value(depth + 1));
                object.put("no_such_column", value(depth + 1));
                yield object;
            }
            default -> null;
        };
    }

    private void check(HttpResponse<String> response, String what) {
        assertThat(response.statusCode())
                .as("%s: %.200s", what, response.body())
                .isLessThan(500);
        assertThat(response.statusCode() / 100).as("%s: no redirect", what).isNotEqualTo(3);
        assertThat(response.headers().allValues("Set-Cookie")).as(what).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("application/json");
    }

    @Test
    void random_parameters_to_every_action_never_fail_the_portal() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String resource = json.readTree(client.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                + "/api/3/action/package_show?id=covid-19-cases-by-province-5"))
                                        .header("X-Forwarded-For", "198.51.100.77")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .path("result")
                .path("resources")
                .get(0)
                .path("id")
                .asText();
        int sent = 0;
        for (int round = 0; round < 25; round++) {
            for (String action : ACTIONS) {
                Map<String, Object> params = new LinkedHashMap<>();
                if (action.equals("datastore_search") && random.nextBoolean()) {
                    params.put("resource_id", resource);
                }
                for (int p = 0; p < 1 + random.nextInt(4); p++) {
                    params.put(NAMES.get(random.nextInt(NAMES.size())), value(0));
                }
                List<String> query = new ArrayList<>();
                params.forEach((name, v) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
                HttpResponse<String> byQuery = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/3/action/" + action + "?"
                                        + String.join("&", query)))
                                .header("X-Forwarded-For", "198.51.100.77")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                check(byQuery, "GET " + action + " " + params);
                HttpResponse<String> byBody = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/action/" + action))
                                .header("X-Forwarded-For", "198.51.100.77")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(params)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                check(byBody, "POST " + action + " " + params);
                sent += 2;
            }
        }
        assertThat(sent).isEqualTo(25 * ACTIONS.size() * 2);
    }
}
