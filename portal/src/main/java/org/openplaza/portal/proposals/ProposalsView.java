package org.openplaza.portal.proposals;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.voting.OpenVote;
import org.openplaza.voting.VoteService;

/** Proposals and the votes open now. */
@Route("proposals")
@AnonymousAllowed
public class ProposalsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<OpenVote> grid = new Grid<>();

    public ProposalsView(VoteService votes) {
        add(new H1(getTranslation("proposals.title")), new Paragraph(getTranslation("proposals.intro")));
        add(new H2(getTranslation("proposals.open-votes")));
        List<OpenVote> open = votes.listOpen();
        if (open.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("proposals.no-open-votes"));
            empty.setId("no-open-votes");
            add(empty);
            return;
        }
        grid.setId("open-votes");
        grid.addColumn(OpenVote::question).setHeader(getTranslation("proposals.column.question"));
        grid.addColumn(v -> Formats.dateTime(v.closesAt(), getLocale()))
                .setHeader(getTranslation("proposals.column.closes"));
        grid.setItems(open);
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "proposals.title");
    }
}
