#!/usr/bin/env bash
# Scenario 5, start. Target: from `java -jar` to 200 on /observe/health/ready in <= 2 s; idle RSS <= 200 MiB.
# The jar as shipped (no JVM flags, built-in simulator on, routes/ and actions/ of the repository), a new
# H2 file each run (so the schema migration is part of the start, as on first install). The clock starts
# just before the process is spawned; /observe/health/ready is polled every 10 ms. RSS is read at ready
# and after 30 s idle (no requests besides the readiness polls).
# Then one diagnostic start (not counted) with a JFR recording from the first instruction and native
# memory tracking, to say where the start time and the idle memory go.
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/start"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "start" | tee "$RUNS"
IDLE="${BENCH_START_IDLE:-30}"

for r in $(seq 1 "$REPS"); do
    d="$DIR/r$r"; rm -rf "$d"
    port_free "$PORT" || { echo "port $PORT is taken" >&2; exit 1; }
    l0="$(load_avg)"
    res="$(bench start --jar "$JAR" --port "$PORT" --dir "$d" --idle "$IDLE")"
    record "$RUNS" "start run=$r load_before=$l0 $res"
done
# The same with an existing database (a restart: migrations already applied).
for r in $(seq 1 "$REPS"); do
    d="$DIR/r$r"
    l0="$(load_avg)"
    res="$(bench start --jar "$JAR" --port "$PORT" --dir "$d" --idle 1)"
    record "$RUNS" "restart run=$r load_before=$l0 $res"
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

echo "-- start (fresh database)"; grep '^start ' "$RUNS" > "$DIR/start-lines.txt"
summarize "$DIR/start-lines.txt" ready_ms rss_ready_mib rss_idle_mib threads_idle
echo "-- restart (existing database)"; grep '^restart ' "$RUNS" > "$DIR/restart-lines.txt"
summarize "$DIR/restart-lines.txt" ready_ms rss_ready_mib
echo "raw lines: $RUNS; diagnostics in $DIR/diag"
