#!/usr/bin/env bash
# Scenario 4, end to end. Target: 2,000 alerts whose jobs take 1 s, polled every 1 s, budget 200 calls/s:
# all finished with logs within 2% of the floor the budget allows. Then the budget raised out of the way
# (5,000/s): alerts/s fully processed, and where the time goes (one extra run under JDK Flight Recorder).
#
# Floor: each disk-cleanup action makes execute_job_plan + operate_job_instance(start) + ceil(d/p) polls
# + one batch_get_job_instance_ip_log per script step and 500 hosts (1 here) = 3 + ceil(1000/1000) = 4
# calls; 2,000 actions x 4 calls / 200 calls/s = 40.0 s. Target: <= 40.8 s.
# Measured: from the first alert sent to the last action's finished_at (read from the stopped bridge's
# database), with every action success and every host result carrying its log.
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/e2e"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "e2e" | tee "$RUNS"
ALERTS="${BENCH_E2E_ALERTS:-2000}"

d0="$DIR/sim"; rm -rf "$d0"; mkdir -p "$d0"
start_simulator "$d0" 1000

# run_once NAME BUDGET [extra java flags...]
run_once() {
    local name="$1" budget="$2"; shift 2
    local d="$DIR/$name"; rm -rf "$d"; mkdir -p "$d"
    reset_simulator
    start_jar "$d/bridge.log" "$PORT" "${SIM_FLAGS[@]}" -Dbridge.datasource.url="jdbc:h2:file:$d/db" \
        -Dbridge.job.max-calls-per-second="$budget" -Dbridge.job.poll-interval-ms=1000 "$@"
    local pid="$JAR_PID" l0; l0="$(load_avg)"
    if [ -n "${JFR_DUMP:-}" ]; then jcmd "$pid" JFR.start name=e2e settings=profile > /dev/null; fi
    local cpu0; cpu0="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    bench post --url "$URL" --count "$ALERTS" --clients 16 --prefix "$name" > "$d/post.txt"
    bench wait-finished --url "$URL" --count "$ALERTS" --timeout 600 --period-ms 100 --series "$d/progress.csv" > "$d/wait.txt"
    local cpu1; cpu1="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    if [ -n "${JFR_DUMP:-}" ]; then jcmd "$pid" JFR.dump name=e2e filename="$d/e2e.jfr" > /dev/null; fi
    curl -sf "$SIM_URL/simulator/calls" > "$d/simulator-calls.json"
    stop_pid "$pid"
    local first; first="$(sed -n 's/.*first_send_ms=\([0-9]*\).*/\1/p' "$d/post.txt")"
    h2sql "$d/db" "SELECT COUNT(*) AS actions, SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS success,
        MIN(created_at) AS first_created, MAX(finished_at) AS last_finished FROM action" > "$d/actions.txt"
    h2sql "$d/db" "SELECT COUNT(*) AS host_results, SUM(CASE WHEN log_content IS NOT NULL AND LENGTH(log_content) > 0 THEN 1 ELSE 0 END) AS with_log FROM action_host_result" > "$d/logs.txt"
    local row; row="$(sed -n 2p "$d/actions.txt" | tr -d ' ')"
    local logs; logs="$(sed -n 2p "$d/logs.txt" | tr -d ' ')"
    local actions success last with_log hosts
    actions="$(echo "$row" | cut -d'|' -f1)"; success="$(echo "$row" | cut -d'|' -f2)"; last="$(echo "$row" | cut -d'|' -f4)"
    hosts="$(echo "$logs" | cut -d'|' -f1)"; with_log="$(echo "$logs" | cut -d'|' -f2)"
    local calls; calls="$(grep -o '"total_calls":[0-9]*' "$d/simulator-calls.json" | cut -d: -f2)"
    local byapi; byapi="$(grep -o '"calls_by_api":{[^}]*}' "$d/simulator-calls.json" | sed 's/"calls_by_api"://; s/"//g')"
    local maxsec; maxsec="$(grep -o '"calls_per_second":{[^}]*}' "$d/simulator-calls.json" | grep -o ':[0-9]*' | tr -d : | sort -n | tail -1)"
    local elapsed; elapsed="$(awk -v a="$first" -v b="$last" 'BEGIN{printf "%.2f", (b - a) / 1000}')"
    local floor; floor="$(awk -v n="$ALERTS" -v b="$budget" 'BEGIN{printf "%.2f", n * 4 / b}')"
    record "$RUNS" "e2e $name budget=$budget load_before=$l0 load_after=$(load_avg) alerts=$ALERTS actions=$actions success=$success host_results=$hosts with_log=$with_log job_api_calls=$calls max_calls_in_a_second=$maxsec by_api=$byapi elapsed_s=$elapsed floor_s=$floor over_floor_pct=$(awk -v e="$elapsed" -v f="$floor" 'BEGIN{printf "%.1f", 100 * (e - f) / f}') alerts_per_s=$(awk -v n="$ALERTS" -v e="$elapsed" 'BEGIN{printf "%.0f", n / e}') cpu_s=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", (b - a) / hz}') $(cat "$d/post.txt" | sed 's/^/post_/; s/ / post_/g')"
}

for r in $(seq 1 "$REPS"); do run_once "b200-r$r" 200; done
for r in $(seq 1 "$REPS"); do run_once "b5000-r$r" 5000; done
if [ "${BENCH_DIAG:-1}" = 1 ]; then
    JFR_DUMP=1 run_once "b5000-jfr" 5000 -Xlog:gc:file="$DIR/b5000-jfr-gc.log"
    bench jfr --file "$DIR/b5000-jfr/e2e.jfr" --top 30 > "$DIR/b5000-jfr/jfr-report.txt"
    jfr summary "$DIR/b5000-jfr/e2e.jfr" > "$DIR/b5000-jfr/jfr-summary.txt"
fi
stop_pid "$SIM_PID"

echo "-- budget 200/s (floor $(awk -v n="$ALERTS" 'BEGIN{printf "%.1f", n * 4 / 200}') s, target <= 2% over it)"
grep "^e2e b200-" "$RUNS" > "$DIR/lines-200.txt"; summarize "$DIR/lines-200.txt" elapsed_s over_floor_pct success with_log
echo "-- budget 5000/s"
grep "^e2e b5000-r" "$RUNS" > "$DIR/lines-5000.txt"; summarize "$DIR/lines-5000.txt" elapsed_s alerts_per_s cpu_s
echo "raw lines: $RUNS; profile: $DIR/b5000-jfr/jfr-report.txt"
