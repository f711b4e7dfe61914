package org.openplaza.visualisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.charts.ChartType;
import org.openplaza.datastore.GroupQuery;
import org.openplaza.datastore.GroupQuery.Aggregation;
import org.openplaza.datastore.GroupQuery.Dimension;
import org.openplaza.datastore.GroupQuery.Measure;
import org.openplaza.datastore.QueryException;
import org.openplaza.datastore.RowQuery;
import org.openplaza.importer.CsvAnalyzer;
import org.openplaza.importer.ImportMonitor;
import org.openplaza.importer.ImportPlan;
import org.openplaza.publishing.PublishingException;
import org.openplaza.publishing.PublishingService;
import org.openplaza.publishing.TestCallers;
import org.openplaza.publishing.TestDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
class VisualisationServiceTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    long dataset;

    final ChartDefinition byDistrict = new ChartDefinition(
            ChartType.BAR,
            GroupQuery.of(Dimension.of("district"), new Measure("cases", Aggregation.SUM))
                    .withFilters(List.of(new RowQuery.Range("cases", 1L, null))));

    @BeforeEach
    void a_published_dataset_and_two_citizens() throws Exception {
        TestCallers.user(db, "lee");
        TestCallers.user(db, "choi");
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("Seoul " + System.nanoTime()).id();
        Path file =
                Files.writeString(dir.resolve("cases.csv"), "district,cases\nGangnam,10\nGangnam,5\nMapo,7\nJung,0\n");
        dataset = TestDatasets.imported(publishing, TestDatasets.metadata(organisation, "Cases"), file, true);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_citizen_saves_a_chart_that_anybody_can_then_see_drawn() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long id = visualisations.save(dataset, "Cases by district", "Sum of cases.", byDistrict, true);

        TestCallers.anonymous();
        DrawnVisualisation drawn = visualisations.draw(id).orElseThrow();
        assertThat(drawn.visualisation().title()).isEqualTo("Cases by district");
        assertThat(drawn.visualisation().author()).isEqualTo("lee");
        assertThat(drawn.definition()).isEqualTo(byDistrict);
        assertThat(drawn.data().categories()).containsExactly("Gangnam", "Mapo");
        assertThat(drawn.data().value("sum(cases)", "Gangnam")).isEqualTo(15.0);
        assertThat(drawn.problem()).isNull();
        assertThat(visualisations.listVisible(0, 10))
                .extracting(VisualisationSummary::id)
                .contains(id);
    }

    @Test
    void bad_titles_impossible_charts_and_other_peoples_charts_are_refused() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        assertThatThrownBy(() -> visualisations.save(dataset, "x", "", byDistrict, true))
                .isInstanceOfSatisfying(
                        PublishingException.class, e -> assertThat(e.field()).isEqualTo("title"));
        ChartDefinition sumOfText = new ChartDefinition(
                ChartType.BAR, GroupQuery.of(Dimension.of("cases"), new Measure("district", Aggregation.SUM)));
        assertThatThrownBy(() -> visualisations.save(dataset, "Sum of names", "", sumOfText, true))
                .isInstanceOf(QueryException.class);
        long id = visualisations.save(dataset, "Cases by district", "", byDistrict, true);

        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> visualisations.delete(id)).isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("lee", "CITIZEN");
        visualisations.delete(id);
        assertThat(visualisations.find(id)).isEmpty();
    }

    @Test
    void when_a_new_version_breaks_the_chart_it_falls_back_to_its_own_version() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long id = visualisations.save(dataset, "Cases by district", "", byDistrict, true);
        TestCallers.signIn("root", "ADMIN");
        Path renamed = Files.writeString(dir.resolve("v2.csv"), "area,cases\nGangnam,1\n");
        publishing.importVersion(
                dataset,
                renamed,
                "v2.csv",
                ImportPlan.asDetected(publishing.analyse(renamed, CsvAnalyzer.Settings.DETECT)),
                List.of(),
                new ImportMonitor());

        TestCallers.anonymous();
        DrawnVisualisation drawn = visualisations.draw(id).orElseThrow();
        assertThat(drawn.problem()).contains("district");
        assertThat(drawn.versionId()).isEqualTo(drawn.visualisation().versionId());
        assertThat(drawn.data().value("sum(cases)", "Gangnam")).isEqualTo(15.0);
    }
}
