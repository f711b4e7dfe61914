package org.openplaza.portal.proposals;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.EChart;
import org.openplaza.proposals.Proposal;
import org.springframework.dao.DataAccessException;

/** Datasets and saved visualisations offered as a proposal's evidence, drawn from the open data now. */
class EvidencePanel extends VerticalLayout {

    private final DatasetReader datasets;
    private final VisualisationService visualisations;

    EvidencePanel(DatasetReader datasets, VisualisationService visualisations, Proposal p) {
        this.datasets = datasets;
        this.visualisations = visualisations;
        setId("proposal-evidence");
        setPadding(false);
        show(p);
    }

    /** Datasets and saved visualisations offered as evidence, drawn from the open data now. */
    private void show(Proposal p) {
        VerticalLayout box = this;
        if (p.datasets().isEmpty() && p.visualisations().isEmpty()) {
            box.setVisible(false);
            return;
        }
        box.add(new H2(getTranslation("proposal.evidence")));
        for (Long datasetId : p.datasets()) {
            datasets.byId(datasetId)
                    .ifPresent(d -> box.add(new Paragraph(
                            new Text(getTranslation("proposal.evidence.dataset") + " "),
                            new Anchor(
                                    "dataset/" + d.slug(),
                                    d.metadata().in(getLocale().getLanguage()).title()))));
        }
        for (Long visualisationId : p.visualisations()) {
            try {
                DrawnVisualisation drawn = visualisations.draw(visualisationId).orElse(null);
                if (drawn == null || drawn.visualisation().hidden()) {
                    continue;
                }
                var v = drawn.visualisation();
                var data = ChartLabels.readable(drawn, this::getTranslation);
                EChart chart = new EChart(
                        v.title(), ChartOptions.build(drawn.definition().type(), data, v.title()));
                chart.setHeight(ChartOptions.height(drawn.definition().type(), data) + "px");
                chart.addClassName("evidence-chart");
                box.add(new H3(new Anchor("visualisation/" + v.id(), v.title())), chart);
            } catch (DataAccessException e) {
                box.add(new Paragraph(getTranslation("chart.error.failed")));
            }
        }
    }
}
