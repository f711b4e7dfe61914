package org.openplaza.catalog.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.ColumnProfile;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.ValueType;

/**
 * The profile of a wide table (more columns than one profiling statement takes) matches figures
 * worked out here from the same values: nulls, distinct values, minimum, maximum, mean and the most
 * frequent values of text and yes/no columns, most frequent first, then by value.
 */
class DatasetStoreProfileTest {

    @TempDir
    Path dir;

    static final int ROWS = 40;

    /** Cycles through the types, so that every batch holds some of each. */
    private static ValueType typeOf(int column) {
        return ValueType.values()[column % ValueType.values().length];
    }

    private static Object value(int row, int column) {
        if ((row + column) % 7 == 0) {
            return null;
        }
        int v = (row * (column % 5 + 1)) % (column % 9 + 3);
        return switch (typeOf(column)) {
            case BOOLEAN -> v % 2 == 0;
            case INTEGER -> (long) v - 2;
            case DECIMAL -> new BigDecimal(v).movePointLeft(1);
            case DATE -> LocalDate.of(2024, 1, 1).plusDays(v);
            case TIMESTAMP -> LocalDate.of(2024, 1, 1).plusDays(v).atTime(v, 0);
            case TEXT -> "v" + v;
        };
    }

    @Test
    void every_column_of_a_wide_table_is_profiled_as_worked_out_by_hand() throws Exception {
        int width = DatasetStore.PROFILE_BATCH * 2 + 37;
        List<StoreColumn> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            columns.add(new StoreColumn("c" + c, typeOf(c), typeOf(c) == ValueType.DECIMAL ? 1 : 0));
        }
        DatasetStore store = new DatasetStore(
                new CatalogProperties(dir.resolve("store.duckdb").toString()));
        try {
            String table = store.load(columns, sink -> {
                        for (int r = 0; r < ROWS; r++) {
                            Object[] row = new Object[width];
                            for (int c = 0; c < width; c++) {
                                row[c] = value(r, c);
                            }
                            sink.row(row);
                        }
                        return null;
                    })
                    .table();
            List<ColumnProfile> profiles = store.profile(table, columns);
            assertThat(profiles).hasSize(width);
            for (int c = 0; c < width; c++) {
                ColumnProfile profile = profiles.get(c);
                List<Object> values = new ArrayList<>();
                for (int r = 0; r < ROWS; r++) {
                    values.add(value(r, c));
                }
                List<Object> present = values.stream().filter(v -> v != null).toList();
                assertThat(profile.name()).isEqualTo("c" + c);
                assertThat(profile.nulls()).as("nulls of c%d", c).isEqualTo(ROWS - present.size());
                long distinct = present.stream().distinct().count();
                assertThat(profile.distinct())
                        .as("distinct values of c%d (an estimate)", c)
                        .isBetween(distinct - 1, distinct + 1);
                ValueType type = typeOf(c);
                if (type == ValueType.TEXT || type == ValueType.BOOLEAN) {
                    Map<String, Long> counts =
                            present.stream().collect(Collectors.groupingBy(String::valueOf, Collectors.counting()));
                    List<ColumnProfile.ValueCount> expected = counts.entrySet().stream()
                            .map(e -> new ColumnProfile.ValueCount(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingLong(ColumnProfile.ValueCount::count)
                                    .reversed()
                                    .thenComparing(ColumnProfile.ValueCount::value))
                            .limit(DatasetStore.TOP_VALUES)
                            .toList();
                    assertThat(profile.topValues()).as("top values of c%d", c).isEqualTo(expected);
                    assertThat(profile.min()).isNull();
                } else {
                    assertThat(profile.topValues()).isEmpty();
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    List<Comparable> sorted =
                            present.stream().map(v -> (Comparable) v).sorted().toList();
                    assertThat(profile.min()).as("min of c%d", c).isEqualTo(shown(sorted.get(0)));
                    assertThat(profile.max()).as("max of c%d", c).isEqualTo(shown(sorted.get(sorted.size() - 1)));
                    if (type == ValueType.INTEGER) {
                        double mean = present.stream()
                                .mapToLong(v -> (Long) v)
                                .average()
                                .orElseThrow();
                        assertThat(Double.parseDouble(profile.mean()))
                                .as("mean of c%d", c)
                                .isCloseTo(mean, org.assertj.core.data.Offset.offset(0.0001));
                    }
                }
            }
        } finally {
            store.close();
        }
    }

    /** A value as DuckDB writes it as text. */
    private static String shown(Object value) {
        if (value instanceof java.time.LocalDateTime t) {
            return t.toLocalDate() + " " + t.toLocalTime() + ":00";
        }
        return String.valueOf(value);
    }
}
