package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.DetectedEncoding;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.ValueType;

/** The awkward cases, each with a file made for it. */
class CsvAnalyzerTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path file = dir.resolve("upload.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String messageKey(Throwable e) {
        return ((CatalogException) e).messageKey();
    }

    @Test
    void an_empty_file_is_refused_clearly() throws Exception {
        assertThatThrownBy(() -> CsvAnalyzer.analyze(file("")))
                .isInstanceOfSatisfying(
                        CatalogException.class, e -> assertThat(e.messageKey()).isEqualTo("import.error.empty"));
    }

    @Test
    void a_header_without_rows_is_refused_clearly() {
        assertThatThrownBy(() -> CsvAnalyzer.analyze(file("name,count\n")))
                .satisfies(e -> assertThat(messageKey(e)).isEqualTo("import.error.no-rows"));
    }

    @Test
    void a_file_wider_than_a_dataset_may_be_is_refused_with_its_width() throws Exception {
        int width = CsvAnalyzer.MAX_COLUMNS + 1;
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < width; c++) {
                csv.append(c == 0 ? "" : ",").append(row == 0 ? "column" + c : Integer.toString(row * c));
            }
            csv.append('\n');
        }
        assertThatThrownBy(() -> CsvAnalyzer.analyze(file(csv.toString())))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.error.too-many-columns");
                    assertThat(e.arguments()).containsExactly(width, CsvAnalyzer.MAX_COLUMNS);
                });
    }

    @Test
    void a_binary_file_named_csv_is_refused() throws Exception {
        Path png = dir.resolve("picture.csv");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 % 256);
        }
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        Files.write(png, bytes);
        assertThatThrownBy(() -> CsvAnalyzer.analyze(png))
                .satisfies(e -> assertThat(messageKey(e)).isIn("import.error.binary", "import.error.encoding"));
    }

    @Test
    void an_unterminated_quote_is_reported_with_its_line() {
        assertThatThrownBy(() -> CsvAnalyzer.analyze(file("a,b\n1,2\n3,\"open\n4,5\n")))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.error.unterminated-quote");
                    assertThat(e.arguments()).containsExactly(3L);
                });
    }

    @Test
    void ragged_rows_are_counted_and_reported_by_line() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15\n"));
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.raggedRecords()).isEqualTo(2);
        assertThat(a.raggedLines()).containsExactly(3L, 5L);
        assertThat(a.footerRecords()).isZero();
    }

    @Test
    void notes_below_the_data_are_taken_as_a_footer() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("a,b,c\n1,2,3\n4,5,6\n\nSource: City Statistics Office\n© 2026\n"));
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.footerRecords()).isEqualTo(2);
        assertThat(a.raggedRecords()).isZero();
    }

    @Test
    void blank_and_repeated_headers_become_unique_labels_and_names() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("Name,,name,Total %,2019\nKim,1,x,5,6\nLee,2,y,7,8\n"));
        assertThat(a.columns())
                .extracting(ColumnAnalysis::label)
                .containsExactly("Name", "Column 2", "name (2)", "Total %", "2019");
        assertThat(a.columns())
                .extracting(ColumnAnalysis::name)
                .containsExactly("name", "column_2", "name_2", "total", "c_2019");
    }

    @Test
    void tab_and_pipe_separated_files_are_sniffed() throws Exception {
        assertThat(CsvAnalyzer.analyze(file("a\tb\n1\t2,5\n3\t4\n")).delimiter())
                .isEqualTo('\t');
        assertThat(CsvAnalyzer.analyze(file("a|b|c\n1|x, y|3\n4|z|6\n")).delimiter())
                .isEqualTo('|');
    }

    @Test
    void quoted_fields_keep_delimiters_quotes_and_line_breaks() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(file("id,text\n1,\"a, \"\"quoted\"\"\nline\"\n2,plain\n"));
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.column("id").type()).isEqualTo(ValueType.INTEGER);
    }

    @Test
    void a_column_whose_values_disagree_falls_back_to_the_narrowest_type_that_fits_all() throws Exception {
        CsvAnalysis a = CsvAnalyzer.analyze(
                file("i,d,t,b,when\n1,1,1,yes,2020-01-01\n,3,,,\n2,2.5,a,no,2020-01-02 10:00:00\n"));
        assertThat(a.column("i").type()).isEqualTo(ValueType.INTEGER);
        assertThat(a.column("d").type()).isEqualTo(ValueType.DECIMAL);
        assertThat(a.column("t").type()).isEqualTo(ValueType.TEXT);
        assertThat(a.column("b").type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(a.column("when").type()).isEqualTo(ValueType.TIMESTAMP);
        assertThat(a.column("i").nulls()).isEqualTo(1);
    }

    @Test
    void a_file_that_is_not_valid_in_the_chosen_encoding_is_refused_not_garbled() throws Exception {
        Path file = dir.resolve("latin.csv");
        Files.write(file, "name\nMärz\n".getBytes(StandardCharsets.ISO_8859_1));
        ReadSettings utf8 =
                new ReadSettings(new DetectedEncoding(StandardCharsets.UTF_8, 0, "override"), null, null, null);
        assertThatThrownBy(() -> CsvAnalyzer.analyze(file, utf8))
                .satisfies(e -> assertThat(messageKey(e)).isEqualTo("import.error.encoding"));
    }

    @Test
    void the_official_may_set_the_header_position() throws Exception {
        Path f = file("Report 2026\nname,count\nKim,1\nLee,2\n");
        CsvAnalysis detected = CsvAnalyzer.analyze(f);
        assertThat(detected.preambleRecords()).isEqualTo(1);
        CsvAnalysis overridden = CsvAnalyzer.analyze(f, new ReadSettings(null, null, 0, 0));
        assertThat(overridden.headerRecords()).isZero();
        assertThat(overridden.columns()).extracting(ColumnAnalysis::label).containsExactly("Column 1", "Column 2");
    }
}
