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
 * The callback table. A delivery is claimed by moving its next_run_at one lease into the future
 * with a conditional update, so of several instances exactly one takes it; if that instance dies the
 * lease runs out and the delivery is taken again: at least once, never lost.
 */
public final class CallbackStore {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    /** One callback as stored. */
    public record Callback(String id, String actionId, String url, String payload, String status, int attempts,
                           String lastError, Long nextRunAt, long createdAt, Long deliveredAt) {
    }

    private static final String COLUMNS =
            "id, action_id, url, payload, status, attempts, last_error, next_run_at, created_at, delivered_at";

    private final DataSource dataSource;
    private final LongSupplier clock;

    public CallbackStore(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    static void insert(Connection c, String actionId, List<NewCallback> callbacks, long now) throws SQLException {
        if (callbacks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback (id, action_id, url, payload, status,"
                + " attempts, next_run_at, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")) {
            for (NewCallback cb : callbacks) {
                ps.setString(1, cb.id());
                ps.setString(2, actionId);
                ps.setString(3, cb.url());
                ps.setString(4, cb.payload());
                ps.setString(5, PENDING);
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Queues callbacks on their own (for an action ended outside the lifecycle, by a dead letter). */
    public void add(String actionId, List<NewCallback> callbacks) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, actionId, callbacks, clock.getAsLong());
        } catch (SQLException e) {
            throw new StoreException("could not queue callbacks of action " + actionId, e);
        }
    }

    /** Claims up to {@code limit} due deliveries for {@code leaseMs}. */
    public List<Callback> claimDue(int limit, long leaseMs) {
        long now = clock.getAsLong();
        List<Callback> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM callback WHERE next_run_at <= ?"
                    + " ORDER BY next_run_at LIMIT ?")) {
                ps.setLong(1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(toCallback(rs));
                    }
                }
            }
            List<Callback> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE callback SET next_run_at = ? WHERE id = ? AND next_run_at = ?")) {
                for (Callback cb : due) {
                    ps.setLong(1, now + leaseMs);
                    ps.setString(2, cb.id());
                    ps.setLong(3, cb.nextRunAt());
                    if (ps.executeUpdate() == 1) {
                        claimed.add(cb);
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException("could not claim due callbacks", e);
        }
    }

    public void delivered(String id, int attempts) {
        update("UPDATE callback SET status = ?, attempts = ?, next_run_at = NULL, delivered_at = ?, last_error = NULL"
                + " WHERE id = ?", DELIVERED, attempts, clock.getAsLong(), id);
    }

    public void retryAt(String id, int attempts, long at, String error) {
        update("UPDATE callback SET attempts = ?, next_run_at = ?, last_error = ? WHERE id = ?", attempts, at, error, id);
    }

    public void failed(String id, int attempts, String error) {
        update("UPDATE callback SET status = ?, attempts = ?, next_run_at = NULL, last_error = ? WHERE id = ?",
                FAILED, attempts, error, id);
    }

    public List<Callback> ofAction(String actionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM callback WHERE action_id = ? ORDER BY created_at, id")) {
            ps.setString(1, actionId);
            List<Callback> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(toCallback(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read callbacks of action " + actionId, e);
        }
    }

    /** A failed delivery, replayed from its dead letter: due again, attempts from zero. */
    static void reopen(Connection c, String id, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE callback SET status = ?, attempts = 0, next_run_at = ?,"
                + " last_error = NULL WHERE id = ? AND status = ?")) {
            ps.setString(1, PENDING);
            ps.setLong(2, now);
            ps.setString(3, id);
            ps.setString(4, FAILED);
            ps.executeUpdate();
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object v = args[i];
                if (v == null) {
                    ps.setNull(i + 1, java.sql.Types.NULL);
                } else if (v instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else if (v instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, v.toString());
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update a callback", e);
        }
    }

    private static Callback toCallback(ResultSet rs) throws SQLException {
        long next = rs.getLong(8);
        Long nextRunAt = rs.wasNull() ? null : next;
        long delivered = rs.getLong(10);
        Long deliveredAt = rs.wasNull() ? null : delivered;
        return new Callback(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), nextRunAt, rs.getLong(9), deliveredAt);
    }
}
