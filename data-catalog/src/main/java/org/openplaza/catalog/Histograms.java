package org.openplaza.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.icepear.echarts.Bar;
import org.icepear.echarts.components.coord.CategoryAxisLabel;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.render.Engine;

/** ECharts options for the small histograms of a dataset page's column profile. */
final class Histograms {

    private Histograms() {}

    /**
     * A bar per bin, labelled with its lower bound: a number, or for date columns (whose bins are
     * seconds since 1970) the day.
     */
    static String option(List<HistogramBin> bins, boolean dates, Locale locale) {
        String[] labels = new String[bins.size()];
        Number[] counts = new Number[bins.size()];
        long span = bins.size() < 2
                ? 0
                : (long) (bins.get(bins.size() - 1).from() - bins.get(0).from());
        com.ibm.icu.text.NumberFormat compact = com.ibm.icu.text.CompactDecimalFormat.getInstance(
                locale, com.ibm.icu.text.CompactDecimalFormat.CompactStyle.SHORT);
        compact.setMaximumFractionDigits(1);
        for (int i = 0; i < bins.size(); i++) {
            HistogramBin bin = bins.get(i);
            labels[i] = dates ? day(bin.from(), span) : compact.format(bin.from());
            counts[i] = bin.count();
        }
        // short labels, and ECharts leaves out any that would still overlap on a narrow card
        CategoryAxis axis =
                new CategoryAxis().setData(labels).setAxisLabel(new CategoryAxisLabel().setHideOverlap(true));
        Bar bar = new Bar().addXAxis(axis).addYAxis().addSeries(counts).setTooltip("axis");
        bar.getOption().setGrid(new Grid().setContainLabel(true).setLeft(4).setRight(8));
        return new Engine().renderJsonOption(bar);
    }

    /** A bin's first day as briefly as its span allows: the year over five years, the month over a year. */
    private static String day(double epochSecond, long spanSeconds) {
        java.time.LocalDate date = Instant.ofEpochSecond((long) epochSecond)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        long days = spanSeconds / 86_400;
        if (days > 5 * 366) {
            return String.valueOf(date.getYear());
        }
        if (days > 366) {
            return date.toString().substring(0, 7);
        }
        return date.toString();
    }
}
