package org.openplaza.portal.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;
import org.openplaza.accounts.Role;
import org.openplaza.portal.account.AccountView;
import org.openplaza.portal.account.LoginView;
import org.openplaza.portal.account.RegisterView;
import org.openplaza.portal.admin.AuditLogView;
import org.openplaza.portal.admin.OrganisationsView;
import org.openplaza.portal.admin.UsersView;
import org.openplaza.portal.catalog.CatalogView;
import org.openplaza.portal.home.HomeView;
import org.openplaza.portal.i18n.LanguagePreference;
import org.openplaza.portal.i18n.PortalI18nProvider;
import org.openplaza.portal.proposals.ProposalsView;
import org.openplaza.portal.publish.PublishView;
import org.openplaza.portal.visualisations.VisualisationsView;

/** The application shell: navigation by role, the language switcher, sign-in and sign-out. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements com.vaadin.flow.router.AfterNavigationObserver {

    private final AuthenticationContext authentication;
    private final LanguagePreference languages;

    private final org.openplaza.proposals.NotificationService notifications;

    public MainLayout(
            AuthenticationContext authentication,
            LanguagePreference languages,
            org.openplaza.proposals.NotificationService notifications,
            org.springframework.core.env.Environment environment) {
        this.authentication = authentication;
        this.notifications = notifications;
        this.languages = languages;
        setPrimarySection(Section.DRAWER);
        if (environment.acceptsProfiles(org.springframework.core.env.Profiles.of("demo"))) {
            addToNavbar(skipLink(), toggle(), title(), demoBadge(), accountBar());
        } else {
            addToNavbar(skipLink(), toggle(), title(), accountBar());
        }
        addToDrawer(brand(), navigation(), drawerAccount());
    }

    /**
     * The first stop of the keyboard on every page, shown only when it has the focus: it moves the
     * focus past the header and the navigation to the page's own content.
     */
    private Button skipLink() {
        Button skip = new Button(getTranslation("nav.skip"));
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.addClickListener(click -> getElement()
                .executeJs("const content = this.querySelector(':scope > :not([slot])');"
                        + " if (content) { content.setAttribute('tabindex', '-1'); content.focus(); }"));
        return skip;
    }

    private DrawerToggle toggle() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        return toggle;
    }

    private Span title() {
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("navbar-title");
        return title;
    }

    /** Says on every page of a demo portal that its accounts are public and its data not real. */
    private Span demoBadge() {
        Span badge = new Span(getTranslation("demo.badge"));
        badge.setId("demo-badge");
        badge.addClassName("demo-badge");
        badge.setTitle(getTranslation("demo.badge.explained"));
        badge.getElement().setAttribute("aria-label", getTranslation("demo.badge.explained"));
        badge.getElement().setAttribute("role", "note");
        return badge;
    }

    private Div brand() {
        RouterLink home = new RouterLink(getTranslation("app.name"), HomeView.class);
        home.addClassName("brand");
        Div brand = new Div(home);
        brand.addClassName("brand-box");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.setLabel(getTranslation("nav.label"));
        nav.addItem(item("nav.home", HomeView.class, VaadinIcon.HOME));
        nav.addItem(item("nav.search", org.openplaza.portal.search.SearchView.class, VaadinIcon.SEARCH));
        nav.addItem(item("nav.catalog", CatalogView.class, VaadinIcon.DATABASE));
        nav.addItem(item("nav.visualisations", VisualisationsView.class, VaadinIcon.BAR_CHART));
        nav.addItem(item("nav.dashboards", org.openplaza.portal.dashboards.DashboardsView.class, VaadinIcon.DASHBOARD));
        nav.addItem(item("nav.proposals", ProposalsView.class, VaadinIcon.CHECK_SQUARE_O));
        nav.addItem(item("nav.votes", org.openplaza.portal.votes.VotesView.class, VaadinIcon.CHECK_CIRCLE_O));
        if (authentication.hasRole(Role.OFFICIAL.name())) {
            nav.addItem(item("nav.publish", PublishView.class, VaadinIcon.UPLOAD));
            nav.addItem(item("nav.queue", org.openplaza.portal.proposals.QueueView.class, VaadinIcon.INBOX));
        }
        if (authentication.hasRole(Role.ADMIN.name())) {
            // flat items: a nested SideNavItem's toggle fails axe's aria-valid-attr-value rule
            nav.addItem(item("nav.admin.users", UsersView.class, VaadinIcon.USERS));
            nav.addItem(item("nav.admin.organisations", OrganisationsView.class, VaadinIcon.OFFICE));
            nav.addItem(item("nav.admin.audit", AuditLogView.class, VaadinIcon.LIST));
            nav.addItem(item("nav.admin.reports", org.openplaza.portal.admin.ReportsView.class, VaadinIcon.FLAG));
            nav.addItem(
                    item("nav.admin.moderation", org.openplaza.portal.admin.ModerationView.class, VaadinIcon.SHIELD));
            nav.addItem(item("nav.admin.fetching", org.openplaza.portal.admin.FetchingView.class, VaadinIcon.GLOBE));
            nav.addItem(item(
                    "nav.admin.harvesting",
                    org.openplaza.portal.admin.HarvestingView.class,
                    VaadinIcon.CLOUD_DOWNLOAD));
        }
        return nav;
    }

    private SideNavItem item(String key, Class<? extends com.vaadin.flow.component.Component> view, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), view, icon.create());
        item.setId(key.replace('.', '-'));
        return item;
    }

    /**
     * The language switcher and, on a wide screen, the account's actions. On a phone the actions
     * move into the drawer ({@link #drawerAccount()}), where nothing runs off the screen.
     */
    private HorizontalLayout accountBar() {
        HorizontalLayout bar = new HorizontalLayout(languageSelect());
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("account-bar");
        if (authentication.isAuthenticated()) {
            RouterLink bell =
                    new RouterLink(notificationsLabel(), org.openplaza.portal.proposals.NotificationsView.class);
            bell.setId("notifications-link");
            RouterLink account = new RouterLink(username(), AccountView.class);
            account.setId("account-link");
            Button signOut = signOutButton("sign-out");
            for (com.vaadin.flow.component.Component action : List.of(bell, account, signOut)) {
                action.addClassName("header-action");
                bar.add(action);
            }
        } else {
            RouterLink signIn = new RouterLink(getTranslation("nav.sign-in"), LoginView.class);
            signIn.setId("sign-in-link");
            headerSignIn = signIn;
            RouterLink register = new RouterLink(getTranslation("nav.register"), RegisterView.class);
            register.setId("register-link");
            signIn.addClassName("header-action");
            register.addClassName("header-action");
            bar.add(signIn, register);
        }
        return bar;
    }

    /** The header's account actions again, in the drawer, shown where the header has no room. */
    private Div drawerAccount() {
        SideNav nav = new SideNav();
        nav.setId("drawer-account-nav");
        nav.setLabel(getTranslation("nav.account.label"));
        Div box = new Div(nav);
        box.addClassName("drawer-account");
        if (authentication.isAuthenticated()) {
            nav.addItem(drawerItem(
                    "drawer-notifications",
                    notificationsLabel(),
                    org.openplaza.portal.proposals.NotificationsView.class,
                    VaadinIcon.BELL));
            nav.addItem(drawerItem("drawer-account", username(), AccountView.class, VaadinIcon.USER));
            Button signOut = signOutButton("drawer-sign-out");
            signOut.setIcon(VaadinIcon.SIGN_OUT.create());
            box.add(signOut);
        } else {
            drawerSignIn =
                    drawerItem("drawer-sign-in", getTranslation("nav.sign-in"), LoginView.class, VaadinIcon.SIGN_IN);
            nav.addItem(drawerSignIn);
            nav.addItem(
                    drawerItem("drawer-register", getTranslation("nav.register"), RegisterView.class, VaadinIcon.USER));
        }
        return box;
    }

    private static SideNavItem drawerItem(
            String id, String label, Class<? extends com.vaadin.flow.component.Component> view, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(label, view, icon.create());
        item.setId(id);
        return item;
    }

    private RouterLink headerSignIn;
    private SideNavItem drawerSignIn;

    /** "Sign in" returns to the page it was chosen on. */
    @Override
    public void afterNavigation(com.vaadin.flow.router.AfterNavigationEvent event) {
        returnTo(event.getLocation());
        // what the connection indicator says when the portal cannot be reached, in the reader's language
        getUI().ifPresent(ui -> {
            var connection = ui.getReconnectDialogConfiguration();
            connection.setDialogText(getTranslation("connection.reconnecting"));
            connection.setDialogTextGaveUp(getTranslation("connection.gave-up"));
            // Flow's grid names each sorter "Sort by …" in English: say it in the reader's language
            ui.getPage().executeJs(SORT_BY, getTranslation("grid.sort-by"));
        });
    }

    /**
     * Renames every grid sorter Flow labels "Sort by {label}" with the template given (its
     * {@code {0}} the label), now and as grids render more; a name already in that form is left,
     * so that no change of its own is observed again.
     */
    private static final String SORT_BY = """
            window.opzSortBy = $0;
            if (!window.opzSortByObserver) {
              const english = 'Sort by ';
              const rename = (root) => {
                if (!root || !root.querySelectorAll) { return; }
                root.querySelectorAll('vaadin-grid-sorter[aria-label^="' + english + '"]').forEach((sorter) => {
                  const name = window.opzSortBy.replace('{0}', sorter.getAttribute('aria-label').substring(english.length));
                  if (sorter.getAttribute('aria-label') !== name) { sorter.setAttribute('aria-label', name); }
                });
              };
              window.opzSortByObserver = new MutationObserver((records) => {
                records.forEach((record) => rename(record.type === 'attributes' ? record.target.parentNode : record.target));
              });
              window.opzSortByObserver.observe(document.body,
                  { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
              rename(document);
            }
            """;

    /**
     * A page that keeps its state in its address (replacing it as the reader works) tells the
     * layout, so that "Sign in" returns to the page as it is now.
     */
    public static void pageMoved(com.vaadin.flow.component.UI ui, String location) {
        ui.getInternals().getActiveRouterTargetsChain().stream()
                .filter(MainLayout.class::isInstance)
                .map(MainLayout.class::cast)
                .findFirst()
                .ifPresent(layout -> layout.returnTo(new com.vaadin.flow.router.Location(location)));
    }

    private void returnTo(com.vaadin.flow.router.Location location) {
        var back = ReturnAfterSignIn.parameterFor(location);
        if (headerSignIn != null) {
            headerSignIn.setQueryParameters(back);
        }
        if (drawerSignIn != null) {
            drawerSignIn.setQueryParameters(back);
        }
    }

    /** Read once per page: the header and the drawer show the same count. */
    private String notificationsLabel;

    private String notificationsLabel() {
        if (notificationsLabel == null) {
            notificationsLabel = getTranslation("nav.notifications", notifications.unread());
        }
        return notificationsLabel;
    }

    private String username() {
        return authentication.getPrincipalName().orElse("");
    }

    private Button signOutButton(String id) {
        Button signOut = new Button(getTranslation("nav.sign-out"), e -> authentication.logout());
        signOut.setId(id);
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return signOut;
    }

    private Select<Locale> languageSelect() {
        Select<Locale> select = new Select<>();
        select.setId("language");
        select.setItems(PortalI18nProvider.LOCALES);
        select.setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        select.setAriaLabel(getTranslation("nav.language"));
        select.setValue(PortalI18nProvider.supported(getLocale()));
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                languages.choose(getUI().orElseThrow(), e.getValue());
            }
        });
        return select;
    }
}
