package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DrawnTile;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.FigureAlert;
import org.openplaza.catalog.FigureAlerts;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.platform.RunAs;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Viewer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A dashboard's tiles on a responsive grid, drawn for the reader: a chart, or a key figure with its
 * change against the period before and its trend, each saying when its data last changed. While
 * the grid is on screen it watches the datasets it shows; when one changes (on any node) its tiles
 * are drawn again, as the reader, away from the reader's session, and pushed to the browser, with
 * a status line that tells screen readers too. Changes that come while a redraw runs are drawn in
 * the next one.
 */
public class DashboardGrid extends Div {

    private final DashboardService dashboards;
    private final LiveDatasets live;
    private final RunAs runAs;
    private final FigureAlerts figureAlerts;
    private final VisitorDraws visitorDraws;

    /** Whether the reader is a visitor who is not signed in, whose drawings are shared. */
    private final boolean visitor;

    private final Dashboard dashboard;
    private final @Nullable Function<Dashboard.Tile, Component> controls;
    private final Map<Long, Section> tiles = new HashMap<>();
    private final Map<Long, DrawnTile> shown = new HashMap<>();

    /** The reader's alerts on this dashboard's figures, by tile; none for a visitor. */
    private Map<Long, List<FigureAlert>> alerts = Map.of();

    private final Span status = new Span();

    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean redrawing = new AtomicBoolean();
    private @Nullable Registration watching;

    /** The grid of a dashboard; {@code controls} adds its owner's tools to each tile, when given. */
    DashboardGrid(
            DashboardGrids services, Dashboard dashboard, @Nullable Function<Dashboard.Tile, Component> controls) {
        this.dashboards = services.dashboards;
        this.live = services.live;
        this.runAs = services.runAs;
        this.figureAlerts = services.alerts;
        this.visitorDraws = services.visitorDraws;
        Authentication reader = services.runAs.current();
        this.visitor = reader == null || reader instanceof AnonymousAuthenticationToken;
        this.dashboard = dashboard;
        this.controls = controls;
        readAlerts();
        Div grid = new Div();
        grid.addClassName("dashboard-grid");
        grid.setId("dashboard-" + dashboard.id() + "-tiles");
        for (Dashboard.Tile tile : dashboard.tiles()) {
            Section section = new Section();
            section.addClassName("dashboard-tile");
            section.addClassName(tile.wide() ? "wide" : "narrow");
            section.setId("tile-" + tile.id());
            tiles.put(tile.id(), section);
            grid.add(section);
            show(section, draw(tile));
        }
        status.setId("dashboard-" + dashboard.id() + "-status");
        status.addClassName("dashboard-status");
        status.getElement().setAttribute("role", "status");
        if (dashboard.tiles().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("dashboard.empty"));
            empty.setId("dashboard-empty");
            add(empty);
        }
        add(grid, status);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        Authentication signedIn = runAs.current();
        Authentication reader = signedIn != null
                ? signedIn
                : new AnonymousAuthenticationToken(
                        "visitor", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        watching = live.watch(dashboard.datasets(), dataset -> {
            changed.add(dataset);
            redraw(ui, reader);
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            watching.remove();
            watching = null;
        }
    }

    /**
     * Draws the tiles of the datasets that changed, as the reader, then shows them in the reader's
     * session; one redraw at a time, and another after it for what changed meanwhile.
     */
    private void redraw(UI ui, @Nullable Authentication reader) {
        while (!changed.isEmpty() && redrawing.compareAndSet(false, true)) {
            try {
                Set<Long> datasets = Set.copyOf(changed);
                changed.removeAll(datasets);
                List<DrawnTile> drawn = new ArrayList<>();
                runAs.run(
                        reader,
                        () -> dashboard.tiles().stream()
                                .filter(t -> datasets.contains(t.datasetId()))
                                .forEach(t -> drawn.add(draw(t))));
                ui.access(() -> {
                    drawn.forEach(d -> show(tiles.get(d.tile().id()), d));
                    status.setText(getTranslation("dashboard.redrawn", Formats.dateTime(Instant.now(), getLocale())));
                });
            } catch (UIDetachedException e) {
                return;
            } finally {
                redrawing.set(false);
            }
        }
    }

    /** The tile as the reader sees it: for a visitor, the drawing all visitors share. */
    private DrawnTile draw(Dashboard.Tile tile) {
        return visitor ? visitorDraws.draw(tile) : dashboards.draw(tile);
    }

    private void readAlerts() {
        alerts = Viewer.signedIn()
                ? figureAlerts.mine().stream()
                        .filter(a -> a.dashboardId() == dashboard.id())
                        .collect(Collectors.groupingBy(FigureAlert::tileId))
                : Map.of();
    }

    private void show(Section section, DrawnTile drawn) {
        shown.put(drawn.tile().id(), drawn);
        section.removeAll();
        Dashboard.Tile tile = drawn.tile();
        H2 title = new H2(tile.title());
        title.addClassName("dashboard-tile-title");
        section.add(title);
        if (drawn.chart() != null) {
            title.removeAll();
            Anchor link = new Anchor("visualisation/" + tile.visualisationId(), tile.title());
            title.add(link);
            section.add(chart(drawn.chart(), tile));
        } else if (drawn.figure() != null) {
            section.add(figure(drawn.figure(), tile));
        } else {
            Paragraph problem = new Paragraph(
                    getTranslation(drawn.problem() == null ? "dashboard.tile.unavailable" : drawn.problem()));
            problem.addClassName("dashboard-tile-problem");
            section.add(problem);
        }
        if (drawn.asOf() != null) {
            Paragraph asOf =
                    new Paragraph(getTranslation("dashboard.as-of", Formats.dateTime(drawn.asOf(), getLocale())));
            asOf.addClassName("dashboard-tile-as-of");
            asOf.setId("tile-" + tile.id() + "-as-of");
            section.add(asOf);
        }
        if (controls != null) {
            section.add(controls.apply(tile));
        }
    }

    private Component chart(DrawnVisualisation drawn, Dashboard.Tile tile) {
        Grouped data = ChartLabels.readable(drawn, this::getTranslation);
        ChartType type = drawn.definition().type();
        EChart chart = new EChart(tile.title(), ChartOptions.build(type, data, ""));
        chart.setId("tile-" + tile.id() + "-chart");
        chart.setHeight(tile.wide() ? "340px" : "260px");
        return chart;
    }

    /** The latest value, large; what it is and for which period; its change; its trend; its dataset. */
    private Component figure(KeyFigure.Value value, Dashboard.Tile tile) {
        KeyFigure figure = Objects.requireNonNull(tile.figure());
        FigureWords words = new FigureWords(this::getTranslation, getLocale());
        Div box = new Div();
        box.addClassName("key-figure");
        Span number = new Span(words.value(value));
        number.addClassName("key-figure-value");
        number.setId("tile-" + tile.id() + "-value");
        Paragraph about = new Paragraph(words.about(figure, value));
        about.addClassName("key-figure-about");
        box.add(number, about);
        String change = words.change(value);
        if (change != null) {
            Paragraph line = new Paragraph(change);
            line.addClassName("key-figure-change");
            double amount = Objects.requireNonNull(value.change());
            line.addClassName(amount > 0 ? "up" : amount < 0 ? "down" : "same");
            line.setId("tile-" + tile.id() + "-change");
            box.add(line);
        }
        if (value.periods().size() > 1) {
            Grouped trend =
                    new Grouped(value.periods(), List.of(new Grouped.Series(words.what(figure, value), value.trend())));
            EChart line = new EChart(words.trend(value), ChartOptions.small(ChartType.LINE, trend));
            line.setHeight("56px");
            line.addClassName("key-figure-trend");
            box.add(line);
        }
        Anchor dataset = new Anchor("dataset/" + value.datasetSlug(), value.datasetTitle());
        dataset.addClassName("key-figure-dataset");
        box.add(new Paragraph(dataset));
        if (Viewer.signedIn()) {
            box.add(alerting(tile, value));
        }
        return box;
    }

    /** The reader's alerts on the figure, each with "Stop", and "Notify me" for another. */
    private Component alerting(Dashboard.Tile tile, KeyFigure.Value value) {
        Div box = new Div();
        box.addClassName("key-figure-alerts");
        for (FigureAlert alert : alerts.getOrDefault(tile.id(), List.of())) {
            String direction =
                    getTranslation("dashboard.alert." + alert.direction().name());
            String threshold = ChartNumbers.number(alert.threshold(), getLocale());
            Button stop = new Button(getTranslation("dashboard.alert.stop"), e -> {
                figureAlerts.stop(alert.id());
                readAlerts();
                show(tiles.get(tile.id()), shown.get(tile.id()));
            });
            stop.setAriaLabel(getTranslation("dashboard.alert.stop.label", tile.title(), direction, threshold));
            stop.setId("alert-" + alert.id() + "-stop");
            stop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Paragraph line = new Paragraph(getTranslation("dashboard.alert.set", direction, threshold) + " ");
            line.setId("alert-" + alert.id());
            line.add(stop);
            box.add(line);
        }
        Button notify = new Button(
                getTranslation("dashboard.alert"),
                VaadinIcon.BELL_O.create(),
                e -> AlertDialog.open(this, figureAlerts, tile, value, () -> {
                    readAlerts();
                    show(tiles.get(tile.id()), shown.get(tile.id()));
                }));
        notify.setAriaLabel(getTranslation("dashboard.alert.label", tile.title()));
        notify.setId("tile-" + tile.id() + "-alert");
        notify.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        box.add(notify);
        return box;
    }
}
