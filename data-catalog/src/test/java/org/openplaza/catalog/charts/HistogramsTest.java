package org.openplaza.catalog.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.HistogramBin;

/** The profile's small histograms keep their axis labels apart on a narrow card. */
class HistogramsTest {

    private static JsonObject option(List<HistogramBin> bins, boolean dates, Locale locale) {
        return JsonParser.parseString(ChartOptions.histogram(bins, dates, locale))
                .getAsJsonObject();
    }

    private static List<String> labels(JsonObject option) {
        List<String> labels = new ArrayList<>();
        option.getAsJsonArray("xAxis")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("data")
                .forEach(e -> labels.add(e.getAsString()));
        return labels;
    }

    @Test
    void large_numbers_are_labelled_compactly_and_overlapping_labels_are_hidden() {
        List<HistogramBin> bins = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bins.add(new HistogramBin(i * 250_000.0, (i + 1) * 250_000.0, 10 + i));
        }
        JsonObject option = option(bins, false, Locale.ENGLISH);
        assertThat(labels(option)).startsWith("0", "250K", "500K", "750K", "1M").hasSize(12);
        JsonObject axis = option.getAsJsonArray("xAxis").get(0).getAsJsonObject();
        assertThat(axis.getAsJsonObject("axisLabel").get("hideOverlap").getAsBoolean())
                .isTrue();
        assertThat(option.getAsJsonObject("grid").get("containLabel").getAsBoolean())
                .isTrue();
        assertThat(labels(option(bins, false, Locale.KOREAN))).contains("100만");
    }

    @Test
    void date_bins_are_labelled_by_year_or_month_when_they_span_years() {
        List<HistogramBin> decade = new ArrayList<>();
        List<HistogramBin> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decade.add(bin(LocalDate.of(1991 + i * 3, 1, 1)));
            months.add(bin(LocalDate.of(2020, 1, 1).plusMonths(i * 2L)));
        }
        assertThat(labels(option(decade, true, Locale.ENGLISH))).startsWith("1991", "1994");
        assertThat(labels(option(months, true, Locale.ENGLISH))).startsWith("2020-01", "2020-03");
    }

    private static HistogramBin bin(LocalDate day) {
        double second = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        return new HistogramBin(second, second + 86_400, 1);
    }
}
