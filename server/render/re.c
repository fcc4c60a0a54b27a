/* re.c - PHP's preg_match/preg_replace/preg_split semantics over PCRE2 for the
 * text filters (see re.h). Caches one match data block per thread; nothing
 * else survives a call. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pressd/err.h"
#include "re.h"

int re_compile_all(struct re *res, size_t n)
{
	int rc = PD_OK;
	for (size_t i = 0; i < n; i++) {
		uint32_t opts = res[i].flags & ~RE_UTF;
		if (res[i].flags & RE_UTF)
			opts |= PCRE2_UTF | PCRE2_UCP;
		int err;
		PCRE2_SIZE off;
		res[i].code = pcre2_compile((PCRE2_SPTR)res[i].pattern, PCRE2_ZERO_TERMINATED, opts,
					    &err, &off, NULL);
		if (!res[i].code) {
			rc = PD_EINVAL;
			continue;
		}
		pcre2_jit_compile(res[i].code, PCRE2_JIT_COMPLETE); /* optional speed-up */
	}
	return rc;
}

/* One match data block per thread, large enough for every pattern here
 * (larger ones get their own per call). Callers copy the offsets they need
 * out of it before calling anything that may match again (callbacks nest). */
#define MD_PAIRS 64

static pthread_key_t md_key;
static pthread_once_t md_once = PTHREAD_ONCE_INIT;
static int md_key_ok;

static void md_destroy(void *md)
{
	pcre2_match_data_free(md);
}

static void md_key_init(void)
{
	md_key_ok = pthread_key_create(&md_key, md_destroy) == 0;
}

/* What the matchers ask of a pattern, remembered per thread in a small
 * direct-mapped table (pcre2_pattern_info() on every match added up). */
struct re_info {
	const pcre2_code *code;
	int pairs;   /* ovector pairs a match fills: groups + 1 */
	int jit;     /* 1: JIT-compiled */
};

static __thread struct re_info info_cache[128];

static const struct re_info *info(const struct re *re)
{
	struct re_info *ri = &info_cache[((uintptr_t)re->code >> 4) % 128];
	if (ri->code != re->code) {
		uint32_t n = 0;
		size_t jit_size = 0;
		pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &n);
		ri->pairs = (int)n + 1;
		ri->jit = pcre2_pattern_info(re->code, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size > 0;
		ri->code = re->code;
	}
	return ri;
}

static int pairs(const struct re *re)
{
	return info(re)->pairs;
}

/* The match data for re: the thread's (*owned = 0) or a new one (*owned = 1). */
static pcre2_match_data *md_get(const struct re *re, int *owned)
{
	pthread_once(&md_once, md_key_init);
	*owned = 0;
	if (md_key_ok && pairs(re) <= MD_PAIRS) {
		pcre2_match_data *md = pthread_getspecific(md_key);
		if (md)
			return md;
		md = pcre2_match_data_create(MD_PAIRS, NULL);
		if (md && pthread_setspecific(md_key, md) == 0)
			return md;
		pcre2_match_data_free(md);
	}
	*owned = 1;
	return pcre2_match_data_create_from_pattern(re->code, NULL);
}

static void md_put(pcre2_match_data *md, int owned)
{
	if (owned)
		pcre2_match_data_free(md);
}

/* One match, falling back from JIT to the interpreter when the JIT stack is
 * too small (PHP's larger JIT stack would have succeeded). pcre2_jit_match()
 * is pcre2_match() without its per-call checks: fine for byte patterns and
 * offsets inside the subject; anchored matches need the interpreter anyway. */
static int match_at(const struct re *re, const char *s, size_t n, size_t start, uint32_t opts,
		    pcre2_match_data *md)
{
	int r;
	if (!(re->flags & RE_UTF) && !(opts & PCRE2_ANCHORED) && start <= n && info(re)->jit)
		r = pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, start, opts, md, NULL);
	else
		r = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, opts, md, NULL);
	if (r == PCRE2_ERROR_JIT_STACKLIMIT)
		r = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, opts | PCRE2_NO_JIT, md, NULL);
	return r;
}

int re_match(const struct re *re, const char *s, size_t n, size_t start, size_t *ov, int nov)
{
	if (!re->code)
		return PD_EINVAL;
	int owned;
	pcre2_match_data *md = md_get(re, &owned);
	if (!md)
		return PD_ENOMEM;
	int r = match_at(re, s, n, start, 0, md);
	int rc = 0;
	if (r > 0 || r == 0) {
		PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
		uint32_t cnt = (uint32_t)pairs(re);
		for (int i = 0; i < nov; i++) {
			ov[2 * i] = (uint32_t)i < cnt && (i < r || r == 0) ? v[2 * i] : PCRE2_UNSET;
			ov[2 * i + 1] = (uint32_t)i < cnt && (i < r || r == 0) ? v[2 * i + 1] : PCRE2_UNSET;
		}
		rc = 1;
	} else if (r != PCRE2_ERROR_NOMATCH) {
		rc = PD_EINVAL;
	}
	md_put(md, owned);
	return rc;
}

/* Appends PHP replacement text `repl` for one match. */
static int expand(const char *s, const size_t *ov, int nov, const char *repl, struct buf *out)
{
	int rc = PD_OK;
	for (const char *r = repl; *r && rc == PD_OK;) {
		int g = -1;
		const char *next = r + 1;
		if ((*r == '$' || *r == '\\') && r[1] >= '0' && r[1] <= '9') {
			g = r[1] - '0';
			next = r + 2;
			if (*next >= '0' && *next <= '9') {
				g = g * 10 + (*next - '0');
				next++;
			}
		} else if (*r == '$' && r[1] == '{' && r[2] >= '0' && r[2] <= '9') {
			const char *q = r + 2;
			int v = *q++ - '0';
			if (*q >= '0' && *q <= '9')
				v = v * 10 + (*q++ - '0');
			if (*q == '}') {
				g = v;
				next = q + 1;
			}
		} else if (*r == '\\' && (r[1] == '\\' || r[1] == '$')) {
			/* PHP: a backslash escapes a following backslash or dollar */
			rc = buf_putc(out, r[1]);
			r += 2;
			continue;
		}
		if (g < 0) {
			rc = buf_putc(out, *r);
			r++;
			continue;
		}
		if (g < nov && ov[2 * g] != PCRE2_UNSET)
			rc = buf_append(out, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
		r = next;
	}
	return rc;
}

struct repl_ud {
	const char *repl;
};

static int repl_cb(void *ud, const char *s, const size_t *ov, int nov, struct buf *out)
{
	return expand(s, ov, nov, ((struct repl_ud *)ud)->repl, out);
}

/* preg_replace_callback(); lazy: when nothing matches, append nothing and
 * return 1 (the caller keeps its input), else PD_OK or a pd_err. */
static int replace(const struct re *re, const char *s, size_t n, re_cb cb, void *ud,
		   struct buf *out, long *count, int lazy)
{
	if (!re->code)
		return PD_EINVAL;
	int owned;
	pcre2_match_data *md = md_get(re, &owned);
	if (!md)
		return PD_ENOMEM;
	int nov = pairs(re);
	size_t ovbuf[2 * 32];
	if (nov > 32)
		nov = 32;
	long cnt = 0;
	int rc = PD_OK;
	size_t pos = 0, copied = 0;
	uint32_t opts = 0;
	while (pos <= n) {
		int r = match_at(re, s, n, pos, opts, md);
		if (r == PCRE2_ERROR_NOMATCH) {
			if (!opts)
				break;
			/* an empty match was followed by no non-empty one here: step one
			 * character (a whole UTF-8 sequence in UTF mode), as PHP does */
			opts = 0;
			size_t step = 1;
			if (re->flags & RE_UTF)
				while (pos + step < n && ((unsigned char)s[pos + step] & 0xC0) == 0x80)
					step++;
			pos += step;
			continue;
		}
		if (r < 0) {
			rc = PD_EINVAL;
			break;
		}
		PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
		for (int i = 0; i < nov; i++) {
			int set = r == 0 || i < r;
			ovbuf[2 * i] = set ? v[2 * i] : PCRE2_UNSET;
			ovbuf[2 * i + 1] = set ? v[2 * i + 1] : PCRE2_UNSET;
		}
		size_t ms = ovbuf[0], me = ovbuf[1];
		if ((rc = buf_append(out, s + copied, ms - copied)))
			break;
		if ((rc = cb(ud, s, ovbuf, nov, out)))
			break;
		cnt++;
		copied = me;
		pos = me;
		opts = ms == me ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
		if (pos >= n && ms == me)
			break;
	}
	md_put(md, owned);
	if (count)
		*count = cnt;
	if (rc == PD_OK && lazy && cnt == 0)
		return 1;
	if (rc == PD_OK && copied < n)
		rc = buf_append(out, s + copied, n - copied);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	return rc;
}

int re_replace_cb(const struct re *re, const char *s, size_t n, re_cb cb, void *ud,
		  struct buf *out, long *count)
{
	return replace(re, s, n, cb, ud, out, count, 0);
}

int re_replace(const struct re *re, const char *s, size_t n, const char *repl,
	       struct buf *out, long *count)
{
	struct repl_ud ud = { repl };
	return re_replace_cb(re, s, n, repl_cb, &ud, out, count);
}

static int swap_result(struct buf *b, struct buf *nb, int rc)
{
	if (rc == 1) /* nothing matched: b stays as it is */
		return PD_OK;
	if (rc != PD_OK) {
		buf_free(nb);
		return rc;
	}
	buf_free(b);
	*b = *nb;
	return PD_OK;
}

/* The replacements below leave b untouched, without copying it, when nothing
 * matches (b->data NULL still becomes "", as a full replace would make it). */
int re_replace_buf(const struct re *re, struct buf *b, const char *repl, long *count)
{
	struct buf nb = BUF_INIT;
	struct repl_ud ud = { repl };
	nb.max = b->max;
	return swap_result(b, &nb, replace(re, buf_str(b), b->len, repl_cb, &ud, &nb, count, b->data != NULL));
}

int re_replace_cb_buf(const struct re *re, struct buf *b, re_cb cb, void *ud, long *count)
{
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	return swap_result(b, &nb, replace(re, buf_str(b), b->len, cb, ud, &nb, count, b->data != NULL));
}

/* memmem() for the short needles of the filters: glibc's memmem() sets up
 * a shift table per call, which costs more than the search in short texts.
 * After many false candidates (pathological input) it hands over to memmem(). */
static const char *find(const char *s, size_t n, const char *needle, size_t nl)
{
	if (nl == 0)
		return s;
	if (nl > n)
		return NULL;
	const char *end = s + n - nl + 1;
	int misses = 0;
	for (const char *p = s; p < end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (memcmp(p + 1, needle + 1, nl - 1) == 0)
			return p;
		if (++misses > 32)
			return memmem(p + 1, (size_t)(s + n - p - 1), needle, nl);
	}
	return NULL;
}

const char *re_memmem(const char *s, size_t n, const char *needle, size_t nl)
{
	return find(s, n, needle, nl);
}

int str_replace_buf(struct buf *b, const char *from, const char *to, long *count)
{
	size_t fl = strlen(from), tl = strlen(to);
	long cnt = 0;
	if (count)
		*count = 0;
	const char *p = b->data && fl ? find(b->data, b->len, from, fl) : NULL;
	if (!p)
		return PD_OK;
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	const char *s = b->data, *end = s + b->len;
	int rc = PD_OK;
	for (; rc == PD_OK && p; s = p + fl, p = find(s, (size_t)(end - s), from, fl)) {
		rc = buf_append(&nb, s, (size_t)(p - s));
		if (rc == PD_OK)
			rc = buf_append(&nb, to, tl);
		cnt++;
	}
	if (rc == PD_OK)
		rc = buf_append(&nb, s, (size_t)(end - s));
	if (count)
		*count = cnt;
	return swap_result(b, &nb, rc);
}

int re_split(const struct re *re, const char *s, size_t n, int no_empty, re_piece piece, void *ud)
{
	if (!re->code)
		return PD_EINVAL;
	int owned;
	pcre2_match_data *md = md_get(re, &owned);
	if (!md)
		return PD_ENOMEM;
	int rc = PD_OK;
	size_t pos = 0, last = 0;
	while (pos < n) {
		int r = match_at(re, s, n, pos, 0, md);
		if (r == PCRE2_ERROR_NOMATCH)
			break;
		if (r < 0) {
			rc = PD_EINVAL;
			break;
		}
		/* copied: piece() may match again with the same match data */
		const PCRE2_SIZE *ovp = pcre2_get_ovector_pointer(md);
		PCRE2_SIZE v[4] = { ovp[0], ovp[1], r > 1 ? ovp[2] : PCRE2_UNSET, r > 1 ? ovp[3] : PCRE2_UNSET };
		if (v[0] == v[1]) {
			/* empty delimiters never occur in the filters' patterns; skip */
			pos = v[0] + 1;
			continue;
		}
		if (!(no_empty && v[0] == last) && (rc = piece(ud, s + last, v[0] - last, 0)))
			break;
		if (r > 1 && v[2] != PCRE2_UNSET && !(no_empty && v[2] == v[3]) &&
		    (rc = piece(ud, s + v[2], v[3] - v[2], 1)))
			break;
		last = pos = v[1];
	}
	md_put(md, owned);
	if (rc == PD_OK && !(no_empty && last == n))
		rc = piece(ud, s + last, n - last, 0);
	return rc;
}

const char *const re_core_shortcodes[RE_CORE_SHORTCODE_COUNT] = {
	"embed", "wp_caption", "caption", "gallery", "playlist", "audio", "video",
};

void re_sc_scan_init(struct re_sc_scan *sc, const char *s, size_t n, unsigned mask)
{
	sc->s = s;
	sc->n = n;
	sc->mask = mask;
	sc->rb_from = 1; /* from > at: nothing cached */
	sc->rb_at = 0;
	for (int i = 0; i < RE_CORE_SHORTCODE_COUNT; i++) {
		sc->cl_from[i] = 1;
		sc->cl_at[i] = 0;
	}
}

static int is_word_or_dash(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

int re_sc_match_at(struct re_sc_scan *sc, size_t at, struct re_sc_match *m)
{
	const char *s = sc->s;
	size_t n = sc->n, e = 0;
	int name = -1;
	/* no name is a prefix of another, so at most one can match */
	for (int i = 0; i < RE_CORE_SHORTCODE_COUNT && name < 0; i++) {
		size_t ln = strlen(re_core_shortcodes[i]);
		if ((sc->mask & (1u << i)) && n - at - 1 >= ln && memcmp(s + at + 1, re_core_shortcodes[i], ln) == 0 &&
		    (at + 1 + ln == n || !is_word_or_dash((unsigned char)s[at + 1 + ln]))) {
			name = i;
			e = at + 1 + ln;
		}
	}
	if (name < 0)
		return 0;
	if (e < sc->rb_from || e > sc->rb_at) {
		const char *q = e < n ? memchr(s + e, ']', n - e) : NULL;
		sc->rb_from = e;
		sc->rb_at = q ? (size_t)(q - s) : n;
	}
	size_t q = sc->rb_at;
	if (q == n)
		return -1;
	m->name = name;
	m->name_end = e;
	m->self_closing = q > e && s[q - 1] == '/';
	m->attrs_end = m->self_closing ? q - 1 : q;
	m->end = q + 1;
	m->content_end = m->closed_end = SIZE_MAX;
	if (m->self_closing)
		return 1;
	size_t from = q + 1;
	if (from < sc->cl_from[name] || from > sc->cl_at[name]) {
		char closer[16];
		size_t cn = (size_t)snprintf(closer, sizeof closer, "[/%s]", re_core_shortcodes[name]);
		const char *c = from < n ? memmem(s + from, n - from, closer, cn) : NULL;
		sc->cl_from[name] = from;
		sc->cl_at[name] = c ? (size_t)(c - s) : n;
	}
	if (sc->cl_at[name] < n) {
		m->content_end = sc->cl_at[name];
		m->closed_end = m->content_end + strlen(re_core_shortcodes[name]) + 3;
	}
	return 1;
}
