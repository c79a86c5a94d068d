#!/usr/bin/env bash
# Scenario 5, start. Target: from `java -jar` to 200 on /observe/health/ready in <= 2 s; idle RSS <= 200 MiB.
# The jar started by bin/alert-job-bridge and, for comparison, by plain java -jar with no JVM flags
# (built-in simulator on, routes/ and actions/ of the repository), a new
# H2 file each run (so the schema migration is part of the start, as on first install). The clock starts
# just before the process is spawned; /observe/health/ready is polled every 10 ms. RSS is read at ready
# and after 30 s idle (no requests besides the readiness polls).
# Then one diagnostic start (not counted) with a JFR recording from the first instruction and native
# memory tracking, to say where the start time and the idle memory go.
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/start"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "start" | tee "$RUNS"
IDLE="${BENCH_START_IDLE:-30}"

# Two ways to start: the launcher (bin/alert-job-bridge: heap, serial GC, class-data archive) and plain
# `java -jar` with no flags. The launcher's archive is written once per jar before the counted runs
# (its one-off cost is recorded as archive_s).
if [ "$LAUNCHER_MODE" = bin ]; then
    rm -f "${JAR%.jar}.jsa"
    t0=$(date +%s%N)
    BRIDGE_JAR="$JAR" JAVA_OPTS="-Dbridge.http.port=$PORT -Dbridge.datasource.url=jdbc:h2:mem:archive" timeout 120 "$LAUNCHER" -d 1 > "$DIR/archive.log" 2>&1 || true
    record "$RUNS" "archive jsa=${JAR%.jar}.jsa archive_s=$(awk -v n=$(( $(date +%s%N) - t0 )) 'BEGIN{printf "%.1f", n / 1e9}')"
fi
for mode in bin java; do
    [ "$mode" = bin ] && [ "$LAUNCHER_MODE" != bin ] && continue
    launch=(); [ "$mode" = bin ] && launch=(--launcher "$LAUNCHER")
    for r in $(seq 1 "$REPS"); do
        d="$DIR/$mode-r$r"; rm -rf "$d"
        port_free "$PORT" || { echo "port $PORT is taken" >&2; exit 1; }
        l0="$(load_avg)"
        res="$(bench start --jar "$JAR" --port "$PORT" --dir "$d" --idle "$IDLE" "${launch[@]}")"
        record "$RUNS" "start mode=$mode run=$r load_before=$l0 $res"
    done
    # The same with an existing database (a restart: migrations already applied).
    for r in $(seq 1 "$REPS"); do
        d="$DIR/$mode-r$r"
        l0="$(load_avg)"
        res="$(bench start --jar "$JAR" --port "$PORT" --dir "$d" --idle 1 "${launch[@]}")"
        record "$RUNS" "restart mode=$mode run=$r load_before=$l0 $res"
    done
done

if [ "${BENCH_DIAG:-1}" = 1 ]; then
    d="$DIR/diag"; rm -rf "$d"; mkdir -p "$d"
    res="$(bench start --jar "$JAR" --port "$PORT" --dir "$d" --idle "$IDLE" --keep yes \
        --jvm "-XX:NativeMemoryTracking=summary -XX:StartFlightRecording=filename=$d/start.jfr,settings=profile")"
    pid="$(echo "$res" | sed -n 's/^pid=//p')"; STARTED_PIDS+=("$pid")
    jcmd "$pid" VM.native_memory summary > "$d/nmt.txt"
    jcmd "$pid" GC.heap_info > "$d/heap.txt"
    jcmd "$pid" Thread.print > "$d/threads.txt"
    jcmd "$pid" JFR.dump filename="$d/start.jfr" > /dev/null
    stop_pid "$pid"
    record "$RUNS" "diag (NMT+JFR, not counted) $(echo "$res" | grep ready_ms)"
    bench jfr --file "$d/start.jfr" --top 20 > "$d/jfr-report.txt"
    bench threads --file "$d/threads.txt" > "$d/thread-pools.txt"
    grep -E "^(Total|-)|committed=" "$d/nmt.txt" | grep -E "Total|Java Heap|Class|Thread|Code|GC|Internal|Other|Symbol|Metaspace|Arena" \
        | sed 's/^ *//' | head -30 > "$d/nmt-brief.txt"
fi

for mode in bin java; do
    grep "^start mode=$mode " "$RUNS" > "$DIR/start-$mode-lines.txt" || continue
    echo "-- start, $mode (fresh database)"
    summarize "$DIR/start-$mode-lines.txt" ready_ms rss_ready_mib rss_idle_mib threads_idle
    echo "-- restart, $mode (existing database)"; grep "^restart mode=$mode " "$RUNS" > "$DIR/restart-$mode-lines.txt"
    summarize "$DIR/restart-$mode-lines.txt" ready_ms rss_ready_mib
done
echo "raw lines: $RUNS; diagnostics in $DIR/diag"
