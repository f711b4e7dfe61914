package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CKAN's DataStore writes over HTTP, as a city's sensors push readings with the demo official's token. */
@RunningPortal
class CkanDatastoreWritesIT {

    @LocalServerPort
    int port;

    CkanClient ckan;

    @BeforeEach
    void client() {
        ckan = new CkanClient(port);
    }

    private HttpResponse<String> post(String action, String json) throws Exception {
        return ckan.post(action, DemoAccounts.OFFICIAL_TOKEN, json);
    }

    private JsonNode records(String resource, String sort) throws Exception {
        HttpResponse<String> found = ckan.get(
                "datastore_search",
                "resource_id=" + resource + "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return CkanClient.json(found).get("result");
    }

    @Test
    void a_live_table_keeps_its_rows_as_long_as_its_retention_says() throws Exception {
        String dataset = ckan.createPackage("Noise sensors, kept 30 days");
        String fields = """
                "fields": [{"id": "sensor", "type": "text"}, {"id": "read_at", "type": "timestamp"},
                           {"id": "db", "type": "numeric"}]""";
        HttpResponse<String> refused = post("datastore_create", """
                {"resource": {"package_id": "%s"}, %s, "retention": {"field": "sensor", "days": 30}}
                """.formatted(dataset, fields));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(CkanClient.json(refused).get("error").get("retention").get(0).asText())
                .contains("date or timestamp");

        String old = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .minusDays(40)
                .withNano(0)
                .toString();
        String recent = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .minusDays(1)
                .withNano(0)
                .toString();
        HttpResponse<String> created = post("datastore_create", """
                {"resource": {"package_id": "%s"}, %s, "retention": {"field": "read_at", "days": 30},
                 "records": [{"sensor": "N1", "read_at": "%s", "db": 61}, {"sensor": "N1", "read_at": "%s", "db": 58}]}
                """.formatted(dataset, fields, old, recent));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String resource =
                CkanClient.json(created).get("result").get("resource_id").asText();
        assertThat(retention.retention(Long.parseLong(resource)))
                .map(r -> r.days())
                .contains(30);
        assertThat(post("package_patch", "{\"id\": \"" + dataset + "\", \"state\": \"active\"}")
                        .statusCode())
                .isEqualTo(200);
        retention.expireDue();
        assertThat(records(resource, "read_at").get("records").findValuesAsText("read_at"))
                .hasSize(1)
                .allSatisfy(at -> assertThat(at).startsWith(recent.substring(0, 10)));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.catalog.PushedRecords retention;

    @Test
    void sensors_create_a_live_table_push_readings_and_delete_them() throws Exception {
        String dataset = ckan.createPackage("Water level sensors, live");
        HttpResponse<String> created = post("datastore_create", """
                {"resource": {"package_id": "%s", "name": "readings"},
                 "fields": [{"id": "sensor", "type": "text", "info": {"label": "Sensor"}},
                            {"id": "read_at", "type": "timestamp"},
                            {"id": "level_m", "type": "numeric", "info": {"label": "Level (m)"}},
                            {"id": "alarm", "type": "bool"}],
                 "primary_key": ["sensor", "read_at"],
                 "records": [{"sensor": "WL-01", "read_at": "2026-12-02T05:00:00", "level_m": 1.25, "alarm": false},
                             {"sensor": "WL-02", "read_at": "2026-12-02T05:00:00", "level_m": 2.5, "alarm": false}]}
                """.formatted(dataset));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode result = CkanClient.json(created).get("result");
        String resource = result.get("resource_id").asText();
        assertThat(result.get("fields").findValuesAsText("id"))
                .containsExactly("sensor", "read_at", "level_m", "alarm");
        assertThat(result.get("fields").findValuesAsText("type"))
                .containsExactly("text", "timestamp", "numeric", "bool");
        assertThat(result.get("resource").get("url_type").asText()).isEqualTo("datastore");
        assertThat(result.get("resource").get("url").asText()).contains("/data.csv?version=" + resource);
        assertThat(post("package_patch", "{\"id\": \"" + dataset + "\", \"state\": \"active\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> upserted = post("datastore_upsert", """
                {"resource_id": "%s", "method": "upsert",
                 "records": [{"sensor": "WL-01", "read_at": "2026-12-02T05:00:00", "alarm": true},
                             {"sensor": "WL-01", "read_at": "2026-12-02T05:10:00Z", "level_m": "1.40", "alarm": false}]}
                """.formatted(resource));
        assertThat(upserted.statusCode()).as(upserted.body()).isEqualTo(200);
        JsonNode rows = records(resource, "sensor, read_at").get("records");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("alarm").asBoolean()).as("changed").isTrue();
        assertThat(rows.get(0).get("level_m").decimalValue()).as("kept").isEqualByComparingTo("1.25");
        assertThat(rows.get(1).get("level_m").decimalValue()).isEqualByComparingTo("1.40");

        HttpResponse<String> refused = post("datastore_upsert", """
                {"resource_id": "%s",
                 "records": [{"sensor": "WL-03", "read_at": "2026-12-02T05:00:00", "level_m": 0.5},
                             {"sensor": "WL-04", "read_at": "2026-12-02T05:00:00", "level_m": "high"}]}
                """.formatted(resource));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode error = CkanClient.json(refused).get("error");
        assertThat(error.get("__type").asText()).isEqualTo("Validation Error");
        assertThat(error.get("records").get(0).asText()).startsWith("Record 1:").contains("level_m");
        assertThat(records(resource, "sensor").get("total").asInt())
                .as("nothing of the batch")
                .isEqualTo(3);

        assertThat(post("datastore_upsert", """
                        {"resource_id": "%s", "method": "update",
                         "records": [{"sensor": "WL-09", "read_at": "2026-12-02T05:00:00", "level_m": 1}]}
                        """.formatted(resource)).statusCode())
                .isEqualTo(409);
        assertThat(ckan.post("datastore_upsert", null, """
                        {"resource_id": "%s", "records": [{"sensor": "WL-05", "read_at": "2026-12-02T05:00:00"}]}
                        """.formatted(resource)).statusCode())
                .as("without a token")
                .isEqualTo(403);

        HttpResponse<String> deleted = post("datastore_delete", """
                {"resource_id": "%s", "filters": {"sensor": "WL-01"}}
                """.formatted(resource));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(records(resource, "sensor").get("records").findValuesAsText("sensor"))
                .containsExactly("WL-02");

        JsonNode shown =
                CkanClient.json(ckan.get("package_show", "id=" + dataset)).get("result");
        assertThat(shown.get("resources").get(0).get("rows").asInt()).isEqualTo(1);
        HttpResponse<String> csv = CkanClient.HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                shown.get("resources").get(0).get("url").asText()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("WL-02").doesNotContain("WL-01");

        HttpResponse<String> sql = ckan.get(
                "datastore_search_sql",
                "sql=" + URLEncoder.encode("SELECT sensor, level_m FROM \"" + resource + "\"", StandardCharsets.UTF_8));
        assertThat(sql.statusCode()).as(sql.body()).isEqualTo(200);
        assertThat(CkanClient.json(sql).get("result").get("records").findValuesAsText("sensor"))
                .containsExactly("WL-02");

        // filters of nothing: every row, the table kept
        assertThat(post("datastore_delete", "{\"resource_id\": \"" + resource + "\", \"filters\": {}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(records(resource, "sensor").get("total").asInt()).isZero();
        post("datastore_upsert", """
                {"resource_id": "%s", "method": "insert",
                 "records": [{"sensor": "WL-02", "read_at": "2026-12-02T06:00:00", "level_m": 2}]}
                """.formatted(resource));

        // no filters, as CKAN has it: the table itself, until datastore_create makes it again
        HttpResponse<String> dropped = post("datastore_delete", "{\"resource_id\": \"" + resource + "\"}");
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
        assertThat(ckan.get("datastore_search", "resource_id=" + resource).statusCode())
                .isEqualTo(404);
        assertThat(ckan.get("datastore_info", "id=" + resource).statusCode()).isEqualTo(404);
        JsonNode gone =
                CkanClient.json(ckan.get("resource_show", "id=" + resource)).get("result");
        assertThat(gone.get("datastore_active").asBoolean()).isFalse();
        assertThat(post("datastore_upsert", """
                        {"resource_id": "%s", "method": "insert",
                         "records": [{"sensor": "WL-02", "read_at": "2026-12-02T07:00:00", "level_m": 2}]}
                        """.formatted(resource)).statusCode())
                .isEqualTo(404);
        assertThat(post("datastore_delete", "{\"resource_id\": \"" + resource + "\"}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> noTable = ckan.get(
                "datastore_search_sql",
                "sql=" + URLEncoder.encode("SELECT * FROM \"" + resource + "\"", StandardCharsets.UTF_8));
        assertThat(noTable.statusCode()).as(noTable.body()).isEqualTo(409);
        assertThat(noTable.body()).contains("is not a published resource of this portal");

        // made again on the same resource, with new fields
        HttpResponse<String> remade = post("datastore_create", """
                {"resource_id": "%s",
                 "fields": [{"id": "gauge", "type": "text"}, {"id": "read_on", "type": "date"},
                            {"id": "level_cm", "type": "int"}],
                 "primary_key": "gauge,read_on",
                 "records": [{"gauge": "G1", "read_on": "2026-12-03", "level_cm": 140}]}
                """.formatted(resource));
        assertThat(remade.statusCode()).as(remade.body()).isEqualTo(200);
        assertThat(CkanClient.json(remade).get("result").get("fields").findValuesAsText("id"))
                .containsExactly("gauge", "read_on", "level_cm");
        assertThat(post("datastore_upsert", """
                        {"resource_id": "%s",
                         "records": [{"gauge": "G1", "read_on": "2026-12-04", "level_cm": 150}]}
                        """.formatted(resource)).statusCode())
                .isEqualTo(200);
        JsonNode again = records(resource, "read_on");
        assertThat(again.get("records").findValuesAsText("level_cm")).containsExactly("140", "150");
        assertThat(CkanClient.json(ckan.get("resource_show", "id=" + resource))
                        .get("result")
                        .get("datastore_active")
                        .asBoolean())
                .isTrue();
        assertThat(post("datastore_create", """
                        {"resource_id": "%s", "fields": [{"id": "other", "type": "text"}]}
                        """.formatted(resource)).statusCode())
                .as("the fields of a table that is there")
                .isEqualTo(409);
        assertThat(post("package_delete", "{\"id\": \"" + dataset + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void records_go_only_to_live_tables_and_fields_must_be_ones_the_store_can_hold() throws Exception {
        String dataset = ckan.createPackage("Bus stop counts, pushed");
        String file = CkanClient.json(
                        ckan.upload(dataset, "stops.csv", "stop,count\nA,1\n".getBytes(StandardCharsets.UTF_8)))
                .get("result")
                .get("id")
                .asText();
        HttpResponse<String> fixed = post("datastore_upsert", """
                {"resource_id": "%s", "method": "insert", "records": [{"stop": "B", "count": 2}]}
                """.formatted(file));
        assertThat(fixed.statusCode()).isEqualTo(409);
        assertThat(fixed.body()).contains("datastore_create");

        HttpResponse<String> badName = post("datastore_create", """
                {"resource": {"package_id": "%s"}, "fields": [{"id": "Stop Name", "type": "text"}]}
                """.formatted(dataset));
        assertThat(badName.statusCode()).isEqualTo(409);
        assertThat(CkanClient.json(badName).get("error").get("fields").get(0).asText())
                .contains("Stop Name");
        HttpResponse<String> badType = post("datastore_create", """
                {"resource": {"package_id": "%s"}, "fields": [{"id": "shape", "type": "geometry"}]}
                """.formatted(dataset));
        assertThat(badType.statusCode()).isEqualTo(409);
        assertThat(badType.body()).contains("geometry");
        assertThat(post("datastore_upsert", "{\"resource_id\": \"999999\", \"records\": []}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("package_delete", "{\"id\": \"" + dataset + "\"}").statusCode())
                .isEqualTo(200);
    }
}
