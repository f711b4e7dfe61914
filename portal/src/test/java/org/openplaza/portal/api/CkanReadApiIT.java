package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.testdata.RealDatasets;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The open read API over HTTP against the demo catalogue, checked against the shapes CKAN's API
 * documentation gives for the same calls: the envelope, field names, status codes and errors.
 */
@RunningPortal
class CkanReadApiIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    CkanClient ckan;

    @BeforeEach
    void client() {
        ckan = new CkanClient(port);
    }

    private HttpResponse<String> get(String action, String... params) throws Exception {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i == 0 ? "?" : "&")
                    .append(params[i])
                    .append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(ckan.action(action) + query.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = CkanClient.json(response);
        assertThat(json.get("success").asBoolean()).isTrue();
        assertThat(json.get("help").asText()).contains("help_show");
        return json.get("result");
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode json = CkanClient.json(response);
        assertThat(json.get("success").asBoolean()).isFalse();
        return json.get("error");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void status_packages_organisations_tags_and_licences() throws Exception {
        HttpResponse<String> status = get("status_show");
        assertThat(status.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(result(status).get("ckan_version").asText()).startsWith("2.");

        List<String> names = texts(result(get("package_list")));
        assertThat(names).contains("rainfall-monthly-total-1", "covid-19-cases-by-province-5");
        assertThat(result(ckan.post("package_list", null, "{\"limit\": 2}"))).hasSize(2);

        JsonNode organisations = result(get("organization_list", "all_fields", "true"));
        JsonNode lambeth = null;
        for (JsonNode o : organisations) {
            if (o.get("name").asText().equals("london-borough-of-lambeth")) {
                lambeth = o;
            }
        }
        assertThat(lambeth).isNotNull();
        assertThat(lambeth.get("title").asText()).isEqualTo("London Borough of Lambeth");
        assertThat(lambeth.get("package_count").asInt()).isEqualTo(2);
        JsonNode shown =
                result(get("organization_show", "id", "london-borough-of-lambeth", "include_datasets", "true"));
        assertThat(shown.get("packages")).hasSize(2);
        assertThat(error(get("organization_show", "id", "nobody"), 404)
                        .get("__type")
                        .asText())
                .isEqualTo("Not Found Error");

        assertThat(texts(result(get("tag_list")))).contains("rainfall", "public health");
        JsonNode tag = result(get("tag_show", "id", "rainfall", "include_datasets", "true"));
        assertThat(tag.get("name").asText()).isEqualTo("rainfall");
        assertThat(tag.get("packages").findValuesAsText("name")).contains("rainfall-monthly-total-1");
        assertThat(error(get("tag_show", "id", "no such keyword"), 404)
                        .get("__type")
                        .asText())
                .isEqualTo("Not Found Error");
        HttpResponse<String> openapi = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.yaml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).startsWith("openapi: 3.1.0").contains("/download/dataset/{id}/data.{format}");
        JsonNode licences = result(get("license_list"));
        assertThat(licences.findValuesAsText("id")).contains("CC-BY-4.0", "KOGL-Type-1", "OGL-UK-3.0");
        assertThat(licences.get(0).has("title")).isTrue();
        assertThat(licences.get(0).has("url")).isTrue();
    }

    @Test
    void package_show_answers_get_and_post_with_ckan_fields() throws Exception {
        JsonNode byName = result(get("package_show", "id", "rainfall-monthly-total-1"));
        JsonNode byPost = result(
                ckan.post("package_show", null, "{\"id\": \"" + byName.get("id").asText() + "\"}"));
        assertThat(byPost).isEqualTo(byName);
        assertThat(byName.get("title").asText()).isEqualTo("Rainfall: monthly total");
        assertThat(byName.get("state").asText()).isEqualTo("active");
        assertThat(byName.get("license_id").asText()).isEqualTo("SG-ODL-1.0");
        assertThat(byName.get("license_url").asText()).startsWith("https://");
        assertThat(byName.get("organization").get("name").asText()).isEqualTo("meteorological-service-singapore");
        assertThat(byName.get("num_resources").asInt()).isEqualTo(1);
        JsonNode resource = byName.get("resources").get(0);
        assertThat(resource.get("format").asText()).isEqualTo("CSV");
        assertThat(resource.get("mimetype").asText()).isEqualTo("text/csv");
        assertThat(resource.get("datastore_active").asBoolean()).isTrue();
        assertThat(resource.get("hash").asText()).startsWith("sha256:");
        assertThat(resource.get("size").asLong())
                .isEqualTo(Files.size(RealDatasets.file("sg_rainfall_monthly_total_1982_2025.csv")));
        assertThat(byName.get("extras").findValuesAsText("key")).contains("theme", "frequency", "temporal_start");

        assertThat(error(get("package_show", "id", "no-such-dataset"), 404)
                        .get("__type")
                        .asText())
                .isEqualTo("Not Found Error");
        JsonNode missing = error(get("package_show"), 409);
        assertThat(missing.get("__type").asText()).isEqualTo("Validation Error");
        assertThat(texts(missing.get("id"))).containsExactly("Missing value");

        String draft = ckan.createPackage("Not yet public through the API");
        assertThat(error(get("package_show", "id", draft), 404).get("__type").asText())
                .as("a draft is not in the open API")
                .isEqualTo("Not Found Error");
        HttpResponse<String> ownDraft =
                ckan.post("package_show", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + draft + "\"}");
        assertThat(ownDraft.statusCode())
                .as("its publisher sees it with a token, as CKAN shows a private dataset to its editors")
                .isEqualTo(200);
        assertThat(CkanClient.json(ownDraft).get("result").get("state").asText())
                .isEqualTo("draft");
        error(ckan.post("package_show", "opz_not-a-token", "{\"id\": \"" + draft + "\"}"), 403);
    }

    @Test
    void package_search_with_query_filters_facets_sort_and_paging() throws Exception {
        JsonNode rainfall = result(get("package_search", "q", "rainfall"));
        assertThat(rainfall.get("count").asInt()).isEqualTo(1);
        assertThat(rainfall.get("results").get(0).get("name").asText()).isEqualTo("rainfall-monthly-total-1");

        JsonNode lambeth = result(get(
                "package_search",
                "fq",
                "organization:london-borough-of-lambeth",
                "facet.field",
                "[\"organization\",\"res_format\"]",
                "sort",
                "metadata_modified desc"));
        assertThat(lambeth.get("count").asInt()).isEqualTo(2);
        assertThat(lambeth.get("facets")
                        .get("organization")
                        .get("london-borough-of-lambeth")
                        .asInt())
                .isEqualTo(2);
        assertThat(lambeth.get("facets").get("res_format").get("CSV").asInt()).isEqualTo(2);
        assertThat(lambeth.get("search_facets")
                        .get("organization")
                        .get("items")
                        .get(0)
                        .get("display_name")
                        .asText())
                .isEqualTo("London Borough of Lambeth");

        JsonNode page = result(ckan.post(
                "package_search",
                null,
                "{\"fq\": \"organization:london-borough-of-lambeth\", \"rows\": 1, \"start\": 1}"));
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("results")).hasSize(1);
        assertThat(page.get("results").get(0).get("name").asText())
                .isEqualTo(lambeth.get("results").get(1).get("name").asText());

        assertThat(texts(error(get("package_search", "rows", "many"), 409).get("rows")))
                .containsExactly("Invalid integer");
        assertThat(error(get("package_search", "sort", "num_resources desc"), 409)
                        .has("sort"))
                .isTrue();
        assertThat(error(get("package_search", "fq", "secret:yes"), 409).has("fq"))
                .isTrue();
        assertThat(result(get("package_search", "rows", "5000")).get("results").size())
                .isLessThanOrEqualTo(1000);
        HttpResponse<String> overflow = get("package_search", "start", "2147483647");
        assertThat(texts(error(overflow, 409).get("start")))
                .as("a start beyond any page is refused in words, not with the search index's message")
                .containsExactly("Must be at most 100000");
        assertThat(overflow.body()).doesNotContainIgnoringCase("lucene").doesNotContain("numHits");
        assertThat(result(get("package_search", "start", "100000")).get("results"))
                .isEmpty();
    }

    @Test
    void datastore_search_filters_sorts_projects_and_counts() throws Exception {
        JsonNode dataset = result(get("package_show", "id", "covid-19-cases-by-province-5"));
        String resource = dataset.get("resources").get(0).get("id").asText();
        List<String[]> lines = Files.readAllLines(RealDatasets.file("kr_ds4c_covid19_time_province.csv")).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .toList();
        long seoul = lines.stream().filter(f -> f[2].equals("Seoul")).count();
        long seoulMax = lines.stream()
                .filter(f -> f[2].equals("Seoul"))
                .mapToLong(f -> Long.parseLong(f[3]))
                .max()
                .orElseThrow();

        JsonNode found = result(get(
                "datastore_search",
                "resource_id",
                resource,
                "filters",
                "{\"province\": \"Seoul\"}",
                "sort",
                "confirmed desc",
                "limit",
                "5",
                "fields",
                "date,confirmed"));
        assertThat(found.get("total").asLong()).isEqualTo(seoul);
        assertThat(found.get("records")).hasSize(5);
        assertThat(found.get("records").get(0).get("confirmed").asLong()).isEqualTo(seoulMax);
        assertThat(found.get("fields").findValuesAsText("id")).containsExactly("date", "confirmed");
        assertThat(found.get("fields").get(1).get("type").asText()).isEqualTo("int8");
        assertThat(found.get("records").get(0).fieldNames()).toIterable().containsExactly("date", "confirmed");

        JsonNode posted = result(ckan.post(
                "datastore_search",
                null,
                "{\"resource_id\": \"" + resource + "\", \"filters\": {\"province\": [\"Seoul\", \"Busan\"]},"
                        + " \"include_total\": true, \"limit\": 0}"));
        long busan = lines.stream().filter(f -> f[2].equals("Busan")).count();
        assertThat(posted.get("total").asLong()).isEqualTo(seoul + busan);
        assertThat(posted.get("records")).isEmpty();

        JsonNode searched = result(get("datastore_search", "resource_id", resource, "q", "Busan", "limit", "1"));
        assertThat(searched.get("total").asLong()).isEqualTo(busan);

        JsonNode unknown = error(get("datastore_search", "resource_id", resource, "filters", "{\"x\": 1}"), 409);
        assertThat(unknown.get("__type").asText()).isEqualTo("Validation Error");
        error(get("datastore_search", "resource_id", resource, "filters", "{\"confirmed\": \"many\"}"), 409);
        error(get("datastore_search", "resource_id", "999999"), 404);
        error(get("datastore_search"), 409);
    }
}
