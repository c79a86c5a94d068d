#!/usr/bin/env bash
# Scenario 3, throttle. Target, with bridge.job.max-calls-per-second at 50, 200 and 1,000: no 1-second
# window at the simulator above the limit, and >= 98% of the budget used while work is waiting.
#
# The simulator runs in its own process (jobs of 45 s); the bridge polls every 1 s. 2 x limit alerts are
# posted at once, so once they are in, more calls are due than the budget allows (2 x limit running
# jobs each want a poll a second, on top of the launches): work is waiting throughout. The simulator
# counts the calls it receives per epoch second (GET /simulator/calls). Checked: every second of the run
# (no second above the limit); budget used over 20 whole seconds starting 5 s after the first call or
# 2 s after the last alert was accepted, whichever is later (so the whole workload is in: at 1,000/s
# posting 2,000 alerts can take longer than 5 s), and before the first jobs end.
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/throttle"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "throttle" | tee "$RUNS"
LIMITS="${BENCH_THROTTLE_LIMITS:-50 200 1000}"

d0="$DIR/sim"; rm -rf "$d0"; mkdir -p "$d0"
start_simulator "$d0" 45000
for limit in $LIMITS; do
    for r in $(seq 1 "$REPS"); do
        d="$DIR/l$limit-r$r"; rm -rf "$d"; mkdir -p "$d"
        reset_simulator
        start_jar "$d/bridge.log" "$PORT" "${SIM_FLAGS[@]}" -Dbridge.datasource.url="jdbc:h2:file:$d/db" \
            -Dbridge.job.max-calls-per-second="$limit" -Dbridge.job.poll-interval-ms=1000
        l0="$(load_avg)"
        alerts=$((2 * limit))
        bench post --url "$URL" --count "$alerts" --clients 16 --prefix "thr-$limit-$r" > "$d/post.txt"
        # The window: 20 s from max(first call + 5 s, last alert accepted + 2 s).
        first=""
        for i in $(seq 1 100); do
            first="$(curl -sf "$SIM_URL/simulator/calls" | grep -o '"calls_per_second":{"[0-9]*' | grep -o '[0-9]*$' || true)"
            [ -n "$first" ] && break
            sleep 0.2
        done
        [ -n "$first" ] || { echo "no call reached the simulator" >&2; exit 1; }
        last_ack=$(( $(sed -n 's/.*last_ack_ms=\([0-9]*\).*/\1/p' "$d/post.txt") / 1000 ))
        from=$(( first + 5 > last_ack + 2 ? first + 5 : last_ack + 2 )); to=$((from + 20))
        while [ "$(date +%s)" -lt $((to + 1)) ]; do sleep 0.5; done
        waitsum="$(metric bridge_job_api_budget_wait_seconds_sum)"; waitcount="$(metric bridge_job_api_budget_wait_seconds_count)"
        inflight="$(metric bridge_actions_in_flight)"
        bench wait-finished --url "$URL" --count "$alerts" --timeout 300 > "$d/wait.txt"
        res="$(bench throttle --sim "$SIM_URL" --limit "$limit" --from "$from" --to "$to" --series "$d/per-second.csv")"
        record "$RUNS" "throttle limit=$limit run=$r load_before=$l0 load_after=$(load_avg) alerts=$alerts in_flight_at_window_end=$inflight budget_waits_so_far=$waitcount budget_wait_mean_s=$(awk -v s="$waitsum" -v c="$waitcount" 'BEGIN{printf "%.3f", c ? s / c : 0}') $(cat "$d/wait.txt") $res"
        stop_pid "$JAR_PID"
    done
done
stop_pid "$SIM_PID"

for limit in $LIMITS; do
    echo "-- limit $limit"
    grep "^throttle limit=$limit " "$RUNS" > "$DIR/lines-$limit.txt"
    summarize "$DIR/lines-$limit.txt" max_second seconds_over_limit used_pct min_window_second
done
echo "raw lines: $RUNS"
