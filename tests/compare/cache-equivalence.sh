#!/usr/bin/env bash
# cache-equivalence.sh PORT_NOCACHE PORT_CACHE DIR - the render cache must never
# serve what an uncached render would not produce. Builds the comparison site
# (site.sh) once, serves copies of it with --render-cache 0 and with the
# cache on, and compares them with wpdiff (the uncached one as reference):
# every post and page, as anonymous, admin and author, under several request
# URIs (the URL as sent, ?rest_route=, extra query arguments), collection
# pages, ?page=2 and _embed; the whole list twice, so the second pass meets
# a warm cache. Ends with wpdiff's "N identical, M differ".
#   PRESSD=path/to/pressd (default build/pressd), PRESSD_SHARED=path/to/shared
set -euo pipefail

nocache_port=${1:?usage: cache-equivalence.sh PORT_NOCACHE PORT_CACHE DIR}
cache_port=${2:?usage: cache-equivalence.sh PORT_NOCACHE PORT_CACHE DIR}
dir=${3:?usage: cache-equivalence.sh PORT_NOCACHE PORT_CACHE DIR}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PRESSD_SHARED:-$(dirname "$repo")/shared}
pressd=${PRESSD:-$repo/build/pressd}
pids=()
trap 'for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; wait 2>/dev/null' EXIT

# one site per server, built alike, each under its own URL (wpdiff takes
# the base URL out of both sides)
serve() { # SIDE PORT [serve options]
	local side=$1 port=$2
	shift 2
	SITE_NO_SERVE=1 PRESSD="$pressd" PRESSD_SHARED="$shared" "$repo/tests/compare/site.sh" "$port" "$dir/$side" >/dev/null
	# one nonce key for both, as one site's servers share NONCE_KEY (logged-in forms carry nonces)
	"$pressd" option set pressd_nonce_key cache-equivalence --db "$dir/$side/pressd.db" >/dev/null
	"$pressd" serve --db "$dir/$side/pressd.db" --listen "127.0.0.1:$port" --site-url "http://127.0.0.1:$port" \
		--access-log "" "$@" >"$dir/$side/server.out" 2>&1 &
	pids+=($!)
}
serve nocache "$nocache_port" --render-cache 0
serve cache "$cache_port"
db="$dir/cache/pressd.db"
for port in "$nocache_port" "$cache_port"; do
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "http://127.0.0.1:$port/wp-json/" && break
		sleep 0.1
	done
done

# The cases: every post and page (any status: the users see what they may).
cases="$dir/cases.txt"
{
	for who in "" " @admin" " @author"; do
		for type in posts pages; do
			echo "GET /wp-json/wp/v2/$type?per_page=100$who"
			echo "GET /wp-json/wp/v2/$type?per_page=100&page=2$who"
			echo "GET /wp-json/wp/v2/$type?page=2$who"
			echo "GET /wp-json/wp/v2/$type?_embed$who"
			echo "GET /wp-json/wp/v2/$type?_embed&page=2$who"
			echo "GET /?rest_route=/wp/v2/$type&per_page=50$who"
		done
		echo "GET /wp-json/wp/v2/posts?context=edit&per_page=100$who"
	done
	sqlite3 "$db" "SELECT ID, post_type FROM wp_posts WHERE post_type IN ('post', 'page')
		AND post_status NOT IN ('auto-draft', 'inherit', 'trash') ORDER BY ID" |
	while IFS='|' read -r id type; do
		route="/wp/v2/${type}s/$id"
		echo "GET /wp-json$route"
		echo "GET /wp-json$route?replytocom=3&paged=2"
		echo "GET /?rest_route=$route"
		echo "GET /wp-json$route?_embed @admin"
		echo "GET /wp-json$route @author"
		echo "GET /wp-json$route?context=edit @admin"
	done
} >"$cases"

# the list twice: a cold cache first, then a warm one
"$shared/tools/wpdiff" --ref "http://127.0.0.1:$nocache_port" --test "http://127.0.0.1:$cache_port" \
	--ref-auth "$dir/nocache/app-passwords.env" --test-auth "$dir/cache/app-passwords.env" \
	--bytes --show 3 "$cases" "$cases" || true
