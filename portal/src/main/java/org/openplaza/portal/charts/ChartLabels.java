package org.openplaza.portal.charts;

import com.vaadin.flow.component.Component;
import org.openplaza.datastore.Grouped;

/** The store's own category names ("Other", "(empty)") in the reader's language. */
public final class ChartLabels {

    private ChartLabels() {}

    public static Grouped translated(Grouped data, Component in) {
        String other = in.getTranslation("chart.other");
        String empty = in.getTranslation("chart.empty");
        return data.relabel(label -> {
            if (label.equals(Grouped.OTHER)) {
                return other;
            }
            return label.equals(Grouped.EMPTY) ? empty : label;
        });
    }
}
