package org.openplaza.catalog.datastore;

import java.sql.Statement;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/** Leaves behind what a load killed half-way leaves: a staging table that nobody will rename. */
public final class StoreOrphans {

    private StoreOrphans() {}

    public static String leaveStaging(DatasetStore store) throws Exception {
        String name = "staging_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (DuckDBConnection c = store.duplicate();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (c0 BIGINT)");
            s.execute("INSERT INTO " + name + " VALUES (1), (2)");
        }
        return name;
    }
}
