package org.openplaza.catalog;

/** A histogram bin: values from {@code from} up to {@code to} (dates as seconds since 1970). */
public record HistogramBin(double from, double to, long count) {}
