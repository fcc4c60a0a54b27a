"""Tiny black-box test helpers for pressd's HTTP tests (python3 stdlib only).

Each test file defines functions named test_*; run() calls them, prints FAIL
lines with both values, and ends with the line "N passed, N failed"."""
import base64
import http.client
import json
import os
import sys
import traceback
import urllib.parse

URL = os.environ.get("PRESSD_URL", "http://127.0.0.1:8080")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def request(method, path, body=None, headers=None, user=None, password=None):
    """One HTTP request to the server under test; never raises on HTTP errors."""
    u = urllib.parse.urlsplit(URL)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    hdrs = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        hdrs.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        body = body.encode()
    if user is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        hdrs["Authorization"] = "Basic " + token
    conn.request(method, path, body=body, headers=hdrs)
    r = conn.getresponse()
    resp = Response(r.status, r.getheaders(), r.read())
    conn.close()
    return resp


def get(path, **kw):
    return request("GET", path, **kw)


def load_auth():
    """Application passwords of the comparison site: {login: password}."""
    creds = {}
    path = os.environ.get("PRESSD_AUTH_ENV")
    if path and os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if "_APP_PASSWORD=" in line:
                k, v = line.split("=", 1)
                creds[k[: -len("_APP_PASSWORD")].lower()] = v.strip().strip("'\"")
    return creds


class Failure(Exception):
    pass


def eq(got, want, what=""):
    if got != want:
        raise Failure(f"{what}\n    got:  {got!r}\n    want: {want!r}")


def ok(cond, what=""):
    if not cond:
        raise Failure(what or "condition is false")


def run(module_globals):
    tests = [(n, f) for n, f in module_globals.items() if n.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, fn in tests:
        try:
            fn()
            passed += 1
        except Failure as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        except Exception:
            failed += 1
            print(f"FAIL {name}: exception\n{traceback.format_exc()}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
