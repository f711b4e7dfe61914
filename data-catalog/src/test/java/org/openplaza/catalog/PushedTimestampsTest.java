package org.openplaza.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The date-times records give, read the quick way where they are plain and by the formatter otherwise. */
class PushedTimestampsTest {

    @Test
    void plain_date_times_are_read_as_the_formatter_reads_them() {
        for (String text : new String[] {
            "2026-12-02T05:00",
            "2026-12-02T05:07:09",
            "2026-12-02T23:59:59.5",
            "2026-12-02T23:59:59.123",
            "2026-12-02T23:59:59.123456789",
            "2024-02-29T00:00:00",
            "0001-01-01T00:00"
        }) {
            assertThat(PushedRecords.plainTimestamp(text)).as(text).isEqualTo(LocalDateTime.parse(text));
            assertThat(PushedRecords.typed(ValueType.TIMESTAMP, text)).as(text).isEqualTo(LocalDateTime.parse(text));
        }
        assertThat(PushedRecords.plainTimestamp("2026-12-02 05:00:01"))
                .isEqualTo(LocalDateTime.parse("2026-12-02T05:00:01"));
    }

    @Test
    void other_forms_are_left_to_the_formatter_which_reads_offsets_and_refuses_the_rest() {
        for (String text : new String[] {
            "2026-12-02T05:00:00+09:00",
            "2026-12-02T05:00:00Z",
            " 2026-12-02T05:00:00",
            "2026-02-30T05:00:00",
            "2026-12-02T24:00:00",
            "2026-12-02T05:00:00.",
            "2026-12-02T05:0a:00",
            "2026-12-02T05:00:00.1234567890",
            "+2026-12-02T05:00",
            "2026-12-02"
        }) {
            assertThat(PushedRecords.plainTimestamp(text)).as(text).isNull();
        }
        assertThat(PushedRecords.typed(ValueType.TIMESTAMP, "2026-12-02T05:00:00+09:00"))
                .isEqualTo(LocalDateTime.parse("2026-12-01T20:00:00"));
        assertThat(PushedRecords.typed(ValueType.TIMESTAMP, " 2026-12-02T05:00:00"))
                .isEqualTo(LocalDateTime.parse("2026-12-02T05:00:00"));
        for (String refused : new String[] {"2026-02-30T05:00:00", "2026-12-02T05:00:00.x", "yesterday"}) {
            assertThatThrownBy(() -> PushedRecords.typed(ValueType.TIMESTAMP, refused))
                    .as(refused)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(refused);
        }
    }
}
