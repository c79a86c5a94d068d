#!/usr/bin/env bash
# Diagnostic (not a target): how the cost of the dispatcher's and the lease renewal's statements grows with
# the number of in-flight actions, on the embedded H2 store. For N in-flight actions all held by one live
# instance (its steady state), times with the H2 shell, 5 times each:
#   take-over   the two SELECTs of ActionStore.takeOver (every dispatch pass, 10 per second by default):
#               dead instances in bridge_instance, then unowned in-flight actions (owner index)
#   due-owned   the SELECT of ActionStore.dueOwned (every dispatch pass)
#   renew       the heartbeat UPDATE of InstanceStore.heartbeat, the one lease over all the instance's
#               actions (every bridge.cluster.renew-interval-ms, 5 s by default)
# Usage: bench/diag/store-scan.sh [N ...]   (default 1000 10000 30000)
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/store-scan"; rm -rf "$DIR"; mkdir -p "$DIR"
SIZES="${*:-1000 10000 30000}"
echo "== store-scan $(date -u +%FT%TZ) load $(load_avg)"

# A migrated, empty store: start the jar once on a new file and stop it.
start_jar "$DIR/migrate.log" "$PORT" -Dbridge.datasource.url="jdbc:h2:file:$DIR/empty" \
    -Dbridge.simulator.enabled=false -Dbridge.job.base-url=http://127.0.0.1:9
stop_pid "$JAR_PID"

now_ms=$(( $(date +%s) * 1000 ))
for n in $SIZES; do
    cp "$DIR/empty.mv.db" "$DIR/n$n.mv.db"
    h2sql "$DIR/n$n" "INSERT INTO alert (id, source, received_at, payload) SELECT 'a' || X, 'bk-monitor', $now_ms, '{}' FROM SYSTEM_RANGE(1, $n);
        INSERT INTO action (id, alert_id, action_name, plan_id, bk_biz_id, timeout_s, status, attempts, next_run_at, owner, created_at, updated_at)
        SELECT CAST(RANDOM_UUID() AS VARCHAR), 'a' || X, 'disk-cleanup', 1000043, 2, 60, 'running', 0, $now_ms + MOD(X, 10000) * 1 + 5000, 'vm:18080', $now_ms, $now_ms FROM SYSTEM_RANGE(1, $n);
        INSERT INTO bridge_instance (id, host, started_at, heartbeat_at) VALUES ('vm:18080', 'vm', $now_ms, $now_ms)" > /dev/null
    sql=""
    for i in 1 2 3 4 5; do
        sql="$sql SELECT id FROM bridge_instance WHERE id <> 'vm:18080' AND (stopped_at IS NOT NULL OR heartbeat_at < $now_ms - 15000) ORDER BY heartbeat_at;"
        sql="$sql SELECT id FROM action WHERE owner IS NULL AND next_run_at IS NOT NULL ORDER BY next_run_at LIMIT 500 FOR UPDATE SKIP LOCKED;"
    done
    for i in 1 2 3 4 5; do
        sql="$sql SELECT id FROM action WHERE owner = 'vm:18080' AND next_run_at <= $now_ms ORDER BY owner, next_run_at LIMIT 500;"
    done
    for i in 1 2 3 4 5; do
        sql="$sql UPDATE bridge_instance SET heartbeat_at = $now_ms + $i WHERE id = 'vm:18080';"
    done
    h2sql "$DIR/n$n" "$sql" > "$DIR/n$n.txt"
    # The shell prints "(k rows, t ms)" after each query and "(Update count: k, t ms)" after each update.
    ms="$(grep -oE '[0-9]+ ms\)' "$DIR/n$n.txt" | grep -oE '^[0-9]+' | tr '\n' ' ')"
    echo "in_flight=$n ms_each((dead-instances, take-over) x5, due-owned x5, renew x5)= $ms"
done
