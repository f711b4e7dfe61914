package org.openplaza.portal.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The real open-government files the tests read, kept with data-catalog's tests (their sources and
 * licences are in the README beside them), and one large file made from them for uploads of
 * realistic size.
 */
public final class RealDatasets {

    private static final Path FOLDER = Path.of("..", "data-catalog", "src", "test", "resources", "datasets");

    private static final String JHU = "jhu_csse_covid19_daily_reports_2021-01-01_and_2021-02-28.csv";
    private static final long JHU_ROWS = 8025;
    private static final int COPIES = 30;

    /** The JHU daily reports' rows repeated 30 times under their header: 240,750 rows, 35 MB. */
    public static final String LARGE = "jhu_csse_covid19_daily_reports_30_times_LARGE.csv";

    private RealDatasets() {}

    public static Path file(String name) {
        if (name.equals(LARGE)) {
            return large();
        }
        Path file = FOLDER.resolve(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No test dataset " + file);
        }
        return file;
    }

    /** Every file with its rows: records less header and preamble lines. */
    public static Stream<Arguments> withRows() {
        return Stream.of(
                Arguments.of("kr_mois_resident_population_by_age_2019-02_cp949.csv", 3841L),
                Arguments.of("kr_seoul_covid19_confirmed_cases_2020-11-06_cp949.csv", 6272L),
                Arguments.of("kr_seoul_daily_air_quality_2018_cp949.csv", 14637L),
                Arguments.of("kr_ds4c_covid19_time_province.csv", 1734L),
                Arguments.of("sg_hdb_resale_flat_prices_2015-01_to_2016-01_truncated.csv", 18000L),
                Arguments.of("sg_moh_weekly_infectious_disease_bulletin_2012_2022.csv", 20070L),
                Arguments.of("sg_rainfall_monthly_total_1982_2025.csv", 527L),
                Arguments.of("sg_singstat_household_expenditure_M212981.csv", 16L),
                Arguments.of("tw_moi_real_estate_transactions_taichung_2019q4.csv", 1462L),
                Arguments.of("de_destatis_cpi_61111-0002_latin1.csv", 396L),
                Arguments.of("uk_lambeth_foi_disclosure_log_2012-01_cp1252.csv", 142L),
                Arguments.of("uk_lambeth_planning_permissions_2011q1.csv", 490L),
                Arguments.of("us_boston_employee_earnings_2016_latin1.csv", 22046L),
                Arguments.of(JHU, JHU_ROWS),
                Arguments.of(LARGE, JHU_ROWS * COPIES));
    }

    /** The rows of one of the files of {@link #withRows()}. */
    public static long rowsOf(String name) {
        return withRows()
                .map(Arguments::get)
                .filter(a -> a[0].equals(name))
                .map(a -> (Long) a[1])
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No test dataset " + name));
    }

    /** Written once per build under target/, from the JHU file's own bytes. */
    private static synchronized Path large() {
        Path file = Path.of("target", "test-datasets", LARGE).toAbsolutePath();
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            byte[] source = Files.readAllBytes(file(JHU));
            int bodyStart = indexOf(source, (byte) '\n') + 1;
            byte[] body = Arrays.copyOfRange(source, bodyStart, source.length);
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "large", ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(source, 0, bodyStart);
                for (int i = 0; i < COPIES; i++) {
                    out.write(body);
                }
            }
            return Files.move(partial, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("no line end in the file");
    }
}
