package org.openplaza.portal.testdata;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The real files in ../shared/datasets with their data-row counts, from the datasets' README. */
public final class SharedDatasets {

    private SharedDatasets() {}

    public static Path file(String name) {
        return Path.of(System.getProperty("openplaza.shared-datasets", "../../shared/datasets"), name)
                .toAbsolutePath()
                .normalize();
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
                Arguments.of("tw_moi_real_estate_transactions_taichung_2019q4.csv", 1462L),
                Arguments.of("de_destatis_cpi_61111-0002_latin1.csv", 396L),
                Arguments.of("uk_lambeth_foi_disclosure_log_2012-01_cp1252.csv", 142L),
                Arguments.of("uk_lambeth_planning_permissions_2011q1.csv", 490L),
                Arguments.of("us_boston_employee_earnings_2016_latin1.csv", 22046L),
                Arguments.of("jhu_csse_covid19_daily_reports_2021-01-01_to_2021-02-28_LARGE.csv", 236790L));
    }
}
