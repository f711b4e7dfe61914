package org.openplaza.catalog.visualisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.ValueType;

/** The chart a dataset opens on: a measure along what the data is about, never a row of ones. */
class ChartDefaultsTest {

    private static int position;

    private static DatasetColumn column(String name, ValueType type, long distinct, String min, String max) {
        return new DatasetColumn(
                ++position, name, name, type, "", 0L, distinct, min, max, null, List.of(), "", java.util.Map.of());
    }

    @Test
    void monthly_rainfall_as_text_periods_is_a_line_of_the_total() {
        ChartDefinition chart = ChartDefinition.suggested(List.of(
                column("month", ValueType.TEXT, 528, "1982-01", "2025-12"),
                column("total_rainfall", ValueType.DECIMAL, 500, "0.2", "765.9")));
        assertThat(chart.type()).isEqualTo(ChartType.LINE);
        assertThat(chart.query().dimension().column()).isEqualTo("month");
        assertThat(chart.query().measures())
                .containsExactly(new GroupRequest.Measure("total_rainfall", GroupRequest.Aggregation.SUM));
        assertThat(chart.query().order()).isEqualTo(GroupRequest.Order.DIMENSION_ASC);
    }

    @Test
    void weekly_cases_by_disease_are_the_top_ten_diseases_not_the_weeks() {
        ChartDefinition chart = ChartDefinition.suggested(List.of(
                column("epi_week", ValueType.TEXT, 574, "2012-W01", "2022-W52"),
                column("disease", ValueType.TEXT, 47, "Acute Viral hepatitis B", "Zika Virus Infection"),
                column("no_of_cases", ValueType.INTEGER, 800, "0", "3529")));
        assertThat(chart.type()).isEqualTo(ChartType.BAR_HORIZONTAL);
        assertThat(chart.query().dimension().column()).isEqualTo("disease");
        assertThat(chart.query().order()).isEqualTo(GroupRequest.Order.VALUE_DESC);
        assertThat(chart.query().top()).isEqualTo(10);
        assertThat(chart.query().measures().get(0).column()).isEqualTo("no_of_cases");
    }

    private static DatasetColumn period(String name, String format, String min, String max) {
        return new DatasetColumn(
                ++position,
                name,
                name,
                ValueType.DATE,
                "",
                0L,
                500L,
                min,
                max,
                null,
                List.of(),
                format,
                java.util.Map.of());
    }

    @Test
    void weeks_read_as_periods_still_give_the_top_diseases_and_alone_a_line_by_week() {
        ChartDefinition diseases = ChartDefinition.suggested(List.of(
                period("epi_week", org.openplaza.catalog.importer.Periods.WEEK, "2012-01-02", "2022-12-26"),
                column("disease", ValueType.TEXT, 47, "Acute Viral hepatitis B", "Zika Virus Infection"),
                column("no_of_cases", ValueType.INTEGER, 800, "0", "3529")));
        assertThat(diseases.query().dimension().column()).isEqualTo("disease");
        assertThat(diseases.query().top()).isEqualTo(10);

        ChartDefinition weekly = ChartDefinition.suggested(List.of(
                period("epi_week", org.openplaza.catalog.importer.Periods.WEEK, "2012-01-02", "2022-12-26"),
                column("no_of_cases", ValueType.INTEGER, 800, "0", "3529")));
        assertThat(weekly.type()).isEqualTo(ChartType.LINE);
        assertThat(weekly.query().dimension().bucket()).isEqualTo(GroupRequest.Bucket.WEEK);

        ChartDefinition quarterly = ChartDefinition.suggested(List.of(
                period("quarter", org.openplaza.catalog.importer.Periods.QUARTER, "2012-01-01", "2022-10-01"),
                column("gdp", ValueType.DECIMAL, 40, "1.5", "9.5")));
        assertThat(quarterly.query().dimension().bucket()).isEqualTo(GroupRequest.Bucket.QUARTER);

        ChartDefinition monthly = ChartDefinition.suggested(List.of(
                period("month", org.openplaza.catalog.importer.Periods.MONTH, "1982-01-01", "2025-12-01"),
                column("total_rainfall", ValueType.DECIMAL, 500, "0.2", "765.9")));
        assertThat(monthly.type()).isEqualTo(ChartType.LINE);
        assertThat(monthly.query().dimension().bucket()).isEqualTo(GroupRequest.Bucket.MONTH);
    }

    @Test
    void dated_rows_are_a_line_by_month_and_years_are_never_the_measure() {
        ChartDefinition chart = ChartDefinition.suggested(List.of(
                column("date", ValueType.DATE, 100, "2020-01-20", "2020-04-30"),
                column("province", ValueType.TEXT, 17, "Busan", "Seoul"),
                column("confirmed", ValueType.INTEGER, 900, "0", "6852"),
                column("year", ValueType.INTEGER, 1, "2020", "2020")));
        assertThat(chart.type()).isEqualTo(ChartType.LINE);
        assertThat(chart.query().dimension().bucket()).isEqualTo(GroupRequest.Bucket.MONTH);
        assertThat(chart.query().measures().get(0).column()).isEqualTo("confirmed");
    }

    @Test
    void without_numbers_the_rows_are_counted_by_category() {
        ChartDefinition chart = ChartDefinition.suggested(List.of(
                column("request", ValueType.TEXT, 900, "A", "Z"),
                column("department", ValueType.TEXT, 8, "Adults", "Waste")));
        assertThat(chart.query().dimension().column()).isEqualTo("department");
        assertThat(chart.query().measures()).containsExactly(GroupRequest.Measure.count());
        assertThat(chart.type()).isEqualTo(ChartType.BAR);
    }
}
