package org.openplaza.portal.layout;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.catalog.CatalogView;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal's header and menu for each role, without a browser: a visitor is offered to sign in
 * and register, a citizen gets the public sections with her notifications and account, an official
 * the publishing workspace and the queue as well, an administrator the administration; none is
 * offered what their roles would be refused. The phone's drawer offers the same account actions.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class MainLayoutIT {

    private static final List<String> PUBLIC = List.of(
            "nav-home",
            "nav-search",
            "nav-catalog",
            "nav-visualisations",
            "nav-dashboards",
            "nav-proposals",
            "nav-votes");

    private static final List<String> OFFICIAL = List.of("nav-publish", "nav-queue");

    private static final List<String> ADMINISTRATION = List.of(
            "nav-admin-users",
            "nav-admin-organisations",
            "nav-admin-audit",
            "nav-admin-reports",
            "nav-admin-moderation",
            "nav-admin-fetching",
            "nav-admin-harvesting");

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    /** Signs in as a browser does: the page is loaded again, with a layout built for the user. */
    private static MainLayout signedInAs(String username, String... roles) {
        MockUi.signIn(username, roles);
        MockUi.reload(Locale.ENGLISH);
        MockUi.navigate("catalog", CatalogView.class);
        return _get(MainLayout.class);
    }

    private static List<String> menu(MainLayout layout) {
        return _get(layout, SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(item -> item.getId().orElseThrow())
                .toList();
    }

    private static List<String> drawerAccount(MainLayout layout) {
        return _get(layout, SideNav.class, spec -> spec.withId("drawer-account-nav")).getItems().stream()
                .map(item -> item.getId().orElseThrow())
                .toList();
    }

    @Test
    void a_visitor_is_offered_the_public_sections_sign_in_and_register() {
        MockUi.reload(Locale.ENGLISH);
        MockUi.navigate("catalog", CatalogView.class);
        MainLayout layout = _get(MainLayout.class);
        assertThat(menu(layout)).containsExactlyElementsOf(PUBLIC);
        assertThat(_get(layout, RouterLink.class, spec -> spec.withId("sign-in-link"))
                        .getHref())
                .as("sign in returns to the page it was chosen on")
                .startsWith("login?")
                .contains("catalog");
        assertThat(_find(layout, RouterLink.class, spec -> spec.withId("register-link")))
                .hasSize(1);
        assertThat(_find(layout, RouterLink.class, spec -> spec.withId("account-link")))
                .isEmpty();
        assertThat(_find(layout, Button.class, spec -> spec.withId("sign-out"))).isEmpty();
        assertThat(drawerAccount(layout)).containsExactly("drawer-sign-in", "drawer-register");
        assertThat(_get(layout, Span.class, spec -> spec.withId("demo-badge")).getText())
                .as("a demo portal says so on every page")
                .isEqualTo("Demo");
    }

    @Test
    void a_citizen_gets_her_notifications_account_and_sign_out_but_neither_publishing_nor_administration() {
        MainLayout layout = signedInAs("citizen", "CITIZEN");
        assertThat(menu(layout)).containsExactlyElementsOf(PUBLIC);
        assertThat(_get(layout, RouterLink.class, spec -> spec.withId("account-link"))
                        .getText())
                .isEqualTo("citizen");
        assertThat(_get(layout, RouterLink.class, spec -> spec.withId("notifications-link"))
                        .getText())
                .startsWith("Notifications");
        assertThat(_find(layout, Button.class, spec -> spec.withId("sign-out"))).hasSize(1);
        assertThat(_find(layout, RouterLink.class, spec -> spec.withId("sign-in-link")))
                .isEmpty();
        assertThat(drawerAccount(layout)).containsExactly("drawer-notifications", "drawer-account");
        assertThat(_find(layout, Button.class, spec -> spec.withId("drawer-sign-out")))
                .hasSize(1);
    }

    @Test
    void an_official_gets_the_publishing_workspace_and_the_queue() {
        MainLayout layout = signedInAs("official", "OFFICIAL", "CITIZEN");
        assertThat(menu(layout))
                .containsSequence(PUBLIC)
                .containsAll(OFFICIAL)
                .doesNotContainAnyElementsOf(ADMINISTRATION);
    }

    @Test
    void an_administrator_gets_the_administration_but_not_publishing() {
        MainLayout layout = signedInAs("admin", "ADMIN");
        assertThat(menu(layout))
                .containsSequence(PUBLIC)
                .containsAll(ADMINISTRATION)
                .doesNotContainAnyElementsOf(OFFICIAL);
        assertThat(_get(layout, RouterLink.class, spec -> spec.withId("account-link"))
                        .getText())
                .isEqualTo("admin");
    }

    @Test
    void the_header_and_the_menu_speak_korean() {
        MockUi.reload(Locale.KOREAN);
        MockUi.navigate("catalog", CatalogView.class);
        MainLayout layout = _get(MainLayout.class);
        assertThat(_get(layout, SideNavItem.class, spec -> spec.withId("nav-proposals"))
                        .getLabel())
                .isEqualTo("제안");
        assertThat(_get(layout, SideNavItem.class, spec -> spec.withId("nav-votes"))
                        .getLabel())
                .isEqualTo("투표");
        assertThat(_get(layout, Span.class, spec -> spec.withId("demo-badge")).getText())
                .isEqualTo("체험용");
    }
}
