package org.openplaza.portal.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.accounts.AccountService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.account.LoginView;
import org.openplaza.portal.errors.AccessDeniedView;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The administrators' pages without a browser, reached through the router and its access rules: a
 * visitor is sent to sign in, a citizen is refused, and an administrator finds the accounts
 * (searched), the audit chain checked on demand, a citizen's report of a chart to dismiss, and the
 * pages in Korean.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class AdministrationPagesIT {

    @Autowired
    AccountService accounts;

    @Autowired
    org.openplaza.catalog.VisualisationService visualisations;

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_visitor_is_sent_to_sign_in_and_a_citizen_is_refused() {
        UI.getCurrent().navigate("admin/users");
        assertThat(_find(LoginView.class)).hasSize(1);
        assertThat(_find(UsersView.class)).isEmpty();

        MockUi.signIn("citizen", "CITIZEN");
        for (String page :
                List.of("admin/users", "admin/audit", "admin/reports", "admin/fetching", "admin/harvesting")) {
            UI.getCurrent().navigate(page);
            assertThat(_find(AccessDeniedView.class)).as(page).hasSize(1);
            assertThat(_get(H1.class).getText()).isEqualTo("Access denied");
        }
        assertThat(_find(UsersView.class)).isEmpty();
    }

    @Test
    void an_administrator_lists_and_searches_the_accounts() {
        MockUi.signIn("admin", "ADMIN");
        UsersView view = MockUi.navigate("admin/users", UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(view, Grid.class, spec -> spec.withId("users-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(accounts.count("")).isGreaterThanOrEqualTo(4);

        _get(view, TextField.class, spec -> spec.withId("users-search")).setValue("official");
        assertThat(GridKt._size(grid)).isEqualTo(accounts.count("official")).isPositive();
        List<String> row = GridKt._getFormattedRow(grid, 0);
        assertThat(row.get(0)).isEqualTo("official");
        assertThat(row.get(3)).contains("Official");
    }

    @Test
    void an_administrator_lets_the_portal_reach_an_intranet_host_and_takes_it_back() {
        MockUi.signIn("admin", "ADMIN");
        FetchingView view = MockUi.navigate("admin/fetching", FetchingView.class);
        var internal = _get(
                view, com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("fetching-internal"));
        assertThat(internal.getElement().getTextRecursively())
                .as("the test portal's configuration")
                .contains("localhost · set in the configuration");
        com.vaadin.flow.component.textfield.TextField host = _get(
                view,
                com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withId("fetching-internal-host"));
        host.setValue("http://10.0.0.5/");
        _click(_get(view, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("fetching-internal-add")));
        assertThat(host.isInvalid()).isTrue();
        assertThat(host.getErrorMessage()).startsWith("Give a host name");
        host.setValue("opendata.intranet.city.example");
        _click(_get(view, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("fetching-internal-add")));
        internal = _get(
                view, com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("fetching-internal"));
        assertThat(internal.getElement().getTextRecursively())
                .contains("opendata.intranet.city.example · added by admin");
        assertThat(fetchRules.internalAllowed("opendata.intranet.city.example")).isTrue();
        _click(_get(internal, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Remove")));
        assertThat(fetchRules.internalAllowed("opendata.intranet.city.example")).isFalse();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.catalog.FetchRules fetchRules;

    @Test
    void an_administrator_checks_the_audit_chain_on_demand() {
        MockUi.signIn("admin", "ADMIN");
        AuditLogView view = MockUi.navigate("admin/audit", AuditLogView.class);
        _click(_get(view, Button.class, spec -> spec.withId("audit-check")));
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("audit-chain"))
                        .getText())
                .matches("The audit log's hash chain is intact: \\d+ sealed entr(y|ies), each checked\\.");
    }

    @Test
    void a_report_of_a_chart_is_listed_for_an_administrator_and_dismissed() {
        org.openplaza.catalog.Visualisation shared = visualisations
                .find(visualisations
                        .search(org.openplaza.catalog.Gallery.all(), 0, 1)
                        .get(0)
                        .id())
                .orElseThrow();
        long chart = shared.id();
        MockUi.signIn(shared.owner().equals("citizen") ? "newcomer" : "citizen", "CITIZEN");
        visualisations.report(chart, "The axis is misleading.");

        MockUi.signIn("admin", "ADMIN");
        ReportsView view = MockUi.navigate("admin/reports", ReportsView.class);
        int open = visualisations.openReports().size();
        assertThat(GridKt._size(view.grid)).isEqualTo(open);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("reports-count"))
                        .getText())
                .isEqualTo(open == 1 ? "One open report" : open + " open reports");
        org.openplaza.catalog.VisualisationReport mine = visualisations.openReports().stream()
                .filter(r -> r.visualisationId() == chart && r.reason().equals("The axis is misleading."))
                .findFirst()
                .orElseThrow();
        int row = visualisations.openReports().indexOf(mine);
        com.vaadin.flow.component.Component actions = GridKt._getCellComponent(view.grid, row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withId("report-dismiss-" + mine.id())));
        assertThat(visualisations.openReports()).noneMatch(r -> r.id() == mine.id());
        assertThat(GridKt._size(view.grid)).isEqualTo(open - 1);
    }

    @Test
    void the_pages_speak_korean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        MockUi.signIn("admin", "ADMIN");
        UsersView users = MockUi.navigate("admin/users", UsersView.class);
        assertThat(_get(users, H1.class).getText()).isEqualTo("사용자");
        MockUi.signIn("citizen", "CITIZEN");
        UI.getCurrent().navigate("admin/audit");
        assertThat(_get(H1.class).getText()).isEqualTo("접근 거부");
    }
}
