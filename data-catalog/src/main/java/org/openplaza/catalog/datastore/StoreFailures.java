package org.openplaza.catalog.datastore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * What the module's public methods throw when the dataset store itself fails (a file gone, a disk
 * full, a bug): nothing the caller can mend, so no checked exception in the public API. A failure
 * of the store's JDBC driver becomes Spring's {@link DataAccessException}, as jOOQ's and Spring's
 * own failures already are; a failure of its files an {@link UncheckedIOException}.
 */
public final class StoreFailures {

    private StoreFailures() {}

    /** The driver's failure as Spring's unchecked kind, keeping the driver's exception as its cause. */
    public static DataAccessException of(SQLException e) {
        return new UncategorizedSQLException("dataset store", null, e);
    }

    /** A file's failure, unchecked. */
    public static UncheckedIOException of(IOException e) {
        return new UncheckedIOException(e);
    }
}
