package io.alertjobbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collection;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

/**
 * Alerts, actions and their per-host results in the database. Every method is one transaction:
 * either all of it is committed or none of it.
 */
public final class ActionStore {

    private static final String ACTION_COLUMNS = "id, alert_id, action_name, plan_id, bk_biz_id, timeout_s, status, outcome,"
            + " reason, job_error, job_instance_id, job_url, job_status, global_var_list, steps, attempts, log_cursor, next_run_at,"
            + " owner, lease_until, launch_sent_at, orphan_check, evidence, started_at, deadline_at, created_at, updated_at,"
            + " finished_at";

    private final DataSource dataSource;
    private final LongSupplier clock;

    public ActionStore(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The result of storing an alert: whether it was new, and its actions (new or already stored). */
    public record AcceptedAlert(boolean created, List<ActionSummary> actions) {
    }

    /** The short form of an action returned when an alert is accepted. */
    public record ActionSummary(String id, String name, ActionStatus status) {
    }

    /** {@link #acceptAlert(String, String, String, List, String)} with the actions held by nobody yet. */
    public AcceptedAlert acceptAlert(String alertId, String source, String payload, List<NewAction> actions) {
        return acceptAlert(alertId, source, payload, actions, null);
    }

    /**
     * Stores the alert and one action per matching action config in one transaction, each action
     * due at once and held by {@code owner}, the accepting instance (null: by nobody, for any instance
     * to take over). Holding them from the start spares the take-over a search for unowned rows, which
     * cost a scan of every unowned row on each dispatch pass while intake outran the lifecycle. An
     * alert id seen before stores nothing and returns the actions stored the first time.
     */
    public AcceptedAlert acceptAlert(String alertId, String source, String payload, List<NewAction> actions,
                                     String owner) {
        return acceptAlerts(List.of(new AlertToStore(alertId, source, payload, actions, owner))).get(0).orThrow();
    }

    /** An alert to store with its actions, held by {@code owner} (null: by nobody yet). */
    public record AlertToStore(String alertId, String source, String payload, List<NewAction> actions, String owner) {
    }

    /** What became of one alert of {@link #acceptAlerts}: stored (new or a repeat), or its own failure. */
    public record AcceptOutcome(AcceptedAlert accepted, StoreException failure) {

        public AcceptedAlert orThrow() {
            if (failure != null) {
                throw failure;
            }
            return accepted;
        }
    }

    /**
     * Stores several alerts in one transaction, i.e. with one commit: on an embedded store the commit
     * (writing the changed pages) costs more than the inserts, so alerts that arrive together are
     * committed together (see {@link AlertGroupCommit}). All rows go in at once when none fails; otherwise
     * each alert goes in under its own savepoint, so a repeat or a failure of one (answered in its
     * outcome) leaves the others of the batch stored. Nothing
     * is committed before every alert has its outcome; if the commit fails, this throws and nothing of the
     * batch is stored.
     */
    public List<AcceptOutcome> acceptAlerts(List<AlertToStore> alerts) {
        try {
            return tryAcceptAlerts(alerts);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !isTransactionConflict(sql)) {
                throw e;
            }
            // Another instance's batch deadlocked with this one (the database rolled back all of this
            // transaction, savepoints included): once more, and the other's alerts are now committed.
            return tryAcceptAlerts(alerts);
        }
    }

    private List<AcceptOutcome> tryAcceptAlerts(List<AlertToStore> alerts) {
        long now = clock.getAsLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement alertInsert = c.prepareStatement(
                    "INSERT INTO alert (id, source, received_at, payload) VALUES (?, ?, ?, ?)");
                 PreparedStatement actionInsert = c.prepareStatement("INSERT INTO action (id, alert_id, action_name,"
                         + " plan_id, bk_biz_id, timeout_s, status, attempts, next_run_at, created_at, updated_at,"
                         + " converge_key, host_key, owner) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
                List<AcceptOutcome> outcomes = alerts.size() > 1 && insertedAllAtOnce(c, alertInsert, actionInsert, alerts, now)
                        ? allNew(alerts)
                        : insertedOneByOne(c, alertInsert, actionInsert, alerts, now);
                c.commit();
                return outcomes;
            }
        } catch (SQLException e) {
            throw new StoreException(alerts.size() == 1 ? "could not store alert " + alerts.get(0).alertId()
                    : "could not store a batch of " + alerts.size() + " alerts", e);
        }
    }

    /**
     * The common case, a batch with no repeat and no failure: every alert row in one JDBC batch and
     * every action row in another, two round trips to a server database where one by one takes three
     * statements per alert. False, with the transaction rolled back, when any insert failed: the
     * batch is then stored one by one, each alert answered on its own.
     */
    private static boolean insertedAllAtOnce(Connection c, PreparedStatement alertInsert, PreparedStatement actionInsert,
                                             List<AlertToStore> alerts, long now) throws SQLException {
        boolean anyAction = false;
        try {
            for (AlertToStore alert : alerts) {
                bindAlert(alertInsert, alert, now);
                alertInsert.addBatch();
                anyAction |= addActions(actionInsert, alert, now);
            }
            alertInsert.executeBatch();
            if (anyAction) {
                actionInsert.executeBatch();
            }
            return true;
        } catch (SQLException e) {
            c.rollback();
            alertInsert.clearBatch();
            actionInsert.clearBatch();
            return false;
        }
    }

    private static List<AcceptOutcome> allNew(List<AlertToStore> alerts) {
        List<AcceptOutcome> outcomes = new ArrayList<>(alerts.size());
        for (AlertToStore alert : alerts) {
            outcomes.add(new AcceptOutcome(new AcceptedAlert(true, received(alert.actions())), null));
        }
        return outcomes;
    }

    /** Each alert under its own savepoint, so that a repeat or a failure of one leaves the others stored. */
    private static List<AcceptOutcome> insertedOneByOne(Connection c, PreparedStatement alertInsert,
                                                        PreparedStatement actionInsert, List<AlertToStore> alerts,
                                                        long now) throws SQLException {
        boolean alone = alerts.size() == 1;
        List<AcceptOutcome> outcomes = new ArrayList<>(alerts.size());
        for (AlertToStore alert : alerts) {
            // A single alert needs no savepoint: on failure its whole transaction is rolled back.
            Savepoint before = alone ? null : c.setSavepoint();
            try {
                // No read first: the alert's primary key decides, and a repeat (rare) is answered from the
                // stored alert. One statement less on every new alert.
                bindAlert(alertInsert, alert, now);
                alertInsert.executeUpdate();
                if (addActions(actionInsert, alert, now)) {
                    actionInsert.executeBatch();
                }
                if (before != null) {
                    // PostgreSQL keeps every open savepoint of a transaction; many slow down every snapshot.
                    c.releaseSavepoint(before);
                }
                outcomes.add(new AcceptOutcome(new AcceptedAlert(true, received(alert.actions())), null));
            } catch (SQLException e) {
                actionInsert.clearBatch();
                if (before == null) {
                    c.rollback();
                } else {
                    c.rollback(before);
                }
                outcomes.add(repeatOrFailure(c, alert.alertId(), e));
            }
        }
        return outcomes;
    }

    private static void bindAlert(PreparedStatement alertInsert, AlertToStore alert, long now) throws SQLException {
        alertInsert.setString(1, alert.alertId());
        alertInsert.setString(2, alert.source());
        alertInsert.setLong(3, now);
        alertInsert.setString(4, alert.payload());
    }

    /** Adds the alert's action rows to the statement's batch; false when it has none. */
    private static boolean addActions(PreparedStatement actionInsert, AlertToStore alert, long now) throws SQLException {
        for (NewAction a : alert.actions()) {
            actionInsert.setString(1, a.id());
            actionInsert.setString(2, alert.alertId());
            actionInsert.setString(3, a.actionName());
            actionInsert.setLong(4, a.planId());
            actionInsert.setLong(5, a.bkBizId());
            actionInsert.setInt(6, a.timeoutSeconds());
            actionInsert.setString(7, ActionStatus.RECEIVED.wireName());
            actionInsert.setLong(8, now);
            actionInsert.setLong(9, now);
            actionInsert.setLong(10, now);
            actionInsert.setString(11, a.convergeKey());
            actionInsert.setString(12, a.hostKey());
            actionInsert.setString(13, alert.owner());
            actionInsert.addBatch();
        }
        return !alert.actions().isEmpty();
    }

    private static List<ActionSummary> received(List<NewAction> actions) {
        List<ActionSummary> stored = new ArrayList<>(actions.size());
        for (NewAction a : actions) {
            stored.add(new ActionSummary(a.id(), a.actionName(), ActionStatus.RECEIVED));
        }
        return stored;
    }

    /**
     * After an insert failed and was rolled back: a unique violation on an alert that is there is a
     * repeat (stored before, by a concurrent request just now, or earlier in this batch), answered with
     * the actions stored the first time; anything else is this alert's failure.
     */
    private static AcceptOutcome repeatOrFailure(Connection c, String alertId, SQLException e) throws SQLException {
        if (isUniqueViolation(e) && alertExists(c, alertId)) {
            return new AcceptOutcome(new AcceptedAlert(false, summaries(c, alertId)), null);
        }
        return new AcceptOutcome(null, new StoreException("could not store alert " + alertId, e));
    }

    /** SQLSTATE class 40: the transaction was rolled back (deadlock or serialization failure). */
    private static boolean isTransactionConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }

    private static boolean alertExists(Connection c, String alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM alert WHERE id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<ActionSummary> summaries(Connection c, String alertId) throws SQLException {
        List<ActionSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, action_name, status FROM action WHERE alert_id = ? ORDER BY created_at, id")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ActionSummary(rs.getString(1), rs.getString(2), ActionStatus.fromWire(rs.getString(3))));
                }
            }
        }
        return out;
    }

    public Optional<String> alertPayload(String alertId) {
        return querySingle("SELECT payload FROM alert WHERE id = ?", alertId, rs -> rs.getString(1));
    }

    public Optional<ActionRecord> find(String actionId) {
        return querySingle("SELECT " + ACTION_COLUMNS + " FROM action WHERE id = ?", actionId, ActionStore::toRecord);
    }

    /** Newest first; status and alertId are optional filters. */
    public List<ActionRecord> list(ActionStatus status, String alertId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ACTION_COLUMNS + " FROM action WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.wireName());
        }
        if (alertId != null) {
            sql.append(" AND alert_id = ?");
            args.add(alertId);
        }
        sql.append(" ORDER BY created_at DESC, id DESC");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            ps.setMaxRows(limit);
            List<ActionRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(toRecord(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not list actions", e);
        }
    }

    /**
     * Takes over up to {@code limit} in-flight actions that no live instance holds: first those of
     * instances that died or stopped (stopped_at set, or a heartbeat older than {@code liveSince}), then
     * any held by nobody (accepted without an owner). The lease is per instance, not per row (the
     * lease_until column is no longer used): an instance's heartbeat in bridge_instance keeps every
     * action it owns, so holding 10,000 actions costs one row write per renewal instead
     * of 10,000. Rows another instance is taking at the same moment are skipped, not waited for
     * (SELECT ... FOR UPDATE SKIP LOCKED), so instances never block each other and never take the
     * same row. The query for one owner walks the (owner, next_run_at) index and stops at the limit;
     * H2 cannot walk it in order for owner IS NULL and reads every unowned row instead, which is why
     * the instances accept actions already owned and never hand them back as unowned.
     */
    public List<String> takeOver(String owner, long liveSince, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // Read committed on every database: InnoDB's default repeatable read adds gap locks to the
            // locking read, and concurrent takers then deadlock on the owner index when they update.
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                List<String> ids = new ArrayList<>();
                // The dead first: their jobs are running and their deadlines are nearer.
                for (String dead : deadOwners(c, owner, liveSince)) {
                    if (ids.size() >= limit) {
                        break;
                    }
                    lockInFlight(c, dead, limit - ids.size(), ids);
                }
                if (ids.size() < limit) {
                    lockInFlight(c, null, limit - ids.size(), ids);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE action SET owner = ? WHERE id = ?")) {
                    for (String id : ids) {
                        ps.setString(1, owner);
                        ps.setString(2, id);
                        ps.addBatch();
                    }
                    if (!ids.isEmpty()) {
                        ps.executeBatch();
                    }
                }
                c.commit();
                return ids;
            } catch (SQLException e) {
                c.rollback();
                if (isTransactionConflict(e)) {
                    // Another instance's take-over won a lock race (a deadlock victim, on MySQL/MariaDB):
                    // nothing is taken this pass, and the next pass tries again.
                    return List.of();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not take over actions", e);
        }
    }

    /** Instances other than {@code self} that stopped or whose last heartbeat is older than {@code liveSince}. */
    private static List<String> deadOwners(Connection c, String self, long liveSince) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM bridge_instance WHERE id <> ?"
                + " AND (stopped_at IS NOT NULL OR heartbeat_at < ?) ORDER BY heartbeat_at")) {
            ps.setString(1, self);
            ps.setLong(2, liveSince);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Locks up to {@code limit} in-flight actions of {@code owner} (null: unowned), oldest due first.
     * Two statements because of how H2 runs a locking read: with FOR UPDATE it reads every row the
     * WHERE admits before it applies the LIMIT (all 40,000 in-flight rows of an owner, ~0.8 s), while a
     * plain read walks the (owner, next_run_at) index and stops at the limit. So a plain read first
     * finds the due time of the limit-th row, and the locking read is bounded by it. Rows that another
     * taker locked in between are skipped; the next pass takes them if they are still free.
     * ORDER BY owner, next_run_at (owner being fixed, the same order as next_run_at alone) is what lets
     * H2 see that the index already gives the order.
     */
    private static void lockInFlight(Connection c, String owner, int limit, List<String> into) throws SQLException {
        String ownerTest = owner == null ? "owner IS NULL" : "owner = ?";
        Long lastDue = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT next_run_at FROM action WHERE " + ownerTest
                + " AND next_run_at IS NOT NULL ORDER BY owner, next_run_at LIMIT 1 OFFSET ?")) {
            int i = 1;
            if (owner != null) {
                ps.setString(i++, owner);
            }
            ps.setInt(i, limit - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lastDue = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM action WHERE " + ownerTest
                + " AND next_run_at IS NOT NULL" + (lastDue == null ? "" : " AND next_run_at <= ?")
                + " ORDER BY owner, next_run_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            if (owner != null) {
                ps.setString(i++, owner);
            }
            if (lastDue != null) {
                ps.setLong(i++, lastDue);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(rs.getString(1));
                }
            }
        }
    }

    /** How many in-flight actions the owner holds. */
    public int countHeld(String owner) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM action WHERE owner = ? AND next_run_at IS NOT NULL")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("could not count the actions of " + owner, e);
        }
    }

    /** The owner's actions whose next step is due, oldest first, leaving out those already in hand. */
    public List<String> dueOwned(String owner, int limit, Set<String> inHand) {
        if (limit <= 0) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                // ORDER BY owner first: with the owner fixed it is the same order, and H2 then reads the
                // (owner, next_run_at) index in order and stops at the limit instead of sorting every due row.
                "SELECT id FROM action WHERE owner = ? AND next_run_at <= ? ORDER BY owner, next_run_at LIMIT ?")) {
            ps.setString(1, owner);
            ps.setLong(2, clock.getAsLong());
            ps.setInt(3, limit + inHand.size());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    String id = rs.getString(1);
                    if (!inHand.contains(id)) {
                        out.add(id);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read due actions", e);
        }
    }

    /** An action of a convergence group or host group: its status and times. */
    public record GroupMember(String id, ActionStatus status, long createdAt, Long finishedAt, boolean sameGroup,
                              boolean sameHost) {
    }

    /**
     * The actions of the group or of the host group that are in flight or finished since {@code since}
     * (the convergence window), whoever holds them.
     */
    public List<GroupMember> groupMembers(String group, String host, long since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, status, created_at, finished_at, converge_key, host_key FROM action"
                        + " WHERE (converge_key = ? OR host_key = ?) AND (next_run_at IS NOT NULL OR finished_at >= ?"
                        + " OR created_at >= ?)")) {
            ps.setString(1, group);
            ps.setString(2, host == null ? "" : host);
            ps.setLong(3, since);
            ps.setLong(4, since);
            List<GroupMember> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long finished = rs.getLong(4);
                    Long finishedAt = rs.wasNull() ? null : finished;
                    out.add(new GroupMember(rs.getString(1), ActionStatus.fromWire(rs.getString(2)), rs.getLong(3),
                            finishedAt, group.equals(rs.getString(5)), host != null && host.equals(rs.getString(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the convergence group " + group, e);
        }
    }

    /** Actions accepted and not final yet, across all instances. */
    public long countInFlight() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM action WHERE next_run_at IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("could not count in-flight actions", e);
        }
    }

    /** In-flight actions per owner (null key: not owned yet). */
    public Map<String, Integer> inFlightByOwner() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT owner, COUNT(*) FROM action WHERE next_run_at IS NOT NULL GROUP BY owner")) {
            Map<String, Integer> out = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not count in-flight actions", e);
        }
    }

    /**
     * Commits one lifecycle step, but only while {@code owner} still holds the action: an instance
     * whose lease ran out (and whose action another instance has taken) changes nothing.
     *
     * @throws LeaseLostException when the action is no longer this owner's
     */
    public void apply(String actionId, String owner, ActionUpdate update) {
        apply(actionId, owner, update, List.of());
    }

    /**
     * Commits the step and, in the same transaction, the result callbacks it triggers (a final step),
     * so an action never ends without its callbacks queued.
     */
    public void apply(String actionId, String owner, ActionUpdate update, List<NewCallback> callbacks) {
        Map<String, Object> columns = update.columns();
        StringBuilder sql = new StringBuilder("UPDATE action SET updated_at = ?");
        for (String column : columns.keySet()) {
            sql.append(", ").append(column).append(" = ?");
        }
        sql.append(" WHERE id = ? AND owner = ?");
        long now = clock.getAsLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(callbacks.isEmpty());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, now);
                for (Object value : columns.values()) {
                    bind(ps, i++, value);
                }
                ps.setString(i++, actionId);
                ps.setString(i, owner);
                if (ps.executeUpdate() != 1) {
                    if (!callbacks.isEmpty()) {
                        c.rollback();
                    }
                    throw new LeaseLostException(actionId, owner);
                }
                if (!callbacks.isEmpty()) {
                    CallbackStore.insert(c, actionId, callbacks, now);
                    c.commit();
                }
            } catch (SQLException e) {
                if (!callbacks.isEmpty()) {
                    c.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not update action " + actionId, e);
        }
    }

    /** Job instance ids that some action of the plan already records: never orphans, never candidates. */
    public Set<Long> knownJobInstances(long planId, Collection<Long> candidates) {
        Set<Long> known = new java.util.HashSet<>();
        if (candidates.isEmpty()) {
            return known;
        }
        StringBuilder sql = new StringBuilder("SELECT job_instance_id FROM action WHERE plan_id = ? AND job_instance_id IN (");
        sql.append(String.join(", ", java.util.Collections.nCopies(candidates.size(), "?"))).append(")");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, planId);
            int i = 2;
            for (Long id : candidates) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getLong(1));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new StoreException("could not read known job instances", e);
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            // Untyped: the column decides (PostgreSQL refuses a VARCHAR null for a BIGINT column).
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setString(index, value.toString());
        }
    }

    /**
     * Stores the results of a batch of hosts. Rows are keyed by a sequence number the caller derives
     * from the step and host position, so fetching the same batch again replaces it instead of doubling it.
     */
    public void saveHostResults(String actionId, int firstSeq, List<HostResult> results) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement(
                        "DELETE FROM action_host_result WHERE action_id = ? AND seq >= ? AND seq < ?")) {
                    del.setString(1, actionId);
                    del.setInt(2, firstSeq);
                    del.setInt(3, firstSeq + results.size());
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO action_host_result (action_id, seq,"
                        + " step_instance_id, step_name, step_type, ip, bk_cloud_id, bk_host_id, status, exit_code,"
                        + " error_code, log_content, log_truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int seq = firstSeq;
                    for (HostResult r : results) {
                        ps.setString(1, actionId);
                        ps.setInt(2, seq++);
                        ps.setLong(3, r.stepInstanceId());
                        ps.setString(4, r.stepName());
                        setNullableInt(ps, 5, r.stepType());
                        ps.setString(6, r.ip());
                        setNullableLong(ps, 7, r.bkCloudId());
                        setNullableLong(ps, 8, r.bkHostId());
                        setNullableInt(ps, 9, r.status());
                        setNullableInt(ps, 10, r.exitCode());
                        setNullableInt(ps, 11, r.errorCode());
                        ps.setString(12, r.logContent());
                        ps.setBoolean(13, r.logTruncated());
                        ps.addBatch();
                    }
                    if (!results.isEmpty()) {
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store host results of action " + actionId, e);
        }
    }

    public List<HostResult> hostResults(String actionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT step_instance_id, step_name, step_type, ip, bk_cloud_id, bk_host_id, status, exit_code,"
                        + " error_code, log_content, log_truncated FROM action_host_result WHERE action_id = ? ORDER BY seq")) {
            ps.setString(1, actionId);
            List<HostResult> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HostResult(rs.getLong(1), rs.getString(2), nullableInt(rs, 3), rs.getString(4),
                            nullableLong(rs, 5), nullableLong(rs, 6), nullableInt(rs, 7), nullableInt(rs, 8),
                            nullableInt(rs, 9), rs.getString(10), rs.getBoolean(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read host results of action " + actionId, e);
        }
    }

    private static void setNullableInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static Integer nullableInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static ActionRecord toRecord(ResultSet rs) throws SQLException {
        return new ActionRecord(
                rs.getString("id"), rs.getString("alert_id"), rs.getString("action_name"),
                rs.getLong("plan_id"), rs.getLong("bk_biz_id"), rs.getInt("timeout_s"),
                ActionStatus.fromWire(rs.getString("status")), rs.getString("outcome"), rs.getString("reason"),
                rs.getString("job_error"), nullableLong(rs, 11), rs.getString("job_url"), nullableInt(rs, 13),
                rs.getString("global_var_list"), rs.getString("steps"), rs.getInt("attempts"), rs.getInt("log_cursor"),
                nullableLong(rs, 18), rs.getString("owner"), nullableLong(rs, 20), nullableLong(rs, 21),
                rs.getBoolean("orphan_check"), rs.getString("evidence"), nullableLong(rs, 24), nullableLong(rs, 25),
                rs.getLong("created_at"), rs.getLong("updated_at"), nullableLong(rs, 28));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> querySingle(String sql, String key, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read " + key, e);
        }
    }
}
