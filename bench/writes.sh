#!/usr/bin/env bash
# bench/writes.sh [SECONDS] - wrk figure for POST /wp/v2/posts/<id>: authenticated
# JSON updates (a new title each time, so every request writes the row and a
# revision) of one post on the comparison site built by tests/compare/site.sh.
# Sends traffic to 127.0.0.1 only, bounded in time (default 10 s).
set -eu
cd "$(dirname "$0")/.."
SECS=${1:-10}
PRESSD=${PRESSD:-build/pressd}
SHARED=${PRESSD_SHARED:-$(cd .. && pwd)/shared}
command -v wrk >/dev/null || ./tools/deps.sh wrk
TMP=$(mktemp -d /tmp/pressd-bench-writes.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap '[ -f "$TMP/site/pressd.pid" ] && kill "$(cat "$TMP/site/pressd.pid")"; rm -rf "$TMP"' EXIT
PRESSD="$PRESSD" PRESSD_SHARED="$SHARED" tests/compare/site.sh "$port" "$TMP/site" >/dev/null
pw=$(grep '^ADMIN_APP_PASSWORD=' "$TMP/site/app-passwords.env" | cut -d= -f2)
auth=$(printf 'admin:%s' "$pw" | base64 -w0)
base="http://127.0.0.1:$port/wp-json/wp/v2"
# The post every request updates: a fresh one, published.
id=$(curl -s -H "Authorization: Basic $auth" -H 'Content-Type: application/json' \
	-d '{"title":"Bench","content":"<p>Benchmark body</p>","status":"publish"}' "$base/posts" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cat >"$TMP/update.lua" <<LUA
-- One JSON update per request; the counter makes each title new.
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/wp-json/wp/v2/posts/$id", {
    ["Authorization"] = "Basic $auth",
    ["Content-Type"] = "application/json",
  }, '{"title":"Bench ' .. n .. '","excerpt":"e"}')
end
LUA
out=$(wrk -t2 -c8 -d"${SECS}s" --latency -s "$TMP/update.lua" "http://127.0.0.1:$port")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
revs=$(curl -s -o /dev/null -D - -H "Authorization: Basic $auth" "$base/posts/$id/revisions?per_page=1" |
	awk -F': ' 'tolower($1) == "x-wp-total" {print $2}' | tr -d '\r')
printf '%-32s %12s %10s %8s %10s\n' endpoint requests/s p99 non-2xx revisions
printf '%-32s %12s %10s %8s %10s\n' "POST /posts/$id (update)" "$rps" "$p99" "${non2xx:-0}" "$revs"
