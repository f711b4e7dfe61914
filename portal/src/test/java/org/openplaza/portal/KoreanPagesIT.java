package org.openplaza.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.portal.account.AccountView;
import org.openplaza.portal.account.LoginView;
import org.openplaza.portal.account.RegisterView;
import org.openplaza.portal.admin.AuditLogView;
import org.openplaza.portal.admin.ModerationView;
import org.openplaza.portal.admin.OrganisationsView;
import org.openplaza.portal.admin.ReportsView;
import org.openplaza.portal.admin.UsersView;
import org.openplaza.portal.catalog.CatalogView;
import org.openplaza.portal.catalog.DatasetView;
import org.openplaza.portal.home.HomeView;
import org.openplaza.portal.layout.MainLayout;
import org.openplaza.portal.proposals.NotificationsView;
import org.openplaza.portal.proposals.ProposalEditorView;
import org.openplaza.portal.proposals.ProposalsView;
import org.openplaza.portal.publish.PublishView;
import org.openplaza.portal.search.SearchView;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.portal.visualisations.VisualisationsView;
import org.openplaza.portal.votes.VoteView;
import org.openplaza.portal.votes.VotesView;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.openplaza.voting.VoteSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * In Korean, no English is left among the portal's own words on any main page, for each role,
 * without a browser: the page's title, the header and the menu, headings, field labels, helper
 * texts, placeholders, buttons, tabs, column headers and every screen-reader label of what is
 * shown. What people wrote (a dataset's columns, a vote's question and options, a user's name) is
 * left out by name. A word found names the page and the text it was in.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class KoreanPagesIT {

    /** Words that are the same in Korean: names, formats and standards. */
    private static final Set<String> SAME_IN_KOREAN =
            Set.of("OpenPlaza", "CSV", "API", "PNG", "SVG", "DCAT", "CKAN", "JSON", "URL", "KST", "UTC", "English");

    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");

    /** Element properties and attributes that hold the portal's words for a field or a control. */
    private static final List<String> PROPERTIES = List.of("label", "helperText", "placeholder", "accessibleName");

    @Autowired
    CatalogSearch search;

    @Autowired
    VoteService votes;

    @Autowired
    org.openplaza.catalog.DashboardService dashboards;

    @Autowired
    org.openplaza.portal.i18n.LanguagePreference languages;

    /** English words found, by page. */
    private final Map<String, List<String>> english = new LinkedHashMap<>();

    @AfterEach
    void signedOut() {
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            // the choice follows the account: other tests read its pages in English
            languages.choose(UI.getCurrent(), Locale.ENGLISH);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_sweep_finds_the_english_of_a_page_in_english() {
        MockUi.reload(Locale.ENGLISH);
        sweep("catalog", CatalogView.class);
        assertThat(english.get("/catalog"))
                .as("the page's title, the menu, a field's label, the header's links")
                .anySatisfy(found -> assertThat(found).startsWith("Data in \"Data catalog"))
                .anySatisfy(found -> assertThat(found).startsWith("Proposals in \"Proposals\""))
                .anySatisfy(found -> assertThat(found).startsWith("Sign in \"Sign in\""))
                .anySatisfy(found -> assertThat(found).contains("Skip to the main content"))
                .anySatisfy(found -> assertThat(found).contains("\"Search the datasets\""));
    }

    @Test
    void a_visitors_pages_have_no_english_left() {
        MockUi.reload(Locale.KOREAN);
        org.openplaza.catalog.Dashboard glance =
                dashboards.featured().orElseThrow(() -> new AssertionError("the demo's city at a glance"));
        List<String> written = new ArrayList<>(List.of(glance.title()));
        glance.tiles().forEach(t -> written.add(t.title()));
        sweep("", HomeView.class, written.toArray(String[]::new));
        sweep("dashboards", org.openplaza.portal.dashboards.DashboardsView.class);
        sweep(
                "dashboard/" + glance.id(),
                org.openplaza.portal.dashboards.DashboardView.class,
                written.toArray(String[]::new));
        sweep("catalog", CatalogView.class);
        sweep("catalog?q=rainfull", CatalogView.class);
        sweep("proposals", ProposalsView.class);
        sweep("votes", VotesView.class);
        sweep("visualisations", VisualisationsView.class);
        sweep("login", LoginView.class);
        sweep("register", RegisterView.class);
        sweep(
                "search?q=" + java.net.URLEncoder.encode("강수량", java.nio.charset.StandardCharsets.UTF_8),
                SearchView.class);
        assertNoEnglish();
    }

    @Test
    void a_datasets_page_and_each_of_its_tabs_have_no_english_left() {
        MockUi.reload(Locale.KOREAN);
        String slug = search.search(new SearchRequest("강수량", Map.of(), SearchRequest.Order.RELEVANCE, 0, 1))
                .hits()
                .get(0)
                .slug();
        DatasetView view = sweep("dataset/" + slug, DatasetView.class, "total_rainfall", "month");
        List<TabSheet> sheets = com.github.mvysny.kaributesting.v10.LocatorJ._find(view, TabSheet.class);
        assertThat(sheets).as("the dataset's tabs").isNotEmpty();
        TabSheet tabs = sheets.get(0);
        int count = com.github.mvysny.kaributesting.v10.LocatorJ._find(tabs, Tab.class)
                .size();
        assertThat(count).as("the dataset's tabs").isGreaterThanOrEqualTo(3);
        for (int tab = 1; tab < count; tab++) {
            tabs.setSelectedIndex(tab);
            collect("a dataset's tab " + (tab + 1), "total_rainfall", "month");
        }
        assertNoEnglish();
    }

    @Test
    void a_votes_page_has_no_english_left_but_its_question_and_options() {
        VoteInfo vote = votes.list(VoteInfo.State.OPEN, 50).stream()
                .filter(v -> v.question().equals("Should the city introduce the congestion charge?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo vote is open"));
        MockUi.reload(Locale.KOREAN);
        List<String> written = new ArrayList<>(List.of(vote.question()));
        vote.options().stream().map(VoteSpec.Option::label).forEach(written::add);
        sweep("vote/" + vote.id(), VoteView.class, written.toArray(String[]::new));
        assertNoEnglish();
    }

    @Test
    void a_citizens_own_pages_have_no_english_left() {
        MockUi.signIn("citizen", "CITIZEN");
        languages.choose(UI.getCurrent(), Locale.KOREAN);
        sweep("account", AccountView.class, "citizen");
        sweep("notifications", NotificationsView.class, "citizen");
        sweep("proposals/new", ProposalEditorView.class, "citizen");
        assertNoEnglish();
    }

    @Test
    void an_officials_workspace_has_no_english_left() {
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        languages.choose(UI.getCurrent(), Locale.KOREAN);
        sweep("publish", PublishView.class, "official");
        org.openplaza.catalog.Dashboard glance = dashboards.featured().orElseThrow();
        List<String> written = new ArrayList<>(List.of("official", glance.title()));
        glance.tiles().forEach(t -> written.add(t.title()));
        sweep("proposals/queue", org.openplaza.portal.proposals.QueueView.class, written.toArray(String[]::new));
        assertNoEnglish();
    }

    @Test
    void an_administrators_pages_have_no_english_left() {
        MockUi.signIn("admin", "ADMIN");
        languages.choose(UI.getCurrent(), Locale.KOREAN);
        sweep("admin/users", UsersView.class, "admin");
        sweep("admin/organisations", OrganisationsView.class, "admin");
        sweep("admin/audit", AuditLogView.class, "admin");
        sweep("admin/reports", ReportsView.class, "admin");
        sweep("admin/moderation", ModerationView.class, "admin");
        // host names are the same in any language
        sweep(
                "admin/fetching",
                org.openplaza.portal.admin.FetchingView.class,
                "admin",
                "localhost",
                "data.gov.sg",
                "*.go.kr",
                "opendata.intranet.city.example");
        // the kinds of catalogue are named as their standards name them; sources by their names
        List<String> written = new ArrayList<>(List.of(
                "admin",
                "CKAN",
                "DCAT-AP",
                "API",
                "https://data.example.gov",
                "…/catalog.ttl",
                ".rdf",
                ".jsonld",
                "CSV"));
        harvests.sources().forEach(source -> written.add(source.title()));
        sweep("admin/harvesting", org.openplaza.portal.admin.HarvestingView.class, written.toArray(String[]::new));
        assertNoEnglish();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.catalog.Harvests harvests;

    private <T extends Component> T sweep(String location, Class<T> view, String... written) {
        T shown = MockUi.navigate(location, view);
        assertThat(UI.getCurrent().getChildren().anyMatch(MainLayout.class::isInstance))
                .as("%s shown in the portal's layout", location)
                .isTrue();
        collect("/" + location, written);
        return shown;
    }

    /** The portal's own words on the page now shown, less what people wrote, checked for English. */
    private void collect(String page, String... written) {
        List<String> texts = new ArrayList<>();
        texts.add(UI.getCurrent().getInternals().getTitle());
        UI.getCurrent().getChildren().forEach(child -> words(child, false, texts));
        for (String shown : texts) {
            String text = shown;
            for (String words : written) {
                text = text.replace(words, "");
            }
            Matcher word = ENGLISH_WORD.matcher(text);
            while (word.find()) {
                if (!SAME_IN_KOREAN.contains(word.group())) {
                    english.computeIfAbsent(page, p -> new ArrayList<>())
                            .add(word.group() + " in \"" + text.replace('\n', ' ') + "\"");
                }
            }
        }
    }

    /**
     * The words of a shown component and of its shown children. Links are the portal's words in
     * the header and the menu only: in a page they are mostly titles people wrote.
     */
    private static void words(Component component, boolean inPage, List<String> texts) {
        if (component.getElement().isTextNode() || !component.isVisible()) {
            return;
        }
        Element element = component.getElement();
        for (String property : PROPERTIES) {
            texts.add(element.getProperty(property, ""));
        }
        texts.add(element.getAttribute("aria-label") == null ? "" : element.getAttribute("aria-label"));
        Object i18n = element.getPropertyRaw("i18n");
        if (i18n != null) {
            Matcher value = Pattern.compile(":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(i18n.toString());
            while (value.find()) {
                texts.add(value.group(1));
            }
        }
        if (component instanceof Button || component instanceof H1 || component instanceof Tab) {
            texts.add(element.getTextRecursively());
        } else if (component instanceof SideNavItem item) {
            texts.add(item.getLabel() == null ? "" : item.getLabel());
        } else if (!inPage && (component instanceof Anchor || component instanceof RouterLink)) {
            texts.add(((HasText) component).getText());
        } else if (component instanceof Grid<?> grid) {
            grid.getColumns().stream()
                    .filter(Grid.Column::isVisible)
                    .map(Grid.Column::getHeaderText)
                    .filter(java.util.Objects::nonNull)
                    .forEach(texts::add);
        } else if (element.getClassList().contains("fold-toggle")
                || Set.of("catalog-total", "proposals-count", "visualisations-count")
                        .contains(component.getId().orElse(""))) {
            texts.add(element.getTextRecursively());
        }
        boolean page = inPage
                || component instanceof com.vaadin.flow.router.HasUrlParameter<?>
                || component.getClass().isAnnotationPresent(com.vaadin.flow.router.Route.class);
        component.getChildren().forEach(child -> words(child, page, texts));
    }

    private void assertNoEnglish() {
        assertThat(english).as("English words on pages in Korean").isEmpty();
    }
}
