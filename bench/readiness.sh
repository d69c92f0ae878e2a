#!/usr/bin/env bash
# Readiness and stuck starts, whole process (issues 24 and 15): the median wall time of
# `graft run --once` with a warm cache on
#   1. the shipped examples,
#   2. the examples and one plugin whose component waits for its configuration (REQUIRE),
#   3. the examples and one plugin whose activator never returns (goal: start deadline + case 1),
# and the time from SIGTERM to exit of `graft run` with that stuck plugin (goal: < 2 s). SIGTERM
# runs the same shutdown hook as Ctrl-C; a background job of a script ignores SIGINT.
# Run on a quiet machine; write the figures to docs/BENCHMARKS.md by hand.
#
# usage: bench/readiness.sh [RUNS]   (default 5; needs distribution/target/graft.jar: ./graft --version builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/common.sh
graft_jar_and_scratch

plugin() { # NAME FILE-BODY: a plugin folder under $work/NAME-site
    mkdir -p "$work/$1-site/$1/src/$1"
    printf '%s\n' "$2" > "$work/$1-site/$1/src/$1/Main.java"
}
plugin required 'package required;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, service = Main.class)
public class Main {
    @Activate
    void activate(Map<String, Object> properties) {
    }
}'
plugin stuck 'package stuck;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

public class Main implements BundleActivator {
    public void start(BundleContext context) throws Exception {
        Object lock = new Object();
        synchronized (lock) {
            while (lock != null) {
                try {
                    lock.wait();
                } catch (InterruptedException ignored) {
                }
            }
        }
    }
    public void stop(BundleContext context) {
    }
}'


once() { # LABEL SITE...: median of $runs warm runs
    local label=$1; shift
    local args=(run --once --site examples)
    for s in "$@"; do args+=(--site "$s"); done
    "$java" -jar "$jar" "${args[@]}" >/dev/null 2>&1 || true   # warms the cache
    for _ in $(seq "$runs"); do
        local begin; begin=$(millis)
        "$java" -jar "$jar" "${args[@]}" >/dev/null 2>&1 || true
        echo $(( $(millis) - begin ))
    done | median | xargs printf '%-48s %6s ms\n' "$label"
}

once "run --once, examples" 
once "run --once, examples + a REQUIRE plugin" "$work/required-site"
once "run --once, examples + a stuck activator" "$work/stuck-site"

for _ in $(seq "$runs"); do
    err="$work/err"
    "$java" -jar "$jar" run --site examples --site "$work/stuck-site" >/dev/null 2>"$err" &
    pid=$!
    until grep -q "graft: running" "$err"; do
        kill -0 "$pid" 2>/dev/null || { cat "$err" >&2; exit 1; }
        sleep 0.05
    done
    begin=$(millis)
    kill -TERM "$pid"
    wait "$pid" || true
    echo $(( $(millis) - begin ))
done | median | xargs printf '%-48s %6s ms\n' "SIGTERM (as Ctrl-C) to exit, with a stuck activator"
