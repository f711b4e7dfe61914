package org.openplaza.portal.catalog;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.errors.NotFoundView;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.portal.visualisations.VisualisationView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A dataset's page and a visualisation's page without a browser, reached by their addresses: the
 * dataset's heading and figures from the catalogue, its tabs, the chart tab opened by the address,
 * an unknown dataset or chart answered as not found; and what a visitor, a reader and the owner are
 * offered beside a chart.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class DatasetPagesIT {

    @Autowired
    CatalogSearch search;

    @Autowired
    DatasetReader reader;

    @Autowired
    VisualisationService visualisations;

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    private DatasetPage aPublishedDataset() {
        String slug = search.search(new SearchRequest("", Map.of(), SearchRequest.Order.TITLE, 0, 1))
                .hits()
                .get(0)
                .slug();
        return reader.bySlug(slug).orElseThrow();
    }

    @Test
    void a_datasets_page_shows_its_title_publisher_figures_and_tabs() {
        DatasetPage dataset = aPublishedDataset();
        DatasetView view = MockUi.navigate("dataset/" + dataset.slug(), DatasetView.class);
        assertThat(_get(view, H1.class, spec -> spec.withId("dataset-heading")).getText())
                .isEqualTo(dataset.metadata().in("en").title());
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("dataset-publisher"))
                        .getText())
                .isEqualTo("Published by " + dataset.organisation());
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("dataset-figures"))
                        .getText())
                .startsWith(String.format("%,d rows · updated ", dataset.rows()));
        assertThat(_find(view, Paragraph.class, spec -> spec.withId("dataset-not-public")))
                .isEmpty();
        TabSheet tabs = _get(view, TabSheet.class);
        assertThat(tabs.getSelectedIndex()).isZero();
        assertThat(tabs.getSelectedTab().getLabel()).isEqualTo("Data");
        assertThat(UI.getCurrent().getInternals().getTitle())
                .startsWith(dataset.metadata().in("en").title());
    }

    @Test
    void an_address_that_names_a_chart_opens_the_chart_tab() {
        DatasetPage dataset = aPublishedDataset();
        DatasetView view = MockUi.navigate("dataset/" + dataset.slug() + "?chart=bar", DatasetView.class);
        assertThat(_get(view, TabSheet.class).getSelectedTab().getLabel()).isEqualTo("Chart");
        assertThat(_find(view, ChartBuilder.class)).hasSize(1);
    }

    @Test
    void an_unknown_dataset_or_chart_is_not_found() {
        UI.getCurrent().navigate("dataset/no-such-dataset-here");
        assertThat(_find(NotFoundView.class)).hasSize(1);
        assertThat(_find(DatasetView.class)).isEmpty();
        UI.getCurrent().navigate("visualisation/987654321");
        assertThat(_find(NotFoundView.class)).hasSize(1);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
    }

    @Test
    void beside_a_chart_a_visitor_is_asked_to_sign_in_a_reader_may_like_and_report_and_the_owner_may_edit() {
        VisualisationSummary shared = visualisations.search(Gallery.all(), 0, 1).get(0);
        Visualisation chart = visualisations.find(shared.id()).orElseThrow();

        VisualisationView visitor = MockUi.navigate("visualisation/" + chart.id(), VisualisationView.class);
        assertThat(_get(visitor, H1.class, spec -> spec.withId("visualisation-heading"))
                        .getText())
                .isEqualTo(chart.title());
        assertThat(_get(visitor, Anchor.class, spec -> spec.withId("visualisation-dataset"))
                        .getHref())
                .isEqualTo("dataset/" + chart.datasetSlug());
        assertThat(_find(visitor, Anchor.class, spec -> spec.withId("visualisation-like-sign-in")))
                .hasSize(1);
        assertThat(_find(visitor, Button.class, spec -> spec.withId("visualisation-like")))
                .isEmpty();

        String reader = chart.owner().equals("citizen") ? "official" : "citizen";
        MockUi.signIn(reader, reader.toUpperCase(java.util.Locale.ROOT));
        UI.getCurrent().navigate("");
        VisualisationView other = MockUi.navigate("visualisation/" + chart.id(), VisualisationView.class);
        assertThat(_find(other, Button.class, spec -> spec.withId("visualisation-like")))
                .hasSize(1);
        assertThat(_find(other, Button.class, spec -> spec.withId("visualisation-report")))
                .hasSize(1);
        assertThat(_find(other, Button.class, spec -> spec.withId("visualisation-delete")))
                .isEmpty();

        MockUi.signIn(chart.owner(), "CITIZEN", "OFFICIAL");
        UI.getCurrent().navigate("");
        VisualisationView owner = MockUi.navigate("visualisation/" + chart.id(), VisualisationView.class);
        assertThat(_find(owner, Button.class, spec -> spec.withId("visualisation-delete")))
                .hasSize(1);
        assertThat(_get(owner, Anchor.class, spec -> spec.withId("visualisation-edit-chart"))
                        .getHref())
                .isEqualTo("dataset/" + chart.datasetSlug() + "?edit=" + chart.id());
        assertThat(_find(owner, Button.class, spec -> spec.withId("visualisation-report")))
                .isEmpty();
    }
}
