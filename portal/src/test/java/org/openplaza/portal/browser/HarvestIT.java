package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.HarvestRun;
import org.openplaza.catalog.HarvestSource;
import org.openplaza.catalog.Harvests;
import org.openplaza.catalog.Provenance;
import org.openplaza.catalog.PublishingService;
import org.openplaza.platform.RunAs;
import org.openplaza.portal.api.CkanClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * This portal harvests a second OpenPlaza running beside it (its own database, files and demo
 * data), as it would another city's portal: through its CKAN API, from the administrators' page in
 * the browser, with the CSV files imported; then through its DCAT catalogue in Turtle and JSON-LD.
 * Changes and withdrawals on the other portal reach this one on the next run.
 */
class HarvestIT extends BrowserTest {

    static ConfigurableApplicationContext other;
    static int otherPort;

    @Autowired
    Harvests harvests;

    @Autowired
    DatasetReader reader;

    @Autowired
    PublishingService publishing;

    @Autowired
    RunAs runAs;

    @BeforeAll
    static void anotherPortal() throws Exception {
        Path dir = Files.createTempDirectory("openplaza-other-portal");
        other = org.openplaza.portal.testdata.PortalInThisJvm.start(dir, "openplaza.harvest.first-check=PT1H");
        otherPort = org.openplaza.portal.testdata.PortalInThisJvm.port(other);
    }

    @AfterAll
    static void stopTheOtherPortal() {
        if (other != null) {
            other.close();
        }
    }

    /**
     * Removes the sources this test added, which withdraws their datasets: the copies of the other
     * portal's demo datasets would otherwise stand in the catalogue beside this portal's own for the
     * tests that follow.
     */
    @org.junit.jupiter.api.AfterEach
    void removeTheSources() {
        runAs.run(admin(), () -> harvests.sources().forEach(source -> harvests.remove(source.id())));
    }

    /** The other portal's published datasets, by its own API. */
    private static List<String> otherNames() throws Exception {
        var answer = CkanClient.json(new CkanClient(otherPort).get("package_list", ""));
        List<String> names = new java.util.ArrayList<>();
        answer.get("result").forEach(n -> names.add(n.asText()));
        return names;
    }

    private HarvestSource sourceTitled(String title) {
        HarvestSource[] found = new HarvestSource[1];
        runAs.run(
                admin(),
                () -> found[0] = harvests.sources().stream()
                        .filter(s -> s.title().equals(title))
                        .findFirst()
                        .orElseThrow());
        return found[0];
    }

    @Test
    void an_administrator_harvests_another_portals_ckan_api_and_follows_its_changes() throws Exception {
        List<String> names = otherNames();
        assertThat(names).as("the other portal's demo catalogue").hasSizeGreaterThan(2);

        signIn("admin", "plaza-admin-demo-key");
        open("/admin/harvesting");
        String title = "Neighbouring city " + System.nanoTime();
        type("#harvest-title", title);
        type("#harvest-url", "http://localhost:" + otherPort + "/api/3/action");
        click("#harvest-add");
        HarvestSource source = sourceTitled(title);
        String card = "#harvest-source-" + source.id();
        waiting().until(d -> displayed(card + "-now"));
        assertThat(find("vaadin-notification-card").getText()).startsWith("The source is added");
        // the notice lies over the page's foot, where the button may be; it is read, and closed
        js("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        click(card + "-now");
        waiting(Duration.ofMinutes(3))
                .withMessage("the run's report, shown by the page's polling")
                .until(d -> present(card + "-report"));
        assertThat(find(card + "-status").getText()).startsWith("Last harvested");
        HarvestRun run = source(source).lastRun();
        assertThat(run.state()).isEqualTo(HarvestRun.State.DONE);
        assertThat(run.created() + run.failed()).isEqualTo(names.size());
        assertThat(run.created()).isPositive();
        assertThat(find(card + "-report").getText()).startsWith(run.created() + " new, 0 updated");
        assertThat(find(card + "-mirrored").getText()).isEqualTo(run.created() + " datasets mirrored.");
        assertAccessible("harvesting, with a report");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/admin/harvesting");
            waiting().until(d -> present(card + "-report"));
            assertThat(js("return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                    .as("sideways scrolling on the harvesting page at 390 px")
                    .isEqualTo(false);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }

        // a mirrored dataset with its data and where it comes from
        DatasetPage mirrored = mirrorOf(source, names);
        assertThat(mirrored.published()).isTrue();
        open("/dataset/" + mirrored.slug());
        assertThat(find("#dataset-provenance").getText()).contains("Harvested from " + title);
        assertThat(find("#dataset-original").getAttribute("href"))
                .startsWith("http://localhost:" + otherPort + "/dataset/");
        assertAccessible("a harvested dataset");

        // on the other portal, one dataset is renamed and another withdrawn
        PublishingService theirs = other.getBean(PublishingService.class);
        DatasetReader theirReader = other.getBean(DatasetReader.class);
        String renamed = names.get(0);
        String withdrawn = names.get(1);
        other.getBean(RunAs.class).run(admin(), () -> {
            DatasetPage page = theirReader.bySlug(renamed).orElseThrow();
            DatasetMetadata m = theirs.metadata(page.id());
            theirs.updateMetadata(
                    page.id(),
                    new DatasetMetadata(
                            m.organisationId(),
                            m.title() + " (revised)",
                            m.description(),
                            m.contactName(),
                            m.contactEmail(),
                            m.themes(),
                            m.keywords(),
                            m.licence(),
                            m.updateFrequency(),
                            m.temporalFrom(),
                            m.temporalTo(),
                            m.spatial(),
                            m.language(),
                            m.translations()));
            theirs.withdraw(theirReader.bySlug(withdrawn).orElseThrow().id());
        });
        HarvestRun[] again = new HarvestRun[1];
        runAs.run(admin(), () -> again[0] = harvests.harvestNow(source.id()));
        assertThat(again[0].updated()).isEqualTo(1);
        assertThat(again[0].removed()).isEqualTo(1);
        assertThat(again[0].created()).isZero();
    }

    @Test
    void the_other_portals_dcat_catalogue_is_harvested_in_turtle_and_json_ld() throws Exception {
        int published = otherNames().size();
        for (String format : List.of("ttl", "jsonld")) {
            HarvestRun[] run = new HarvestRun[1];
            HarvestSource[] source = new HarvestSource[1];
            runAs.run(admin(), () -> {
                long organisation = publishing.myOrganisations().get(0).id();
                source[0] = harvests.add(
                        "DCAT " + format + " " + System.nanoTime(),
                        "http://localhost:" + otherPort + "/catalog." + format,
                        HarvestSource.Kind.DCAT,
                        organisation,
                        format.equals("ttl"),
                        Duration.ofDays(1));
                run[0] = harvests.harvestNow(source[0].id());
            });
            assertThat(run[0].state()).as(format).isEqualTo(HarvestRun.State.DONE);
            assertThat(run[0].created() + run[0].failed()).as(format).isEqualTo(published);
            assertThat(run[0].created()).as(format).isPositive();
            runAs.run(
                    admin(),
                    () -> assertThat(harvests.problems(run[0].id()))
                            .as(format)
                            .allSatisfy(p -> assertThat(p.messageKey()).isEqualTo("harvest.problem.licence")));
            if (format.equals("jsonld")) {
                recordOnly(source[0]);
            }
        }
    }

    /**
     * A dataset harvested without its file: published as a record, its page links to its files at
     * the other portal, and the catalogue finds it.
     */
    private void recordOnly(HarvestSource source) {
        long[] id = new long[1];
        runAs.run(admin(), () -> id[0] = harvests.datasetsOf(source.id()).get(0));
        DatasetPage page = reader.byId(id[0]).orElseThrow();
        assertThat(page.published()).isTrue();
        assertThat(page.currentVersionId()).isNull();
        open("/dataset/" + page.slug());
        assertThat(find("#dataset-original-files a").getAttribute("href"))
                .startsWith("http://localhost:" + otherPort + "/download/");
        open("/catalog?q="
                + java.net.URLEncoder.encode(page.metadata().title(), java.nio.charset.StandardCharsets.UTF_8));
        waiting()
                .withMessage("the record in the catalogue's results")
                .until(d -> present("#catalog-results a[href$='dataset/" + page.slug() + "']"));
    }

    private HarvestSource source(HarvestSource source) {
        HarvestSource[] now = new HarvestSource[1];
        runAs.run(admin(), () -> now[0] = harvests.source(source.id()));
        return now[0];
    }

    /** A dataset mirrored from the other portal that has its data here, as many rows as there. */
    private DatasetPage mirrorOf(HarvestSource source, List<String> names) {
        DatasetReader theirs = other.getBean(DatasetReader.class);
        List<Long> ids = new java.util.ArrayList<>();
        runAs.run(admin(), () -> ids.addAll(harvests.datasetsOf(source.id())));
        for (long id : ids) {
            DatasetPage candidate = reader.byId(id).orElseThrow();
            Provenance provenance = harvests.provenanceOf(id).orElseThrow();
            if (candidate.rows() > 0) {
                DatasetPage original =
                        theirs.byIdOrSlug(provenance.originalId()).orElseThrow();
                assertThat(names).contains(original.slug());
                assertThat(candidate.rows()).isEqualTo(original.rows());
                assertThat(provenance.originalUrl()).endsWith("/dataset/" + original.slug());
                return candidate;
            }
        }
        throw new AssertionError("no dataset mirrored with its data");
    }
}
