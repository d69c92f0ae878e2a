#!/usr/bin/env bash
# Graft inside OSGi applications that are not its launcher (issue 12): for the shipped examples
# (examples/), the time from a dev.graft.site configuration appearing in a running framework to
# the site's plugins loaded with every component settled (the site component's "N loaded, M failed"
# log line), on
#   1. Apache Felix 7 and 2. Eclipse Equinox: a fresh JVM per run (bench SiteInFramework) starts the
#      bundles graft.jar carries, waits for Graft's loader, then creates the configuration through
#      Configuration Admin; also printed: JVM start to loaded;
#   3. a stock Apache Karaf 4.4.10 with the feature graft (installed at boot from the build's
#      features repository, offline): the configuration appears as etc/dev.graft.site-examples.cfg,
#      so Felix FileInstall's poll of etc/ (1 s in stock Karaf) is part of the time;
# side by side with `graft run --once --site examples`, whole process. Each figure is the median of
# RUNS runs with a warm cache (one unmeasured run first fills it). Write the figures to
# docs/BENCHMARKS.md by hand, with the machine, the date and how loaded the machine was.
#
# usage: bench/frameworks.sh [RUNS]   (default 5; needs `mvn -o verify` (or package) done: graft.jar,
#        bench classes, and karaf/target/repository laid out by the Karaf test)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
jar=$root/distribution/target/graft.jar
classes=$root/bench/target/classes
repository=$root/karaf/target/repository
features=$root/karaf/target/feature/features.xml
m2=${M2_REPO:-$HOME/.m2/repository}
felix=$m2/org/apache/felix/org.apache.felix.framework/7.0.5/org.apache.felix.framework-7.0.5.jar
equinox=$m2/org/eclipse/platform/org.eclipse.osgi/3.24.300/org.eclipse.osgi-3.24.300.jar
karaf_archive=$m2/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.tar.gz
for f in "$jar" "$classes/dev/graft/bench/SiteInFramework.class" "$repository" "$features" "$felix" "$equinox" "$karaf_archive"; do
    [ -e "$f" ] || { echo "missing $f: run mvn -B -o verify first" >&2; exit 2; }
done
java=${JAVA:-java}
version=$(sed -n 's|.*<version>\(.*-SNAPSHOT\)</version>.*|\1|p' pom.xml | head -n 1)
work=$(mktemp -d)
karaf_pid=
cleanup() {
    if [ -n "$karaf_pid" ]; then kill -TERM "$karaf_pid" 2>/dev/null || true; wait "$karaf_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CACHE_HOME="$work/xdg"
unset GRAFT_SITES
examples=$root/examples

. "$root/bench/common.sh"

# 1, 2: Felix and Equinox, one JVM per run
in_framework() { # LABEL FRAMEWORK_JAR
    local out=$work/$1.txt
    "$java" -cp "$classes:$2" dev.graft.bench.SiteInFramework "$jar" "$examples" >/dev/null 2>&1   # fills the cache
    for _ in $(seq "$runs"); do
        "$java" -cp "$classes:$2" dev.graft.bench.SiteInFramework "$jar" "$examples" 2>/dev/null | grep '^framework='
    done > "$out"
    grep -q 'failed=0' "$out" || { echo "$1: a plugin failed: $(cat "$out")" >&2; exit 1; }
    printf '%-44s %6s ms   (JVM start to loaded %s ms; %s)\n' "$1, configuration to loaded" \
        "$(grep -o 'config-to-loaded-ms=[0-9.]*' "$out" | cut -d= -f2 | median)" \
        "$(grep -o 'process-to-loaded-ms=[0-9]*' "$out" | cut -d= -f2 | median)" \
        "$(head -n 1 "$out" | sed 's/^framework=\([^ ]* [^ ]*\).*/\1/')"
}
in_framework "Felix" "$felix"
in_framework "Equinox" "$equinox"

# 3: Karaf, one boot per run (its data/ wiped: the feature installs at each boot, not measured)
mkdir -p "$work/karaf" "$work/empty-site" "$work/repository"
tar xzf "$karaf_archive" -C "$work/karaf"
home=$work/karaf/apache-karaf-4.4.10
cp -r "$repository/." "$work/repository/"
feature_dir=$work/repository/dev/graft/graft-karaf/$version
mkdir -p "$feature_dir" && cp "$features" "$feature_dir/graft-karaf-$version-features.xml"
python3 - "$home" "$work/repository" "$version" <<'PY'
import re, sys, pathlib
home, repo, version = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
mvn = home / "etc/org.ops4j.pax.url.mvn.cfg"
t = mvn.read_text()
t = re.sub(r"(?m)^org\.ops4j\.pax\.url\.mvn\.repositories\s*=(?:.*\\\n)*.*$", "org.ops4j.pax.url.mvn.repositories =", t)
t = t.replace("@id=child.system.repository@snapshots", "@id=child.system.repository@snapshots, \\\n    " + repo.as_uri() + "@id=graft.build@snapshots")
t += "\norg.ops4j.pax.url.mvn.localRepository = %s\norg.ops4j.pax.url.mvn.offline = true\n" % (home / "m2")
mvn.write_text(t)
f = home / "etc/org.apache.karaf.features.cfg"
t = f.read_text()
t = t.replace("featuresRepositories = \\\n", "featuresRepositories = \\\n    mvn:dev.graft/graft-karaf/%s/xml/features, \\\n" % version)
t = t.replace("featuresBoot = \\\n", "featuresBoot = \\\n    graft, \\\n")
t = re.sub(r"(?m)^\s*(ssh|management)/[^,\n]*, \\\n", "", t)
f.write_text(t)
PY
await_log() { # PATTERN TIMEOUT_S: wait until karaf.log holds a line matching PATTERN
    local deadline=$(( $(date +%s) + $2 ))
    until grep -qF -- "$1" "$home/data/log/karaf.log" 2>/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "Karaf: no '$1' in $2 s" >&2; tail -n 40 "$home/data/log/karaf.log" >&2; exit 1; }
        sleep 0.02
    done
}
karaf_run() { # prints config-to-loaded ms
    rm -rf "$home/data" "$home/etc/dev.graft.site-"*.cfg
    (cd "$home" && KARAF_EXEC=exec JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")} \
        exec bin/karaf server >/dev/null 2>&1) &
    karaf_pid=$!
    # Graft is up once it answers a first configuration, of an empty site
    echo "path = $work/empty-site" > "$home/etc/dev.graft.site-ready.cfg"
    await_log "site $work/empty-site: 0 loaded, 0 failed" 120
    local begin; begin=$(millis)
    printf 'path = %s\nwatch = false\n' "$examples" > "$home/etc/dev.graft.site-examples.cfg"
    await_log "site $examples: 5 loaded, 0 failed" 120
    echo $(( $(millis) - begin ))
    kill -TERM "$karaf_pid"; wait "$karaf_pid" 2>/dev/null || true; karaf_pid=
}
karaf_run >/dev/null   # fills the cache
for _ in $(seq "$runs"); do karaf_run; done | median | xargs printf '%-44s %6s ms   (etc/*.cfg, FileInstall polls every 1 s)\n' "Karaf 4.4.10, configuration to loaded"

# side by side: the graft launcher, whole process
"$java" -jar "$jar" run --once --site "$examples" >/dev/null 2>&1 || true   # fills the cache
for _ in $(seq "$runs"); do
    begin=$(millis)
    "$java" -jar "$jar" run --once --site "$examples" >/dev/null 2>&1 || true
    echo $(( $(millis) - begin ))
done | median | xargs printf '%-44s %6s ms   (whole process: JVM start to exit)\n' "graft run --once"
