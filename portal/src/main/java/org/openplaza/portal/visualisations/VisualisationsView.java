package org.openplaza.portal.visualisations;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
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
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.VisualisationSummary;
import org.openplaza.portal.layout.Cards;
import org.openplaza.portal.layout.FoldingFilters;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.SearchField;
import org.openplaza.portal.layout.Titles;

/**
 * The gallery of visualisations citizens made from the open data: searchable, filtered by
 * dataset, organisation and chart type, sorted by newest, most viewed or most liked. The whole
 * state is in the address ({@code ?q=&dataset=&organization=&type=&sort=}), so it can be shared.
 */
@Route("visualisations")
@AnonymousAllowed
public class VisualisationsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Map<String, Gallery.Sort> SORTS = Map.of(
            "newest", Gallery.Sort.NEWEST,
            "views", Gallery.Sort.MOST_VIEWED,
            "likes", Gallery.Sort.MOST_LIKED,
            "relevance", Gallery.Sort.RELEVANCE);

    /** The order unless another is chosen: the best matches first when there are words. */
    private static Gallery.Sort usualSort(String words) {
        return words == null || words.isBlank() ? Gallery.Sort.NEWEST : Gallery.Sort.RELEVANCE;
    }

    private final VisualisationService visualisations;
    final Cards<VisualisationSummary> cards = new Cards<>("visualisations-grid", null, this::card);
    private final TextField words = new TextField();
    private final Select<String> organisation = new Select<>();
    private final Select<Optional<ChartType>> type = new Select<>();
    private final Select<Gallery.Sort> sort = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final HorizontalLayout datasetFilter = new HorizontalLayout();
    private Gallery gallery = Gallery.all();
    private com.vaadin.flow.component.button.Button filtersToggle;
    private boolean showing;

    public VisualisationsView(VisualisationService visualisations) {
        this.visualisations = visualisations;
        add(new H1(getTranslation("visualisations.title")));
        SearchField.create(words, "visualisations-search", "visualisations.search");
        Map<String, String> organisations = visualisations.organisations();
        organisation.setId("visualisations-organisation");
        organisation.setLabel(getTranslation("visualisations.organisation"));
        List<String> organisationChoices = new ArrayList<>();
        organisationChoices.add("");
        organisationChoices.addAll(organisations.keySet());
        organisation.setItems(organisationChoices);
        organisation.setItemLabelGenerator(
                slug -> slug.isEmpty() ? getTranslation("visualisations.any") : organisations.getOrDefault(slug, slug));
        type.setId("visualisations-type");
        type.setLabel(getTranslation("visualisations.type"));
        List<Optional<ChartType>> types = new ArrayList<>();
        types.add(Optional.empty());
        for (ChartType t : ChartType.values()) {
            types.add(Optional.of(t));
        }
        type.setItems(types);
        type.setItemLabelGenerator(
                t -> t.map(c -> getTranslation("chart.type." + c.name())).orElse(getTranslation("visualisations.any")));
        sort.setId("visualisations-sort");
        sort.setLabel(getTranslation("visualisations.sort"));
        sort.setItems(Gallery.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("visualisations.sort." + s.name()));
        FoldingFilters.Folded folded =
                FoldingFilters.searchAndFilters(words, "visualisations-filters", organisation, type, sort);
        filtersToggle = folded.toggle();
        com.vaadin.flow.component.html.Div filters = folded.box();
        datasetFilter.setId("visualisations-dataset");
        datasetFilter.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("visualisations-count");
        add(filters, datasetFilter, summary, cards);
        org.openplaza.portal.layout.SearchField.orderFollowsWords(
                words, sort, VisualisationsView::usualSort, this::quietly);
        words.addValueChangeListener(e -> go());
        organisation.addValueChangeListener(e -> go());
        type.addValueChangeListener(e -> go());
        sort.addValueChangeListener(e -> go());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        ChartType chartType = null;
        try {
            chartType = ChartType.valueOf(first(params, "type").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // no type, or one we do not know: no filter
        }
        gallery = new Gallery(
                first(params, "q"),
                first(params, "dataset"),
                first(params, "organization"),
                chartType,
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
            words.setValue(gallery.words() == null ? "" : gallery.words());
            organisation.setValue(gallery.organisation() == null ? "" : gallery.organisation());
            type.setValue(Optional.ofNullable(gallery.type()));
            sort.setValue(gallery.sort());
        } finally {
            showing = false;
        }
        FoldingFilters.chosen(
                filtersToggle,
                this,
                (gallery.organisation() == null || gallery.organisation().isBlank() ? 0 : 1)
                        + (gallery.type() == null ? 0 : 1));
        datasetFilter.removeAll();
        String dataset = gallery.dataset();
        if (dataset != null && !dataset.isBlank()) {
            Anchor clear = new Anchor(href(parameters(null)), getTranslation("visualisations.dataset.clear"));
            clear.setId("visualisations-dataset-clear");
            datasetFilter.add(new Paragraph(getTranslation("visualisations.dataset", dataset)), clear);
        }
        int count = visualisations.count(gallery);
        summary.setText(getTranslation("visualisations.count", count));
        Gallery asked = gallery;
        cards.show(count, (offset, limit) -> visualisations.search(asked, offset, limit));
    }

    /** A chart as a card: its thumbnail, title, dataset and facts. */
    private com.vaadin.flow.component.Component card(VisualisationSummary v) {
        // the chart itself, small and without words (they are on the card); the type's icon when
        // it cannot be drawn
        com.vaadin.flow.component.Component icon = visualisations
                .thumbnail(v.id())
                .<com.vaadin.flow.component.Component>map(option -> {
                    org.openplaza.portal.charts.EChart thumbnail = new org.openplaza.portal.charts.EChart("", option);
                    thumbnail.setHeight("120px");
                    thumbnail.addClassName("card-thumbnail");
                    thumbnail.getElement().removeAttribute("role");
                    thumbnail.getElement().removeAttribute("aria-label");
                    return thumbnail;
                })
                .orElseGet(() -> {
                    com.vaadin.flow.component.icon.Icon typeIcon =
                            icon(v.type()).create();
                    typeIcon.addClassName("card-icon");
                    return typeIcon;
                });
        icon.getElement().setAttribute("aria-hidden", "true");
        Anchor dataset = new Anchor("dataset/" + v.datasetSlug(), v.datasetTitle());
        Paragraph from = new Paragraph(getTranslation("visualisations.from", ""));
        from.add(dataset);
        from.addClassName("card-summary");
        com.vaadin.flow.component.html.Div card = Cards.card(
                "visualisation/" + v.id(),
                v.title(),
                null,
                List.of(
                        getTranslation("chart.type." + v.type().name()),
                        v.organisation(),
                        v.author(),
                        Formats.date(v.createdAt(), getLocale()),
                        getTranslation("visualisations.views", v.views()),
                        getTranslation("visualisations.likes", v.likes())));
        card.addComponentAtIndex(0, icon);
        card.addComponentAtIndex(2, from);
        return card;
    }

    private static com.vaadin.flow.component.icon.VaadinIcon icon(ChartType type) {
        return switch (type) {
            case LINE, AREA -> com.vaadin.flow.component.icon.VaadinIcon.CHART_LINE;
            case PIE, DONUT -> com.vaadin.flow.component.icon.VaadinIcon.PIE_CHART;
            case SCATTER -> com.vaadin.flow.component.icon.VaadinIcon.SCATTER_CHART;
            case HEATMAP, CALENDAR -> com.vaadin.flow.component.icon.VaadinIcon.GRID_BIG;
            case BAR_HORIZONTAL, BAR_STACKED_HORIZONTAL -> com.vaadin.flow.component.icon.VaadinIcon.BAR_CHART_H;
            default -> com.vaadin.flow.component.icon.VaadinIcon.BAR_CHART;
        };
    }

    /** The address of the gallery with the fields' current values and the given dataset filter. */
    private QueryParameters parameters(@Nullable String dataset) {
        Map<String, String> next = new LinkedHashMap<>();
        if (!words.getValue().isBlank()) {
            next.put("q", words.getValue().strip());
        }
        if (dataset != null && !dataset.isBlank()) {
            next.put("dataset", dataset);
        }
        if (organisation.getValue() != null && !organisation.getValue().isEmpty()) {
            next.put("organization", organisation.getValue());
        }
        if (type.getValue() != null && type.getValue().isPresent()) {
            next.put("type", type.getValue().get().name());
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
        return query.isEmpty() ? "visualisations" : "visualisations?" + query;
    }

    private void go() {
        if (!showing) {
            getUI().ifPresent(ui -> ui.navigate("visualisations", parameters(gallery.dataset())));
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "visualisations.title");
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
