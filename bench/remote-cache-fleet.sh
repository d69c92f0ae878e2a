#!/usr/bin/env bash
# A fleet sharing one remote cache (issue 17), on loopback: a real nginx with WebDAV PUT serves the
# cache, and four host processes with empty local caches start the same site of N plugins (default
# 100) one after the other against it. Prints, side by side from one run:
#   - plugins compiled across the fleet (goal: N, each once);
#   - the wall time of hosts 2-4 against a warm local start (goal <= 1.3x);
#   - a start whose remote cache is down (a closed port) against a cold start without one (goal <= 1.05x).
# Run on a quiet machine; write the figures to docs/BENCHMARKS.md by hand, with the machine and date.
#
# usage: bench/remote-cache-fleet.sh [N]   (needs distribution/target/graft.jar, ./graft --version builds it, and nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
jar=distribution/target/graft.jar
[ -f "$jar" ] || { echo "no $jar: run ./graft --version first" >&2; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 2; }
java=${JAVA:-java}
work=$(mktemp -d)
nginx_pid=
stop_nginx() {
    if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
        kill -TERM "$nginx_pid"
        for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$nginx_pid" 2>/dev/null && kill -KILL "$nginx_pid"
    fi
    nginx_pid=
}
trap 'stop_nginx; rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/xdg"
unset GRAFT_SITES

site="$work/site"
for i in $(seq 1 "$n"); do
    mkdir -p "$site/p$i/src/p$i"
    cat > "$site/p$i/src/p$i/Main.java" <<JAVA
package p$i;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

@Component(immediate = true, service = Main.class)
public class Main {
    @Activate
    void activate() {
        Integer.toString($i);
    }
}
JAVA
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
mkdir -p "$work/nginx/data" "$work/nginx/tmp"
cat > "$work/nginx/nginx.conf" <<CONF
daemon off;
user root;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        client_max_body_size 64m;
        location / {
            root $work/nginx/data;
            dav_methods PUT;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
        }
    }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# run NAME CACHE [OPTIONS...]: one `graft run --once`, prints its wall time in ms; output in $work/NAME.out
run() {
    local name=$1 cache=$2
    shift 2
    local start end
    start=$(date +%s%N)
    "$java" -jar "$jar" run --once --site "$site" --cache "$work/caches/$cache" --cache-max-entries $((2 * n)) "$@" \
        > "$work/$name.out" 2> "$work/$name.err" || { echo "run $name failed:" >&2; tail -n 20 "$work/$name.err" >&2; exit 1; }
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
compiled() { grep -c ' compiled ' "$work/$1.out" || true; }

cold=$(run cold alone)
warm=$(run warm alone)
down_port=$(free_port)
down=$(run down down --remote-cache "http://127.0.0.1:$down_port/")

total=0
declare -a times
for h in 1 2 3 4; do
    times[$h]=$(run "host$h" "host$h" --remote-cache "http://127.0.0.1:$port/")
    total=$((total + $(compiled "host$h")))
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "fleet of 4 hosts, $n plugins, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "plugins compiled across the fleet: $total (goal $n); per host: $(compiled host1) $(compiled host2) $(compiled host3) $(compiled host4)"
echo "cold start without a remote: ${cold} ms; warm local start: ${warm} ms"
for h in 1 2 3 4; do
    echo "host $h: ${times[$h]} ms ($(ratio "${times[$h]}" "$warm")x warm local)"
done
echo "remote cache down: ${down} ms ($(ratio "$down" "$cold")x cold without a remote; goal <= 1.05x)"
