#!/usr/bin/env bash
# What the standard services of every runtime cost a warm start (issue 22): the median wall time of
# `graft run --once` on the five plugins of the examples that need no web (greeter-api, hello,
# bonjour, uptime, greetings), or on greeter-api and PLUGINS copies of hello (each in a package of
# its own), warm cache, with graft.jar as built and with copies of it that lack
#   - the Jakarta Servlet API bundle (what every runtime carries of the web without --http),
#   - Felix Log and Felix Event Admin,
#   - all three.
# The runs of the four jars alternate, so that a machine that gets busier slows them alike.
# Write the figures to docs/BENCHMARKS.md by hand, with the machine, the date and how loaded it was.
#
# usage: bench/standard-services.sh [RUNS [PLUGINS]]   (default 11 runs on the five examples; needs
#        distribution/target/graft.jar (./graft --version builds it) and zip)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
copies=${2:-0}
command -v zip >/dev/null || { echo "zip is needed (apt-get install zip)" >&2; exit 2; }
. bench/common.sh
graft_jar_and_scratch

mkdir -p "$work/site"
if [ "$copies" -eq 0 ]; then
    for p in greeter-api hello bonjour uptime greetings; do cp -r "examples/$p" "$work/site/"; done
    what="5 plugins"
else
    cp -r examples/greeter-api "$work/site/"
    for i in $(seq -w 1 "$copies"); do
        mkdir -p "$work/site/hello$i/src/com/example/hello$i"
        cp examples/hello/bnd.bnd "$work/site/hello$i/"
        sed "s/^package com.example.hello;/package com.example.hello$i;/" examples/hello/src/com/example/hello/HelloGreeter.java \
            > "$work/site/hello$i/src/com/example/hello$i/HelloGreeter.java"
    done
    what="$((copies + 1)) plugins"
fi

variant() { # NAME ENTRY-PATTERN...: a copy of graft.jar without the bundles the patterns name
    local name=$1; shift
    cp "$jar" "$work/$name.jar"
    for pattern in "$@"; do zip -q -d "$work/$name.jar" "graft/bundles/$pattern"; done
}
cp "$jar" "$work/stock.jar"
variant no-servlet 'org.apache.felix.http.servlet-api-*.jar'
variant no-log-events 'org.apache.felix.log-*.jar' 'org.apache.felix.eventadmin-*.jar'
variant none 'org.apache.felix.http.servlet-api-*.jar' 'org.apache.felix.log-*.jar' 'org.apache.felix.eventadmin-*.jar'
variants="stock no-servlet no-log-events none"

once() { # VARIANT: one warm run, its wall time in ms
    local begin; begin=$(millis)
    "$java" -jar "$work/$1.jar" run --once --site "$work/site" --cache "$work/cache-$1" --cache-max-entries 5000 >/dev/null 2>&1 \
        || { echo "graft run --once failed with $1.jar" >&2; exit 1; }
    echo $(( $(millis) - begin ))
}

for v in $variants; do once "$v" >/dev/null; done   # fills each variant's cache (its host fingerprint differs)
for _ in $(seq "$runs"); do
    for v in $variants; do echo "$v $(once "$v")"; done
done > "$work/times"

stock=$(awk '$1 == "stock" {print $2}' "$work/times" | median)
printf '%-60s %8s %6s\n' "graft.jar (warm run --once, $what, $runs runs)" "median" "ratio"
for v in $variants; do
    m=$(awk -v v="$v" '$1 == v {print $2}' "$work/times" | median)
    printf '%-60s %5s ms %6s\n' "$v" "$m" "$(awk -v a="$stock" -v b="$m" 'BEGIN {printf "%.2fx", a / b}')"
done
echo "(ratio: the stock jar's median over the variant's; above 1 means the stock jar is slower)"
