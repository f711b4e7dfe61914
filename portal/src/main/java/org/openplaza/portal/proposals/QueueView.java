package org.openplaza.portal.proposals;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.Dashboard;
import org.openplaza.proposals.Origin;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.QueuedProposal;

/**
 * The officials' dashboard: the city's data beside participation. Answers overdue, the proposals
 * gathering supports this week, the votes coming and running with their turnout so far (never a
 * partial result), qualified citizen proposals waiting for an answer and for how long, the city at
 * a glance (live), government against citizen proposals month by month, and supports per category.
 */
@Route("proposals/queue")
@RolesAllowed({"OFFICIAL", "ADMIN"})
public class QueueView extends VerticalLayout implements HasDynamicTitle {

    final Grid<QueuedProposal> grid = new Grid<>();

    public QueueView(
            ProposalService proposals,
            Clock clock,
            org.openplaza.voting.VoteService votes,
            org.openplaza.catalog.DashboardService dashboards,
            org.openplaza.portal.dashboards.DashboardGrids grids,
            @org.springframework.beans.factory.annotation.Value("${openplaza.proposals.answer-within:P30D}")
                    Duration answerWithin) {
        Dashboard dashboard = proposals.dashboard();
        var queue = dashboard.waiting();
        Paragraph count = new Paragraph(getTranslation("queue.count", queue.size()));
        count.setId("queue-count");
        grid.setId("queue-grid");
        grid.addComponentColumn(q -> new Anchor("proposal/" + q.id(), q.title()))
                .setHeader(getTranslation("proposals.column.title"))
                .setFlexGrow(3);
        grid.addColumn(q -> getTranslation("proposal.category." + q.category().name()))
                .setHeader(getTranslation("proposals.column.category"));
        grid.addColumn(QueuedProposal::supports).setHeader(getTranslation("proposals.column.supports"));
        grid.addColumn(q -> Formats.date(q.qualifiedAt(), getLocale())).setHeader(getTranslation("queue.qualified"));
        grid.addColumn(q -> getTranslation(
                        "queue.waiting",
                        Duration.between(q.qualifiedAt(), clock.instant()).toDays()))
                .setHeader(getTranslation("queue.waiting.header"));
        grid.setItems(queue);
        grid.setAllRowsVisible(true);
        long overdue = queue.stream()
                .filter(q -> Duration.between(q.qualifiedAt(), clock.instant()).compareTo(answerWithin) > 0)
                .count();
        Paragraph late = new Paragraph(getTranslation("queue.overdue", overdue, answerWithin.toDays()));
        late.setId("queue-overdue");
        if (overdue > 0) {
            late.addClassName("error");
        }
        add(new H1(getTranslation("queue.title")), new Paragraph(getTranslation("queue.intro")), late);
        add(trending(dashboard), votes(votes), count, grid);
        dashboards.featured().ifPresent(glance -> {
            H2 heading = new H2(getTranslation("queue.glance"));
            add(heading, new Anchor("dashboard/" + glance.id(), glance.title()));
            add(grids.grid(glance, null));
        });
        add(byOrigin(dashboard), byCategory(dashboard));
    }

    /** The proposals that gathered the most supports that count this week. */
    private VerticalLayout trending(Dashboard dashboard) {
        VerticalLayout box = new VerticalLayout(new H2(getTranslation("queue.trending")));
        box.setPadding(false);
        box.setId("queue-trending");
        if (dashboard.trending().isEmpty()) {
            box.add(new Paragraph(getTranslation("queue.trending.none", ProposalService.TRENDING_DAYS)));
            return box;
        }
        com.vaadin.flow.component.html.OrderedList list = new com.vaadin.flow.component.html.OrderedList();
        for (Dashboard.Trending t : dashboard.trending()) {
            com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem(
                    new Anchor("proposal/" + t.id(), t.title()),
                    new com.vaadin.flow.component.html.Span(" · "
                            + getTranslation("proposal.origin." + t.origin().name()) + " · "
                            + getTranslation("queue.trending.item", t.supportsGained(), t.supports())));
            list.add(item);
        }
        box.add(list);
        return box;
    }

    /** Votes coming and running; for a running vote its turnout so far, never how it stands. */
    private VerticalLayout votes(org.openplaza.voting.VoteService votes) {
        VerticalLayout box = new VerticalLayout(new H2(getTranslation("queue.votes")));
        box.setPadding(false);
        box.setId("queue-votes");
        List<org.openplaza.voting.VoteInfo> shown =
                new ArrayList<>(votes.list(org.openplaza.voting.VoteInfo.State.OPEN, 20));
        shown.addAll(votes.list(org.openplaza.voting.VoteInfo.State.UPCOMING, 20));
        if (shown.isEmpty()) {
            box.add(new Paragraph(getTranslation("queue.votes.none")));
            return box;
        }
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (org.openplaza.voting.VoteInfo v : shown) {
            String when = v.state() == org.openplaza.voting.VoteInfo.State.OPEN
                    ? getTranslation("queue.votes.open", Formats.dateTime(v.closesAt(), getLocale()), v.turnout())
                    : getTranslation("queue.votes.upcoming", Formats.dateTime(v.opensAt(), getLocale()));
            list.add(new com.vaadin.flow.component.html.ListItem(
                    new Anchor("vote/" + v.id(), v.question()), new com.vaadin.flow.component.html.Span(" · " + when)));
        }
        box.add(list);
        return box;
    }

    /** Government against citizen proposals, month by month. */
    private VerticalLayout byOrigin(Dashboard dashboard) {
        List<Grouped.Series> series = new ArrayList<>();
        for (Origin origin : Origin.values()) {
            series.add(new Grouped.Series(
                    getTranslation("proposal.origin." + origin.name()),
                    dashboard.publishedPerMonth().get(origin).stream()
                            .map(Integer::doubleValue)
                            .toList()));
        }
        return chart(
                "dashboard-origin",
                getTranslation("dashboard.by-origin"),
                ChartType.BAR_STACKED,
                new Grouped(dashboard.months(), series),
                getTranslation("dashboard.month"));
    }

    private VerticalLayout byCategory(Dashboard dashboard) {
        List<String> categories = new ArrayList<>();
        List<Double> supports = new ArrayList<>();
        dashboard.supportsPerCategory().forEach((category, sum) -> {
            categories.add(getTranslation("proposal.category." + category.name()));
            supports.add(sum.doubleValue());
        });
        return chart(
                "dashboard-category",
                getTranslation("dashboard.by-category"),
                ChartType.BAR_HORIZONTAL,
                new Grouped(
                        categories, List.of(new Grouped.Series(getTranslation("proposals.column.supports"), supports))),
                getTranslation("proposals.column.category"));
    }

    private VerticalLayout chart(String id, String title, ChartType type, Grouped data, String dimension) {
        EChart chart = new EChart(title, ChartOptions.build(type, data, title));
        chart.setId(id);
        chart.setHeight("360px");
        ChartNumbers numbers = new ChartNumbers();
        numbers.show(data, dimension, getLocale());
        Details table = new Details(getTranslation("chart.as-table"), numbers);
        VerticalLayout box = new VerticalLayout(new H2(title), chart, table);
        box.setPadding(false);
        return box;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "queue.title");
    }
}
