package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ValueType;

/** Months, ISO weeks and quarters as statistical offices write them, read as the day each begins. */
class PeriodsTest {

    private static CellParser parser(String format) {
        return Periods.parsers().stream()
                .filter(p -> p.format().equals(format))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void months_in_iso_and_eurostat_form() {
        assertThat(parser(Periods.MONTH).read("2012-03")).isEqualTo(LocalDate.of(2012, 3, 1));
        assertThat(parser(Periods.MONTH).read("2012-3")).isEqualTo(LocalDate.of(2012, 3, 1));
        assertThat(parser(Periods.MONTH).read("2012-13")).isNull();
        assertThat(parser(Periods.MONTH).read("2012-00")).isNull();
        assertThat(parser(Periods.MONTH).read("2012-03-01")).isNull();
        assertThat(parser(Periods.EUROSTAT_MONTH).read("2012M03")).isEqualTo(LocalDate.of(2012, 3, 1));
        assertThat(Periods.text(LocalDate.of(2012, 3, 1), Periods.MONTH)).isEqualTo("2012-03");
        assertThat(Periods.text(LocalDate.of(2012, 3, 1), Periods.EUROSTAT_MONTH))
                .isEqualTo("2012M03");
    }

    @Test
    void iso_weeks_begin_on_the_monday_of_their_week_based_year() {
        CellParser weeks = parser(Periods.WEEK);
        assertThat(weeks.read("2012-W01")).isEqualTo(LocalDate.of(2012, 1, 2));
        assertThat(weeks.read("2012W01")).isEqualTo(LocalDate.of(2012, 1, 2));
        assertThat(weeks.read("2021-W01")).as("4 January 2021 is a Monday").isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(weeks.read("2020-W53")).as("the week runs into 2021").isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(weeks.read("2019-W53")).as("2019 has 52 weeks").isNull();
        assertThat(weeks.read("2020-W54")).isNull();
        assertThat(weeks.read("2020-W00")).isNull();
        assertThat(Periods.text(LocalDate.of(2020, 12, 28), Periods.WEEK)).isEqualTo("2020-W53");
        assertThat(Periods.text(LocalDate.of(2012, 1, 2), Periods.WEEK)).isEqualTo("2012-W01");
    }

    @Test
    void epidemiological_weeks_begin_on_sunday_and_2014_has_53_of_them() {
        CellParser weeks = parser(Periods.EPI_WEEK);
        assertThat(weeks.read("2014-W01"))
                .as("the Sunday on or before 4 January")
                .isEqualTo(LocalDate.of(2013, 12, 29));
        assertThat(weeks.read("2014-W53")).isEqualTo(LocalDate.of(2014, 12, 28));
        assertThat(weeks.read("2015-W01")).isEqualTo(LocalDate.of(2015, 1, 4));
        assertThat(weeks.read("2015-W53"))
                .as("2015 has 52 epidemiological weeks")
                .isNull();
        assertThat(Periods.text(LocalDate.of(2014, 12, 28), Periods.EPI_WEEK)).isEqualTo("2014-W53");
        assertThat(Periods.text(LocalDate.of(2013, 12, 29), Periods.EPI_WEEK)).isEqualTo("2014-W01");

        TypeInference bulletin = new TypeInference(CellParser.all(NumberStyle.DECIMAL_POINT));
        for (String cell : List.of("2014-W52", "2014-W53", "2015-W01")) {
            bulletin.accept(cell);
        }
        assertThat(bulletin.result().format())
                .as("a week that is not ISO's makes the column epidemiological")
                .isEqualTo(Periods.EPI_WEEK);
    }

    @Test
    void quarters_begin_on_the_first_of_their_first_month() {
        assertThat(parser(Periods.QUARTER).read("2012-Q3")).isEqualTo(LocalDate.of(2012, 7, 1));
        assertThat(parser(Periods.QUARTER).read("2012Q4")).isEqualTo(LocalDate.of(2012, 10, 1));
        assertThat(parser(Periods.QUARTER).read("2012-Q5")).isNull();
        assertThat(Periods.text(LocalDate.of(2012, 10, 1), Periods.QUARTER)).isEqualTo("2012-Q4");
    }

    @Test
    void every_form_round_trips_and_plain_dates_stay_dates() {
        for (String period : List.of("2012-03", "2012M03", "2012-W01", "2020-W53", "2014-W53", "2012-Q3")) {
            LocalDate day = Periods.parse(period);
            assertThat(day).as(period).isNotNull();
            String format = Periods.parsers().stream()
                    .filter(p -> p.read(period) != null)
                    .findFirst()
                    .orElseThrow()
                    .format();
            assertThat(Periods.isPeriod(format)).isTrue();
            assertThat(Periods.text(day, format)).isEqualTo(period);
        }
        assertThat(Periods.parse("2012-03-04")).isNull();
        assertThat(Periods.parse("rain")).isNull();
        assertThat(Periods.text(LocalDate.of(2012, 3, 4), "uuuu-MM-dd")).isEqualTo("2012-03-04");
        assertThat(Periods.isPeriod("uuuu-MM-dd")).isFalse();
    }

    @Test
    void a_column_of_weeks_is_a_date_column_in_the_week_form_and_a_mixed_one_is_text() {
        TypeInference weeks = new TypeInference(CellParser.all(NumberStyle.DECIMAL_POINT));
        for (String cell : List.of("2012-W01", "2012-W02", "", "2012-W52")) {
            weeks.accept(cell);
        }
        assertThat(weeks.result().type()).isEqualTo(ValueType.DATE);
        assertThat(weeks.result().format()).isEqualTo(Periods.WEEK);

        TypeInference mixed = new TypeInference(CellParser.all(NumberStyle.DECIMAL_POINT));
        for (String cell : List.of("2012-W01", "2012-03")) {
            mixed.accept(cell);
        }
        assertThat(mixed.result()).as("weeks and months together are text").isNull();
    }
}
