package org.openplaza.catalog.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetMetadata;

/** Another portal's records read from a CKAN answer and from DCAT-AP in its three syntaxes. */
class RecordsTest {

    @TempDir
    Path dir;

    static final String TURTLE = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
            @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
            <https://data.example.org/catalog> a dcat:Catalog ;
                dcat:dataset <https://data.example.org/dataset/air>, <https://data.example.org/dataset/bus> .
            <https://data.example.org/catalog?page=1> hydra:next <https://data.example.org/catalog?page=2> .
            <https://data.example.org/dataset/air> a dcat:Dataset ;
                dct:identifier "air-quality" ;
                dct:title "Air quality"@en, "대기질"@ko ;
                dct:description "Hourly PM2.5 readings."@en ;
                dcat:keyword "air", "pm2.5" ;
                dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
                dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/HOURLY> ;
                dct:language <http://publications.europa.eu/resource/authority/language/KOR> ;
                dcat:contactPoint [ a vcard:Kind ; vcard:fn "Air desk" ; vcard:hasEmail <mailto:air@example.org> ] ;
                dcat:landingPage <https://data.example.org/air> ;
                dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ] ;
                dcat:distribution [ a dcat:Distribution ;
                    dct:title "Readings" ;
                    dcat:downloadURL <https://data.example.org/files/air.csv> ;
                    dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
                    dct:license <https://creativecommons.org/licenses/by/4.0/> ] ,
                  [ a dcat:Distribution ; dct:title "Bad" ; dcat:accessURL <javascript:alert(1)> ] .
            <https://data.example.org/dataset/bus> a dcat:Dataset ;
                dct:title "Bus stops" ;
                dct:description "Every stop." ;
                dct:license <http://publications.europa.eu/resource/authority/licence/CC0> .
            """;

    private static final DcatRecords.ContextLoader NO_CONTEXTS = address -> {
        throw new IllegalStateException("no context may be loaded here: " + address);
    };

    private DcatRecords.Page dcat(String text, String contentType, String address) throws Exception {
        Path file = Files.writeString(dir.resolve("catalog"), text, StandardCharsets.UTF_8);
        return DcatRecords.read(file, contentType, address, NO_CONTEXTS);
    }

    @Test
    void a_turtle_catalogue_gives_its_datasets_in_this_portals_words() throws Exception {
        DcatRecords.Page page = dcat(TURTLE, "text/turtle", "https://data.example.org/catalog?page=1");
        assertThat(page.next()).isEqualTo("https://data.example.org/catalog?page=2");
        assertThat(page.records())
                .extracting(HarvestedRecord::originalId)
                .containsExactly("air-quality", "https://data.example.org/dataset/bus");
        HarvestedRecord air = page.records().get(0);
        assertThat(air.title())
                .as("the literal without a language or in English")
                .isEqualTo("Air quality");
        assertThat(air.keywords()).containsExactly("air", "pm2.5");
        assertThat(air.links())
                .as("a javascript: address is never kept")
                .extracting(HarvestedRecord.Link::url)
                .containsExactly("https://data.example.org/files/air.csv");
        assertThat(air.csv()).isNotNull();
        DatasetMetadata m = air.toMetadata(7);
        assertThat(m.themes()).containsExactly("ENVI");
        assertThat(m.updateFrequency()).isEqualTo("HOURLY");
        assertThat(m.language()).isEqualTo("ko");
        assertThat(m.licence())
                .as("the distribution's licence, read by its page")
                .isEqualTo("CC-BY-4.0");
        assertThat(m.contactEmail()).isEqualTo("air@example.org");
        assertThat(m.temporalFrom()).hasToString("2024-01-01");
        assertThat(air.landingPage()).isEqualTo("https://data.example.org/air");
        assertThat(page.records().get(1).toMetadata(7).licence()).isEqualTo("CC0-1.0");
    }

    @Test
    void the_same_catalogue_as_rdf_xml_and_json_ld_gives_the_same_records() throws Exception {
        var model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(TURTLE, org.apache.jena.riot.Lang.TURTLE)
                .parse(model);
        List<String> fingerprints = dcat(TURTLE, null, "https://data.example.org/catalog.ttl").records().stream()
                .map(HarvestedRecord::fingerprint)
                .toList();
        for (var lang : List.of(org.apache.jena.riot.Lang.RDFXML, org.apache.jena.riot.Lang.JSONLD)) {
            var out = new java.io.StringWriter();
            org.apache.jena.riot.RDFDataMgr.write(out, model, lang);
            // no content type: the syntax is found by trying
            assertThat(dcat(out.toString(), null, "https://data.example.org/catalog")
                            .records())
                    .as(lang.getName())
                    .extracting(HarvestedRecord::fingerprint)
                    .containsExactlyElementsOf(fingerprints);
        }
    }

    @Test
    void a_json_ld_context_given_by_address_is_loaded_only_through_the_portals_loader() throws Exception {
        String jsonld = """
                {"@context": "http://127.0.0.1:9/context.jsonld",
                 "@id": "https://data.example.org/dataset/x", "@type": "Dataset", "title": "Remote context"}
                """;
        List<URI> asked = new CopyOnWriteArrayList<>();
        Path file = Files.writeString(dir.resolve("catalog.jsonld"), jsonld);
        assertThatThrownBy(() ->
                        DcatRecords.read(file, "application/ld+json", "https://x.example/c.jsonld", address -> {
                            asked.add(address);
                            throw new CatalogException("url", "fetch.error.host-not-allowed", address.getHost());
                        }))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("harvest.error.not-dcat");
        assertThat(asked).containsExactly(URI.create("http://127.0.0.1:9/context.jsonld"));

        // and a context the loader gives is used
        String context = """
                {"@context": {"Dataset": "http://www.w3.org/ns/dcat#Dataset", "title": "http://purl.org/dc/terms/title",
                  "licence": {"@id": "http://purl.org/dc/terms/license", "@type": "@id"}}}
                """;
        DcatRecords.Page page = DcatRecords.read(
                file,
                "application/ld+json",
                "https://x.example/c.jsonld",
                address -> new ByteArrayInputStream(context.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.records()).extracting(HarvestedRecord::title).containsExactly("Remote context");
    }

    @Test
    void rdf_xml_external_entities_are_not_read() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "%s"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
                  <dcat:Dataset rdf:about="https://data.example.org/dataset/x">
                    <dct:title>Leak &secret;</dct:title>
                  </dcat:Dataset>
                </rdf:RDF>
                """.formatted(secret.toUri());
        String read;
        try {
            read = dcat(xml, "application/rdf+xml", "https://data.example.org/catalog.rdf").records().stream()
                    .map(HarvestedRecord::title)
                    .findFirst()
                    .orElse("");
        } catch (CatalogException refused) {
            read = refused.getMessage();
        }
        assertThat(read).doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void a_document_that_is_no_catalogue_is_refused() {
        assertThatThrownBy(() -> dcat("<html><body>Not here</body></html>", "text/html", "https://x.example/"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("harvest.error.not-dcat");
    }

    @Test
    void a_ckan_page_gives_its_active_public_packages() throws Exception {
        String answer = """
                {"success": true, "result": {"count": 3, "results": [
                  {"id": "a1", "name": "rainfall", "title": "Rainfall", "notes": "Daily rain.", "state": "active",
                   "license_id": "odc-odbl", "maintainer": "Met desk", "maintainer_email": "met@example.org",
                   "tags": [{"name": "rain", "display_name": "rain"}], "groups": [{"name": "envi"}],
                   "extras": [{"key": "frequency", "value": "DAILY"}, {"key": "language", "value": "en"}],
                   "metadata_modified": "2026-11-30T10:00:00",
                   "resources": [
                     {"name": "2025", "format": "CSV", "url": "https://x.example/r2025.csv", "last_modified": "2026-01-01T00:00:00"},
                     {"name": "2026", "format": "csv", "url": "https://x.example/r2026.csv", "last_modified": "2026-11-30T00:00:00"},
                     {"name": "Map", "format": "HTML", "url": "javascript:alert(document.cookie)"}]},
                  {"id": "p1", "name": "secret", "title": "Secret", "private": true, "state": "active"},
                  {"id": "d1", "name": "gone", "title": "Gone", "state": "deleted"}]}}
                """;
        CkanRecords.Page page = CkanRecords.page(
                new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), "https://x.example");
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.records()).singleElement().satisfies(r -> {
            assertThat(r.originalId()).isEqualTo("a1");
            assertThat(r.name()).isEqualTo("rainfall");
            assertThat(r.landingPage()).isEqualTo("https://x.example/dataset/rainfall");
            assertThat(r.links()).hasSize(2);
            assertThat(r.csv().url()).as("the CSV changed last").isEqualTo("https://x.example/r2026.csv");
            DatasetMetadata m = r.toMetadata(1);
            assertThat(m.licence()).isEqualTo("ODbL-1.0");
            assertThat(m.themes()).containsExactly("ENVI");
            assertThat(m.updateFrequency()).isEqualTo("DAILY");
            assertThat(m.contactName()).isEqualTo("Met desk");
        });
        assertThat(CkanRecords.root("https://x.example/api/3/action/package_list?x=1"))
                .isEqualTo("https://x.example");
    }

    @Test
    void a_licence_that_names_no_version_is_not_guessed() {
        HarvestedRecord record = new HarvestedRecord(
                "x",
                null,
                "Some data",
                "About it",
                List.of(),
                java.util.Set.of(),
                "cc-by",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
        assertThatThrownBy(() -> record.toMetadata(1))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("harvest.problem.licence");
    }

    @Test
    void an_answer_that_is_not_ckans_is_refused() {
        assertThatThrownBy(() -> CkanRecords.page(
                        new ByteArrayInputStream(
                                "{\"success\": false, \"error\": {\"message\": \"Not found\"}}".getBytes()),
                        "https://x.example"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("harvest.error.not-ckan");
    }
}
