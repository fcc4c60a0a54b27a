/* re.c - PHP's preg_match/preg_replace/preg_split semantics over PCRE2 for the
 * text filters (see re.h). Does not cache anything per call or per thread. */
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

/* One pcre2_match, falling back from JIT to the interpreter when the JIT
 * stack is too small (PHP's larger JIT stack would have succeeded). */
static int match_at(const struct re *re, const char *s, size_t n, size_t start, uint32_t opts,
		    pcre2_match_data *md)
{
	int r = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, opts, md, NULL);
	if (r == PCRE2_ERROR_JIT_STACKLIMIT)
		r = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, opts | PCRE2_NO_JIT, md, NULL);
	return r;
}

int re_match(const struct re *re, const char *s, size_t n, size_t start, size_t *ov, int nov)
{
	if (!re->code)
		return PD_EINVAL;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
	if (!md)
		return PD_ENOMEM;
	int r = match_at(re, s, n, start, 0, md);
	int rc = 0;
	if (r > 0 || r == 0) {
		PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
		uint32_t cnt = pcre2_get_ovector_count(md);
		for (int i = 0; i < nov; i++) {
			ov[2 * i] = (uint32_t)i < cnt && (i < r || r == 0) ? v[2 * i] : PCRE2_UNSET;
			ov[2 * i + 1] = (uint32_t)i < cnt && (i < r || r == 0) ? v[2 * i + 1] : PCRE2_UNSET;
		}
		rc = 1;
	} else if (r != PCRE2_ERROR_NOMATCH) {
		rc = PD_EINVAL;
	}
	pcre2_match_data_free(md);
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

int re_replace_cb(const struct re *re, const char *s, size_t n, re_cb cb, void *ud,
		  struct buf *out, long *count)
{
	if (!re->code)
		return PD_EINVAL;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
	if (!md)
		return PD_ENOMEM;
	int nov = (int)pcre2_get_ovector_count(md);
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
	pcre2_match_data_free(md);
	if (rc == PD_OK && copied < n)
		rc = buf_append(out, s + copied, n - copied);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	if (count)
		*count = cnt;
	return rc;
}

int re_replace(const struct re *re, const char *s, size_t n, const char *repl,
	       struct buf *out, long *count)
{
	struct repl_ud ud = { repl };
	return re_replace_cb(re, s, n, repl_cb, &ud, out, count);
}

static int swap_result(struct buf *b, struct buf *nb, int rc)
{
	if (rc != PD_OK) {
		buf_free(nb);
		return rc;
	}
	buf_free(b);
	*b = *nb;
	return PD_OK;
}

int re_replace_buf(const struct re *re, struct buf *b, const char *repl, long *count)
{
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	return swap_result(b, &nb, re_replace(re, buf_str(b), b->len, repl, &nb, count));
}

int re_replace_cb_buf(const struct re *re, struct buf *b, re_cb cb, void *ud, long *count)
{
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	return swap_result(b, &nb, re_replace_cb(re, buf_str(b), b->len, cb, ud, &nb, count));
}

int str_replace_buf(struct buf *b, const char *from, const char *to, long *count)
{
	size_t fl = strlen(from), tl = strlen(to);
	long cnt = 0;
	if (count)
		*count = 0;
	if (!b->data || !fl || !memmem(b->data, b->len, from, fl))
		return PD_OK;
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	const char *s = b->data, *end = s + b->len;
	int rc = PD_OK;
	for (const char *p; rc == PD_OK && (p = memmem(s, (size_t)(end - s), from, fl)); s = p + fl) {
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
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
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
		PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
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
	pcre2_match_data_free(md);
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
