#!/bin/sh
# LanguageTool's HTTP server for tonecheck's grammar checks and tests, assembled from Maven Central.
#
#   tools/languagetool/server.sh start   assemble the classpath (once), start the server on 127.0.0.1 in the
#                                        background and wait until /v2/languages answers (bounded)
#   tools/languagetool/server.sh stop    stop the server started by `start` (by its pid file)
#   tools/languagetool/server.sh status  say whether it answers
#
# Both are idempotent: `start` reuses a server that already answers, `stop` without a server does nothing.
# Settings (environment): LT_PORT (8081), LT_XMX (JVM heap, 512m), LT_WAIT (seconds to wait, 120),
# LT_CACHE (.cache/languagetool). The version is pom.xml's <languagetool.version>.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pom="$here/pom.xml"
port=${LT_PORT:-8081}
xmx=${LT_XMX:-512m}
wait_seconds=${LT_WAIT:-120}
cache=${LT_CACHE:-$root/.cache/languagetool}
version=$(sed -n 's:.*<languagetool.version>\(.*\)</languagetool.version>.*:\1:p' "$pom" | head -n 1)
lib="$cache/$version/lib"
run="$cache/run"
pidfile="$run/server-$port.pid"
log="$run/server-$port.log"
url="http://127.0.0.1:$port"

say() { echo "languagetool: $*"; }
fail() { echo "languagetool: $*" >&2; exit 1; }

answers() {
    # /v2/languages answers with a JSON list once the server is ready.
    curl -fsS --max-time 2 -o /dev/null "$url/v2/languages" 2>/dev/null
}

running_pid() {
    [ -f "$pidfile" ] || return 1
    pid=$(cat "$pidfile")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    # Only a java process of ours: a stale pid file must not make us signal an unrelated process.
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.languagetool.server.HTTPServer' || return 1
    echo "$pid"
}

need_java() {
    command -v java >/dev/null 2>&1 || fail "Java is not installed. LanguageTool $version needs Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)."
    java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    [ -n "$java_major" ] && [ "$java_major" -ge 17 ] || fail "LanguageTool $version needs Java 17 or later; 'java -version' says: $(java -version 2>&1 | head -n 1)"
}

assemble() {
    [ -f "$lib/.complete" ] && return 0
    command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) is not installed; it fetches LanguageTool $version from Maven Central once (Debian: apt-get install maven)."
    say "assembling LanguageTool $version (server + English) from Maven Central into $lib"
    rm -rf "$lib"
    mvn -q -B -Dstyle.color=never -f "$pom" -Dlanguagetool.lib="$lib" package || fail "Maven could not fetch LanguageTool $version (is Maven Central reachable?)"
    touch "$lib/.complete"
    say "classpath: $(ls "$lib"/*.jar | wc -l) jars, $(du -sh "$lib" | cut -f1)"
}

start() {
    if answers; then
        say "a server already answers on $url (reused)"
        return 0
    fi
    need_java
    command -v curl >/dev/null 2>&1 || fail "curl is needed to wait for the server"
    assemble
    mkdir -p "$run"
    if pid=$(running_pid); then
        say "server $pid is still starting"
    else
        # No --public: LanguageTool's HTTPServer then listens on localhost only.
        nohup java -Xmx"$xmx" -cp "$lib/*" org.languagetool.server.HTTPServer --port "$port" \
            >"$log" 2>&1 </dev/null &
        echo $! >"$pidfile"
        say "starting LanguageTool $version on $url (pid $(cat "$pidfile"), -Xmx$xmx, log $log)"
    fi
    waited=0
    while [ "$waited" -lt $((wait_seconds * 4)) ]; do
        if answers; then
            say "ready on $url after about $((waited / 4)) s"
            warm_up
            return 0
        fi
        # (The child may still be nohup before it execs java: alive is enough here.)
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            rm -f "$pidfile"
            tail -n 20 "$log" >&2 || true
            fail "the server exited before it answered (log above, in $log)"
        fi
        sleep 0.25
        waited=$((waited + 1))
    done
    stop >/dev/null 2>&1 || true
    fail "the server did not answer on $url within $wait_seconds s (stopped; log in $log)"
}

warm_up() {
    # The first check of each language loads its dictionaries and rules (seconds), longer than a
    # client's usual timeout: pay it here, once, for the variants tonecheck uses most.
    for variant in en-US en-GB; do
        curl -fsS --max-time 60 -o /dev/null --data-urlencode "language=$variant" \
            --data-urlencode "text=This is a short sentence to load the rules." "$url/v2/check" \
            || say "warm-up check in $variant failed (the server is up; the first real check may be slow)"
    done
    say "warmed up (en-US, en-GB)"
}

stop() {
    if pid=$(running_pid); then
        kill "$pid"
        i=0
        while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 40 ]; do sleep 0.25; i=$((i + 1)); done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        say "stopped server $pid on $url"
    else
        say "no server of ours on port $port"
    fi
    rm -f "$pidfile"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) if answers; then say "answers on $url"; else say "no server on $url"; exit 1; fi ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
