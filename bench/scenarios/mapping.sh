#!/usr/bin/env bash
# Scenario 6, mapping (JMH). Target: the disk clean-up example's variables rendered >= 200,000 times per
# second on one core (one benchmark thread), templates compiled once. Three forks = three repetitions;
# each fork: 5 warm-up iterations of 2 s, then 5 measured iterations of 2 s.
# Builds bench/jmh against the jar under test first (Maven, JMH 1.37 from Maven Central).
source "$(dirname "$0")/../lib.sh"
DIR="$OUT/mapping"; mkdir -p "$DIR"; RUNS="$DIR/runs-$(date +%s).txt"
header "mapping" | tee "$RUNS"
JAR_ABS="$JAR"
mvn -B -q -f "$BENCH_DIR/jmh/pom.xml" package -Dbridge.jar="$JAR_ABS"
l0="$(load_avg)"
java -cp "$BENCH_DIR/jmh/target/alert-job-bridge-jmh.jar:$JAR_ABS" org.openjdk.jmh.Main MappingBenchmark \
    -t 1 -f "$REPS" -wi 5 -w 2s -i 5 -r 2s -rf json -rff "$DIR/jmh.json" | tee "$DIR/jmh.txt"
echo "load_before=$l0 load_after=$(load_avg)" | tee -a "$RUNS"
bench jmh --file "$DIR/jmh.json" | tee -a "$RUNS"
