#!/usr/bin/env bash
# One command per scenario of issue 6, from the repository root:
#   bench/run.sh intake|inflight|throttle|e2e|start|mapping|all
# See docs/BENCHMARKS.md for what each measures, its target and the figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
case "${1:-}" in
    intake|inflight|throttle|e2e|start|mapping)
        exec "$here/scenarios/$1.sh" ;;
    all)
        for s in start mapping intake throttle e2e inflight; do "$here/scenarios/$s.sh"; done ;;
    *)
        echo "usage: bench/run.sh intake|inflight|throttle|e2e|start|mapping|all" >&2; exit 2 ;;
esac
