package org.openplaza.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How to read a file, as the official corrected what was detected: its encoding, delimiter, the
 * records above the table, the header records and the records below it; null leaves each to
 * detection.
 */
public record ReadSettings(
        @Nullable DetectedEncoding encoding,
        @Nullable Character delimiter,
        @Nullable Integer preambleRecords,
        @Nullable Integer headerRecords,
        @Nullable Integer footerRecords) {

    /** Everything detected. */
    public static final ReadSettings DETECT = new ReadSettings(null, null, null, null, null);

    public ReadSettings(
            @Nullable DetectedEncoding encoding,
            @Nullable Character delimiter,
            @Nullable Integer preambleRecords,
            @Nullable Integer headerRecords) {
        this(encoding, delimiter, preambleRecords, headerRecords, null);
    }
}
