package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ValueType;

class CellParserTest {

    private static final NumberStyle POINT = NumberStyle.DECIMAL_POINT;
    private static final NumberStyle COMMA = NumberStyle.DECIMAL_COMMA;

    private static Object parse(String format, String text) {
        return CellParser.all(POINT).stream()
                .filter(p -> p.format().equals(format))
                .findFirst()
                .orElseThrow()
                .read(text);
    }

    @Test
    void integers_accept_signs_grouping_currency_and_percent() {
        assertThat(CellParser.readInteger("9,770,638", POINT)).isEqualTo(9_770_638L);
        assertThat(CellParser.readInteger("-42", POINT)).isEqualTo(-42L);
        assertThat(CellParser.readInteger("+7", POINT)).isEqualTo(7L);
        assertThat(CellParser.readInteger("$300", POINT)).isEqualTo(300L);
        assertThat(CellParser.readInteger("15%", POINT)).isEqualTo(15L);
        assertThat(CellParser.readInteger("0", POINT)).isEqualTo(0L);
        assertThat(CellParser.readInteger("1.234.567", COMMA)).isEqualTo(1_234_567L);
    }

    @Test
    void codes_with_leading_zeros_and_irregular_grouping_are_not_numbers() {
        assertThat(CellParser.readInteger("02118", POINT)).isNull();
        assertThat(CellParser.readInteger("01001", POINT)).isNull();
        assertThat(CellParser.readInteger("12,34", POINT)).isNull();
        assertThat(CellParser.readInteger("1,2345", POINT)).isNull();
        assertThat(CellParser.readInteger("596B", POINT)).isNull();
        assertThat(CellParser.readInteger("2012-W01", POINT)).isNull();
        assertThat(CellParser.readInteger("1.5", POINT)).isNull();
        assertThat(CellParser.readInteger("99999999999999999999", POINT)).isNull();
    }

    @Test
    void decimals_follow_the_files_number_style() {
        assertThat(CellParser.readDecimal("$46,291.98", POINT)).isEqualByComparingTo("46291.98");
        assertThat(CellParser.readDecimal("60,5", COMMA)).isEqualByComparingTo("60.5");
        assertThat(CellParser.readDecimal("-0,4", COMMA)).isEqualByComparingTo("-0.4");
        assertThat(CellParser.readDecimal("1.234,5", COMMA)).isEqualByComparingTo("1234.5");
        assertThat(CellParser.readDecimal(".5", POINT)).isEqualByComparingTo("0.5");
        assertThat(CellParser.readDecimal("1.5e3", POINT)).isEqualByComparingTo(new BigDecimal("1500"));
        assertThat(CellParser.readDecimal("60,5", POINT)).isNull();
        assertThat(CellParser.readDecimal("0123.5", POINT)).isNull();
        assertThat(CellParser.readDecimal("1.2.3", POINT)).isNull();
    }

    @Test
    void dates_in_the_common_government_forms() {
        assertThat(parse("uuuu-MM-dd", "2020-01-20")).isEqualTo(LocalDate.of(2020, 1, 20));
        assertThat(parse("uuuu.MM.dd", "2020.01.20")).isEqualTo(LocalDate.of(2020, 1, 20));
        assertThat(parse("uuuuMMdd", "20180101")).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(parse("d/M/uuuu", "29/01/2012")).isEqualTo(LocalDate.of(2012, 1, 29));
        assertThat(parse("M-d-uuuu", "01-13-2021")).isEqualTo(LocalDate.of(2021, 1, 13));
        assertThat(parse("d-MMM-uu", "04-Jan-11")).isEqualTo(LocalDate.of(2011, 1, 4));
        assertThat(parse("uuuu-MM-dd HH:mm:ss", "2021-01-02 05:22:33"))
                .isEqualTo(LocalDateTime.of(2021, 1, 2, 5, 22, 33));
        assertThat(parse("uuuu-MM-dd HH:mm:ss", "2021-01-02")).isEqualTo(LocalDateTime.of(2021, 1, 2, 0, 0));
    }

    @Test
    void impossible_or_incomplete_dates_are_refused() {
        assertThat(parse("uuuu-MM-dd", "2021-02-30")).isNull();
        assertThat(parse("d/M/uuuu", "01/13/2021")).isNull();
        assertThat(parse("uuuuMMdd", "12345678")).isNull();
        assertThat(parse("uuuuMMdd", "1081215")).isNull();
        assertThat(CellParser.all(POINT).stream()
                        .filter(p -> p.type() != ValueType.TEXT)
                        .map(p -> p.read("11.06."))
                        .allMatch(v -> v == null))
                .as("a date without a year fits no typed parser")
                .isTrue();
        assertThat(CellParser.yearless(2020).read("11.06.")).isEqualTo(LocalDate.of(2020, 11, 6));
        assertThat(CellParser.yearless(2020).read("2.30.")).isNull();
    }

    @Test
    void null_tokens_of_statistics_offices_are_recognised() {
        for (String token : new String[] {"", " ", "NA", "n/a", "NULL", "-", ".", "…"}) {
            assertThat(CellParser.isNull(token)).as(token).isTrue();
        }
        assertThat(CellParser.isNull("0")).isFalse();
        assertThat(CellParser.isNull("N")).isFalse();
    }
}
