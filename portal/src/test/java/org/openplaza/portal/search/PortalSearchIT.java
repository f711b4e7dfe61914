package org.openplaza.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.portal.Components.find;
import static org.openplaza.portal.Components.links;
import static org.openplaza.portal.Components.text;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One search finds datasets, charts, proposals and votes by the words people type, over the demo
 * content; the search page (without a browser) names each kind with its count, links to each
 * thing and to the list that keeps the words, and says what to do when nothing is found.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.openplaza.portal.MockUi.class)
@RunningPortal
class PortalSearchIT {

    @Autowired
    PortalSearch search;

    private static List<String> titles(PortalSearch.Found found, PortalSearch.Kind kind) {
        return found.sections().stream()
                .filter(s -> s.kind() == kind)
                .flatMap(s -> s.items().stream())
                .map(PortalSearch.Item::title)
                .toList();
    }

    @Test
    void a_plain_word_finds_every_kind_that_speaks_of_it() {
        PortalSearch.Found rain = search.find("rain", 5);
        assertThat(titles(rain, PortalSearch.Kind.DATASET)).contains("Rainfall: monthly total");
        assertThat(titles(rain, PortalSearch.Kind.CHART)).anyMatch(t -> t.startsWith("Monthly rainfall"));
        assertThat(titles(rain, PortalSearch.Kind.PROPOSAL)).contains("Rain gardens to stop street flooding");

        PortalSearch.Found congestion = search.find("congestion charges", 5);
        assertThat(titles(congestion, PortalSearch.Kind.PROPOSAL)).contains("A congestion charge for the city centre");
        assertThat(titles(congestion, PortalSearch.Kind.VOTE))
                .contains("Should the city introduce the congestion charge?");
        assertThat(titles(congestion, PortalSearch.Kind.DATASET)).isEmpty();

        assertThat(titles(search.find("도서관", 5), PortalSearch.Kind.PROPOSAL))
                .as("a Korean word finds the English proposal through its synonyms")
                .contains("Libraries open until 10 pm in exam season");
    }

    @Test
    void suggestions_come_as_one_types_a_word() {
        assertThat(search.suggest("r", 3, "en")).as("one letter is too little").isEmpty();
        List<PortalSearch.Item> suggested = search.suggest("gard", 3, "en");
        assertThat(suggested).extracting(PortalSearch.Item::title).contains("Rain gardens to stop street flooding");
        assertThat(suggested)
                .allSatisfy(item -> assertThat(item.href()).matches("(dataset|visualisation|proposal|vote)/.+"));
        assertThat(search.suggest("word ".repeat(40), 3, "en"))
                .as("a search too long suggests nothing")
                .isEmpty();
    }

    @Test
    void the_search_page_names_each_kind_links_to_it_and_helps_when_nothing_is_found() {
        SearchView view = new SearchView(search);
        view.show("rain");
        assertThat(text(view, "search-summary")).contains("results for “rain”");
        assertThat(text(view, "search-proposal-heading")).matches("\\d+ proposals?");
        assertThat(links(view)).contains("proposal/" + proposalId(search.find("rain gardens", 1)));

        view.show("zzyzx qwv");
        assertThat(text(view, "search-summary")).isEqualTo("0 results for “zzyzx qwv”");
        assertThat(find(view, "search-hint")).isNotNull();
        assertThat(find(view, "search-proposal")).isNull();

        view.show("rainfal");
        assertThat(text(view, "search-summary")).doesNotStartWith("0 ");

        view.show("word ".repeat(40));
        assertThat(text(view, "search-summary"))
                .as("shortened to what a search takes")
                .isNotEmpty();

        UI.getCurrent().setLocale(Locale.KOREAN);
        SearchView korean = new SearchView(search);
        korean.show("rain");
        assertThat(text(korean, "search-summary")).startsWith("“rain” 검색 결과");
    }

    @Test
    void the_box_suggests_the_best_of_each_kind_and_has_a_button_that_searches() {
        SearchBox box = new SearchBox(search, "box");
        assertThat(box.suggestions(search, " r "))
                .as("one letter is too little")
                .isEmpty();
        List<PortalSearch.Item> offered = box.suggestions(search, "rain ");
        assertThat(offered)
                .extracting(PortalSearch.Item::kind)
                .contains(PortalSearch.Kind.DATASET, PortalSearch.Kind.PROPOSAL);
        assertThat(box.getItemLabelGenerator().apply(offered.get(0))).endsWith(" · Dataset");
        assertThat(find(box.withButton(), "box-go"))
                .as("a button beside the box")
                .isNotNull();

        UI.getCurrent().setLocale(Locale.KOREAN);
        SearchBox korean = new SearchBox(search, "box");
        assertThat(korean.getItemLabelGenerator().apply(offered.get(0))).endsWith(" · 데이터셋");
        assertThat(text(korean.withButton(), "box-go")).isEqualTo("검색");
    }

    private static long proposalId(PortalSearch.Found found) {
        String href = found.sections().stream()
                .filter(s -> s.kind() == PortalSearch.Kind.PROPOSAL)
                .flatMap(s -> s.items().stream())
                .findFirst()
                .orElseThrow()
                .href();
        return Long.parseLong(href.substring("proposal/".length()));
    }
}
