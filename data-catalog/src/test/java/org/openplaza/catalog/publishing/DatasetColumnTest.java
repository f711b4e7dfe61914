package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DatasetColumn;
import org.openplaza.catalog.ValueType;

/** Which columns read as years: whole numbers of four digits under a name that says year. */
class DatasetColumnTest {

    private static DatasetColumn column(String name, String label, ValueType type, String min, String max) {
        return new DatasetColumn(1, name, label, type, "", 0L, 10L, min, max, null, List.of(), "", java.util.Map.of());
    }

    @Test
    void a_year_column_is_told_by_its_name_and_its_range() {
        assertThat(column("year", "Year", ValueType.INTEGER, "1982", "2025").holdsYears())
                .isTrue();
        assertThat(column("c_2", "연도", ValueType.INTEGER, "2010", "2024").holdsYears())
                .isTrue();
        assertThat(column("reporting_year", "Reporting year", ValueType.INTEGER, "2019", "2019")
                        .holdsYears())
                .isTrue();
        assertThat(column("yr", "yr", ValueType.INTEGER, "1990", "2000").holdsYears())
                .isTrue();
    }

    @Test
    void counts_and_other_numbers_keep_their_separators() {
        assertThat(column("cases", "Cases", ValueType.INTEGER, "1000", "2500").holdsYears())
                .as("in the range, but not named a year")
                .isFalse();
        assertThat(column("year_total", "Cases this year", ValueType.INTEGER, "0", "12000")
                        .holdsYears())
                .as("named so, but not years")
                .isFalse();
        assertThat(column("year", "Year", ValueType.TEXT, "1990", "2000").holdsYears())
                .isFalse();
        assertThat(column("year", "Year", ValueType.INTEGER, null, null).holdsYears())
                .isFalse();
    }
}
