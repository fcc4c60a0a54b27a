/* smilies.c - convert_smilies() of WordPress 6.9. The search regex is the one
 * smilies_init() builds from its default table (krsort'ed, grouped by first
 * character); 6.9 maps every smiley but :mrgreen: to a UTF-8 emoji, which is
 * what REST returns (wp_staticize_emoji's s.w.org images are for feeds/mail). */
#include <pthread.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/smilies.h"
#include "re.h"

#define SP RE_SPACES

enum { RX_IGNORE, RX_SEARCH, RX_COUNT };

static struct re rx[RX_COUNT] = {
	[RX_IGNORE] = { "^<(code|pre|style|script|textarea)[^>]*>", 0, NULL },
	/* $wp_smiliessearch as smilies_init() builds it */
	[RX_SEARCH] = { "(?<=" SP "|^);(?:\\-\\)|\\))(?=" SP "|$)"
			"|(?<=" SP "|^)\\:(?:\\||x|wink\\:|twisted\\:|smile\\:|shock\\:|sad\\:|roll\\:|razz\\:|oops\\:"
			"|o|neutral\\:|mrgreen\\:|mad\\:|lol\\:|idea\\:|grin\\:|evil\\:|eek\\:|cry\\:|cool\\:|arrow\\:"
			"|P|D|\\?\\?\\?\\:|\\?\\:|\\?|\\-\\||\\-x|\\-o|\\-P|\\-D|\\-\\?|\\-\\)|\\-\\(|\\)|\\(|\\!\\:)(?=" SP "|$)"
			"|(?<=" SP "|^)8(?:O|\\-O|\\-\\))(?=" SP "|$)", PCRE2_MULTILINE, NULL },
};

static pthread_once_t rx_once = PTHREAD_ONCE_INIT;
static int rx_status;

static void rx_init(void)
{
	rx_status = re_compile_all(rx, RX_COUNT);
}

/* $wpsmiliestrans of smilies_init(). */
static const struct { const char *smiley, *img; } smilies[] = {
	{ ":mrgreen:", "mrgreen.png" },
	{ ":neutral:", "\xf0\x9f\x98\x90" }, { ":twisted:", "\xf0\x9f\x98\x88" },
	{ ":arrow:", "\xe2\x9e\xa1" }, { ":shock:", "\xf0\x9f\x98\xaf" },
	{ ":smile:", "\xf0\x9f\x99\x82" }, { ":???:", "\xf0\x9f\x98\x95" },
	{ ":cool:", "\xf0\x9f\x98\x8e" }, { ":evil:", "\xf0\x9f\x91\xbf" },
	{ ":grin:", "\xf0\x9f\x98\x80" }, { ":idea:", "\xf0\x9f\x92\xa1" },
	{ ":oops:", "\xf0\x9f\x98\xb3" }, { ":razz:", "\xf0\x9f\x98\x9b" },
	{ ":roll:", "\xf0\x9f\x99\x84" }, { ":wink:", "\xf0\x9f\x98\x89" },
	{ ":cry:", "\xf0\x9f\x98\xa5" }, { ":eek:", "\xf0\x9f\x98\xae" },
	{ ":lol:", "\xf0\x9f\x98\x86" }, { ":mad:", "\xf0\x9f\x98\xa1" },
	{ ":sad:", "\xf0\x9f\x99\x81" }, { "8-)", "\xf0\x9f\x98\x8e" },
	{ "8-O", "\xf0\x9f\x98\xaf" }, { ":-(", "\xf0\x9f\x99\x81" },
	{ ":-)", "\xf0\x9f\x99\x82" }, { ":-?", "\xf0\x9f\x98\x95" },
	{ ":-D", "\xf0\x9f\x98\x80" }, { ":-P", "\xf0\x9f\x98\x9b" },
	{ ":-o", "\xf0\x9f\x98\xae" }, { ":-x", "\xf0\x9f\x98\xa1" },
	{ ":-|", "\xf0\x9f\x98\x90" }, { ";-)", "\xf0\x9f\x98\x89" },
	{ "8O", "\xf0\x9f\x98\xaf" }, { ":(", "\xf0\x9f\x99\x81" },
	{ ":)", "\xf0\x9f\x99\x82" }, { ":?", "\xf0\x9f\x98\x95" },
	{ ":D", "\xf0\x9f\x98\x80" }, { ":P", "\xf0\x9f\x98\x9b" },
	{ ":o", "\xf0\x9f\x98\xae" }, { ":x", "\xf0\x9f\x98\xa1" },
	{ ":|", "\xf0\x9f\x98\x90" }, { ";)", "\xf0\x9f\x98\x89" },
	{ ":!:", "\xe2\x9d\x97" }, { ":?:", "\xe2\x9d\x93" },
};

/* Mirrors translate_smiley(). The match never includes spaces (they are
 * look-arounds), so the trim() there is a no-op. */
static int translate_cb(void *ud, const char *s, const size_t *ov, int nov, struct buf *out)
{
	const char *site_url = ud;
	size_t n = ov[1] - ov[0];
	(void)nov;
	for (size_t i = 0; i < sizeof smilies / sizeof *smilies; i++) {
		if (strlen(smilies[i].smiley) != n || memcmp(smilies[i].smiley, s + ov[0], n) != 0)
			continue;
		const char *img = smilies[i].img;
		if (!strstr(img, ".png"))
			return buf_puts(out, img);
		struct buf url = BUF_INIT;
		int rc = buf_printf(&url, "%s/wp-includes/images/smilies/%s", site_url, img);
		if (rc == PD_OK)
			rc = buf_puts(out, "<img src=\"");
		if (rc == PD_OK)
			rc = format_esc_url(buf_str(&url), out);
		if (rc == PD_OK)
			rc = buf_puts(out, "\" alt=\"");
		if (rc == PD_OK)
			rc = format_esc_attr(smilies[i].smiley, out);
		if (rc == PD_OK)
			rc = buf_puts(out, "\" class=\"wp-smiley\" style=\"height: 1em; max-height: 1em;\" />");
		buf_free(&url);
		return rc;
	}
	return buf_append(out, s + ov[0], n);
}

struct sm_state {
	struct buf *out;
	const char *site_url;
	char ignore[16]; /* the element whose closing tag ends the ignored region, or "" */
};

static int piece_cb(void *ud, const char *p, size_t n, int is_delim)
{
	struct sm_state *st = ud;
	(void)is_delim;
	int rc;
	if (!st->ignore[0] && n > 1 && p[0] == '<') { /* RX_IGNORE starts with '<' */
		size_t ov[4];
		int m = re_match(&rx[RX_IGNORE], p, n, 0, ov, 2);
		if (m < 0)
			return m;
		if (m == 1) {
			memcpy(st->ignore, p + ov[2], ov[3] - ov[2]);
			st->ignore[ov[3] - ov[2]] = '\0';
		}
	}
	/* every smiley starts with ':', ';' or '8' */
	if (!st->ignore[0] && n > 0 && p[0] != '<' && (memchr(p, ':', n) || memchr(p, ';', n) || memchr(p, '8', n)))
		rc = re_replace_cb(&rx[RX_SEARCH], p, n, translate_cb, (void *)st->site_url, st->out, NULL);
	else
		rc = buf_append(st->out, p, n);
	if (st->ignore[0] && n == strlen(st->ignore) + 3 && p[0] == '<' && p[1] == '/' &&
	    memcmp(p + 2, st->ignore, n - 3) == 0 && p[n - 1] == '>')
		st->ignore[0] = '\0';
	return rc;
}

int render_convert_smilies(const char *in, const char *site_url, struct buf *out)
{
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	size_t len0 = out->len, n = strlen(in);
	if (!strpbrk(in, ":;8")) /* no smiley anywhere: nothing to split */
		return buf_append(out, in, n);
	struct sm_state st = { out, site_url ? site_url : "", "" };
	/* preg_split('/(<[^>]*>)/U', $text, -1, PREG_SPLIT_DELIM_CAPTURE) by hand:
	 * a delimiter runs from '<' to the first '>' after it */
	int rc = PD_OK;
	size_t last = 0;
	for (const char *lt, *gt; rc == PD_OK && (lt = memchr(in + last, '<', n - last)) &&
				  (gt = memchr(lt, '>', (size_t)(in + n - lt)));) {
		size_t at = (size_t)(lt - in), end = (size_t)(gt - in) + 1;
		if ((rc = piece_cb(&st, in + last, at - last, 0)) == PD_OK)
			rc = piece_cb(&st, lt, end - at, 1);
		last = end;
	}
	if (rc == PD_OK)
		rc = piece_cb(&st, in + last, n - last, 0);
	if (rc) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	}
	return rc;
}
