#!/usr/bin/env python3
"""samples_compare.py BASE SAMPLES_DIR - fetches every post and page of the
import-6.9.4 samples from a pressd at BASE and compares title.rendered,
content.rendered and excerpt.rendered with WordPress 6.9.4's. The host
(127.0.0.1:PORT, also URL-encoded) reads HOST on both sides, and the
lightbox's uniqid() values (which WordPress varies too) read UNIQID. Prints one line
per post that differs (SHOW=N adds N lines of diff) and "N identical, M differ"."""
import difflib, json, os, re, sys, urllib.request

base, samples = sys.argv[1], sys.argv[2]
host = re.escape(base.split('://', 1)[1])
FIELDS = ('title', 'content', 'excerpt')


def norm(s):
    # the image lightbox's uniqid() differs on every request, in WordPress too
    s = re.sub(r'(imageId&quot;:&quot;|data-wp-key=")[0-9a-f]{13}', r'\1UNIQID', s)
    s = re.sub(r'127\.0\.0\.1%3A\d+', 'HOST', s)
    return re.sub(host, 'HOST', s)


def body(path):
    raw = open(path, encoding='utf-8').read()
    return json.loads(re.split(r'\r?\n\r?\n', raw, maxsplit=1)[1])


same = differ = 0
show = int(os.environ.get('SHOW', '0'))
for kind in ('posts', 'pages'):
    d = os.path.join(samples, kind)
    for f in sorted(os.listdir(d), key=lambda n: int(n.split('.')[0])):
        want = body(os.path.join(d, f))
        pid = want['id']
        try:
            with urllib.request.urlopen(f'{base}/wp-json/wp/v2/{kind}/{pid}', timeout=30) as r:
                got = json.loads(r.read().decode('utf-8'))
        except Exception as e:  # an error response or a crash is a difference
            got = {'error': str(e)}
        bad = []
        for field in FIELDS:
            w = norm(want.get(field, {}).get('rendered', ''))
            g = norm(got.get(field, {}).get('rendered', '')) if field in got else None
            if w != g:
                bad.append((field, w, g))
        if not bad:
            same += 1
            continue
        differ += 1
        print(f'DIFF {kind}/{pid}: {",".join(b[0] for b in bad)}' + (f' ({got["error"]})' if 'error' in got else ''))
        for field, w, g in bad if show else ():
            lines = difflib.unified_diff(w.replace('>', '>\n').splitlines(), (g or '').replace('>', '>\n').splitlines(),
                                         f'wordpress {field}', f'pressd {field}', n=1, lineterm='')
            for line in list(lines)[:show]:
                print('    ' + line[:300])
print(f'{same} identical, {differ} differ')
