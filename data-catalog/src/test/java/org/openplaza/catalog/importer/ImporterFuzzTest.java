package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;

/**
 * A fuzz pass over the importer: random bytes, binary files, deeply nested quotes, a huge single
 * field, a huge header, stray NULs, broken UTF-8 and UTF-16, mixed delimiters and line ends,
 * ragged and empty rows, and random mutations of a real file. Every file is either refused with
 * an {@link CatalogException} (a message for the official) or imported; nothing else is thrown,
 * and nothing is left in the store but the imports that succeeded.
 */
class ImporterFuzzTest {

    @TempDir
    static Path dir;

    static DatasetStore store;

    @BeforeAll
    static void openStore() throws Exception {
        store = new DatasetStore(
                new CatalogProperties(dir.resolve("store.duckdb").toString()));
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The hand-made nasty cases. */
    private static List<byte[]> nasty() throws Exception {
        List<byte[]> files = new ArrayList<>();
        files.add(new byte[0]);
        files.add(utf8("\n\n\n"));
        files.add(utf8("\"" + "\"\"".repeat(200_000) + "\"\n1\n"));
        files.add(utf8("a,b\n\"" + "x".repeat(3_000_000) + "\",1\n"));
        files.add(utf8("a\n" + "\"".repeat(100_001) + "\n"));
        files.add(utf8("h" + ",h".repeat(1_700) + "\n1\n"));
        files.add(utf8("a,b\n1,\u0000\n2,\u0000\u0000\n"));
        files.add(new byte[] {(byte) 0xC3, 0x28, ',', 'b', '\n', '1', ',', '2', '\n'});
        files.add(new byte[] {'a', 0, ',', 0, 'b', 0, '\n', 0, '1', 0, ',', 0, '2', 0, '\n', 0});
        files.add(utf8("a;b,c\tb|d\r\n1;2,3\t4|5\r6;7,8\t9|0\n"));
        files.add(utf8("a,b,c\n1\n1,2,3,4,5\n\n,,\n\"x\"y\",z\n"));
        files.add(utf8("a,b\n\"unterminated,1\n2,3\n"));
        files.add(utf8("\uFEFF\uFEFFa,b\n1,2\n"));
        files.add(utf8("date,n\n2020-02-30,1\n31/31/2020,2\n99999999999999999999999,3\n"));
        files.add(utf8("n\n" + "9".repeat(400) + "\n-0\n1e999\nNaN\n"));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.write(new byte[2000]);
        files.add(png.toByteArray());
        return files;
    }

    @Test
    void every_bad_file_is_refused_with_a_message_or_imported_and_nothing_is_left_behind() throws Exception {
        List<byte[]> files = new ArrayList<>(nasty());
        Random random = new Random(20261201);
        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[random.nextInt(4000)];
            random.nextBytes(bytes);
            files.add(bytes);
        }
        byte[] real = Files.readAllBytes(RealDatasets.file("kr_ds4c_covid19_time_province.csv"));
        for (int i = 0; i < 60; i++) {
            byte[] mutated = real.clone();
            for (int m = 0; m < 1 + random.nextInt(40); m++) {
                int at = random.nextInt(mutated.length);
                mutated[at] = switch (random.nextInt(5)) {
                    case 0 -> '"';
                    case 1 -> ',';
                    case 2 -> '\n';
                    case 3 -> 0;
                    default -> (byte) random.nextInt(256);
                };
            }
            files.add(mutated);
        }

        List<String> before = store.tables();
        List<String> imported = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = Files.write(dir.resolve("fuzz-" + i + ".csv"), files.get(i));
            try {
                CsvAnalysis analysis = CsvAnalyzer.analyze(file);
                imported.add(CsvLoader.load(file, ImportPlan.asDetected(analysis), store, new ImportMonitor())
                        .table());
            } catch (CatalogException e) {
                assertThat(e.messageKey()).as("file %d", i).startsWith("import.error.");
                refused++;
            }
        }
        assertThat(refused).as("some were refused").isPositive();
        assertThat(imported).as("some were imported").isNotEmpty();
        List<String> after = new ArrayList<>(store.tables());
        after.removeAll(imported);
        assertThat(after).as("nothing but the imports left in the store").containsExactlyInAnyOrderElementsOf(before);
    }
}
