#!/usr/bin/env bash
# fixture.sh PORT DIR - builds the fixture site of ../shared/spec/samples/README.md
# (the site WordPress 6.9.4's samples were taken on) into a fresh DIR/pressd.db with
# pressd's own commands, serves it on 127.0.0.1:PORT in the background (pid in
# DIR/pressd.pid, output in DIR/server.out) and writes DIR/app-passwords.env
# (ADMIN_APP_PASSWORD=…, EDITOR_…, AUTHOR_…, CONTRIBUTOR_…, SUBSCRIBER_… for the
# samples' users admin, editor1, author1, contributor1, subscriber1).
#
# What pressd cannot create over REST yet (categories, tags, media, the default
# content) comes from tests/compare/fixture/site.xml through `pressd import`, with
# WordPress's IDs; the posts A-H, their updates and the autosaves are then written
# over REST exactly as the samples' fixture/run.sh wrote them, so pressd's own write
# path makes them (IDs 6-18). Dates are "now", as they were for WordPress.
#   PRESSD=path/to/pressd (default build/pressd), PRESSD_SHARED=path/to/shared
set -euo pipefail

port=${1:?usage: fixture.sh PORT DIR}
dir=${2:?usage: fixture.sh PORT DIR}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PRESSD_SHARED:-$(dirname "$repo")/shared}
pressd=${PRESSD:-$repo/build/pressd}
fx="$shared/spec/samples/fixture"
base="http://127.0.0.1:$port"
db="$dir/pressd.db"

mkdir -p "$dir"
rm -f "$db" "$db-wal" "$db-shm" "$dir/pressd.pid"
p() { "$pressd" "$@" --db "$db"; }

# WordPress was installed (UTC, before the timezone was set) a minute before the
# fixture; the users' registration dates are those of the samples.
p option set pressd_user_registered "2026-11-24 14:07:45"
p install --url "$base" --title "Test Site" --admin admin --email admin@example.com >/dev/null
p option set blogdescription "Just a test"
p option set timezone_string "Europe/Amsterdam"
p option set permalink_structure "/%year%/%monthnum%/%day%/%postname%/"
p option set wp_page_for_privacy_policy 3
p option set pressd_user_registered "2026-11-24 14:07:56"
id=2
for u in editor1:editor:Editor contributor1:contributor:Contributor \
	subscriber1:subscriber:Subscriber author1:author:Author; do
	IFS=: read -r login role first <<<"$u"
	case $login in
	editor1) id=2 ;; author1) id=3 ;; contributor1) id=4 ;; subscriber1) id=5 ;;
	esac
	p user add "$login" --id "$id" --role "$role" --email "$role@example.com" \
		--display-name "$first One" --first-name "$first" --last-name One >/dev/null
done

# One application password "test" per user, unchunked, in reference-wp's format.
env="$dir/app-passwords.env"
printf '# application passwords of the samples fixture at %s (pressd)\nREFWP_BASE_URL=%s\n' \
	"$base" "$base" >"$env"
for u in admin:ADMIN editor1:EDITOR author1:AUTHOR contributor1:CONTRIBUTOR subscriber1:SUBSCRIBER; do
	IFS=: read -r login var <<<"$u"
	echo "$login-password" | p user password "$login"
	echo "${var}_USER_ID=$(p user list | awk -v l="$login" '$2 == l { print $1 }')" >>"$env"
	echo "${var}_APP_PASSWORD=$(p app-password create "$login" test | tr -d ' ')" >>"$env"
done

# Default content, terms and media (site.xml), dated now like a fresh install.
install=$(date -u -d '-1 minute' '+%Y-%m-%d %H:%M:%S')
media_gmt=$(date -u '+%Y-%m-%d %H:%M:%S')
media_local=$(TZ=Europe/Amsterdam date -d "$media_gmt UTC" '+%Y-%m-%d %H:%M:%S')
sed -e "s|@BASE@|$base|g" -e "s|@INSTALL@|$install|g" \
	-e "s|@MEDIA_GMT@|$media_gmt|g" -e "s|@MEDIA_LOCAL@|$media_local|g" \
	"$repo/tests/compare/fixture/site.xml" >"$dir/site.xml"
p import --quiet "$dir/site.xml" >/dev/null

"$pressd" serve --db "$db" --listen "127.0.0.1:$port" --site-url "$base" \
	>"$dir/server.out" 2>&1 &
echo $! >"$dir/pressd.pid"
up=
for _ in $(seq 1 100); do
	if curl -s -o /dev/null "$base/wp-json/"; then up=1; break; fi
	if ! kill -0 "$(cat "$dir/pressd.pid")" 2>/dev/null; then break; fi
	sleep 0.1
done
if [ -z "$up" ]; then
	echo "fixture.sh: pressd serve did not answer on $base:" >&2
	cat "$dir/server.out" >&2
	exit 1
fi

# The samples' fixture/run.sh, from the posts on: user N's requests, JSON bodies.
pw() { grep "^$1_APP_PASSWORD=" "$env" | cut -d= -f2; }
declare -A cred=([1]="admin:$(pw ADMIN)" [2]="editor1:$(pw EDITOR)" [3]="author1:$(pw AUTHOR)"
	[4]="contributor1:$(pw CONTRIBUTOR)")
api() { # api USER PATH JSON EXPECTED_STATUS
	local code
	code=$(curl -s -o "$dir/last.json" -w '%{http_code}' -u "${cred[$1]}" -X POST \
		-H 'Content-Type: application/json' --data-binary "$3" "$base/wp-json$2")
	if [ "$code" != "$4" ]; then
		echo "fixture.sh: POST $2 answered $code, not $4:" >&2
		cat "$dir/last.json" >&2; echo >&2
		exit 1
	fi
}
j() { sed "s/127\.0\.0\.1:80VV/127.0.0.1:$port/g" "$fx/$1"; }
for f in postA postB postC postD postE postF; do
	api 1 /wp/v2/posts "$(j $f.json)" 201
done
api 3 /wp/v2/posts '{"title":"Author post","status":"publish","content":"By author"}' 201
api 4 /wp/v2/posts '{"title":"Contributor post","status":"pending","content":"By contributor"}' 201
api 1 /wp/v2/posts/6 '{"title":"Hello \"World\" & '"'"'Friends'"'"' -- it'"'"'s 1990'"'"'s (rev2)"}' 200
api 1 /wp/v2/posts/6 '{"excerpt":"Hand written excerpt for A"}' 200
api 1 /wp/v2/posts/6 '{"excerpt":""}' 200
api 1 /wp/v2/posts/6/autosaves '{"content":"Autosaved content","title":"Autosave title"}' 200
api 2 /wp/v2/posts/6/autosaves '{"content":"Editor autosave","title":"Editor autosave title"}' 200
# When the samples were taken WordPress saved both autosaves within one second,
# which decides what GET .../autosaves/<id> answers (the newest by post_date,
# the first inserted on a tie: 17). On a loaded machine the two requests above
# can straddle a second, so give the editor's autosave the admin's timestamps.
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
row = c.execute("SELECT post_date, post_date_gmt, post_modified, post_modified_gmt FROM wp_posts"
                " WHERE post_name = '6-autosave-v1' AND post_author = 1").fetchone()
c.execute("UPDATE wp_posts SET post_date = ?, post_date_gmt = ?, post_modified = ?, post_modified_gmt = ?"
          " WHERE post_name = '6-autosave-v1' AND post_author = 2", row)
c.commit()
PY
rm -f "$dir/last.json"
