package org.openplaza.portal.publish;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.openplaza.catalog.VersionSummary;
import org.openplaza.portal.layout.Formats;

/**
 * The dataset's history: each version with its rows, file and schema changes, and for a live
 * version how long it keeps its rows; for its publishers, a button to delete a version, asked
 * again before it acts, and one to change how long a live version keeps its rows.
 */
public class VersionsPanel extends VerticalLayout {

    public VersionsPanel(long datasetId, List<VersionSummary> versions) {
        this(datasetId, versions, null, null);
    }

    /**
     * With {@code delete}, each version has a delete button that calls it once confirmed; with
     * {@code retention}, a live version says how long it keeps its rows, in the component it makes.
     */
    public VersionsPanel(
            long datasetId,
            List<VersionSummary> versions,
            java.util.function.@org.jspecify.annotations.Nullable Consumer<VersionSummary> delete,
            java.util.function.@org.jspecify.annotations.Nullable Function<
                            VersionSummary, com.vaadin.flow.component.Component>
                    retention) {
        setPadding(false);
        Grid<VersionSummary> grid = new Grid<>();
        grid.setId("versions-grid");
        grid.addColumn(VersionSummary::number)
                .setHeader(getTranslation("publish.version"))
                .setAutoWidth(true);
        grid.addColumn(v -> Formats.dateTime(v.createdAt(), getLocale())).setHeader(getTranslation("publish.imported"));
        grid.addColumn(v -> String.format(getLocale(), "%,d", v.rows())).setHeader(getTranslation("publish.rows"));
        grid.addComponentColumn(v -> {
                    com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                            v.live()
                                    ? "/download/dataset/" + datasetId + "/data.csv?version=" + v.id()
                                    : "/download/version/" + v.id(),
                            v.originalFilename());
                    link.getElement().setAttribute("download", true);
                    link.getElement()
                            .setAttribute(
                                    "aria-label", getTranslation("publish.download") + " " + v.originalFilename());
                    return link;
                })
                .setHeader(getTranslation("publish.file"));
        grid.addComponentColumn(v -> {
                    com.vaadin.flow.component.orderedlayout.HorizontalLayout links =
                            new com.vaadin.flow.component.orderedlayout.HorizontalLayout();
                    String base = "/download/dataset/" + datasetId + "/data.";
                    links.add(rows(base + "csv?version=" + v.id(), "dataset.download.csv", v));
                    links.add(rows(base + "json?version=" + v.id(), "dataset.download.json", v));
                    return links;
                })
                .setHeader(getTranslation("publish.rows-as"));
        grid.addColumn(VersionSummary::encoding).setHeader(getTranslation("publish.encoding"));
        grid.addColumn(this::changes)
                .setHeader(getTranslation("publish.changes"))
                .setFlexGrow(3);
        if (retention != null && versions.stream().anyMatch(VersionSummary::live)) {
            grid.addComponentColumn(v -> !v.live()
                            ? new com.vaadin.flow.component.html.Span()
                            : v.tableDropped()
                                    ? new com.vaadin.flow.component.html.Span(getTranslation("publish.table-dropped"))
                                    : retention.apply(v))
                    .setKey("retention")
                    .setHeader(getTranslation("publish.retention"))
                    .setAutoWidth(true);
        }
        if (delete != null) {
            grid.addComponentColumn(v -> deleteButton(v, delete))
                    .setKey("delete")
                    .setAutoWidth(true);
        }
        List<VersionSummary> newestFirst = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        grid.setItems(newestFirst);
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("publish.history")), grid);
    }

    private com.vaadin.flow.component.button.Button deleteButton(
            VersionSummary v, java.util.function.Consumer<VersionSummary> delete) {
        com.vaadin.flow.component.button.Button button =
                new com.vaadin.flow.component.button.Button(getTranslation("publish.version.delete"));
        button.setId("version-delete-" + v.number());
        button.getElement().setAttribute("aria-label", getTranslation("publish.version.delete-label", v.number()));
        button.addThemeVariants(
                com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(e -> org.openplaza.portal.layout.Confirm.then(
                this,
                "version-delete",
                "publish.version.delete-heading",
                "publish.version.delete-text",
                "publish.version.delete",
                () -> delete.accept(v)));
        return button;
    }

    private com.vaadin.flow.component.html.Anchor rows(String href, String key, VersionSummary v) {
        com.vaadin.flow.component.html.Anchor link =
                new com.vaadin.flow.component.html.Anchor(href, getTranslation(key));
        link.setRouterIgnore(true);
        link.getElement().setAttribute("download", true);
        link.getElement()
                .setAttribute(
                        "aria-label",
                        getTranslation("publish.version") + " " + v.number() + ": " + getTranslation(key));
        return link;
    }

    private String changes(VersionSummary v) {
        StringBuilder text = new StringBuilder();
        if (!v.added().isEmpty()) {
            text.append(getTranslation("publish.diff.added", String.join(", ", v.added())))
                    .append(' ');
        }
        if (!v.removed().isEmpty()) {
            text.append(getTranslation("publish.diff.removed", String.join(", ", v.removed())))
                    .append(' ');
        }
        if (!v.retyped().isEmpty()) {
            text.append(getTranslation("publish.diff.retyped", String.join(", ", v.retyped())));
        }
        return text.toString().strip();
    }
}
