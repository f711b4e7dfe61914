package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.CsvPreview;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.ValueType;

/**
 * Table layouts as statistical offices export them, detected by the shape of the rows. The real
 * SingStat and Destatis files are in {@link CsvAnalyzerRealDatasetsTest}; these files are written
 * here in the shapes of exports not kept in the test datasets (Seoul Metro's hourly boardings,
 * KOSIS, Eurostat), with made-up figures.
 */
class LayoutsTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("layout-" + System.nanoTime() + ".csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void a_group_label_over_merged_cells_is_carried_over_its_group() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                사용월,호선명,지하철역,04:00~04:59,,05:00~05:59,
                ,,,승차,하차,승차,하차
                202401,1호선,서울역,120,8,3015,1224
                202401,1호선,시청,23,2,610,944
                202401,2호선,을지로입구,41,0,1102,3005
                """));
        assertThat(a.headerRecords()).isEqualTo(2);
        assertThat(a.columns())
                .extracting(ColumnAnalysis::label)
                .containsExactly(
                        "사용월", "호선명", "지하철역", "04:00~04:59 승차", "04:00~04:59 하차", "05:00~05:59 승차", "05:00~05:59 하차");
        assertThat(a.rows()).isEqualTo(3);
    }

    @Test
    void a_header_of_four_rows_is_read_to_its_depth_and_groups_end_where_a_row_above_starts_one() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                "Population by sex and age (KOSIS-style export)",,,,,
                Region,Population,,,,Households
                ,Male,,Female,,Total
                ,0-14,15+,0-14,15+,All
                ,persons,persons,persons,persons,households
                Seoul,580,4200,551,4610,4100
                Busan,210,1500,201,1630,1500
                Daegu,150,1050,143,1120,1000
                """));
        assertThat(a.preambleRecords()).isEqualTo(1);
        assertThat(a.headerRecords()).isEqualTo(4);
        assertThat(a.columns())
                .extracting(ColumnAnalysis::label)
                .containsExactly(
                        "Region",
                        "Population Male 0-14 persons",
                        "Population Male 15+ persons",
                        "Population Female 0-14 persons",
                        "Population Female 15+ persons",
                        "Households Total All households");
        assertThat(a.columns().get(5).type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.preambleNotes()).containsExactly("Population by sex and age (KOSIS-style export)");
    }

    @Test
    void years_as_column_headings_with_trailing_spaces_are_the_header_not_a_row() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                Dataset: Unemployment by sex,,,
                Last updated: 2026-10-01,,,
                ,,,Percent
                geo\\time,2021 ,2022 ,2023\s
                Belgium,6.3,5.6,5.5
                Bulgaria,5.3,4.3,:
                Czechia,2.8,2.2,2.6
                """));
        assertThat(a.preambleRecords()).isEqualTo(3);
        assertThat(a.headerRecords()).isEqualTo(1);
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.columns()).extracting(ColumnAnalysis::label).containsExactly("geo\\time", "2021", "2022", "2023");
        assertThat(a.columns().get(3).type()).isEqualTo(ValueType.DECIMAL);
        assertThat(a.columns().get(3).nullMarkers()).as("Eurostat's ':'").containsExactly(Map.entry(":", 1L));
        assertThat(a.preambleNotes()).endsWith("Percent");
    }

    @Test
    void a_first_row_of_years_over_columns_of_years_is_data() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                2015,2019,Park renewal
                2016,2020,Library
                2018,2021,Bridge
                """));
        assertThat(a.headerRecords()).isZero();
        assertThat(a.rows()).isEqualTo(3);
    }

    @Test
    void footnotes_as_wide_as_the_table_are_a_footer_and_blank_rows_are_no_rows() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                Region,Year,Cases,Deaths
                North,2024,10,1
                ,,,
                South,2024,12,x
                ,,,
                Source:,Health Office,,
                "Note: x = withheld, fewer than 3",,,
                """));
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.blankRecords()).isEqualTo(1);
        assertThat(a.footerRecords()).isEqualTo(3);
        assertThat(a.footerNotes()).containsExactly("Source: Health Office", "Note: x = withheld, fewer than 3");
        assertThat(a.column("Deaths").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("Deaths").nullMarkers()).containsExactly(Map.entry("x", 1L));
        assertThat(a.raggedRecords()).isZero();
    }

    @Test
    void a_row_that_only_looks_like_a_note_is_kept_when_data_follows_it() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                name,district,count,share
                Seoul,Jongno,10,0.5
                Sub-total,,,
                Busan,Haeundae,12,0.25
                """));
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.footerRecords()).isZero();
    }

    @Test
    void rows_shifted_by_an_unquoted_delimiter_are_reported_by_line() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("""
                id,name,amount
                1,Kim,100
                2,Lee, Park & Co,200
                3,Choi,300
                4,Jung, Ltd,400
                5,Kang,500
                """));
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.raggedLines()).containsExactly(3L, 5L);
        assertThat(a.footerRecords()).isZero();
    }

    @Test
    void the_official_can_say_how_many_records_the_footer_has() throws Exception {
        Path f = file("a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n");
        CsvAnalysis a = CsvAnalyzer.analyze(f, new ReadSettings(null, null, null, null, 2));
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.footerRecords()).isEqualTo(2);
        assertThat(a.footerNotes()).containsExactly("7 8 9", "10 11 12");
        ImportPlan plan = ImportPlan.asDetected(a);
        assertThat(CsvPreview.rows(f, plan, 10)).hasSize(2);
    }
}
