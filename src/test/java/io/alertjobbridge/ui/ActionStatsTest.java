package io.alertjobbridge.ui;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.alertjobbridge.store.Database;
import io.alertjobbridge.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-minute SQL against the real schema, migrated by Flyway as the bridge does, on every
 * database the store supports (H2 here; PostgreSQL and MariaDB where .ci/run starts them).
 */
class ActionStatsTest {

    private static final long NOW = Instant.parse("2026-03-01T10:42:37Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private TestDatabases.Fresh fresh;
    private Database database;
    private ActionStats stats;

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    private void open(String kind) {
        fresh = TestDatabases.fresh(kind);
        database = new Database(fresh.url(), fresh.username(), fresh.password(), 2);
        stats = new ActionStats(database::dataSource, () -> NOW);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @SuppressWarnings("unchecked")
    void ended_actions_are_counted_per_minute_by_final_status_and_received_ones_by_creation(String kind) throws SQLException {
        open(kind);
        long thisMinute = MinuteWindow.minuteStart(NOW);
        insert("disk-cleanup", "success", thisMinute - 5 * MINUTE + 1_000, thisMinute - 5 * MINUTE + 20_000);
        insert("disk-cleanup", "success", thisMinute - 5 * MINUTE + 2_000, thisMinute - 5 * MINUTE + 59_999);
        insert("disk-cleanup", "failure", thisMinute - 6 * MINUTE, thisMinute - 4 * MINUTE);
        insert("restart-service", "timeout", thisMinute - 70 * MINUTE, thisMinute + 30_000);
        insert("restart-service", "launch_unknown", thisMinute, thisMinute + 1_000);
        // In flight: received, not ended.
        insert("restart-service", "running", thisMinute + 2_000, null);
        // Ended before the window.
        insert("disk-cleanup", "failure", thisMinute - 90 * MINUTE, thisMinute - 61 * MINUTE);
        // Reopened by a dead-letter replay: it keeps an old finished_at but has not ended again.
        insert("disk-cleanup", "created", thisMinute - 3 * MINUTE, thisMinute - 2 * MINUTE);

        Map<String, Object> answer = stats.lastHour();

        assertThat(answer).containsEntry("from", "2026-03-01T09:43:00Z").containsEntry("to", "2026-03-01T10:43:00Z");
        assertThat((List<String>) answer.get("outcomes")).containsExactly("success", "failure", "timeout", "launch_unknown", "skipped");
        assertThat((Map<String, Object>) answer.get("totals")).containsEntry("received", 6L).containsEntry("success", 2L)
                .containsEntry("failure", 1L).containsEntry("timeout", 1L).containsEntry("launch_unknown", 1L);
        List<Map<String, Object>> minutes = (List<Map<String, Object>>) answer.get("minutes");
        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(54)).containsEntry("start", "2026-03-01T10:37:00Z").containsEntry("success", 2L)
                .containsEntry("received", 2L);
        assertThat(minutes.get(55)).containsEntry("failure", 1L);
        assertThat(minutes.get(59)).containsEntry("start", "2026-03-01T10:42:00Z").containsEntry("timeout", 1L)
                .containsEntry("launch_unknown", 1L).containsEntry("received", 2L);

        List<Map<String, Object>> byAction = (List<Map<String, Object>>) answer.get("by_action");
        assertThat(byAction).hasSize(2);
        assertThat(byAction.get(0)).containsEntry("action_name", "disk-cleanup").containsEntry("ended", 3L)
                .containsEntry("success", 2L).containsEntry("failure", 1L).containsEntry("timeout", 0L);
        assertThat(byAction.get(1)).containsEntry("action_name", "restart-service").containsEntry("ended", 2L)
                .containsEntry("timeout", 1L).containsEntry("launch_unknown", 1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @SuppressWarnings("unchecked")
    void an_empty_store_answers_sixty_empty_minutes(String kind) {
        open(kind);
        Map<String, Object> answer = stats.lastHour();

        assertThat((List<Map<String, Object>>) answer.get("minutes")).hasSize(60)
                .allSatisfy(m -> assertThat(m).containsEntry("success", 0L).containsEntry("received", 0L));
        assertThat((List<?>) answer.get("by_action")).isEmpty();
    }

    private void insert(String actionName, String status, long createdAt, Long finishedAt) throws SQLException {
        String alertId = "alert-" + UUID.randomUUID();
        try (Connection c = database.connection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO alert (id, source, received_at, payload) VALUES (?, 'test', ?, '{}')")) {
                ps.setString(1, alertId);
                ps.setLong(2, createdAt);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO action (id, alert_id, action_name, plan_id, bk_biz_id,"
                    + " timeout_s, status, created_at, updated_at, finished_at) VALUES (?, ?, ?, 1000043, 2, 600, ?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, alertId);
                ps.setString(3, actionName);
                ps.setString(4, status);
                ps.setLong(5, createdAt);
                ps.setLong(6, finishedAt == null ? createdAt : finishedAt);
                if (finishedAt == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, finishedAt);
                }
                ps.executeUpdate();
            }
        }
    }
}
