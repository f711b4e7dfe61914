package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served DCAT-AP catalogue, validated with Jena SHACL against the official DCAT-AP 3.0.1
 * shapes (in the test resources, under standards/): no violation of the mandatory and range shapes; the warnings of
 * the recommended shapes are printed, to show what metadata is still missing.
 */
@RunningPortal
class DcatIT {

    @LocalServerPort
    int port;

    private Model fetch(String path, Lang lang) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(lang.getHeaderString());
        Model model = ModelFactory.createDefaultModel();
        RDFDataMgr.read(model, new ByteArrayInputStream(response.body()), lang);
        return model;
    }

    private static Shapes shapes(String... files) {
        Model shapes = ModelFactory.createDefaultModel();
        for (String file : files) {
            java.net.URL shape = DcatIT.class.getResource("/standards/dcat-ap-3.0.1/" + file);
            assertThat(shape)
                    .as("the DCAT-AP shapes in the test resources: " + file)
                    .isNotNull();
            RDFDataMgr.read(shapes, shape.toString());
        }
        return Shapes.parse(shapes.getGraph());
    }

    @Test
    void the_catalogue_has_no_dcat_ap_violations() throws Exception {
        Model catalogue = fetch("/catalog.ttl", Lang.TURTLE);
        assertThat(catalogue.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList())
                .as("the five demo datasets")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(catalogue
                        .listSubjectsWithProperty(RDF.type, DCAT.Distribution)
                        .toList())
                .hasSizeGreaterThanOrEqualTo(5);

        Graph graph = catalogue.getGraph();
        ValidationReport mandatory = ShaclValidator.get().validate(shapes("shapes.ttl", "range.ttl"), graph);
        List<ReportEntry> violations = mandatory.getEntries().stream()
                .filter(e -> e.severity() == Severity.Violation)
                .toList();
        assertThat(violations).as(() -> describe(violations)).isEmpty();

        ValidationReport recommended = ShaclValidator.get().validate(shapes("shapes_recommended.ttl"), graph);
        System.out.println("DCAT-AP 3.0.1 recommended properties: "
                + recommended.getEntries().size() + " warnings");
        recommended
                .getEntries()
                .forEach(e -> System.out.println("  " + e.focusNode() + " " + e.resultPath() + ": " + e.message()));
    }

    @Test
    void a_forged_host_header_does_not_reach_the_catalogue() throws Exception {
        String body;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET /catalog.ttl HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(body).startsWith("HTTP/1.1 200");
        assertThat(body).contains("dcat:Catalog").doesNotContain("evil.example");
        assertThat(body).contains("http://localhost:" + port + "/dataset/");
    }

    @Test
    void json_ld_rdf_xml_and_each_dataset_say_the_same() throws Exception {
        long triples = fetch("/catalog.ttl", Lang.TURTLE).size();
        assertThat(fetch("/catalog.jsonld", Lang.JSONLD).size()).isEqualTo(triples);
        assertThat(fetch("/catalog.rdf", Lang.RDFXML).size()).isEqualTo(triples);
        Model rainfall = fetch("/dataset/rainfall-monthly-total-1.ttl", Lang.TURTLE);
        assertThat(rainfall.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList())
                .hasSize(1);
        assertThat(ShaclValidator.get()
                        .validate(shapes("shapes.ttl", "range.ttl"), rainfall.getGraph())
                        .conforms())
                .isTrue();
        HttpResponse<String> missing = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dataset/nothing-here.ttl"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    /** Publishes a dataset through the CKAN API, with the fields given, a file and a pushed table; returns its name. */
    private String publishedThroughTheApi(String fields) throws Exception {
        CkanClient ckan = new CkanClient(port);
        HttpResponse<String> created = ckan.post(
                "package_create",
                org.openplaza.accounts.DemoAccounts.OFFICIAL_TOKEN,
                "{\"owner_org\": \"meteorological-service-singapore\", " + fields + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode dataset = CkanClient.json(created).get("result");
        String id = dataset.get("id").asText();
        assertThat(ckan.upload(
                                id,
                                "wind.csv",
                                "station,wind_kmh\nChangi,12\nSeletar,9\n"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        assertThat(ckan.post("datastore_create", org.openplaza.accounts.DemoAccounts.OFFICIAL_TOKEN, """
                                {"resource": {"package_id": "%s", "name": "live readings"},
                                 "fields": [{"id": "station", "type": "text"}, {"id": "wind_kmh", "type": "int"}],
                                 "records": [{"station": "Changi", "wind_kmh": 14}]}
                                """.formatted(id))
                        .statusCode())
                .isEqualTo(200);
        assertThat(ckan.post(
                                "package_patch",
                                org.openplaza.accounts.DemoAccounts.OFFICIAL_TOKEN,
                                "{\"id\": \"" + id + "\", \"state\": \"active\"}")
                        .statusCode())
                .isEqualTo(200);
        return dataset.get("name").asText();
    }

    private List<ReportEntry> recommendedWarnings(String name) throws Exception {
        Model model = fetch("/dataset/" + name + ".ttl", Lang.TURTLE);
        ValidationReport mandatory = ShaclValidator.get().validate(shapes("shapes.ttl", "range.ttl"), model.getGraph());
        assertThat(mandatory.getEntries().stream()
                        .filter(e -> e.severity() == Severity.Violation)
                        .toList())
                .as(() -> describe(List.copyOf(mandatory.getEntries())))
                .isEmpty();
        return List.copyOf(ShaclValidator.get()
                .validate(shapes("shapes_recommended.ttl"), model.getGraph())
                .getEntries());
    }

    @Test
    void a_dataset_published_through_the_api_with_dcat_fields_meets_the_recommended_shapes() throws Exception {
        String bare = publishedThroughTheApi("\"title\": \"Wind speeds, bare\", \"notes\": \"Hourly wind.\"");
        String described = publishedThroughTheApi("""
                "title": "Wind speeds, described", "notes": "Hourly wind speed at the weather stations.",
                "license_id": "SG-ODL-1.0", "maintainer_email": "weather@city.example",
                "tags": [{"name": "wind"}, {"name": "weather"}], "groups": [{"name": "envi"}],
                "frequency": "http://publications.europa.eu/resource/authority/frequency/HOURLY", "temporal_start": "2026-01-01", "temporal_end": "2026-12-31",
                "spatial_text": "Singapore"
                """);
        List<ReportEntry> bareWarnings = recommendedWarnings(bare);
        List<ReportEntry> describedWarnings = recommendedWarnings(described);
        System.out.println("DCAT-AP 3.0.1 recommended properties, dataset published through the API: "
                + bareWarnings.size() + " warnings bare, " + describedWarnings.size() + " with its DCAT fields");
        // what the API sets: the dataset's own properties and its distributions' (a place named in
        // words has no geometry, and an organisation's type is not kept, so those warnings stay)
        assertThat(onDatasetOrDistribution(bareWarnings))
                .as(() -> describe(bareWarnings))
                .isNotEmpty();
        assertThat(onDatasetOrDistribution(describedWarnings))
                .as(() -> describe(describedWarnings))
                .isEmpty();
        assertThat(describedWarnings).hasSizeLessThan(bareWarnings.size());
        CkanClient ckan = new CkanClient(port);
        for (String name : List.of(bare, described)) {
            assertThat(ckan.post(
                                    "package_delete",
                                    org.openplaza.accounts.DemoAccounts.OFFICIAL_TOKEN,
                                    "{\"id\": \"" + name + "\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private List<ReportEntry> onDatasetOrDistribution(List<ReportEntry> entries) {
        String base = "http://localhost:" + port;
        return entries.stream()
                .filter(e -> e.focusNode().isURI()
                        && (e.focusNode().getURI().startsWith(base + "/dataset/")
                                || e.focusNode().getURI().startsWith(base + "/distribution/")))
                .toList();
    }

    private static String describe(List<ReportEntry> entries) {
        StringBuilder text = new StringBuilder();
        entries.stream()
                .limit(20)
                .forEach(e -> text.append(e.focusNode())
                        .append(' ')
                        .append(e.resultPath())
                        .append(": ")
                        .append(e.message())
                        .append('\n'));
        return text.toString();
    }
}
