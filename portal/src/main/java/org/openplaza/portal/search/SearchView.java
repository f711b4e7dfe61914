package org.openplaza.portal.search;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openplaza.portal.layout.Titles;

/**
 * One search box for the whole portal ({@code search?q=}): the best datasets, charts, proposals
 * and votes for the words, each kind under its heading with how many there are and a link to its
 * own list (which keeps the words), and a correction of the words when nothing was found.
 */
@Route("search")
@AnonymousAllowed
public class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** How many of each kind the page shows. */
    static final int EACH = 5;

    private final PortalSearch search;
    private final SearchBox box;
    private final Div results = new Div();

    public SearchView(PortalSearch search) {
        this.search = search;
        setMaxWidth("64rem");
        box = new SearchBox(search, "search-words");
        results.setId("search-results");
        results.addClassName("search-results");
        add(new H1(getTranslation("search.title")), box.withButton(), results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        show(q.isEmpty() ? "" : q.get(0));
    }

    /** Shows what these words find. */
    void show(String words) {
        results.removeAll();
        if (words.isBlank()) {
            results.add(new Paragraph(getTranslation("search.empty")));
            return;
        }
        PortalSearch.Found found;
        try {
            found = search.find(words, EACH, getLocale().getLanguage());
        } catch (IllegalArgumentException e) {
            Paragraph refused = new Paragraph(getTranslation("search.too-long"));
            refused.setId("search-refused");
            results.add(refused);
            return;
        }
        Paragraph summary = new Paragraph(getTranslation("search.summary", found.total(), found.words()));
        summary.setId("search-summary");
        summary.getElement().setAttribute("role", "status");
        results.add(summary);
        if (found.total() == 0) {
            Paragraph hint = new Paragraph(getTranslation("search.hint"));
            hint.setId("search-hint");
            results.add(hint);
            if (found.suggestion() != null) {
                Paragraph corrected = new Paragraph(
                        new Span(getTranslation("catalog.did-you-mean") + " "),
                        new Anchor(
                                "search?"
                                        + QueryParameters.simple(Map.of("q", found.suggestion()))
                                                .getQueryString(),
                                found.suggestion()));
                corrected.setId("search-did-you-mean");
                results.add(corrected);
            }
        }
        for (PortalSearch.Section section : found.sections()) {
            if (section.total() > 0) {
                results.add(section(section));
            }
        }
    }

    private Section section(PortalSearch.Section found) {
        String kind = found.kind().name();
        String id = "search-" + kind.toLowerCase(Locale.ROOT);
        H2 heading = new H2(getTranslation("search.section." + kind, found.total()));
        heading.setId(id + "-heading");
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("search-list");
        list.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        for (PortalSearch.Item item : found.items()) {
            Anchor link = new Anchor(item.href(), item.title());
            link.addClassName("search-item-title");
            ListItem entry = new ListItem(link);
            String detail = found.kind() == PortalSearch.Kind.VOTE
                    ? getTranslation("votes.state." + item.detail())
                    : item.detail();
            if (!detail.isBlank()) {
                Span line = new Span(detail);
                line.addClassName("search-item-detail");
                entry.add(line);
            }
            list.add(entry);
        }
        Section section = new Section(heading, list);
        section.addClassName("search-section");
        if (found.total() > found.items().size()) {
            Anchor all = new Anchor(found.allHref(), getTranslation("search.all." + kind, found.total()));
            all.setId(id + "-all");
            section.add(all);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "search.title");
    }
}
