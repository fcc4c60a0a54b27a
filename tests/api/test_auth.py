#!/usr/bin/env python3
"""Black-box tests of authentication against a pressd serving the comparison site
(tests/compare/site.sh): application passwords over HTTP Basic for each role,
wrong credentials served as anonymous (WordPress 6.9.4's observed behaviour,
samples badauth*.txt), /users/me, the application-password routes (samples appw*.txt,
w_appw_*.txt) and failed-login throttling.
Env: PRESSD_URL, PRESSD_AUTH_ENV (the app-passwords.env site.sh wrote).
Last line: "N passed, N failed"."""
import base64
import http.client
import json
import os
import random
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import URL, Failure, eq, ok, run  # noqa: E402

ROLES = ["admin", "editor", "author", "contributor", "subscriber"]


def load_env():
    env = {}
    path = os.environ.get("PRESSD_AUTH_ENV")
    if path and os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                env[k] = v.strip().strip("'\"")
    return env


ENV = load_env()


def pw(login):
    v = ENV.get(login.upper() + "_APP_PASSWORD")
    if not v:
        raise Failure(f"no {login.upper()}_APP_PASSWORD in PRESSD_AUTH_ENV")
    return v


def call(method, path, body=None, auth=None, source=None, headers=None):
    """(status, headers dict (lower-case names), parsed JSON or None)."""
    u = urllib.parse.urlsplit(URL)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30,
                                      source_address=(source, 0) if source else None)
    hdrs = dict(headers or {})
    if body is not None:
        body = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if auth is not None:
        hdrs["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    conn.request(method, "/wp-json" + path, body=body, headers=hdrs)
    r = conn.getresponse()
    raw = r.read()
    h = {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        data = raw
    return r.status, h, data


def other_source():
    """A loopback address of its own, so that deliberate failures do not get
    127.0.0.1 throttled (Linux routes all of 127/8 to lo)."""
    return f"127.0.{random.randint(1, 250)}.{random.randint(2, 250)}"


def as_user(login, password=None):
    return (login, password if password is not None else pw(login))


def chunk(p):
    return " ".join(p[i:i + 4] for i in range(0, len(p), 4))


# ---- identity ----

def test_me_anonymous():
    status, h, data = call("GET", "/wp/v2/users/me")
    eq(status, 401)
    eq(data, {"code": "rest_not_logged_in", "message": "You are not currently logged in.",
              "data": {"status": 401}})
    eq(h.get("vary"), "Origin", "anonymous GET sends Vary: Origin")
    eq(h.get("cache-control"), None)


def test_me_each_role():
    for login in ROLES:
        status, h, data = call("GET", "/wp/v2/users/me", auth=as_user(login))
        eq(status, 200, login)
        want_id = ENV.get(login.upper() + "_USER_ID")
        if want_id:
            eq(data["id"], int(want_id), login)
        eq(data["slug"], login, login)
        eq(h.get("expires"), "Wed, 11 Jan 1984 05:00:00 GMT", login)
        eq(h.get("cache-control"), "no-cache, must-revalidate, max-age=0, no-store, private", login)
        eq(h.get("vary"), None, "no Vary: Origin for a logged-in user")


def test_password_with_spaces_and_email_login():
    status, _, data = call("GET", "/wp/v2/users/me", auth=as_user("editor", chunk(pw("editor"))))
    eq(status, 200)
    eq(data["slug"], "editor")
    status, _, data = call("GET", "/wp/v2/users/me", auth=("editor@example.org", pw("editor")))
    eq(status, 200)
    eq(data["slug"], "editor")


def test_wrong_credentials_are_anonymous():
    anon = call("GET", "/wp/v2/users?_fields=id")
    src = other_source()
    for creds in [("admin", "wrong password"), ("admin", pw("editor")), ("nobody", pw("admin")),
                  ("nobody@example.org", "x"), ("admin", "")]:
        status, h, data = call("GET", "/wp/v2/users?_fields=id", auth=creds, source=src)
        eq((status, data), (anon[0], anon[2]), f"{creds[0]}: same answer as anonymous")
        eq(h.get("x-wp-total"), anon[1].get("x-wp-total"))
        status, _, data = call("GET", "/wp/v2/users/me", auth=creds, source=other_source())
        eq(status, 401, creds[0])
        eq(data["code"], "rest_not_logged_in", creds[0])


def test_regular_password_not_accepted():
    # user_pass is set by site.sh (admin-password), but WordPress never accepts it over REST.
    status, _, data = call("GET", "/wp/v2/users/me", auth=("admin", "admin-password"),
                           source=other_source())
    eq(status, 401)
    eq(data["code"], "rest_not_logged_in")


def test_malformed_authorization_is_anonymous():
    for value in ["Basic", "Basic !!!", "Basic " + base64.b64encode(b"adminnocolon").decode(),
                  "Bearer abc", "Basic " + "A" * 20000]:
        status, _, data = call("GET", "/wp/v2/users/me", headers={"Authorization": value})
        eq(status, 401, value[:20])
        eq(data["code"], "rest_not_logged_in", value[:20])


# ---- application-password routes ----

ITEM_KEYS = ["uuid", "app_id", "name", "created", "last_used", "last_ip", "_links"]


def test_list_own_and_usage_recorded():
    call("GET", "/wp/v2/users/me", auth=as_user("admin"))
    status, h, data = call("GET", "/wp/v2/users/me/application-passwords", auth=as_user("admin"))
    eq(status, 200)
    eq(h.get("allow"), "GET, POST, DELETE")
    mine = [i for i in data if i["name"] == "reference-wp"]
    ok(mine, "the reference-wp application password is listed")
    item = mine[0]
    eq(list(item.keys()), ITEM_KEYS)
    ok(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", item["created"]), item["created"])
    ok(item["last_used"] is not None and item["last_ip"], "last_used/last_ip recorded")
    self = item["_links"]["self"][0]
    ok(self["href"].endswith("/wp-json/wp/v2/users/1/application-passwords/" + item["uuid"]), self["href"])
    eq(self["targetHints"], {"allow": ["GET", "POST", "PUT", "PATCH", "DELETE"]})


def test_list_permissions():
    status, h, data = call("GET", "/wp/v2/users/1/application-passwords")
    eq((status, data), (401, {"code": "rest_cannot_list_application_passwords",
                              "message": "Sorry, you are not allowed to list application passwords for this user.",
                              "data": {"status": 401}}))
    status, _, data = call("GET", "/wp/v2/users/1/application-passwords", auth=as_user("subscriber"))
    eq((status, data["code"], data["data"]["status"]), (403, "rest_cannot_list_application_passwords", 403))
    status, _, data = call("GET", "/wp/v2/users/1/application-passwords", auth=as_user("editor"))
    eq(status, 403, "editors cannot edit other users")
    status, _, data = call("GET", "/wp/v2/users/me/application-passwords", auth=as_user("subscriber"))
    eq(status, 200)
    status, _, data = call("GET", "/wp/v2/users/4/application-passwords", auth=as_user("admin"))
    eq(status, 200)
    status, _, data = call("GET", "/wp/v2/users/999/application-passwords", auth=as_user("admin"))
    eq((status, data), (404, {"code": "rest_user_invalid_id", "message": "Invalid user ID.", "data": {"status": 404}}))
    status, _, data = call("GET", "/wp/v2/users/me/application-passwords")
    eq((status, data["code"]), (401, "rest_not_logged_in"))


def test_create_introspect_rename_delete():
    admin = as_user("admin")
    status, h, data = call("POST", "/wp/v2/users/me/application-passwords", {"name": "created via rest"}, auth=admin)
    eq(status, 201)
    eq(list(data.keys()), ["uuid", "app_id", "name", "created", "last_used", "last_ip", "password", "_links"])
    eq((data["name"], data["app_id"], data["last_used"], data["last_ip"]), ("created via rest", "", None, None))
    ok(re.fullmatch(r"[A-Za-z0-9]{4}( [A-Za-z0-9]{4}){5}", data["password"]), data["password"])
    eq(h.get("location"), data["_links"]["self"][0]["href"])
    uuid, new = data["uuid"], data["password"]
    try:
        status, _, intro = call("GET", "/wp/v2/users/me/application-passwords/introspect", auth=("admin", new))
        eq(status, 200)
        eq(intro["uuid"], uuid)
        ok("password" not in intro, "the password is never shown again")
        status, _, intro = call("GET", "/wp/v2/users/1/application-passwords/introspect", auth=admin)
        ok(status == 200 and intro["uuid"] != uuid, "introspect names the password in use")
        status, _, data = call("GET", "/wp/v2/users/4/application-passwords/introspect", auth=admin)
        eq((status, data["code"]), (403, "rest_cannot_introspect_app_password_for_non_authenticated_user"))
        status, _, data = call("PUT", f"/wp/v2/users/1/application-passwords/{uuid}", {"name": "renamed"}, auth=admin)
        eq((status, data["name"], data["uuid"]), (200, "renamed", uuid))
        status, _, data = call("GET", f"/wp/v2/users/1/application-passwords/{uuid}?context=embed", auth=admin)
        eq(list(data.keys()), ["uuid", "app_id", "name", "_links"])
        status, _, data = call("GET", f"/wp/v2/users/1/application-passwords/{uuid}", auth=as_user("subscriber"))
        eq((status, data["code"]), (403, "rest_cannot_read_application_password"))
    finally:
        status, _, data = call("DELETE", f"/wp/v2/users/1/application-passwords/{uuid}", auth=admin)
    eq(status, 200)
    eq(data["deleted"], True)
    eq(list(data["previous"].keys()), ITEM_KEYS[:-1])
    eq(data["previous"]["uuid"], uuid)
    status, _, data = call("GET", f"/wp/v2/users/1/application-passwords/{uuid}", auth=admin)
    eq((status, data), (404, {"code": "rest_application_password_not_found",
                              "message": "Application password not found.", "data": {"status": 404}}))
    status, _, data = call("GET", "/wp/v2/users/me", auth=("admin", new), source=other_source())
    eq(status, 401, "a deleted password no longer logs in")


def test_create_requires_name():
    status, _, data = call("POST", "/wp/v2/users/me/application-passwords", {"name": " "}, auth=as_user("author"))
    eq(status, 400)
    ok(data["code"] in ("rest_invalid_param", "application_password_empty_name"), data["code"])
    status, _, data = call("POST", "/wp/v2/users/1/application-passwords", {"name": "x"}, auth=as_user("author"))
    eq((status, data["code"]), (403, "rest_cannot_create_application_passwords"))


def test_delete_all_of_another_user():
    admin = as_user("admin")
    # User 6 (themedemos, imported) has no application password of the comparison site.
    status, _, data = call("POST", "/wp/v2/users/6/application-passwords", {"name": "temp"}, auth=admin)
    eq(status, 201)
    status, _, data = call("DELETE", "/wp/v2/users/6/application-passwords", auth=as_user("editor"))
    eq((status, data["code"]), (403, "rest_cannot_delete_application_passwords"))
    status, _, data = call("DELETE", "/wp/v2/users/6/application-passwords", auth=admin)
    eq((status, data), (200, {"deleted": True, "count": 1}))
    status, _, data = call("DELETE", "/wp/v2/users/6/application-passwords", auth=admin)
    eq((status, data), (200, {"deleted": True, "count": 0}))


# ---- throttling (run last; from another loopback address so other tests are unaffected) ----

def test_zz_failed_logins_throttled():
    host = urllib.parse.urlsplit(URL).hostname
    if host not in ("127.0.0.1", "localhost"):
        print("  (throttling test skipped: server not on loopback)")
        return
    src = other_source()
    limit = int(os.environ.get("PRESSD_AUTH_MAX_FAILURES", "10"))
    for i in range(limit):
        status, _, data = call("GET", "/wp/v2/users/me", auth=("admin", f"wrong-{i}"), source=src)
        eq(status, 401, f"failure {i + 1} is still anonymous")
    status, h, data = call("GET", "/wp/v2/users/me", auth=as_user("admin"), source=src)
    eq(status, 429, "refused even with the right password while locked out")
    eq(data["code"], "rest_too_many_login_attempts")
    ok(int(h.get("retry-after", "0")) > 0, "Retry-After")
    status, _, _ = call("GET", "/wp/v2/users?_fields=id", source=src)
    eq(status, 200, "requests without credentials are still served")
    status, _, data = call("GET", "/wp/v2/users/me", auth=as_user("admin"))
    eq(status, 200, "other addresses are not affected")


if __name__ == "__main__":
    if not ENV:
        print("PRESSD_AUTH_ENV is not set or empty (app-passwords.env from tests/compare/site.sh)")
        print("0 passed, 1 failed")
        sys.exit(1)
    run(globals())
