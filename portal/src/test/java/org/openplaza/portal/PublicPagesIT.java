package org.openplaza.portal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.account.LoginView;
import org.openplaza.portal.home.HomeView;
import org.openplaza.portal.proposals.ProposalsView;
import org.openplaza.portal.search.SearchView;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.portal.visualisations.VisualisationsView;
import org.openplaza.portal.votes.VotesView;
import org.openplaza.proposals.Origin;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.openplaza.voting.VoteService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The public pages without a browser, each reached by an address a visitor could type: the home
 * page's figures, the portal-wide search (nothing asked, too much asked, a word found, nothing found), the lists of
 * proposals, votes and visualisations with filters read from their addresses (nonsense ignored),
 * what each role is offered there, and the sign-in page's notices. Figures are the services' own.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class PublicPagesIT {

    @Autowired
    CatalogService catalog;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    VoteService votes;

    @Autowired
    ProposalService proposals;

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_home_page_counts_what_the_portal_publishes() {
        HomeView home = MockUi.navigate("", HomeView.class);
        assertThat(_get(home, H1.class).getText()).isEqualTo("Open data and participation for everyone");
        assertThat(_get(home, Span.class, spec -> spec.withId("count-datasets")).getText())
                .isEqualTo(Integer.toString(catalog.countPublishedDatasets()));
        assertThat(_get(home, Span.class, spec -> spec.withId("count-visualisations"))
                        .getText())
                .isEqualTo(Integer.toString(visualisations.countVisible()));
        assertThat(_get(home, Span.class, spec -> spec.withId("count-votes")).getText())
                .isEqualTo(Integer.toString(votes.countOpen()));
    }

    @Test
    void the_search_asks_for_words_shortens_too_many_and_reports_what_a_word_finds() {
        SearchView empty = MockUi.navigate("search", SearchView.class);
        assertThat(_find(empty, Paragraph.class).stream().map(Paragraph::getText))
                .contains("Type some words to find datasets, charts, proposals and votes.");

        // an address with more words than a search takes is searched for its first ones
        SearchView tooMuch = MockUi.navigate(
                "search?q="
                        + String.join(
                                "+",
                                java.util.stream.IntStream.range(0, 40)
                                        .mapToObj(i -> "word" + i)
                                        .toList()),
                SearchView.class);
        assertThat(_get(tooMuch, Paragraph.class, spec -> spec.withId("search-summary"))
                        .getText())
                .startsWith("0 results for “word0 word1 ")
                .doesNotContain("word39");

        SearchView found = MockUi.navigate("search?q=covid", SearchView.class);
        assertThat(_get(found, Paragraph.class, spec -> spec.withId("search-summary"))
                        .getText())
                .matches("\\d+ results? for “covid”")
                .doesNotStartWith("0 ");

        SearchView nothing = MockUi.navigate("search?q=zzqqxxnothinghere", SearchView.class);
        assertThat(_get(nothing, Paragraph.class, spec -> spec.withId("search-summary"))
                        .getText())
                .isEqualTo("0 results for “zzqqxxnothinghere”");
        assertThat(_find(nothing, Paragraph.class, spec -> spec.withId("search-hint")))
                .hasSize(1);
    }

    @Test
    void the_proposals_list_reads_its_filters_from_the_address_and_ignores_nonsense() {
        ProposalsView view =
                MockUi.navigate("proposals?origin=citizen&status=sideways&sort=upside-down", ProposalsView.class);
        ProposalSearch asked =
                new ProposalSearch(null, Origin.CITIZEN, null, null, null, null, ProposalSearch.Sort.NEWEST);
        int count = proposals.count(asked);
        assertThat(count).isPositive();
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("proposals-count"))
                        .getText())
                .isEqualTo(count == 1 ? "One proposal" : count + " proposals");
        assertThat(_get(view, Select.class, spec -> spec.withId("proposals-origin"))
                        .getValue())
                .isEqualTo(Optional.of(Origin.CITIZEN));
        assertThat(_get(view, Select.class, spec -> spec.withId("proposals-status"))
                        .getValue())
                .isEqualTo(Optional.empty());
        assertThat(_get(view, Select.class, spec -> spec.withId("proposals-sort"))
                        .getValue())
                .isEqualTo(ProposalSearch.Sort.NEWEST);
    }

    @Test
    void only_signed_in_citizens_and_officials_are_offered_to_propose_and_only_officials_to_open_a_vote() {
        ProposalsView visitor = MockUi.navigate("proposals", ProposalsView.class);
        assertThat(_find(visitor, Anchor.class, spec -> spec.withId("proposal-new")))
                .isEmpty();
        VotesView visitorsVotes = MockUi.navigate("votes", VotesView.class);
        assertThat(_find(visitorsVotes, Button.class, spec -> spec.withId("votes-new")))
                .isEmpty();

        MockUi.signIn("citizen", "CITIZEN");
        ProposalsView citizen = MockUi.navigate("proposals", ProposalsView.class);
        assertThat(_find(citizen, Anchor.class, spec -> spec.withId("proposal-new")))
                .hasSize(1);
        VotesView citizensVotes = MockUi.navigate("votes", VotesView.class);
        assertThat(_find(citizensVotes, Button.class, spec -> spec.withId("votes-new")))
                .isEmpty();

        MockUi.signIn("official", "OFFICIAL");
        // signing in reloads the page in a browser; the router keeps a view it is already showing
        UI.getCurrent().navigate("");
        VotesView officialsVotes = MockUi.navigate("votes", VotesView.class);
        assertThat(_find(officialsVotes, Button.class, spec -> spec.withId("votes-new")))
                .hasSize(1);
    }

    @Test
    void the_gallery_reads_its_chart_type_from_the_address_and_counts_as_the_service_does() {
        VisualisationsView all = MockUi.navigate("visualisations?type=hologram", VisualisationsView.class);
        int every = visualisations.count(Gallery.all());
        assertThat(_get(all, Paragraph.class, spec -> spec.withId("visualisations-count"))
                        .getText())
                .isEqualTo(every == 1 ? "One visualisation is shared" : every + " visualisations are shared");
        assertThat(_get(all, Select.class, spec -> spec.withId("visualisations-type"))
                        .getValue())
                .isEqualTo(Optional.empty());

        VisualisationsView bars = MockUi.navigate("visualisations?type=bar", VisualisationsView.class);
        int barCharts = visualisations.count(new Gallery(null, null, null, ChartType.BAR, Gallery.Sort.NEWEST));
        assertThat(_get(bars, Select.class, spec -> spec.withId("visualisations-type"))
                        .getValue())
                .isEqualTo(Optional.of(ChartType.BAR));
        assertThat(_get(bars, Paragraph.class, spec -> spec.withId("visualisations-count"))
                        .getText())
                .startsWith(barCharts == 0 ? "No" : barCharts == 1 ? "One" : Integer.toString(barCharts));
    }

    @Test
    void the_sign_in_page_explains_why_it_is_shown() {
        LoginView registered = MockUi.navigate("login?registered", LoginView.class);
        assertThat(_get(registered, Paragraph.class, spec -> spec.withId("login-notice"))
                        .getText())
                .isEqualTo("Your account was created. Sign in to continue.");
        LoginView wrong = MockUi.navigate("login?error", LoginView.class);
        assertThat(_get(wrong, LoginForm.class).isError()).isTrue();
        LoginView throttled = MockUi.navigate("login?throttled", LoginView.class);
        LoginForm form = _get(throttled, LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n"))).contains("Too many attempts");
    }

    @Test
    void the_lists_speak_korean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        ProposalsView view = MockUi.navigate("proposals", ProposalsView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("제안과 투표");
        int count = proposals.count(ProposalSearch.all());
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("proposals-count"))
                        .getText())
                .isEqualTo(count == 0 ? "일치하는 제안 없음" : "제안 " + count + "건");
    }
}
