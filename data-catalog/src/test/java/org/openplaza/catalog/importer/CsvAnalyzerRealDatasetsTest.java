package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.ValueType;

/**
 * The importer's first pass over every real file in the test datasets. The expected counts,
 * labels and encodings come from the datasets' README and from reading the files with other tools
 * (iconv, head), not from the importer.
 */
class CsvAnalyzerRealDatasetsTest {

    private static CsvAnalysis analyze(String name) throws Exception {
        return CsvAnalyzer.analyze(RealDatasets.file(name));
    }

    private static void assertShape(CsvAnalysis analysis, String charset, char delimiter, long rows, int columns) {
        assertThat(analysis.encoding().charset()).isEqualTo(Charset.forName(charset));
        assertThat(analysis.delimiter()).isEqualTo(delimiter);
        assertThat(analysis.rows()).isEqualTo(rows);
        assertThat(analysis.columns()).hasSize(columns);
        assertThat(analysis.raggedRecords()).isZero();
    }

    @Test
    void korean_population_by_age_in_cp949_with_quoted_thousands() throws Exception {
        CsvAnalysis a = analyze("kr_mois_resident_population_by_age_2019-02_cp949.csv");
        assertShape(a, "x-windows-949", ',', 3841, 104);
        assertThat(a.headerRecords()).isEqualTo(1);
        assertThat(a.columns().get(0).label()).isEqualTo("행정구역");
        assertThat(a.columns().get(0).type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("2019년02월_계_총인구수").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("2019년02월_계_100세 이상").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.columns().get(0).name())
                .as("a Hangul label named in Latin letters, not column_1")
                .startsWith("haengjeong");
        assertThat(a.columns())
                .extracting(ColumnAnalysis::name)
                .allSatisfy(name -> assertThat(name).matches("[a-z][a-z0-9_]*").doesNotStartWith("column_"))
                .doesNotHaveDuplicates();
        assertThat(a.column("2019년02월_계_총인구수").name()).startsWith("c_2019nyeon02wol_");
    }

    @Test
    void seoul_covid_cases_keep_dates_without_a_year_as_text() throws Exception {
        CsvAnalysis a = analyze("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv");
        assertShape(a, "x-windows-949", ',', 6272, 14);
        assertThat(a.column("연번").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("확진일").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("확진일").format())
                .as("recognised as dates without a year")
                .isEqualTo(CellParser.YEARLESS);
        assertThat(a.column("지역").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("등록일").type()).isEqualTo(ValueType.TIMESTAMP);
        assertThat(a.column("등록일").format()).isEqualTo("uuuu-MM-dd HH:mm:ss");
    }

    @Test
    void seoul_air_quality_reads_eight_digit_dates_and_symbols_in_headers() throws Exception {
        CsvAnalysis a = analyze("kr_seoul_daily_air_quality_2018_cp949.csv");
        assertShape(a, "x-windows-949", ',', 14637, 8);
        assertThat(a.column("측정일시").type()).isEqualTo(ValueType.DATE);
        assertThat(a.column("측정일시").format()).isEqualTo("uuuuMMdd");
        assertThat(a.column("미세먼지농도(㎍/㎥)").type()).isIn(ValueType.INTEGER, ValueType.DECIMAL);
        assertThat(a.column("미세먼지농도(㎍/㎥)").nulls()).isGreaterThanOrEqualTo(430);
        assertThat(a.column("이산화질소농도(ppm)").type()).isEqualTo(ValueType.DECIMAL);
    }

    @Test
    void ds4c_time_province_is_a_clean_time_series() throws Exception {
        CsvAnalysis a = analyze("kr_ds4c_covid19_time_province.csv");
        assertShape(a, "UTF-8", ',', 1734, 6);
        assertThat(a.column("date").type()).isEqualTo(ValueType.DATE);
        assertThat(a.column("time").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("confirmed").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("province").type()).isEqualTo(ValueType.TEXT);
    }

    @Test
    void hdb_resale_keeps_blocks_and_storey_ranges_as_text() throws Exception {
        CsvAnalysis a = analyze("sg_hdb_resale_flat_prices_2015-01_to_2016-01_truncated.csv");
        assertShape(a, "UTF-8", ',', 18000, 11);
        assertThat(a.column("block").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("storey_range").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("month").type()).as("2015-01: a month").isEqualTo(ValueType.DATE);
        assertThat(a.column("month").format()).isEqualTo(Periods.MONTH);
        assertThat(a.column("resale_price").type()).isIn(ValueType.INTEGER, ValueType.DECIMAL);
        assertThat(a.column("remaining_lease").type()).isEqualTo(ValueType.INTEGER);
    }

    @Test
    void moh_bulletin_reads_iso_weeks_as_periods_and_names_odd_headers_safely() throws Exception {
        CsvAnalysis a = analyze("sg_moh_weekly_infectious_disease_bulletin_2012_2022.csv");
        assertShape(a, "UTF-8", ',', 20070, 3);
        assertThat(a.column("epi_week").type()).as("2012-W01: a week").isEqualTo(ValueType.DATE);
        assertThat(a.column("epi_week").format())
                .as("2014-W53 is no ISO week: epidemiological weeks")
                .isEqualTo(Periods.EPI_WEEK);
        assertThat(a.column("no._of_cases").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("no._of_cases").name()).isEqualTo("no_of_cases");
    }

    @Test
    void rainfall_mixes_integers_and_decimals_into_decimals() throws Exception {
        CsvAnalysis a = analyze("sg_rainfall_monthly_total_1982_2025.csv");
        assertShape(a, "UTF-8", ',', 527, 2);
        assertThat(a.column("total_rainfall").type()).isEqualTo(ValueType.DECIMAL);
    }

    @Test
    void taiwan_transactions_skip_the_bom_and_take_both_header_rows_as_labels() throws Exception {
        CsvAnalysis a = analyze("tw_moi_real_estate_transactions_taichung_2019q4.csv");
        assertShape(a, "UTF-8", ',', 1462, 28);
        assertThat(a.encoding().bomLength()).isEqualTo(3);
        assertThat(a.headerRecords()).isEqualTo(2);
        assertThat(a.columns().get(0).label()).isEqualTo("鄉鎮市區 The villages and towns urban district");
        assertThat(a.columns().get(0).name()).startsWith("xiang_zhen_shi_qu_the_villages");
        assertThat(a.columns().get(21).label()).isEqualTo("總價元 total price NTD");
        assertThat(a.columns().get(21).type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.columns().get(7).type()).as("7-digit ROC dates").isEqualTo(ValueType.INTEGER);
        assertThat(a.columns().get(14).type())
                .as("ROC year-months, one malformed")
                .isEqualTo(ValueType.TEXT);
    }

    @Test
    void destatis_cpi_skips_the_preamble_and_reads_decimal_commas() throws Exception {
        CsvAnalysis a = analyze("de_destatis_cpi_61111-0002_latin1.csv");
        assertShape(a, "windows-1252", ';', 396, 5);
        assertThat(a.numberStyle()).isEqualTo(NumberStyle.DECIMAL_COMMA);
        assertThat(a.preambleRecords()).isEqualTo(4);
        assertThat(a.headerRecords()).isEqualTo(2);
        assertThat(a.columns().get(0).type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.columns().get(1).type()).isEqualTo(ValueType.TEXT);
        assertThat(a.columns().get(2).label()).isEqualTo("Verbraucherpreisindex 2020=100");
        assertThat(a.columns().get(2).type()).isEqualTo(ValueType.DECIMAL);
        assertThat(a.columns().get(3).label()).isEqualTo("Veränderung zum Vorjahresmonat in (%)");
        assertThat(a.columns().get(3).type()).isEqualTo(ValueType.DECIMAL);
        assertThat(a.columns().get(3).nulls())
                .as("twelve '.' in 1991 and two '-'")
                .isEqualTo(14);
        assertThat(a.columns().get(3).nullMarkers())
                .as("Destatis: '.' unknown, '-' nothing")
                .containsExactly(java.util.Map.entry("-", 2L), java.util.Map.entry(".", 12L));
    }

    @Test
    void singstat_table_builder_export_finds_its_year_header_between_preamble_and_footnotes() throws Exception {
        CsvAnalysis a = analyze("sg_singstat_household_expenditure_M212981.csv");
        assertShape(a, "UTF-8", ',', 16, 7);
        assertThat(a.preambleRecords())
                .as("title and metadata lines, blank lines, the unit line")
                .isEqualTo(10);
        assertThat(a.headerRecords()).as("Data Series,2018 ,2013 ,…").isEqualTo(1);
        assertThat(a.columns())
                .extracting(ColumnAnalysis::label)
                .containsExactly("Data Series", "2018", "2013", "2008", "2003", "1998", "1993");
        assertThat(a.columns())
                .extracting(ColumnAnalysis::name)
                .containsExactly("data_series", "c_2018", "c_2013", "c_2008", "c_2003", "c_1998", "c_1993");
        assertThat(a.columns().subList(1, 7)).extracting(ColumnAnalysis::type).containsOnly(ValueType.DECIMAL);
        assertThat(a.footerRecords())
                .as("from the blank line before Footnotes: to Contact:")
                .isEqualTo(27);
        assertThat(a.preambleNotes())
                .contains(
                        "Table Title: Average Monthly Household Expenditure Among Resident Households By Type Of"
                                + " Goods And Services, Quinquennial",
                        "Dollar");
        assertThat(a.footerNotes()).startsWith("Footnotes:").contains("Contact: info@singstat.gov.sg");
    }

    @Test
    void lambeth_foi_log_skips_its_title_line_and_reads_uk_dates() throws Exception {
        CsvAnalysis a = analyze("uk_lambeth_foi_disclosure_log_2012-01_cp1252.csv");
        assertShape(a, "windows-1252", ',', 142, 3);
        assertThat(a.preambleRecords()).isEqualTo(1);
        assertThat(a.column("Ref").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("Received").type()).isEqualTo(ValueType.DATE);
        assertThat(a.column("Received").format()).isEqualTo("d/M/uuuu");
    }

    @Test
    void lambeth_planning_keeps_bare_carriage_returns_inside_quoted_addresses() throws Exception {
        CsvAnalysis a = analyze("uk_lambeth_planning_permissions_2011q1.csv");
        assertShape(a, "UTF-8", ',', 490, 5);
        assertThat(a.column("DATEDECISS").type()).isEqualTo(ValueType.DATE);
        assertThat(a.column("DATEDECISS").format()).isEqualTo("d-MMM-uu");
        assertThat(a.column("ADDRESS").type()).isEqualTo(ValueType.TEXT);
    }

    @Test
    void boston_earnings_strip_currency_and_keep_zip_codes_as_text() throws Exception {
        CsvAnalysis a = analyze("us_boston_employee_earnings_2016_latin1.csv");
        assertShape(a, "windows-1252", ',', 22046, 12);
        assertThat(a.column("REGULAR").type()).isEqualTo(ValueType.DECIMAL);
        assertThat(a.column("REGULAR").nulls()).isGreaterThanOrEqualTo(583);
        assertThat(a.column("TOTAL EARNINGS").type()).isEqualTo(ValueType.DECIMAL);
        assertThat(a.column("POSTAL").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("QUINN/EDUCATION INCENTIVE").name()).isEqualTo("quinn_education_incentive");
    }

    @Test
    void jhu_daily_reports_read_us_dates_over_the_whole_file() throws Exception {
        // the first 4,011 rows are all dated 01-01-2021, which reads either way; 02-28-2021 settles it
        CsvAnalysis a = analyze("jhu_csse_covid19_daily_reports_2021-01-01_and_2021-02-28.csv");
        assertShape(a, "UTF-8", ',', 8025, 13);
        assertThat(a.column("Date_Published").type()).isEqualTo(ValueType.DATE);
        assertThat(a.column("Date_Published").format()).isEqualTo("M-d-uuuu");
        assertThat(a.column("Last_Update").type()).isEqualTo(ValueType.TIMESTAMP);
        assertThat(a.column("FIPS").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("Confirmed").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("Latitude").type()).isEqualTo(ValueType.DECIMAL);
    }
}
