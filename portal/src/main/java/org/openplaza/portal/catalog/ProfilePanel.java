package org.openplaza.portal.catalog;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.stream.Collectors;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ValueType;
import org.openplaza.portal.charts.EChart;
import org.springframework.dao.DataAccessException;

/**
 * The data dictionary with each column's profile: label, generated name, type and description;
 * empty and distinct values; range and mean; the commonest values of text; and a small histogram
 * of each numeric or date column.
 */
class ProfilePanel extends VerticalLayout {

    static final int BINS = 12;

    ProfilePanel(DatasetReader reader, long datasetId) {
        setPadding(false);
        setId("dataset-columns");
        add(new H2(getTranslation("dataset.tab.columns")));
        Div cards = new Div();
        cards.addClassName("profile-cards");
        for (DatasetColumn column : reader.columns(datasetId)) {
            cards.add(card(reader, datasetId, column));
        }
        add(cards);
    }

    private Div card(DatasetReader reader, long datasetId, DatasetColumn column) {
        Div card = new Div();
        card.addClassName("profile-card");
        card.setId("profile-" + column.name());
        H3 label = new H3(column.label());
        Span meta = new Span(
                column.name() + " · " + getTranslation("type." + column.type().name()));
        meta.addClassName("profile-meta");
        card.add(label, meta);
        if (!column.description().isBlank()) {
            card.add(new Paragraph(column.description()));
        }
        StringBuilder figures = new StringBuilder();
        if (column.nulls() != null) {
            figures.append(getTranslation("dataset.profile.nulls", column.nulls()));
        }
        if (!column.nullMarkers().isEmpty()) {
            // the marks the file used for them, which a statistical office gives meanings to
            figures.append(" (")
                    .append(getTranslation(
                            "dataset.profile.markers",
                            column.nullMarkers().entrySet().stream()
                                    .map(m -> "“" + m.getKey() + "” " + String.format(getLocale(), "%,d", m.getValue()))
                                    .collect(Collectors.joining(", "))))
                    .append(')');
        }
        if (column.distinct() != null) {
            figures.append(" · ").append(getTranslation("dataset.profile.distinct", column.distinct()));
        }
        if (column.min() != null) {
            figures.append(" · ").append(getTranslation("dataset.profile.range", column.min(), column.max()));
        }
        if (column.mean() != null) {
            figures.append(" · ").append(getTranslation("dataset.profile.mean", column.mean()));
        }
        card.add(new Paragraph(figures.toString()));
        if (!column.topValues().isEmpty()) {
            card.add(new Paragraph(getTranslation(
                    "dataset.profile.top",
                    column.topValues().stream()
                            .map(v -> v.value() + " (" + String.format(getLocale(), "%,d", v.count()) + ")")
                            .collect(Collectors.joining(", ")))));
        }
        if (numericOrDate(column.type())) {
            try {
                var bins = reader.histogram(datasetId, column.name(), BINS);
                if (!bins.isEmpty()) {
                    boolean dates = column.type() == ValueType.DATE || column.type() == ValueType.TIMESTAMP;
                    card.add(new EChart(
                            getTranslation("dataset.profile.histogram", column.label()),
                            ChartOptions.histogram(bins, dates, getLocale())));
                }
            } catch (DataAccessException e) {
                card.add(new Paragraph(getTranslation("dataset.profile.no-histogram")));
            }
        }
        return card;
    }

    private static boolean numericOrDate(ValueType type) {
        return type == ValueType.INTEGER
                || type == ValueType.DECIMAL
                || type == ValueType.DATE
                || type == ValueType.TIMESTAMP;
    }
}
