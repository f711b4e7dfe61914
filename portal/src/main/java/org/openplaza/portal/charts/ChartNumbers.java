package org.openplaza.portal.charts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openplaza.catalog.Grouped;

/** A chart's numbers as a table: its alternative for everyone who does not read the picture. */
public class ChartNumbers extends Grid<Integer> {

    public ChartNumbers() {
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
    }

    public void show(Grouped data, String dimension, Locale locale) {
        removeAllColumns();
        addColumn(i -> data.categories().get(i)).setHeader(dimension).setKey("category");
        for (Grouped.Series s : data.series()) {
            addColumn(i -> {
                        Double value = s.values().get(i);
                        return value == null ? "" : number(value, locale);
                    })
                    .setHeader(s.name());
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            rows.add(i);
        }
        setItems(rows);
    }

    /** Whole numbers without decimals, others with up to four. */
    public static String number(double value, Locale locale) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(locale, "%,d", (long) value);
        }
        return String.format(locale, "%,.4f", value).replaceAll("0+$", "").replaceAll("[.,]$", "");
    }
}
