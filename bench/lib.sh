# Shared helpers of the bench scenarios (sourced, never run). Everything runs from the repository root,
# as the jar is run there (it reads application.properties, routes/ and actions/ from the working directory).
#
# Environment (all optional):
#   BENCH_JAR       the bridge jar under test              (default target/alert-job-bridge.jar)
#   BENCH_OUT       where logs, series and recordings go  (default /tmp/alert-job-bridge-bench)
#   BENCH_REPS      repetitions of each measurement       (default 3)
#   BENCH_PORT      the bridge's HTTP port                (default 18080)
#   BENCH_SIM_PORT  the separate simulator's HTTP port    (default 18090)
#   BENCH_HOME      the folder the jar runs in, holding application.properties, routes/ and actions/
#                   (default the repository root; a copy keeps a long run safe from edits in the tree)
#   BENCH_LAUNCHER  how the bridge under test is started: "bin" (default) bin/alert-job-bridge, the
#                   shipped launcher with its JVM settings; "java" plain java -jar with no flags but
#                   the scenario's. The separate simulator always runs with plain java.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"
JAR="$(realpath "${BENCH_JAR:-target/alert-job-bridge.jar}")"
cd "${BENCH_HOME:-$REPO}"
OUT="${BENCH_OUT:-/tmp/alert-job-bridge-bench}"
REPS="${BENCH_REPS:-3}"
PORT="${BENCH_PORT:-18080}"
SIM_PORT="${BENCH_SIM_PORT:-18090}"
LAUNCHER_MODE="${BENCH_LAUNCHER:-bin}"
LAUNCHER="$REPO/bin/alert-job-bridge"
URL="http://127.0.0.1:$PORT"
SIM_URL="http://127.0.0.1:$SIM_PORT"

[ -f "$JAR" ] || { echo "no jar at $JAR: build it with mvn -B -q package -Dmaven.test.skip=true" >&2; exit 1; }
mkdir -p "$OUT"

# The load generator, compiled once per change of bench/Bench.java.
CLASSES="$OUT/bench-classes"
if [ ! -f "$CLASSES/Bench.class" ] || [ "$BENCH_DIR/Bench.java" -nt "$CLASSES/Bench.class" ]; then
    mkdir -p "$CLASSES" && javac -d "$CLASSES" "$BENCH_DIR/Bench.java"
fi
bench() { java -cp "$CLASSES" Bench "$@"; }

# The processes this script started, stopped on exit whatever happens (by pid, never by name).
STARTED_PIDS=()
cleanup() {
    local p
    for p in "${STARTED_PIDS[@]:-}"; do
        [ -n "$p" ] && kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null || true
    done
}
trap cleanup EXIT

load_avg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_jar LOG PORT [java flags...]: starts the jar in the background, waits until ready; sets JAR_PID.
start_jar() {
    local log="$1" port="$2"; shift 2
    port_free "$port" || { echo "port $port is taken: set BENCH_PORT / BENCH_SIM_PORT" >&2; exit 1; }
    if [ "${START_WITH:-$LAUNCHER_MODE}" = bin ]; then
        # The launcher execs java: $! is the bridge's JVM.
        JAVA_OPTS="$* -Dbridge.http.port=$port" BRIDGE_JAR="$JAR" "$LAUNCHER" > "$log" 2>&1 &
    else
        java "$@" -Dbridge.http.port="$port" -jar "$JAR" > "$log" 2>&1 &
    fi
    JAR_PID=$!
    STARTED_PIDS+=("$JAR_PID")
    local i
    for i in $(seq 1 900); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/observe/health/ready"; then
            return 0
        fi
        kill -0 "$JAR_PID" 2>/dev/null || { echo "the jar exited; see $log" >&2; tail -20 "$log" >&2; exit 1; }
        sleep 0.2
    done
    echo "the jar was not ready within 180 s; see $log" >&2
    exit 1
}

# start_simulator DIR JOB_DURATION_MS: the built-in simulator alone in its own process (no routes, no actions),
# as src/test/java/io/alertjobbridge/support/SimulatorProcess.java starts it; sets SIM_PID.
start_simulator() {
    local dir="$1" duration="$2"
    mkdir -p "$dir/empty"
    START_WITH=java start_jar "$dir/simulator.log" "$SIM_PORT" -Xmx512m \
        -Dbridge.simulator.enabled=true -Dbridge.routes.dir="$dir/empty" -Dbridge.actions.dir="$dir/empty" \
        -Dbridge.datasource.url="jdbc:h2:mem:simulator;DB_CLOSE_DELAY=-1" \
        -Dbridge.simulator.job-duration-ms="$duration"
    SIM_PID=$JAR_PID
}

reset_simulator() { curl -sf -X POST "$SIM_URL/simulator/reset" > /dev/null; }

# The flags that point a bridge at the separate simulator.
SIM_FLAGS=(-Dbridge.job.base-url="$SIM_URL" -Dbridge.simulator.enabled=false)

# stop_pid PID: SIGTERM, then SIGKILL after 40 s.
stop_pid() {
    local pid="$1" i
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# sample_proc PID FILE: every second, epoch_s,rss_kib,hwm_kib,threads of the process, until it exits.
sample_proc() {
    local pid="$1" file="$2"
    echo "epoch_s,rss_kib,hwm_kib,threads" > "$file"
    while kill -0 "$pid" 2>/dev/null; do
        awk -v t="$(date +%s)" '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} /^Threads:/{n=$2} END{if (r) print t "," r "," h "," n}' \
            "/proc/$pid/status" >> "$file" 2>/dev/null || true
        sleep 1
    done
}

# h2sql DBFILE SQL: a query against a stopped bridge's H2 file, with the H2 shell inside the jar.
h2sql() {
    java -cp "$JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1" -user sa -password "" -sql "$2"
}

# metric NAME: the sum of a Prometheus series of the running bridge (all labels).
metric() {
    curl -sf "$URL/observe/metrics" | awk -v n="$1" '$1 == n || index($1, n "{") == 1 {s += $NF} END {printf "%.6g\n", s}'
}

# summarize FILE KEY...: median, min and max of each key=value over the run lines of FILE.
summarize() {
    local file="$1"; shift
    local key
    for key in "$@"; do
        grep -o "\b$key=[-0-9.]*" "$file" | cut -d= -f2 | sort -g | awk -v k="$key" '
            {v[NR] = $1}
            END {
                if (NR == 0) { print k ": no values"; exit }
                med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                spread = (med != 0) ? 100 * (v[NR] - v[1]) / med : 0
                printf "%-28s median %-10s min %-10s max %-10s (n=%d, spread %.1f%% of median)\n", k, med, v[1], v[NR], NR, spread
            }'
    done
}

# A run line: "run=N load=1m/5m/15m key=value ...", kept in FILE and printed.
record() {
    local file="$1"; shift
    echo "$*" | tee -a "$file"
}

header() {
    echo "== $1 on $(hostname), $(nproc) cores, $(java -version 2>&1 | head -1), jar $(sha256sum "$JAR" | cut -c1-12), $(date -u +%FT%TZ)"
}

# thread_cpu PID: one line per thread, "ticks name" (user + system clock ticks; names as the JVM set them,
# cut to 15 characters by the kernel). Two snapshots and thread_cpu_diff tell which threads burnt the CPU.
thread_cpu() {
    local pid="$1" t
    for t in /proc/"$pid"/task/*; do
        [ -r "$t/stat" ] || continue
        # The name is in parentheses and may hold spaces: take the fields after the closing one.
        sed -E 's/^[0-9]+ \((.*)\) [A-Z] (.*)$/\2|\1/' "$t/stat" 2>/dev/null \
            | awk -F'|' -v tid="${t##*/}" '{split($1, f, " "); print tid, f[11] + f[12], $2}' || true
    done
}
# thread_cpu_diff BEFORE AFTER: CPU seconds per thread group (digits folded) between two snapshots.
thread_cpu_diff() {
    awk -v hz="$(getconf CLK_TCK)" 'NR == FNR {b[$1] = $2; next}
        {name = ""; for (i = 3; i <= NF; i++) name = name (i > 3 ? " " : "") $i; gsub(/[0-9]+/, "#", name)
         d = $2 - ($1 in b ? b[$1] : 0); s[name] += d; tot += d}
        END {for (n in s) if (s[n] > 0) printf "%8.1f s %5.1f%%  %s\n", s[n] / hz, 100 * s[n] / tot, n; printf "%8.1f s total\n", tot / hz}' "$1" "$2" | sort -rn
}
