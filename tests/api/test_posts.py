#!/usr/bin/env python3
"""Black-box tests of GET /wp/v2/posts and /wp/v2/posts/<id> against a pressd
serving the comparison site (../shared/reference-wp/SITE.md, loaded by
tests/compare/site.sh). Expected values are WordPress 6.9.4's answers (the
goldens in ../shared/golden/6.9.4/posts-read), never pressd's own output.
Env: PRESSD_URL (e.g. http://127.0.0.1:8080). Last line: "N passed, N failed"."""
import base64
import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ.get("PRESSD_URL", "http://127.0.0.1:8080").rstrip("/")
passed = failed = 0


def admin_auth():
    """Basic credentials of admin from PRESSD_AUTH_ENV (ADMIN_APP_PASSWORD=... or admin:pw), or None."""
    path = os.environ.get("PRESSD_AUTH_ENV", "")
    if not path or not os.path.exists(path):
        return None
    for line in open(path):
        line = line.strip()
        if line.startswith("ADMIN_APP_PASSWORD="):
            pw = line.split("=", 1)[1].strip().strip('"').strip("'")
            return base64.b64encode(f"admin:{pw}".encode()).decode()
        if line.startswith("admin:"):
            return base64.b64encode(line.encode()).decode()
    return None


def fetch(path, method="GET", auth=None):
    req = urllib.request.Request(BASE + path, method=method)
    if auth:
        req.add_header("Authorization", "Basic " + auth)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get(path, method="GET", auth=None):
    status, headers, body = fetch(path, method, auth)
    data = json.loads(body) if body else None
    return status, headers, data


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}", file=sys.stderr)


def ids(data):
    return [p["id"] for p in data] if isinstance(data, list) else data


def test_collection_default():
    s, h, d = get("/wp-json/wp/v2/posts")
    check("list status", s == 200, s)
    check("list total", h.get("X-WP-Total") == "118", h.get("X-WP-Total"))
    check("list pages", h.get("X-WP-TotalPages") == "12", h.get("X-WP-TotalPages"))
    check("list ids", ids(d) == [24365, 30007, 280, 268, 265, 261, 259, 256, 249, 246], ids(d))
    check("list next link", h.get("Link") == f'<{BASE}/wp-json/wp/v2/posts?page=2>; rel="next"', h.get("Link"))
    check("list allow", h.get("Allow") == "GET", h.get("Allow"))
    first = d[0]
    check("field order", list(first) == [
        "id", "date", "date_gmt", "guid", "modified", "modified_gmt", "slug", "status", "type", "link",
        "title", "content", "excerpt", "author", "featured_media", "comment_status", "ping_status",
        "sticky", "template", "format", "meta", "categories", "tags", "class_list", "_links"], list(first))
    s, h, d = get("/wp-json/wp/v2/posts/")
    check("trailing slash", s == 200 and len(d) == 10, s)


def test_paging():
    s, h, d = get("/wp-json/wp/v2/posts?page=2")
    check("page 2", ids(d) == [243, 240, 237, 229, 225, 218, 214, 212, 210, 208], ids(d))
    check("page 2 links", h.get("Link") == f'<{BASE}/wp-json/wp/v2/posts?page=1>; rel="prev", '
          f'<{BASE}/wp-json/wp/v2/posts?page=3>; rel="next"', h.get("Link"))
    s, h, d = get("/wp-json/wp/v2/posts?per_page=100&page=2")
    check("per_page 100 page 2", len(d) == 18 and d[-1]["id"] == 1000, ids(d))
    check("per_page 100 pages", h.get("X-WP-TotalPages") == "2")
    s, h, d = get("/wp-json/wp/v2/posts?per_page=7&page=3")
    check("per_page 7 page 3", ids(d) == [225, 218, 214, 212, 210, 208, 203], ids(d))
    check("per_page 7 pages", h.get("X-WP-TotalPages") == "17")
    s, h, d = get("/wp-json/wp/v2/posts?offset=5&page=2&per_page=5")
    check("offset beats page", ids(d) == [261, 259, 256, 249, 246], ids(d))
    check("offset pages", h.get("X-WP-TotalPages") == "24")
    s, h, d = get("/wp-json/wp/v2/posts?page=999")
    check("page 999", s == 400 and d["code"] == "rest_post_invalid_page_number", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts?per_page=0")
    check("per_page 0", s == 400 and d["code"] == "rest_invalid_param", (s, d))
    s, h, _ = fetch("/wp-json/wp/v2/posts", "HEAD")
    check("HEAD", s == 200 and h.get("X-WP-Total") == "118" and h.get("X-WP-TotalPages") == "12", s)


def test_ordering():
    cases = {
        "order=asc": [1000, 1151, 1152, 1170, 1169, 1175, 562, 575, 565, 579],
        "orderby=title&order=asc&per_page=20": [1169, 134, 86, 237, 280, 240, 24365, 214, 1730, 1738, 1732,
                                                1734, 1736, 1747, 1743, 1745, 1752, 1755, 1749, 97],
        "orderby=slug&per_page=20": [150, 163, 34, 95, 69, 1174, 1175, 218, 51, 8, 1241, 1149, 1168, 1171,
                                     996, 1016, 1011, 1446, 993, 1150],
        "orderby=id&order=asc": [8, 16, 17, 19, 21, 23, 24, 31, 34, 39],
        "orderby=modified": [24365, 30007, 69, 57, 136, 44, 167, 210, 259, 229],
        "orderby=include&include=1241,1178,358": [1241, 1178, 358],
        "search=template&orderby=relevance": [1016, 1011, 996, 993, 1446, 1171, 1241, 1148, 1150, 1149],
    }
    for q, want in cases.items():
        s, h, d = get("/wp-json/wp/v2/posts?" + q)
        check("order " + q, s == 200 and ids(d) == want, ids(d))
    s, h, d = get("/wp-json/wp/v2/posts?orderby=relevance")
    check("relevance needs search", s == 400 and d["code"] == "rest_no_search_term_defined", d)
    s, h, d = get("/wp-json/wp/v2/posts?order=sideways")
    check("bad order", s == 400 and d["data"]["details"]["order"]["code"] == "rest_not_in_enum", d)


def test_filters():
    cases = {
        "search=block": (77, [24365, 280, 268]),
        "search=%22": (99, [24365, 280, 268]),
        "include=1241,1178": (2, [1178, 1241]),
        "include[]=1241&include[]=1178": (2, [1178, 1241]),
        "exclude=1241,1178": (116, [24365, 30007, 280]),
        "slug=template-sticky,markup-image-alignment": (2, [1177, 1241]),
        "after=2012-01-01T00:00:00": (97, [24365, 30007, 280]),
        "before=2010-01-01T00:00:00": (6, [1175, 1169, 1170, 1152, 1151, 1000]),
        "modified_after=2013-01-01T00:00:00": (86, [24365, 30007, 280]),
        "categories=2835016": (1, [1152]),
        "categories_exclude=2835016": (117, [24365, 30007, 280]),
        "tags=695220": (1, [1151]),
        "tags=695220&categories=2835016&tax_relation=OR": (2, [1152, 1151]),
        "sticky=true": (1, [1241]),
        "sticky=false&per_page=5": (117, [24365, 30007, 280]),
        "author=1": (0, []),
        "author_exclude=1": (118, [24365, 30007, 280]),
        "format=aside": (1, [559]),
    }
    for q, (total, head) in cases.items():
        s, h, d = get("/wp-json/wp/v2/posts?" + q)
        check("filter " + q, s == 200 and h.get("X-WP-Total") == str(total) and ids(d)[:len(head)] == head,
              (s, h.get("X-WP-Total"), ids(d)[:5]))
    s, h, d = get("/wp-json/wp/v2/posts?exclude=1241,1178")
    check("sanitized params in Link", h.get("Link") ==
          f'<{BASE}/wp-json/wp/v2/posts?exclude%5B0%5D=1241&exclude%5B1%5D=1178&page=2>; rel="next"', h.get("Link"))
    s, h, d = get("/wp-json/wp/v2/posts?status=draft")
    check("status draft forbidden", s == 400 and
          d["data"]["details"]["status"] == {"code": "rest_forbidden_status", "message": "Status is forbidden.",
                                             "data": {"status": 401}} and h.get("Allow") == "GET", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts?context=edit")
    check("edit context forbidden", s == 401 and d["code"] == "rest_forbidden_context", (s, d))


def test_shaping():
    s, h, d = get("/wp-json/wp/v2/posts?_fields=id,title")
    check("_fields", s == 200 and list(d[0]) == ["id", "title"] and list(d[0]["title"]) == ["rendered"], d[0])
    s, h, d = get("/wp-json/wp/v2/posts?context=embed")
    check("embed fields", list(d[0]) == ["id", "date", "slug", "type", "link", "title", "excerpt", "author",
                                         "featured_media", "_links"], list(d[0]))


def test_single():
    s, h, d = get("/wp-json/wp/v2/posts/1241")
    check("single status", s == 200, s)
    check("single alternate", h.get("Link") == f'<{BASE}/uncategorized/template-sticky/>; rel="alternate"; type=text/html',
          h.get("Link"))
    check("single link", d["link"] == f"{BASE}/uncategorized/template-sticky/", d.get("link"))
    check("single dates", (d["date"], d["date_gmt"]) == ("2012-01-07T07:07:21", "2012-01-07T14:07:21"))
    check("single terms", d["categories"] == [192, 1] and d["tags"] == [45997922, 11867], (d["categories"], d["tags"]))
    check("single sticky", d["sticky"] is True)
    check("single class_list", d["class_list"] == ["post-1241", "post", "type-post", "status-publish",
                                                   "format-standard", "hentry", "category-classic",
                                                   "category-uncategorized", "tag-sticky-2", "tag-template"],
          d["class_list"])
    check("single meta", list(d["meta"]) == ["footnotes", "rank_math_title", "rank_math_description",
                                            "rank_math_canonical_url", "rank_math_focus_keyword"], d["meta"])
    check("single self hints", d["_links"]["self"] == [{"href": f"{BASE}/wp-json/wp/v2/posts/1241",
                                                        "targetHints": {"allow": ["GET"]}}], d["_links"]["self"])
    check("single no revisions", d["_links"]["version-history"][0]["count"] == 0 and
          "predecessor-version" not in d["_links"])
    s, h, d = get("/wp-json/wp/v2/posts/24365")
    check("seed featured", d["featured_media"] == 17699 and "has-post-thumbnail" in d["class_list"])
    check("seed revisions", d["_links"]["version-history"][0]["count"] == 5 and
          d["_links"]["predecessor-version"][0]["id"] == 32109, d["_links"].get("predecessor-version"))
    check("seed link", d["link"] == f"{BASE}/new/autoimmune-related-balding/", d["link"])
    check("seed meta", d["meta"]["rank_math_focus_keyword"] == "autoimmune disease balding", d["meta"])
    s, h, d = get("/wp-json/wp/v2/posts/1168")
    check("protected", s == 200 and d["content"] == {"rendered": "", "protected": True} and
          "post-password-required" in d["class_list"], d.get("content"))
    s, h, d = get("/wp-json/wp/v2/posts/1168?password=enter")
    check("password ok", s == 200 and d["content"]["rendered"] != "" and d["content"]["protected"] is True)
    s, h, d = get("/wp-json/wp/v2/posts/1168?password=wrong")
    check("password wrong", s == 403 and d["code"] == "rest_post_incorrect_password", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts/1164")
    check("draft hidden", s == 401 and d["code"] == "rest_forbidden", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts/1153")
    check("future hidden", s == 401 and d["code"] == "rest_forbidden", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts/99999999")
    check("missing", s == 404 and d["code"] == "rest_post_invalid_id" and d["message"] == "Invalid post ID.", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts/30001")
    check("a page is not a post", s == 404 and d["code"] == "rest_post_invalid_id", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts/abc")
    check("non-numeric", s == 404 and d["code"] == "rest_no_route", (s, d))
    s, h, d = get("/wp-json/wp/v2/posts/1241?context=embed")
    check("single embed", list(d) == ["id", "date", "slug", "type", "link", "title", "excerpt", "author",
                                     "featured_media", "_links"], list(d))


def test_seed_bytes():
    """GET /posts/24365 is byte for byte WordPress 6.9.4's answer (the seed's
    shape, rendered content included), when ../shared's golden is there."""
    shared = os.environ.get("PRESSD_SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                            "..", "..", "..", "shared")
    golden = os.path.join(shared, "golden", "6.9.4", "posts-read", "GET_wp_json_wp_v2_posts_24365-717d72fc.txt")
    if not os.path.exists(golden):
        print("SKIP seed bytes: no ../shared golden", file=sys.stderr)
        return
    raw = open(golden, "rb").read()
    want = raw.split(b"\n\n", 1)[1].rstrip(b"\n").replace(b"{BASE}", BASE.replace("/", "\\/").encode())
    s, h, body = fetch("/wp-json/wp/v2/posts/24365")
    at = next((i for i, (a, b) in enumerate(zip(body, want)) if a != b), min(len(body), len(want)))
    check("seed bytes", s == 200 and body == want,
          f"{len(body)} vs {len(want)} bytes, first difference at {at}: {body[at - 40:at + 40]!r} / {want[at - 40:at + 40]!r}")


def test_admin():
    """As admin (only when the server has application passwords)."""
    auth = admin_auth()
    if not auth:
        return
    s, h, d = get("/wp-json/wp/v2/posts?status=draft", auth=auth)
    check("admin drafts", s == 200 and ids(d) == [30005, 1164], (s, ids(d)))
    # The floating draft 30005: date_gmt from its local date; a plain link.
    check("admin floating draft", d[0]["date"] == "2024-03-04T11:00:00" and d[0]["date_gmt"] == "2024-03-04T10:00:00"
          and d[0]["link"] == f"{BASE}/?p=30005", d[0])
    s, h, d = get("/wp-json/wp/v2/posts?status=any", auth=auth)
    check("admin any", s == 200 and h.get("X-WP-Total") == "124" and ids(d)[:2] == [30006, 1153], (s, ids(d)))
    s, h, d = get("/wp-json/wp/v2/posts/1164", auth=auth)
    check("admin draft single", s == 200 and d["link"] == f"{BASE}/?p=1164", s)
    s, h, d = get("/wp-json/wp/v2/posts/24365?context=edit", auth=auth)
    check("admin edit fields", s == 200 and d["permalink_template"] == f"{BASE}/new/%postname%/" and
          d["generated_slug"] == "autoimmune-related-balding-causes-diagnosis-treatment" and
          d["password"] == "" and "raw" in d["content"] and "block_version" in d["content"], d.get("generated_slug"))
    check("admin edit actions", "wp:action-publish" in d["_links"] and "wp:action-assign-tags" in d["_links"],
          list(d["_links"]))


for t in [test_collection_default, test_paging, test_ordering, test_filters, test_shaping, test_single, test_seed_bytes,
          test_admin]:
    try:
        t()
    except Exception as e:  # a crash counts as one failure
        failed += 1
        print(f"FAIL {t.__name__}: {e!r}", file=sys.stderr)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
