package org.openplaza.portal.votes;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.voting.Budget;

/** The participatory budget's count: what was spent and is left, the funded projects, and a chart of all. */
class BudgetResults extends Div {

    BudgetResults(Budget.Result budget) {
        setWidthFull();
        NumberFormat money = NumberFormat.getIntegerInstance(getLocale());
        Paragraph spent = new Paragraph(
                getTranslation("results.budget-spent", money.format(budget.spent()), money.format(budget.left())));
        spent.setId("results-budget");
        UnorderedList funded = new UnorderedList();
        funded.setId("results-funded");
        for (Budget.Project project : budget.funded()) {
            funded.add(new ListItem(getTranslation(
                    "results.funded-project", project.name(), money.format(project.cost()), project.votes())));
        }
        List<Budget.Project> all = new ArrayList<>(budget.funded());
        all.addAll(budget.unfunded());
        add(
                new H3(getTranslation("results.funded")),
                spent,
                funded,
                new ResultChart(
                        "results-budget-chart",
                        getTranslation("results.budget-chart"),
                        ChartType.BAR_STACKED_HORIZONTAL,
                        new Grouped(
                                all.stream().map(Budget.Project::name).toList(),
                                List.of(
                                        new Grouped.Series(
                                                getTranslation("results.funded-series"),
                                                all.stream()
                                                        .map(p ->
                                                                budget.funded().contains(p)
                                                                        ? (Double) (double) p.cost()
                                                                        : null)
                                                        .toList()),
                                        new Grouped.Series(
                                                getTranslation("results.unfunded-series"),
                                                all.stream()
                                                        .map(p ->
                                                                budget.funded().contains(p)
                                                                        ? null
                                                                        : (Double) (double) p.cost())
                                                        .toList()))),
                        getTranslation("results.project")));
    }
}
