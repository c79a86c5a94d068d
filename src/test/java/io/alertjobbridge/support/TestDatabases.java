package io.alertjobbridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store must work on: embedded H2 always; PostgreSQL and MariaDB/MySQL on their
 * loopback ports (.ci/run starts them). Each test gets a fresh, empty database of its own, dropped
 * afterwards. In CI (CI=true) a server that does not answer fails the test instead of skipping it.
 */
public final class TestDatabases {

    /** One fresh database: its JDBC URL and credentials, and how to drop it. */
    public record Fresh(String kind, String url, String username, String password, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private TestDatabases() {
    }

    public static List<String> kinds() {
        return List.of("h2", "postgresql", "mariadb");
    }

    public static Fresh fresh(String kind) {
        String name = "bridge_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case "h2" -> new Fresh(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", () -> { });
            case "postgresql" -> server(kind, env("BRIDGE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/"),
                    env("BRIDGE_TEST_POSTGRES_USER", "postgres"), env("BRIDGE_TEST_POSTGRES_PASSWORD", ""), name, "postgres");
            case "mariadb" -> server(kind, env("BRIDGE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/"),
                    env("BRIDGE_TEST_MARIADB_USER", "root"), env("BRIDGE_TEST_MARIADB_PASSWORD", ""), name, "");
            default -> throw new IllegalArgumentException("unknown database kind " + kind);
        };
    }

    private static Fresh server(String kind, String baseUrl, String user, String password, String name, String adminDb) {
        String admin = baseUrl + adminDb;
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = kind + " is not reachable at " + admin + " as " + user + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + " (CI=true: .ci/run must start it)", e);
            }
            Assumptions.abort(why);
        }
        String drop = "DROP DATABASE " + name + (kind.equals("postgresql") ? " WITH (FORCE)" : "");
        return new Fresh(kind, baseUrl + name, user, password, () -> {
            try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
                s.execute(drop);
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        });
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
