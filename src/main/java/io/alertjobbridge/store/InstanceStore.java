package io.alertjobbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

/** The bridge_instance table: which bridges share this database and when each last showed it was alive. */
public final class InstanceStore {

    /** One bridge as the database knows it. */
    public record Instance(String id, String host, long startedAt, long heartbeatAt, Long stoppedAt) {
        public boolean liveAt(long now, long leaseMs) {
            return stoppedAt == null && heartbeatAt + leaseMs >= now;
        }
    }

    private final DataSource dataSource;
    private final LongSupplier clock;

    public InstanceStore(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records this instance as started (again, after a restart with the same id). */
    public void register(String id, String host) {
        long now = clock.getAsLong();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE bridge_instance SET host = ?, started_at = ?,"
                    + " heartbeat_at = ?, stopped_at = NULL WHERE id = ?")) {
                ps.setString(1, host);
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setString(4, id);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bridge_instance (id, host, started_at,"
                    + " heartbeat_at, stopped_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, host);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.setNull(5, Types.BIGINT);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("could not register instance " + id, e);
        }
    }

    /** Renews the instance's lease (and so the lease on every action it owns); false when its row is missing. */
    public boolean heartbeat(String id) {
        return set("UPDATE bridge_instance SET heartbeat_at = ? WHERE id = ?", id) == 1;
    }

    public void stopped(String id) {
        set("UPDATE bridge_instance SET stopped_at = ? WHERE id = ?", id);
    }

    private int set(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, clock.getAsLong());
            ps.setString(2, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update instance " + id, e);
        }
    }

    public List<Instance> all() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, host, started_at, heartbeat_at, stopped_at FROM bridge_instance ORDER BY id")) {
            List<Instance> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long stopped = rs.getLong(5);
                    out.add(new Instance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.wasNull() ? null : stopped));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not list instances", e);
        }
    }

    /** Instances whose heartbeat is within the lease: this one included, at least 1. */
    public int liveCount(long leaseMs) {
        long now = clock.getAsLong();
        return (int) Math.max(1, all().stream().filter(i -> i.liveAt(now, leaseMs)).count());
    }
}
