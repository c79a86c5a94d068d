package io.alertjobbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

/** The dead_letter table: failures kept for an operator, listed and replayed through the API. */
public final class DeadLetterStore {

    private static final String COLUMNS =
            "id, action_id, action_status, route_id, endpoint, error, body, status, created_at, replayed_at";

    /** The route whose letters are result callbacks: their body is the callback id. */
    public static final String CALLBACK_ROUTE = "deliver-callback";

    private final DataSource dataSource;
    private final LongSupplier clock;

    public DeadLetterStore(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores the letter and, when it belongs to an action that {@code owner} still holds and that is
     * not final yet, ends that action as failure with the reason, in the same transaction. An
     * instance that lost the action (its lease ran out, another took over) or that lost a race with a
     * final commit only leaves the letter: it never ends an action someone else is running.
     */
    public DeadLetter store(String id, String actionId, String owner, String routeId, String endpoint, String error,
                            String body) {
        long now = clock.getAsLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String actionStatus = null;
                if (actionId != null) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT status FROM action WHERE id = ?")) {
                        ps.setString(1, actionId);
                        try (ResultSet rs = ps.executeQuery()) {
                            actionStatus = rs.next() ? rs.getString(1) : null;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letter (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, actionStatus == null ? null : actionId);
                    ps.setString(3, actionStatus);
                    ps.setString(4, routeId);
                    ps.setString(5, endpoint);
                    ps.setString(6, error);
                    ps.setString(7, body);
                    ps.setString(8, DeadLetter.STORED);
                    ps.setLong(9, now);
                    ps.setNull(10, Types.BIGINT);
                    ps.executeUpdate();
                }
                if (actionStatus != null && !ActionStatus.fromWire(actionStatus).isFinal()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE action SET status = ?, reason = ?,"
                            + " next_run_at = NULL, finished_at = ?, updated_at = ? WHERE id = ? AND owner = ?"
                            + " AND status = ?")) {
                        ps.setString(1, ActionStatus.FAILURE.wireName());
                        ps.setString(2, "dead letter " + id + ": " + error);
                        ps.setLong(3, now);
                        ps.setLong(4, now);
                        ps.setString(5, actionId);
                        ps.setString(6, owner);
                        ps.setString(7, actionStatus);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return new DeadLetter(id, actionStatus == null ? null : actionId, actionStatus, routeId, endpoint,
                        error, body, DeadLetter.STORED, now, null);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store dead letter " + id, e);
        }
    }

    public Optional<DeadLetter> find(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toLetter(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read dead letter " + id, e);
        }
    }

    /** Newest first. */
    public List<DeadLetter> list(String status, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM dead_letter" + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY created_at DESC, id DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (status != null) {
                ps.setString(1, status);
            }
            ps.setMaxRows(limit);
            List<DeadLetter> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(toLetter(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not list dead letters", e);
        }
    }

    /**
     * Marks the letter replayed and, for an action letter, reopens the action in the state it had
     * when it failed, due at once. Returns false when the letter was already replayed (a second
     * replay request must not send the message twice).
     */
    public boolean markReplayed(DeadLetter letter, String owner) {
        long now = clock.getAsLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE dead_letter SET status = ?, replayed_at = ?"
                        + " WHERE id = ? AND status = ?")) {
                    ps.setString(1, DeadLetter.REPLAYED);
                    ps.setLong(2, now);
                    ps.setString(3, letter.id());
                    ps.setString(4, DeadLetter.STORED);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                if (CALLBACK_ROUTE.equals(letter.routeId()) && letter.body() != null) {
                    CallbackStore.reopen(c, letter.body(), now);
                }
                if (letter.actionId() != null && letter.actionStatus() != null
                        && !ActionStatus.fromWire(letter.actionStatus()).isFinal()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE action SET status = ?, reason = NULL,"
                            + " attempts = 0, next_run_at = ?, owner = ?, finished_at = NULL,"
                            + " updated_at = ? WHERE id = ?")) {
                        ps.setString(1, letter.actionStatus());
                        ps.setLong(2, now);
                        // Held by the replaying instance, which sends the original message on at once.
                        ps.setString(3, owner);
                        ps.setLong(4, now);
                        ps.setString(5, letter.actionId());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not mark dead letter " + letter.id() + " replayed", e);
        }
    }

    private static DeadLetter toLetter(ResultSet rs) throws SQLException {
        long replayed = rs.getLong(10);
        Long replayedAt = rs.wasNull() ? null : replayed;
        return new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), replayedAt);
    }
}
