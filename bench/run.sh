#!/usr/bin/env bash
# bench/run.sh [SECONDS] - wrk benchmarks of the read API on a real database:
# the comparison site (../shared present) or the demo site. Prints requests/s
# and p99 latency per endpoint. Sends traffic to 127.0.0.1 only, bounded in time.
set -eu
cd "$(dirname "$0")/.."
SECS=${1:-10}
PRESSD=${PRESSD:-build/pressd}
SHARED=${PRESSD_SHARED:-$(cd .. && pwd)/shared}
command -v wrk >/dev/null || ./tools/deps.sh wrk
TMP=$(mktemp -d /tmp/pressd-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap '[ -f "$TMP/site/pressd.pid" ] && kill $(cat "$TMP/site/pressd.pid"); [ -n "${pid:-}" ] && kill $pid; rm -rf "$TMP"' EXIT
if [ -d "$SHARED/golden" ] && [ -f tests/compare/site.sh ]; then
	PRESSD_ACCESS_LOG="" PRESSD="$PRESSD" PRESSD_SHARED="$SHARED" tests/compare/site.sh "$port" "$TMP/site" >/dev/null
	single=24365
else
	"$PRESSD" serve --demo --db "$TMP/demo.db" --listen "127.0.0.1:$port" --access-log "" >/dev/null 2>&1 &
	pid=$!
	sleep 1
	single=$(curl -s "http://127.0.0.1:$port/wp-json/wp/v2/posts?_fields=id&per_page=1" | grep -oE '[0-9]+' | head -1)
fi
base="http://127.0.0.1:$port/wp-json/wp/v2"
printf '%-32s %12s %10s\n' endpoint requests/s p99
for path in "posts" "posts/$single" "posts?_embed"; do
	out=$(wrk -t2 -c32 -d"${SECS}s" --latency "$base/$path")
	rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	printf '%-32s %12s %10s\n' "GET /$path" "$rps" "$p99"
done
