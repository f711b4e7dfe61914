package org.openplaza.portal.proposals;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.ModerationRecord;
import org.openplaza.proposals.ModerationService;

/** Moderation in the open: what was hidden or restored, when and why, never the hidden text. */
@Route("moderation")
@AnonymousAllowed
public class ModerationLogView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ModerationRecord> grid = new Grid<>();

    public ModerationLogView(ModerationService moderation) {
        add(new H1(getTranslation("moderation.log.title")), new Paragraph(getTranslation("moderation.log.intro")));
        var log = moderation.log();
        Paragraph count = new Paragraph(getTranslation("moderation.log.count", log.size()));
        count.setId("moderation-log-count");
        grid.setId("moderation-log");
        grid.addColumn(r -> Formats.dateTime(r.at(), getLocale())).setHeader(getTranslation("moderation.log.when"));
        grid.addColumn(r -> getTranslation("moderation.action." + r.action()))
                .setHeader(getTranslation("moderation.log.action"));
        grid.addComponentColumn(r -> new Anchor(
                        "proposal/" + r.proposalId(),
                        getTranslation("moderation.target." + r.target().name(), r.proposalId())))
                .setHeader(getTranslation("moderation.log.what"));
        grid.addColumn(ModerationRecord::reason)
                .setHeader(getTranslation("moderation.log.reason"))
                .setFlexGrow(3);
        grid.setItems(log);
        grid.setAllRowsVisible(true);
        add(count, grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "moderation.log.title");
    }
}
