package org.openplaza.portal.catalog;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue page without a browser, reached by its address as a visitor would: the whole
 * catalogue, an address with nonsense in it, words typed and searched, a search that finds
 * nothing, facet links that switch one value, and Korean. Counts are the search service's own.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class CatalogViewIT {

    @Autowired
    CatalogSearch search;

    private SearchResult all() {
        return search.search(new SearchRequest("", Map.of(), SearchRequest.Order.RELEVANCE, 0, 100));
    }

    private static String total(CatalogView view) {
        return _get(view, Paragraph.class, spec -> spec.withId("catalog-total")).getText();
    }

    private static List<String> titles(CatalogView view) {
        return _find(view, Anchor.class).stream()
                .filter(a -> a.getHref().startsWith("dataset/"))
                .map(Anchor::getText)
                .toList();
    }

    private static Anchor facetLink(CatalogView view, String value) {
        return _find(view, Anchor.class).stream()
                .filter(a -> value.equals(a.getElement().getAttribute("data-value")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_whole_catalogue_is_listed_to_a_visitor_with_its_facets() {
        SearchResult all = all();
        assertThat(all.total()).isGreaterThan(1);
        CatalogView view = MockUi.navigate("catalog", CatalogView.class);
        assertThat(total(view)).isEqualTo(all.total() + " datasets found");
        assertThat(titles(view)).hasSize((int) Math.min(all.total(), CatalogView.PAGE_SIZE));
        SearchResult.FacetCount publisher = all.facets().get("organisation").get(0);
        Anchor facet = facetLink(view, publisher.value());
        assertThat(facet.getText()).isEqualTo(publisher.value() + " (" + publisher.count() + ")");
        assertThat(facet.getHref()).startsWith("catalog?organisation=");
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("Data catalog");
    }

    @Test
    void an_address_with_an_unknown_order_and_a_page_that_is_no_number_opens_the_first_page() {
        CatalogView view = MockUi.navigate("catalog?sort=sideways&page=many", CatalogView.class);
        assertThat(_get(view, Select.class, spec -> spec.withId("catalog-order"))
                        .getValue())
                .isEqualTo(SearchRequest.Order.RELEVANCE);
        assertThat(total(view)).isEqualTo(all().total() + " datasets found");
    }

    @Test
    void words_typed_and_searched_go_into_the_address_and_find_what_the_service_finds() {
        SearchResult.Hit first = all().hits().get(0);
        String word = first.title(null).split("\\s+")[0];
        SearchResult expected = search.search(
                new SearchRequest(word, Map.of(), SearchRequest.Order.RELEVANCE, 0, CatalogView.PAGE_SIZE));

        CatalogView view = MockUi.navigate("catalog", CatalogView.class);
        _get(view, TextField.class, spec -> spec.withId("catalog-search")).setValue(word);
        _click(_get(view, Button.class, spec -> spec.withId("catalog-search-button")));

        CatalogView after = _get(CatalogView.class);
        assertThat(UI.getCurrent()
                        .getInternals()
                        .getActiveViewLocation()
                        .getQueryParameters()
                        .getParameters())
                .containsEntry("q", List.of(word));
        assertThat(titles(after))
                .containsExactlyElementsOf(
                        expected.hits().stream().map(h -> h.title("en")).toList());
        assertThat(titles(after)).contains(first.title("en"));
    }

    @Test
    void a_search_that_finds_nothing_says_so_and_keeps_the_catalogues_facets_to_browse_by() {
        CatalogView view = MockUi.navigate("catalog?q=zzqqxxnothinghere", CatalogView.class);
        assertThat(total(view)).isEqualTo("No datasets found");
        assertThat(_find(view, Paragraph.class).stream().map(Paragraph::getText))
                .contains("No published dataset matches. Try fewer words or remove a filter.");
        // the facet links of the whole catalogue drop the words that found nothing
        String organisation = all().facets().get("organisation").get(0).value();
        Anchor facet = facetLink(view, organisation);
        assertThat(facet.getHref()).doesNotContain("q=");
    }

    @Test
    void a_chosen_facet_narrows_the_list_and_its_link_switches_it_off() {
        SearchResult.FacetCount publisher = all().facets().get("organisation").get(0);
        String address = facetLink(MockUi.navigate("catalog", CatalogView.class), publisher.value())
                .getHref();
        CatalogView view = MockUi.navigate(address, CatalogView.class);
        assertThat(total(view))
                .isEqualTo(publisher.count() == 1 ? "One dataset found" : publisher.count() + " datasets found");
        Anchor chosen = facetLink(view, publisher.value());
        assertThat(chosen.getText()).startsWith("✓ ");
        assertThat(chosen.getElement().getAttribute("aria-current")).isEqualTo("true");
        assertThat(chosen.getHref()).isEqualTo("catalog");
    }

    @Test
    void the_page_speaks_korean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        CatalogView view = MockUi.navigate("catalog", CatalogView.class);
        assertThat(_get(view, H1.class).getText()).isEqualTo("데이터 목록");
        assertThat(total(view)).isEqualTo("데이터셋 " + all().total() + "개를 찾았습니다");
    }
}
