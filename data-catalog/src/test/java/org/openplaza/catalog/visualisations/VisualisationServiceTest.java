package org.openplaza.catalog.visualisations;

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
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Dimension;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationReport;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.catalog.publishing.TestCallers;
import org.openplaza.catalog.publishing.TestDatasets;
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

    @Autowired
    VisualisationWords words;

    @TempDir
    Path dir;

    long dataset;

    final ChartDefinition byDistrict = new ChartDefinition(
            ChartType.BAR,
            GroupRequest.of(Dimension.of("district"), new Measure("cases", Aggregation.SUM))
                    .withFilters(List.of(new RowRequest.Range("cases", 1L, null))));

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
                        CatalogException.class, e -> assertThat(e.field()).isEqualTo("title"));
        ChartDefinition sumOfText = new ChartDefinition(
                ChartType.BAR, GroupRequest.of(Dimension.of("cases"), new Measure("district", Aggregation.SUM)));
        assertThatThrownBy(() -> visualisations.save(dataset, "Sum of names", "", sumOfText, true))
                .isInstanceOf(CatalogException.class);
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
                ImportPlan.asDetected(publishing.analyse(renamed, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());

        TestCallers.anonymous();
        DrawnVisualisation drawn = visualisations.draw(id).orElseThrow();
        assertThat(drawn.problem()).contains("district");
        assertThat(drawn.versionId()).isEqualTo(drawn.visualisation().versionId());
        assertThat(drawn.data().value("sum(cases)", "Gangnam")).isEqualTo(15.0);
    }

    @Test
    void owners_edit_their_chart_and_its_words_and_nobody_else_can() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long id = visualisations.save(dataset, "Cases by district", "", byDistrict, true);
        visualisations.describe(id, "  Cases in each district ", "Summed.", false);
        ChartDefinition pie = new ChartDefinition(
                ChartType.PIE, GroupRequest.of(Dimension.of("district"), new Measure(null, Aggregation.COUNT)));
        visualisations.redefine(id, pie);

        DrawnVisualisation drawn = visualisations.draw(id).orElseThrow();
        assertThat(drawn.visualisation().title()).isEqualTo("Cases in each district");
        assertThat(drawn.visualisation().description()).isEqualTo("Summed.");
        assertThat(drawn.visualisation().followsLatest()).isFalse();
        assertThat(drawn.definition()).isEqualTo(pie);
        assertThat(drawn.data().value("count", "Jung")).isEqualTo(1.0);

        ChartDefinition sumOfText = new ChartDefinition(
                ChartType.BAR, GroupRequest.of(Dimension.of("cases"), new Measure("district", Aggregation.SUM)));
        assertThatThrownBy(() -> visualisations.redefine(id, sumOfText)).isInstanceOf(CatalogException.class);
        assertThat(visualisations.draw(id).orElseThrow().definition()).isEqualTo(pie);

        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> visualisations.describe(id, "Mine now", "", true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> visualisations.redefine(id, byDistrict)).isInstanceOf(AccessDeniedException.class);
        TestCallers.anonymous();
        assertThatThrownBy(() -> visualisations.describe(id, "Mine now", "", true))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void impossible_heat_maps_and_calendars_are_refused_with_their_reason() {
        assertThatThrownBy(() -> new ChartDefinition(
                        ChartType.HEATMAP,
                        GroupRequest.of(Dimension.of("district"), new Measure(null, Aggregation.COUNT))))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chart.error.heatmap-needs-split"));
        assertThatThrownBy(() -> new ChartDefinition(
                        ChartType.CALENDAR,
                        GroupRequest.of(Dimension.of("district"), new Measure(null, Aggregation.COUNT))))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chart.error.calendar-needs-days"));
        assertThatThrownBy(() -> new ChartDefinition(
                        ChartType.HISTOGRAM,
                        GroupRequest.of(Dimension.of("cases"), new Measure(null, Aggregation.COUNT))))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chart.error.histogram-needs-ranges"));
    }

    @Test
    void each_user_likes_once_and_the_gallery_sorts_by_likes() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long liked = visualisations.save(dataset, "Liked chart", "", byDistrict, true);
        long other = visualisations.save(dataset, "Other chart", "", byDistrict, true);

        assertThat(visualisations.like(liked, true)).isEqualTo(1);
        assertThat(visualisations.like(liked, true)).isEqualTo(1);
        assertThat(visualisations.likedByMe(liked)).isTrue();
        TestCallers.signIn("choi", "CITIZEN");
        assertThat(visualisations.likedByMe(liked)).isFalse();
        assertThat(visualisations.like(liked, true)).isEqualTo(2);
        assertThat(visualisations.like(liked, false)).isEqualTo(1);
        assertThat(visualisations.like(liked, true)).isEqualTo(2);
        assertThat(db.fetchCount(org.openplaza.db.catalog.Tables.VISUALISATION_LIKE))
                .isEqualTo(2);

        TestCallers.anonymous();
        assertThat(visualisations.likedByMe(liked)).isFalse();
        assertThatThrownBy(() -> visualisations.like(liked, true)).isInstanceOf(AccessDeniedException.class);
        Gallery ours = new Gallery(null, null, null, null, Gallery.Sort.MOST_LIKED);
        List<VisualisationSummary> byLikes = visualisations.search(ours, 0, 10);
        assertThat(byLikes).extracting(VisualisationSummary::id).containsSubsequence(liked, other);
        assertThat(byLikes.get(byLikes.stream()
                                .map(VisualisationSummary::id)
                                .toList()
                                .indexOf(liked))
                        .likes())
                .isEqualTo(2);
    }

    @Test
    void the_gallery_filters_by_words_dataset_organisation_and_type() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long bars = visualisations.save(dataset, "Cases by district", "Gangnam leads.", byDistrict, true);
        long pie = visualisations.save(
                dataset,
                "Share of rows",
                "",
                new ChartDefinition(
                        ChartType.PIE, GroupRequest.of(Dimension.of("district"), new Measure(null, Aggregation.COUNT))),
                true);
        String slug = visualisations.find(bars).orElseThrow().datasetSlug();
        String organisation = visualisations.organisations().entrySet().stream()
                .filter(e -> e.getValue().startsWith("Seoul "))
                .map(java.util.Map.Entry::getKey)
                .reduce((a, b) -> b)
                .orElseThrow();

        // the index hears of saved charts after the commit, which this rolled-back test never makes
        words.rebuild();
        TestCallers.anonymous();
        Gallery ofDataset = new Gallery(null, slug, null, null, Gallery.Sort.RELEVANCE);
        assertThat(visualisations.search(new Gallery("gangnam", slug, null, null, Gallery.Sort.NEWEST), 0, 10))
                .extracting(VisualisationSummary::id)
                .containsExactly(bars);
        assertThat(visualisations.search(withWords(ofDataset, "districts"), 0, 10))
                .as("the stem of a title's word")
                .extracting(VisualisationSummary::id)
                .containsExactly(bars);
        assertThat(visualisations.search(withWords(ofDataset, "shar"), 0, 10))
                .as("a word's beginning")
                .extracting(VisualisationSummary::id)
                .containsExactly(pie);
        assertThat(visualisations.search(withWords(ofDataset, "cases"), 0, 10))
                .as("the title first, then the dataset's title")
                .extracting(VisualisationSummary::id)
                .containsExactly(bars, pie);
        assertThat(visualisations.count(withWords(ofDataset, "cases"))).isEqualTo(2);
        assertThat(visualisations.search(new Gallery(null, slug, null, ChartType.PIE, Gallery.Sort.NEWEST), 0, 10))
                .extracting(VisualisationSummary::id)
                .containsExactly(pie);
        Gallery ofOrganisation = new Gallery(null, null, organisation, null, Gallery.Sort.NEWEST);
        assertThat(visualisations.search(ofOrganisation, 0, 10))
                .extracting(VisualisationSummary::id)
                .containsExactly(pie, bars);
        assertThat(visualisations.count(ofOrganisation)).isEqualTo(2);
        assertThat(visualisations.count(new Gallery(null, null, "nobody-here", null, Gallery.Sort.NEWEST)))
                .isZero();
    }

    private static Gallery withWords(Gallery gallery, String words) {
        return new Gallery(words, gallery.dataset(), gallery.organisation(), gallery.type(), gallery.sort());
    }

    @Test
    void a_reported_chart_is_hidden_by_an_administrator_and_its_owner_sees_why() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long id = visualisations.save(dataset, "Cases by district", "", byDistrict, true);
        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> visualisations.report(id, "")).isInstanceOf(CatalogException.class);
        visualisations.report(id, "Misleading axis");
        assertThatThrownBy(() -> visualisations.report(id, "Again"))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("visualisation.error.already-reported"));
        assertThatThrownBy(() -> visualisations.openReports()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> visualisations.hide(id, "Because")).isInstanceOf(AccessDeniedException.class);

        TestCallers.signIn("root", "ADMIN");
        List<VisualisationReport> reports = visualisations.openReports();
        assertThat(reports)
                .filteredOn(r -> r.visualisationId() == id)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("Misleading axis");
                    assertThat(r.reporter()).isEqualTo("choi");
                });
        visualisations.hide(id, "The axis does not start at zero");
        assertThat(visualisations.openReports()).noneMatch(r -> r.visualisationId() == id);
        assertThat(db.fetchCount(
                        org.openplaza.db.accounts.Tables.AUDIT_EVENT,
                        org.openplaza.db.accounts.Tables.AUDIT_EVENT.EVENT_TYPE.eq("VISUALISATION_HIDDEN")))
                .isPositive();

        TestCallers.anonymous();
        assertThat(visualisations.find(id)).isEmpty();
        assertThat(visualisations.listVisible(0, 100)).noneMatch(v -> v.id() == id);
        TestCallers.signIn("choi", "CITIZEN");
        assertThat(visualisations.find(id)).isEmpty();
        TestCallers.signIn("lee", "CITIZEN");
        Visualisation own = visualisations.find(id).orElseThrow();
        assertThat(own.hidden()).isTrue();
        assertThat(own.hiddenReason()).isEqualTo("The axis does not start at zero");
        assertThat(visualisations.mine()).extracting(Visualisation::id).contains(id);

        TestCallers.signIn("root", "ADMIN");
        visualisations.restore(id);
        TestCallers.anonymous();
        assertThat(visualisations.find(id)).isPresent();
    }

    @Test
    void a_dismissed_report_leaves_the_chart_shown() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long id = visualisations.save(dataset, "Cases by district", "", byDistrict, true);
        TestCallers.signIn("choi", "CITIZEN");
        visualisations.report(id, "I disagree");
        TestCallers.signIn("root", "ADMIN");
        long report = visualisations.openReports().stream()
                .filter(r -> r.visualisationId() == id)
                .findFirst()
                .orElseThrow()
                .id();
        visualisations.dismissReport(report);
        assertThat(visualisations.openReports()).noneMatch(r -> r.id() == report);
        assertThatThrownBy(() -> visualisations.dismissReport(report)).isInstanceOf(CatalogException.class);
        TestCallers.anonymous();
        assertThat(visualisations.find(id)).isPresent();
    }
}
