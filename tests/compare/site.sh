#!/usr/bin/env bash
# site.sh PORT DIR - builds the comparison site of ../shared/reference-wp/SITE.md into a
# fresh DIR/pressd.db with pressd's own commands, then serves it on 127.0.0.1:PORT in
# the background (pid in DIR/pressd.pid, output in DIR/server.out).
#   PRESSD=path/to/pressd (default build/pressd), PRESSD_SHARED=path/to/shared,
#   SITE_NO_SERVE=1: build the database only.
set -euo pipefail

port=${1:?usage: site.sh PORT DIR}
dir=${2:?usage: site.sh PORT DIR}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PRESSD_SHARED:-$(dirname "$repo")/shared}
pressd=${PRESSD:-$repo/build/pressd}
base="http://127.0.0.1:$port"
db="$dir/pressd.db"

mkdir -p "$dir"
rm -f "$db" "$db-wal" "$db-shm" "$dir/pressd.pid"
p() { "$pressd" "$@" --db "$db"; }

# §1 fresh install, no default content; §7 every user registered at the same instant.
p option set pressd_user_registered "2026-01-01 08:00:00"
p install --url "$base" --title "Reference Site" --admin admin --email admin@example.org
p option set blogdescription "Just another WordPress site"
p option set timezone_string "Europe/Amsterdam"
p option set permalink_structure "/%category%/%postname%/"
p option set posts_per_page 10
p option set date_format "F j, Y"
p option set time_format "g:i a"
# §3 registered post meta: footnotes, then the four Rank Math keys of the mu-plugin.
p option set pressd_post_meta_keys \
	"footnotes,rank_math_title,rank_math_description,rank_math_canonical_url,rank_math_focus_keyword"

# §2 users 2-5 (admin is 1, created by install); first name = display name.
for u in editor:editor:Editor contributor:contributor:Contributor \
	subscriber:subscriber:Subscriber author:author:Author; do
	IFS=: read -r login role name <<<"$u"
	p user add "$login" --role "$role" --email "$login@example.org" \
		--display-name "$name" --first-name "$name" --last-name Reference
done
# §2 passwords, and one application password "reference-wp" each, written to
# DIR/app-passwords.env in reference-wp's format (the password unchunked).
env="$dir/app-passwords.env"
printf '# application passwords of the comparison site at %s (pressd)\nREFWP_BASE_URL=%s\n' \
	"$base" "$base" >"$env"
for login in admin editor contributor subscriber author; do
	echo "$login-password" | p user password "$login"
	var=$(echo "$login" | tr a-z A-Z)
	echo "${var}_USER_ID=$(p user list | awk -v l="$login" '$2 == l { print $1 }')" >>"$env"
	echo "${var}_APP_PASSWORD=$(p app-password create "$login" reference-wp | tr -d ' ')" >>"$env"
done

# §4 the four imports, in order.
for f in data/themeunittestdata.wordpress.xml data/64-block-test-data.xml \
	reference-wp/fixtures/reference-statuses.xml reference-wp/fixtures/seed-post.xml; do
	p import --quiet "$shared/$f"
done

[ "${SITE_NO_SERVE:-}" = 1 ] && exit 0

"$pressd" serve --db "$db" --listen "127.0.0.1:$port" --site-url "$base" \
	>"$dir/server.out" 2>&1 &
echo $! >"$dir/pressd.pid"
for _ in $(seq 1 100); do
	if curl -s -o /dev/null "$base/wp-json/"; then
		exit 0
	fi
	if ! kill -0 "$(cat "$dir/pressd.pid")" 2>/dev/null; then
		echo "site.sh: pressd serve exited:" >&2
		cat "$dir/server.out" >&2
		exit 1
	fi
	sleep 0.1
done
echo "site.sh: pressd serve did not answer on $base" >&2
exit 1
