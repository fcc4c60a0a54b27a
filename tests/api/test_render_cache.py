#!/usr/bin/env python3
"""Black-box tests of the render cache against a pressd serving the comparison
site (tests/compare/site.sh): a write, whether through REST or through the
CLI on the same database (pressd option set), shows in the rendered fields of
the very next GET; repeated GETs (served from the cache) stay byte-identical.
Expected values are WordPress 6.9.4's renderings of the same inputs (wpautop,
wptexturize, convert_smilies). The posts made here are deleted at the end and
the option restored. Env: PRESSD_URL, PRESSD_AUTH_ENV, PRESSD_BIN.
Last line: "N passed, N failed"."""
import base64
import http.client
import json
import os
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import URL, Failure, eq, load_auth, ok, run  # noqa: E402

CREDS = load_auth()
PRESSD = os.environ.get("PRESSD_BIN", "build/pressd")
AUTH_ENV = os.environ.get("PRESSD_AUTH_ENV", "")
DB = os.path.join(os.path.dirname(AUTH_ENV), "pressd.db") if AUTH_ENV else ""
STATE = {}


def call(method, path, body=None, user=None):
    u = urllib.parse.urlsplit(URL)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    hdrs = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if user:
        if user not in CREDS:
            raise Failure(f"no application password for {user} in PRESSD_AUTH_ENV")
        hdrs["Authorization"] = "Basic " + base64.b64encode(f"{user}:{CREDS[user]}".encode()).decode()
    conn.request(method, "/wp-json" + path, body=data, headers=hdrs)
    r = conn.getresponse()
    out = r.read()
    conn.close()
    return r.status, json.loads(out) if out else None


def rendered(pid):
    st, d = call("GET", f"/wp/v2/posts/{pid}?_fields=title,content,excerpt")
    eq(st, 200, f"GET post {pid}")
    return d["title"]["rendered"], d["content"]["rendered"], d["excerpt"]["rendered"]


def cli(*args):
    r = subprocess.run([PRESSD, *args, "--db", DB], capture_output=True, text=True, timeout=60)
    eq(r.returncode, 0, f"pressd {' '.join(args)}: {r.stderr}")
    return r.stdout.strip()


def test_a_create():
    st, d = call("POST", "/wp/v2/posts", {"title": "Cache 'one'", "content": "First -- text :)",
                                          "status": "publish"}, "admin")
    eq(st, 201, f"create: {d}")
    STATE["id"] = d["id"]


def test_repeated_gets_identical():
    pid = STATE["id"]
    first = rendered(pid)
    for _ in range(3):
        eq(rendered(pid), first, "a cached GET")
    # a list that holds the post renders it the same way
    st, items = call("GET", "/wp/v2/posts?include=%d&_fields=content" % pid)
    eq(st, 200)
    eq(items[0]["content"]["rendered"], first[1], "in a collection")


def test_rest_update_shows_at_once():
    pid = STATE["id"]
    rendered(pid)  # warm
    st, d = call("POST", f"/wp/v2/posts/{pid}", {"title": "Cache 'two'", "content": "Second -- text :)"},
                 "admin")
    eq(st, 200, f"update: {d}")
    title, content, excerpt = rendered(pid)
    eq(title, "Cache &#8216;two&#8217;")
    eq(content, "<p>Second &#8212; text \U0001f642</p>\n")
    eq(excerpt, "<p>Second &#8212; text \U0001f642</p>\n")


def test_cli_option_set_shows_at_once():
    # core/site-tagline reads get_option('blogdescription') while rendering
    if not DB or not os.path.exists(DB):
        raise Failure(f"database not found next to PRESSD_AUTH_ENV ({DB!r})")
    st, d = call("POST", "/wp/v2/posts", {"title": "Tagline", "status": "publish",
                                          "content": "<!-- wp:site-tagline /-->"}, "admin")
    eq(st, 201, f"create: {d}")
    pid = STATE["tagline_id"] = d["id"]
    STATE["blogdescription"] = cli("option", "get", "blogdescription")
    try:
        cli("option", "set", "blogdescription", "Cached tagline one")
        _, content, _ = rendered(pid)
        ok("Cached tagline one" in content, f"first tagline: {content!r}")
        eq(rendered(pid)[1], content, "a cached GET")
        cli("option", "set", "blogdescription", "Cached tagline two")
        _, content2, _ = rendered(pid)
        eq(content2, content.replace("Cached tagline one", "Cached tagline two"),
           "after pressd option set blogdescription")
    finally:
        cli("option", "set", "blogdescription", STATE["blogdescription"])


def test_zz_cleanup():
    for key in ("id", "tagline_id"):
        pid = STATE.get(key)
        if pid:
            st, d = call("DELETE", f"/wp/v2/posts/{pid}?force=true", user="admin")
            ok(st in (200, 404), f"cleanup {pid}: {st} {d}")


if __name__ == "__main__":
    run(globals())
