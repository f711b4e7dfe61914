package org.openplaza.portal.catalog;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.publish.VersionsPanel;

/**
 * A dataset's public page: what it is (DCAT-AP metadata, publisher, licence), its data in a lazy
 * table with filters and downloads, its data dictionary with each column's profile, and its
 * versions. Drafts and withdrawn datasets are shown to their publishers only; anybody else gets
 * "not found".
 */
@Route("dataset")
@AnonymousAllowed
public class DatasetView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final DatasetReader reader;
    private final VisualisationService visualisations;
    private final org.openplaza.catalog.ScheduledSources sources;
    private final org.openplaza.catalog.Harvests harvests;
    private String title = "";

    private final org.openplaza.catalog.PushedRecords pushed;

    public DatasetView(
            DatasetReader reader,
            VisualisationService visualisations,
            org.openplaza.catalog.ScheduledSources sources,
            org.openplaza.catalog.Harvests harvests,
            org.openplaza.catalog.PushedRecords pushed) {
        this.pushed = pushed;
        this.reader = reader;
        this.visualisations = visualisations;
        this.sources = sources;
        this.harvests = harvests;
        setMaxWidth("1400px");
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        DatasetPage dataset = reader.bySlug(slug).orElseThrow(NotFoundException::new);
        reader.countView(dataset.id());
        title = dataset.metadata().in(getLocale().getLanguage()).title();
        removeAll();
        // ?edit=<id> opens the chart tab on one of the reader's own visualisations of this dataset
        Visualisation editing = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("edit")
                .filter(id -> id.matches("\\d{1,18}"))
                .flatMap(id -> visualisations.find(Long.parseLong(id)))
                .filter(v -> v.datasetId() == dataset.id())
                .filter(v -> v.owner().equals(org.openplaza.audit.Audited.currentActor()))
                .orElse(null);
        this.slug = dataset.slug();
        address.clear();
        event.getLocation().getQueryParameters().getParameters().forEach((name, values) -> {
            if ((KEPT.contains(name) || tableParameter(name)) && !values.isEmpty()) {
                address.put(name, values.get(0));
            }
        });
        build(dataset, editing);
    }

    private void build(DatasetPage dataset, @org.jspecify.annotations.Nullable Visualisation editing) {
        addHeading(dataset);
        addVisualisations(dataset);
        addTabs(dataset, editing);
    }

    /** The title, description and figures, in the reader's language when the publisher gave it. */
    private void addHeading(DatasetPage dataset) {
        DatasetMetadata m = dataset.metadata();
        // the title, description and keywords in the reader's language when the publisher gave them
        String readerLanguage = getLocale().getLanguage();
        DatasetMetadata.Translation inReaders = m.in(readerLanguage);
        String shownLanguage = m.translations().containsKey(readerLanguage) ? readerLanguage : m.language();
        H1 heading = new H1(inReaders.title());
        heading.setId("dataset-heading");
        heading.getElement().setAttribute("lang", shownLanguage);
        Paragraph publisher = new Paragraph(getTranslation("dataset.published-by", dataset.organisation()));
        publisher.setId("dataset-publisher");
        add(heading, publisher);
        if (!dataset.published()) {
            Span state =
                    new Span(getTranslation("dataset.not-public", getTranslation("publish.state." + dataset.state())));
            state.getElement().getThemeList().add("badge contrast");
            state.setId("dataset-not-public");
            add(state);
        }
        Paragraph description = new Paragraph(inReaders.description());
        description.addClassName("dataset-description");
        description.getElement().setAttribute("lang", shownLanguage);
        Paragraph figures = new Paragraph(getTranslation(
                "dataset.figures",
                dataset.rows(),
                Formats.date(dataset.modified(), getLocale()),
                dataset.views() + 1, // this view included
                dataset.downloads()));
        figures.setId("dataset-figures");
        add(description, figures);
        sources.of(dataset.id()).ifPresent(this::addSource);
        harvests.provenanceOf(dataset.id()).ifPresent(this::addProvenance);
        add(new org.openplaza.portal.layout.ShareBar("dataset"));
    }

    /**
     * Where the dataset refreshes itself from (the host only: an address may carry a key) and how
     * fresh it is.
     */
    private void addSource(org.openplaza.catalog.DatasetSource source) {
        String never = getTranslation("source.never");
        Paragraph refreshed = new Paragraph(getTranslation(
                "dataset.source.refreshed",
                java.net.URI.create(source.url()).getHost(),
                source.lastSuccessAt() == null ? never : Formats.dateTime(source.lastSuccessAt(), getLocale()),
                source.lastAttemptAt() == null ? never : Formats.dateTime(source.lastAttemptAt(), getLocale())));
        refreshed.setId("dataset-source");
        add(refreshed);
        if (source.failing()) {
            Span failing = new Span(getTranslation("dataset.source.failing"));
            failing.setId("dataset-source-failing");
            failing.getElement().getThemeList().add("badge error");
            add(failing);
        }
    }

    /**
     * Where a harvested dataset comes from: the portal it mirrors, its page there, when it was last
     * harvested, and its files there (http and https addresses only, kept so when harvested).
     */
    private void addProvenance(org.openplaza.catalog.Provenance provenance) {
        com.vaadin.flow.component.html.Div shown = new com.vaadin.flow.component.html.Div();
        shown.setId("dataset-provenance");
        Paragraph from = new Paragraph(getTranslation(
                "dataset.harvested",
                provenance.sourceTitle(),
                Formats.dateTime(provenance.lastHarvested(), getLocale())));
        shown.add(from);
        if (provenance.originalUrl() != null) {
            Anchor original = new Anchor(provenance.originalUrl(), getTranslation("dataset.harvested.original"));
            original.setId("dataset-original");
            original.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            shown.add(new Paragraph(original));
        }
        if (provenance.removedAt() != null) {
            shown.add(new Paragraph(
                    getTranslation("dataset.harvested.removed", Formats.date(provenance.removedAt(), getLocale()))));
        }
        if (!provenance.links().isEmpty()) {
            com.vaadin.flow.component.html.UnorderedList files = new com.vaadin.flow.component.html.UnorderedList();
            files.setId("dataset-original-files");
            files.getElement().setAttribute("aria-label", getTranslation("dataset.harvested.files"));
            for (org.openplaza.catalog.Provenance.Link link : provenance.links()) {
                Anchor file = new Anchor(link.url(), link.title());
                file.getElement().setAttribute("rel", "noopener noreferrer nofollow");
                com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem(file);
                if (link.format() != null) {
                    item.add(new Span(" (" + link.format() + ")"));
                }
                files.add(item);
            }
            shown.add(files);
        }
        add(shown);
    }

    /** Links to the visualisations made of this dataset, when there are some. */
    private void addVisualisations(DatasetPage dataset) {
        var made = visualisations.listVisibleOf(dataset.id());
        if (!made.isEmpty()) {
            com.vaadin.flow.component.html.Div list = new com.vaadin.flow.component.html.Div();
            list.setId("dataset-visualisations");
            list.add(new Span(getTranslation("dataset.visualisations") + " "));
            for (int i = 0; i < made.size(); i++) {
                if (i > 0) {
                    list.add(new Span(" · "));
                }
                list.add(new Anchor(
                        "visualisation/" + made.get(i).id(), made.get(i).title()));
            }
            Anchor all = new Anchor(
                    "visualisations?dataset=" + dataset.slug(), getTranslation("dataset.visualisations.all"));
            all.setId("dataset-visualisations-all");
            list.add(new Span(" · "), all);
            add(list);
        }
    }

    /** The data, chart, columns, about and versions tabs; the one the address names open. */
    private void addTabs(DatasetPage dataset, @org.jspecify.annotations.Nullable Visualisation editing) {
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        com.vaadin.flow.component.tabs.Tab chartTab = null;
        if (dataset.currentVersionId() != null) {
            java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
            address.forEach((name, value) -> {
                if (tableParameter(name)) {
                    shown.put(name, value);
                }
            });
            DataTable table = new DataTable(reader, dataset, shown);
            table.onStateChange(this::keepTable);
            tabs.add(getTranslation("dataset.tab.data"), table);
            // the chart and the profile query the store: built when their tab is first opened
            chartTab = lazyTab(tabs, "dataset.tab.chart", () -> {
                ChartBuilder builder =
                        new ChartBuilder(reader, visualisations, dataset.id(), editing, address.get("chart"));
                builder.onStateChange(state -> keep("chart", state));
                return builder;
            });
            lazyTab(tabs, "dataset.tab.columns", () -> new ProfilePanel(reader, dataset.id()));
        }
        tabs.add(getTranslation("dataset.tab.about"), new DatasetAbout(dataset));
        tabs.add(
                getTranslation("dataset.tab.versions"),
                new VersionsPanel(
                        dataset.id(),
                        reader.versions(dataset.id()),
                        null,
                        version -> new org.openplaza.portal.publish.RetentionCell(pushed, version, false)));
        add(tabs);
        if ((editing != null || address.containsKey("chart")) && chartTab != null) {
            tabs.setSelectedTab(chartTab);
        } else if (address.containsKey("tab")) {
            int asked = TABS.indexOf(address.get("tab"));
            if (asked >= 0 && asked < tabs.getChildren().count() && dataset.currentVersionId() != null) {
                tabs.setSelectedIndex(asked);
            }
        }
        // the open tab in the address, so that it can be shared, bookmarked and returned to
        tabs.addSelectedChangeListener(e -> {
            int index = tabs.getSelectedIndex();
            if (dataset.currentVersionId() != null && index >= 0 && index < TABS.size()) {
                keep("tab", TABS.get(index));
            }
        });
    }

    /** The tabs of a dataset with data, by their names in the address. */
    private static final java.util.List<String> TABS =
            java.util.List.of("data", "chart", "columns", "about", "versions");

    /** The parameters of the address this page keeps up to date. */
    private static final java.util.Set<String> KEPT = java.util.Set.of("tab", "chart", "edit");

    private final java.util.Map<String, String> address = new java.util.LinkedHashMap<>();
    private String slug = "";

    /** The data table's own parameters: its search, sort and column filters. */
    private static boolean tableParameter(String name) {
        return name.equals("q") || name.equals("sort") || name.startsWith("f.");
    }

    /** The data table's state replaces its parameters in the address. */
    private void keepTable(java.util.Map<String, String> state) {
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>(address);
        address.keySet().removeIf(DatasetView::tableParameter);
        address.putAll(state);
        if (!address.equals(before)) {
            replaceAddress();
        }
    }

    /** Replaces the address with one holding this state, without a new entry in the history. */
    private void keep(String name, String value) {
        if (value.equals(address.get(name))) {
            return;
        }
        address.put(name, value);
        replaceAddress();
    }

    private void replaceAddress() {
        String query = com.vaadin.flow.router.QueryParameters.simple(address).getQueryString();
        String location = "dataset/" + slug + (query.isEmpty() ? "" : "?" + query);
        // from the root: a relative address would be read against the page's own path
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        String root = request == null ? "" : request.getContextPath();
        getUI().ifPresent(ui -> {
            ui.getPage().getHistory().replaceState(null, root + "/" + location);
            org.openplaza.portal.layout.MainLayout.pageMoved(ui, location);
        });
    }

    private com.vaadin.flow.component.tabs.Tab lazyTab(
            TabSheet tabs, String key, java.util.function.Supplier<com.vaadin.flow.component.Component> content) {
        Div holder = new Div();
        holder.setWidthFull();
        com.vaadin.flow.component.tabs.Tab tab = tabs.add(getTranslation(key), holder);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab && holder.getChildren().findAny().isEmpty()) {
                holder.add(content.get());
            }
        });
        return tab;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
