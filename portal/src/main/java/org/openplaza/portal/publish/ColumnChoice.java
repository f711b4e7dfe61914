package org.openplaza.portal.publish;

import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.ValueType;

/** A column as the official sets it: label, type and description over the detected column. */
final class ColumnChoice {
    final ColumnAnalysis detected;
    String label;
    String name;
    ValueType type;
    String description = "";

    @Nullable
    Integer year;

    ColumnChoice(ColumnAnalysis detected) {
        this.detected = detected;
        this.label = detected.label();
        this.name = detected.name();
        this.type = detected.type();
    }

    boolean yearless() {
        return detected.yearless();
    }

    ColumnAnalysis chosen() {
        boolean sameType = type == detected.type();
        String format = sameType ? detected.format() : "";
        if (yearless() && type == ValueType.DATE && year != null) {
            format = ColumnAnalysis.yearlessIn(year);
        }
        return new ColumnAnalysis(
                detected.index(),
                label.isBlank() ? detected.label() : label.strip(),
                name.strip(),
                type,
                format,
                sameType ? detected.scale() : Math.max(detected.scale(), type == ValueType.DECIMAL ? 6 : 0),
                detected.nulls(),
                detected.nullMarkers());
    }
}
