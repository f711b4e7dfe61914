package org.openplaza.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.Grouped;
import org.openplaza.portal.i18n.PortalI18nProvider;

/** A chart's series named by what they count, with the columns' labels, in each language. */
class ChartLabelsTest {

    private static final Map<String, String> LABELS = Map.of("confirmed", "Confirmed cases", "province", "Province");

    private static final PortalI18nProvider MESSAGES = new PortalI18nProvider();

    private static List<String> names(Grouped data, Locale locale) {
        return ChartLabels.readable(
                        data,
                        column -> LABELS.getOrDefault(column, column),
                        (key, args) -> MESSAGES.getTranslation(key, locale, args))
                .series()
                .stream()
                .map(Grouped.Series::name)
                .toList();
    }

    private static Grouped.Series series(String name, Measure measure, String split) {
        return new Grouped.Series(name, List.of(1d), measure, split);
    }

    @Test
    void measures_are_named_in_words_with_the_columns_labels() {
        Grouped two = new Grouped(
                List.of("Seoul"),
                List.of(
                        series("max(confirmed)", new Measure("confirmed", Aggregation.MAX), null),
                        series("count", Measure.count(), null)));
        assertThat(names(two, Locale.ENGLISH)).containsExactly("Maximum · Confirmed cases", "Count");
        assertThat(names(two, Locale.KOREAN)).containsExactly("최댓값 · Confirmed cases", "개수");
    }

    @Test
    void a_split_is_named_by_its_values_alone_with_one_measure_and_with_its_measure_with_several() {
        Measure sum = new Measure("confirmed", Aggregation.SUM);
        Grouped one = new Grouped(
                List.of("2020-03"), List.of(series("Seoul", sum, "Seoul"), series(Grouped.EMPTY, sum, Grouped.EMPTY)));
        assertThat(names(one, Locale.ENGLISH)).containsExactly("Seoul", "(no value)");
        Grouped several = new Grouped(
                List.of("2020-03"),
                List.of(
                        series("sum(confirmed) · Seoul", sum, "Seoul"),
                        series("count · Seoul", Measure.count(), "Seoul")));
        assertThat(names(several, Locale.ENGLISH)).containsExactly("Sum · Confirmed cases · Seoul", "Count · Seoul");
    }

    @Test
    void series_made_elsewhere_keep_their_names_and_the_stores_categories_are_translated() {
        Grouped tally =
                new Grouped(List.of("Yes", Grouped.OTHER), List.of(new Grouped.Series("Ballots", List.of(3d, 1d))));
        Grouped named =
                ChartLabels.readable(tally, c -> c, (key, args) -> MESSAGES.getTranslation(key, Locale.KOREAN, args));
        assertThat(named.series().get(0).name()).isEqualTo("Ballots");
        assertThat(named.categories()).containsExactly("Yes", MESSAGES.getTranslation("chart.other", Locale.KOREAN));
    }
}
