#!/usr/bin/env python3
"""Black-box tests of GET /wp/v2/pages and /wp/v2/pages/<id> against a pressd
serving the comparison site (../shared/reference-wp/SITE.md, loaded by
tests/compare/site.sh). Expected values are WordPress 6.9.4's answers (the
import samples ../shared/spec/samples/import-6.9.4/pages/, SITE.md §5 and
tests/compare/golden/pages-read/), never pressd's own output.
Env: PRESSD_URL, PRESSD_AUTH_ENV (admin cases need it). Last line: "N passed, N failed"."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import URL, eq, get, load_auth, ok, run  # noqa: E402

BASE = URL.rstrip("/")
API = "/wp-json/wp/v2"
AUTH = load_auth()
ALL_STATUSES = "status=publish,future,draft,pending,private"


def admin(path):
    return get(path, user="admin", password=AUTH["admin"])


def total(r):
    return int(r.header("X-WP-Total"))


def ids(r):
    return [p["id"] for p in r.json()]


# ---- counts (SITE.md §5) ----

def test_count_anonymous():
    r = get(f"{API}/pages?per_page=1")
    eq(r.status, 200)
    eq(total(r), 23, "X-WP-Total")
    eq(r.header("X-WP-TotalPages"), "23")


def test_count_admin_all_statuses():
    if "admin" not in AUTH:
        return
    r = admin(f"{API}/pages?per_page=100&{ALL_STATUSES}&_fields=id,status")
    eq(total(r), 24, "X-WP-Total")
    eq([p["id"] for p in r.json() if p["status"] != "publish"], [30002])


def test_default_page_is_ten_newest():
    r = get(f"{API}/pages?_fields=id")
    eq(ids(r)[:3], [30001, 353, 1813])
    eq(len(r.json()), 10)


# ---- one page: fields of post type page ----

def test_page_fields():
    r = get(f"{API}/pages/146")
    eq(r.status, 200)
    p = r.json()
    eq(list(p.keys()), ["id", "date", "date_gmt", "guid", "modified", "modified_gmt", "slug", "status",
                        "type", "link", "title", "content", "excerpt", "author", "featured_media",
                        "parent", "menu_order", "comment_status", "ping_status", "template", "meta",
                        "class_list", "_links"])
    eq(p["type"], "page")
    eq(p["menu_order"], 7)
    eq(p["parent"], 0)
    eq(p["link"], f"{BASE}/lorem-ipsum/")
    eq(p["class_list"], ["post-146", "page", "type-page", "status-publish", "hentry"])
    eq(p["meta"], {"footnotes": ""})
    eq(list(p["_links"].keys()), ["self", "collection", "about", "author", "replies", "version-history",
                                  "wp:attachment", "curies"])
    eq(p["_links"]["about"][0]["href"], f"{BASE}{API}/types/page")
    eq(r.header("Link"), f'<{BASE}/lorem-ipsum/>; rel="alternate"; type=text/html')


def test_a_post_is_not_a_page():
    r = get(f"{API}/pages/1241")
    eq(r.status, 404)
    eq(r.json()["code"], "rest_post_invalid_id")
    eq(get(f"{API}/posts/2").status, 404, "a page through /posts")


# ---- hierarchy ----

def test_child_links_follow_the_parents():
    eq(get(f"{API}/pages/172").json()["link"], f"{BASE}/level-1/level-2/level-3/")
    eq(get(f"{API}/pages/1813").json()["link"],
       f"{BASE}/greek/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-3/")


def test_up_link_of_a_child():
    p = get(f"{API}/pages/172").json()
    eq(p["parent"], 173)
    eq(p["_links"]["up"], [{"embeddable": True, "href": f"{BASE}{API}/pages/173"}])
    ok("up" not in get(f"{API}/pages/174").json()["_links"], "a top-level page has no up link")
    ok("wp:term" not in p["_links"], "pages have no taxonomies")


def test_embed_up():
    e = get(f"{API}/pages/172?_embed=up").json()["_embedded"]
    eq(list(e.keys()), ["up"])
    eq(e["up"][0]["id"], 173)
    eq(e["up"][0]["link"], f"{BASE}/level-1/level-2/")


def test_parent_param():
    eq(sorted(ids(get(f"{API}/pages?parent=2&_fields=id"))), [155, 156, 501, 1133, 1134])
    eq(ids(get(f"{API}/pages?parent=0&per_page=100&_fields=id")),
       [30001, 353, 1809, 735, 733, 703, 701, 2, 174, 146])
    r = get(f"{API}/pages?parent_exclude=0&per_page=100&_fields=id,parent")
    eq(total(r), 13)
    ok(all(p["parent"] for p in r.json()), "parent_exclude=0 leaves only children")


def test_menu_order_param_and_orderby():
    eq(ids(get(f"{API}/pages?menu_order=7&_fields=id")), [30001, 146])
    r = get(f"{API}/pages?orderby=menu_order&order=asc&include=2,501,155,156,174,146,733,735&_fields=id")
    eq(ids(r), [2, 501, 155, 156, 174, 146, 733, 735])


def test_post_params_are_not_registered():
    # sticky, categories and format belong to posts: ignored for pages.
    eq(total(get(f"{API}/pages?sticky=true&_fields=id")), 23)
    eq(total(get(f"{API}/pages?categories=1&_fields=id")), 23)
    r = get(f"{API}/pages?orderby=sticky")
    eq(r.status, 400)
    eq(r.json()["code"], "rest_invalid_param")


# ---- visibility ----

def test_private_child_anonymous():
    r = get(f"{API}/pages/30002")
    eq(r.status, 401)
    eq(r.json()["code"], "rest_forbidden")
    ok(30002 not in ids(get(f"{API}/pages?parent=30001&_fields=id")), "hidden from the list")


def test_private_child_admin():
    if "admin" not in AUTH:
        return
    p = admin(f"{API}/pages/30002?context=edit").json()
    eq(p["status"], "private")
    eq(p["parent"], 30001)
    eq(p["menu_order"], 3)
    eq(p["link"], f"{BASE}/reference-parent-page/reference-private-child-page/")
    eq(p["permalink_template"], f"{BASE}/reference-parent-page/%pagename%/")
    eq(p["generated_slug"], "reference-private-child-page")
    eq(p["class_list"], ["post-30002", "page", "type-page", "status-private", "hentry"])
    ok("wp:action-sticky" not in p["_links"] and "wp:action-publish" in p["_links"], "page actions")


def test_drafts_need_edit_pages():
    r = get(f"{API}/pages?status=draft")
    eq(r.status, 400)
    eq(r.json()["code"], "rest_invalid_param")
    r = get(f"{API}/pages?context=edit")
    eq(r.status, 401)
    eq(r.json()["code"], "rest_forbidden_context")
    if "admin" in AUTH:
        r = admin(f"{API}/pages?status=draft")
        eq((r.status, r.json()), (200, []))


def test_generated_slug_is_decoded():
    if "admin" not in AUTH:
        return
    p = admin(f"{API}/pages/1813?context=edit").json()
    eq(p["generated_slug"], "επίπεδο-3")
    eq(p["permalink_template"], f"{BASE}/greek/επίπεδο-2/%pagename%/")


def test_fields():
    r = get(f"{API}/pages/2?_fields=id,link,parent,menu_order,template,class_list")
    eq(r.json(), {"id": 2, "link": f"{BASE}/about/", "parent": 0, "menu_order": 1, "template": "",
                  "class_list": ["post-2", "page", "type-page", "status-publish", "hentry"]})


if __name__ == "__main__":
    run(globals())
