#!/usr/bin/env bash
# Web figures (issue 22), whole process:
#   1. the median wall time of `graft run --once` on the shipped examples with a warm cache,
#      without and with `--http 0` (the Servlet Whiteboard installed and started);
#   2. for a servlet plugin under `graft run --http 0 --watch` (distribution's WebBenchmark):
#      edit to new answer (median, minus the debounce), requests per second of 4 clients in a
#      steady state and during 20 swaps, and the failed requests of those swaps.
# Write the figures to docs/BENCHMARKS.md by hand, with the machine, the date and how loaded it was.
#
# usage: bench/web.sh [RUNS]   (default 5; needs distribution/target/graft.jar: ./graft --version builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/common.sh
graft_jar_and_scratch

once() { # LABEL OPTION...: median of $runs warm runs of run --once on the examples
    local label=$1; shift
    "$java" -jar "$jar" run --once --site examples "$@" >/dev/null 2>&1 || true   # warms the cache
    for _ in $(seq "$runs"); do
        local begin; begin=$(millis)
        "$java" -jar "$jar" run --once --site examples "$@" >/dev/null 2>&1 || true
        echo $(( $(millis) - begin ))
    done | median | xargs printf '%-48s %6s ms\n' "$label"
}

once "run --once, examples, warm"
once "run --once --http 0, examples, warm" --http 0

mvn -B -q -o verify -pl distribution -am -Dit.test=WebBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat distribution/target/web-benchmark.md
