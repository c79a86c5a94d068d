#!/usr/bin/env bash
# Scenario 1, intake. Target: >= 3,000 alerts/s accepted (202, committed) for 60 s by 64 concurrent
# clients; p99 accept latency <= 10 ms at 500 alerts/s.
# The bridge runs as shipped (built-in simulator, default budget and JVM settings) on a fresh H2 file.
# Rate: 10 s of warm-up with 16 clients, then 60 s with 64 clients, closed loop.
# Latency: a fresh bridge, 500 alerts/s open loop for 10 s of warm-up then 30 s measured, latency from
# the planned send time (so a stall counts against every alert that should have been sent during it).
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/intake"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "intake" | tee "$RUNS"
SECONDS_RATE="${BENCH_INTAKE_SECONDS:-60}"

for r in $(seq 1 "$REPS"); do
    d="$DIR/rate-r$r"; rm -rf "$d"; mkdir -p "$d"
    start_jar "$d/bridge.log" "$PORT" -Dbridge.datasource.url="jdbc:h2:file:$d/db"
    bench intake-rate --url "$URL" --clients 16 --seconds 10 --prefix "warm-$r" > "$d/warmup.txt"
    l0="$(load_avg)"; thread_cpu "$JAR_PID" > "$d/cpu-before.txt"
    res="$(bench intake-rate --url "$URL" --clients 64 --seconds "$SECONDS_RATE" --prefix "rate-$r" --series "$d/per-second.csv")"
    thread_cpu "$JAR_PID" > "$d/cpu-after.txt"; thread_cpu_diff "$d/cpu-before.txt" "$d/cpu-after.txt" > "$d/cpu-by-thread.txt"
    cpu="$(awk '/total$/{print $1}' "$d/cpu-by-thread.txt")"; acc="$(echo "$res" | sed 's/.*accepted=\([0-9]*\).*/\1/')"
    record "$RUNS" "rate run=$r load_before=$l0 load_after=$(load_avg) $res bridge_cpu_s=$cpu bridge_cpu_ms_per_alert=$(awk -v c="$cpu" -v a="$acc" 'BEGIN{printf "%.2f", a ? 1000 * c / a : 0}') in_flight_after=$(metric bridge_actions_in_flight)"
    stop_pid "$JAR_PID"
done

for r in $(seq 1 "$REPS"); do
    d="$DIR/latency-r$r"; rm -rf "$d"; mkdir -p "$d"
    start_jar "$d/bridge.log" "$PORT" -Dbridge.datasource.url="jdbc:h2:file:$d/db"
    l0="$(load_avg)"; thread_cpu "$JAR_PID" > "$d/cpu-before.txt"
    res="$(bench intake-latency --url "$URL" --rate 500 --warmup 10 --seconds 30 --clients 32 --prefix "lat-$r")"
    thread_cpu "$JAR_PID" > "$d/cpu-after.txt"; thread_cpu_diff "$d/cpu-before.txt" "$d/cpu-after.txt" > "$d/cpu-by-thread.txt"
    record "$RUNS" "latency run=$r load_before=$l0 load_after=$(load_avg) $res bridge_cpu_s=$(awk '/total$/{print $1}' "$d/cpu-by-thread.txt")"
    stop_pid "$JAR_PID"
done

# Diagnostic (not counted): where the time goes at full intake, under JFR after the warm-up; then the same
# load with the lifecycle's timers pushed out of the way, to tell intake's own cost from the background work.
if [ "${BENCH_DIAG:-1}" = 1 ]; then
    for variant in jfr no-lifecycle; do
        d="$DIR/diag-$variant"; rm -rf "$d"; mkdir -p "$d"
        extra=()
        [ "$variant" = no-lifecycle ] && extra=(-Dbridge.lifecycle.dispatch-interval-ms=3600000 -Dbridge.cluster.renew-interval-ms=3600000 -Dbridge.callbacks.dispatch-interval-ms=3600000)
        start_jar "$d/bridge.log" "$PORT" -Dbridge.datasource.url="jdbc:h2:file:$d/db" "${extra[@]}"
        bench intake-rate --url "$URL" --clients 16 --seconds 10 --prefix "warm-$variant" > "$d/warmup.txt"
        [ "$variant" = jfr ] && jcmd "$JAR_PID" JFR.start name=intake settings=profile > /dev/null
        l0="$(load_avg)"; thread_cpu "$JAR_PID" > "$d/cpu-before.txt"
        res="$(bench intake-rate --url "$URL" --clients 64 --seconds 30 --prefix "diag-$variant")"
        thread_cpu "$JAR_PID" > "$d/cpu-after.txt"; thread_cpu_diff "$d/cpu-before.txt" "$d/cpu-after.txt" > "$d/cpu-by-thread.txt"
        if [ "$variant" = jfr ]; then
            jcmd "$JAR_PID" JFR.dump name=intake filename="$d/intake.jfr" > /dev/null
            bench jfr --file "$d/intake.jfr" --top 30 > "$d/jfr-report.txt"
        fi
        cpu="$(awk '/total$/{print $1}' "$d/cpu-by-thread.txt")"; acc="$(echo "$res" | sed 's/.*accepted=\([0-9]*\).*/\1/')"
        record "$RUNS" "diag-$variant (30 s, not counted) load_before=$l0 $res bridge_cpu_s=$cpu bridge_cpu_ms_per_alert=$(awk -v c="$cpu" -v a="$acc" 'BEGIN{printf "%.2f", a ? 1000 * c / a : 0}')"
        stop_pid "$JAR_PID"
    done
fi

echo "-- intake rate (64 clients, ${SECONDS_RATE} s), alerts/s accepted"
grep '^rate ' "$RUNS" > "$DIR/rate-lines.txt"; summarize "$DIR/rate-lines.txt" rate min_second p99_ms bridge_cpu_ms_per_alert
echo "-- accept latency at 500 alerts/s"
grep '^latency ' "$RUNS" > "$DIR/latency-lines.txt"; summarize "$DIR/latency-lines.txt" p50_ms p99_ms p999_ms max_ms
echo "raw lines: $RUNS"
