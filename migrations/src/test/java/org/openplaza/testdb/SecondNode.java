package org.openplaza.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * What a test of a cluster needs to start a second node beside the test's own context: the same
 * database (H2 in memory or the PostgreSQL database made for the test), and a directory both
 * nodes share.
 */
public final class SecondNode {

    private SecondNode() {}

    /** Command-line arguments that put another Spring context on this context's database. */
    public static String[] sameDatabase(Environment environment, DataSource dataSource) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null) {
            // an embedded H2 database named for the context: the second node opens the same one
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", "sa"),
            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")
        };
    }

    /** A new directory for the nodes to share. */
    public static Path sharedDirectory(String name) {
        try {
            return Files.createTempDirectory("openplaza-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments joined: the database's first. */
    public static String[] with(String[] database, String... more) {
        String[] all = java.util.Arrays.copyOf(database, database.length + more.length);
        System.arraycopy(more, 0, all, database.length, more.length);
        return all;
    }
}
