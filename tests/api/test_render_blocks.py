"""Black-box tests of dynamic blocks whose output depends on the site's data,
against a pressd serving the comparison site (../shared/reference-wp/SITE.md).

Each case of tests/compare/render/*.golden.json is a raw post content and the
content.rendered WordPress 6.9.4 gave for it on the same site (recorded by
tests/compare/record-render.py from the live reference). The test creates the
same draft on pressd as the administrator, compares, and deletes it: drafts
change no term counts, so the site stays as it was."""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Failure, URL, load_auth, request, run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDENS = sorted(glob.glob(os.path.join(HERE, "..", "compare", "render", "*.golden.json")))
AUTH = load_auth()


def render_on_pressd(raw):
    r = request("POST", "/wp-json/wp/v2/posts", {"title": "render case", "status": "draft", "content": raw},
                user="admin", password=AUTH.get("admin"))
    if r.status != 201:
        raise Failure(f"POST /posts: {r.status} {r.body[:200]!r}")
    post = r.json()
    request("DELETE", f"/wp-json/wp/v2/posts/{post['id']}?force=true", user="admin", password=AUTH.get("admin"))
    return post["content"]["rendered"]


def check(golden_path):
    cases = json.load(open(golden_path))["cases"]
    bad = []
    for c in cases:
        got = render_on_pressd(c["raw"])
        want = c["rendered"].replace("{BASE}", URL)
        if got != want:
            at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            bad.append(f"{c['raw']}\n      at {at}: got  {got[max(0, at - 60):at + 80]!r}\n"
                       f"              want {want[max(0, at - 60):at + 80]!r}")
    if bad:
        raise Failure(f"{len(bad)} of {len(cases)} cases differ from WordPress:\n    " + "\n    ".join(bad))


def test_tag_cloud_like_wordpress():
    """core/tag-cloud: top tags by count (MariaDB's tie order), name order,
    font sizes, counts, attribute validation, placeholder, block supports."""
    path = [g for g in GOLDENS if os.path.basename(g).startswith("tag-cloud")]
    if not path:
        raise Failure("tests/compare/render/tag-cloud.golden.json is missing")
    check(path[0])


def test_set_attribute_like_wordpress():
    """Values pressd writes into existing tags (WP_HTML_Tag_Processor::
    set_attribute()) are escaped as WordPress escapes them: a block's
    data-id, the cover's aspect ratio, a background image URL."""
    path = [g for g in GOLDENS if os.path.basename(g).startswith("set-attribute")]
    if not path:
        raise Failure("tests/compare/render/set-attribute.golden.json is missing")
    check(path[0])


def test_block_excerpts_like_wordpress():
    """Excerpts the latest-posts block generates (wp_trim_excerpt() inside
    do_blocks(): the teaser up to <!--more-->, no wpautop), for every post."""
    path = [g for g in GOLDENS if os.path.basename(g).startswith("block-excerpts")]
    if not path:
        raise Failure("tests/compare/render/block-excerpts.golden.json is missing")
    check(path[0])


if __name__ == "__main__":
    if not AUTH:
        print("SKIP test_render_blocks: needs PRESSD_AUTH_ENV (the comparison site)")
        print("0 passed, 0 failed")
        sys.exit(0)
    run(globals())
