package org.openplaza.catalog;

/** How long a live version keeps its rows: those whose {@code column} (a date or time) is older than {@code days} go. */
public record RetentionRule(String column, int days) {}
