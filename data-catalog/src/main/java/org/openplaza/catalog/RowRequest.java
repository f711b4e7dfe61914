package org.openplaza.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.datastore.DatasetStore;

/**
 * Which rows of a dataset table to read and in what order: filters on named columns, a search for
 * text anywhere in the row, and sorts. Column names are checked against the table's columns and
 * values are bound as parameters, so nothing a citizen types reaches the SQL text. Without a sort,
 * rows come in the order of the file.
 */
public record RowRequest(List<Filter> filters, String search, List<Sort> sorts) {

    public static final RowRequest ALL = new RowRequest(List.of(), "", List.of());

    /**
     * The row's number in the file, from 1, as CKAN's DataStore names it: it may be filtered on
     * (equals, one of, between) and sorted by like a column, and read with {@link
     * DatasetStore#datastorePage}.
     */
    public static final String ID = "_id";

    /** A condition on one column. */
    public sealed interface Filter permits Contains, Equals, In, Range {
        String column();
    }

    /** The column's text holds this text, in any case. */
    public record Contains(String column, String text) implements Filter {}

    /** The column equals this value (a Java value of the column's type). */
    public record Equals(String column, Object value) implements Filter {}

    /** The column equals one of these values. */
    public record In(String column, List<Object> values) implements Filter {
        public In {
            values = List.copyOf(values);
        }
    }

    /** The column lies between these values, both inclusive; either end may be open. */
    public record Range(
            String column, @Nullable Object from, @Nullable Object to) implements Filter {}

    public record Sort(String column, boolean descending) {}

    public RowRequest {
        filters = List.copyOf(filters);
        search = search == null ? "" : search.strip();
        sorts = List.copyOf(sorts);
    }

    /** True when every row matches: the count is then the row count recorded at import. */
    public boolean unfiltered() {
        return filters.isEmpty() && search.isEmpty();
    }

    public RowRequest withFilter(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new RowRequest(more, search, sorts);
    }

    public RowRequest withSearch(String text) {
        return new RowRequest(filters, text, sorts);
    }

    public RowRequest withSorts(List<Sort> newSorts) {
        return new RowRequest(filters, search, newSorts);
    }
}
