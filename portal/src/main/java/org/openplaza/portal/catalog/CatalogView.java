package org.openplaza.portal.catalog;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;

/**
 * The catalogue: full-text search over the published datasets, facets with counts that combine
 * with the words, five orders and paging. The whole state of a search is in the URL ({@code q},
 * one parameter per facet, {@code sort}, {@code page}), so it can be shared and the back button
 * works; every facet value and page is a plain link.
 */
@Route("catalog")
@AnonymousAllowed
public class CatalogView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 10;

    private final CatalogSearch search;
    private final TextField words = new TextField();
    private final Select<SearchRequest.Order> order = new Select<>();
    private final Div body = new Div();
    private Map<String, List<String>> state = Map.of();

    public CatalogView(CatalogSearch search) {
        this.search = search;
        setMaxWidth("1400px");
        words.setId("catalog-search");
        words.setLabel(getTranslation("catalog.search"));
        words.setPlaceholder(getTranslation("catalog.search.placeholder"));
        words.setPrefixComponent(VaadinIcon.SEARCH.create());
        words.setClearButtonVisible(true);
        words.setWidth("28rem");
        words.addKeyPressListener(Key.ENTER, e -> go(with("q", words.getValue().strip())));
        Button submit = new Button(
                getTranslation("catalog.search.button"),
                e -> go(with("q", words.getValue().strip())));
        submit.setId("catalog-search-button");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        order.setId("catalog-order");
        order.setLabel(getTranslation("catalog.order"));
        order.setItems(SearchRequest.Order.values());
        order.setItemLabelGenerator(o -> getTranslation("catalog.order." + o.name()));
        order.setValue(SearchRequest.Order.RELEVANCE);
        order.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(with("sort", e.getValue().name().toLowerCase(Locale.ROOT)));
            }
        });
        HorizontalLayout bar = new HorizontalLayout(words, submit, order);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        body.addClassName("catalog-layout");
        add(new H1(getTranslation("catalog.title")), bar, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = event.getLocation().getQueryParameters().getParameters();
        words.setValue(first("q"));
        SearchRequest.Order chosen = order();
        order.setValue(chosen);
        int page = page();
        Map<String, List<String>> facets = new LinkedHashMap<>();
        for (String facet : SearchRequest.FACETS) {
            List<String> values = state.getOrDefault(facet, List.of());
            if (!values.isEmpty()) {
                facets.put(facet, values);
            }
        }
        // an address with more words than a search takes is searched for its first ones
        SearchResult result = search.search(new SearchRequest(
                SearchRequest.shortened(first("q")), facets, chosen, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        body.removeAll();
        // nothing found for these words: the facets of the catalogue without them, to browse by
        wordless = result.total() == 0 && !first("q").isBlank();
        Nav panel = facetPanel(wordless ? search.search(new SearchRequest("", facets, chosen, 0, 1)) : result);
        int chosenValues = facets.values().stream().mapToInt(List::size).sum();
        body.add(
                org.openplaza.portal.layout.FoldingFilters.toggle(panel, "catalog-facets-toggle", chosenValues),
                panel,
                results(result, page));
    }

    private String first(String name) {
        List<String> values = state.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private SearchRequest.Order order() {
        try {
            return first("sort").isEmpty()
                    ? SearchRequest.Order.RELEVANCE
                    : SearchRequest.Order.valueOf(first("sort").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SearchRequest.Order.RELEVANCE;
        }
    }

    private int page() {
        try {
            return Math.max(1, Integer.parseInt(first("page")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The current state with one parameter replaced (removed when empty); a new search starts on page 1. */
    private Map<String, List<String>> with(String name, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(state);
        next.remove("page");
        if (value.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, List.of(value));
        }
        return next;
    }

    /** The current state with one facet value switched on or off. */
    /** Whether the facets shown are those of the catalogue without the search's words. */
    private boolean wordless;

    private Map<String, List<String>> toggled(String facet, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(state);
        next.remove("page");
        if (wordless) {
            next.remove("q");
        }
        List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            next.remove(facet);
        } else {
            next.put(facet, values);
        }
        return next;
    }

    private void go(Map<String, List<String>> next) {
        getUI().ifPresent(ui -> ui.navigate("catalog", new QueryParameters(next)));
    }

    private static String href(Map<String, List<String>> params) {
        String query = new QueryParameters(params).getQueryString();
        return query.isEmpty() ? "catalog" : "catalog?" + query;
    }

    private Nav facetPanel(SearchResult result) {
        Nav nav = new Nav();
        nav.addClassName("facets");
        nav.setId("catalog-facets");
        nav.getElement().setAttribute("aria-label", getTranslation("catalog.facets"));
        for (String facet : SearchRequest.FACETS) {
            List<SearchResult.FacetCount> counts = result.facets().getOrDefault(facet, List.of());
            List<String> chosen = state.getOrDefault(facet, List.of());
            if (counts.isEmpty() && chosen.isEmpty()) {
                continue;
            }
            H2 heading = new H2(getTranslation("catalog.facet." + facet));
            UnorderedList list = new UnorderedList();
            list.addClassName("facet-list");
            list.setId("facet-" + facet);
            for (SearchResult.FacetCount count : counts) {
                boolean on = chosen.contains(count.value());
                Anchor link = new Anchor(
                        href(toggled(facet, count.value())),
                        (on ? "✓ " : "") + label(facet, count.value()) + " (" + count.count() + ")");
                link.getElement().setAttribute("aria-current", on ? "true" : "false");
                link.getElement().setAttribute("data-value", count.value());
                list.add(new ListItem(link));
            }
            nav.add(heading, list);
        }
        return nav;
    }

    private String label(String facet, String value) {
        if (facet.equals("theme")) {
            return getTranslation("theme." + value);
        }
        return value;
    }

    private Section results(SearchResult result, int page) {
        Section section = new Section();
        section.addClassName("results");
        Paragraph total = new Paragraph(getTranslation("catalog.results", result.total()));
        total.setId("catalog-total");
        total.getElement().setAttribute("role", "status");
        section.add(total);
        Div list = new Div();
        list.setId("catalog-results");
        for (SearchResult.Hit hit : result.hits()) {
            list.add(result(hit));
        }
        if (result.total() == 0) {
            if (result.suggestion() != null) {
                Paragraph didYouMean = new Paragraph(getTranslation("catalog.did-you-mean") + " ");
                Anchor corrected = new Anchor(href(with("q", result.suggestion())), result.suggestion());
                corrected.setId("catalog-suggestion");
                didYouMean.add(corrected);
                list.add(didYouMean);
            }
            list.add(new Paragraph(getTranslation(state.isEmpty() ? "catalog.empty" : "catalog.no-match")));
        }
        section.add(list);
        long pages = (result.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        if (pages > 1) {
            Nav pager = new Nav();
            pager.setId("catalog-pager");
            pager.getElement().setAttribute("aria-label", getTranslation("catalog.pages"));
            HorizontalLayout links = new HorizontalLayout();
            links.setAlignItems(FlexComponent.Alignment.BASELINE);
            if (page > 1) {
                links.add(pageLink(page - 1, "catalog.previous"));
            }
            links.add(new Span(getTranslation("catalog.page", page, pages)));
            if (page < pages) {
                links.add(pageLink(page + 1, "catalog.next"));
            }
            pager.add(links);
            section.add(pager);
        }
        return section;
    }

    private Anchor pageLink(int page, String key) {
        Map<String, List<String>> next = new LinkedHashMap<>(state);
        next.put("page", List.of(Integer.toString(page)));
        Anchor link = new Anchor(href(next), getTranslation(key));
        link.setId(key.equals("catalog.next") ? "catalog-next" : "catalog-previous");
        return link;
    }

    private Div result(SearchResult.Hit hit) {
        Div item = new Div();
        item.addClassName("result");
        // in the reader's language when the publisher translated it
        String reader = getLocale().getLanguage();
        Anchor title = new Anchor("dataset/" + hit.slug(), hit.title(reader));
        H2 heading = new H2(title);
        String full = hit.description(reader);
        String description = full.length() > 280 ? full.substring(0, 279) + "…" : full;
        Paragraph about = new Paragraph(description);
        Paragraph facts = new Paragraph(getTranslation(
                "catalog.hit",
                hit.organisation(),
                Formats.date(hit.modified(), getLocale()),
                hit.rows(),
                hit.format() == null ? "" : hit.format(),
                hit.licence()));
        facts.addClassName("profile-meta");
        item.add(heading, about, facts);
        return item;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "catalog.title");
    }
}
