package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CKAN actions a harvester's or a publisher's client calls beyond the catalogue's lists, the
 * way CKAN's documentation gives them: one resource, a resource's table, the groups (the data
 * themes), the caller's organisations, each action's help; filters that exclude; CKAN's older
 * token header; and query strings with JSON written unencoded, as browsers' fetch sends them.
 */
@RunningPortal
class CkanActionsIT {

    @LocalServerPort
    int port;

    CkanClient ckan;

    @BeforeEach
    void client() {
        ckan = new CkanClient(port);
    }

    private HttpResponse<String> get(String action, String... params) throws Exception {
        return signed(action, null, null, params);
    }

    private HttpResponse<String> signed(String action, String header, String token, String... params) throws Exception {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i == 0 ? "?" : "&")
                    .append(params[i])
                    .append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ckan.action(action) + query.toString()));
        if (header != null) {
            request.header(header, token);
        }
        return CkanClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = CkanClient.json(response);
        assertThat(json.get("success").asBoolean()).isTrue();
        return json.get("result");
    }

    /** A field of each result of a search, not of what they hold. */
    private static List<String> top(JsonNode search, String field) {
        List<String> values = new ArrayList<>();
        search.get("results").forEach(r -> values.add(r.get(field).asText()));
        return values;
    }

    private String covidResource() throws Exception {
        return result(get("package_show", "id", "covid-19-cases-by-province-5"))
                .get("resources")
                .get(0)
                .get("id")
                .asText();
    }

    /** A GET written byte for byte, as a client that does not encode {@code [ ] { } "} sends it. */
    private String raw(String pathAndQuery) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void json_in_a_query_string_may_be_written_unencoded() throws Exception {
        String resource = covidResource();
        String answer = raw("/api/3/action/datastore_search?resource_id=" + resource
                + "&filters={\"province\":\"Seoul\"}&fields=[\"province\"]&limit=3");
        assertThat(answer).startsWith("HTTP/1.1 200");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"success\":true").contains("\"province\":\"Seoul\"");
        assertThat(raw("/api/3/action/package_search?fq=-organization:\"london-borough-of-lambeth\""))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void a_resource_and_its_table() throws Exception {
        String resource = covidResource();
        JsonNode shown = result(get("resource_show", "id", resource));
        assertThat(shown.get("id").asText()).isEqualTo(resource);
        assertThat(shown.get("datastore_active").asBoolean()).isTrue();
        assertThat(shown.get("format").asText()).isEqualTo("CSV");
        assertThat(get("resource_show", "id", "999999").statusCode()).isEqualTo(404);
        assertThat(get("resource_show", "id", "not-a-number").statusCode()).isEqualTo(404);

        JsonNode info = result(get("datastore_info", "id", resource));
        assertThat(info.get("meta").get("count").asLong())
                .isEqualTo(result(get("datastore_search", "resource_id", resource, "limit", "0"))
                        .get("total")
                        .asLong());
        assertThat(info.get("fields").findValuesAsText("id")).contains("date", "province", "confirmed");
        assertThat(info.get("schema").get("confirmed").asText()).isEqualTo("int8");
    }

    @Test
    void datastore_rows_carry_their_number_come_distinct_and_in_four_formats() throws Exception {
        String resource = covidResource();
        List<String[]> lines = java.nio.file.Files.readAllLines(
                        org.openplaza.portal.testdata.RealDatasets.file("kr_ds4c_covid19_time_province.csv"))
                .stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .toList();

        JsonNode first = result(get("datastore_search", "resource_id", resource, "limit", "3"));
        assertThat(first.get("fields").get(0).get("id").asText()).isEqualTo("_id");
        assertThat(first.get("fields").get(0).get("type").asText()).isEqualTo("int");
        assertThat(first.get("records").findValuesAsText("_id")).containsExactly("1", "2", "3");
        assertThat(first.get("records").get(2).get("province").asText()).isEqualTo(lines.get(2)[2]);
        JsonNode third = result(get("datastore_search", "resource_id", resource, "filters", "{\"_id\": 3}"));
        assertThat(third.get("total").asInt()).isEqualTo(1);
        assertThat(third.get("records").get(0).get("province").asText()).isEqualTo(lines.get(2)[2]);
        JsonNode last = result(get("datastore_search", "resource_id", resource, "sort", "_id desc", "limit", "1"));
        assertThat(last.get("records").get(0).get("_id").asInt()).isEqualTo(lines.size());
        assertThat(last.get("records").get(0).get("province").asText()).isEqualTo(lines.get(lines.size() - 1)[2]);

        JsonNode provinces = result(get(
                "datastore_search",
                "resource_id",
                resource,
                "fields",
                "province",
                "distinct",
                "true",
                "sort",
                "province",
                "limit",
                "100"));
        List<String> expected =
                lines.stream().map(f -> f[2]).distinct().sorted().toList();
        assertThat(provinces.get("total").asInt()).isEqualTo(expected.size());
        assertThat(provinces.get("records").findValuesAsText("province")).containsExactlyElementsOf(expected);
        assertThat(provinces.get("fields").findValuesAsText("id")).containsExactly("province");

        JsonNode lists = result(get(
                "datastore_search",
                "resource_id",
                resource,
                "records_format",
                "lists",
                "fields",
                "province,_id",
                "limit",
                "2"));
        assertThat(lists.get("records").get(1).get(0).asText()).isEqualTo(lines.get(1)[2]);
        assertThat(lists.get("records").get(1).get(1).asInt()).isEqualTo(2);
        String csv = result(get(
                        "datastore_search",
                        "resource_id",
                        resource,
                        "records_format",
                        "csv",
                        "fields",
                        "date,province",
                        "limit",
                        "4"))
                .get("records")
                .asText();
        assertThat(csv.split("\n")).hasSize(4);
        assertThat(csv.split("\n")[0]).isEqualTo(lines.get(0)[0] + "," + lines.get(0)[2]);
        String tsv = result(get(
                        "datastore_search",
                        "resource_id",
                        resource,
                        "records_format",
                        "tsv",
                        "fields",
                        "date,province",
                        "limit",
                        "1"))
                .get("records")
                .asText();
        assertThat(tsv.strip()).isEqualTo(lines.get(0)[0] + "\t" + lines.get(0)[2]);
        assertThat(get("datastore_search", "resource_id", resource, "records_format", "xml")
                        .statusCode())
                .isEqualTo(409);

        JsonNode many = result(get("datastore_search", "resource_id", resource, "limit", "32000"));
        assertThat(many.get("records")).as("more than a thousand at once").hasSize(lines.size());
        assertThat(result(get("datastore_search", "resource_id", resource, "limit", "32001"))
                        .get("limit")
                        .asInt())
                .as("more is cut to CKAN's most")
                .isEqualTo(32_000);
    }

    @Test
    void groups_are_the_data_themes() throws Exception {
        List<String> names = new ArrayList<>();
        result(get("group_list")).forEach(n -> names.add(n.asText()));
        assertThat(names).hasSize(13).contains("heal", "envi", "tran");
        JsonNode all = result(get("group_list", "all_fields", "true"));
        JsonNode health = all.get(names.indexOf("heal"));
        assertThat(health.get("title").asText()).isEqualTo("Health");
        assertThat(health.get("package_count").asInt()).isPositive();

        JsonNode shown = result(get("group_show", "id", "heal", "include_datasets", "true"));
        assertThat(shown.get("packages")).hasSize(health.get("package_count").asInt());
        assertThat(shown.get("packages").get(0).get("groups").findValuesAsText("name"))
                .contains("heal");
        assertThat(get("group_show", "id", "nothing").statusCode()).isEqualTo(404);

        JsonNode healthOnly = result(get("package_search", "fq", "groups:heal"));
        assertThat(healthOnly.get("count").asInt())
                .isEqualTo(health.get("package_count").asInt());
        assertThat(healthOnly.get("facets").get("groups").has("heal")).isTrue();
    }

    @Test
    void a_filter_written_with_a_minus_excludes() throws Exception {
        JsonNode everything = result(get("package_search", "rows", "100"));
        JsonNode lambeth = result(get("package_search", "fq", "organization:london-borough-of-lambeth"));
        assertThat(lambeth.get("count").asInt()).isPositive();
        JsonNode others = result(get("package_search", "fq", "-organization:london-borough-of-lambeth", "rows", "100"));
        assertThat(others.get("count").asInt())
                .isEqualTo(
                        everything.get("count").asInt() - lambeth.get("count").asInt());
        assertThat(others.get("results").findValues("organization"))
                .allSatisfy(o -> assertThat(o.get("name").asText()).isNotEqualTo("london-borough-of-lambeth"));
        JsonNode notHealth = result(get("package_search", "fq", "-groups:heal"));
        assertThat(notHealth.get("facets").get("groups").has("heal")).isFalse();
    }

    @Test
    void searches_by_field_sort_by_title_and_give_only_the_fields_asked_for() throws Exception {
        JsonNode anywhere = result(get("package_search", "q", "singapore", "rows", "100"));
        assertThat(top(anywhere, "name")).contains("rainfall-monthly-total-1");
        JsonNode inTitles = result(get("package_search", "q", "title:singapore", "rows", "100"));
        assertThat(inTitles.get("count").asInt())
                .isLessThan(anywhere.get("count").asInt());
        assertThat(top(inTitles, "title"))
                .allSatisfy(
                        t -> assertThat(t.toLowerCase(java.util.Locale.ROOT)).contains("singapore"));
        JsonNode byTitle = result(get("package_search", "q", "title:\"cases by province\""));
        assertThat(top(byTitle, "name")).containsExactly("covid-19-cases-by-province-5");

        JsonNode sorted = result(get("package_search", "sort", "title_string asc", "rows", "100", "fl", "name,title"));
        List<String> titles = top(sorted, "title");
        assertThat(titles).hasSize(sorted.get("count").asInt());
        com.ibm.icu.text.Collator collator = com.ibm.icu.text.Collator.getInstance(com.ibm.icu.util.ULocale.ROOT);
        assertThat(titles).isSortedAccordingTo(collator::compare);
        sorted.get("results")
                .forEach(r -> assertThat(r.fieldNames()).toIterable().containsExactly("name", "title"));
        assertThat(result(get("package_search", "sort", "name asc"))
                        .get("count")
                        .asInt())
                .isEqualTo(sorted.get("count").asInt());

        JsonNode common = result(get("package_search", "facet.mincount", "2"));
        common.get("facets")
                .forEach(counts -> counts.forEach(n -> assertThat(n.asInt()).isGreaterThanOrEqualTo(2)));
        JsonNode every = result(get("package_search"));
        assertThat(every.get("facets").get("organization").size())
                .as("organisations with one dataset are left out")
                .isGreaterThan(common.get("facets").get("organization").size());
    }

    @Test
    void sql_reads_published_resources_and_nothing_else() throws Exception {
        String resource = covidResource();
        JsonNode seoul = result(get(
                "datastore_search_sql",
                "sql",
                "SELECT province, max(confirmed) AS most FROM \"" + resource
                        + "\" WHERE province = 'Seoul' GROUP BY province"));
        assertThat(seoul.get("fields").findValuesAsText("id")).containsExactly("province", "most");
        assertThat(seoul.get("fields").get(1).get("type").asText()).isEqualTo("int8");
        assertThat(seoul.get("records").get(0).get("most").asLong()).isEqualTo(633);
        assertThat(seoul.has("records_truncated")).isFalse();

        JsonNode all = result(get("datastore_search_sql", "sql", "SELECT * FROM \"" + resource + "\""));
        assertThat(all.get("records")).hasSize(1734);

        // a draft's resource, uploaded by its publisher, is no table here, even with their token
        String draft = ckan.createPackage("A draft that SQL must not reach");
        HttpResponse<String> uploaded = ckan.upload(
                draft,
                "draft.csv",
                java.nio.file.Files.readAllBytes(
                        org.openplaza.portal.testdata.RealDatasets.file("sg_rainfall_monthly_total_1982_2025.csv")));
        String draftResource = CkanClient.json(uploaded).get("result").get("id").asText();
        for (HttpResponse<String> refused : List.of(
                get("datastore_search_sql", "sql", "SELECT * FROM \"" + draftResource + "\""),
                signed(
                        "datastore_search_sql",
                        "Authorization",
                        DemoAccounts.OFFICIAL_TOKEN,
                        "sql",
                        "SELECT * FROM \"" + draftResource + "\""))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(CkanClient.json(refused).get("error").get("__type").asText())
                    .isEqualTo("Validation Error");
            assertThat(CkanClient.json(refused).get("error").get("query").get(0).asText())
                    .contains("not a published resource");
            assertThat(CkanClient.json(refused)
                            .get("error")
                            .get("info")
                            .get("orig")
                            .get(0)
                            .asText())
                    .as("where CKAN puts the database's words, which ckan.js reads")
                    .contains("not a published resource");
        }

        for (String attack : List.of(
                "SELECT * FROM read_csv('/etc/passwd')",
                "DROP TABLE \"" + resource + "\"",
                "SELECT 1; DELETE FROM \"" + resource + "\"",
                "SELECT current_setting('memory_limit')")) {
            HttpResponse<String> refused = get("datastore_search_sql", "sql", attack);
            assertThat(refused.statusCode()).as(attack).isEqualTo(409);
        }
        assertThat(result(get("datastore_search", "resource_id", resource, "limit", "0"))
                        .get("total")
                        .asLong())
                .as("the resource is whole")
                .isEqualTo(1734);

        String raw =
                raw("/api/3/action/datastore_search_sql?sql=SELECT%20count(*)%20AS%20n%20FROM%20\"" + resource + "\"");
        assertThat(raw).as("quotes unencoded, as a browser's fetch sends them").startsWith("HTTP/1.1 200");
        assertThat(raw).contains("\"n\":1734");
    }

    @Test
    void a_korean_windows_file_is_said_to_be_euc_kr_and_urls_are_absolute() throws Exception {
        String id = ckan.createPackage("Seoul air quality in 2018");
        java.nio.file.Path file =
                org.openplaza.portal.testdata.RealDatasets.file("kr_seoul_daily_air_quality_2018_cp949.csv");
        HttpResponse<String> added = ckan.upload(id, "air.csv", java.nio.file.Files.readAllBytes(file));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(ckan.post(
                                "package_patch",
                                DemoAccounts.OFFICIAL_TOKEN,
                                "{\"id\": \"" + id + "\", \"state\": \"active\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> shown = get("package_show", "id", id);
        JsonNode resource = result(shown).get("resources").get(0);
        assertThat(resource.get("encoding").asText())
                .as("the web's name for Korean Windows' code page, not Java's x-windows-949")
                .isEqualTo("EUC-KR");
        assertThat(resource.get("url").asText()).startsWith("http://localhost:" + port + "/download/version/");
        assertThat(result(shown).get("url").asText()).startsWith("http://localhost:" + port + "/dataset/");
    }

    @Test
    void the_callers_organisations_by_either_token_header() throws Exception {
        assertThat(result(get("organization_list_for_user"))).as("nobody's").isEmpty();
        JsonNode mine = result(signed("organization_list_for_user", "Authorization", DemoAccounts.OFFICIAL_TOKEN));
        assertThat(mine.findValuesAsText("name")).contains("meteorological-service-singapore");
        JsonNode same = result(signed("organization_list_for_user", "X-CKAN-API-Key", DemoAccounts.OFFICIAL_TOKEN));
        assertThat(same.findValuesAsText("name")).isEqualTo(mine.findValuesAsText("name"));
        assertThat(signed("organization_list_for_user", "X-CKAN-API-Key", "opz_forged")
                        .statusCode())
                .as("a forged token in the older header is refused as in the other")
                .isEqualTo(403);
    }

    @Test
    void each_action_has_its_help_and_an_unknown_one_is_not_found() throws Exception {
        JsonNode answer = CkanClient.json(get("package_search"));
        assertThat(answer.get("help").asText()).endsWith("help_show?name=package_search");
        assertThat(result(get("help_show", "name", "package_search")).asText()).contains("fq");
        assertThat(result(get("help_show", "name", "resource_create")).asText()).contains("upload");
        assertThat(get("help_show", "name", "no_such_action").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("package_revise_everything");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void a_read_action_takes_a_form_encoded_body_too() throws Exception {
        HttpResponse<String> answer = CkanClient.HTTP.send(
                HttpRequest.newBuilder(ckan.action("package_show"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("id=covid-19-cases-by-province-5"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(result(answer).get("name").asText()).isEqualTo("covid-19-cases-by-province-5");
        HttpResponse<String> json = ckan.post("package_show", null, "{\"id\": \"covid-19-cases-by-province-5\"}");
        assertThat(result(json).get("name").asText()).isEqualTo("covid-19-cases-by-province-5");
        assertThat(ckan.post("package_show", null, "[1, 2]").statusCode()).isEqualTo(400);
    }
}
