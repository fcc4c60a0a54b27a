/* texturize.c - wptexturize() and wptexturize_primes() of WordPress 6.9, with
 * WordPress's own regexes run by PCRE2. English (en_US) replacements only; the
 * run_wptexturize / no_texturize_* filters are not supported. */
#include <pthread.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/texturize.h"
#include "re.h"

#define SP RE_SPACES
#define QUOTE_END "(?=\\Z|[.,:;!?)}\\-\\]]|&gt;|" SP ")"
#define PRIME_FLAG "<!--wp-prime-or-quote-->"

enum {
	RX_SPLIT, RX_AMP,
	RX_APOS1, RX_APOS2, RX_APOS3, RX_APOS4, RX_APOS5, RX_APOS6,
	RX_QUOTE1, RX_QUOTE2,
	RX_DASH1, RX_DASH2, RX_DASH3, RX_DASH4,
	RX_TIMES_TEST,
	RX_SQ_CLOSE, RX_SQ_PRIME, RX_DQ_CLOSE, RX_DQ_PRIME, RX_FLAG_AFTER_DIGIT, RX_FLAG_NO_DIGIT,
	RX_COUNT
};

static struct re rx[RX_COUNT] = {
	/* _get_wptexturize_split_regex() with _get_wptexturize_shortcode_regex():
	 * WordPress narrows the shortcode alternation to the registered names
	 * present in the text; names absent from the text cannot match, so the
	 * full list splits identically. */
	[RX_SPLIT] = { "(<(?(?=!--)!(?:-(?!->)[^\\-]*+)*+(?:-->)?|[^>]*>?)"
		       "|\\[[\\/\\[]?(?:" RE_CORE_SHORTCODES ")(?=[\\s\\]\\/])"
		       "(?:[^\\[\\]<>]+|<[^\\[\\]>]*>)*+\\]\\]?)", 0, NULL },
	[RX_AMP] = { "&(?!#(?:\\d+|x[a-f0-9]+);|[a-z1-4]{1,8};)", PCRE2_CASELESS, NULL },
	[RX_APOS1] = { "'(\\d\\d)'" QUOTE_END, 0, NULL },
	[RX_APOS2] = { "'(\\d\\d)\"" QUOTE_END, 0, NULL },
	[RX_APOS3] = { "'(?=\\d\\d(?:\\Z|(?![%\\d]|[.,]\\d)))", 0, NULL },
	[RX_APOS4] = { "(?<=\\A|" SP ")'(\\d[.,\\d]*)'", 0, NULL },
	[RX_APOS5] = { "(?<=\\A|[([{\"\\-]|&lt;|" SP ")'", 0, NULL },
	[RX_APOS6] = { "(?<!" SP ")'(?!\\Z|[.,:;!?\"'(){}[\\]\\-]|&[lg]t;|" SP ")", 0, NULL },
	[RX_QUOTE1] = { "(?<=\\A|" SP ")\"(\\d[.,\\d]*)\"", 0, NULL },
	[RX_QUOTE2] = { "(?<=\\A|[([{\\-]|&lt;|" SP ")\"(?!" SP ")", 0, NULL },
	[RX_DASH1] = { "---", 0, NULL },
	[RX_DASH2] = { "(?<=^|" SP ")--(?=$|" SP ")", 0, NULL },
	[RX_DASH3] = { "(?<!xn)--", 0, NULL },
	[RX_DASH4] = { "(?<=^|" SP ")-(?=$|" SP ")", 0, NULL },
	[RX_TIMES_TEST] = { "(?<=\\d)x\\d", 0, NULL },
	[RX_SQ_CLOSE] = { "'" QUOTE_END, 0, NULL },
	[RX_SQ_PRIME] = { "(?<=\\d)'", 0, NULL },
	[RX_DQ_CLOSE] = { "\"" QUOTE_END, 0, NULL },
	[RX_DQ_PRIME] = { "(?<=\\d)\"", 0, NULL },
	[RX_FLAG_AFTER_DIGIT] = { "(?<=\\d)" PRIME_FLAG, 0, NULL },
	[RX_FLAG_NO_DIGIT] = { "(?<!\\d)" PRIME_FLAG, 0, NULL },
};

static pthread_once_t rx_once = PTHREAD_ONCE_INIT;
static int rx_status;

static void rx_init(void)
{
	rx_status = re_compile_all(rx, RX_COUNT);
}

/* Static replacements, str_replace'd in this order: '...', '``', "''", ' (tm)',
 * then the "cockney" words. */
static const char *const static_from[] = {
	"...", "``", "''", " (tm)",
	"'tain't", "'twere", "'twas", "'tis", "'twill", "'til", "'bout", "'nuff", "'round", "'cause", "'em",
};
static const unsigned char static_from_len[] = { 3, 2, 2, 5, 7, 6, 5, 4, 6, 4, 5, 5, 6, 6, 3 };
static const char *const static_to[] = {
	"&#8230;", "&#8220;", "&#8221;", " &#8482;",
	"&#8217;tain&#8217;t", "&#8217;twere", "&#8217;twas", "&#8217;tis", "&#8217;twill",
	"&#8217;til", "&#8217;bout", "&#8217;nuff", "&#8217;round", "&#8217;cause", "&#8217;em",
};

/* The bytes a text piece needs for any replacement of texturize_piece() to
 * apply: the first bytes of the static replacements ('(' for " (tm)"), the
 * quotes, '-' for dashes, 'x' for 9x9 and '&' for bare ampersands. */
static const unsigned char piece_trigger[256] = {
	['.'] = 1, ['`'] = 1, ['\''] = 1, ['('] = 1, ['"'] = 1, ['-'] = 1, ['x'] = 1, ['&'] = 1,
};

static int has_trigger(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (piece_trigger[(unsigned char)s[i]])
			return 1;
	return 0;
}

/* The static replacements in one left-to-right pass. Equivalent to
 * str_replace()ing the table entry by entry: no replacement text contains a
 * byte any entry starts with, and no entry ends with a prefix of an earlier
 * one, so a match of a later entry never overlaps one of an earlier entry
 * that the sequential passes would have made first. At a position the
 * entries are tried in table order. */
static int static_replace(struct buf *t)
{
	const char *s = buf_str(t);
	size_t n = t->len, copied = 0;
	struct buf nb = BUF_INIT;
	int rc = PD_OK;
	nb.max = t->max;
	for (size_t i = 0; i < n && rc == PD_OK;) {
		char c = s[i];
		if (c != '.' && c != '`' && c != '\'' && c != ' ') {
			i++;
			continue;
		}
		size_t k, fl = 0;
		for (k = 0; k < sizeof static_from / sizeof *static_from; k++) {
			fl = static_from_len[k];
			if (static_from[k][0] == c && n - i >= fl && memcmp(s + i, static_from[k], fl) == 0)
				break;
		}
		if (k == sizeof static_from / sizeof *static_from) {
			i++;
			continue;
		}
		if ((rc = buf_append(&nb, s + copied, i - copied)) == PD_OK)
			rc = buf_puts(&nb, static_to[k]);
		copied = i = i + fl;
	}
	if (rc == PD_OK && copied > 0 && (rc = buf_append(&nb, s + copied, n - copied)) == PD_OK) {
		buf_free(t);
		*t = nb;
		return PD_OK;
	}
	buf_free(&nb);
	return rc;
}

static size_t count_str(const char *s, size_t n, const char *needle)
{
	size_t c = 0, nl = strlen(needle);
	for (const char *p = s, *end = s + n; (p = re_memmem(p, (size_t)(end - p), needle, nl)); p += nl)
		c++;
	return c;
}

/* One sentence of wptexturize_primes() (the text between two opening quotes). */
static int primes_sentence(struct buf *s, int first, char needle, const char *prime,
			   const char *close)
{
	const struct re *quote = &rx[needle == '"' ? RX_DQ_CLOSE : RX_SQ_CLOSE];
	const struct re *primes = &rx[needle == '"' ? RX_DQ_PRIME : RX_SQ_PRIME];
	int rc = PD_OK;
	long count = 0, count2 = 0;

	if (!memchr(buf_str(s), needle, s->len))
		return PD_OK;
	if (!first && count_str(buf_str(s), s->len, close) == 0) {
		if ((rc = re_replace_buf(quote, s, PRIME_FLAG, &count)))
			return rc;
		if (count > 1) {
			/* Several closing-quote candidates: "Vulcan logic". */
			if ((rc = re_replace_buf(&rx[RX_FLAG_NO_DIGIT], s, close, &count2)))
				return rc;
			if (count2 == 0) {
				/* the right-most quote followed by a period, else the right-most one */
				const char *str = buf_str(s), *pos = NULL;
				for (const char *p = str; (p = strstr(p, PRIME_FLAG ".")); p++)
					pos = p;
				if (!pos)
					for (const char *p = str; (p = strstr(p, PRIME_FLAG)); p++)
						pos = p;
				if (pos) {
					struct buf nb = BUF_INIT;
					size_t at = (size_t)(pos - str), fl = strlen(PRIME_FLAG);
					if ((rc = buf_append(&nb, str, at)) || (rc = buf_puts(&nb, close)) ||
					    (rc = buf_append(&nb, str + at + fl, s->len - at - fl))) {
						buf_free(&nb);
						return rc;
					}
					buf_free(s);
					*s = nb;
				}
			}
			if ((rc = re_replace_buf(primes, s, prime, NULL)) ||
			    (rc = re_replace_buf(&rx[RX_FLAG_AFTER_DIGIT], s, prime, NULL)) ||
			    (rc = str_replace_buf(s, PRIME_FLAG, close, NULL)))
				return rc;
		} else if (count == 1) {
			/* Only one closing quote candidate: it wins over primes. */
			if ((rc = str_replace_buf(s, PRIME_FLAG, close, NULL)) ||
			    (rc = re_replace_buf(primes, s, prime, NULL)))
				return rc;
		} else {
			if ((rc = re_replace_buf(primes, s, prime, NULL)))
				return rc;
		}
	} else {
		if ((rc = re_replace_buf(primes, s, prime, NULL)) ||
		    (rc = re_replace_buf(quote, s, close, NULL)))
			return rc;
	}
	if (needle == '"' && memchr(buf_str(s), '"', s->len))
		rc = str_replace_buf(s, "\"", close, NULL);
	return rc;
}

/* Mirrors wptexturize_primes(): explode on the opening-quote flag, fix each
 * sentence, implode. */
static int texturize_primes(struct buf *text, char needle, const char *prime,
			    const char *open_flag, const char *close)
{
	struct buf res = BUF_INIT, sent = BUF_INIT;
	const char *s = buf_str(text), *end = s + text->len;
	size_t fl = strlen(open_flag);
	int rc = PD_OK, first = 1;
	res.max = text->max;
	for (;;) {
		const char *p = memmem(s, (size_t)(end - s), open_flag, fl);
		const char *e = p ? p : end;
		buf_reset(&sent);
		if ((rc = buf_append(&sent, s, (size_t)(e - s))) ||
		    (rc = primes_sentence(&sent, first, needle, prime, close)) ||
		    (rc = buf_append(&res, buf_str(&sent), sent.len)))
			break;
		if (!p)
			break;
		if ((rc = buf_append(&res, open_flag, fl)))
			break;
		s = p + fl;
		first = 0;
	}
	buf_free(&sent);
	if (rc) {
		buf_free(&res);
		return rc;
	}
	buf_free(text);
	*text = res;
	return PD_OK;
}

static int is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_number_char(unsigned char c)
{
	return is_digit(c) || c == '.' || c == ',';
}

/* preg_replace('/\b(\d(?(?<=0)[\d\.,]+|[\d\.,]*))x(\d[\d\.,]*)\b/', '$1&#215;$2')
 * of wptexturize(), matched by hand: PCRE backtracks over the whole number run
 * for every start in it, O(n^2) on "1.1.1.1...x" (seconds for 64 KB). Group 1
 * cannot contain 'x', so the 'x' must end the run that starts at p; group 2 is
 * the longest [\d.,]* run prefix followed by a word boundary. Every start
 * inside a run shares its end, so when one fails all of them fail. */
static int times_replace(struct buf *t)
{
	const char *s = buf_str(t);
	size_t n = t->len, copied = 0, p = 0;
	struct buf nb = BUF_INIT;
	int rc = PD_OK;
	nb.max = t->max;
	while (p < n && rc == PD_OK) {
		unsigned char c = (unsigned char)s[p];
		if (!is_digit(c) || (p > 0 && is_word((unsigned char)s[p - 1]))) {
			p++;
			continue;
		}
		size_t e1 = p + 1;
		while (e1 < n && is_number_char((unsigned char)s[e1]))
			e1++;
		if (e1 + 1 < n && s[e1] == 'x' && (c != '0' || e1 >= p + 2) && is_digit((unsigned char)s[e1 + 1])) {
			size_t e2 = e1 + 2, r;
			while (e2 < n && is_number_char((unsigned char)s[e2]))
				e2++;
			for (r = e2; r >= e1 + 2; r--)
				if (is_word((unsigned char)s[r - 1]) != (r < n && is_word((unsigned char)s[r])))
					break;
			if (r >= e1 + 2) {
				if ((rc = buf_append(&nb, s + copied, e1 - copied)) ||
				    (rc = buf_puts(&nb, "&#215;")) ||
				    (rc = buf_append(&nb, s + e1 + 1, r - e1 - 1)))
					break;
				copied = p = r;
				continue;
			}
		}
		p = e1;
	}
	if (rc == PD_OK && copied > 0 && (rc = buf_append(&nb, s + copied, n - copied)) == PD_OK) {
		buf_free(t);
		*t = nb;
		return PD_OK;
	}
	buf_free(&nb);
	return rc;
}

/* The texturizing of one text piece outside tags (the loop body of wptexturize()). */
static int texturize_piece(struct buf *t)
{
	int rc;
	if ((rc = static_replace(t)))
		return rc;

	if (memchr(buf_str(t), '\'', t->len)) {
		if ((rc = re_replace_buf(&rx[RX_APOS1], t, "<!--apos-->$1&#8217;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_APOS2], t, "<!--apos-->$1&#8221;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_APOS3], t, "<!--apos-->", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_APOS4], t, "<!--osq-->$1&#8217;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_APOS5], t, "<!--osq-->", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_APOS6], t, "<!--apos-->", NULL)) ||
		    (rc = texturize_primes(t, '\'', "&#8242;", "<!--osq-->", "&#8217;")) ||
		    (rc = str_replace_buf(t, "<!--apos-->", "&#8217;", NULL)) ||
		    (rc = str_replace_buf(t, "<!--osq-->", "&#8216;", NULL)))
			return rc;
	}
	if (memchr(buf_str(t), '"', t->len)) {
		if ((rc = re_replace_buf(&rx[RX_QUOTE1], t, "<!--oq-->$1&#8221;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_QUOTE2], t, "<!--oq-->", NULL)) ||
		    (rc = texturize_primes(t, '"', "&#8243;", "<!--oq-->", "&#8221;")) ||
		    (rc = str_replace_buf(t, "<!--oq-->", "&#8220;", NULL)))
			return rc;
	}
	if (memchr(buf_str(t), '-', t->len)) {
		if ((rc = re_replace_buf(&rx[RX_DASH1], t, "&#8212;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_DASH2], t, "&#8212;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_DASH3], t, "&#8211;", NULL)) ||
		    (rc = re_replace_buf(&rx[RX_DASH4], t, "&#8211;", NULL)))
			return rc;
	}
	if (memchr(buf_str(t), 'x', t->len)) {
		size_t ov[2];
		int m = re_match(&rx[RX_TIMES_TEST], buf_str(t), t->len, 0, ov, 1);
		if (m < 0)
			return m;
		/* 9x9 (times), but never 0x9999 */
		if (m == 1 && (rc = times_replace(t)))
			return rc;
	}
	if (!memchr(buf_str(t), '&', t->len))
		return PD_OK;
	return re_replace_buf(&rx[RX_AMP], t, "&#038;", NULL);
}

#define TAG_STACK_MAX 64

struct tx_state {
	struct buf *out;
	struct buf piece;                /* scratch for one piece */
	const char *stack[TAG_STACK_MAX]; /* open no-texturize elements (static names) */
	size_t depth;                    /* elements on the stack; may exceed TAG_STACK_MAX */
};

static const char *const no_texturize_tags[] = { "pre", "code", "kbd", "style", "script", "tt" };

/* Mirrors _wptexturize_pushpop_element() for the no-texturize tags. */
static void pushpop_element(struct tx_state *st, const char *t, size_t n)
{
	size_t off;
	int opening;
	if (n > 1 && t[1] != '/') {
		opening = 1;
		off = 1;
	} else if (st->depth == 0) {
		return;
	} else {
		opening = 0;
		off = 2;
	}
	/* the tag name: up to the first space of the tag, or all but its last char */
	const char *sp = memchr(t, ' ', n);
	size_t end = sp ? (size_t)(sp - t) : (n ? n - 1 : 0);
	if (end < off)
		end = off;
	if (off > n)
		return;
	size_t len = end - off;
	for (size_t i = 0; i < sizeof no_texturize_tags / sizeof *no_texturize_tags; i++) {
		const char *name = no_texturize_tags[i];
		if (strlen(name) != len || memcmp(name, t + off, len) != 0)
			continue;
		if (opening) {
			if (st->depth < TAG_STACK_MAX)
				st->stack[st->depth] = name;
			st->depth++;
		} else if (st->depth > TAG_STACK_MAX || st->stack[st->depth - 1] == name) {
			/* beyond the tracked depth the names are unknown; pop on any match */
			st->depth--;
		}
		return;
	}
}

static int is_php_trim_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

static int piece_cb(void *ud, const char *p, size_t n, int is_delim)
{
	struct tx_state *st = ud;
	int rc;
	if (is_delim && p[0] == '<') {
		if (n >= 4 && memcmp(p, "<!--", 4) == 0)
			return buf_append(st->out, p, n); /* HTML comment */
		/* an element: fix bare ampersands inside it, track no-texturize elements */
		if (!memchr(p, '&', n)) {
			pushpop_element(st, p, n);
			return buf_append(st->out, p, n);
		}
		buf_reset(&st->piece);
		if ((rc = buf_append(&st->piece, p, n)) ||
		    (rc = re_replace_buf(&rx[RX_AMP], &st->piece, "&#038;", NULL)))
			return rc;
		pushpop_element(st, buf_str(&st->piece), st->piece.len);
		return buf_append(st->out, buf_str(&st->piece), st->piece.len);
	}
	size_t i = 0;
	while (i < n && is_php_trim_space(p[i]))
		i++;
	/* whitespace between delimiters; and registered shortcodes, which only
	 * matter for the no-texturize shortcode "code" that core does not register */
	if (i == n || is_delim || st->depth || !has_trigger(p, n))
		return buf_append(st->out, p, n);
	buf_reset(&st->piece);
	if ((rc = buf_append(&st->piece, p, n)) || (rc = texturize_piece(&st->piece)))
		return rc;
	return buf_append(st->out, buf_str(&st->piece), st->piece.len);
}

int render_texturize(const char *in, struct buf *out)
{
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	size_t len0 = out->len, n = strlen(in);
	if (n == 0 || (n == 1 && in[0] == '0')) /* PHP's empty() */
		return buf_append(out, in, n);
	struct tx_state st = { .out = out, .piece = BUF_INIT, .depth = 0 };
	st.piece.max = out->max;
	int rc = re_split(&rx[RX_SPLIT], in, n, 1, piece_cb, &st);
	buf_free(&st.piece);
	if (rc) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	}
	return rc;
}
