package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal through a CKAN client it was not written with: ckan.js, the Open Knowledge
 * Foundation's client, installed unmodified from the npm registry into {@code target/ckan-js} and
 * run with the machine's Node.js ({@code src/test/ckan-js/client.js} says what it does).
 */
@RunningPortal
class CkanJsIT {

    @LocalServerPort
    int port;

    private static String run(Path dir, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("%s finished", command)
                .isTrue();
        assertThat(process.exitValue())
                .as("%s: %s", command, Files.readString(dir.resolve("stderr.txt")))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private JsonNode drive() throws Exception {
        Path dir = Path.of("target", "ckan-js").toAbsolutePath();
        Files.createDirectories(dir);
        for (String file : List.of("package.json", "client.js")) {
            Files.copy(
                    Path.of("src", "test", "ckan-js", file),
                    dir.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("ckan"))) {
            run(dir, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
        }
        CkanClient ckan = new CkanClient(port);
        String resource = CkanClient.json(CkanClient.HTTP.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        ckan.action("package_show") + "?id=covid-19-cases-by-province-5"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()))
                .get("result")
                .get("resources")
                .get(0)
                .get("id")
                .asText();
        String out = run(
                dir, List.of("node", "client.js", "http://localhost:" + port, DemoAccounts.OFFICIAL_TOKEN, resource));
        return new ObjectMapper().readTree(out);
    }

    @Test
    void ckan_js_searches_queries_runs_sql_and_publishes_as_against_ckan() throws Exception {
        JsonNode got = drive();

        assertThat(got.path("search").path("error").isNull())
                .as(got.path("search").toString())
                .isTrue();
        assertThat(got.path("search")
                        .path("body")
                        .path("result")
                        .path("results")
                        .findValuesAsText("title"))
                .contains("Rainfall: monthly total");

        JsonNode query = got.path("query");
        assertThat(query.path("error").isNull()).as(query.toString()).isTrue();
        assertThat(query.path("out").path("hits")).hasSize(3);
        assertThat(query.path("out").path("hits").findValuesAsText("province")).containsOnly("Seoul");
        assertThat(query.path("out").path("hits").get(0).path("confirmed").asLong())
                .isEqualTo(633);
        assertThat(query.path("out").path("fields").findValuesAsText("type"))
                .as("CKAN's int8 mapped by ckan.js to its own name")
                .contains("integer");

        JsonNode sql = got.path("sql");
        assertThat(sql.path("error").isNull()).as(sql.toString()).isTrue();
        assertThat(sql.path("out").path("hits").findValuesAsText("province"))
                .containsExactly("Daegu", "Gyeongsangbuk-do");

        assertThat(got.path("sqlRefused").path("error").asText())
                .contains("HTTP code 409")
                .contains("read_csv");

        JsonNode created = got.path("created").path("body").path("result");
        assertThat(got.path("created").path("error").isNull())
                .as(got.path("created").toString())
                .isTrue();
        assertThat(created.path("state").asText()).isEqualTo("draft");
        assertThat(created.path("tags").findValuesAsText("name")).containsExactly("ckan-js");
        assertThat(got.path("patched").path("body").path("result").path("notes").asText())
                .as("ckan.js's dataset_ names are package_ ones")
                .isEqualTo("Patched by ckan.js.");
        assertThat(got.path("activity").path("body").path("result").findValuesAsText("activity_type"))
                .contains("new package");

        assertThat(got.path("pushed").path("error").isNull())
                .as(got.path("pushed").toString())
                .isTrue();
        assertThat(got.path("pushed").path("body").path("result").path("fields").findValuesAsText("type"))
                .containsExactly("text", "int8");
        assertThat(got.path("upserted").path("error").isNull())
                .as(got.path("upserted").toString())
                .isTrue();
        assertThat(got.path("badBatch").path("error").asText()).contains("HTTP code 409");
        assertThat(got.path("recordsDeleted").path("error").isNull())
                .as(got.path("recordsDeleted").toString())
                .isTrue();
        assertThat(got.path("shown")
                        .path("body")
                        .path("result")
                        .path("resources")
                        .path(0)
                        .path("rows")
                        .asInt())
                .as(got.path("shown").toString())
                .isEqualTo(2);
        assertThat(got.path("resourceDeleted").path("error").isNull())
                .as(got.path("resourceDeleted").toString())
                .isTrue();

        assertThat(got.path("anonymousCreate").path("error").asText()).contains("HTTP code 403");
        assertThat(got.path("unknown").path("error").asText()).contains("HTTP code 400");
    }
}
