package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.proposals.Origin;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalSummary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo content is the first thing a visitor sees: each demo chart shows what its title says,
 * and each demo proposal is signed by the organisation it speaks for.
 */
@RunningPortal
class DemoContentIT {

    @Autowired
    VisualisationService visualisations;

    @Autowired
    ProposalService proposals;

    private DrawnVisualisation drawn(String titleStart) throws Exception {
        VisualisationSummary chart = visualisations.listVisible(0, 50).stream()
                .filter(v -> v.title().startsWith(titleStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo chart " + titleStart));
        return visualisations.draw(chart.id()).orElseThrow();
    }

    @Test
    void the_ten_commonest_diseases_chart_shows_ten_diseases_with_their_totals() throws Exception {
        DrawnVisualisation diseases = drawn("The ten commonest notifiable diseases");
        assertThat(diseases.definition().query().dimension().column()).isEqualTo("disease");
        List<String> categories = diseases.data().categories();
        assertThat(categories.get(categories.size() - 1)).as("the rest, summed").isEqualTo(Grouped.OTHER);
        List<String> named = categories.subList(0, categories.size() - 1);
        assertThat(named).hasSize(10).noneMatch(c -> c.matches("\\d{4}-W\\d{2}"));
        assertThat(named).contains("Dengue Fever");
        List<Double> totals = diseases.data().series().get(0).values().subList(0, 10);
        for (int i = 1; i < totals.size(); i++) {
            assertThat(totals.get(i)).as("largest first").isLessThanOrEqualTo(totals.get(i - 1));
        }
    }

    @Test
    void every_demo_chart_has_points_and_no_problem() throws Exception {
        for (VisualisationSummary chart : visualisations.listVisible(0, 50)) {
            DrawnVisualisation drawn = visualisations.draw(chart.id()).orElseThrow();
            assertThat(drawn.problem()).as(chart.title()).isNull();
            assertThat(drawn.data().categories()).as(chart.title()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void the_city_proposal_is_signed_by_the_city_government() {
        List<ProposalSummary> government = proposals.search(
                new ProposalSearch(null, Origin.GOVERNMENT, null, null, null, null, ProposalSearch.Sort.NEWEST), 0, 50);
        ProposalSummary congestion = government.stream()
                .filter(p -> p.title().equals("A congestion charge for the city centre"))
                .findFirst()
                .orElseThrow();
        assertThat(proposals.find(congestion.id()).orElseThrow().organisation())
                .isEqualTo("Seoul Metropolitan Government");
    }
}
