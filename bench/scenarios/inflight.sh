#!/usr/bin/env bash
# Scenario 2, in flight. Target: 10,000 jobs running at once (60-second jobs, polled every 10 s); every
# job followed to the end; the bridge's peak RSS <= 300 MiB; live thread count bounded (reported over
# time; it must not grow with the number of jobs).
#
# The simulator runs in its own process (jobs of 60 s), so the bridge's RSS and threads are its own.
# The bridge: started by bin/alert-job-bridge (its heap of 128 MiB, serial GC; BENCH_INFLIGHT_XMX=256m
# overrides the heap, BENCH_LAUNCHER=java runs plain java -jar), poll every 10 s, Job API
# budget 5,000 calls/s (out of the way: 10,000 jobs polled every 10 s need 1,000/s), a GC log.
# 10,000 alerts are posted by 16 clients as fast as the bridge takes them. Every second: RSS, peak RSS
# (VmHWM) and thread count from /proc; every second: finished actions and in-flight gauge from the
# metrics; two thread dumps while the jobs run. At the end, from the stopped bridge's database: every
# action success with its log, and how many jobs were running at once (from the start times: a job
# runs 60 s from its start).
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/inflight"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "inflight" | tee "$RUNS"
JOBS="${BENCH_INFLIGHT_JOBS:-10000}"
XMX="${BENCH_INFLIGHT_XMX:-}"
HEAP=(); [ -n "$XMX" ] && HEAP=("-Xmx$XMX")

d0="$DIR/sim"; rm -rf "$d0"; mkdir -p "$d0"
start_simulator "$d0" 60000

for r in $(seq 1 "$REPS"); do
    d="$DIR/r$r"; rm -rf "$d"; mkdir -p "$d"
    reset_simulator
    start_jar "$d/bridge.log" "$PORT" "${HEAP[@]}" -Xlog:gc:file="$d/gc.log" "${SIM_FLAGS[@]}" \
        -Dbridge.datasource.url="jdbc:h2:file:$d/db" -Dbridge.job.max-calls-per-second=5000 \
        -Dbridge.job.poll-interval-ms=10000
    pid="$JAR_PID"
    sample_proc "$pid" "$d/proc.csv" &
    threads_idle="$(awk '/^Threads:/{print $2}' "/proc/$pid/status")"
    l0="$(load_avg)"
    bench post --url "$URL" --count "$JOBS" --clients 16 --prefix "inflight-$r" > "$d/post.txt"
    ( sleep 20; jcmd "$pid" Thread.print > "$d/threads-1.txt" 2>/dev/null || true
      sleep 40; jcmd "$pid" Thread.print > "$d/threads-2.txt" 2>/dev/null || true ) &
    dumper=$!
    bench wait-finished --url "$URL" --count "$JOBS" --timeout 900 --period-ms 1000 --series "$d/progress.csv" > "$d/wait.txt" || true
    wait "$dumper" || true
    hwm_kib="$(awk '/^VmHWM:/{print $2}' "/proc/$pid/status")"
    lag_max="$(metric bridge_lifecycle_step_lag_seconds_max)"
    lag_sum="$(metric bridge_lifecycle_step_lag_seconds_sum)"; lag_count="$(metric bridge_lifecycle_step_lag_seconds_count)"
    curl -sf "$SIM_URL/simulator/calls" > "$d/simulator-calls.json"
    stop_pid "$pid"
    h2sql "$d/db" "SELECT COUNT(*) AS n, SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS ok, MIN(started_at) AS s0, MAX(started_at) AS s1, MAX(finished_at) AS f1 FROM action" > "$d/actions.txt"
    h2sql "$d/db" "SELECT COUNT(*) AS n, SUM(CASE WHEN log_content IS NOT NULL AND LENGTH(log_content) > 0 THEN 1 ELSE 0 END) AS with_log FROM action_host_result" > "$d/logs.txt"
    h2sql "$d/db" "SELECT status, COUNT(*) AS n FROM action GROUP BY status" | sed '1d;$d' | tr -d ' ' | tr '\n' ' ' > "$d/statuses.txt"
    h2sql "$d/db" "SELECT started_at FROM action WHERE started_at IS NOT NULL ORDER BY started_at" | sed '1d;$d' | tr -d ' ' > "$d/starts.txt"
    # Jobs running at once: the most start times within any 60 s (a job runs 60 s from its start).
    peak_running="$(awk '{t[NR] = $1} END {j = 1; m = 0; for (i = 1; i <= NR; i++) { while (t[i] - t[j] >= 60000) j++; if (i - j + 1 > m) m = i - j + 1 } print m}' "$d/starts.txt")"
    row="$(sed -n 2p "$d/actions.txt" | tr -d ' ')"; logs="$(sed -n 2p "$d/logs.txt" | tr -d ' ')"
    th="$(awk -F, 'NR > 1 {print $4}' "$d/proc.csv" | sort -n)"
    byapi="$(grep -o '"calls_by_api":{[^}]*}' "$d/simulator-calls.json" | sed 's/"calls_by_api"://; s/"//g')"
    record "$RUNS" "inflight run=$r launcher=$LAUNCHER_MODE xmx=${XMX:-default} load_before=$l0 load_after=$(load_avg) jobs=$JOBS actions=$(echo "$row" | cut -d'|' -f1) success=$(echo "$row" | cut -d'|' -f2) with_log=$(echo "$logs" | cut -d'|' -f2) statuses=$(tr ' ' ',' < "$d/statuses.txt") peak_running=$peak_running launch_spread_s=$(echo "$row" | awk -F'|' '{printf "%.1f", ($4 - $3) / 1000}') first_start_to_last_finish_s=$(echo "$row" | awk -F'|' '{printf "%.1f", ($5 - $3) / 1000}') peak_rss_mib=$(awk -v k="$hwm_kib" 'BEGIN{printf "%.1f", k / 1024}') threads_idle=$threads_idle threads_min=$(echo "$th" | head -1) threads_max=$(echo "$th" | tail -1) step_lag_max_s=$lag_max step_lag_mean_s=$(awk -v s="$lag_sum" -v c="$lag_count" 'BEGIN{printf "%.2f", c ? s / c : 0}') by_api=$byapi $(sed 's/^/post_/; s/ / post_/g' "$d/post.txt") $(cat "$d/wait.txt")"
    for f in "$d"/threads-*.txt; do [ -s "$f" ] && bench threads --file "$f" > "${f%.txt}-pools.txt"; done
done
stop_pid "$SIM_PID"

echo "-- in flight ($JOBS jobs of 60 s, polled every 10 s, $LAUNCHER_MODE, heap ${XMX:-default})"
grep '^inflight ' "$RUNS" > "$DIR/lines.txt"
summarize "$DIR/lines.txt" peak_running success with_log peak_rss_mib threads_max first_start_to_last_finish_s step_lag_max_s
echo "raw lines: $RUNS; per-second RSS/threads: $DIR/r*/proc.csv"
