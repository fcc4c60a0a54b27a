#!/usr/bin/env python3
"""Extracts WordPress 6.9.4's route documents (namespace, methods, endpoints
with args, and the item schema where an OPTIONS response shows it) from the
golden responses into schema/routes.json, which pressd compiles in and uses for
/wp-json/, OPTIONS and parameter validation. WordPress defines these in PHP
controllers; this copies that data once, it is not run at build time.

usage: tools/extract-routes.py ../shared/golden/6.9.4 > schema/routes.json
"""
import json, sys, os, glob, collections

SERVED = [
    "/", "/wp/v2",
    "/wp/v2/posts", "/wp/v2/posts/(?P<id>[\\d]+)",
    "/wp/v2/posts/(?P<parent>[\\d]+)/revisions", "/wp/v2/posts/(?P<parent>[\\d]+)/revisions/(?P<id>[\\d]+)",
    "/wp/v2/posts/(?P<id>[\\d]+)/autosaves", "/wp/v2/posts/(?P<parent>[\\d]+)/autosaves/(?P<id>[\\d]+)",
    "/wp/v2/pages", "/wp/v2/pages/(?P<id>[\\d]+)",
    "/wp/v2/media", "/wp/v2/media/(?P<id>[\\d]+)",
    "/wp/v2/types", "/wp/v2/types/(?P<type>[\\w-]+)",
    "/wp/v2/statuses", "/wp/v2/statuses/(?P<status>[\\w-]+)",
    "/wp/v2/taxonomies", "/wp/v2/taxonomies/(?P<taxonomy>[\\w-]+)",
    "/wp/v2/categories", "/wp/v2/categories/(?P<id>[\\d]+)",
    "/wp/v2/tags", "/wp/v2/tags/(?P<id>[\\d]+)",
    "/wp/v2/users", "/wp/v2/users/(?P<id>[\\d]+)", "/wp/v2/users/me",
    "/wp/v2/users/(?P<user_id>(?:[\\d]+|me))/application-passwords",
    "/wp/v2/users/(?P<user_id>(?:[\\d]+|me))/application-passwords/introspect",
    "/wp/v2/users/(?P<user_id>(?:[\\d]+|me))/application-passwords/(?P<uuid>[\\w\\-]+)",
    "/wp/v2/comments", "/wp/v2/comments/(?P<id>[\\d]+)",
    "/wp/v2/search",
]

def body(path):
    raw = open(path, encoding="utf-8").read()
    return json.loads(raw.split("\n\n", 1)[1], object_pairs_hook=collections.OrderedDict)

golden = sys.argv[1]
index = body(glob.glob(os.path.join(golden, "discovery", "GET_wp_json-*.txt"))[0])
schemas = {
    "/wp/v2/posts": body(glob.glob(os.path.join(golden, "posts-read", "OPTIONS_wp_json_wp_v2_posts-*.txt"))[0]),
    "/wp/v2/posts/(?P<id>[\\d]+)": body(glob.glob(os.path.join(golden, "posts-read", "OPTIONS_wp_json_wp_v2_posts_1241-*.txt"))[0]),
}
out = collections.OrderedDict()
out["index"] = collections.OrderedDict((k, v) for k, v in index.items() if k != "routes")
routes = collections.OrderedDict()
for pattern in SERVED:
    doc = collections.OrderedDict(index["routes"][pattern])
    doc.pop("_links", None)
    if pattern in schemas and "schema" in schemas[pattern]:
        doc["schema"] = schemas[pattern]["schema"]
    routes[pattern] = doc
out["routes"] = routes
json.dump(out, sys.stdout, separators=(",", ":"), ensure_ascii=False)
