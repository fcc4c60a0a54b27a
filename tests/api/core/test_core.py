"""Black-box tests of the daemon's plumbing on the demo site: routing, errors,
_envelope, _jsonp, HEAD, OPTIONS, limits, logging, start-up refusals and
shutdown. Expected error bodies are WordPress 6.9.4's (../shared/golden)."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from lib import URL, eq, get, ok, request, run  # noqa: E402

NO_ROUTE = (b'{"code":"rest_no_route","message":"No route was found matching the URL and '
            b'request method.","data":{"status":404}}')
BIN = os.environ.get("PRESSD_BIN", "build/pressd")
TMP = os.environ.get("PRESSD_TMP", tempfile.gettempdir())


def test_index_document():
    r = get("/wp-json/")
    eq(r.status, 200)
    eq(r.header("Content-Type"), "application/json; charset=UTF-8")
    d = r.json()
    eq(list(d)[:4], ["name", "description", "url", "home"])
    eq(d["namespaces"], ["wp/v2"])
    ok("/wp/v2/posts" in d["routes"] or "/wp/v2" in d["routes"], "routes listed")


def test_fields_on_index_omits_links():
    r = get("/wp-json/?_fields=name")
    eq(list(r.json()), ["name"])


def test_unknown_route_is_rest_no_route():
    r = get("/wp-json/wp/v2/no-such-route")
    eq(r.status, 404)
    eq(r.body, NO_ROUTE)


def test_rest_route_query_and_trailing_slash():
    eq(get("/?rest_route=/wp/v2").json()["namespace"], "wp/v2")
    eq(get("/wp-json/wp/v2/").json()["namespace"], "wp/v2")


def test_options_lists_allow():
    r = request("OPTIONS", "/wp-json/wp/v2")
    eq(r.status, 200)
    eq(r.header("Allow"), "GET")
    eq(r.json()["namespace"], "wp/v2")


def test_head_has_no_body():
    r = request("HEAD", "/wp-json/wp/v2")
    eq(r.status, 200)
    eq(r.body, b"")


def test_envelope_wraps_errors():
    r = get("/wp-json/wp/v2/no-such-route?_envelope")
    eq(r.status, 200)
    d = r.json()
    eq(d["status"], 404)
    eq(d["body"]["code"], "rest_no_route")


def test_jsonp():
    r = get("/wp-json/?_jsonp=cb&_fields=name")
    eq(r.header("Content-Type"), "application/javascript; charset=UTF-8")
    ok(r.body.startswith(b"/**/cb({"), r.body[:40])
    bad = get("/wp-json/?_jsonp=alert(1)")
    eq(bad.status, 400)
    eq(bad.json()["code"], "rest_callback_invalid")


def test_method_not_served_is_no_route():
    r = request("DELETE", "/wp-json/wp/v2")
    eq(r.status, 404)
    eq(r.body, NO_ROUTE)


def test_body_too_large_is_refused():
    r = request("POST", "/wp-json/wp/v2", body=b"x" * (11 << 20),
                headers={"Content-Type": "application/octet-stream"})
    eq(r.status, 413)


def test_uri_too_long_is_refused():
    r = get("/wp-json/?q=" + "a" * 9000)
    ok(r.status in (414, 400), f"status {r.status}")


def test_invalid_json_body_on_unrouted_method_is_no_route():
    # WordPress matches the route before it parses the body.
    r = request("POST", "/wp-json/wp/v2", body=b"{nope", headers={"Content-Type": "application/json"})
    eq(r.status, 404)
    eq(r.body, NO_ROUTE)


def test_access_log_combined_format():
    get("/wp-json/?_fields=name&logcheck=1")
    time.sleep(0.2)
    log = open(os.path.join(TMP, "access.log")).read()
    line = [l for l in log.splitlines() if "logcheck=1" in l][-1]
    ok(line.startswith("127.0.0.1 - - ["), line)
    ok('"GET /wp-json/?_fields=name&logcheck=1 HTTP/1.1" 200 ' in line, line)


def test_port_in_use_is_refused():
    port = URL.rsplit(":", 1)[1]
    p = subprocess.run([BIN, "serve", "--db", os.path.join(TMP, "pressd.db"),
                        "--listen", f"127.0.0.1:{port}"], capture_output=True, text=True, timeout=10)
    ok(p.returncode != 0, "second server must not start")
    ok("already in use" in p.stderr, p.stderr)


def test_missing_database_is_refused():
    p = subprocess.run([BIN, "serve", "--db", "/nonexistent/dir/x.db", "--listen", "127.0.0.1:1"],
                       capture_output=True, text=True, timeout=10)
    ok(p.returncode != 0 and "does not exist" in p.stderr, p.stderr)


def test_demo_prints_a_working_admin_application_password():
    # make run's promise: the first administrator can write right away.
    d = tempfile.mkdtemp(dir=TMP)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    p = subprocess.Popen([BIN, "serve", "--demo", "--db", os.path.join(d, "demo.db"),
                          "--listen", f"127.0.0.1:{port}", "--access-log", ""],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        for _ in range(50):
            line = p.stdout.readline()
            if "shown once" in line:
                break
        ok("shown once" in line, line)
        password = line.split("shown once): ", 1)[1].strip()
        eq(len(password.replace(" ", "")), 24)
        import http.client, base64, json as js
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        auth = base64.b64encode(f"admin:{password}".encode()).decode()
        c.request("POST", "/wp-json/wp/v2/posts", body=js.dumps({"title": "Hi", "status": "draft"}),
                  headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
        r = c.getresponse()
        eq(r.status, 201)
        eq(js.loads(r.read())["status"], "draft")
    finally:
        p.send_signal(signal.SIGTERM)
        p.communicate(timeout=15)


def test_sigterm_shuts_down_cleanly():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    p = subprocess.Popen([BIN, "serve", "--db", os.path.join(TMP, "pressd.db"),
                          "--listen", f"127.0.0.1:{port}", "--access-log", ""],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    p.send_signal(signal.SIGTERM)
    out, err = p.communicate(timeout=15)
    eq(p.returncode, 0)
    ok("stopped" in err, err)


run(globals())
