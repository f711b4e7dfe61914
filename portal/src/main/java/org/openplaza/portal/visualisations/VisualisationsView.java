package org.openplaza.portal.visualisations;

import com.vaadin.flow.component.grid.Grid;
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
import org.openplaza.charts.ChartType;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.SearchField;
import org.openplaza.portal.layout.Titles;
import org.openplaza.visualisations.Gallery;
import org.openplaza.visualisations.VisualisationService;
import org.openplaza.visualisations.VisualisationSummary;

/**
 * The gallery of visualisations citizens made from the open data: searchable, filtered by
 * dataset, organisation and chart type, sorted by newest, most viewed or most liked. The whole
 * state is in the address ({@code ?q=&dataset=&organization=&type=&sort=}), so it can be shared.
 */
@Route("visualisations")
@AnonymousAllowed
public class VisualisationsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Map<String, Gallery.Sort> SORTS =
            Map.of("newest", Gallery.Sort.NEWEST, "views", Gallery.Sort.MOST_VIEWED, "likes", Gallery.Sort.MOST_LIKED);

    private final VisualisationService visualisations;
    final Grid<VisualisationSummary> grid = new Grid<>();
    private final TextField words = new TextField();
    private final Select<String> organisation = new Select<>();
    private final Select<Optional<ChartType>> type = new Select<>();
    private final Select<Gallery.Sort> sort = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final HorizontalLayout datasetFilter = new HorizontalLayout();
    private Gallery gallery = Gallery.all();
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
        HorizontalLayout filters = new HorizontalLayout(words, organisation, type, sort);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        datasetFilter.setId("visualisations-dataset");
        datasetFilter.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("visualisations-count");
        grid.setId("visualisations-grid");
        grid.addComponentColumn(v -> new Anchor("visualisation/" + v.id(), v.title()))
                .setHeader(getTranslation("visualisations.column.title"))
                .setFlexGrow(3);
        grid.addColumn(v -> getTranslation("chart.type." + v.type().name()))
                .setHeader(getTranslation("visualisations.column.type"));
        grid.addComponentColumn(v -> new Anchor("dataset/" + v.datasetSlug(), v.datasetTitle()))
                .setHeader(getTranslation("visualisations.column.dataset"))
                .setFlexGrow(2);
        grid.addColumn(VisualisationSummary::organisation)
                .setHeader(getTranslation("visualisations.column.organisation"));
        grid.addColumn(VisualisationSummary::author).setHeader(getTranslation("visualisations.column.author"));
        grid.addColumn(v -> Formats.date(v.createdAt(), getLocale()))
                .setHeader(getTranslation("visualisations.column.created"));
        grid.addColumn(VisualisationSummary::views).setHeader(getTranslation("visualisations.column.views"));
        grid.addColumn(VisualisationSummary::likes).setHeader(getTranslation("visualisations.column.likes"));
        grid.setAllRowsVisible(true);
        grid.setPageSize(50);
        add(filters, datasetFilter, summary, grid);
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
                SORTS.getOrDefault(first(params, "sort"), Gallery.Sort.NEWEST));
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
        grid.setItems(query -> visualisations.search(asked, query.getOffset(), query.getLimit()).stream());
        grid.setVisible(count > 0);
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
        if (sort.getValue() != null && sort.getValue() != Gallery.Sort.NEWEST) {
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
}
