package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RealDatasets;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The visualisation API over HTTP, on the demo's visualisations. */
@RunningPortal
class VisualisationApiIT {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lists_filter_and_each_visualisation_comes_with_its_numbers_and_option() throws Exception {
        JsonNode all = CkanClient.json(get("/api/visualisations?limit=100")).get("visualisations");
        assertThat(all.findValuesAsText("title"))
                .contains("Confirmed COVID-19 cases by province", "Monthly rainfall in Singapore since 1982");
        JsonNode lines = CkanClient.json(get("/api/visualisations?type=LINE")).get("visualisations");
        assertThat(lines.findValuesAsText("type")).isNotEmpty().containsOnly("LINE");
        JsonNode ofDataset = CkanClient.json(get("/api/visualisations?dataset=covid-19-cases-by-province-5"))
                .get("visualisations");
        assertThat(ofDataset.findValuesAsText("dataset")).isNotEmpty().containsOnly("covid-19-cases-by-province-5");
        assertThat(get("/api/visualisations?type=NOPE").statusCode()).isEqualTo(400);
        assertThat(get("/api/visualisations?sort=random").statusCode()).isEqualTo(400);
        JsonNode byLikes = CkanClient.json(get("/api/visualisations?sort=likes&limit=100"));
        List<Long> likes = new java.util.ArrayList<>();
        byLikes.get("visualisations").forEach(v -> likes.add(v.get("likes").asLong()));
        assertThat(likes).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byLikes.get("count").asInt()).isEqualTo(likes.size());
        String organisation = ofDataset.get(0).get("organization").asText();
        JsonNode ofOrganisation = CkanClient.json(get("/api/visualisations?organization=" + organisation))
                .get("visualisations");
        assertThat(ofOrganisation.findValuesAsText("organization")).isNotEmpty().containsOnly(organisation);
        assertThat(ofOrganisation.findValuesAsText("dataset")).contains("covid-19-cases-by-province-5");
        JsonNode nowhere = CkanClient.json(get("/api/visualisations?organization=no-such-organisation"));
        assertThat(nowhere.get("count").asInt()).isZero();
        assertThat(nowhere.get("visualisations")).isEmpty();

        long id = -1;
        for (JsonNode item : ofDataset) {
            if (item.get("title").asText().equals("Confirmed COVID-19 cases by province")) {
                id = item.get("id").asLong();
            }
        }
        assertThat(id).as("the demo's chart of this dataset").isPositive();
        HttpResponse<String> one = get("/api/visualisations/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode body = CkanClient.json(one);
        long seoulMax = Files.readAllLines(RealDatasets.file("kr_ds4c_covid19_time_province.csv")).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(","))
                .filter(f -> f[2].equals("Seoul"))
                .mapToLong(f -> Long.parseLong(f[3]))
                .max()
                .orElseThrow();
        JsonNode categories = body.get("data").get("categories");
        int seoul = -1;
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).asText().equals("Seoul")) {
                seoul = i;
            }
        }
        assertThat(seoul).isNotNegative();
        assertThat(body.get("data")
                        .get("series")
                        .get(0)
                        .get("values")
                        .get(seoul)
                        .asLong())
                .isEqualTo(seoulMax);
        assertThat(body.get("definition").get("type").asText()).isEqualTo("BAR");
        assertThat(body.get("option").get("series").get(0).get("type").asText()).isEqualTo("bar");
        assertThat(get("/api/visualisations/999999").statusCode()).isEqualTo(404);
    }
}
