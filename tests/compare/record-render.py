#!/usr/bin/env python3
"""record-render.py CASES.json > GOLDEN.json - what WordPress renders for each
raw post content in CASES (a JSON array of strings), as content.rendered of a
draft created through the REST API of a live WordPress (docs/reference-wordpress.md),
which is deleted again. The golden maps each input to its output with the
site's URL replaced by {BASE}; tests/api/test_render_blocks.py replays it.

  REFWP=http://127.0.0.1:8069 REFWP_AUTH=/var/lib/reference-wp-8069/app-passwords.env \\
      tests/compare/record-render.py tests/compare/render/tag-cloud.cases.json \\
      > tests/compare/render/tag-cloud.golden.json

Record on a freshly reset comparison site: the drafts change no counts."""
import base64
import json
import os
import sys
import urllib.request

base = os.environ.get("REFWP", "http://127.0.0.1:8069").rstrip("/")
password = None
for line in open(os.environ.get("REFWP_AUTH", "/var/lib/reference-wp-8069/app-passwords.env")):
    if line.startswith("ADMIN_APP_PASSWORD="):
        password = line.split("=", 1)[1].strip().strip("'\"")
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()


def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, headers={"Authorization": auth,
                                 "Content-Type": "application/json"},
                                 data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


out = {"recorded_from": call("GET", "/wp-json/")["name"] + " (WordPress 6.9.4, comparison site)",
       "cases": []}
for raw in json.load(open(sys.argv[1])):
    post = call("POST", "/wp-json/wp/v2/posts", {"title": "render case", "status": "draft", "content": raw})
    out["cases"].append({"raw": raw, "rendered": post["content"]["rendered"].replace(base, "{BASE}")})
    call("DELETE", f"/wp-json/wp/v2/posts/{post['id']}?force=true")
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
