/* autop.c - wpautop(), shortcode_unautop() and wp_replace_in_html_tags() of
 * WordPress 6.9, with WordPress's regexes run by PCRE2. Whether autop runs at
 * all for a post (block content) is the pipeline's decision, not this file's. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/autop.h"
#include "pressd/err.h"
#include "re.h"

#define ALLBLOCKS "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"

enum {
	RX_HTML_SPLIT,
	RX_BR_BR, RX_BLOCK_OPEN, RX_BLOCK_CLOSE, RX_HR,
	RX_OPTION_BEFORE, RX_OPTION_AFTER,
	RX_OBJECT_OPEN, RX_OBJECT_CLOSE, RX_PARAM_EMBED,
	RX_MEDIA_OPEN, RX_MEDIA_CLOSE, RX_SOURCE_TRACK,
	RX_FIGCAPTION_OPEN, RX_FIGCAPTION_CLOSE,
	RX_MULTI_NL, RX_PARA_SPLIT,
	RX_EMPTY_P, RX_P_CLOSE_DIV, RX_P_WRAPPED_BLOCK, RX_P_LI, RX_P_BLOCKQUOTE,
	RX_P_BEFORE_BLOCK, RX_BLOCK_BEFORE_P_CLOSE,
	RX_BLOCK_BR, RX_BR_BLOCK, RX_FINAL_NL_P,
	RX_COUNT
};

static struct re rx[RX_COUNT] = {
	/* get_html_split_regex() */
	[RX_HTML_SPLIT] = { "(<(?(?=!--|!\\[CDATA\\[)(?(?=!-)!(?:-(?!->)[^\\-]*+)*+(?:-->)?"
			    "|!\\[CDATA\\[[^\\]]*+(?:](?!]>)[^\\]]*+)*+(?:]]>)?)|[^>]*>?))", 0, NULL },
	[RX_BR_BR] = { "<br\\s*/?>\\s*<br\\s*/?>", 0, NULL },
	[RX_BLOCK_OPEN] = { "(<" ALLBLOCKS "[\\s/>])", 0, NULL },
	[RX_BLOCK_CLOSE] = { "(</" ALLBLOCKS ">)", 0, NULL },
	[RX_HR] = { "(<hr\\s*?/?>)", 0, NULL },
	[RX_OPTION_BEFORE] = { "\\s*<option", 0, NULL },
	[RX_OPTION_AFTER] = { "</option>\\s*", 0, NULL },
	[RX_OBJECT_OPEN] = { "(<object[^>]*>)\\s*", 0, NULL },
	[RX_OBJECT_CLOSE] = { "\\s*</object>", 0, NULL },
	[RX_PARAM_EMBED] = { "\\s*(</?(?:param|embed)[^>]*>)\\s*", 0, NULL },
	[RX_MEDIA_OPEN] = { "([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*", 0, NULL },
	[RX_MEDIA_CLOSE] = { "\\s*([<\\[]/(?:audio|video)[>\\]])", 0, NULL },
	[RX_SOURCE_TRACK] = { "\\s*(<(?:source|track)[^>]*>)\\s*", 0, NULL },
	[RX_FIGCAPTION_OPEN] = { "\\s*(<figcaption[^>]*>)", 0, NULL },
	[RX_FIGCAPTION_CLOSE] = { "</figcaption>\\s*", 0, NULL },
	[RX_MULTI_NL] = { "\\n\\n+", 0, NULL },
	[RX_PARA_SPLIT] = { "\\n\\s*\\n", 0, NULL },
	[RX_EMPTY_P] = { "<p>\\s*</p>", 0, NULL },
	[RX_P_CLOSE_DIV] = { "<p>([^<]+)</(div|address|form)>", 0, NULL },
	[RX_P_WRAPPED_BLOCK] = { "<p>\\s*(</?" ALLBLOCKS "[^>]*>)\\s*</p>", 0, NULL },
	[RX_P_LI] = { "<p>(<li.+?)</p>", 0, NULL },
	[RX_P_BLOCKQUOTE] = { "<p><blockquote([^>]*)>", PCRE2_CASELESS, NULL },
	[RX_P_BEFORE_BLOCK] = { "<p>\\s*(</?" ALLBLOCKS "[^>]*>)", 0, NULL },
	[RX_BLOCK_BEFORE_P_CLOSE] = { "(</?" ALLBLOCKS "[^>]*>)\\s*</p>", 0, NULL },
	[RX_BLOCK_BR] = { "(</?" ALLBLOCKS "[^>]*>)\\s*<br />", 0, NULL },
	[RX_BR_BLOCK] = { "<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", 0, NULL },
	[RX_FINAL_NL_P] = { "\\n</p>$", 0, NULL },
};

static pthread_once_t rx_once = PTHREAD_ONCE_INIT;
static int rx_status;

static void rx_init(void)
{
	rx_status = re_compile_all(rx, RX_COUNT);
}

static int restore(struct buf *out, size_t len0, int rc)
{
	if (rc != PD_OK) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	}
	return rc;
}

struct in_tags {
	struct buf *out;
	const char *from, *to;
};

static int in_tags_piece(void *ud, const char *p, size_t n, int is_delim)
{
	struct in_tags *t = ud;
	size_t fl = strlen(t->from);
	if (!is_delim)
		return buf_append(t->out, p, n);
	int rc = PD_OK;
	const char *end = p + n;
	for (const char *q; rc == PD_OK && (q = memmem(p, (size_t)(end - p), t->from, fl)); p = q + fl) {
		rc = buf_append(t->out, p, (size_t)(q - p));
		if (rc == PD_OK)
			rc = buf_puts(t->out, t->to);
	}
	return rc ? rc : buf_append(t->out, p, (size_t)(end - p));
}

static int replace_in_html_tags(const char *s, size_t n, const char *from, const char *to,
				struct buf *out)
{
	struct in_tags t = { out, from, to };
	return re_split(&rx[RX_HTML_SPLIT], s, n, 0, in_tags_piece, &t);
}

int render_replace_in_html_tags(const char *in, const char *from, const char *to, struct buf *out)
{
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	size_t len0 = out->len;
	return restore(out, len0, replace_in_html_tags(in, strlen(in), from, to, out));
}

static int in_tags_buf(struct buf *b, const char *from, const char *to)
{
	struct buf nb = BUF_INIT;
	nb.max = b->max;
	int rc = replace_in_html_tags(buf_str(b), b->len, from, to, &nb);
	if (rc) {
		buf_free(&nb);
		return rc;
	}
	buf_free(b);
	*b = nb;
	return PD_OK;
}

/* preg_replace_callback('/<(script|style|svg|math).*?<\/\1>/s',
 * '_autop_newline_preservation_helper') by hand: each element's newlines
 * become <WPPreserveNewline />. PCRE scans to the end of the text for every
 * opener without a closer (O(n^2), seconds for 64 KB of "<script>"); here the
 * next closer of each name is found once and cached, as openers only move
 * forward. */
static int preserve_newlines(struct buf *t)
{
	static const char *const names[] = { "script", "style", "svg", "math" };
	enum { NNAMES = sizeof names / sizeof *names };
	const char *s = buf_str(t);
	size_t n = t->len, copied = 0, cl_from[NNAMES], cl_at[NNAMES];
	struct buf nb = BUF_INIT;
	int rc = PD_OK;
	nb.max = t->max;
	for (size_t i = 0; i < NNAMES; i++)
		cl_from[i] = SIZE_MAX;
	for (const char *lt; rc == PD_OK && copied < n && (lt = memchr(s + copied, '<', n - copied));) {
		size_t p = (size_t)(lt - s), i, len = 0;
		for (i = 0; i < NNAMES; i++) {
			len = strlen(names[i]);
			if (n - p - 1 >= len && memcmp(s + p + 1, names[i], len) == 0)
				break;
		}
		size_t from = p + 1 + len;
		if (i < NNAMES && (cl_from[i] == SIZE_MAX || from < cl_from[i] || from > cl_at[i])) {
			char closer[16];
			size_t cn = (size_t)snprintf(closer, sizeof closer, "</%s>", names[i]);
			const char *c = memmem(s + from, n - from, closer, cn);
			cl_from[i] = from;
			cl_at[i] = c ? (size_t)(c - s) : n;
		}
		if (i == NNAMES || cl_at[i] == n) {
			/* no match here: keep the '<' and go on after it */
			if ((rc = buf_append(&nb, s + copied, p + 1 - copied)))
				break;
			copied = p + 1;
			continue;
		}
		size_t end = cl_at[i] + len + 3;
		if ((rc = buf_append(&nb, s + copied, p - copied)))
			break;
		for (size_t k = p; k < end && rc == PD_OK; k++)
			rc = s[k] == '\n' ? buf_puts(&nb, "<WPPreserveNewline />") : buf_putc(&nb, s[k]);
		copied = end;
	}
	if (rc == PD_OK)
		rc = buf_append(&nb, s + copied, n - copied);
	if (rc == PD_OK && !nb.data)
		rc = buf_append(&nb, "", 0);
	if (rc) {
		buf_free(&nb);
		return rc;
	}
	buf_free(t);
	*t = nb;
	return PD_OK;
}

/* \s of PCRE without UCP: space, \t, \n, \v, \f, \r. */
static int is_re_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* preg_replace('|(?<!<br />)\s*\n|', "<br />\n") by hand. In a whitespace
 * run the regex matches from the run's start (or the next byte, when the run
 * follows "<br />") through the run's last newline; PCRE retried every
 * position of a run without newline, O(n^2) (13 s for 64 KB of spaces). */
static int newlines_to_br(struct buf *t)
{
	const char *s = buf_str(t);
	size_t n = t->len, copied = 0, i = 0;
	struct buf nb = BUF_INIT;
	int rc = PD_OK;
	nb.max = t->max;
	while (i < n && rc == PD_OK) {
		if (!is_re_space(s[i])) {
			i++;
			continue;
		}
		size_t start = i, last_nl = SIZE_MAX;
		for (; i < n && is_re_space(s[i]); i++)
			if (s[i] == '\n')
				last_nl = i;
		if (start >= 6 && memcmp(s + start - 6, "<br />", 6) == 0)
			start++;
		if (last_nl == SIZE_MAX || start > last_nl)
			continue;
		if ((rc = buf_append(&nb, s + copied, start - copied)) == PD_OK)
			rc = buf_puts(&nb, "<br />\n");
		copied = last_nl + 1;
	}
	if (rc == PD_OK)
		rc = buf_append(&nb, s + copied, n - copied);
	if (rc == PD_OK && !nb.data)
		rc = buf_append(&nb, "", 0);
	if (rc) {
		buf_free(&nb);
		return rc;
	}
	buf_free(t);
	*t = nb;
	return PD_OK;
}

struct paras {
	struct buf *out;
};

/* '<p>' . trim($paragraph, "\n") . "</p>\n" for each non-empty paragraph. */
static int para_piece(void *ud, const char *p, size_t n, int is_delim)
{
	struct paras *pa = ud;
	(void)is_delim;
	while (n && *p == '\n')
		p++, n--;
	while (n && p[n - 1] == '\n')
		n--;
	int rc = buf_puts(pa->out, "<p>");
	if (rc == PD_OK)
		rc = buf_append(pa->out, p, n);
	return rc ? rc : buf_puts(pa->out, "</p>\n");
}

static int contains(const struct buf *b, const char *needle)
{
	return b->data && memmem(b->data, b->len, needle, strlen(needle)) != NULL;
}

/* <pre> regions are cut out before and restored after, as wpautop() does. */
struct pre_tags {
	char **items;   /* original "<pre ...</pre>" texts, heap */
	size_t n;
};

static void pre_tags_free(struct pre_tags *pt)
{
	for (size_t i = 0; i < pt->n; i++)
		free(pt->items[i]);
	free(pt->items);
}

static int extract_pre(struct buf *t, struct pre_tags *pt)
{
	/* explode('</pre>'); every part but the last with a '<pre' becomes a placeholder */
	struct buf nb = BUF_INIT;
	nb.max = t->max;
	const char *s = buf_str(t), *end = s + t->len;
	int rc = PD_OK;
	for (const char *p = s; (p = memmem(p, (size_t)(end - p), "</pre>", 6)); p += 6)
		pt->n++;
	if (pt->n) {
		pt->items = calloc(pt->n, sizeof *pt->items);
		if (!pt->items) {
			pt->n = 0;
			return PD_ENOMEM;
		}
	}
	size_t i = 0, k = 0;
	for (; k < pt->n && rc == PD_OK; k++) {
		const char *close = memmem(s, (size_t)(end - s), "</pre>", 6);
		const char *start = memmem(s, (size_t)(close - s), "<pre", 4);
		if (!start) {
			rc = buf_append(&nb, s, (size_t)(close - s)); /* malformed HTML */
		} else {
			size_t len = (size_t)(close - start);
			pt->items[i] = malloc(len + 7);
			if (!pt->items[i]) {
				rc = PD_ENOMEM;
				break;
			}
			memcpy(pt->items[i], start, len);
			memcpy(pt->items[i] + len, "</pre>", 7);
			rc = buf_append(&nb, s, (size_t)(start - s));
			if (rc == PD_OK)
				rc = buf_printf(&nb, "<pre wp-pre-tag-%zu></pre>", i);
			i++;
		}
		s = close + 6;
	}
	if (rc == PD_OK)
		rc = buf_append(&nb, s, (size_t)(end - s));
	if (rc) {
		buf_free(&nb);
		return rc;
	}
	buf_free(t);
	*t = nb;
	return PD_OK;
}

static int restore_pre(struct buf *t, const struct pre_tags *pt)
{
	int rc = PD_OK;
	char name[48];
	for (size_t i = 0; i < pt->n && rc == PD_OK; i++) {
		if (!pt->items[i])
			break;
		snprintf(name, sizeof name, "<pre wp-pre-tag-%zu></pre>", i);
		rc = str_replace_buf(t, name, pt->items[i], NULL);
	}
	return rc;
}

static int autop(struct buf *t, int br)
{
	struct pre_tags pt = { NULL, 0 };
	int rc = buf_putc(t, '\n');
	if (rc == PD_OK && contains(t, "<pre"))
		rc = extract_pre(t, &pt);
	if (rc)
		goto out;

	if ((rc = re_replace_buf(&rx[RX_BR_BR], t, "\n\n", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_BLOCK_OPEN], t, "\n\n$1", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_BLOCK_CLOSE], t, "$1\n\n", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_HR], t, "$1\n\n", NULL)) ||
	    (rc = str_replace_buf(t, "\r\n", "\n", NULL)) ||
	    (rc = str_replace_buf(t, "\r", "\n", NULL)) ||
	    (rc = in_tags_buf(t, "\n", " <!-- wpnl --> ")))
		goto out;

	if (contains(t, "<option") &&
	    ((rc = re_replace_buf(&rx[RX_OPTION_BEFORE], t, "<option", NULL)) ||
	     (rc = re_replace_buf(&rx[RX_OPTION_AFTER], t, "</option>", NULL))))
		goto out;
	if (contains(t, "</object>") &&
	    ((rc = re_replace_buf(&rx[RX_OBJECT_OPEN], t, "$1", NULL)) ||
	     (rc = re_replace_buf(&rx[RX_OBJECT_CLOSE], t, "</object>", NULL)) ||
	     (rc = re_replace_buf(&rx[RX_PARAM_EMBED], t, "$1", NULL))))
		goto out;
	if ((contains(t, "<source") || contains(t, "<track")) &&
	    ((rc = re_replace_buf(&rx[RX_MEDIA_OPEN], t, "$1", NULL)) ||
	     (rc = re_replace_buf(&rx[RX_MEDIA_CLOSE], t, "$1", NULL)) ||
	     (rc = re_replace_buf(&rx[RX_SOURCE_TRACK], t, "$1", NULL))))
		goto out;
	if (contains(t, "<figcaption") &&
	    ((rc = re_replace_buf(&rx[RX_FIGCAPTION_OPEN], t, "$1", NULL)) ||
	     (rc = re_replace_buf(&rx[RX_FIGCAPTION_CLOSE], t, "</figcaption>", NULL))))
		goto out;

	if ((rc = re_replace_buf(&rx[RX_MULTI_NL], t, "\n\n", NULL)))
		goto out;

	struct buf paras = BUF_INIT;
	paras.max = t->max;
	struct paras pa = { &paras };
	rc = re_split(&rx[RX_PARA_SPLIT], buf_str(t), t->len, 1, para_piece, &pa);
	buf_free(t);
	*t = paras;
	if (rc)
		goto out;

	if ((rc = re_replace_buf(&rx[RX_EMPTY_P], t, "", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_P_CLOSE_DIV], t, "<p>$1</p></$2>", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_P_WRAPPED_BLOCK], t, "$1", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_P_LI], t, "$1", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_P_BLOCKQUOTE], t, "<blockquote$1><p>", NULL)) ||
	    (rc = str_replace_buf(t, "</blockquote></p>", "</p></blockquote>", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_P_BEFORE_BLOCK], t, "$1", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_BLOCK_BEFORE_P_CLOSE], t, "$1", NULL)))
		goto out;

	if (br &&
	    ((rc = preserve_newlines(t)) ||
	     (rc = str_replace_buf(t, "<br>", "<br />", NULL)) ||
	     (rc = str_replace_buf(t, "<br/>", "<br />", NULL)) ||
	     (rc = newlines_to_br(t)) ||
	     (rc = str_replace_buf(t, "<WPPreserveNewline />", "\n", NULL))))
		goto out;

	if ((rc = re_replace_buf(&rx[RX_BLOCK_BR], t, "$1", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_BR_BLOCK], t, "$1", NULL)) ||
	    (rc = re_replace_buf(&rx[RX_FINAL_NL_P], t, "</p>", NULL)))
		goto out;

	if (pt.n && (rc = restore_pre(t, &pt)))
		goto out;
	if (contains(t, "<!-- wpnl -->") &&
	    ((rc = str_replace_buf(t, " <!-- wpnl --> ", "\n", NULL)) ||
	     (rc = str_replace_buf(t, "<!-- wpnl -->", "\n", NULL))))
		goto out;
out:
	pre_tags_free(&pt);
	return rc;
}

int render_autop(const char *in, int br, struct buf *out)
{
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	/* '' === trim($text) */
	const char *p = in;
	while (*p && strchr(" \t\n\r\v", *p))
		p++;
	if (!*p)
		return PD_OK;
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc = buf_puts(&t, in);
	if (rc == PD_OK)
		rc = autop(&t, br);
	if (rc == PD_OK)
		rc = buf_append(out, buf_str(&t), t.len);
	buf_free(&t);
	return rc;
}

/* Length of the (?:[\r\n\t ]|\xC2\xA0|&nbsp;)*+ run at p (wp_spaces_regexp()). */
static size_t wp_spaces_len(const char *s, size_t n, size_t p)
{
	size_t i = p;
	for (;;) {
		if (i < n && (s[i] == '\r' || s[i] == '\n' || s[i] == '\t' || s[i] == ' '))
			i++;
		else if (n - i >= 2 && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
			i += 2;
		else if (n - i >= 6 && memcmp(s + i, "&nbsp;", 6) == 0)
			i += 6;
		else
			return i - p;
	}
}

/* 1 and *end set when `at` starts (?:SPACES)*+</p>. The last position asked
 * about is remembered in memo: many shortcodes can share one closing tag. */
static int spaces_then_p_close(const char *s, size_t n, size_t at, size_t memo[2], size_t *end)
{
	if (memo[0] != at) {
		size_t q = at + wp_spaces_len(s, n, at);
		memo[0] = at;
		memo[1] = n - q >= 4 && memcmp(s + q, "</p>", 4) == 0 ? q + 4 : SIZE_MAX;
	}
	*end = memo[1];
	return memo[1] != SIZE_MAX;
}

/* Mirrors shortcode_unautop(): preg_replace of
 *   <p>(?:SPACES)*+(SHORTCODE)(?:SPACES)*+<\/p>  by  $1
 * with the shortcode matched by re_sc_match_at() (PCRE rescanned the text
 * for every "<p>[gallery]" without "[/gallery]" after it: O(n^2)). After a
 * shortcode with content, the regex backtracks to the shortcode without it
 * when no </p> follows the closing tag. */
int render_shortcode_unautop(const char *in, struct buf *out)
{
	size_t n = strlen(in), len0 = out->len, copied = 0, pos = 0;
	size_t memo_closed[2] = { SIZE_MAX, 0 }, memo_open[2] = { SIZE_MAX, 0 };
	struct re_sc_scan sc;
	struct re_sc_match m;
	int rc = PD_OK;
	re_sc_scan_init(&sc, in, n, (1u << RE_CORE_SHORTCODE_COUNT) - 1);
	for (const char *p; rc == PD_OK && pos < n && (p = memmem(in + pos, n - pos, "<p>", 3));) {
		size_t at = (size_t)(p - in), sc_at = at + 3 + wp_spaces_len(in, n, at + 3), sc_end = 0, end = 0;
		pos = at + 3;
		if (sc_at >= n || in[sc_at] != '[')
			continue;
		int r = re_sc_match_at(&sc, sc_at, &m);
		if (r < 0)
			break;
		if (r == 0)
			continue;
		if (m.content_end != SIZE_MAX && spaces_then_p_close(in, n, m.closed_end, memo_closed, &end))
			sc_end = m.closed_end;
		else if (spaces_then_p_close(in, n, m.end, memo_open, &end))
			sc_end = m.end;
		else
			continue;
		if ((rc = buf_append(out, in + copied, at - copied)) == PD_OK)
			rc = buf_append(out, in + sc_at, sc_end - sc_at);
		copied = pos = end;
	}
	if (rc == PD_OK)
		rc = buf_append(out, in + copied, n - copied);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	return restore(out, len0, rc);
}
