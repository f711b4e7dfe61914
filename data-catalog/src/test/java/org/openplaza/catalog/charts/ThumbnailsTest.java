package org.openplaza.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;

/** A gallery card's thumbnail: the chart's data and kind, none of its words. */
class ThumbnailsTest {

    final Grouped data = new Grouped(
            List.of("2020-02", "2020-03", "2020-04"),
            List.of(
                    new Grouped.Series("Seoul", Arrays.asList(10.0, 391.0, 628.0)),
                    new Grouped.Series("Busan", Arrays.asList(0.0, null, 108.0))));

    @Test
    void every_chart_type_keeps_its_data_and_loses_its_words() {
        Grouped days = new Grouped(
                List.of("2020-02-01", "2020-02-02"), List.of(new Grouped.Series("Seoul", Arrays.asList(1.0, 2.0))));
        for (ChartType type : ChartType.values()) {
            // a calendar draws days
            String json = Thumbnails.build(type, type == ChartType.CALENDAR ? days : data);
            Map<String, Object> option = JsonPath.read(json, "$");
            assertThat(option).as(type.name()).doesNotContainKeys("title", "legend", "tooltip");
            assertThat(option.get("animation")).as(type.name()).isEqualTo(false);
            List<Object> series = JsonPath.read(json, "$.series");
            assertThat(series).as(type.name()).isNotEmpty();
            assertThat((List<Object>) JsonPath.read(json, "$.series[*].label.show"))
                    .as(type.name())
                    .containsOnly(false);
        }
        String bars = Thumbnails.build(ChartType.BAR, data);
        assertThat((List<Object>) JsonPath.read(bars, "$.series[1].data")).containsExactly(0.0, null, 108.0);
        assertThat((Boolean) JsonPath.read(bars, "$.xAxis.axisLabel.show")).isFalse();
        assertThat((Boolean) JsonPath.read(bars, "$.yAxis.axisLabel.show")).isFalse();
        String heat = Thumbnails.build(ChartType.HEATMAP, data);
        assertThat((Boolean) JsonPath.read(heat, "$.visualMap.show")).isFalse();
    }
}
