#!/usr/bin/env bash
# write-sequence.sh REF_URL REF_AUTH_ENV [PORT] - runs tests/compare/write-sequence.txt
# (writes on posts, revisions, autosaves, then reads of all they touched) against a
# live WordPress 6.9.4 comparison site and a fresh pressd comparison site, with wpdiff.
# The reference must be freshly reset first (its next post ID must be 32110), e.g.
#   cd ../shared/reference-wp && ./setup.sh --wp-dir /var/lib/reference-wp/wp-6.9.4 \
#     --port 8069 --db wpref69 --auth-env /var/lib/reference-wp-8069/app-passwords.env --reset
# Timestamps of the moment of writing (modified) and the autosave preview nonce are ignored.
# Not run by tests/run.sh: CI has no WordPress.
set -euo pipefail
ref=${1:?usage: write-sequence.sh REF_URL REF_AUTH_ENV [PORT]}
ref_auth=${2:?usage: write-sequence.sh REF_URL REF_AUTH_ENV [PORT]}
port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${PRESSD_SHARED:-$(dirname "$repo")/shared}
dir=$(mktemp -d /tmp/pressd-writes.XXXXXX)
trap 'kill "$(cat "$dir/pressd.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$dir"' EXIT
"$repo/tests/compare/site.sh" "$port" "$dir" >"$dir/site.out" 2>&1
"$shared/tools/wpdiff" --ref "$ref" --ref-auth "$ref_auth" \
	--test "http://127.0.0.1:$port" --test-auth "$dir/app-passwords.env" \
	--ignore modified --ignore preview_link --show 6 "$repo/tests/compare/write-sequence.txt"
