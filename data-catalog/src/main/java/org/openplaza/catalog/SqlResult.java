package org.openplaza.catalog;

import java.util.List;

/**
 * What a query typed by an API client selected: the names and SQL types of its columns and at
 * most the rows asked for, {@code truncated} when it selected more.
 */
public record SqlResult(List<String> names, List<String> types, List<Object[]> rows, boolean truncated) {}
