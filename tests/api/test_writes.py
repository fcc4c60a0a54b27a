#!/usr/bin/env python3
"""Black-box tests of writing posts against a pressd serving the comparison site
(tests/compare/site.sh): create / update / trash / delete by every role, status
transitions, WordPress's error codes and statuses, revisions after sequences of
edits, autosaves, and that a refused or failed write changes nothing.
Expected values are WordPress 6.9.4's (samples writes*.txt, the live reference
site). Every post made here is deleted again at the end: the golden comparisons
run on the same server afterwards.
Env: PRESSD_URL, PRESSD_AUTH_ENV. Last line: "N passed, N failed"."""
import base64
import http.client
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import URL, Failure, eq, load_auth, ok, run  # noqa: E402

CREDS = load_auth()
CREATED = []          # IDs to delete at the end
IDS = {"admin": 1, "editor": 2, "contributor": 3, "subscriber": 4, "author": 5}


def call(method, path, body=None, user=None, form=None, headers=None, raw=None):
    """(status, headers dict (lower-case names), parsed JSON or raw bytes)."""
    u = urllib.parse.urlsplit(URL)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    hdrs = dict(headers or {})
    data = None
    if raw is not None:
        data = raw.encode()
        hdrs.setdefault("Content-Type", "application/json")
    elif form is not None:
        data = urllib.parse.urlencode(form, doseq=True).encode()
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if user:
        if user not in CREDS:
            raise Failure(f"no application password for {user} in PRESSD_AUTH_ENV")
        tok = base64.b64encode(f"{user}:{CREDS[user]}".encode()).decode()
        hdrs["Authorization"] = "Basic " + tok
    conn.request(method, "/wp-json" + path, body=data, headers=hdrs)
    r = conn.getresponse()
    out = r.read()
    h = {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    try:
        out = json.loads(out) if out else None
    except ValueError:
        pass
    return r.status, h, out


def create(user, body, want=201):
    status, h, data = call("POST", "/wp/v2/posts", body, user)
    eq(status, want, f"create by {user}: {data}")
    if status == 201:
        CREATED.append(data["id"])
    return data


def err(resp, status, code, message=None):
    st, _, data = resp
    eq((st, data.get("code") if isinstance(data, dict) else data), (status, code))
    if message:
        eq(data["message"], message)
    eq(data["data"]["status"], status)


def get_edit(pid):
    st, _, data = call("GET", f"/wp/v2/posts/{pid}?context=edit", user="admin")
    eq(st, 200)
    return data


# ---- create: who may ----

def test_create_refused_by_role():
    err(call("POST", "/wp/v2/posts", {"title": "x"}), 401, "rest_cannot_create",
        "Sorry, you are not allowed to create posts as this user.")
    err(call("POST", "/wp/v2/posts", {"title": "x"}, "subscriber"), 403, "rest_cannot_create")
    err(call("POST", "/wp/v2/posts", {"title": "x", "status": "publish"}, "contributor"), 403,
        "rest_cannot_publish", "Sorry, you are not allowed to publish posts in this post type.")
    err(call("POST", "/wp/v2/posts", {"title": "x", "status": "private"}, "contributor"), 403,
        "rest_cannot_publish", "Sorry, you are not allowed to create private posts in this post type.")
    err(call("POST", "/wp/v2/posts", {"title": "x", "author": 1}, "author"), 403,
        "rest_cannot_edit_others", "Sorry, you are not allowed to create posts as this user.")
    err(call("POST", "/wp/v2/posts", {"title": "x", "sticky": True}, "contributor"), 403,
        "rest_cannot_assign_sticky", "Sorry, you are not allowed to make posts sticky.")


def test_create_by_each_role():
    for user, status in (("admin", "publish"), ("editor", "publish"), ("author", "publish"),
                         ("contributor", "pending"), ("contributor", "draft")):
        d = create(user, {"title": f"By {user} {status}", "content": "Body", "status": status})
        eq(d["status"], status)
        eq(d["author"], IDS[user])
        eq(d["slug"], "" if status in ("draft", "pending") else f"by-{user}-{status}")
        eq(d["revisions"] if "revisions" in d else 0, 0)
        eq(d["_links"]["version-history"][0]["count"], 0)


def test_create_response_shape():
    st, h, d = call("POST", "/wp/v2/posts", {
        "title": "Writes shape", "content": "Hello <b>world</b>", "excerpt": "Ex",
        "status": "publish", "categories": [2], "tags": [], "comment_status": "closed",
        "ping_status": "closed", "format": "aside", "meta": {"rank_math_title": "RM"}}, "admin")
    eq(st, 201)
    CREATED.append(d["id"])
    eq(h.get("location"), f"{URL}/wp-json/wp/v2/posts/{d['id']}")
    eq(h.get("allow"), "GET, POST")
    eq(d["title"], {"raw": "Writes shape", "rendered": "Writes shape"})
    eq(d["content"]["raw"], "Hello <b>world</b>")
    eq(d["excerpt"]["raw"], "Ex")
    eq((d["comment_status"], d["ping_status"], d["format"]), ("closed", "closed", "aside"))
    eq(d["categories"], [2])
    eq(d["meta"]["rank_math_title"], "RM")
    eq(d["slug"], "writes-shape")
    # The guid is get_permalink() inside wp_insert_post(), before the REST
    # categories replace the default one.
    eq(d["guid"]["raw"], f"{URL}/uncategorized/writes-shape/")
    ok("wp:action-publish" in d["_links"], "edit context links")


def test_create_validation_errors():
    st, _, d = call("POST", "/wp/v2/posts", {"title": "x", "status": "bogus"}, "admin")
    eq((st, d["code"]), (400, "rest_invalid_param"))
    eq(d["data"]["params"]["status"], "status is not one of publish, future, draft, pending, and private.")
    err(call("POST", "/wp/v2/posts", {}, "admin"), 400, "empty_content", "Content, title, and excerpt are empty.")
    err(call("POST", "/wp/v2/posts", {"id": 1, "title": "x"}, "admin"), 400, "rest_post_exists",
        "Cannot create existing post.")
    err(call("POST", "/wp/v2/posts", {"title": "x", "author": 999}, "admin"), 400, "rest_invalid_author",
        "Invalid author ID.")
    err(call("POST", "/wp/v2/posts", raw='{"title":', user="admin"), 400, "rest_invalid_json")
    err(call("POST", "/wp/v2/posts", {"title": "x", "password": "pw", "sticky": True}, "admin"), 400,
        "rest_invalid_field", "A post can not be sticky and have a password.")
    st, _, d = call("POST", "/wp/v2/posts", {"title": "x", "date": "notadate"}, "admin")
    eq((st, d["code"]), (400, "rest_invalid_param"))


def test_create_quirks_of_terms_and_media():
    # An unknown category ID is skipped (no default category then); an unknown
    # featured_media is ignored (samples w_create_bad_cat / w_create_bad_fm).
    d = create("admin", {"title": "Bad cat", "categories": [999999]})
    eq(d["categories"], [])
    d = create("admin", {"title": "Bad media", "featured_media": 999999})
    eq((d["featured_media"], d["categories"]), (0, [1]))


def test_form_and_query_bodies():
    st, _, d = call("POST", "/wp/v2/posts", None, "admin",
                    form=[("title", "Form post"), ("content", "Form body"), ("status", "draft"),
                          ("categories[]", "2"), ("categories[]", "3")])
    eq(st, 201)
    CREATED.append(d["id"])
    eq((d["title"]["raw"], d["status"], sorted(d["categories"])), ("Form post", "draft", [2, 3]))
    st, _, d = call("POST", "/wp/v2/posts?title=Query+post&status=pending", None, "admin")
    eq(st, 201)
    CREATED.append(d["id"])
    eq((d["title"]["raw"], d["status"]), ("Query post", "pending"))


def test_slugs():
    a = create("admin", {"title": "Same title here", "status": "publish", "content": "c"})
    b = create("admin", {"title": "Same title here", "status": "publish", "content": "c"})
    eq((a["slug"], b["slug"]), ("same-title-here", "same-title-here-2"))
    c = create("admin", {"title": "x", "slug": "My Custom Slug!", "status": "publish", "content": "c"})
    eq(c["slug"], "my-custom-slug")
    d = create("admin", {"title": "Draft slug", "slug": "same-title-here"})
    eq(d["slug"], "same-title-here-3")  # drafts get a slug unique as if published
    e = create("admin", {"title": "Draft no slug"})
    eq((e["slug"], e["generated_slug"]), ("", "draft-no-slug"))


def test_dates_and_scheduling():
    d = create("admin", {"title": "Later", "content": "c", "status": "publish", "date": "2031-01-02T03:04:05"})
    eq((d["status"], d["date"], d["date_gmt"]), ("future", "2031-01-02T03:04:05", "2031-01-02T02:04:05"))
    st, _, u = call("POST", f"/wp/v2/posts/{d['id']}", {"date": "2020-01-02T03:04:05", "status": "future"}, "admin")
    eq((st, u["status"], u["date_gmt"]), (200, "publish", "2020-01-02T02:04:05"))
    g = create("admin", {"title": "GMT", "content": "c", "status": "publish", "date_gmt": "2020-06-01T12:00:00"})
    eq((g["date"], g["date_gmt"]), ("2020-06-01T14:00:00", "2020-06-01T12:00:00"))
    z = create("admin", {"title": "Zoned", "content": "c", "status": "publish", "date": "2020-01-01T12:00:00+05:00"})
    eq((z["date"], z["date_gmt"]), ("2020-01-01T08:00:00", "2020-01-01T07:00:00"))


# ---- update ----

def test_update_permissions():
    mine = create("admin", {"title": "Admin owned", "content": "c", "status": "publish"})
    err(call("POST", f"/wp/v2/posts/{mine['id']}", {"title": "x"}, "author"), 403, "rest_cannot_edit",
        "Sorry, you are not allowed to edit this post.")
    err(call("POST", f"/wp/v2/posts/{mine['id']}", {"title": "x"}), 401, "rest_cannot_edit")
    err(call("POST", "/wp/v2/posts/999999", {"title": "x"}, "admin"), 404, "rest_post_invalid_id", "Invalid post ID.")
    st, _, d = call("POST", f"/wp/v2/posts/{mine['id']}", {"title": "Edited by editor"}, "editor")
    eq((st, d["title"]["raw"], d["author"]), (200, "Edited by editor", 1))
    own = create("author", {"title": "Author owned", "content": "c", "status": "publish"})
    err(call("POST", f"/wp/v2/posts/{own['id']}", {"author": 1}, "author"), 403, "rest_cannot_edit_others",
        "Sorry, you are not allowed to update posts as this user.")
    st, _, d = call("POST", f"/wp/v2/posts/{own['id']}", {"content": "Own edit"}, "author")
    eq((st, d["content"]["raw"]), (200, "Own edit"))
    draft = create("contributor", {"title": "Contrib", "content": "c"})
    err(call("POST", f"/wp/v2/posts/{draft['id']}", {"status": "publish"}, "contributor"), 403, "rest_cannot_publish")
    st, _, d = call("POST", f"/wp/v2/posts/{draft['id']}", {"status": "pending"}, "contributor")
    eq((st, d["status"]), (200, "pending"))
    st, _, d = call("POST", f"/wp/v2/posts/{draft['id']}", {"status": "publish"}, "editor")
    eq((st, d["status"], d["slug"]), (200, "publish", "contrib"))
    # Published, the contributor may no longer edit it.
    err(call("POST", f"/wp/v2/posts/{draft['id']}", {"title": "x"}, "contributor"), 403, "rest_cannot_edit")


def test_update_methods():
    d = create("admin", {"title": "Methods", "content": "c"})
    pid = d["id"]
    st, h, u = call("PUT", f"/wp/v2/posts/{pid}", {"title": "Put"}, "admin")
    eq((st, u["title"]["raw"], h.get("allow")), (200, "Put", "GET, POST, PUT, PATCH, DELETE"))
    st, _, u = call("PATCH", f"/wp/v2/posts/{pid}", {"title": "Patch"}, "admin")
    eq((st, u["title"]["raw"]), (200, "Patch"))
    st, _, u = call("POST", f"/wp/v2/posts/{pid}", {"title": "Override"}, "admin",
                    headers={"X-HTTP-Method-Override": "PATCH"})
    eq((st, u["title"]["raw"]), (200, "Override"))
    st, _, u = call("POST", f"/wp/v2/posts/{pid}", None, "admin", form={"excerpt": "Form excerpt"})
    eq((st, u["excerpt"]["raw"], u["title"]["raw"]), (200, "Form excerpt", "Override"))
    st, _, u = call("POST", f"/wp/v2/posts/{pid}?_fields=id,sticky", {"sticky": True}, "admin")
    eq((st, u), (200, {"id": pid, "sticky": True}))
    st, _, u = call("POST", f"/wp/v2/posts/{pid}", {"sticky": False, "_fields": "id,sticky"}, "admin")
    eq((st, u), (200, {"id": pid, "sticky": False}))


def test_sticky_and_password():
    d = create("editor", {"title": "Sticky one", "content": "c", "status": "publish", "sticky": True})
    eq(d["sticky"], True)
    err(call("POST", f"/wp/v2/posts/{d['id']}", {"password": "pw"}, "admin"), 400, "rest_invalid_field",
        "A sticky post can not be password protected.")
    st, _, ids = call("GET", "/wp/v2/posts?sticky=true&_fields=id&per_page=100")
    ok({"id": d["id"]} in ids, "sticky list holds the post")
    st, _, u = call("POST", f"/wp/v2/posts/{d['id']}", {"sticky": False}, "admin")
    eq(u["sticky"], False)
    p = create("admin", {"title": "Protected", "content": "secret", "status": "publish", "password": "pw"})
    eq(p["class_list"][5], "post-password-required")
    err(call("POST", f"/wp/v2/posts/{p['id']}", {"sticky": True}, "admin"), 400, "rest_invalid_field",
        "A password protected post can not be set to sticky.")


# ---- trash, restore, delete ----

def test_trash_restore_delete():
    d = create("admin", {"title": "To trash", "content": "bye", "status": "publish"})
    pid = d["id"]
    err(call("DELETE", f"/wp/v2/posts/{pid}", user="contributor"), 403, "rest_cannot_delete",
        "Sorry, you are not allowed to delete this post.")
    err(call("DELETE", f"/wp/v2/posts/{pid}"), 401, "rest_cannot_delete")
    st, _, t = call("DELETE", f"/wp/v2/posts/{pid}", user="admin")
    eq((st, t["status"], t["slug"]), (200, "trash", "to-trash__trashed"))
    err(call("DELETE", f"/wp/v2/posts/{pid}", user="admin"), 410, "rest_already_trashed",
        "The post has already been deleted.")
    err(call("GET", f"/wp/v2/posts/{pid}"), 401, "rest_forbidden")
    st, _, r = call("POST", f"/wp/v2/posts/{pid}", {"status": "draft"}, "admin")
    eq((st, r["status"], r["slug"]), (200, "draft", "to-trash"))
    st, _, r = call("POST", f"/wp/v2/posts/{pid}?_method=DELETE&force=1", None, "admin")
    eq((st, r["deleted"], r["previous"]["id"], "_links" in r["previous"]), (200, True, pid, False))
    err(call("DELETE", f"/wp/v2/posts/{pid}?force=true", user="admin"), 404, "rest_post_invalid_id")
    err(call("GET", f"/wp/v2/posts/{pid}/revisions", user="admin"), 404, "rest_post_invalid_parent")
    CREATED.remove(pid)


def test_trash_and_delete_unstick():
    # _reset_front_page_settings_for_post() on wp_trash_post / before_delete_post
    # (samples w_del_author_other, w_get_trashed_admin: "sticky":false once trashed).
    d = create("author", {"title": "Sticky trashed", "content": "c", "status": "publish", "sticky": True})
    eq(d["sticky"], True)
    st, _, t = call("DELETE", f"/wp/v2/posts/{d['id']}", user="author")
    eq((st, t["status"], t["sticky"]), (200, "trash", False))
    st, _, ids = call("GET", "/wp/v2/posts?sticky=true&_fields=id&per_page=100")
    ok({"id": d["id"]} not in ids, "a trashed post leaves sticky_posts")
    e = create("admin", {"title": "Sticky deleted", "content": "c", "status": "publish", "sticky": True})
    st, _, r = call("DELETE", f"/wp/v2/posts/{e['id']}?force=true", user="admin")
    eq((st, r["deleted"], r["previous"]["sticky"]), (200, True, True))
    st, _, ids = call("GET", "/wp/v2/posts?sticky=true&_fields=id&per_page=100")
    ok({"id": e["id"]} not in ids, "a deleted post leaves sticky_posts")
    CREATED.remove(e["id"])


def test_fields_links_and_envelope():
    d = create("admin", {"title": "Fields links", "content": "c", "status": "publish"})
    pid = d["id"]
    # A single item's links are not filtered by _fields (samples x_own_edit_author) ...
    st, _, one = call("GET", f"/wp/v2/posts/{pid}?context=edit&_fields=id,_links.self", user="admin")
    eq((st, list(one)), (200, ["id", "_links"]))
    ok("collection" in one["_links"] and "self" in one["_links"], f"every link kept: {list(one['_links'])}")
    # ... a collection's are (samples posts_fields).
    st, _, many = call("GET", f"/wp/v2/posts?include={pid}&_fields=id,_links.self")
    eq((st, list(many[0]["_links"])), (200, ["self"]))
    # A revision has its parent link only when parent is in _fields (samples x_rev_links).
    call("POST", f"/wp/v2/posts/{pid}", {"title": "Fields links 2"}, "admin")
    st, _, revs = call("GET", f"/wp/v2/posts/{pid}/revisions?_fields=id", user="admin")
    rid = revs[0]["id"]
    st, _, r = call("GET", f"/wp/v2/posts/{pid}/revisions/{rid}?_fields=id,_links", user="admin")
    eq((st, r), (200, {"id": rid}))
    st, _, r = call("GET", f"/wp/v2/posts/{pid}/revisions/{rid}?_fields=id,parent,_links", user="admin")
    eq(list(r), ["id", "parent", "_links"])
    # No Allow header when no method is allowed; an envelope's empty headers are [].
    st, h, e = call("GET", "/wp/v2/posts/999999")
    eq((st, "allow" in h), (404, False))
    st, _, e = call("GET", "/wp/v2/posts/999999?_envelope")
    eq((st, e["status"], e["headers"]), (200, 404, []))


def test_author_may_delete_own_only():
    own = create("author", {"title": "Author delete", "content": "c", "status": "publish"})
    other = create("editor", {"title": "Editor keep", "content": "c", "status": "publish"})
    err(call("DELETE", f"/wp/v2/posts/{other['id']}", user="author"), 403, "rest_cannot_delete")
    st, _, t = call("DELETE", f"/wp/v2/posts/{own['id']}", user="author")
    eq((st, t["status"]), (200, "trash"))


# ---- revisions ----

def revision_count(pid):
    st, h, data = call("GET", f"/wp/v2/posts/{pid}/revisions", user="admin")
    eq(st, 200)
    eq(int(h["x-wp-total"]), len(data))
    return data


def test_revisions_follow_edits():
    d = create("admin", {"title": "Rev 1", "content": "c", "status": "publish"})
    pid = d["id"]
    eq(revision_count(pid), [])
    # The first update makes a revision even when nothing it tracks changed.
    call("POST", f"/wp/v2/posts/{pid}", {"sticky": False}, "admin")
    eq(len(revision_count(pid)), 1)
    call("POST", f"/wp/v2/posts/{pid}", {"comment_status": "closed"}, "admin")
    eq(len(revision_count(pid)), 1)  # unchanged title/content/excerpt: none
    for i in range(2, 5):
        call("POST", f"/wp/v2/posts/{pid}", {"title": f"Rev {i}"}, "admin")
    call("POST", f"/wp/v2/posts/{pid}", {"content": "c  "}, "admin")  # whitespace only: none
    revs = revision_count(pid)
    eq([r["title"]["rendered"] for r in revs], ["Rev 4", "Rev 3", "Rev 2", "Rev 1"])
    eq({r["slug"] for r in revs}, {f"{pid}-revision-v1"})
    post = get_edit(pid)
    eq(post["_links"]["version-history"][0]["count"], 4)
    eq(post["_links"]["predecessor-version"][0]["id"], revs[0]["id"])
    st, h, page = call("GET", f"/wp/v2/posts/{pid}/revisions?per_page=3&page=2", user="admin")
    eq((st, len(page), h["x-wp-totalpages"]), (200, 1, "2"))
    err(call("GET", f"/wp/v2/posts/{pid}/revisions?per_page=3&page=5", user="admin"), 400,
        "rest_revision_invalid_page_number")
    one = revs[0]["id"]
    st, _, r = call("GET", f"/wp/v2/posts/{pid}/revisions/{one}?context=edit", user="admin")
    eq((st, r["title"]["raw"], r["parent"]), (200, "Rev 4", pid))
    err(call("GET", f"/wp/v2/posts/{CREATED[0]}/revisions/{one}", user="admin"), 404,
        "rest_revision_parent_id_mismatch")
    err(call("GET", f"/wp/v2/posts/{pid}/revisions", user="author"), 403, "rest_cannot_read",
        "Sorry, you are not allowed to view revisions of this post.")
    err(call("GET", f"/wp/v2/posts/{pid}/revisions"), 401, "rest_cannot_read")
    # WordPress 6.9.4 maps delete_post of a revision to do_not_allow.
    err(call("DELETE", f"/wp/v2/posts/{pid}/revisions/{one}?force=true", user="admin"), 403, "rest_cannot_delete",
        "Sorry, you are not allowed to delete this revision.")
    # Trashing and deleting for good takes the revisions along.
    call("DELETE", f"/wp/v2/posts/{pid}?force=true", user="admin")
    err(call("GET", f"/wp/v2/posts/{pid}/revisions/{one}", user="admin"), 404, "rest_post_invalid_parent")
    CREATED.remove(pid)


# ---- autosaves ----

def test_autosaves():
    d = create("admin", {"title": "Autosaved", "content": "c", "status": "publish"})
    pid = d["id"]
    st, h, a = call("POST", f"/wp/v2/posts/{pid}/autosaves", {"content": "Auto 1", "title": "T"}, "admin")
    eq((st, a["parent"], a["slug"], a["author"], a["content"]["raw"]), (200, pid, f"{pid}-autosave-v1", 1, "Auto 1"))
    ok("preview_link" in a, "preview_link in edit context")
    st, _, b = call("POST", f"/wp/v2/posts/{pid}/autosaves", {"content": "Auto 2", "title": "T"}, "admin")
    eq((st, b["id"], b["content"]["raw"]), (200, a["id"], "Auto 2"))  # updated in place
    st, _, e = call("POST", f"/wp/v2/posts/{pid}/autosaves", {"content": "Editor auto"}, "editor")
    eq((st, e["author"], e["title"]["raw"]), (200, 2, ""))
    ok(e["id"] != a["id"], "one autosave per user")
    err(call("POST", f"/wp/v2/posts/{pid}/autosaves", {"content": "x"}, "author"), 403, "rest_cannot_edit")
    st, _, lst = call("GET", f"/wp/v2/posts/{pid}/autosaves", user="admin")
    eq(sorted(x["id"] for x in lst), sorted([a["id"], e["id"]]))
    err(call("GET", f"/wp/v2/posts/{pid}/autosaves", user="author"), 403, "rest_cannot_read",
        "Sorry, you are not allowed to view autosaves of this post.")
    # The post itself did not change; the autosaves are revisions of it.
    eq(get_edit(pid)["content"]["raw"], "c")
    eq(len(revision_count(pid)), 2)
    # The author's own draft is updated in place.
    dr = create("contributor", {"title": "Own draft", "content": "c"})
    st, _, o = call("POST", f"/wp/v2/posts/{dr['id']}/autosaves", {"content": "Draft autosave"}, "contributor")
    eq((st, o["id"], o["parent"], o["date"]), (200, dr["id"], 0, None))
    eq(get_edit(dr["id"])["content"]["raw"], "Draft autosave")
    eq(len(revision_count(dr["id"])), 0)


# ---- content filtering ----

def test_kses_for_users_without_unfiltered_html():
    a = create("author", {"title": "Scripted <script>alert(1)</script> <b>bold</b>", "status": "publish",
                          "content": "<p onclick=\"x()\">Hi</p><script>alert(1)</script><iframe src=\"http://e.com\"></iframe>",
                          "excerpt": "<b>ex</b><script>x</script>"})
    eq(a["title"]["raw"], "Scripted alert(1) <b>bold</b>")
    eq(a["content"]["raw"], "<p>Hi</p>alert(1)")
    eq(a["excerpt"]["raw"], "<b>ex</b>x")
    b = create("admin", {"title": "Admin <script>s</script>", "content": "<script>alert(1)</script>"})
    eq((b["title"]["raw"], b["content"]["raw"]), ("Admin <script>s</script>", "<script>alert(1)</script>"))


# ---- refused writes change nothing ----

def snapshot():
    ids = ",".join(str(i) for i in CREATED) or "0"
    out = []
    for q in (f"/wp/v2/posts?include={ids}&status=publish,future,draft,pending,private,trash&context=edit"
              f"&per_page=100&orderby=id",
              "/wp/v2/posts?per_page=100&_fields=id,modified,slug,sticky",
              "/wp/v2/categories?per_page=100&_fields=id,count",
              "/wp/v2/tags?per_page=100&_fields=id,count"):
        st, h, d = call("GET", q, user="admin")
        eq(st, 200, q)
        out.append((d, h.get("x-wp-total")))
    for pid in CREATED:
        out.append(call("GET", f"/wp/v2/posts/{pid}/revisions?context=edit", user="admin")[2])
    return out


def test_refused_writes_change_nothing():
    target = create("editor", {"title": "Guarded", "content": "c", "status": "publish", "categories": [2]})
    pid = target["id"]
    before = snapshot()
    attempts = [
        ("POST", "/wp/v2/posts", {"title": "x"}, None),
        ("POST", "/wp/v2/posts", {"title": "x", "status": "publish"}, "contributor"),
        ("POST", "/wp/v2/posts", {"title": "x", "author": 999}, "admin"),
        ("POST", "/wp/v2/posts", {"title": "x", "status": "bogus", "categories": "abc"}, "admin"),
        ("POST", "/wp/v2/posts", {}, "admin"),
        ("POST", "/wp/v2/posts", {"title": "x", "password": "pw", "sticky": True}, "admin"),
        ("POST", f"/wp/v2/posts/{pid}", {"title": "x"}, "author"),
        ("POST", f"/wp/v2/posts/{pid}", {"title": "", "content": "", "excerpt": ""}, "admin"),
        ("POST", f"/wp/v2/posts/{pid}", {"title": "x", "author": 999}, "admin"),
        ("POST", f"/wp/v2/posts/{pid}", {"status": "bogus"}, "admin"),
        ("POST", f"/wp/v2/posts/{pid}", {"date": "notadate", "title": "x"}, "admin"),
        ("DELETE", f"/wp/v2/posts/{pid}", None, "contributor"),
        ("DELETE", f"/wp/v2/posts/{pid}", None, None),
        ("POST", f"/wp/v2/posts/{pid}/autosaves", {"content": "x"}, "author"),
        ("DELETE", f"/wp/v2/posts/{pid}/revisions/1?force=true", None, "admin"),
    ]
    for method, path, body, user in attempts:
        st, _, d = call(method, path, body, user)
        ok(st >= 400, f"{method} {path} {body} by {user} was refused (got {st} {d})")
    st, _, _ = call("POST", f"/wp/v2/posts/{pid}", raw='{"title":', user="admin")
    eq(st, 400)
    eq(snapshot(), before, "read-back after refused writes")


def test_zz_cleanup():
    # Deleting for good restores the term counts the golden comparisons read.
    for pid in list(CREATED):
        st, _, d = call("DELETE", f"/wp/v2/posts/{pid}?force=true", user="admin")
        ok(st in (200, 404), f"cleanup {pid}: {st} {d}")
        CREATED.remove(pid)
    st, _, ids = call("GET", "/wp/v2/posts?sticky=true&_fields=id&per_page=100")
    eq(st, 200)


if __name__ == "__main__":
    run(globals())
