package org.openplaza.charts;

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
import org.openplaza.datastore.Grouped;

/**
 * ECharts options (JSON) for grouped data, built with ECharts Java: bars (grouped, stacked or
 * horizontal), lines and areas, pies and donuts (of the first series), scatter plots (the first
 * two series against each other, one point per category, or values along the categories) and heat
 * maps (categories across, series down, values as colour).
 */
public final class ChartOptions {

    private ChartOptions() {}

    public static String build(ChartType type, Grouped data, String title) {
        Option option = new Option();
        option.setTitle(new Title().setText(title).setLeft("center"));
        String[] categories = data.categories().toArray(String[]::new);
        List<SeriesOption> series = new ArrayList<>();
        switch (type) {
            case PIE, DONUT -> {
                option.setTooltip(new Tooltip().setTrigger("item"));
                List<PieDataItem> slices = new ArrayList<>();
                Grouped.Series first =
                        data.series().isEmpty() ? null : data.series().get(0);
                for (int i = 0; first != null && i < categories.length; i++) {
                    Double value = first.values().get(i);
                    if (value != null) {
                        slices.add(new PieDataItem().setName(categories[i]).setValue(value));
                    }
                }
                PieSeries pie = new PieSeries()
                        .setName(first == null ? "" : first.name())
                        .setData(slices.toArray(PieDataItem[]::new));
                if (type == ChartType.DONUT) {
                    pie.setRadius(new String[] {"40%", "70%"});
                }
                series.add(pie);
                option.setLegend(new Legend().setType("scroll").setBottom(0));
            }
            case HEATMAP -> {
                option.setTooltip(new Tooltip().setTrigger("item"));
                String[] rows = data.series().stream().map(Grouped.Series::name).toArray(String[]::new);
                option.setXAxis(new CategoryAxis().setData(categories));
                option.setYAxis(new CategoryAxis().setData(rows));
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
                    option.setVisualMap(new org.icepear.echarts.components.visualMap.ContinousVisualMap()
                            .setMin(min)
                            .setMax(max)
                            .setCalculable(true)
                            .setOrient("horizontal")
                            .setLeft("center")
                            .setBottom(0));
                }
                series.add(new org.icepear.echarts.charts.heatmap.HeatmapSeries()
                        .setName(title)
                        .setData(cells.toArray(Object[][]::new)));
            }
            case SCATTER -> {
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
                    series.add(new ScatterSeries()
                            .setName(data.series().get(1).name())
                            .setData(points.toArray(Number[][]::new)));
                } else {
                    option.setXAxis(new CategoryAxis().setData(categories));
                    option.setYAxis(new ValueAxis());
                    for (Grouped.Series s : data.series()) {
                        series.add(new ScatterSeries().setName(s.name()).setData(values(s)));
                    }
                }
            }
            default -> {
                option.setTooltip(new Tooltip().setTrigger("axis"));
                boolean horizontal = type == ChartType.BAR_HORIZONTAL;
                CategoryAxis categoryAxis = new CategoryAxis().setData(categories);
                if (horizontal) {
                    option.setXAxis(new ValueAxis());
                    option.setYAxis(categoryAxis);
                } else {
                    option.setXAxis(categoryAxis);
                    option.setYAxis(new ValueAxis());
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
                                case BAR_STACKED ->
                                    new BarSeries()
                                            .setName(s.name())
                                            .setData(values(s))
                                            .setStack("total");
                                default -> new BarSeries().setName(s.name()).setData(values(s));
                            });
                }
                if (data.series().size() > 1) {
                    option.setLegend(new Legend().setType("scroll").setBottom(0));
                }
            }
        }
        option.setSeries(series.toArray(SeriesOption[]::new));
        return new Engine().renderJsonOption(option);
    }

    private static Number[] values(Grouped.Series series) {
        return series.values().toArray(Number[]::new);
    }
}
