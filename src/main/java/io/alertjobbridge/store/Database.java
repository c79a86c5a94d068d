package io.alertjobbridge.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The pooled connection to the action store, with its schema brought up to date by versioned
 * migrations before anything reads it. One vendor folder per database under db/migration.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    public Database(String url, String username, String password, int maxPoolSize) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("bridge.datasource.url is empty");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("bridge-store");
        config.setJdbcUrl(tuned(url));
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        // Set the driver explicitly: a fat jar that lost a java.sql.Driver service entry fails here, loudly.
        config.setDriverClassName(driverFor(url));
        this.dataSource = new HikariDataSource(config);
        migrate(vendorFor(url));
    }

    /**
     * The JDBC URL with the settings the embedded H2 needs. An H2 file database writes committed
     * transactions to disk up to a second later by default; a kill -9 in that second would undo steps
     * the bridge already acted on (a launch recorded as sent, then sent again). WRITE_DELAY=0 makes
     * every commit reach the file at once. Other databases' URLs are left as they are.
     */
    static String tuned(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase();
        StringBuilder out = new StringBuilder(url);
        if (!url.startsWith("jdbc:h2:mem:") && !upper.contains("WRITE_DELAY")) {
            out.append(";WRITE_DELAY=0");
        }
        // H2 keeps the parsed form of only the last 8 statements per connection by default; the bridge
        // runs a few dozen distinct ones, so it parsed most of them again on every use (docs/BENCHMARKS.md).
        if (!upper.contains("QUERY_CACHE_SIZE")) {
            out.append(";QUERY_CACHE_SIZE=").append(H2_STATEMENT_CACHE);
        }
        return out.toString();
    }

    /** Parsed statements H2 keeps per connection: more than the bridge's distinct statements. */
    static final int H2_STATEMENT_CACHE = 64;

    static String driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return "org.mariadb.jdbc.Driver";
        }
        throw new IllegalArgumentException("bridge.datasource.url names an unsupported database: "
                + url.replaceAll("//[^/@]*@", "//***@") + " (supported: jdbc:h2:, jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:)");
    }

    /**
     * The migration folder for the database: H2 and PostgreSQL read the same standard SQL
     * ({@code ansi}); MariaDB and MySQL need their own (MEDIUMTEXT for long logs and payloads).
     */
    static String vendorFor(String url) {
        if (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:")) {
            return "ansi";
        }
        return "mysql";
    }

    private void migrate(String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** True when the database answers a trivial query within the pool's timeout. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
