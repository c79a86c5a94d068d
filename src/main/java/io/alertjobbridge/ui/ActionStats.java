package io.alertjobbridge.ui;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.StoreException;

/**
 * Actions per minute over the last hour: how many were received (by created_at) and how many ended
 * in each final status (by finished_at), and the ended ones per action name. The database groups the rows by minute with integer
 * arithmetic on the epoch millis ({@code t - MOD(t, 60000)}), which H2, PostgreSQL and MySQL all
 * read the same, so only one row per minute and status comes back however busy the hour was.
 */
public final class ActionStats {

    static final int WINDOW_MINUTES = 60;
    static final String RECEIVED = "received";

    /** The final statuses, in the order the page stacks them. */
    static final List<String> OUTCOMES = Arrays.stream(ActionStatus.values()).filter(ActionStatus::isFinal)
            .map(ActionStatus::wireName).toList();

    private static final String FINISHED_PER_MINUTE = "SELECT status, finished_at - MOD(finished_at, 60000) AS minute_start,"
            + " COUNT(*) AS actions FROM action WHERE finished_at >= ? AND finished_at < ? AND status IN ("
            + String.join(", ", OUTCOMES.stream().map(s -> "?").toList()) + ")"
            + " GROUP BY status, finished_at - MOD(finished_at, 60000)";
    private static final String FINISHED_PER_ACTION = "SELECT action_name, status, COUNT(*) AS actions FROM action"
            + " WHERE finished_at >= ? AND finished_at < ? AND status IN ("
            + String.join(", ", OUTCOMES.stream().map(s -> "?").toList()) + ") GROUP BY action_name, status";
    private static final String RECEIVED_PER_MINUTE = "SELECT created_at - MOD(created_at, 60000) AS minute_start,"
            + " COUNT(*) AS actions FROM action WHERE created_at >= ? AND created_at < ?"
            + " GROUP BY created_at - MOD(created_at, 60000)";

    private final Supplier<DataSource> dataSource;
    private final LongSupplier clock;

    /**
     * @param dataSource the action store's data source, asked for on each call: the database bean may
     *                   be bound after this one
     */
    public ActionStats(Supplier<DataSource> dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** GET /api/v1/stats/actions-per-minute. */
    public Map<String, Object> lastHour() {
        MinuteWindow window = MinuteWindow.endingAt(clock.getAsLong(), WINDOW_MINUTES);
        List<String> series = new ArrayList<>();
        series.add(RECEIVED);
        series.addAll(OUTCOMES);
        OutcomesPerMinute counts = new OutcomesPerMinute(window, series);
        List<Map<String, Object>> byAction;
        try (Connection c = dataSource.get().getConnection()) {
            readFinished(c, window, counts);
            readReceived(c, window, counts);
            byAction = readFinishedPerAction(c, window);
        } catch (SQLException e) {
            throw new StoreException("could not count the actions of the last hour", e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minute_ms", MinuteWindow.MINUTE_MS);
        out.put("from", MinuteWindow.iso(window.firstMinuteStart()));
        out.put("to", MinuteWindow.iso(window.endExclusive()));
        out.put("outcomes", OUTCOMES);
        out.put("totals", counts.totals());
        out.put("by_action", byAction);
        out.put("minutes", counts.minutes());
        return out;
    }

    private static void readFinished(Connection c, MinuteWindow window, OutcomesPerMinute counts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINISHED_PER_MINUTE)) {
            ps.setLong(1, window.firstMinuteStart());
            ps.setLong(2, window.endExclusive());
            for (int i = 0; i < OUTCOMES.size(); i++) {
                ps.setString(3 + i, OUTCOMES.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(rs.getString("status"), rs.getLong("minute_start"), rs.getLong("actions"));
                }
            }
        }
    }

    /** Ended actions of the window per action name and final status, the names with most ended first. */
    private static List<Map<String, Object>> readFinishedPerAction(Connection c, MinuteWindow window) throws SQLException {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FINISHED_PER_ACTION)) {
            ps.setLong(1, window.firstMinuteStart());
            ps.setLong(2, window.endExclusive());
            for (int i = 0; i < OUTCOMES.size(); i++) {
                ps.setString(3 + i, OUTCOMES.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = byName.computeIfAbsent(rs.getString("action_name"), ActionStats::emptyActionRow);
                    long n = rs.getLong("actions");
                    row.merge(rs.getString("status"), n, (a, b) -> (Long) a + (Long) b);
                    row.merge("ended", n, (a, b) -> (Long) a + (Long) b);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(byName.values());
        rows.sort(Comparator.comparingLong((Map<String, Object> r) -> (Long) r.get("ended")).reversed()
                .thenComparing(r -> (String) r.get("action_name")));
        return rows;
    }

    private static Map<String, Object> emptyActionRow(String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("action_name", name);
        row.put("ended", 0L);
        for (String outcome : OUTCOMES) {
            row.put(outcome, 0L);
        }
        return row;
    }

    private static void readReceived(Connection c, MinuteWindow window, OutcomesPerMinute counts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECEIVED_PER_MINUTE)) {
            ps.setLong(1, window.firstMinuteStart());
            ps.setLong(2, window.endExclusive());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(RECEIVED, rs.getLong("minute_start"), rs.getLong("actions"));
                }
            }
        }
    }
}
