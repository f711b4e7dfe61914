package org.openplaza.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;

/** The ECharts options each chart type gets from the same grouped data. */
class ChartOptionsTest {

    final Grouped data = new Grouped(
            List.of("2020-02", "2020-03", "2020-04"),
            List.of(
                    new Grouped.Series("Seoul", Arrays.asList(10.0, 391.0, 628.0)),
                    new Grouped.Series("Busan", Arrays.asList(0.0, null, 108.0))));

    private static Object read(String json, String path) {
        return JsonPath.read(json, path);
    }

    @Test
    void bars_lines_and_areas_put_the_categories_on_an_axis_and_one_series_per_line() {
        String bars = ChartOptions.build(ChartType.BAR, data, "Confirmed cases");
        assertThat((String) read(bars, "$.title.text")).isEqualTo("Confirmed cases");
        assertThat((List<Object>) read(bars, "$.xAxis.data")).containsExactly("2020-02", "2020-03", "2020-04");
        assertThat((List<Object>) read(bars, "$.series[*].type")).containsExactly("bar", "bar");
        assertThat((List<Object>) read(bars, "$.series[1].data")).containsExactly(0.0, null, 108.0);
        assertThat((String) read(bars, "$.legend.type")).isEqualTo("scroll");

        String stacked = ChartOptions.build(ChartType.BAR_STACKED, data, "t");
        assertThat((List<Object>) read(stacked, "$.series[*].stack")).containsExactly("total", "total");
        String horizontal = ChartOptions.build(ChartType.BAR_HORIZONTAL, data, "t");
        assertThat((List<Object>) read(horizontal, "$.yAxis.data")).hasSize(3);
        assertThat((String) read(horizontal, "$.xAxis.type")).isEqualTo("value");
        String stackedHorizontal = ChartOptions.build(ChartType.BAR_STACKED_HORIZONTAL, data, "t");
        assertThat((List<Object>) read(stackedHorizontal, "$.yAxis.data")).hasSize(3);
        assertThat((List<Object>) read(stackedHorizontal, "$.series[*].stack")).containsExactly("total", "total");
        String histogram = ChartOptions.build(ChartType.HISTOGRAM, data, "t");
        assertThat((List<Object>) read(histogram, "$.series[*].type")).containsExactly("bar", "bar");
        assertThat((String) read(histogram, "$.series[0].barGap")).isEqualTo("0%");

        assertThat((List<Object>) read(ChartOptions.build(ChartType.LINE, data, "t"), "$.series[*].type"))
                .containsExactly("line", "line");
        String area = ChartOptions.build(ChartType.AREA, data, "t");
        assertThat((List<Object>) read(area, "$.series[*].areaStyle")).hasSize(2);
    }

    @Test
    void long_labels_down_the_side_wrap_inside_the_chart_and_read_from_the_top() {
        Grouped options = new Grouped(
                List.of("N10 Libraries open until 10 pm on weekdays", "N20 Free buses at night", "N30 More parks"),
                List.of(new Grouped.Series("Votes", Arrays.asList(1.0, 1.0, 2.0))));
        String bars = ChartOptions.build(ChartType.BAR_HORIZONTAL, options, "t");
        assertThat((Boolean) read(bars, "$.grid.containLabel"))
                .as("labels inside the box")
                .isTrue();
        assertThat((String) read(bars, "$.yAxis.axisLabel.overflow"))
                .as("wrapped, so the code at the start shows")
                .isEqualTo("break");
        assertThat((Integer) read(bars, "$.yAxis.axisLabel.width")).isPositive();
        assertThat((Boolean) read(bars, "$.yAxis.inverse"))
                .as("the first option on top")
                .isTrue();

        String heat = ChartOptions.build(ChartType.HEATMAP, options, "t");
        assertThat((Boolean) read(heat, "$.yAxis.inverse"))
                .as("rows in the order of the table")
                .isTrue();
        assertThat((String) read(heat, "$.xAxis.axisLabel.overflow")).isEqualTo("break");
        assertThat((Integer) read(heat, "$.xAxis.axisLabel.interval"))
                .as("every column named")
                .isZero();
        assertThat((Boolean) read(heat, "$.grid.containLabel")).isTrue();
    }

    @Test
    void counts_get_whole_number_ticks_and_measures_do_not() {
        Grouped counts = new Grouped(List.of("a", "b"), List.of(new Grouped.Series("n", Arrays.asList(1.0, 2.0))));
        assertThat((Integer) read(ChartOptions.build(ChartType.BAR, counts, "t"), "$.yAxis.minInterval"))
                .isEqualTo(1);
        assertThat((Integer) read(ChartOptions.build(ChartType.BAR_HORIZONTAL, counts, "t"), "$.xAxis.minInterval"))
                .isEqualTo(1);
        Grouped measures = new Grouped(List.of("a", "b"), List.of(new Grouped.Series("mm", Arrays.asList(0.4, 2.0))));
        assertThat(ChartOptions.build(ChartType.BAR, measures, "t")).doesNotContain("minInterval");
    }

    @Test
    void pies_and_donuts_take_the_first_series_and_skip_empty_slices() {
        String pie = ChartOptions.build(ChartType.PIE, data, "t");
        assertThat((List<Object>) read(pie, "$.series[0].data[*].name"))
                .containsExactly("2020-02", "2020-03", "2020-04");
        assertThat((List<Object>) read(pie, "$.series[0].data[*].value")).containsExactly(10.0, 391.0, 628.0);
        assertThat((String) read(pie, "$.tooltip.trigger")).isEqualTo("item");
        String donut = ChartOptions.build(ChartType.DONUT, data, "t");
        assertThat((List<Object>) read(donut, "$.series[0].radius")).containsExactly("40%", "70%");
    }

    @Test
    void a_scatter_of_two_measures_has_one_point_per_category_where_both_exist() {
        String scatter = ChartOptions.build(ChartType.SCATTER, data, "t");
        assertThat((List<Object>) read(scatter, "$.series[0].data")).hasSize(2);
        assertThat((String) read(scatter, "$.xAxis.name")).isEqualTo("Seoul");
        assertThat((String) read(scatter, "$.series[0].type")).isEqualTo("scatter");
    }

    @Test
    void a_heat_map_puts_categories_across_series_down_and_skips_empty_cells() {
        String heat = ChartOptions.build(ChartType.HEATMAP, data, "t");
        assertThat((List<Object>) read(heat, "$.xAxis.data")).hasSize(3);
        assertThat((List<Object>) read(heat, "$.yAxis.data")).containsExactly("Seoul", "Busan");
        assertThat((List<Object>) read(heat, "$.series[0].data")).hasSize(5);
        assertThat((String) read(heat, "$.series[0].type")).isEqualTo("heatmap");
        assertThat((Double) read(heat, "$.visualMap.max")).isEqualTo(628.0);
    }

    @Test
    void a_calendar_puts_each_day_on_the_calendar_of_its_year() {
        Grouped days = new Grouped(
                List.of("2019-12-31", "2020-01-01", "2020-01-02", "(empty)"),
                List.of(new Grouped.Series("count", Arrays.asList(3.0, 5.0, null, 9.0))));
        String calendar = ChartOptions.build(ChartType.CALENDAR, days, "Cases per day");
        assertThat((List<Object>) read(calendar, "$.calendar[*].range")).containsExactly("2019", "2020");
        assertThat((List<Object>) read(calendar, "$.series[*].coordinateSystem"))
                .containsExactly("calendar", "calendar");
        assertThat((List<Object>) read(calendar, "$.series[*].calendarIndex")).containsExactly(0, 1);
        assertThat((List<Object>) read(calendar, "$.series[0].data[0]")).containsExactly("2019-12-31", 3.0);
        // a day without a value and a category that is not a day are left out
        assertThat((List<Object>) read(calendar, "$.series[1].data")).hasSize(1);
        assertThat((Double) read(calendar, "$.visualMap.max")).isEqualTo(5.0);
        Grouped oneYear = new Grouped(List.of("2020-01-01"), List.of(new Grouped.Series("count", List.of(1.0))));
        assertThat(ChartOptions.height(ChartType.CALENDAR, days))
                .isGreaterThan(ChartOptions.height(ChartType.CALENDAR, oneYear));
    }
}
