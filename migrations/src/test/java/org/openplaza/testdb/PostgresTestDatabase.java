package org.openplaza.testdb;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a test's Spring context on a fresh PostgreSQL database of its own when the tests are run
 * against PostgreSQL ({@code openplaza.test.database=postgres}, as a system property or the
 * environment variable {@code OPENPLAZA_TEST_DATABASE}). The server is named by {@code
 * openplaza.test.postgres.url} (by default {@code jdbc:postgresql://localhost:5432/postgres}), with
 * {@code .user} and {@code .password} ({@code openplaza_test} both, a role that may create
 * databases): {@code .ci/postgres} makes it on a fresh machine. Each context gets a database made
 * for it, dropped when the tests' JVM ends.
 *
 * <p>The database is offered with the lowest precedence, so a test that names its own (an H2 file
 * it reads byte by byte, say) keeps it: those tests are about H2's files, not about SQL. With
 * {@code openplaza.test.postgres.first=true} it takes the highest instead, over the portal's own
 * {@code application.properties}, for the portal's integration tests.
 *
 * <p>Contexts that name the same {@code openplaza.test.postgres.shared} key share one database
 * (the nodes of a cluster in one test), which then also takes the highest precedence, over the H2
 * database such a test names for its run on H2.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor {

    public static final String SWITCH = "openplaza.test.database";

    private static final List<String> MADE = new ArrayList<>();
    private static final Map<String, String> SHARED = new java.util.HashMap<>();
    private static boolean dropping;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"postgres".equals(environment.getProperty(SWITCH))) {
            return;
        }
        String server =
                environment.getProperty("openplaza.test.postgres.url", "jdbc:postgresql://localhost:5432/postgres");
        String user = environment.getProperty("openplaza.test.postgres.user", "openplaza_test");
        String password = environment.getProperty("openplaza.test.postgres.password", "openplaza_test");
        String key = environment.getProperty("openplaza.test.postgres.shared");
        String name;
        synchronized (SHARED) {
            name = key == null ? null : SHARED.get(key);
            if (name == null) {
                name = made(server, user, password);
                if (key != null) {
                    SHARED.put(key, name);
                }
            }
        }
        MapPropertySource database = new MapPropertySource(
                "postgres-test-database",
                Map.of(
                        "spring.datasource.url", database(server, name),
                        "spring.datasource.username", user,
                        "spring.datasource.password", password));
        if (key != null || environment.getProperty("openplaza.test.postgres.first", Boolean.class, false)) {
            environment.getPropertySources().addFirst(database);
        } else {
            environment.getPropertySources().addLast(database);
        }
    }

    /** A fresh database on the server, dropped when the JVM ends; its name. */
    private static String made(String server, String user, String password) {
        String name = "opz_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The tests run against PostgreSQL, but " + server + " cannot make a database (start one with"
                            + " .ci/postgres): " + e.getMessage(),
                    e);
        }
        dropAtExit(server, user, password, name);
        return name;
    }

    /** The server's address with this database in place of the one it names. */
    static String database(String server, String name) {
        URI uri = URI.create(server.substring("jdbc:".length()));
        return "jdbc:postgresql://" + uri.getAuthority() + "/" + name
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static synchronized void dropAtExit(String server, String user, String password, String name) {
        MADE.add(name);
        if (dropping) {
            return;
        }
        dropping = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(server, user, password);
                    Statement statement = connection.createStatement()) {
                synchronized (PostgresTestDatabase.class) {
                    for (String made : MADE) {
                        statement.execute("DROP DATABASE IF EXISTS " + made + " WITH (FORCE)");
                    }
                }
            } catch (SQLException e) {
                System.err.println("Test databases left on " + server + ": " + e.getMessage());
            }
        }));
    }
}
