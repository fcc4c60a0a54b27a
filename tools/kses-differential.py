#!/usr/bin/env python3
"""kses-differential.py - compares server/kses.c with WordPress's kses on random
and mutated inputs. Not a test of the suite: run it by hand after changing kses.

    tools/kses-differential.py WORDPRESS_TREE [N] [SEED]

Builds build/kses-run (tools/kses-run.c over the objects of `make`; with ASAN=1
build-asan/kses-run under ASan+UBSan), generates N
cases (default 3000), runs both tools/wp-kses-oracle.php and build/kses-run, and
prints the agreement rate and the first differences."""
import base64, json, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TAGS = ["a", "b", "i", "p", "div", "span", "img", "script", "style", "iframe", "object", "embed",
        "svg", "math", "mi", "table", "td", "ul", "li", "br", "hr", "form", "input", "button",
        "textarea", "video", "audio", "blockquote", "q", "abbr", "strong", "em", "h1", "code",
        "pre", "font", "base", "link", "meta", "title", "details", "area", "del", "SCRIPT", "A",
        "Img", "x-tag", "a1", "strike"]
ATTRS = ["href", "src", "style", "onclick", "onmouseover", "title", "class", "id", "data-x",
         "data-Foo_1", "data-", "rel", "target", "download", "name", "align", "width", "alt",
         "cite", "datetime", "type", "data", "value", "HREF", "OnLoad", "xml:lang", "aria-label",
         "role", "lang", "dir", "hidden", "poster", "usemap", "longdesc", "srcset", "formaction",
         "xmlns", "background", "a.b", "_x", "popover"]
URLS = ["http://example.com/", "https://e.com/x?y=1#z", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)", "java&#x09;script:x", "&#106;avascript:x", "&#x6A;avascript:x",
        "javascript&#58;x", "javascript&#x3a;x", "javascript&colon;x", "javascript&#0000058x",
        "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=", "feed:javascript:x", "feed:feed:feed:http://x",
        "mailto:a@b.c", "tel:123", "/relative/path", "#frag", "?q=1", "//proto.rel", " javascript:x",
        "javascript:javascript:x", "jav&#x0A;ascript:x", "\\0javascript:x", "java\\00script:x",
        "http://example.org/wp-content/uploads/f.pdf", "https://example.org/a.pdf", "urn:x", "irc6:x",
        "a/?b:c", "x:y:z", "&#x3A;x", "javascript :x", "JAVASCRIPT&#X3A;x", "0:0", "feed:0"]
CSS = ["color:red", "color: red", "COLOR:red", "background:url(http://e.com/a.png)",
       "background:url(javascript:x)", "background-image:url('x.png')", "background:url(\"a\")",
       "width:calc(100% - 2px)", "width:expression(alert(1))", "margin:var(--x, calc(1px + 2px))",
       "--my-var:1px", "--x:url(http://a)", "--y:linear-gradient(red,blue)", "position:fixed",
       "behavior:url(x.htc)", "color:red;/*c*/", "font-family:&quot;A&quot;", "z-index:1",
       "background:linear-gradient(to right, rgba(0,0,0,.5), red)", "background:url()",
       "background:url(0)", "color:red}", "a=b", "  ", ";", "0", "display:none", "float:left",
       "grid-template-columns:repeat(2, minmax(0, 1fr))", "filter:url(#x)", "cursor:url(x), auto",
       "color:\\72 ed", "text-align:center\n", "width:min(1px,2px)", "color:red;;width:1px"]
TEXT = ["hello", " ", "\n", "\t", "&", "&amp;", "&nbsp;", "&foo;", "&#39;", "&#x27;", "&#0;",
        "&#00058;", "&#x0003a;", "&#XFFFF;", "&#1114112;", "&#65", "&AMP;", "&hellip;", "&sup2;",
        "&frac12;", "&abcdefghi;", "<", ">", "<<", ">>", "\"", "'", "\\\"", "\\", "é", "\u2019",
        "a < b", "x > y", "<3", "1<2>3", "\x01", "\x0b", "\x1f", "\r\n", "--", "-", "<!", "</", "<?php ?>",
        "<![CDATA[ <script>x</script> ]]>", "<!-- c -->", "<!-- <script>x</script> -->",
        "<!---->", "<!-- a -- b --->", "<!--", "-->", "</1>", "</ x>", "<!doctype html>", "<!x y>",
        "<!X>", "</>", "<:::>", "< b>", "<b\n>", "<//b>", "</b foo>", "<b/>", "<br/>", "<br />",
        "<img/src=x>", "<a\"x\">", "<!-- wp:paragraph -->", "<!-- /wp:paragraph -->",
        "<!-- wp:separator /-->", "[caption]x[/caption]", "%", "=", "`", "\\0", "\\\\00"]
BLOCKS = ['<!-- wp:paragraph {"a":"<b>x</b> & y","b":[1,2.5,true,null],"c":{"0":"x","1":"y"}} -->',
          '<!-- wp:template-part {"tagName":"div","slug":"h"} /-->', '<!-- wp:template-part {"tagName":"script"} /-->',
          '<!-- wp:core/template-part {"tagName":0,"x":{"tagName":"iframe"}} /-->',
          '<!-- wp:image {"id":5,"url":"javascript:alert(1)","alt":"\\u003cscript\\u003ex"} -->',
          '<!-- wp:my/block {"k<b>":"v","k":"w","\\u00e9":"\\u2028","s":"a/b--c\\\\d\\"e"} -->',
          '<!-- wp:group {"style":{"color":{"text":"#fff"}},"layout":{"type":"flex"},"e":{},"l":[]} -->',
          '<!-- wp:p {"n":1e25,"f":0.1,"g":-0.0,"big":12345678901234,"h":[100.0,1e-5,0.0001,1.5e17,1.5e16,-2.5e-300]} -->', '<!-- wp:p {invalid} -->',
          '<!-- /wp:group -->', '<!-- /wp:paragraph -->', '<!--   wp:core/heading   -->', '<!-- wp:html -->',
          '<!-- wp:p {"<script>k</script>":1,"":2,"0":"z","&":3} /-->', '<!-- a ---><!-- b --->']


def rand_attr(r):
    name = r.choice(ATTRS)
    if r.random() < 0.1:
        return name
    if name.lower() in ("href", "src", "cite", "data", "poster", "usemap", "longdesc", "formaction", "xmlns", "background"):
        val = r.choice(URLS)
    elif name.lower() == "style":
        val = ";".join(r.choice(CSS) for _ in range(r.randint(1, 3)))
    elif name.lower() == "type":
        val = r.choice(["application/pdf", "APPLICATION/PDF", "text/html", "button"])
    else:
        val = r.choice(["x", "alert(1)", "a b", "1", "", "&", "<x>", "\"", "'", "a&b", "javascript:x"])
    q = r.choice(['"', "'", "", '"', '"'])
    if q == "" and (val == "" or any(c in val for c in " \"'\t")):
        q = '"'
    if q and q in val:
        val = val.replace(q, "")
    eq = r.choice(["=", "=", " = ", "\n=", "= "])
    return f"{name}{eq}{q}{val}{q}"


def rand_tag(r):
    t = r.choice(TAGS)
    kind = r.random()
    if kind < 0.25:
        return f"</{t}>"
    attrs = "".join(r.choice([" ", " ", "  ", "\n", "\t", "/"]) + rand_attr(r) for _ in range(r.randint(0, 4)))
    end = r.choice([">", ">", " />", "/>", "", " >"])
    return f"<{t}{attrs}{end}"


def rand_doc(r):
    parts = []
    for _ in range(r.randint(1, 12)):
        x = r.random()
        if x < 0.45:
            parts.append(rand_tag(r))
        elif x < 0.8:
            parts.append(r.choice(TEXT))
        elif x < 0.9:
            parts.append(r.choice(BLOCKS))
        else:
            parts.append("<!-- " + rand_doc(r) + " -->")
    return "".join(parts)


def mutate(r, s):
    s = list(s)
    for _ in range(r.randint(1, 4)):
        op = r.random()
        if not s:
            s.append(r.choice("<>\"'=/ -&;"))
            continue
        i = r.randrange(len(s))
        if op < 0.3:
            del s[i]
        elif op < 0.6:
            s.insert(i, r.choice("<>\"'=/ \n-&;#:\\!"))
        elif op < 0.8:
            j = r.randrange(len(s))
            s[i:i] = s[min(i, j):max(i, j)][:20]
        else:
            s[i] = r.choice("<>\"'=/ \t-&;#x0")
    return "".join(s)


ASAN = os.environ.get("ASAN") == "1"
BUILD = "build-asan" if ASAN else "build"
SAN = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-fno-sanitize-recover=all"]


def build():
    """BUILD/kses-run: tools/kses-run.c linked with the objects `make` builds
    (ASAN=1: the sanitizer build of `make asan`)."""
    make = ["make", "-s", BUILD + "/pressd"]
    if ASAN:
        make += ["BUILD=build-asan", "CC=clang", "CFLAGS=-O1 -g " + " ".join(SAN)]
    subprocess.run(make, cwd=ROOT, check=True)
    objs = [os.path.join(d, f) for d in (BUILD + "/server", BUILD + "/server/render")
            for f in sorted(os.listdir(os.path.join(ROOT, d))) if f.endswith(".o") and f != "main.o"]
    libs = subprocess.run(["pkg-config", "--cflags", "--libs", "libmicrohttpd", "jansson", "sqlite3",
                           "libsodium", "libxml-2.0", "libpcre2-8", "nettle"],
                          capture_output=True, text=True, check=True).stdout.split()
    cc = ["clang", *SAN] if ASAN else ["cc"]
    subprocess.run([*cc, "-O1", "-g", "-std=c11", "-D_GNU_SOURCE", "-Iinclude", "-DPCRE2_CODE_UNIT_WIDTH=8",
                    "-o", BUILD + "/kses-run", "tools/kses-run.c", *objs, *libs, "-lpthread", "-lm"],
                   cwd=ROOT, check=True)


ALPHABET = ("<<>>\"'=/ \t\n&#;:-!\\?abxyz0139ABX" + "apsticrjv" * 2 + "()[]{}%*\x00\x0b\xe9")
WORDS = ["<a", "<b", "<p", "<img", "<script", "</", "<!--", "-->", "<!", "href", "style", "on", "src",
         "javascript", "&#", "&#x", "&amp;", "url(", "calc(", "color:", ";", "data-", "wp:", "{\"a\":"]


def chaos(r):
    out = []
    for _ in range(r.randint(1, 40)):
        out.append(r.choice(WORDS) if r.random() < 0.3 else r.choice(ALPHABET))
    return "".join(out)


def rand_protocol(r):
    scheme = r.choice(["javascript", "vbscript", "data", "http", "feed", "mailto", "livescript", "tel"])
    out = []
    for c in scheme:
        y = r.random()
        if y < 0.15:
            out.append("&#%s%d;" % ("0" * r.randint(0, 3), ord(c)))
        elif y < 0.25:
            out.append("&#%s%x;" % (r.choice("xX"), ord(c)))
        elif y < 0.35:
            out.append(c.upper())
        elif y < 0.42:
            out.append(c + r.choice(["\t", "\n", " ", "\x00", "&#9;", "&#x0A;", "\\0"]))
        else:
            out.append(c)
    colon = r.choice([":", ":", "&#58;", "&#058", "&#x3a;", "&#X3A", "&colon;", "&#0000058;", " :", "&#x0003a"])
    return "".join(out) + colon + r.choice(["alert(1)", "//x", "javascript:x", "feed:x", "", " x"])


def gen(n, seed):
    r = random.Random(seed)
    cases = []
    for _ in range(n):
        x = r.random()
        if x < 0.12:
            ctx = r.choice(["post", "data", "strip", "description", "entities", "protocol", "css"])
            c = chaos(r)
            if ctx in ("entities", "protocol", "css"):  # C-string APIs
                c = c.replace("\x00", "")
            cases.append({"context": ctx, "input": c})
            continue
        if x < 0.16:
            raw = bytes(r.choice(b"<>\"'=/ &#;:-!ab\x80\xc3\xa9\xff\xe2\x80\xa8") for _ in range(r.randint(1, 30)))
            cases.append({"context": r.choice(["post", "data", "strip"]),
                          "b64": base64.b64encode(raw).decode()})
            continue
        if x < 0.2:
            ctx = r.choice(["protocol", "post"])
            u = rand_protocol(r)
            cases.append({"context": ctx, "input": u.replace("\x00", "") if ctx == "protocol" else '<a href="%s">x</a><img src=%s>' % (u, u.replace(" ", ""))})
            continue
        if x < 0.55:
            ctx = r.choice(["post", "post", "post", "data", "description", "strip"])
            s = rand_doc(r)
        elif x < 0.7:
            ctx = "protocol"
            s = r.choice(URLS)
        elif x < 0.85:
            ctx = "css"
            s = ";".join(r.choice(CSS) for _ in range(r.randint(1, 4)))
        else:
            ctx = "entities"
            s = "".join(r.choice(TEXT) for _ in range(r.randint(1, 6)))
        if r.random() < 0.4:
            s = mutate(r, s)
        cases.append({"context": ctx, "input": s})
    return cases


def run(cmd, cases):
    p = subprocess.run(cmd, input=json.dumps(cases).encode(), capture_output=True, cwd=ROOT)
    if p.returncode:
        sys.exit(f"{cmd[0]} failed: {p.stderr.decode()[:2000]}")
    return json.loads(p.stdout)


def value(o):
    if "b64" in o:
        return base64.b64decode(o["b64"])
    if "output" in o:
        return o["output"].encode("utf-8", "surrogatepass")
    return ("ERROR %s" % o.get("error")).encode()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    tree = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    build()
    cases = gen(n, seed)
    want = run(["php", "tools/wp-kses-oracle.php", tree], cases)
    got = run([BUILD + "/kses-run"], cases)
    bad = [i for i in range(n) if value(want[i]) != value(got[i])]
    by_ctx = {}
    for i, c in enumerate(cases):
        t = by_ctx.setdefault(c["context"], [0, 0])
        t[0] += 1
        t[1] += i not in bad
    print(f"agreement: {n - len(bad)}/{n} = {100.0 * (n - len(bad)) / n:.2f}%")
    for ctx, (tot, ok) in sorted(by_ctx.items()):
        print(f"  {ctx:12} {ok}/{tot}")
    for i in bad[:int(os.environ.get("SHOW", "10"))]:
        print("---", cases[i]["context"], json.dumps(cases[i]["input"]))
        print("  php:", value(want[i]))
        print("  c:  ", value(got[i]))


if __name__ == "__main__":
    main()
