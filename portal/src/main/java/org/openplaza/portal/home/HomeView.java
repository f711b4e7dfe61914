package org.openplaza.portal.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.openplaza.accounts.DemoAccounts;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.catalog.CatalogView;
import org.openplaza.portal.layout.Titles;
import org.openplaza.portal.proposals.ProposalsView;
import org.openplaza.portal.visualisations.VisualisationsView;
import org.openplaza.voting.VoteService;
import org.springframework.beans.factory.ObjectProvider;

/** What the portal offers, live counts, and (in the demo) the accounts to try it with. */
@Route("")
@AnonymousAllowed
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(
            CatalogService catalog,
            VisualisationService visualisations,
            VoteService votes,
            org.openplaza.portal.search.PortalSearch search,
            org.openplaza.catalog.DashboardService dashboards,
            org.openplaza.portal.dashboards.DashboardGrids grids,
            ObjectProvider<DemoAccounts> demo) {
        setMaxWidth("64rem");
        add(new H1(getTranslation("home.title")), new Paragraph(getTranslation("home.intro")));
        // everything the portal publishes, found from its first page, with suggestions as one types
        org.openplaza.portal.search.SearchBox box = new org.openplaza.portal.search.SearchBox(search, "home-search");
        box.setLabel(getTranslation("home.search"));
        add(box.withButton());
        Div counts = new Div(
                count("count-datasets", catalog.countPublishedDatasets(), "home.count.datasets", CatalogView.class),
                count(
                        "count-visualisations",
                        visualisations.countVisible(),
                        "home.count.visualisations",
                        VisualisationsView.class),
                count("count-votes", votes.countOpen(), "home.count.votes", ProposalsView.class));
        counts.addClassName("counts");
        add(counts);
        // the city at a glance: the dashboard administrators chose, live
        dashboards.featured().ifPresent(dashboard -> {
            H2 heading = new H2(getTranslation("home.glance"));
            heading.setId("home-glance-heading");
            com.vaadin.flow.component.html.Anchor title =
                    new com.vaadin.flow.component.html.Anchor("dashboard/" + dashboard.id(), dashboard.title());
            title.setId("home-glance-link");
            Section glance = new Section(heading, new Paragraph(title), grids.grid(dashboard, null));
            glance.setId("home-glance");
            glance.setWidthFull();
            glance.getElement().setAttribute("aria-labelledby", "home-glance-heading");
            add(glance);
        });
        add(audience("home.citizens", List.of("home.citizens.1", "home.citizens.2", "home.citizens.3")));
        add(audience("home.officials", List.of("home.officials.1", "home.officials.2")));
        add(audience("home.admins", List.of("home.admins.1")));
        demo.ifAvailable(accounts -> add(demoNotice(accounts)));
    }

    private Component count(String id, int value, String labelKey, Class<? extends Component> target) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("count-number");
        number.setId(id);
        RouterLink link = new RouterLink(target);
        link.add(number, new Span(getTranslation(labelKey, value)));
        link.addClassName("count-card");
        return link;
    }

    private Section audience(String titleKey, List<String> itemKeys) {
        UnorderedList list = new UnorderedList();
        itemKeys.forEach(key -> list.add(new ListItem(getTranslation(key))));
        return new Section(new H2(getTranslation(titleKey)), list);
    }

    private Section demoNotice(DemoAccounts accounts) {
        Grid<DemoAccounts.DemoAccount> grid = new Grid<>();
        grid.setId("demo-accounts");
        grid.addColumn(DemoAccounts.DemoAccount::username).setHeader(getTranslation("home.demo.username"));
        grid.addColumn(DemoAccounts.DemoAccount::password).setHeader(getTranslation("home.demo.password"));
        grid.addColumn(a -> a.authenticatorKey() == null ? "" : a.authenticatorKey())
                .setHeader(getTranslation("home.demo.authenticator-key"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.role().name())).setHeader(getTranslation("home.demo.role"));
        grid.addColumn(a -> getTranslation(a.verified() ? "home.demo.verified" : "home.demo.unverified"))
                .setHeader(getTranslation("home.demo.resident"));
        grid.setItems(accounts.accounts());
        grid.setAllRowsVisible(true);
        Section section = new Section(
                new H2(getTranslation("home.demo.title")), new Paragraph(getTranslation("home.demo.text")), grid);
        section.setId("demo-notice");
        section.addClassName("demo-notice");
        return section;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "home.title");
    }
}
