package org.openplaza.catalog;

/** The kinds of chart the builder draws. */
public enum ChartType {
    BAR,
    BAR_STACKED,
    BAR_HORIZONTAL,
    BAR_STACKED_HORIZONTAL,
    /** touching bars over equal ranges of a number: needs a dimension in ranges */
    HISTOGRAM,
    LINE,
    AREA,
    PIE,
    DONUT,
    SCATTER,
    /** the dimension across, the series down, the first measure as colour: needs a split */
    HEATMAP,
    /** daily values laid out as calendars, one per year: needs a date dimension by day */
    CALENDAR
}
