package org.openplaza.portal.charts;

import com.vaadin.flow.component.Component;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.Grouped;

/**
 * A chart's words in the reader's language: the store's own category names ("Other", "(empty)")
 * and each series named by what it counts ("Maximum · Confirmed cases") with the column's label,
 * never the store's {@code max(confirmed)}.
 */
public final class ChartLabels {

    private ChartLabels() {}

    /** The portal's messages for one reader: a key and its arguments to text. */
    @FunctionalInterface
    public interface Words {
        String get(String key, Object... args);
    }

    /** Category names translated; series named with the columns' generated names. */
    public static Grouped translated(Grouped data, Component in) {
        return readable(data, UnaryOperator.identity(), in::getTranslation);
    }

    /**
     * Category names translated and each series the store grouped named by its measure (the
     * column by its label) and, when split, its split value: the split value alone when the chart
     * has one measure.
     */
    public static Grouped readable(Grouped data, UnaryOperator<String> columnLabel, Words words) {
        String other = words.get("chart.other");
        String empty = words.get("chart.empty");
        Grouped renamed = data.relabel(label -> {
            if (label.equals(Grouped.OTHER)) {
                return other;
            }
            return label.equals(Grouped.EMPTY) ? empty : label;
        });
        long measures = renamed.series().stream()
                .map(Grouped.Series::measure)
                .filter(Objects::nonNull)
                .distinct()
                .count();
        return renamed.renameSeries(series -> {
            if (series.measure() == null) {
                return series.name();
            }
            String measure = measure(series.measure(), columnLabel, words);
            if (series.split() == null) {
                return measure;
            }
            return measures == 1 ? series.split() : measure + " · " + series.split();
        });
    }

    /** A drawn visualisation's points in words, its columns named by the labels of the version drawn. */
    public static Grouped readable(org.openplaza.catalog.DrawnVisualisation drawn, Words words) {
        return readable(drawn.data(), drawn::label, words);
    }

    /** What a measure counts, in words: "Count", "Maximum · Confirmed cases". */
    public static String measure(GroupRequest.Measure measure, UnaryOperator<String> columnLabel, Words words) {
        String what = words.get("chart.aggregation." + measure.aggregation().name());
        return measure.column() == null ? what : what + " · " + columnLabel.apply(measure.column());
    }
}
