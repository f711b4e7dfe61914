package org.openplaza.portal.proposals;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openplaza.portal.layout.Cards;
import org.openplaza.portal.layout.FoldingFilters;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.SearchField;
import org.openplaza.portal.layout.Titles;
import org.openplaza.proposals.Category;
import org.openplaza.proposals.Origin;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
import org.openplaza.proposals.ProposalSummary;
import org.openplaza.voting.OpenVote;
import org.openplaza.voting.VoteService;

/**
 * Proposals from the government and from citizens: search, filters (origin, status, category,
 * district, tag), four orders and the counts by origin, all kept in the address; then the votes
 * open now.
 */
@Route("proposals")
@AnonymousAllowed
public class ProposalsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Map<String, ProposalSearch.Sort> SORTS = Map.of(
            "newest", ProposalSearch.Sort.NEWEST,
            "supported", ProposalSearch.Sort.MOST_SUPPORTED,
            "closing", ProposalSearch.Sort.CLOSING_SOON,
            "discussed", ProposalSearch.Sort.MOST_DISCUSSED,
            "relevance", ProposalSearch.Sort.RELEVANCE);

    /** The order a search shows unless another is chosen: the best matches first when it has words. */
    private static ProposalSearch.Sort usualSort(String words) {
        return words == null || words.isBlank() ? ProposalSearch.Sort.NEWEST : ProposalSearch.Sort.RELEVANCE;
    }

    private final ProposalService proposals;
    final Cards<ProposalSummary> cards = new Cards<>("proposals-grid", null, this::card);
    private final TextField words = new TextField();
    private final Select<Optional<Origin>> origin = new Select<>();
    private final Select<Optional<ProposalStatus>> status = new Select<>();
    private final Select<Optional<Category>> category = new Select<>();
    private final TextField district = new TextField();
    private final Select<ProposalSearch.Sort> sort = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final HorizontalLayout origins = new HorizontalLayout();
    private final HorizontalLayout tagFilter = new HorizontalLayout();
    private ProposalSearch search = ProposalSearch.all();
    private com.vaadin.flow.component.button.Button filtersToggle;
    private boolean showing;

    public ProposalsView(ProposalService proposals, VoteService votes) {
        this.proposals = proposals;
        add(new H1(getTranslation("proposals.title")), new Paragraph(getTranslation("proposals.intro")));
        if (ProposalRoles.hasRole("CITIZEN") || ProposalRoles.hasRole("OFFICIAL")) {
            Anchor create = new Anchor("proposals/new", getTranslation("proposal.new"));
            create.setId("proposal-new");
            create.addClassName("button-link");
            add(create);
        }
        SearchField.create(words, "proposals-search", "proposals.search");
        choices(origin, "proposals-origin", "proposals.origin", Origin.values(), o -> "proposal.origin." + o.name());
        choices(
                status,
                "proposals-status",
                "proposals.status",
                ProposalStatus.values(),
                s -> "proposal.status." + s.name());
        choices(
                category,
                "proposals-category",
                "proposals.category",
                Category.values(),
                c -> "proposal.category." + c.name());
        district.setId("proposals-district");
        district.setLabel(getTranslation("proposals.district"));
        district.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        sort.setId("proposals-sort");
        sort.setLabel(getTranslation("proposals.sort"));
        sort.setItems(ProposalSearch.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("proposals.sort." + s.name()));
        FoldingFilters.Folded folded =
                FoldingFilters.searchAndFilters(words, "proposals-filters", origin, status, category, district, sort);
        filtersToggle = folded.toggle();
        com.vaadin.flow.component.html.Div filters = folded.box();
        origins.setId("proposals-origins");
        tagFilter.setId("proposals-tag");
        summary.setId("proposals-count");
        add(filters, origins, tagFilter, summary, cards);
        org.openplaza.portal.layout.SearchField.orderFollowsWords(words, sort, ProposalsView::usualSort, this::quietly);
        words.addValueChangeListener(e -> go());
        origin.addValueChangeListener(e -> go());
        status.addValueChangeListener(e -> go());
        category.addValueChangeListener(e -> go());
        district.addValueChangeListener(e -> go());
        sort.addValueChangeListener(e -> go());
        openVotes(votes);
    }

    private <T extends Enum<T>> void choices(
            Select<Optional<T>> select, String id, String labelKey, T[] values, Function<T, String> key) {
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        List<Optional<T>> items = new ArrayList<>();
        items.add(Optional.empty());
        Arrays.stream(values).forEach(v -> items.add(Optional.of(v)));
        select.setItems(items);
        select.setItemLabelGenerator(
                o -> o.map(v -> getTranslation(key.apply(v))).orElse(getTranslation("visualisations.any")));
        select.setValue(Optional.empty());
    }

    private void openVotes(VoteService votes) {
        add(new H2(getTranslation("proposals.open-votes")));
        List<OpenVote> open = votes.listOpen();
        if (open.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("proposals.no-open-votes"));
            empty.setId("no-open-votes");
            add(empty);
            return;
        }
        Cards<OpenVote> voteCards = new Cards<>(
                "open-votes",
                null,
                v -> Cards.card(
                        "vote/" + v.id(),
                        v.question(),
                        null,
                        List.of(getTranslation("votes.closes", Formats.dateTime(v.closesAt(), getLocale())))));
        voteCards.show(open);
        add(voteCards);
    }

    /** A proposal as a card: title, summary, facts, and its supports against the threshold. */
    private com.vaadin.flow.component.Component card(ProposalSummary p) {
        List<String> facts = new ArrayList<>();
        facts.add(getTranslation("proposal.origin." + p.origin().name()));
        facts.add(getTranslation("proposal.status." + p.status().name()));
        facts.add(getTranslation("proposal.category." + p.category().name()));
        facts.add(p.district());
        facts.add(p.publishedAt() == null ? null : Formats.date(p.publishedAt(), getLocale()));
        facts.add(getTranslation("proposals.comments", p.comments()));
        if (p.supportThreshold() == null) {
            return Cards.card("proposal/" + p.id(), p.title(), p.summary(), facts);
        }
        return Cards.card(
                "proposal/" + p.id(),
                p.title(),
                p.summary(),
                facts,
                Cards.progress(
                        getTranslation("proposal.supports", p.supports(), p.supportThreshold()),
                        p.supports(),
                        p.supportThreshold()));
    }

    private static <T extends Enum<T>> T parse(Class<T> type, String value) {
        try {
            return value.isEmpty() ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        search = new ProposalSearch(
                first(params, "q"),
                parse(Origin.class, first(params, "origin")),
                parse(ProposalStatus.class, first(params, "status")),
                parse(Category.class, first(params, "category")),
                first(params, "district"),
                first(params, "tag"),
                SORTS.getOrDefault(first(params, "sort"), usualSort(first(params, "q"))));
        show();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private void show() {
        showing = true;
        try {
            words.setValue(search.words() == null ? "" : search.words());
            origin.setValue(Optional.ofNullable(search.origin()));
            status.setValue(Optional.ofNullable(search.status()));
            category.setValue(Optional.ofNullable(search.category()));
            district.setValue(search.district() == null ? "" : search.district());
            sort.setValue(search.sort());
        } finally {
            showing = false;
        }
        FoldingFilters.chosen(filtersToggle, this, (int) java.util.stream.Stream.of(
                        search.origin(),
                        search.status(),
                        search.category(),
                        search.district() == null || search.district().isBlank() ? null : search.district())
                .filter(java.util.Objects::nonNull)
                .count());
        origins.removeAll();
        Map<Origin, Integer> counts = proposals.countsByOrigin(search);
        for (Origin o : Origin.values()) {
            Anchor link = new Anchor(
                    href(parameters(o, search.tag())),
                    getTranslation(
                            "proposals.origin.count", getTranslation("proposal.origin." + o.name()), counts.get(o)));
            link.setId("proposals-origin-" + o.name().toLowerCase(Locale.ROOT));
            origins.add(link);
        }
        tagFilter.removeAll();
        if (search.tag() != null && !search.tag().isBlank()) {
            tagFilter.add(
                    new Paragraph(getTranslation("proposals.tag", search.tag())),
                    new Anchor(href(parameters(search.origin(), null)), getTranslation("proposals.tag.clear")));
        }
        int count = proposals.count(search);
        summary.setText(getTranslation("proposals.count", count));
        ProposalSearch asked = search;
        cards.show(count, (offset, limit) -> proposals.search(asked, offset, limit));
    }

    private QueryParameters parameters(Origin chosenOrigin, String tag) {
        Map<String, String> next = new LinkedHashMap<>();
        if (!words.getValue().isBlank()) {
            next.put("q", words.getValue().strip());
        }
        if (chosenOrigin != null) {
            next.put("origin", chosenOrigin.name().toLowerCase(Locale.ROOT));
        }
        status.getValue().ifPresent(s -> next.put("status", s.name().toLowerCase(Locale.ROOT)));
        category.getValue().ifPresent(c -> next.put("category", c.name().toLowerCase(Locale.ROOT)));
        if (!district.getValue().isBlank()) {
            next.put("district", district.getValue().strip());
        }
        if (tag != null && !tag.isBlank()) {
            next.put("tag", tag);
        }
        if (sort.getValue() != null && sort.getValue() != usualSort(words.getValue())) {
            SORTS.forEach((key, value) -> {
                if (value == sort.getValue()) {
                    next.put("sort", key);
                }
            });
        }
        return QueryParameters.simple(next);
    }

    private static String href(QueryParameters parameters) {
        String query = parameters.getQueryString();
        return query.isEmpty() ? "proposals" : "proposals?" + query;
    }

    private void go() {
        if (!showing) {
            getUI().ifPresent(ui ->
                    ui.navigate("proposals", parameters(origin.getValue().orElse(null), search.tag())));
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "proposals.title");
    }

    /** Runs a change of the filters the view makes itself, not to be taken as the reader's. */
    private void quietly(Runnable change) {
        showing = true;
        try {
            change.run();
        } finally {
            showing = false;
        }
    }
}
