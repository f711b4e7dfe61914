package org.openplaza.portal.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.openplaza.catalog.datastore.DatasetStore;

/**
 * SQL typed by hand, to check what the portal shows against the databases themselves: the
 * catalogue in H2 (which store table holds a dataset's current rows) and that table in DuckDB, on
 * a connection of its own to the store's database (duplicated from the store's, as DuckDB lets a
 * process open a file once).
 */
public final class StoreSql {

    private StoreSql() {}

    public static String currentTable(DataSource catalogue, String slug) throws Exception {
        try (Connection c = catalogue.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT v.store_table FROM catalog.dataset d"
                        + " JOIN catalog.dataset_version v ON v.id = d.current_version_id WHERE d.slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The single number a query such as {@code SELECT count(*) ...} answers, on the store's database. */
    public static long number(DatasetStore store, String sql, Object... parameters) throws Exception {
        try (Connection c = store.referenceConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
