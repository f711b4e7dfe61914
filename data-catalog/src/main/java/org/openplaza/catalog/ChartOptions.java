package org.openplaza.catalog;

import java.util.ArrayList;
import java.util.List;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineAreaStyle;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.charts.pie.PieDataItem;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.charts.scatter.ScatterSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.legend.Legend;
import org.icepear.echarts.components.title.Title;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.icepear.echarts.render.Engine;

/**
 * ECharts options (JSON) for grouped data, built with ECharts Java: bars (grouped or stacked,
 * vertical or horizontal), histograms, lines and areas, pies and donuts (of the first series), scatter plots (the first
 * two series against each other, one point per category, or values along the categories) and heat
 * maps (categories across, series down, values as colour) and calendar heat maps (days of the first
 * series on one calendar per year). ECharts Java has no calendar component, so that one is added to
 * the JSON it renders.
 */
public final class ChartOptions {

    private ChartOptions() {}

    /** Rows of a calendar: one year of weeks with its labels. */
    private static final int CALENDAR_YEAR_PX = 150;

    private static final int CALENDAR_TOP_PX = 70;

    /** A height that fits the chart: calendars need one band per year. */
    public static int height(ChartType type, Grouped data) {
        if (type != ChartType.CALENDAR) {
            return 420;
        }
        return CALENDAR_TOP_PX + Math.max(1, years(data).size()) * CALENDAR_YEAR_PX + 40;
    }

    private static java.util.SortedSet<Integer> years(Grouped data) {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        for (String category : data.categories()) {
            java.time.LocalDate day = day(category);
            if (day != null) {
                years.add(day.getYear());
            }
        }
        return years;
    }

    private static java.time.@org.jspecify.annotations.Nullable LocalDate day(String category) {
        try {
            return java.time.LocalDate.parse(category);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String calendar(Grouped data, String title) {
        Option option = new Option();
        option.setTitle(new Title().setText(title).setLeft("center"));
        option.setTooltip(new Tooltip().setTrigger("item"));
        List<Integer> years = new ArrayList<>(years(data));
        Grouped.Series first = data.series().isEmpty() ? null : data.series().get(0);
        List<List<Object[]>> cells = new ArrayList<>();
        years.forEach(y -> cells.add(new ArrayList<>()));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; first != null && i < data.categories().size(); i++) {
            java.time.LocalDate day = day(data.categories().get(i));
            Double value = first.values().get(i);
            if (day != null && value != null) {
                cells.get(years.indexOf(day.getYear())).add(new Object[] {day.toString(), value});
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min <= max) {
            option.setVisualMap(colourScale(min, max).setTop(30));
        }
        List<SeriesOption> series = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            series.add(new org.icepear.echarts.charts.heatmap.HeatmapSeries()
                    .setName(first == null ? title : first.name())
                    .setCoordinateSystem("calendar")
                    .setCalendarIndex(i)
                    .setData(cells.get(i).toArray(Object[][]::new)));
        }
        option.setSeries(series.toArray(SeriesOption[]::new));
        try {
            com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JSON.readTree(new Engine().renderJsonOption(option));
            com.fasterxml.jackson.databind.node.ArrayNode calendars = json.putArray("calendar");
            for (int i = 0; i < years.size(); i++) {
                com.fasterxml.jackson.databind.node.ObjectNode calendar = calendars.addObject();
                calendar.put("top", CALENDAR_TOP_PX + 30 + i * CALENDAR_YEAR_PX);
                calendar.put("left", 50);
                calendar.put("right", 20);
                calendar.put("range", String.valueOf(years.get(i)));
                calendar.putArray("cellSize").add("auto").add(14);
                calendar.putObject("dayLabel").put("firstDay", 1);
                calendar.putObject("yearLabel").put("position", "left");
            }
            return JSON.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The horizontal, draggable colour scale of heat maps. */
    private static org.icepear.echarts.components.visualMap.ContinousVisualMap colourScale(double min, double max) {
        return new org.icepear.echarts.components.visualMap.ContinousVisualMap()
                .setMin(min)
                .setMax(max)
                .setCalculable(true)
                .setOrient("horizontal")
                .setLeft("center");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    public static String build(ChartType type, Grouped data, String title) {
        if (type == ChartType.CALENDAR) {
            return calendar(data, title);
        }
        Option option = new Option();
        option.setTitle(new Title().setText(title).setLeft("center"));
        String[] categories = data.categories().toArray(String[]::new);
        List<SeriesOption> series = new ArrayList<>();
        switch (type) {
            case PIE, DONUT -> slices(option, series, type, data, categories, title);
            case HEATMAP -> heatmap(option, series, type, data, categories, title);
            case SCATTER -> scatter(option, series, type, data, categories, title);
            default -> axes(option, series, type, data, categories, title);
        }
        option.setSeries(series.toArray(SeriesOption[]::new));
        if (type != ChartType.PIE && type != ChartType.DONUT) {
            // the axes' labels inside the chart's box, never cut at its edge
            option.setGrid(new org.icepear.echarts.components.grid.Grid().setContainLabel(true));
        }
        String json = new Engine().renderJsonOption(option);
        boolean labelsDown = type == ChartType.BAR_HORIZONTAL
                || type == ChartType.BAR_STACKED_HORIZONTAL
                || type == ChartType.HEATMAP;
        return labelsDown ? wrapLabels(json, type == ChartType.HEATMAP) : json;
    }

    /** A pie or a donut of the first series: a slice per category with a value. */
    private static void slices(
            Option option, List<SeriesOption> series, ChartType type, Grouped data, String[] categories, String title) {
        option.setTooltip(new Tooltip().setTrigger("item"));
        List<PieDataItem> slices = new ArrayList<>();
        Grouped.Series first = data.series().isEmpty() ? null : data.series().get(0);
        for (int i = 0; first != null && i < categories.length; i++) {
            Double value = first.values().get(i);
            if (value != null) {
                slices.add(new PieDataItem().setName(categories[i]).setValue(value));
            }
        }
        PieSeries pie =
                new PieSeries().setName(first == null ? "" : first.name()).setData(slices.toArray(PieDataItem[]::new));
        if (type == ChartType.DONUT) {
            pie.setRadius(new String[] {"40%", "70%"});
        }
        series.add(pie);
        option.setLegend(new Legend().setType("scroll").setBottom(0));
    }

    /** A heat map: the categories across, the series down, each value a coloured cell on one scale. */
    private static void heatmap(
            Option option, List<SeriesOption> series, ChartType type, Grouped data, String[] categories, String title) {
        option.setTooltip(new Tooltip().setTrigger("item"));
        String[] rows = data.series().stream().map(Grouped.Series::name).toArray(String[]::new);
        option.setXAxis(new CategoryAxis().setData(categories));
        // the first row on top, as in a table of the same numbers
        option.setYAxis(new CategoryAxis().setData(rows).setInverse(true));
        List<Object[]> cells = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int y = 0; y < rows.length; y++) {
            List<Double> values = data.series().get(y).values();
            for (int x = 0; x < categories.length; x++) {
                Double value = values.get(x);
                if (value != null) {
                    cells.add(new Object[] {x, y, value});
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (!cells.isEmpty()) {
            option.setVisualMap(colourScale(min, max).setBottom(0));
        }
        series.add(new org.icepear.echarts.charts.heatmap.HeatmapSeries()
                .setName(title)
                .setData(cells.toArray(Object[][]::new)));
    }

    /** A scatter of the second series against the first, or of each series against the categories. */
    private static void scatter(
            Option option, List<SeriesOption> series, ChartType type, Grouped data, String[] categories, String title) {
        option.setTooltip(new Tooltip().setTrigger("item"));
        if (data.series().size() >= 2) {
            List<Number[]> points = new ArrayList<>();
            List<Double> xs = data.series().get(0).values();
            List<Double> ys = data.series().get(1).values();
            for (int i = 0; i < categories.length; i++) {
                if (xs.get(i) != null && ys.get(i) != null) {
                    points.add(new Number[] {xs.get(i), ys.get(i)});
                }
            }
            option.setXAxis(new ValueAxis().setName(data.series().get(0).name()));
            option.setYAxis(new ValueAxis().setName(data.series().get(1).name()));
            series.add(
                    new ScatterSeries().setName(data.series().get(1).name()).setData(points.toArray(Number[][]::new)));
        } else {
            option.setXAxis(new CategoryAxis().setData(categories));
            option.setYAxis(new ValueAxis());
            for (Grouped.Series s : data.series()) {
                series.add(new ScatterSeries().setName(s.name()).setData(values(s)));
            }
        }
    }

    /** Bars, lines and areas along a category axis, stacked or side by side, upright or lying. */
    private static void axes(
            Option option, List<SeriesOption> series, ChartType type, Grouped data, String[] categories, String title) {
        option.setTooltip(new Tooltip().setTrigger("axis"));
        boolean horizontal = type == ChartType.BAR_HORIZONTAL || type == ChartType.BAR_STACKED_HORIZONTAL;
        CategoryAxis categoryAxis = new CategoryAxis().setData(categories);
        ValueAxis valueAxis = new ValueAxis();
        if (wholeNumbers(data)) {
            valueAxis.setMinInterval(1); // counts: no tick at 0.5
        }
        if (horizontal) {
            // the first category on top, as it reads in a list
            categoryAxis.setInverse(true);
            option.setXAxis(valueAxis);
            option.setYAxis(categoryAxis);
        } else {
            option.setXAxis(categoryAxis);
            option.setYAxis(valueAxis);
        }
        for (Grouped.Series s : data.series()) {
            series.add(
                    switch (type) {
                        case LINE -> new LineSeries().setName(s.name()).setData(values(s));
                        case AREA ->
                            new LineSeries()
                                    .setName(s.name())
                                    .setData(values(s))
                                    .setStack("total")
                                    .setAreaStyle(new LineAreaStyle());
                        case BAR_STACKED, BAR_STACKED_HORIZONTAL ->
                            new BarSeries().setName(s.name()).setData(values(s)).setStack("total");
                        case HISTOGRAM ->
                            // the ranges touch: a histogram's bars have no gaps
                            new BarSeries()
                                    .setName(s.name())
                                    .setData(values(s))
                                    .setBarGap("0%")
                                    .setBarCategoryGap("1%");
                        default -> new BarSeries().setName(s.name()).setData(values(s));
                    });
        }
        if (data.series().size() > 1) {
            option.setLegend(new Legend().setType("scroll").setBottom(0));
        }
    }

    /** The widest a category's label runs beside a horizontal chart before it wraps, in pixels. */
    private static final int LABEL_WIDTH_PX = 160;

    /**
     * Long category names down the side of a chart wrap onto more lines instead of running off
     * its edge, so their beginning (often the code that tells options apart) always shows; a
     * heat map's names across the bottom wrap too, every one shown. ECharts Java has no setting
     * for the wrapping, so it is added to the JSON it renders.
     */
    private static String wrapLabels(String json, boolean across) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode option =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
            wrap(option.get("yAxis"), LABEL_WIDTH_PX, false);
            if (across) {
                wrap(option.get("xAxis"), 90, true);
            }
            return JSON.writeValueAsString(option);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void wrap(com.fasterxml.jackson.databind.JsonNode axes, int width, boolean everyOne) {
        if (axes == null) {
            return;
        }
        for (com.fasterxml.jackson.databind.JsonNode axis : axes.isArray() ? axes : List.of(axes)) {
            com.fasterxml.jackson.databind.node.ObjectNode label =
                    ((com.fasterxml.jackson.databind.node.ObjectNode) axis).putObject("axisLabel");
            label.put("width", width);
            label.put("overflow", "break");
            if (everyOne) {
                label.put("interval", 0);
            }
        }
    }

    /** Whether every value is a whole number, as counts are. */
    private static boolean wholeNumbers(Grouped data) {
        return data.series().stream()
                .flatMap(s -> s.values().stream())
                .allMatch(v -> v == null || (v == Math.rint(v) && !Double.isInfinite(v)));
    }

    private static Number[] values(Grouped.Series series) {
        return series.values().toArray(Number[]::new);
    }

    /** A chart drawn small, without title, axes' labels or legend: a card's picture, a trend line. */
    public static String small(ChartType type, Grouped data) {
        return org.openplaza.catalog.charts.Thumbnails.build(type, data);
    }

    /** A column profile's histogram as ECharts options: see {@link Histograms}. */
    public static String histogram(List<HistogramBin> bins, boolean dates, java.util.Locale locale) {
        return Histograms.option(bins, dates, locale);
    }
}
