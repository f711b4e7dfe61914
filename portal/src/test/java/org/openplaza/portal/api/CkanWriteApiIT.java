package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.DatasetSummary;
import org.openplaza.portal.testdata.RealDatasets;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CKAN's write actions over HTTP against the running portal, signed in by the demo official's token. */
@RunningPortal
class CkanWriteApiIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CatalogService catalog;

    CkanClient ckan;

    @BeforeEach
    void client() {
        ckan = new CkanClient(port);
    }

    private HttpResponse<String> post(String action, String token, String json) throws Exception {
        return ckan.post(action, token, json);
    }

    private HttpResponse<String> upload(String packageId, String filename, byte[] content) throws Exception {
        return ckan.upload(packageId, filename, content);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return CkanClient.json(response);
    }

    @Test
    void a_city_system_creates_fills_publishes_and_withdraws_a_package() throws Exception {
        HttpResponse<String> created = post("package_create", DemoAccounts.OFFICIAL_TOKEN, """
                {"title": "Rainfall via the API", "notes": "Monthly rainfall, pushed by the weather office.",
                 "owner_org": "meteorological-service-singapore", "license_id": "SG-ODL-1.0",
                 "tags": [{"name": "rain"}, {"name": "weather"}]}
                """);
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode result = json(created).get("result");
        assertThat(json(created).get("success").asBoolean()).isTrue();
        assertThat(result.get("state").asText()).isEqualTo("draft");
        assertThat(result.get("tags").findValuesAsText("name")).containsExactly("rain", "weather");
        String id = result.get("id").asText();

        Path file = RealDatasets.file("sg_rainfall_monthly_total_1982_2025.csv");
        HttpResponse<String> resource = upload(id, "rainfall.csv", Files.readAllBytes(file));
        assertThat(resource.statusCode()).as(resource.body()).isEqualTo(200);
        JsonNode added = json(resource).get("result");
        assertThat(added.get("rows").asLong()).isEqualTo(527);
        assertThat(added.get("size").asLong()).isEqualTo(Files.size(file));
        assertThat(added.get("hash").asText()).startsWith("sha256:");

        assertThat(added.get("url").asText())
                .as("absolute, as CKAN gives its URLs")
                .startsWith("http://localhost:" + port + "/download/version/");
        URI download = URI.create(added.get("url").asText());
        assertThat(HTTP.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray())
                        .statusCode())
                .as("a draft's file is not public")
                .isEqualTo(404);

        HttpResponse<String> patched =
                post("package_patch", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + id + "\", \"state\": \"active\"}");
        HttpResponse<byte[]> original =
                HTTP.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(Files.readAllBytes(file));
        assertThat(json(patched).get("result").get("state").asText()).isEqualTo("active");
        assertThat(catalog.listPublishedDatasets(0, 50))
                .extracting(DatasetSummary::title)
                .contains("Rainfall via the API");

        HttpResponse<String> deleted = post("package_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + id + "\"}");
        assertThat(json(deleted).get("success").asBoolean()).isTrue();
        assertThat(catalog.listPublishedDatasets(0, 50))
                .extracting(DatasetSummary::title)
                .doesNotContain("Rainfall via the API");
    }

    /** Row counts from the datasets' README (records less header and preamble lines). */
    @ParameterizedTest
    @MethodSource("org.openplaza.portal.testdata.RealDatasets#withRows")
    void every_real_dataset_imports_through_the_api(String name, long rows) throws Exception {
        HttpResponse<String> created = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"title\": \"" + name + "\", \"notes\": \"Imported by the API test.\","
                        + " \"owner_org\": \"london-borough-of-lambeth\"}");
        String id = json(created).get("result").get("id").asText();
        Path file = RealDatasets.file(name);
        HttpResponse<String> resource = upload(id, name, Files.readAllBytes(file));
        assertThat(resource.statusCode()).as(resource.body()).isEqualTo(200);
        assertThat(json(resource).get("result").get("rows").asLong()).isEqualTo(rows);
    }

    private static String extra(JsonNode dict, String key) {
        for (JsonNode extra : dict.get("extras")) {
            if (extra.get("key").asText().equals(key)) {
                return extra.get("value").asText();
            }
        }
        return null;
    }

    @Test
    void an_update_replaces_the_metadata_with_dcat_fields_and_a_revise_changes_only_what_still_matches()
            throws Exception {
        String id = ckan.createPackage("Rainfall to be updated");
        HttpResponse<String> updated = post("package_update", DemoAccounts.OFFICIAL_TOKEN, """
                {"id": "%s", "title": "Rainfall, updated", "notes": "Replaced in full.",
                 "groups": [{"name": "envi"}], "frequency": "MONTHLY",
                 "extras": [{"key": "temporal_start", "value": "1982-01-01"}, {"key": "spatial_text", "value": "Singapore"}],
                 "temporal_end": "2025-11-30T00:00:00"}
                """.formatted(id));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode dict = json(updated).get("result");
        assertThat(dict.get("title").asText()).isEqualTo("Rainfall, updated");
        assertThat(dict.get("groups").findValuesAsText("name")).containsExactly("envi");
        assertThat(extra(dict, "frequency")).isEqualTo("MONTHLY");
        assertThat(extra(dict, "temporal_start")).isEqualTo("1982-01-01");
        assertThat(extra(dict, "temporal_end")).isEqualTo("2025-11-30");
        assertThat(extra(dict, "spatial_text")).isEqualTo("Singapore");

        HttpResponse<String> emptied = post("package_update", DemoAccounts.OFFICIAL_TOKEN, """
                {"id": "%s", "title": "Rainfall, updated again", "notes": "Only these."}
                """.formatted(id));
        JsonNode after = json(emptied).get("result");
        assertThat(after.get("groups")).as("left out, so emptied, as CKAN does").isEmpty();
        assertThat(extra(after, "frequency")).isIn(null, "UNKNOWN");
        assertThat(after.get("organization").get("name").asText()).isEqualTo("meteorological-service-singapore");

        HttpResponse<String> badDate = post("package_update", DemoAccounts.OFFICIAL_TOKEN, """
                {"id": "%s", "title": "x", "notes": "y", "temporal_start": "last spring"}
                """.formatted(id));
        assertThat(badDate.statusCode()).isEqualTo(409);
        assertThat(json(badDate).get("error").has("temporal_start")).isTrue();

        HttpResponse<String> stale = post("package_revise", DemoAccounts.OFFICIAL_TOKEN, """
                {"match": {"id": "%s", "title": "Rainfall, updated"}, "update": {"notes": "Must not land."}}
                """.formatted(id));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("error").get("match").get(0).asText()).contains("title");

        HttpResponse<String> revised = post("package_revise", DemoAccounts.OFFICIAL_TOKEN, """
                {"match": {"id": "%s", "title": "Rainfall, updated again"},
                 "update": {"notes": "Revised.", "tags": [{"name": "rain"}]}, "include": ["notes", "tags"]}
                """.formatted(id));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        JsonNode revisedPackage = json(revised).get("result").get("package");
        assertThat(revisedPackage.get("notes").asText()).isEqualTo("Revised.");
        assertThat(revisedPackage.has("title")).as("only what include names").isFalse();

        HttpResponse<String> stranger = post("package_update", null, """
                {"id": "%s", "title": "Taken over", "notes": "No."}
                """.formatted(id));
        assertThat(stranger.statusCode()).isEqualTo(403);
    }

    @Test
    void a_form_encoded_write_is_read_as_its_json_would_be() throws Exception {
        String form = "title=" + java.net.URLEncoder.encode("Rainfall by form", java.nio.charset.StandardCharsets.UTF_8)
                + "&notes=Posted+as+a+form.&owner_org=meteorological-service-singapore"
                + "&tags="
                + java.net.URLEncoder.encode("[{\"name\": \"rain\"}]", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> created = CkanClient.HTTP.send(
                java.net.http.HttpRequest.newBuilder(ckan.action("package_create"))
                        .header("Authorization", DemoAccounts.OFFICIAL_TOKEN)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(json(created).get("result").get("title").asText()).isEqualTo("Rainfall by form");
        assertThat(json(created).get("result").get("tags").findValuesAsText("name"))
                .containsExactly("rain");
    }

    @Test
    void a_resource_update_is_the_next_version_and_the_activity_tells_the_story() throws Exception {
        // words no other test searches for: this dataset is public for a moment
        String id = ckan.createPackage("Tide gauge readings with a history");
        byte[] tides =
                "gauge,level\nTanjong Pagar,1.2\nSembawang,1.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String first =
                json(upload(id, "tides-1.csv", tides)).get("result").get("id").asText();
        HttpResponse<String> second = ckan.multipart("resource_update", "id", first, "tides-2.csv", tides);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode resource = json(second).get("result");
        assertThat(resource.get("id").asText()).isNotEqualTo(first);
        assertThat(resource.get("position").asInt()).isEqualTo(1);
        assertThat(resource.get("rows").asLong()).isEqualTo(2);
        assertThat(ckan.multipart("resource_update", "id", "999999", "x.csv", tides)
                        .statusCode())
                .isEqualTo(404);

        assertThat(post("package_patch", DemoAccounts.OFFICIAL_TOKEN, """
                        {"id": "%s", "state": "active"}
                        """.formatted(id))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> listed = CkanClient.HTTP.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(ckan.action("package_activity_list") + "?id=" + id))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode activities = json(listed).get("result");
        assertThat(activities.findValuesAsText("event"))
                .as("newest first: published (by a patch, which also wrote the metadata), two versions, created")
                .containsExactly(
                        "DATASET_PUBLISHED",
                        "METADATA_CHANGED",
                        "VERSION_IMPORTED",
                        "VERSION_IMPORTED",
                        "DATASET_CREATED");
        assertThat(activities.findValuesAsText("activity_type"))
                .containsExactly(
                        "changed package", "changed package", "changed package", "changed package", "new package");
        assertThat(activities.get(0).get("user_id").asText()).isEqualTo("official");
        assertThat(activities.get(0).has("remote_address")).isFalse();

        String draft = ckan.createPackage("A draft with a hidden history");
        HttpResponse<String> hidden = CkanClient.HTTP.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(ckan.action("package_activity_list") + "?id=" + draft))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hidden.statusCode())
                .as("a draft's history is nobody's but its publishers'")
                .isEqualTo(404);
        assertThat(post("package_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + id + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> get(String action, String query) throws Exception {
        return ckan.get(action, query);
    }

    @Test
    void a_deleted_resource_is_gone_and_a_published_package_keeps_its_last_one() throws Exception {
        String id = ckan.createPackage("Ferry crossings with a mistaken upload");
        byte[] mistaken = "ferry,passengers,phone\nChangi Point,120,+65 5550 0001\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] corrected =
                "ferry,passengers\nChangi Point,120\nPulau Ubin,95\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String first = json(upload(id, "ferries.csv", corrected))
                .get("result")
                .get("id")
                .asText();
        String second = json(upload(id, "ferries-with-phones.csv", mistaken))
                .get("result")
                .get("id")
                .asText();
        assertThat(post(
                                "package_patch",
                                DemoAccounts.OFFICIAL_TOKEN,
                                "{\"id\": \"%s\", \"state\": \"active\"}".formatted(id))
                        .statusCode())
                .isEqualTo(200);

        assertThat(post("resource_delete", null, "{\"id\": \"" + second + "\"}").statusCode())
                .as("without a token")
                .isEqualTo(403);
        HttpResponse<String> deleted =
                post("resource_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + second + "\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(json(deleted).get("success").asBoolean()).isTrue();

        assertThat(get("resource_show", "id=" + second).statusCode()).isEqualTo(404);
        assertThat(get("datastore_search", "resource_id=" + second).statusCode())
                .isEqualTo(404);
        assertThat(CkanClient.HTTP
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + port + "/download/version/" + second))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        JsonNode dataset = json(get("package_show", "id=" + id)).get("result");
        assertThat(dataset.get("resources").findValuesAsText("id")).containsExactly(first);
        assertThat(dataset.get("num_resources").asInt()).isEqualTo(1);
        assertThat(json(get("datastore_search", "resource_id=" + first))
                        .get("result")
                        .get("total")
                        .asInt())
                .isEqualTo(2);

        HttpResponse<String> last = post("resource_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + first + "\"}");
        assertThat(last.statusCode()).as(last.body()).isEqualTo(409);
        assertThat(last.body()).contains("at least one version");
        assertThat(post("resource_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + second + "\"}")
                        .statusCode())
                .as("deleted already")
                .isEqualTo(404);
        assertThat(post("resource_delete", DemoAccounts.OFFICIAL_TOKEN, "{}").statusCode())
                .isEqualTo(409);

        assertThat(post("package_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + id + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("resource_delete", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"" + first + "\"}")
                        .statusCode())
                .as("a withdrawn package may lose its last resource")
                .isEqualTo(200);
    }

    @Test
    void translations_go_in_and_out_as_ckanext_fluent_has_them() throws Exception {
        HttpResponse<String> created = post("package_create", DemoAccounts.OFFICIAL_TOKEN, """
                {"title": "Air quality by district", "notes": "Hourly readings.",
                 "owner_org": "meteorological-service-singapore", "language": "en",
                 "title_translated": {"en": "Air quality by district", "ko": "자치구별 대기질"},
                 "notes_translated": {"ko": "시간별 측정값."},
                 "tags_translated": {"ko": ["대기질", "미세먼지"]}}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode result = json(created).get("result");
        assertThat(result.get("title_translated").get("ko").asText()).isEqualTo("자치구별 대기질");
        assertThat(result.get("title_translated").get("en").asText()).isEqualTo("Air quality by district");
        assertThat(result.get("notes_translated").get("ko").asText()).isEqualTo("시간별 측정값.");
        assertThat(result.get("tags_translated").get("ko").toString()).contains("대기질", "미세먼지");
        String id = result.get("id").asText();

        HttpResponse<String> patched = post("package_patch", DemoAccounts.OFFICIAL_TOKEN, """
                {"id": "%s", "notes": "Hourly readings at each station."}
                """.formatted(id));
        assertThat(json(patched).get("result").get("title_translated").get("ko").asText())
                .as("a patch without translations keeps them")
                .isEqualTo("자치구별 대기질");

        HttpResponse<String> refused = post("package_patch", DemoAccounts.OFFICIAL_TOKEN, """
                {"id": "%s", "title_translated": {"xx": "Nonsense"}}
                """.formatted(id));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("error").has("title_translated")).isTrue();
    }

    @Test
    void without_a_valid_token_nothing_is_written() throws Exception {
        String body = "{\"title\": \"Sneaky\", \"notes\": \"x\", \"owner_org\": \"meteorological-service-singapore\"}";
        HttpResponse<String> anonymous = post("package_create", null, body);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(json(anonymous).get("error").get("__type").asText()).isEqualTo("Authorization Error");
        HttpResponse<String> forged = post("package_create", "opz_not-a-real-token", body);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("success").asBoolean()).isFalse();
    }

    @Test
    void invalid_input_gets_ckan_style_validation_errors() throws Exception {
        HttpResponse<String> noTitle = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"notes\": \"x\", \"owner_org\": \"meteorological-service-singapore\"}");
        assertThat(noTitle.statusCode()).isEqualTo(409);
        assertThat(json(noTitle).get("error").get("__type").asText()).isEqualTo("Validation Error");
        assertThat(json(noTitle).get("error").get("title").get(0).asText())
                .as("CKAN's form: the field with its messages")
                .startsWith("Enter a title");
        HttpResponse<String> named = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"name\": \"tide-gauges\", \"title\": \"Tide gauges\", \"notes\": \"x\","
                        + " \"owner_org\": \"meteorological-service-singapore\"}");
        assertThat(json(named).get("result").get("name").asText())
                .as("the name asked for")
                .isEqualTo("tide-gauges");
        HttpResponse<String> again = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"name\": \"tide-gauges\", \"title\": \"Tide gauges again\", \"notes\": \"x\","
                        + " \"owner_org\": \"meteorological-service-singapore\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("error").get("name").get(0).asText()).contains("tide-gauges");
        HttpResponse<String> badName = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"name\": \"Tide Gauges!\", \"title\": \"Tide gauges\", \"notes\": \"x\","
                        + " \"owner_org\": \"meteorological-service-singapore\"}");
        assertThat(json(badName).get("error").has("name")).isTrue();

        HttpResponse<String> badLicence = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"title\": \"A licence no one knows\", \"notes\": \"x\", \"license_id\": \"mine\","
                        + " \"owner_org\": \"meteorological-service-singapore\"}");
        assertThat(badLicence.statusCode()).isEqualTo(409);
        assertThat(json(badLicence).get("error").has("license_id"))
                .as(badLicence.body())
                .as("named as CKAN names it")
                .isTrue();

        HttpResponse<String> created = post(
                "package_create",
                DemoAccounts.OFFICIAL_TOKEN,
                "{\"title\": \"Empty upload\", \"notes\": \"x\", \"owner_org\": \"meteorological-service-singapore\"}");
        String id = json(created).get("result").get("id").asText();
        HttpResponse<String> empty = upload(id, "empty.csv", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(409);
        assertThat(json(empty).get("error").get("message").asText()).isEqualTo("The file is empty.");

        HttpResponse<String> missing =
                post("package_patch", DemoAccounts.OFFICIAL_TOKEN, "{\"id\": \"no-such-package\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> broken = post("package_create", DemoAccounts.OFFICIAL_TOKEN, "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
    }
}
