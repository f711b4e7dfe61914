package org.openplaza.portal.proposals;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.QueuedProposal;

/** Qualified citizen proposals waiting for an official answer, and for how long. */
@Route("proposals/queue")
@RolesAllowed({"OFFICIAL", "ADMIN"})
public class QueueView extends VerticalLayout implements HasDynamicTitle {

    final Grid<QueuedProposal> grid = new Grid<>();

    public QueueView(ProposalService proposals, Clock clock) {
        var queue = proposals.queue();
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
        add(new H1(getTranslation("queue.title")), new Paragraph(getTranslation("queue.intro")), count, grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "queue.title");
    }
}
