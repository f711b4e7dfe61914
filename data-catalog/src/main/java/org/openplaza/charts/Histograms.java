package org.openplaza.charts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.icepear.echarts.Bar;
import org.icepear.echarts.render.Engine;
import org.openplaza.datastore.DatasetStore;

/** ECharts options for the small histograms of a dataset page's column profile. */
public final class Histograms {

    private Histograms() {}

    /**
     * A bar per bin, labelled with its lower bound: a number, or for date columns (whose bins are
     * seconds since 1970) the day.
     */
    public static String option(List<DatasetStore.Bin> bins, boolean dates, Locale locale) {
        String[] labels = new String[bins.size()];
        Number[] counts = new Number[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            DatasetStore.Bin bin = bins.get(i);
            labels[i] = dates
                    ? Instant.ofEpochSecond((long) bin.from())
                            .atOffset(ZoneOffset.UTC)
                            .toLocalDate()
                            .toString()
                    : compact(bin.from(), locale);
            counts[i] = bin.count();
        }
        Bar bar = new Bar().addXAxis(labels).addYAxis().addSeries(counts).setTooltip("axis");
        return new Engine().renderJsonOption(bar);
    }

    private static String compact(double value, Locale locale) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(locale, "%,d", (long) value);
        }
        return String.format(locale, "%,.2f", value);
    }
}
