#!/usr/bin/env bash
# tests/run.sh - runs every test of pressd and ends with one line "N passed, N failed".
#   1. unit tests (C, build/unit-tests)
#   2. black-box HTTP tests on the demo site (needs only this repository)
#   3. with ../shared present (as in CI): the comparison site of
#      ../shared/reference-wp/SITE.md, black-box tests against it, and wpdiff
#      against WordPress 6.9.4's golden responses, and the render cache against
#      no cache (tests/compare/cache-equivalence.sh). Skipped, loudly, without it.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PRESSD="$BUILD/pressd"
SHARED=${PRESSD_SHARED:-$(cd .. && pwd)/shared}
TMP=$(mktemp -d /tmp/pressd-test.XXXXXX)
passed=0 failed=0 skipped=0
pids=()

cleanup() {
	for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
	for f in "$TMP"/*/pressd.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT

# count LABEL OUTPUT_FILE: adds the "N passed, N failed[, N skipped]" of its last such line.
count() {
	local line p f s
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$1: no result line (crashed?)"; failed=$((failed + 1)); return
	fi
	p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+')
	f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+')
	s=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+' || echo 0)
	passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_up() {
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$1/wp-json/" 2>/dev/null && return 0
		python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]+'/wp-json/',timeout=1)" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

echo "== unit tests"
"$BUILD/unit-tests" >"$TMP/unit.out" 2>&1; cat "$TMP/unit.out" | grep -vE '^unit:' | tail -n 40
grep -E '^unit:' "$TMP/unit.out"
count unit "$TMP/unit.out"

echo "== HTTP tests on the demo site"
port=$(free_port)
mkdir -p "$TMP/demo"
"$PRESSD" serve --demo --db "$TMP/demo/pressd.db" --listen "127.0.0.1:$port" \
	--access-log "$TMP/demo/access.log" >"$TMP/demo/server.out" 2>&1 &
pids+=($!)
if wait_up "http://127.0.0.1:$port"; then
	for t in tests/api/core/test_*.py; do
		[ -f "$t" ] || continue
		PRESSD_URL="http://127.0.0.1:$port" PRESSD_BIN="$PRESSD" PRESSD_TMP="$TMP/demo" \
			python3 "$t" >"$TMP/out" 2>&1
		echo "-- $t: $(tail -n 1 "$TMP/out")"; grep -E '^FAIL' "$TMP/out" | head -n 20
		count "$t" "$TMP/out"
	done
else
	echo "demo server did not start:"; cat "$TMP/demo/server.out"; failed=$((failed + 1))
fi

if [ -d "$SHARED/golden" ] && [ -f tests/compare/site.sh ]; then
	echo "== comparison site (../shared/reference-wp/SITE.md)"
	port=$(free_port)
	if PRESSD="$PRESSD" PRESSD_SHARED="$SHARED" tests/compare/site.sh "$port" "$TMP/site" >"$TMP/site.out" 2>&1; then
		url="http://127.0.0.1:$port"
		auth="$TMP/site/app-passwords.env"
		for t in tests/api/test_*.py; do
			[ -f "$t" ] || continue
			PRESSD_URL="$url" PRESSD_AUTH_ENV="$auth" PRESSD_SHARED="$SHARED" PRESSD_BIN="$PRESSD" \
				python3 "$t" >"$TMP/out" 2>&1
			echo "-- $t: $(tail -n 1 "$TMP/out")"; grep -E '^FAIL' "$TMP/out" | head -n 20
			count "$t" "$TMP/out"
		done
		# wpdiff: every case of these files must be identical to WordPress 6.9.4.
		# Cases needing a user run only once authentication exists (app-passwords.env).
		# Paths are relative to ../shared, or to this repository when they start with "./".
		in_shared() { case "$1" in ./*) echo "$1";; *) echo "$SHARED/$1";; esac; }
		for spec in tests/compare/*.cases; do
			[ -f "$spec" ] || continue
			while read -r golden cases flags; do
				case "$golden" in ''|\#*) continue;; esac
				sel="$TMP/cases.txt"
				if [ -f "$auth" ]; then grep -v '^#' "$(in_shared "$cases")" >"$sel"
				else grep -v '^#' "$(in_shared "$cases")" | grep -v ' @' >"$sel"; fi
				authflags=()
				[ -f "$auth" ] && authflags=(--test-auth "$auth")
				# shellcheck disable=SC2086
				"$SHARED/tools/wpdiff" --golden "$(in_shared "$golden")" --test "$url" \
					"${authflags[@]}" $flags --show 3 "$sel" \
					>"$TMP/wpdiff.out" 2>&1
				label="$golden${flags:+ $flags}"
				python3 tests/compare/judge.py "$label" "$TMP/wpdiff.out" tests/compare/known-differences.txt \
					>"$TMP/judge.out" 2>&1
				echo "-- wpdiff $label: $(tail -n 1 "$TMP/wpdiff.out")"
				grep -E '^(FAIL|KNOWN|NOW)' "$TMP/judge.out" | head -n 80
				grep -q '^FAIL' "$TMP/judge.out" && grep -E '^(DIFF|   )' "$TMP/wpdiff.out" | head -n 60
				count "wpdiff $label" "$TMP/judge.out"
			done <"$spec"
		done
	else
		echo "comparison site could not be built:"; tail -n 30 "$TMP/site.out"; failed=$((failed + 1))
	fi
	# The render cache against no cache: every post, several URIs and users, cold and warm.
	PRESSD="$PRESSD" PRESSD_SHARED="$SHARED" tests/compare/cache-equivalence.sh "$(free_port)" "$(free_port)" \
		"$TMP/cacheq" >"$TMP/cacheq.out" 2>&1
	echo "-- render cache equivalence: $(tail -n 1 "$TMP/cacheq.out")"
	python3 tests/compare/judge.py cache-equivalence "$TMP/cacheq.out" tests/compare/known-differences.txt \
		>"$TMP/judge.out" 2>&1
	grep -E '^(FAIL|KNOWN|NOW)' "$TMP/judge.out" | head -n 40
	grep -q '^FAIL' "$TMP/judge.out" && grep -E '^(DIFF|   )' "$TMP/cacheq.out" | head -n 60
	count "render cache equivalence" "$TMP/judge.out"
	# content.rendered, excerpt and title of every imported post and page
	# against WordPress 6.9.4's import samples (tests/compare/import-samples.sh).
	if [ -d "$SHARED/spec/samples/import-6.9.4" ]; then
		PRESSD="$PRESSD" PRESSD_SHARED="$SHARED" tests/compare/import-samples.sh "$(free_port)" "$TMP/samples" \
			>"$TMP/samples.out" 2>&1
		echo "-- import samples (rendering): $(tail -n 1 "$TMP/samples.out")"
		python3 tests/compare/judge.py import-samples "$TMP/samples.out" tests/compare/known-differences.txt \
			>"$TMP/judge.out" 2>&1
		grep -E '^(FAIL|KNOWN|NOW)' "$TMP/judge.out" | head -n 80
		count "import samples" "$TMP/judge.out"
	fi
	# Reads and writes against WordPress 6.9.4's samples on their fixture site.
	if [ -f "$SHARED/spec/samples/writes.txt" ]; then
		if PRESSD="$PRESSD" PRESSD_SHARED="$SHARED" tests/compare/fixture.sh "$(free_port)" "$TMP/fixture" \
			>"$TMP/fixture.out" 2>&1; then
			python3 tests/compare/samples.py "$(sed -n 's/^REFWP_BASE_URL=//p' "$TMP/fixture/app-passwords.env")" \
				"$SHARED/spec/samples" "$TMP/fixture/app-passwords.env" "$TMP/fixture/pressd.db" >"$TMP/wsamples.out" 2>&1
		else
			tail -n 30 "$TMP/fixture.out" >"$TMP/wsamples.out"
		fi
		echo "-- samples (reads and writes): $(tail -n 1 "$TMP/wsamples.out")"
		python3 tests/compare/judge.py samples "$TMP/wsamples.out" tests/compare/known-differences.txt \
			>"$TMP/judge.out" 2>&1
		grep -E '^(FAIL|KNOWN|NOW)' "$TMP/judge.out" | head -n 80
		grep -q '^FAIL' "$TMP/judge.out" && grep -E '^(DIFF|   )' "$TMP/wsamples.out" | head -n 60
		count "samples" "$TMP/judge.out"
	fi
else
	n=$(ls tests/api/test_*.py 2>/dev/null | wc -l)
	echo "!! SKIPPED: ../shared is missing ($SHARED): $n comparison-site test files and the wpdiff"
	echo "!! comparisons with WordPress 6.9.4 did not run. Put shared/ beside the repository."
	skipped=$((skipped + n + 1))
fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
