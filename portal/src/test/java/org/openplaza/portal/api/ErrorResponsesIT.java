package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors of the API and the downloads answer as the caller expects: a CKAN-shaped JSON error (or
 * plain text for a download) with the status that fits, never a redirect to the sign-in page, the
 * HTML of the app, or a session cookie.
 */
@RunningPortal
class ErrorResponsesIT {

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** The response is a CKAN error with this status, and sets no session. */
    private JsonNode ckanError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode())
                .as("%s %s: %.300s", response.request().method(), response.uri().getPath(), response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().allValues("Set-Cookie")).as("no session").isEmpty();
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.path("success").asBoolean(true)).isFalse();
        assertThat(json.path("error").path("__type").asText()).isNotBlank();
        return json;
    }

    @Test
    void an_unknown_action_or_version_is_a_bad_request_not_the_app() throws Exception {
        ckanError(send(at("/api/3/action/no_such_action")), 400);
        ckanError(send(at("/api/3/action/package_list/extra")), 400);
        ckanError(send(at("/api/9/action/package_list")), 400);
        ckanError(send(at("/api/action/no_such_action")), 400);
        ckanError(send(at("/api/anything")), 404);
    }

    @Test
    void a_nul_character_in_a_parameter_is_a_bad_request_on_every_database() throws Exception {
        ckanError(send(at("/api/3/action/package_show?id=rain%00fall")), 409);
        ckanError(send(at("/api/3/action/package_search?q=rain%00")), 409);
        ckanError(send(at("/api/visualisations?q=rain%00")), 400);
        ckanError(send(at("/api/visualisations?dataset=rain%00fall&limit=many")), 400);
    }

    @Test
    void a_method_the_action_does_not_take_is_refused() throws Exception {
        ckanError(send(at("/api/3/action/package_list").DELETE()), 405);
        ckanError(send(at("/api/3/action/package_create").GET()), 405);
    }

    @Test
    void a_body_that_is_not_json_is_refused() throws Exception {
        ckanError(
                send(at("/api/3/action/package_create")
                        .header("Authorization", DemoAccounts.OFFICIAL_TOKEN)
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<package><title>x</title></package>"))),
                415);
        ckanError(
                send(at("/api/3/action/package_show")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": "))),
                400);
    }

    @Test
    void a_search_of_too_many_terms_is_a_validation_error() throws Exception {
        String q = URLEncoder.encode("rain ".repeat(1100).strip(), StandardCharsets.UTF_8);
        assertThat(ckanError(send(at("/api/3/action/package_search?q=" + q)), 409)
                        .path("error")
                        .path("q")
                        .get(0)
                        .asText())
                .startsWith("Search Query is too long");
        // as a JSON body, where a query may be longer than any address: searched, or refused, never failed
        for (String words : List.of(
                String.join(",", IntStream.range(0, 1100).mapToObj(i -> "w" + i).toList()),
                String.join(
                        " | ", IntStream.range(0, 1100).mapToObj(i -> "w" + i).toList()),
                "\""
                        + String.join(
                                " ",
                                IntStream.range(0, 60)
                                        .mapToObj(i -> "w" + i + "-x" + i + "-y" + i)
                                        .toList()) + "\"")) {
            HttpResponse<String> response = send(at("/api/3/action/package_search")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            new ObjectMapper().writeValueAsString(Map.of("q", words)))));
            if (response.statusCode() != 200) {
                ckanError(response, 409);
            }
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    @Test
    void odd_datastore_searches_are_answered_or_refused_never_failed() throws Exception {
        JsonNode rainfall = new ObjectMapper()
                .readTree(send(at("/api/3/action/package_show?id=rainfall-monthly-total-1"))
                        .body());
        String resource =
                rainfall.path("result").path("resources").get(0).path("id").asText();
        List<Map<String, Object>> odd = List.of(
                Map.of("sort", "no_such_column desc"),
                Map.of("sort", "month\" desc; DROP TABLE x; --"),
                Map.of("sort", "rowid"),
                Map.of("fields", "month,no_such_column"),
                Map.of("fields", List.of(Map.of("a", 1))),
                Map.of("filters", Map.of("month", List.of(1, 2, Map.of()))),
                Map.of("filters", Map.of("no_such_column", "x")),
                Map.of("filters", "not an object"),
                Map.of("q", "\"unclosed ' quote \\"),
                Map.of("q", Map.of("month", "1982")),
                Map.of("limit", -1),
                Map.of("limit", "many"),
                Map.of("offset", Long.MAX_VALUE),
                Map.of("distinct", "perhaps"),
                Map.of("include_total", List.of()));
        for (Map<String, Object> params : odd) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(params);
            body.put("resource_id", resource);
            HttpResponse<String> response = send(at("/api/3/action/datastore_search")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body))));
            assertThat(response.statusCode())
                    .as("%s: %.300s", params, response.body())
                    .isIn(200, 409);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    @Test
    void a_download_that_fails_says_so_in_plain_text() throws Exception {
        for (String path : new String[] {
            "/download/dataset/987654321/data.csv",
            "/download/version/987654321",
            "/download/visualisation/987654321.csv"
        }) {
            HttpResponse<String> response = send(at(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.body()).as(path).doesNotContain("<html").doesNotContain("<!doctype");
        }
        HttpResponse<String> notANumber = send(at("/download/version/abc"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.headers().firstValue("Location")).isEmpty();
    }
}
