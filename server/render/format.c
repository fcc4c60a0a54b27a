/* format.c - escaping and text helpers of wp-includes/formatting.php that other
 * modules need (esc_html, esc_attr, esc_url ...). No filters, no options: the
 * defaults of a stock WordPress 6.9 site (UTF-8, default protocols) are built in. */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/kses.h"
#include "re.h"

int format_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		unsigned c = *p;
		if (c < 0x80) {
			p++;
			continue;
		}
		size_t len;
		unsigned cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4; cp = c & 0x07; min = 0x10000;
		} else {
			return 0;
		}
		if ((size_t)(end - p) < len)
			return 0;
		for (size_t i = 1; i < len; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += len;
	}
	return 1;
}

/* Mirrors _wp_specialchars($s, ENT_QUOTES) with $double_encode false. */
static int specialchars_quotes(const char *s, struct buf *out)
{
	if (!s[strcspn(s, "&<>\"'")])
		return buf_puts(out, s);
	const char *end = s + strlen(s);
	int rc = PD_OK;
	while (*s && rc == PD_OK) {
		size_t run = strcspn(s, "&<>\"'");
		rc = buf_append(out, s, run);
		s += run;
		if (!*s || rc)
			break;
		size_t used = 1;
		switch (*s) {
		case '&': rc = kses_normalize_entity(s, (size_t)(end - s), 1, out, &used); break;
		case '<': rc = buf_puts(out, "&lt;"); break;
		case '>': rc = buf_puts(out, "&gt;"); break;
		case '"': rc = buf_puts(out, "&quot;"); break;
		default: rc = buf_puts(out, "&#039;"); break;
		}
		s += used;
	}
	return rc;
}

/* Appending helpers restore `out` on failure so callers see all or nothing. */
static int undo(struct buf *out, size_t len, int rc)
{
	if (rc != PD_OK) {
		out->len = len;
		if (out->data)
			out->data[len] = '\0';
	}
	return rc;
}

int format_esc_html(const char *s, struct buf *out)
{
	size_t len0 = out->len;
	if (!format_utf8_valid(s, strlen(s)))
		return PD_OK; /* wp_check_invalid_utf8() returns '' */
	return undo(out, len0, specialchars_quotes(s, out));
}

int format_esc_attr(const char *s, struct buf *out)
{
	return format_esc_html(s, out);
}

/* ---- esc_url ---------------------------------------------------------- */

/* Replaces all of `from` by `to` in b (a heap string); returns the count or -1 (ENOMEM). */
static long str_replace(char **b, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to);
	long count = 0;
	for (const char *p = strstr(*b, from); p; p = strstr(p + fl, from))
		count++;
	if (!count)
		return 0;
	char *n = malloc(strlen(*b) + (size_t)count * (tl > fl ? tl - fl : 0) + 1);
	if (!n)
		return -1;
	char *w = n;
	const char *r = *b;
	for (const char *p = strstr(r, from); p; p = strstr(r, from)) {
		memcpy(w, r, (size_t)(p - r));
		w += p - r;
		memcpy(w, to, tl);
		w += tl;
		r = p + fl;
	}
	strcpy(w, r);
	free(*b);
	*b = n;
	return count;
}

static int url_char_allowed(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || strchr("-~+_.?#=!&;,/:%@$|*'()[]", c) != NULL;
}

static int esc_url_ctx(const char *url, int display, struct buf *out)
{
	int rc = PD_ENOMEM;
	char *u = NULL;
	struct buf good = BUF_INIT;
	size_t len0 = out->len;

	while (*url && strchr(" \t\n\r\v", *url))
		url++;
	if (!*url)
		return PD_OK;
	u = malloc(strlen(url) * 3 + 1);
	if (!u)
		goto out;
	char *w = u;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (*p == ' ') {
			memcpy(w, "%20", 3);
			w += 3;
		} else if (url_char_allowed(*p)) {
			*w++ = (char)*p;
		}
	}
	*w = '\0';
	if (!*u) {
		rc = PD_OK;
		goto out;
	}
	if (strncasecmp(u, "mailto:", 7) != 0) {
		long n;
		do {
			long a = str_replace(&u, "%0d", ""), b2 = str_replace(&u, "%0a", "");
			long c = str_replace(&u, "%0D", ""), d = str_replace(&u, "%0A", "");
			if (a < 0 || b2 < 0 || c < 0 || d < 0)
				goto out;
			n = a + b2 + c + d;
		} while (n);
	}
	if (str_replace(&u, ";//", "://") < 0)
		goto out;
	/* an empty $url here still gets http:// (PHP reads $url[0] as '') */
	if (!strchr(u, ':') && (!u[0] || !strchr("/#?", u[0]))) {
		/* /^[a-z0-9-]+?\.php/i */
		const char *p = u;
		while (isalnum((unsigned char)*p) || *p == '-')
			p++;
		int php = p > u && strncasecmp(p, ".php", 4) == 0;
		if (!php) {
			char *n = malloc(strlen(u) + 8);
			if (!n)
				goto out;
			strcpy(n, "http://");
			strcat(n, u);
			free(u);
			u = n;
		}
	}
	if (display) {
		struct buf t = BUF_INIT;
		int r = PD_OK;
		const char *end = u + strlen(u);
		for (const char *p = u; *p && r == PD_OK;) {
			if (*p == '&') {
				size_t used;
				r = kses_normalize_entity(p, (size_t)(end - p), 0, &t, &used);
				p += used;
			} else {
				r = buf_putc(&t, *p++);
			}
		}
		if (r) {
			buf_free(&t);
			rc = r;
			goto out;
		}
		free(u);
		u = buf_take(&t);
		if (!u || str_replace(&u, "&amp;", "&#038;") < 0 || str_replace(&u, "'", "&#039;") < 0)
			goto out;
	}
	if (strchr(u, '[') || strchr(u, ']')) {
		/* Brackets are percent-encoded outside the scheme://user:pass@host:port
		 * front that wp_parse_url() recognises (IPv6 hosts keep theirs). */
		size_t front = 0;
		const char *sep = strstr(u, "://");
		const char *p = u;
		while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
			p++;
		if (sep && sep == p && p > u) {
			const char *a = sep + 3;
			size_t alen = strcspn(a, "/?#");
			front = (size_t)(a - u) + alen;
		} else if (u[0] == '/' && u[1] == '/') {
			front = 2 + strcspn(u + 2, "/?#");
		}
		struct buf t = BUF_INIT;
		int r = buf_append(&t, u, front);
		for (const char *q = u + front; *q && r == PD_OK; q++)
			r = *q == '[' ? buf_puts(&t, "%5B") : *q == ']' ? buf_puts(&t, "%5D") : buf_putc(&t, *q);
		if (r) {
			buf_free(&t);
			rc = r;
			goto out;
		}
		free(u);
		u = buf_take(&t);
		if (!u)
			goto out;
	}
	if (u[0] == '/') {
		rc = buf_puts(out, u);
		goto out;
	}
	/* wp_kses_bad_protocol($url, wp_allowed_protocols()) (server/kses.c); a URL
	 * it changes beyond case is dropped, as esc_url() does */
	if ((rc = kses_bad_protocol(u, &good)))
		goto out;
	rc = strcasecmp(buf_str(&good), u) == 0 ? buf_append(out, good.data, good.len) : PD_OK;
out:
	free(u);
	buf_free(&good);
	return undo(out, len0, rc);
}

int format_esc_url(const char *url, struct buf *out)
{
	return esc_url_ctx(url, 1, out);
}

int format_esc_url_raw(const char *url, struct buf *out)
{
	return esc_url_ctx(url, 0, out);
}

/* ---- strip_tags / wp_strip_all_tags / wp_trim_words ------------------- */

int format_strip_tags(const char *s, struct buf *out)
{
	/* A port of php_strip_tags_ex() without allowed tags: state 0 text,
	 * 1 inside a tag, 2 inside <?...?>, 3 inside <!...>, 4 inside <!--...-->. */
	const char *buf = s, *p = s, *end = s + strlen(s);
	int state = 0, depth = 0, br = 0, is_xml = 0;
	char in_q = 0, lc = 0;
	size_t len0 = out->len;
	int rc = PD_OK;
	for (; p < end && rc == PD_OK; p++) {
		char c = *p;
		switch (state) {
		case 0:
			if (c == '\0')
				break;
			if (c == '<') {
				if (in_q)
					break;
				if (p + 1 < end && isspace((unsigned char)p[1])) {
					rc = buf_putc(out, c);
					break;
				}
				lc = '<';
				state = 1;
				break;
			}
			if (c == '>') {
				if (depth) {
					depth--;
					break;
				}
				if (in_q)
					break;
			}
			rc = buf_putc(out, c);
			break;
		case 1:
			switch (c) {
			case '<':
				if (in_q)
					break;
				if (p + 1 < end && isspace((unsigned char)p[1]))
					break;
				depth++;
				break;
			case '>':
				if (depth) {
					depth--;
					break;
				}
				if (in_q)
					break;
				lc = '>';
				if (is_xml && p > buf && p[-1] == '-')
					break;
				in_q = 0;
				state = 0;
				is_xml = 0;
				break;
			case '"':
			case '\'':
				if (p != buf && (!in_q || c == in_q))
					in_q = in_q ? 0 : c;
				break;
			case '!':
				if (p > buf && p[-1] == '<') {
					state = 3;
					lc = c;
				}
				break;
			case '?':
				if (p > buf && p[-1] == '<') {
					br = 0;
					state = 2;
				}
				break;
			default:
				break;
			}
			break;
		case 2:
			switch (c) {
			case '(':
				if (lc != '"' && lc != '\'') {
					lc = '(';
					br++;
				}
				break;
			case ')':
				if (lc != '"' && lc != '\'') {
					lc = ')';
					br--;
				}
				break;
			case '>':
				if (depth) {
					depth--;
					break;
				}
				if (in_q)
					break;
				if (!br && p > buf && lc != '"' && p[-1] == '?') {
					in_q = 0;
					state = 0;
				}
				break;
			case '"':
			case '\'':
				if (p > buf && p[-1] != '\\') {
					if (lc == c)
						lc = 0;
					else if (lc != '\\')
						lc = c;
				}
				if (p != buf && (!in_q || c == in_q))
					in_q = in_q ? 0 : c;
				break;
			case 'l':
			case 'L':
				/* '<?xml' switches back to HTML */
				if (p - buf > 4 && (p[-1] == 'm' || p[-1] == 'M') && (p[-2] == 'x' || p[-2] == 'X') &&
				    p[-3] == '?' && p[-4] == '<') {
					state = 1;
					is_xml = 1;
				}
				break;
			default:
				break;
			}
			break;
		case 3:
			switch (c) {
			case '>':
				if (depth) {
					depth--;
					break;
				}
				if (in_q)
					break;
				in_q = 0;
				state = 0;
				break;
			case '"':
			case '\'':
				if (p != buf && p[-1] != '\\' && (!in_q || c == in_q))
					in_q = in_q ? 0 : c;
				break;
			case '-':
				if (p - buf >= 2 && p[-1] == '-' && p[-2] == '!')
					state = 4;
				break;
			case 'E':
			case 'e':
				/* !DOCTYPE exception */
				if (p - buf > 6 && strncasecmp(p - 6, "doctyp", 6) == 0)
					state = 1;
				break;
			default:
				break;
			}
			break;
		default: /* 4: comment */
			if (c == '>' && !in_q && p - buf >= 2 && p[-1] == '-' && p[-2] == '-') {
				in_q = 0;
				state = 0;
			}
			break;
		}
	}
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	return undo(out, len0, rc);
}

enum { FX_WORD_SPLIT, FX_COUNT };

static struct re fx[FX_COUNT] = {
	[FX_WORD_SPLIT] = { "[\\n\\r\\t ]+", 0, NULL },
};

static pthread_once_t fx_once = PTHREAD_ONCE_INIT;
static int fx_status;

static void fx_init(void)
{
	fx_status = re_compile_all(fx, FX_COUNT);
}

/* First occurrence of "</" name ">" (name compared caseless) at or after from, or n. */
static size_t find_closer_caseless(const char *s, size_t n, size_t from, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = s + from; p < s + n && (p = memchr(p, '<', (size_t)(s + n - p))); p++)
		if ((size_t)(s + n - p) >= len + 3 && p[1] == '/' && strncasecmp(p + 2, name, len) == 0 &&
		    p[2 + len] == '>')
			return (size_t)(p - s);
	return n;
}

/* preg_replace('@<(script|style)[^>]*?>.*?</\\1>@si', '', s) of
 * wp_strip_all_tags(), by hand: an element runs from "<script" (any case) to
 * the first '>' and on to the first "</script>" in any case. PCRE rescanned
 * the rest of the text for every opener without '>' or closer (O(n^2)); the
 * next '>' and the next closer of each name are cached here. */
static int strip_script_style(const char *s, struct buf *out)
{
	static const char *const names[] = { "script", "style" };
	size_t n = strlen(s), copied = 0, gt_from = 1, gt_at = 0, cl_from[2] = { 1, 1 }, cl_at[2] = { 0, 0 };
	int rc = PD_OK;
	for (const char *lt; rc == PD_OK && copied < n && (lt = memchr(s + copied, '<', n - copied));) {
		size_t p = (size_t)(lt - s), i, len = 0;
		for (i = 0; i < 2; i++) {
			len = strlen(names[i]);
			if (n - p - 1 >= len && strncasecmp(s + p + 1, names[i], len) == 0)
				break;
		}
		size_t from = p + 1 + len, end = 0;
		if (i < 2) {
			if (from < gt_from || from > gt_at) {
				const char *g = memchr(s + from, '>', n - from);
				gt_from = from;
				gt_at = g ? (size_t)(g - s) : n;
			}
			if (gt_at == n)
				break; /* no '>' ahead: nothing further can match */
			if (gt_at + 1 < cl_from[i] || gt_at + 1 > cl_at[i]) {
				cl_from[i] = gt_at + 1;
				cl_at[i] = find_closer_caseless(s, n, gt_at + 1, names[i]);
			}
			if (cl_at[i] < n)
				end = cl_at[i] + len + 3;
		}
		if (!end) {
			rc = buf_append(out, s + copied, p + 1 - copied);
			copied = p + 1;
			continue;
		}
		rc = buf_append(out, s + copied, p - copied);
		copied = end;
	}
	if (rc == PD_OK)
		rc = buf_append(out, s + copied, n - copied);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	return rc;
}

int format_strip_all_tags(const char *s, struct buf *out)
{
	pthread_once(&fx_once, fx_init);
	if (fx_status)
		return fx_status;
	size_t len0 = out->len;
	struct buf a = BUF_INIT, b = BUF_INIT;
	int rc = strip_script_style(s, &a);
	if (rc == PD_OK)
		rc = format_strip_tags(buf_str(&a), &b);
	if (rc == PD_OK) {
		const char *p = buf_str(&b);
		size_t n = b.len;
		while (n && strchr(" \t\n\r\v", *p))
			p++, n--;
		while (n && (strchr(" \t\n\r\v", p[n - 1]) || p[n - 1] == '\0'))
			n--;
		rc = buf_append(out, p, n);
	}
	buf_free(&a);
	buf_free(&b);
	return undo(out, len0, rc);
}

struct words {
	struct buf *out;
	int want;      /* num_words */
	int seen;      /* pieces seen */
	int more;      /* 1 once a (num_words+1)th piece exists */
	struct buf *held; /* all_but_last: the last piece seen, not written yet; else NULL */
};

static int word_piece(void *ud, const char *p, size_t n, int is_delim)
{
	struct words *w = ud;
	(void)is_delim;
	if (w->held) {
		int rc = PD_OK;
		if (w->held->len && w->seen++ > 0)
			rc = buf_putc(w->out, ' ');
		if (!rc && w->held->len)
			rc = buf_append(w->out, w->held->data, w->held->len);
		buf_reset(w->held);
		return rc ? rc : buf_append(w->held, p, n);
	}
	if (w->seen >= w->want) {
		w->more = 1;
		return PD_OK;
	}
	int rc = PD_OK;
	if (w->seen++ > 0)
		rc = buf_putc(w->out, ' ');
	return rc ? rc : buf_append(w->out, p, n);
}

int format_trim_words(const char *s, int num_words, const char *more, struct buf *out)
{
	pthread_once(&fx_once, fx_init);
	if (fx_status)
		return fx_status;
	size_t len0 = out->len;
	struct buf t = BUF_INIT;
	int rc = format_strip_all_tags(s, &t);
	/* preg_split(..., $num_words + 1, PREG_SPLIT_NO_EMPTY): the limit only
	 * matters for whether there is a (num_words+1)th word. A negative
	 * num_words (the REST API's excerpt_length takes any integer) makes
	 * count() > num_words always true, so the last piece is popped and $more
	 * added: with a limit of 0 or -1 (num_words -1, -2) the words are split
	 * without limit, with a smaller one not at all (one piece, popped). */
	struct buf held = BUF_INIT;
	struct words w = { out, num_words, 0, 0, num_words == -1 || num_words == -2 ? &held : NULL };
	if (rc == PD_OK && num_words > -3)
		rc = re_split(&fx[FX_WORD_SPLIT], buf_str(&t), t.len, 1, word_piece, &w);
	if (num_words < 0)
		w.more = 1;
	buf_free(&held);
	if (rc == PD_OK && w.more)
		rc = buf_puts(out, more);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	buf_free(&t);
	return undo(out, len0, rc);
}

/* do_shortcodes_in_html_tags($content, true, ...) as strip_shortcodes() uses
 * it: inside every HTML element, [ and ] become &#91; and &#93;. */
static int escape_brackets_piece(void *ud, const char *p, size_t n, int is_delim)
{
	struct buf *out = ud;
	if (!is_delim || n == 0 || p[0] != '<' || (!memchr(p, '[', n) && !memchr(p, ']', n)))
		return buf_append(out, p, n);
	int rc = PD_OK;
	for (size_t i = 0; i < n && rc == PD_OK; i++)
		rc = p[i] == '[' ? buf_puts(out, "&#91;") : p[i] == ']' ? buf_puts(out, "&#93;") : buf_putc(out, p[i]);
	return rc;
}

static int strip_tag_cb(void *ud, const char *s, const size_t *ov, int nov, struct buf *out)
{
	(void)ud;
	/* strip_shortcode_tag(): [[tag]] → [tag]; otherwise only the escape brackets stay */
	size_t l1 = ov[3] - ov[2], l6 = nov > 6 && ov[12] != PCRE2_UNSET ? ov[13] - ov[12] : 0;
	if (l1 && l6)
		return buf_append(out, s + ov[0] + 1, ov[1] - ov[0] - 2);
	int rc = buf_append(out, s + ov[2], l1);
	return rc ? rc : buf_append(out, s + ov[12], l6);
}

/* preg_replace_callback('/' . get_shortcode_regex(mask) . '/', 'strip_shortcode_tag', s),
 * i.e. \[(\[?)SHORTCODE(\]?) with the shortcode matched by re_sc_match_at()
 * (linear time; PCRE was O(n^2) on many unclosed shortcodes). */
static int strip_shortcode_tags(const char *s, size_t n, unsigned mask, struct buf *out)
{
	struct re_sc_scan sc;
	struct re_sc_match m;
	size_t ov[14], copied = 0, pos = 0;
	int rc = PD_OK;
	re_sc_scan_init(&sc, s, n, mask);
	for (const char *b; rc == PD_OK && pos < n && (b = memchr(s + pos, '[', n - pos));) {
		size_t p = (size_t)(b - s), g1 = p + 1 < n && s[p + 1] == '[';
		pos = p + 1;
		int r = re_sc_match_at(&sc, p + g1, &m);
		if (r < 0)
			break;
		if (r == 0)
			continue;
		size_t end = m.content_end != SIZE_MAX ? m.closed_end : m.end;
		for (int i = 0; i < 14; i++)
			ov[i] = PCRE2_UNSET;
		ov[2] = p + 1, ov[3] = p + 1 + g1;              /* (\[?) */
		ov[4] = p + g1 + 1, ov[5] = m.name_end;         /* name */
		ov[6] = m.name_end, ov[7] = m.attrs_end;        /* attributes */
		if (m.self_closing)
			ov[8] = m.attrs_end, ov[9] = m.end;     /* "/" */
		if (m.content_end != SIZE_MAX)
			ov[10] = m.end, ov[11] = m.content_end; /* content */
		ov[12] = ov[13] = end;                          /* (\]?) */
		if (end < n && s[end] == ']')
			ov[13] = ++end;
		ov[0] = p, ov[1] = end;
		if ((rc = buf_append(out, s + copied, p - copied)) == PD_OK)
			rc = strip_tag_cb(NULL, s, ov, 7, out);
		copied = pos = end;
	}
	if (rc == PD_OK)
		rc = buf_append(out, s + copied, n - copied);
	return rc;
}

/* strtr() with two pairs whose keys do not overlap each other's prefixes. */
static int strtr2(struct buf *b, const char *k1, const char *v1, const char *k2, const char *v2)
{
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	size_t l1 = strlen(k1), l2 = strlen(k2);
	int rc = PD_OK;
	for (const char *p = buf_str(b), *end = p + b->len; p < end && rc == PD_OK;) {
		if ((size_t)(end - p) >= l1 && memcmp(p, k1, l1) == 0) {
			rc = buf_puts(&nb, v1);
			p += l1;
		} else if ((size_t)(end - p) >= l2 && memcmp(p, k2, l2) == 0) {
			rc = buf_puts(&nb, v2);
			p += l2;
		} else {
			rc = buf_putc(&nb, *p++);
		}
	}
	if (rc == PD_OK && !nb.data)
		rc = buf_append(&nb, "", 0);
	if (rc) {
		buf_free(&nb);
		return rc;
	}
	buf_free(b);
	*b = nb;
	return PD_OK;
}

/* The wp_html_split() regex, shared with autop.c's copy. */
static struct re html_split = { "(<(?(?=!--|!\\[CDATA\\[)(?(?=!-)!(?:-(?!->)[^\\-]*+)*+(?:-->)?"
				"|!\\[CDATA\\[[^\\]]*+(?:](?!]>)[^\\]]*+)*+(?:]]>)?)|[^>]*>?))", 0, NULL };
static pthread_once_t hs_once = PTHREAD_ONCE_INIT;
static int hs_status;

static void hs_init(void)
{
	hs_status = re_compile_all(&html_split, 1);
}

int format_strip_shortcodes(const char *s, struct buf *out)
{
	if (!strchr(s, '['))
		return buf_puts(out, s);
	pthread_once(&hs_once, hs_init);
	if (hs_status)
		return PD_EINVAL;
	/* the registered names that appear after a '[' (\[([^<>&/\[\]\x00-\x20=]++)) */
	unsigned mask = 0;
	for (const char *p = strchr(s, '['); p; p = strchr(p + 1, '[')) {
		size_t n = strcspn(p + 1, "<>&/[]=\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11"
					  "\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ");
		for (int i = 0; i < RE_CORE_SHORTCODE_COUNT; i++)
			if (n && strlen(re_core_shortcodes[i]) == n && memcmp(re_core_shortcodes[i], p + 1, n) == 0)
				mask |= 1u << i;
	}
	if (!mask)
		return buf_puts(out, s);
	size_t len0 = out->len;
	struct buf a = BUF_INIT, b = BUF_INIT;
	int rc = buf_puts(&a, s);
	if (rc == PD_OK)
		rc = strtr2(&a, "&#91;", "&#091;", "&#93;", "&#093;");
	if (rc == PD_OK)
		rc = re_split(&html_split, buf_str(&a), a.len, 0, escape_brackets_piece, &b);
	if (rc == PD_OK) {
		buf_reset(&a);
		rc = strip_shortcode_tags(buf_str(&b), b.len, mask, &a);
	}
	if (rc == PD_OK)
		rc = strtr2(&a, "&#91;", "[", "&#93;", "]");
	if (rc == PD_OK)
		rc = buf_append(out, buf_str(&a), a.len);
	buf_free(&a);
	buf_free(&b);
	return undo(out, len0, rc);
}
