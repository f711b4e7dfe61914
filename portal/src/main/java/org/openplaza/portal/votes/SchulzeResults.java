package org.openplaza.portal.votes;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.portal.charts.EChart;
import org.openplaza.voting.InstantRunoff;
import org.openplaza.voting.Schulze;

/**
 * The Schulze count: its winners and ranking, the Condorcet winner if there is one, whether it
 * agrees with instant runoff, and the pairwise matrix as a table and a heat map.
 */
class SchulzeResults extends Div {

    SchulzeResults(Schulze.Result schulze, InstantRunoff.@Nullable Result runoff) {
        setWidthFull();
        Paragraph winners = new Paragraph(
                schulze.winners().size() == 1
                        ? getTranslation(
                                "results.schulze-winner", schulze.winners().get(0))
                        : getTranslation("results.schulze-tie", String.join(", ", schulze.winners())));
        winners.setId("results-schulze-winner");
        Paragraph ranking = new Paragraph(getTranslation(
                "results.schulze-ranking",
                String.join(
                        " > ",
                        schulze.tiers().stream()
                                .map(tier -> String.join(" = ", tier))
                                .toList())));
        ranking.setId("results-schulze-ranking");
        String condorcetWinner = schulze.condorcetWinner();
        Paragraph condorcet = new Paragraph(
                condorcetWinner != null
                        ? getTranslation("results.condorcet-winner", condorcetWinner)
                        : getTranslation("results.condorcet-none"));
        condorcet.setId("results-condorcet");
        add(new H3(getTranslation("results.schulze")), winners, ranking, condorcet);
        if (runoff != null && runoff.winner() != null) {
            Paragraph methods = new Paragraph(
                    schulze.winners().equals(List.of(runoff.winner()))
                            ? getTranslation("results.methods-agree", runoff.winner())
                            : getTranslation(
                                    "results.methods-differ", runoff.winner(), String.join(", ", schulze.winners())));
            methods.setId("results-methods");
            add(methods);
        }
        add(matrix(schulze), heatMap(schulze));
    }

    /** The pairwise matrix as a table: row option preferred to column option by that many ballots. */
    private Div matrix(Schulze.Result schulze) {
        Element table = new Element("table");
        table.setAttribute("id", "results-matrix");
        table.getClassList().add("matrix");
        table.appendChild(new Element("caption").setText(getTranslation("results.matrix-caption")));
        Element head = new Element("tr");
        head.appendChild(new Element("td"));
        for (String option : schulze.options()) {
            head.appendChild(new Element("th").setAttribute("scope", "col").setText(option));
        }
        table.appendChild(head);
        for (int i = 0; i < schulze.options().size(); i++) {
            Element row = new Element("tr");
            row.appendChild(new Element("th")
                    .setAttribute("scope", "row")
                    .setText(schulze.options().get(i)));
            for (int j = 0; j < schulze.options().size(); j++) {
                row.appendChild(new Element("td").setText(i == j ? "—" : String.valueOf(schulze.pairwise()[i][j])));
            }
            table.appendChild(row);
        }
        Div matrix = new Div();
        matrix.getElement().appendChild(table);
        return matrix;
    }

    /** The same matrix as a heat map. */
    private EChart heatMap(Schulze.Result schulze) {
        List<Grouped.Series> rows = new ArrayList<>();
        for (int i = 0; i < schulze.options().size(); i++) {
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < schulze.options().size(); j++) {
                values.add(i == j ? null : (double) schulze.pairwise()[i][j]);
            }
            rows.add(new Grouped.Series(schulze.options().get(i), values));
        }
        String title = getTranslation("results.matrix-chart");
        EChart heat =
                new EChart(title, ChartOptions.build(ChartType.HEATMAP, new Grouped(schulze.options(), rows), title));
        heat.setId("results-matrix-chart");
        heat.setHeight(Math.max(280, 60 * schulze.options().size() + 120) + "px");
        heat.setMaxWidth("720px");
        return heat;
    }
}
