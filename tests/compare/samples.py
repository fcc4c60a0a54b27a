#!/usr/bin/env python3
"""samples.py BASE SAMPLES AUTH_ENV [DB] - replays the requests of SAMPLES/reqs.txt,
writes.txt and writes2.txt (../shared/spec/samples), in that order, against a pressd
serving tests/compare/fixture.sh's site at BASE, and compares each answer with
WordPress 6.9.4's (SAMPLES/6.9.4/<name>.txt): the status, the headers WordPress sets
(X-WP-Total, X-WP-TotalPages, Link, Allow, Content-Type, Location) and the body, JSON
compared value by value and key order by key order.

What varies between two runs of WordPress itself (version-delta.md §C) is normalised
on both sides: the host (HOST), the moment of writing (a date-time on the day the
fixture was written reads NOW, a /YYYY/MM/DD/ of that day /TODAY/), application
password uuids, passwords and last_ip, preview nonces, per-request counters
(gallery-N), and the order of equal dates in status=any lists.

Reads of endpoints pressd does not serve at all (types, taxonomies, statuses,
search, settings, pages, the media collection) are skipped, one "SKIP" line each.
Writes to served resources that pressd cannot write yet (terms, media, users) are
replayed and differ (tests/compare/known-differences.txt). The post IDs WordPress's
media uploads took are reserved in DB (sqlite_sequence) when pressd made none, so the
posts written after them get WordPress's IDs.

Prints "DIFF <name>: <what>" (with a few indented detail lines) per difference and
"N identical, M differ" last."""
import base64, datetime, http.client, json, os, re, shlex, sqlite3, sys, urllib.parse

base, samples, auth_env = sys.argv[1:4]
db = sys.argv[4] if len(sys.argv) > 4 else None
answers = os.path.join(samples, '6.9.4')
host = base.split('://', 1)[1]
HEADERS = ('x-wp-total', 'x-wp-totalpages', 'link', 'allow', 'content-type', 'location')
SHOW = int(os.environ.get('SHOW', '4'))

# Endpoints pressd does not serve (path after /wp-json, or rest_route): reason.
UNSERVED = [
    (r'^/wp/v2/types', 'post types endpoint not served'),
    (r'^/wp/v2/taxonomies', 'taxonomies endpoint not served'),
    (r'^/wp/v2/statuses', 'statuses endpoint not served'),
    (r'^/wp/v2/search', 'search endpoint not served'),
    (r'^/wp/v2/settings', 'settings endpoint not served'),
    (r'^/wp/v2/pages', 'pages not served yet (branch pages)'),
    (r'^/wp/v2/media(\?|$)', 'media collection not served (only GET /media/<id>)'),
]

creds = {}
for line in open(auth_env, encoding='utf-8'):
    k, _, v = line.strip().partition('=')
    if k.endswith('_APP_PASSWORD'):
        creds[k[:-len('_APP_PASSWORD')]] = v
LOGINS = {'1': ('admin', 'ADMIN'), '2': ('editor1', 'EDITOR'), '3': ('author1', 'AUTHOR'),
          '4': ('contributor1', 'CONTRIBUTOR'), '5': ('subscriber1', 'SUBSCRIBER')}


def run_days():
    """The days whose date-times are "the moment of writing": the samples' day and,
    for pressd, today in UTC and in the site's zone (Europe/Amsterdam, +1 or +2)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    days = {now.date()}
    for h in (1, 2):
        days.add((now + datetime.timedelta(hours=h)).date())
    return days


SAMPLE_DAYS = {datetime.date(2026, 11, 24)}
PRESSD_DAYS = run_days() | SAMPLE_DAYS  # the fixture's users keep the samples' dates


def normaliser(days, hostname):
    dates = '|'.join(d.isoformat() for d in days)
    paths = '|'.join(d.strftime('%Y/%m/%d') for d in days)
    moment = re.compile(r'(?:%s)[T ]\d\d:\d\d:\d\d' % dates)
    day_path = re.compile(r'/(?:%s)/' % paths)
    hosts = [hostname, urllib.parse.quote(hostname, safe='')]

    def norm(s):
        for h in hosts:
            s = s.replace(h, 'HOST')
        s = moment.sub('NOW', s)
        s = day_path.sub('/TODAY/', s)
        s = re.sub(r'preview_nonce=[0-9a-f]{10}', 'preview_nonce=NONCE', s)
        # per-request counters (§C): gallery-N, wp-block-gallery-N, wp-elements-…
        s = re.sub(r'\b(gallery|wp-block-gallery)-\d+', r'\1-N', s)
        s = re.sub(r'\bwp-elements-[0-9a-f]+', 'wp-elements-N', s)
        s = re.sub(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'UUID', s)
        return s
    return norm


norm_wp = normaliser(SAMPLE_DAYS, 'HOST')
norm_pd = normaliser(PRESSD_DAYS, host)


def load_json(text):
    """JSON text -> values where an object is ('{}', [(key, value), ...]), so that key
    order is compared too; raises ValueError when it is not JSON."""
    return json.loads(text, object_pairs_hook=lambda pairs: ('{}', pairs))


def tree(v, norm):
    """Normalises every string; masks an application password's secret fields."""
    if isinstance(v, tuple):
        keys = {k for k, _ in v[1]}
        out = []
        for k, x in v[1]:
            if 'uuid' in keys and k in ('password', 'last_ip') and isinstance(x, str):
                x = 'SECRET'
            out.append((k, tree(x, norm)))
        return ('{}', out)
    if isinstance(v, list):
        return [tree(x, norm) for x in v]
    if isinstance(v, str):
        return norm(v)
    return v


def diff(want, got, path, out):
    if len(out) >= 20:
        return
    if isinstance(want, tuple) and isinstance(got, tuple):
        wk = [k for k, _ in want[1]]
        gk = [k for k, _ in got[1]]
        wd, gd = dict(want[1]), dict(got[1])
        for k in wk:
            if k not in gd:
                out.append(f'{path}.{k}: missing')
        for k in gk:
            if k not in wd:
                out.append(f'{path}.{k}: extra')
        common = [k for k in wk if k in gd]
        if common != [k for k in gk if k in wd]:
            out.append(f'{path}: key order {",".join(gk)} (want {",".join(wk)})')
        for k in common:
            diff(wd[k], gd[k], f'{path}.{k}', out)
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            out.append(f'{path}: {len(got)} items (want {len(want)})')
        for i, (w, g) in enumerate(zip(want, got)):
            diff(w, g, f'{path}[{i}]', out)
    elif want != got or type(want) is not type(got):
        out.append(f'{path}: {short(got)} (want {short(want)})')


def short(v):
    s = json.dumps(v) if not isinstance(v, tuple) else '{…}'
    return s if len(s) <= 160 else s[:157] + '…'


def read_sample(name):
    raw = open(os.path.join(answers, name + '.txt'), encoding='utf-8').read().replace('\r\n', '\n')
    head, _, body = raw.partition('\n\n')
    lines = head.split('\n')
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(':')
        headers.setdefault(k.strip().lower(), v.strip())
    return status, headers, body


def request_of(user, method, path, extra):
    """curl arguments of the request lists -> (method, path, headers, body)."""
    headers, body, form, auth = {}, None, [], None
    args = shlex.split(extra)
    i = 0
    while i < len(args):
        a = args[i]
        v = args[i + 1] if i + 1 < len(args) else ''
        if a == '-H':
            k, _, x = v.partition(':')
            headers[k.strip()] = x.strip()
        elif a in ('-d', '--data', '--data-binary'):
            if v.startswith('@'):  # the samples' upload files are not shared; any bytes do
                data = b'\x89PNG\r\n\x1a\n' + bytes(64)
            else:
                data = v.encode()
            body = data if body is None else body + b'&' + data
            if a != '--data-binary' or not any(h.lower() == 'content-type' for h in headers):
                headers.setdefault('Content-Type', 'application/x-www-form-urlencoded')
        elif a == '-F':
            form.append(v)
        elif a == '-u':
            auth = v
        i += 2
    if auth is None and user != '0':
        login, var = LOGINS[user]
        auth = f'{login}:{creds[var]}'
    if auth:
        headers['Authorization'] = 'Basic ' + base64.b64encode(auth.encode()).decode()
    return method, path, headers, body


def send(method, path, headers, body):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    data = r.read()
    hs = {}
    for k, v in r.getheaders():
        hs.setdefault(k.lower(), v)
    c.close()
    return r.status, hs, data.decode('utf-8', 'replace')


def served(path):
    p = urllib.parse.urlsplit(path)
    if p.path.startswith('/wp-json'):
        route = p.path[len('/wp-json'):] + ('?' + p.query if p.query else '')
    else:
        route = urllib.parse.parse_qs(p.query).get('rest_route', ['/'])[0]
    for rx, why in UNSERVED:
        if re.search(rx, route):
            return why
    return None


def reserve_post_id(pid):
    if not db:
        return
    c = sqlite3.connect(db, timeout=10)
    c.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'wp_posts'", (pid,))
    c.commit()
    c.close()


same = differ = skipped = 0
for listing in ('reqs.txt', 'writes.txt', 'writes2.txt'):
    for line in open(os.path.join(samples, listing), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        name, user, method, path, extra = (line.split('|', 4) + [''])[:5]
        why = served(path) if method in ('GET', 'HEAD', 'OPTIONS') else None
        if why:
            print(f'SKIP {name}: {why}')
            skipped += 1
            continue
        wstatus, wheaders, wbody = read_sample(name)
        try:
            gstatus, gheaders, gbody = send(*request_of(user, method, path, extra))
        except Exception as e:  # a crash or a hang is a difference
            differ += 1
            print(f'DIFF {name}: no answer ({e})')
            continue
        problems = []
        if gstatus != wstatus:
            problems.append(f'status {gstatus} (want {wstatus})')
        for h in HEADERS:
            w = norm_wp(wheaders[h]) if h in wheaders else None
            g = norm_pd(gheaders[h]) if h in gheaders else None
            if w != g:
                problems.append(f'header {h}: {g!r} (want {w!r})')
        details = []
        try:
            wj = tree(load_json(wbody), norm_wp)
        except ValueError:
            wj = None
        if wj is None:
            # the capture ended every body with a newline
            wbody = wbody[:-1] if wbody.endswith('\n') else wbody
            if norm_wp(wbody) != norm_pd(gbody):
                details.append(f'body {norm_pd(gbody)[:150]!r} (want {norm_wp(wbody)[:150]!r})')
        else:
            try:
                gj = tree(load_json(gbody), norm_pd)
                if 'status=any' in path and isinstance(wj, list) and isinstance(gj, list):
                    # §C: several statuses are a MariaDB filesort, unstable for equal dates
                    wj, gj = sorted(wj, key=repr), sorted(gj, key=repr)
                diff(wj, gj, 'body', details)
            except ValueError:
                details.append(f'body is not JSON: {gbody[:150]!r}')
        if details:
            problems.append(f'{len(details)}{"+" if len(details) >= 20 else ""} body difference(s)')
        if wstatus == 201 and '/wp/v2/media' in path and gstatus != 201:
            m = re.search(r'"id":(\d+)', wbody)
            if m:
                reserve_post_id(int(m.group(1)))
        if not problems:
            same += 1
            continue
        differ += 1
        print(f'DIFF {name}: {"; ".join(problems)}')
        for d in details[:SHOW]:
            print(f'    {d}')
print(f'({skipped} requests skipped: endpoints pressd does not serve)')
print(f'{same} identical, {differ} differ')
