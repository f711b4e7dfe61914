package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.portal.layout.Cards;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;

/** Every dashboard, the last changed first, with the reader's own first and a way to make one. */
@Route("dashboards")
@AnonymousAllowed
public class DashboardsView extends VerticalLayout implements HasDynamicTitle {

    public DashboardsView(DashboardService dashboards) {
        setMaxWidth("64rem");
        add(new H1(getTranslation("dashboards.title")), new Paragraph(getTranslation("dashboards.intro")));
        if (org.openplaza.portal.layout.Viewer.signedIn()) {
            Button create = new Button(
                    getTranslation("dashboards.new"),
                    VaadinIcon.PLUS.create(),
                    e -> DashboardForm.open(
                            this,
                            "dashboards.new",
                            "",
                            "",
                            dashboards::create,
                            id -> getUI().ifPresent(ui -> ui.navigate(DashboardView.class, id))));
            create.setId("dashboards-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
            List<Dashboard.Summary> mine = dashboards.mine();
            if (!mine.isEmpty()) {
                H2 heading = new H2(getTranslation("dashboards.mine"));
                heading.setId("dashboards-mine-heading");
                Cards<Dashboard.Summary> own = new Cards<>("dashboards-mine", "dashboards-mine-heading", this::card);
                own.show(mine);
                add(heading, own);
            }
        }
        H2 all = new H2(getTranslation("dashboards.all"));
        all.setId("dashboards-all-heading");
        Cards<Dashboard.Summary> cards = new Cards<>("dashboards-all", "dashboards-all-heading", this::card);
        cards.show(dashboards.count(), dashboards::list);
        add(all, cards);
        if (dashboards.count() == 0) {
            Paragraph none = new Paragraph(getTranslation("dashboards.none"));
            none.setId("dashboards-none");
            add(none);
        }
    }

    private Component card(Dashboard.Summary d) {
        List<String> facts = new ArrayList<>();
        facts.add(d.author());
        facts.add(getTranslation("dashboards.tiles", d.tiles()));
        facts.add(Formats.date(d.updatedAt(), getLocale()));
        if (d.featured()) {
            facts.add(getTranslation("dashboards.featured"));
        }
        return Cards.card("dashboard/" + d.id(), d.title(), d.description(), facts);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "dashboards.title");
    }
}
