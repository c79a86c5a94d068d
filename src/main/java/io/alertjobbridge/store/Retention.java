package io.alertjobbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

/**
 * Deletes what is older than the retention period: finished actions with their host results, alerts
 * left without actions, and replayed dead letters. Work goes in small batches, each its own short
 * transaction, so live intake and lifecycle steps never wait long behind a purge.
 */
public final class Retention {

    private static final long DAY_MS = 24L * 3600 * 1000;

    private final DataSource dataSource;
    private final LongSupplier clock;
    private final int days;
    private final int batch;

    public Retention(DataSource dataSource, LongSupplier clock, int days, int batch) {
        if (days < 1) {
            throw new IllegalArgumentException("bridge.retention.days must be at least 1, got " + days);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("bridge.retention.batch must be positive, got " + batch);
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.days = days;
        this.batch = batch;
    }

    /** One pass: batches until nothing old is left. Returns the number of actions, alerts and letters deleted. */
    public int purge() {
        long cutoff = clock.getAsLong() - days * DAY_MS;
        int total = 0;
        int n;
        do {
            n = purgeActions(cutoff);
            total += n;
        } while (n == batch);
        do {
            n = purgeIds("SELECT a.id FROM alert a WHERE a.received_at < ? AND NOT EXISTS"
                    + " (SELECT 1 FROM action x WHERE x.alert_id = a.id)", cutoff, "DELETE FROM alert WHERE id = ?");
            total += n;
        } while (n == batch);
        do {
            n = purgeIds("SELECT id FROM dead_letter WHERE status = 'replayed' AND created_at < ?", cutoff,
                    "DELETE FROM dead_letter WHERE id = ?");
            total += n;
        } while (n == batch);
        return total;
    }

    private int purgeActions(long cutoff) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> ids = select(c, "SELECT id FROM action WHERE next_run_at IS NULL AND finished_at < ?"
                        + " ORDER BY finished_at", cutoff);
                delete(c, "DELETE FROM action_host_result WHERE action_id = ?", ids);
                delete(c, "DELETE FROM action WHERE id = ?", ids);
                c.commit();
                return ids.size();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not purge finished actions", e);
        }
    }

    private int purgeIds(String select, long cutoff, String delete) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> ids = select(c, select, cutoff);
                delete(c, delete, ids);
                c.commit();
                return ids.size();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not purge old rows", e);
        }
    }

    private List<String> select(Connection c, String sql, long cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT ?")) {
            ps.setLong(1, cutoff);
            ps.setInt(2, batch);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static void delete(Connection c, String sql, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
