#!/usr/bin/env bash
# Diagnostic (not a target): the intake rate with PostgreSQL as the store instead of the embedded H2, to
# check what intake's group commit (one writer thread, one connection) does to a server database. Per
# run: a new database, the bridge as shipped pointed at it, 10 s of warm-up with 16 clients, then 64
# clients for 30 s, closed loop; the database is dropped afterwards.
# Needs psql and a PostgreSQL that takes BENCH_PG_USER (default postgres, no password) at BENCH_PG_HOST
# (default 127.0.0.1:5432). Usage: bench/diag/intake-postgres.sh [runs]   (default 1)
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/intake-postgres"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1:5432}"; PG_USER="${BENCH_PG_USER:-postgres}"
header "intake-postgres" | tee "$RUNS"
pg() { PGOPTIONS="-c client_min_messages=warning" psql -q -h "${PG_HOST%:*}" -p "${PG_HOST#*:}" -U "$PG_USER" "$@"; }
for r in $(seq 1 "${1:-1}"); do
    d="$DIR/r$r"; rm -rf "$d"; mkdir -p "$d"; db="bench_intake_$r"
    pg -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" > /dev/null
    start_jar "$d/bridge.log" "$PORT" -Dbridge.datasource.url="jdbc:postgresql://$PG_HOST/$db" \
        -Dbridge.datasource.username="$PG_USER" -Dbridge.datasource.password=
    bench intake-rate --url "$URL" --clients 16 --seconds 10 --prefix "warm-$r" > "$d/warmup.txt"
    thread_cpu "$JAR_PID" > "$d/cpu-before.txt"
    res="$(bench intake-rate --url "$URL" --clients 64 --seconds 30 --prefix "pg-$r")"
    thread_cpu "$JAR_PID" > "$d/cpu-after.txt"; thread_cpu_diff "$d/cpu-before.txt" "$d/cpu-after.txt" > "$d/cpu-by-thread.txt"
    record "$RUNS" "intake-postgres run=$r load_after=$(load_avg) $res bridge_cpu_s=$(awk '/total$/{print $1}' "$d/cpu-by-thread.txt")"
    stop_pid "$JAR_PID"
    pg -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null
done
echo "raw lines: $RUNS"
