/* kses.c - WordPress 6.9.4's kses (wp-includes/kses.php) for what authors and
 * contributors write: disallowed tags, attributes, protocols and CSS removed,
 * entities normalised, byte for byte as wp_kses() does it, including the two
 * 'pre_kses' filters a stock site registers. It does not decide who is
 * filtered (that is the unfiltered_html capability, see caps.h) and knows no
 * filters or plugins: the tables are WordPress's defaults. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/kses.h"
#include "render/block_tree.h"
#include "render/re.h"

/* ---- tables ------------------------------------------------------------- */

/* An allowed element: its name and its allowed attributes, space-separated. */
struct kses_tag {
	const char *name;   /* lowercase element name */
	const char *attrs;  /* lowercase attribute names separated by one space; "" for none */
};

/* The MathML attributes every math element of $allowedposttags shares. */
#define MATH_GLOBAL "displaystyle scriptlevel mathbackground mathcolor mathsize class data-* dir id style"

/* $allowedposttags, in kses.php's order. In the 'post' context every element
 * also gets GLOBAL_ATTRS (the array_map of _wp_add_global_attributes). <a download>
 * must be valueless and <object data type> are required, see attr_value_ok(). */
static const struct kses_tag post_tags[] = {
	{ "address", "" },
	{ "a", "href rel rev name target download" },
	{ "abbr", "" },
	{ "acronym", "" },
	{ "area", "alt coords href nohref shape target" },
	{ "article", "align" },
	{ "aside", "align" },
	{ "audio", "autoplay controls loop muted preload src" },
	{ "b", "" },
	{ "bdo", "" },
	{ "big", "" },
	{ "blockquote", "cite" },
	{ "br", "" },
	{ "button", "disabled name type value popovertarget popovertargetaction aria-haspopup" },
	{ "caption", "align" },
	{ "cite", "" },
	{ "code", "" },
	{ "col", "align char charoff span valign width" },
	{ "colgroup", "align char charoff span valign width" },
	{ "data", "value" },
	{ "del", "datetime" },
	{ "dd", "" },
	{ "dfn", "" },
	{ "details", "align open name" },
	{ "div", "align popover" },
	{ "dialog", "closedby open popover" },
	{ "dl", "" },
	{ "dt", "" },
	{ "em", "" },
	{ "fieldset", "" },
	{ "figure", "align" },
	{ "figcaption", "align" },
	{ "font", "color face size" },
	{ "footer", "align" },
	{ "h1", "align" },
	{ "h2", "align" },
	{ "h3", "align" },
	{ "h4", "align" },
	{ "h5", "align" },
	{ "h6", "align" },
	{ "header", "align" },
	{ "hgroup", "align" },
	{ "hr", "align noshade size width" },
	{ "i", "" },
	{ "img", "alt align border height hspace loading longdesc vspace src usemap width" },
	{ "ins", "datetime cite" },
	{ "kbd", "" },
	{ "label", "for" },
	{ "legend", "align" },
	{ "li", "align value" },
	{ "main", "align" },
	{ "map", "name" },
	{ "mark", "" },
	{ "menu", "type" },
	{ "meter", "high low max min optimum value" },
	{ "nav", "align" },
	{ "object", "data type" },
	{ "p", "align" },
	{ "pre", "width" },
	{ "progress", "max value" },
	{ "q", "cite" },
	{ "rb", "" },
	{ "rp", "" },
	{ "rt", "" },
	{ "rtc", "" },
	{ "ruby", "" },
	{ "s", "" },
	{ "samp", "" },
	{ "search", "" },
	{ "span", "align" },
	{ "section", "align" },
	{ "small", "" },
	{ "strike", "" },
	{ "strong", "" },
	{ "sub", "" },
	{ "summary", "align" },
	{ "sup", "" },
	{ "table", "align bgcolor border cellpadding cellspacing rules summary width" },
	{ "tbody", "align char charoff valign" },
	{ "td", "abbr align axis bgcolor char charoff colspan headers height nowrap rowspan scope valign width" },
	{ "textarea", "cols rows disabled name readonly" },
	{ "tfoot", "align char charoff valign" },
	{ "th", "abbr align axis bgcolor char charoff colspan headers height nowrap rowspan scope valign width" },
	{ "thead", "align char charoff valign" },
	{ "time", "datetime" },
	{ "title", "" },
	{ "tr", "align bgcolor char charoff valign" },
	{ "track", "default kind label src srclang" },
	{ "tt", "" },
	{ "u", "" },
	{ "ul", "type popover role" },
	{ "ol", "start type reversed" },
	{ "var", "" },
	{ "video", "autoplay controls height loop muted playsinline poster preload src width" },
	{ "wbr", "" },
	/* MathML core */
	{ "math", MATH_GLOBAL " display" },
	{ "mtext", MATH_GLOBAL },
	{ "mi", MATH_GLOBAL " mathvariant" },
	{ "mn", MATH_GLOBAL },
	{ "mo", MATH_GLOBAL " form fence separator lspace rspace stretchy symmetric maxsize minsize largeop movablelimits" },
	{ "mspace", MATH_GLOBAL " width height depth" },
	{ "ms", MATH_GLOBAL },
	{ "mrow", MATH_GLOBAL },
	{ "mfrac", MATH_GLOBAL " linethickness" },
	{ "msqrt", MATH_GLOBAL },
	{ "mroot", MATH_GLOBAL },
	{ "mstyle", MATH_GLOBAL },
	{ "merror", MATH_GLOBAL },
	{ "mpadded", MATH_GLOBAL " width height depth lspace voffset" },
	{ "mphantom", MATH_GLOBAL },
	{ "msub", MATH_GLOBAL },
	{ "msup", MATH_GLOBAL },
	{ "msubsup", MATH_GLOBAL },
	{ "munder", MATH_GLOBAL " accentunder accent" },
	{ "mover", MATH_GLOBAL " accentunder accent" },
	{ "munderover", MATH_GLOBAL " accentunder accent" },
	{ "mmultiscripts", MATH_GLOBAL },
	{ "mprescripts", MATH_GLOBAL },
	{ "mtable", MATH_GLOBAL " columnalign rowspacing columnspacing align rowalign columnlines rowlines frame framespacing width" },
	{ "mtr", MATH_GLOBAL " columnalign rowalign" },
	{ "mtd", MATH_GLOBAL " columnspan rowspan columnalign rowalign" },
	{ "semantics", MATH_GLOBAL },
	{ "annotation", MATH_GLOBAL " encoding" },
	{ "menclose", MATH_GLOBAL " notation" },
};

/* _wp_add_global_attributes(): added to every element of the 'post' context. */
static const char GLOBAL_ATTRS[] =
	"aria-controls aria-current aria-describedby aria-details aria-expanded aria-hidden "
	"aria-label aria-labelledby aria-live class data-* dir hidden id lang style title role xml:lang";

/* $allowedtags ('data' and every filter-name context). */
static const struct kses_tag data_tags[] = {
	{ "a", "href title" },
	{ "abbr", "title" },
	{ "acronym", "title" },
	{ "b", "" },
	{ "blockquote", "cite" },
	{ "cite", "" },
	{ "code", "" },
	{ "del", "datetime" },
	{ "em", "" },
	{ "i", "" },
	{ "q", "cite" },
	{ "s", "" },
	{ "strike", "" },
	{ "strong", "" },
};

/* 'pre_term_description', 'pre_user_description': $allowedtags with <a rel target>. */
static const struct kses_tag description_tags[] = {
	{ "a", "href title rel target" },
	{ "abbr", "title" },
	{ "acronym", "title" },
	{ "b", "" },
	{ "blockquote", "cite" },
	{ "cite", "" },
	{ "code", "" },
	{ "del", "datetime" },
	{ "em", "" },
	{ "i", "" },
	{ "q", "cite" },
	{ "s", "" },
	{ "strike", "" },
	{ "strong", "" },
};

/* $allowedentitynames: the named references wp_kses_normalize_entities() keeps. */
static const char *const entity_names[] = {
	"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
	"laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "acute", "micro", "para", "middot",
	"cedil", "ordm", "raquo", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
	"AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
	"ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave",
	"Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
	"auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute",
	"icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
	"oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml", "quot", "amp", "lt",
	"gt", "apos", "OElig", "oelig", "Scaron", "scaron", "Yuml", "circ", "tilde", "ensp", "emsp",
	"thinsp", "zwnj", "zwj", "lrm", "rlm", "ndash", "mdash", "lsquo", "rsquo", "sbquo", "ldquo",
	"rdquo", "bdquo", "dagger", "Dagger", "permil", "lsaquo", "rsaquo", "euro", "fnof", "Alpha",
	"Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
	"Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
	"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
	"lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon",
	"phi", "chi", "psi", "omega", "thetasym", "upsih", "piv", "bull", "hellip", "prime", "Prime",
	"oline", "frasl", "weierp", "image", "real", "trade", "alefsym", "larr", "uarr", "rarr",
	"darr", "harr", "crarr", "lArr", "uArr", "rArr", "dArr", "hArr", "forall", "part", "exist",
	"empty", "nabla", "isin", "notin", "ni", "prod", "sum", "minus", "lowast", "radic", "prop",
	"infin", "ang", "and", "or", "cap", "cup", "int", "sim", "cong", "asymp", "ne", "equiv", "le",
	"ge", "sub", "sup", "nsub", "sube", "supe", "oplus", "otimes", "perp", "sdot", "lceil",
	"rceil", "lfloor", "rfloor", "lang", "rang", "loz", "spades", "clubs", "hearts", "diams",
	"sup1", "sup2", "sup3", "frac14", "frac12", "frac34", "there4",
};

/* wp_allowed_protocols() without the kses_allowed_protocols filter. */
static const char *const protocols[] = {
	"http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp",
	"feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
};

/* wp_kses_uri_attributes(): values that get wp_kses_bad_protocol(). */
static const char URI_ATTRS[] =
	"action archive background cite classid codebase data formaction href icon longdesc "
	"manifest poster profile src usemap xmlns";

/* safecss_filter_attr()'s 'safe_style_css' list ("--*": custom properties). */
static const char CSS_ALLOWED[] =
	"background background-color background-image background-position background-repeat "
	"background-size background-attachment background-blend-mode "
	"border border-radius border-width border-color border-style border-right "
	"border-right-color border-right-style border-right-width border-bottom "
	"border-bottom-color border-bottom-left-radius border-bottom-right-radius "
	"border-bottom-style border-bottom-width border-left border-left-color border-left-style "
	"border-left-width border-top border-top-color border-top-left-radius "
	"border-top-right-radius border-top-style border-top-width "
	"border-spacing border-collapse caption-side "
	"columns column-count column-fill column-gap column-rule column-span column-width "
	"color filter font font-family font-size font-style font-variant font-weight "
	"letter-spacing line-height text-align text-decoration text-indent text-transform white-space "
	"height min-height max-height width min-width max-width "
	"margin margin-right margin-bottom margin-left margin-top margin-block-start "
	"margin-block-end margin-inline-start margin-inline-end "
	"padding padding-right padding-bottom padding-left padding-top padding-block-start "
	"padding-block-end padding-inline-start padding-inline-end "
	"flex flex-basis flex-direction flex-flow flex-grow flex-shrink flex-wrap "
	"gap column-gap row-gap "
	"grid-template-columns grid-auto-columns grid-column-start grid-column-end grid-column "
	"grid-column-gap grid-template-rows grid-auto-rows grid-row-start grid-row-end grid-row "
	"grid-row-gap grid-gap "
	"justify-content justify-items justify-self align-content align-items align-self "
	"clear cursor direction float list-style-type object-fit object-position opacity overflow "
	"vertical-align writing-mode "
	"position top right bottom left z-index box-shadow aspect-ratio container-type";

/* CSS properties whose values may hold url() / a gradient. */
static const char CSS_URL_PROPS[] = "background background-image cursor filter list-style list-style-image";
static const char CSS_GRADIENT_PROPS[] = "background background-image";

/* 1 if the n bytes at w are one of the space-separated words of list. */
static int in_words(const char *list, const char *w, size_t n)
{
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ' ');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == n && memcmp(p, w, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

static const struct kses_tag *find_tag(enum kses_context ctx, const char *name, size_t n)
{
	const struct kses_tag *t;
	size_t nt;
	switch (ctx) {
	case KSES_POST: t = post_tags; nt = sizeof post_tags / sizeof *post_tags; break;
	case KSES_DATA: t = data_tags; nt = sizeof data_tags / sizeof *data_tags; break;
	case KSES_DESCRIPTION: t = description_tags; nt = sizeof description_tags / sizeof *description_tags; break;
	default: return NULL;
	}
	for (size_t i = 0; i < nt; i++)
		if (strlen(t[i].name) == n && memcmp(t[i].name, name, n) == 0)
			return &t[i];
	return NULL;
}

/* Whether `name` (lowercase) is an allowed attribute of tag in ctx, before the
 * data-* wildcard. */
static int tag_has_attr(enum kses_context ctx, const struct kses_tag *tag, const char *name, size_t n)
{
	return in_words(tag->attrs, name, n) || (ctx == KSES_POST && in_words(GLOBAL_ATTRS, name, n));
}

/* ---- patterns ----------------------------------------------------------- */

enum {
	RX_TOKEN,      /* wp_kses_split() */
	RX_BOGUS,      /* wp_kses_split2(): bogus comments </1…> and <!x…> */
	RX_ELEMENT,    /* wp_kses_split2(): the element and its attribute list */
	RX_COLON_FIX,  /* wp_kses_bad_protocol_once(): &#58 and &#x3a without ';' */
	RX_COLON,      /* wp_kses_bad_protocol_once(): the first colon, also encoded */
	RX_CSS_URL,    /* safecss_filter_attr(): url(…) */
	RX_CSS_URL_PARTS,
	RX_CSS_GRADIENT,
	RX_CSS_FUNCS,  /* var() calc() … with balanced parentheses */
	RX_CSS_UNSAFE,
	RX_BLOCK_COMMENT, /* filter_block_content(): <!-- … ---> */
	RX_COUNT
};

static struct re rx[RX_COUNT] = {
	[RX_TOKEN] = { "(<!--.*?(-->|$)|</[^a-zA-Z][^>]*>|<![^>]*>)|(<[^>]*(>|$)|>)", 0, NULL },
	[RX_BOGUS] = { "^(?:</[^a-zA-Z][^>]*>|<![a-z][^>]*>)$", 0, NULL },
	[RX_ELEMENT] = { "^<\\s*(/\\s*)?([a-zA-Z0-9-]+)([^>]*)>?$", 0, NULL },
	[RX_COLON_FIX] = { "(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))", PCRE2_CASELESS, NULL },
	[RX_COLON] = { ":|&#0*58;|&#x0*3a;|&colon;", PCRE2_CASELESS, NULL },
	[RX_CSS_URL] = { "url\\([^)]+\\)", 0, NULL },
	[RX_CSS_URL_PARTS] = { "^url\\(\\s*(['\"]?)(.*)(\\g1)\\s*\\)$", 0, NULL },
	[RX_CSS_GRADIENT] = { "^(repeating-)?(linear|radial|conic)-gradient\\(([^()]|rgb[a]?\\([^()]*\\))*\\)$", 0, NULL },
	[RX_CSS_FUNCS] = { "\\b(?:var|calc|min|max|minmax|clamp|repeat)(\\((?:[^()]|(?1))*\\))", 0, NULL },
	[RX_CSS_UNSAFE] = { "[\\\\(&=}]|/\\*", 0, NULL },
	[RX_BLOCK_COMMENT] = { "<!--(.*?)--->", 0, NULL },
};

static pthread_once_t rx_once = PTHREAD_ONCE_INIT;
static int rx_status;

static void rx_init(void)
{
	rx_status = re_compile_all(rx, RX_COUNT);
}

static int rx_ready(void)
{
	pthread_once(&rx_once, rx_init);
	return rx_status;
}

/* ---- small string helpers ---------------------------------------------- */

/* PCRE's \s without UCP. */
static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* PHP trim()'s default characters. */
static int is_trim(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\v';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_trim((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n && is_trim((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* PHP's empty() on a string: "" and "0". */
static int php_empty(const char *s, size_t n)
{
	return n == 0 || (n == 1 && s[0] == '0');
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* A scratch buffer as large as the output may become. */
static void scratch(struct buf *b, const struct buf *like)
{
	buf_init(b, like->max);
}

/* buf contents that may be empty: never NULL. */
static const char *bs(const struct buf *b)
{
	return buf_str(b);
}

static int buf_eq(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

static void buf_swap(struct buf *a, struct buf *b)
{
	struct buf t = *a;
	*a = *b;
	*b = t;
}

/* Appends s with every occurrence of `from` replaced by `to` (str_replace). */
static int append_replaced(struct buf *out, const char *s, size_t n, const char *from, size_t fl,
			   const char *to, size_t tl)
{
	int rc = PD_OK;
	if (!fl)
		return buf_append(out, s, n);
	const char *end = s + n;
	for (const char *p; rc == PD_OK && (p = memmem(s, (size_t)(end - s), from, fl)); s = p + fl) {
		rc = buf_append(out, s, (size_t)(p - s));
		if (rc == PD_OK)
			rc = buf_append(out, to, tl);
	}
	return rc ? rc : buf_append(out, s, (size_t)(end - s));
}

/* Mirrors wp_kses_no_null(): control characters other than \t \n \r go;
 * with slash_zero 'remove' (the default) so does every run of backslashes
 * followed by zeros. */
static int no_null(const char *s, size_t n, int remove_slash_zero, struct buf *out)
{
	struct buf tmp;
	scratch(&tmp, out);
	int rc = PD_OK;
	struct buf *dst = remove_slash_zero ? &tmp : out;
	size_t start = 0;
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x08 || c == 0x0B || c == 0x0C || (c >= 0x0E && c <= 0x1F)) {
			rc = buf_append(dst, s + start, i - start);
			start = i + 1;
		}
	}
	if (rc == PD_OK)
		rc = buf_append(dst, s + start, n - start);
	if (rc == PD_OK && remove_slash_zero) {
		const char *t = tmp.data ? tmp.data : "";
		size_t tn = tmp.len, i = 0;
		start = 0;
		while (i < tn && rc == PD_OK) {
			if (t[i] != '\\') {
				i++;
				continue;
			}
			size_t j = i;
			while (j < tn && t[j] == '\\')
				j++;
			if (j < tn && t[j] == '0') {
				rc = buf_append(out, t + start, i - start);
				while (j < tn && t[j] == '0')
					j++;
				start = j;
			}
			i = j;
		}
		if (rc == PD_OK)
			rc = buf_append(out, t + start, tn - start);
	}
	buf_free(&tmp);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	return rc;
}

/* ---- entities ----------------------------------------------------------- */

/* Mirrors valid_unicode(). */
static int valid_unicode(unsigned long long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static int entity_allowed(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof entity_names / sizeof *entity_names; i++)
		if (strlen(entity_names[i]) == n && memcmp(entity_names[i], name, n) == 0)
			return 1;
	return 0;
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int xval(int c) { return is_digit(c) ? c - '0' : lower(c) - 'a' + 10; }

/* The regexes of wp_kses_normalize_entities() run on the &amp;-escaped text,
 * so each match is an original '&' followed by a complete reference. */
int kses_normalize_entity(const char *s, size_t n, int html_check, struct buf *out, size_t *used)
{
	size_t i = 1;
	*used = 1;
	if (n > 2 && s[1] == '#' && is_digit(s[2])) {
		/* &#(0*[1-9][0-9]{0,6}); */
		size_t d0 = 2, j = d0;
		while (j < n && is_digit(s[j]))
			j++;
		size_t z = d0;
		while (z < j && s[z] == '0')
			z++;
		if (j < n && s[j] == ';' && j - z >= 1 && j - z <= 7) {
			unsigned long long v = 0;
			for (size_t k = z; k < j; k++)
				v = v * 10 + (unsigned)(s[k] - '0');
			*used = j + 1;
			if (valid_unicode(v)) {
				int rc = buf_puts(out, "&#");
				for (size_t k = j - z; rc == PD_OK && k < 3; k++)
					rc = buf_putc(out, '0');
				if (rc == PD_OK)
					rc = buf_append(out, s + z, j - z);
				return rc ? rc : buf_putc(out, ';');
			}
			int rc = buf_puts(out, "&amp;#");
			if (rc == PD_OK)
				rc = buf_append(out, s + d0, j - d0);
			return rc ? rc : buf_putc(out, ';');
		}
	} else if (n > 3 && s[1] == '#' && (s[2] == 'x' || s[2] == 'X') && is_xdigit(s[3])) {
		/* &#[Xx](0*[1-9A-Fa-f][0-9A-Fa-f]{0,5}); */
		size_t d0 = 3, j = d0;
		while (j < n && is_xdigit(s[j]))
			j++;
		size_t z = d0;
		while (z < j && s[z] == '0')
			z++;
		if (j < n && s[j] == ';' && j - z >= 1 && j - z <= 6) {
			unsigned long long v = 0;
			for (size_t k = z; k < j; k++)
				v = v * 16 + (unsigned)xval(s[k]);
			*used = j + 1;
			int rc;
			if (valid_unicode(v)) {
				rc = buf_puts(out, "&#x");
				if (rc == PD_OK)
					rc = buf_append(out, s + z, j - z);
			} else {
				rc = buf_puts(out, "&amp;#x");
				if (rc == PD_OK)
					rc = buf_append(out, s + d0, j - d0);
			}
			return rc ? rc : buf_putc(out, ';');
		}
	} else if (n > 1 && is_alpha(s[1])) {
		/* &([A-Za-z]{2,8}[0-9]{0,2}); */
		size_t j = i;
		while (j < n && is_alpha(s[j]))
			j++;
		size_t letters = j - i, k = j;
		while (k < n && is_digit(s[k]))
			k++;
		if (letters >= 2 && letters <= 8 && k - j <= 2 && k < n && s[k] == ';') {
			*used = k + 1;
			int ok = entity_allowed(s + 1, k - 1);
			if (ok && html_check && k - 1 == 4 && memcmp(s + 1, "apos", 4) == 0)
				ok = 0;
			int rc = buf_puts(out, ok ? "&" : "&amp;");
			if (rc == PD_OK)
				rc = buf_append(out, s + 1, k - 1);
			return rc ? rc : buf_putc(out, ';');
		}
	}
	return buf_puts(out, "&amp;");
}

static int normalize_entities(const char *s, size_t n, struct buf *out)
{
	int rc = PD_OK;
	size_t start = 0, i = 0;
	while (i < n && rc == PD_OK) {
		if (s[i] != '&') {
			i++;
			continue;
		}
		size_t used = 1;
		rc = buf_append(out, s + start, i - start);
		if (rc == PD_OK)
			rc = kses_normalize_entity(s + i, n - i, 0, out, &used);
		i += used;
		start = i;
	}
	if (rc == PD_OK)
		rc = buf_append(out, s + start, n - start);
	return rc;
}

/* ---- protocols ---------------------------------------------------------- */

/* PHP's chr() of a decimal or hexadecimal entity number; values PHP cannot
 * convert to int (it throws a TypeError there) become 0xFF, which no scheme
 * contains, so the scheme is dropped. */
static char entity_chr(const char *d, size_t n, int base)
{
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned dig = (unsigned)xval(d[i]);
		if (v > (0x7FFFFFFFFFFFFFFFull - dig) / (unsigned)base)
			return (char)0xFF;
		v = v * (unsigned)base + dig;
	}
	return (char)(v & 0xFF);
}

/* Mirrors wp_kses_decode_entities(): &#NNN; then &#xHH; (two passes). */
static int decode_entities(const char *s, size_t n, int hex, struct buf *out)
{
	int rc = PD_OK;
	size_t start = 0, i = 0;
	while (i < n && rc == PD_OK) {
		if (s[i] != '&' || i + 2 >= n || s[i + 1] != '#') {
			i++;
			continue;
		}
		size_t d0 = i + 2;
		if (hex) {
			if (s[d0] != 'x' && s[d0] != 'X') {
				i++;
				continue;
			}
			d0++;
		}
		size_t j = d0;
		while (j < n && (hex ? is_xdigit(s[j]) : is_digit(s[j])))
			j++;
		if (j == d0 || j >= n || s[j] != ';') {
			i++;
			continue;
		}
		rc = buf_append(out, s + start, i - start);
		if (rc == PD_OK)
			rc = buf_putc(out, entity_chr(s + d0, j - d0, hex ? 16 : 10));
		i = j + 1;
		start = i;
	}
	return rc ? rc : buf_append(out, s + start, n - start);
}

/* Mirrors wp_kses_bad_protocol_once2(): "scheme:" if allowed, else "". */
static int scheme_check(const char *s, size_t n, struct buf *out)
{
	struct buf a, b, c;
	scratch(&a, out);
	scratch(&b, out);
	scratch(&c, out);
	int rc = decode_entities(s, n, 0, &a);
	if (rc == PD_OK)
		rc = decode_entities(bs(&a), a.len, 1, &b);
	if (rc == PD_OK) {
		buf_reset(&a);
		for (size_t i = 0; i < b.len && rc == PD_OK; i++)
			if (!is_space((unsigned char)b.data[i]))
				rc = buf_putc(&a, b.data[i]);
	}
	if (rc == PD_OK)
		rc = no_null(bs(&a), a.len, 1, &c);
	if (rc == PD_OK) {
		for (size_t i = 0; i < c.len; i++)
			c.data[i] = (char)lower((unsigned char)c.data[i]);
		for (size_t i = 0; i < sizeof protocols / sizeof *protocols; i++)
			if (strlen(protocols[i]) == c.len && memcmp(protocols[i], c.data, c.len) == 0) {
				rc = buf_append(out, c.data, c.len);
				if (rc == PD_OK)
					rc = buf_putc(out, ':');
				break;
			}
	}
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	return rc;
}

/* Mirrors wp_kses_bad_protocol_once(): `in` (n bytes) becomes `out`. */
static int bad_protocol_once(const char *in, size_t n, int count, struct buf *out)
{
	struct buf fixed, proto, rest;
	scratch(&fixed, out);
	scratch(&proto, out);
	scratch(&rest, out);
	int rc = re_replace(&rx[RX_COLON_FIX], in, n, "$1;", &fixed, NULL);
	size_t ov[2];
	int m = rc ? rc : re_match(&rx[RX_COLON], bs(&fixed), fixed.len, 0, ov, 1);
	if (m < 0) {
		rc = m;
		goto out;
	}
	const char *s = bs(&fixed);
	if (m == 0 || memmem(s, ov[0], "/?", 2)) {
		rc = buf_append(out, s, fixed.len);
		goto out;
	}
	const char *after = s + ov[1];
	size_t an = fixed.len - ov[1];
	trim(&after, &an);
	if ((rc = scheme_check(s, ov[0], &proto)))
		goto out;
	if (proto.len == 5 && memcmp(proto.data, "feed:", 5) == 0) {
		if (count > 2)
			goto out; /* '' */
		if ((rc = bad_protocol_once(after, an, count + 1, &rest)))
			goto out;
		if (php_empty(bs(&rest), rest.len)) {
			rc = buf_append(out, bs(&rest), rest.len);
			goto out;
		}
		after = bs(&rest);
		an = rest.len;
	}
	rc = buf_append(out, bs(&proto), proto.len);
	if (rc == PD_OK)
		rc = buf_append(out, after, an);
out:
	buf_free(&fixed);
	buf_free(&proto);
	buf_free(&rest);
	return rc;
}

/* Mirrors wp_kses_bad_protocol($s, wp_allowed_protocols()). */
static int bad_protocol(const char *s, size_t n, struct buf *out)
{
	struct buf cur, next;
	scratch(&cur, out);
	scratch(&next, out);
	int rc = no_null(s, n, 1, &cur);
	if (rc)
		goto out;
	if ((cur.len >= 8 && memcmp(cur.data, "https://", 8) == 0) ||
	    (cur.len >= 7 && memcmp(cur.data, "http://", 7) == 0)) {
		rc = buf_append(out, cur.data, cur.len);
		goto out;
	}
	int changed, iterations = 0;
	do {
		buf_reset(&next);
		if ((rc = bad_protocol_once(bs(&cur), cur.len, 1, &next)))
			goto out;
		changed = !buf_eq(&cur, &next);
		buf_swap(&cur, &next);
	} while (changed && ++iterations < 6);
	if (!changed)
		rc = buf_append(out, bs(&cur), cur.len);
out:
	buf_free(&cur);
	buf_free(&next);
	return rc;
}

/* ---- CSS ---------------------------------------------------------------- */

/* 1 if the n bytes at s match /^--[a-zA-Z0-9-_]+$/. */
static int is_custom_property(const char *s, size_t n)
{
	if (n < 3 || s[0] != '-' || s[1] != '-')
		return 0;
	for (size_t i = 2; i < n; i++)
		if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

/* One declaration of safecss_filter_attr(): *keep set when it stays. */
static int css_item_check(const char *item, size_t n, int *keep, const struct buf *like)
{
	struct buf test, tmp, url;
	scratch(&test, like);
	scratch(&tmp, like);
	scratch(&url, like);
	int rc = buf_append(&test, item, n);
	int found = 0, url_attr = 0, gradient_attr = 0;
	const char *value = NULL;
	size_t vn = 0;
	*keep = 0;
	if (rc)
		goto out;
	const char *colon = memchr(item, ':', n);
	if (!colon) {
		found = 1;
	} else {
		const char *sel = item;
		size_t sn = (size_t)(colon - item);
		trim(&sel, &sn);
		value = colon + 1;
		vn = n - (size_t)(value - item);
		int custom = is_custom_property(sel, sn);
		if (custom || in_words(CSS_ALLOWED, sel, sn)) {
			found = 1;
			url_attr = in_words(CSS_URL_PROPS, sel, sn);
			gradient_attr = in_words(CSS_GRADIENT_PROPS, sel, sn);
		}
		if (custom) {
			const char *v = value;
			size_t tn = vn;
			trim(&v, &tn);
			url_attr = tn >= 4 && memcmp(v, "url(", 4) == 0;
			gradient_attr = memmem(v, tn, "-gradient(", 10) != NULL;
		}
	}
	if (found && url_attr) {
		size_t pos = 0, ov[6];
		for (;;) {
			int m = re_match(&rx[RX_CSS_URL], value, vn, pos, ov, 1);
			if (m < 0) {
				rc = m;
				goto out;
			}
			if (m == 0)
				break;
			const char *um = value + ov[0];
			size_t un = ov[1] - ov[0];
			pos = ov[1];
			int p = re_match(&rx[RX_CSS_URL_PARTS], um, un, 0, ov, 3);
			if (p < 0) {
				rc = p;
				goto out;
			}
			if (p == 0 || ov[4] == PCRE2_UNSET || php_empty(um + ov[4], ov[5] - ov[4])) {
				found = 0;
				break;
			}
			const char *u = um + ov[4];
			size_t ul = ov[5] - ov[4];
			trim(&u, &ul);
			buf_reset(&url);
			if (php_empty(u, ul) || (rc = bad_protocol(u, ul, &url)) != PD_OK ||
			    url.len != ul || memcmp(bs(&url), u, ul) != 0) {
				if (rc)
					goto out;
				found = 0;
				break;
			}
			buf_reset(&tmp);
			if ((rc = append_replaced(&tmp, bs(&test), test.len, um, un, "", 0)))
				goto out;
			buf_swap(&test, &tmp);
		}
	}
	if (found && gradient_attr) {
		const char *v = value;
		size_t tn = vn;
		trim(&v, &tn);
		size_t ov[2];
		int m = re_match(&rx[RX_CSS_GRADIENT], v, tn, 0, ov, 1);
		if (m < 0) {
			rc = m;
			goto out;
		}
		if (m == 1) {
			buf_reset(&tmp);
			if ((rc = append_replaced(&tmp, bs(&test), test.len, v, tn, "", 0)))
				goto out;
			buf_swap(&test, &tmp);
		}
	}
	if (found) {
		buf_reset(&tmp);
		if ((rc = re_replace(&rx[RX_CSS_FUNCS], bs(&test), test.len, "", &tmp, NULL)))
			goto out;
		size_t ov[2];
		int m = re_match(&rx[RX_CSS_UNSAFE], bs(&tmp), tmp.len, 0, ov, 1);
		if (m < 0) {
			rc = m;
			goto out;
		}
		*keep = m == 0;
	}
out:
	buf_free(&test);
	buf_free(&tmp);
	buf_free(&url);
	return rc;
}

/* Mirrors safecss_filter_attr() with the default lists. */
static int safecss(const char *s, size_t n, struct buf *out)
{
	struct buf css, res;
	scratch(&css, out);
	scratch(&res, out);
	int rc = no_null(s, n, 1, &css);
	if (rc)
		goto out;
	/* str_replace(array("\n", "\r", "\t"), '', $css) */
	size_t w = 0;
	for (size_t i = 0; i < css.len; i++)
		if (css.data[i] != '\n' && css.data[i] != '\r' && css.data[i] != '\t')
			css.data[w++] = css.data[i];
	css.len = w;
	const char *p = bs(&css);
	size_t pn = css.len;
	trim(&p, &pn);
	const char *end = p + pn;
	for (const char *item = p;; ) {
		const char *semi = memchr(item, ';', (size_t)(end - item));
		const char *ie = semi ? semi : end;
		const char *t = item;
		size_t tn = (size_t)(ie - item);
		if (tn) {
			int keep;
			trim(&t, &tn);
			if ((rc = css_item_check(t, tn, &keep, out)))
				goto out;
			if (keep) {
				if (res.len)
					rc = buf_putc(&res, ';');
				if (rc == PD_OK)
					rc = buf_append(&res, t, tn);
				if (rc)
					goto out;
			}
		}
		if (!semi)
			break;
		item = semi + 1;
	}
	rc = buf_append(out, bs(&res), res.len);
out:
	buf_free(&css);
	buf_free(&res);
	return rc;
}

/* ---- attributes --------------------------------------------------------- */

/* One attribute of wp_kses_hair(). */
struct hair_attr {
	const char *name;   /* borrowed from the attribute list */
	size_t name_len;
	struct buf value;   /* after wp_kses_bad_protocol() for URI attributes */
	struct buf whole;   /* name="value", name='value' or name */
	int vless;          /* 1: valueless ('y') */
};

struct hair {
	struct hair_attr *a; /* in order of first appearance */
	size_t n, cap;
	size_t *slots;       /* open-addressing set of indexes+1 into a, by name */
	size_t nslots;
	size_t max;          /* buffer limit for values */
};

static uint64_t name_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void hair_free(struct hair *h)
{
	for (size_t i = 0; i < h->n; i++) {
		buf_free(&h->a[i].value);
		buf_free(&h->a[i].whole);
	}
	free(h->a);
	free(h->slots);
}

static int hair_has(const struct hair *h, const char *name, size_t n)
{
	if (!h->nslots)
		return 0;
	for (size_t i = name_hash(name, n) & (h->nslots - 1);; i = (i + 1) & (h->nslots - 1)) {
		size_t k = h->slots[i];
		if (!k)
			return 0;
		if (h->a[k - 1].name_len == n && memcmp(h->a[k - 1].name, name, n) == 0)
			return 1;
	}
}

static void slot_put(size_t *slots, size_t nslots, const struct hair_attr *a, size_t idx)
{
	size_t i = name_hash(a->name, a->name_len) & (nslots - 1);
	while (slots[i])
		i = (i + 1) & (nslots - 1);
	slots[i] = idx + 1;
}

/* Adds an attribute unless one of the same (case-sensitive) name exists,
 * as wp_kses_hair()'s array_key_exists() does. value: NULL for valueless;
 * quote: '"' or '\''. URI attribute values go through bad_protocol(). */
static int hair_add(struct hair *h, const char *name, size_t nn, const char *value, size_t vn,
		    char quote)
{
	if (hair_has(h, name, nn))
		return PD_OK;
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 8;
		struct hair_attr *a = realloc(h->a, cap * sizeof *a);
		if (!a)
			return PD_ENOMEM;
		h->a = a;
		h->cap = cap;
	}
	if ((h->n + 1) * 2 > h->nslots) {
		size_t ns = h->nslots ? h->nslots * 2 : 16;
		size_t *slots = calloc(ns, sizeof *slots);
		if (!slots)
			return PD_ENOMEM;
		for (size_t i = 0; i < h->n; i++)
			slot_put(slots, ns, &h->a[i], i);
		free(h->slots);
		h->slots = slots;
		h->nslots = ns;
	}
	struct hair_attr *a = &h->a[h->n];
	a->name = name;
	a->name_len = nn;
	buf_init(&a->value, h->max);
	buf_init(&a->whole, h->max);
	a->vless = value == NULL;
	h->n++;
	slot_put(h->slots, h->nslots, a, h->n - 1);
	int rc = PD_OK;
	if (value) {
		char low[16];
		int uri = 0;
		if (nn < sizeof low) {
			for (size_t i = 0; i < nn; i++)
				low[i] = (char)lower((unsigned char)name[i]);
			uri = in_words(URI_ATTRS, low, nn);
		}
		rc = uri ? bad_protocol(value, vn, &a->value) : buf_append(&a->value, value, vn);
		if (rc == PD_OK)
			rc = buf_append(&a->whole, name, nn);
		if (rc == PD_OK)
			rc = buf_putc(&a->whole, '=');
		if (rc == PD_OK)
			rc = buf_putc(&a->whole, quote);
		if (rc == PD_OK)
			rc = buf_append(&a->whole, bs(&a->value), a->value.len);
		if (rc == PD_OK)
			rc = buf_putc(&a->whole, quote);
	} else {
		rc = buf_append(&a->whole, name, nn);
		if (rc == PD_OK)
			rc = buf_append(&a->value, "", 0);
	}
	return rc;
}

static int is_name_start(int c) { return is_alpha(c) || c == '_'; }
static int is_name_char(int c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == ':' || c == '.'; }

/* `$` of a PCRE pattern without /m at offset i of s[0..n). */
static int at_dollar(const char *s, size_t n, size_t i)
{
	return i == n || (i == n - 1 && s[i] == '\n');
}

/* Mirrors wp_kses_html_error(): bytes to drop after a parse error. */
static size_t html_error_len(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] == '"' || s[i] == '\'') {
			const char *q = memchr(s + i + 1, s[i], n - i - 1);
			i = q ? (size_t)(q - s) + 1 : n;
		} else if (!is_space((unsigned char)s[i])) {
			i++;
		} else {
			break;
		}
	}
	while (i < n && is_space((unsigned char)s[i]))
		i++;
	return i;
}

/* Mirrors wp_kses_hair(): the attribute list s[0..n) parsed, with its state
 * machine and error recovery, consuming the string instead of copying it. */
static int hair_parse(const char *s, size_t n, struct hair *h)
{
	int mode = 0, rc = PD_OK;
	const char *name = NULL;
	size_t nn = 0, i = 0;
	while (i < n && rc == PD_OK) {
		int working = 0;
		const char *a = s + i;
		size_t an = n - i;
		switch (mode) {
		case 0:
			if (is_name_start((unsigned char)a[0])) {
				size_t j = 1;
				while (j < an && is_name_char((unsigned char)a[j]))
					j++;
				name = a;
				nn = j;
				working = 1;
				mode = 1;
				i += j;
			}
			break;
		case 1: {
			size_t j = 0;
			while (j < an && is_space((unsigned char)a[j]))
				j++;
			if (j < an && a[j] == '=') {
				j++;
				while (j < an && is_space((unsigned char)a[j]))
					j++;
				working = 1;
				mode = 2;
				i += j;
				break;
			}
			if (j > 0) { /* valueless */
				working = 1;
				mode = 0;
				rc = hair_add(h, name, nn, NULL, 0, 0);
				i += j;
			}
			break;
		}
		case 2:
			if (a[0] == '"' || a[0] == '\'') {
				/* %^"([^"]*)"(\s+|/?$)% to match, /^"[^"]*"(\s+|$)/ to remove */
				const char *q = memchr(a + 1, a[0], an - 1);
				if (!q)
					break;
				size_t e = (size_t)(q - a) + 1, k = e;
				while (k < an && is_space((unsigned char)a[k]))
					k++;
				int matched = k > e || at_dollar(a, an, e) ||
					      (a[e] == '/' && at_dollar(a, an, e + 1));
				if (!matched)
					break;
				rc = hair_add(h, name, nn, a + 1, e - 2, a[0]);
				working = 1;
				mode = 0;
				if (k > e)
					i += k;
				else if (at_dollar(a, an, e))
					i += e;
				/* else: "…"/ is matched but not removed; html_error takes it next */
				break;
			}
			{
				/* %^([^\s\"']+)(\s+|/?$)% */
				size_t j = 0;
				while (j < an && !is_space((unsigned char)a[j]) && a[j] != '"' && a[j] != '\'')
					j++;
				if (j == 0 || (j < an && !is_space((unsigned char)a[j])))
					break;
				size_t k = j;
				while (k < an && is_space((unsigned char)a[k]))
					k++;
				rc = hair_add(h, name, nn, a, j, '"');
				working = 1;
				mode = 0;
				i += k;
			}
			break;
		}
		if (!working) {
			i += html_error_len(a, an);
			mode = 0;
		}
	}
	if (rc == PD_OK && mode == 1)
		rc = hair_add(h, name, nn, NULL, 0, 0);
	return rc;
}

/* The kses run: context and site facts. */
struct kses {
	enum kses_context ctx;
	const char *upload_host; /* host[:port] of the uploads URL, or NULL */
	int block_attrs;         /* wp_pre_kses_block_attributes is hooked */
};

/* Mirrors _wp_kses_allow_pdf_objects(). */
static int pdf_object_ok(const struct kses *k, const char *url, size_t n)
{
	if (memchr(url, '?', n) || memchr(url, '#', n))
		return 0;
	if (n < 4 || memcmp(url + n - 4, ".pdf", 4) != 0)
		return 0;
	if (!k->upload_host)
		return 0;
	size_t hl = strlen(k->upload_host);
	for (int https = 0; https < 2; https++) {
		size_t pl = https ? 8 : 7;
		if (n > pl + hl && memcmp(url, https ? "https://" : "http://", pl) == 0 &&
		    memcmp(url + pl, k->upload_host, hl) == 0 && url[pl + hl] == '/')
			return 1;
	}
	return 0;
}

/* The value checks of wp_kses_check_attr_val() that $allowedposttags uses. */
static int attr_value_ok(const struct kses *k, const char *elem_low, const char *name_low,
			 const struct hair_attr *a)
{
	if (k->ctx != KSES_POST)
		return 1;
	if (strcmp(elem_low, "a") == 0 && strcmp(name_low, "download") == 0)
		return a->vless; /* 'valueless' => 'y' */
	if (strcmp(elem_low, "object") == 0 && strcmp(name_low, "data") == 0)
		return pdf_object_ok(k, bs(&a->value), a->value.len);
	if (strcmp(elem_low, "object") == 0 && strcmp(name_low, "type") == 0) {
		static const char pdf[] = "application/pdf";
		if (a->value.len != sizeof pdf - 1)
			return 0;
		for (size_t i = 0; i < a->value.len; i++)
			if (lower((unsigned char)a->value.data[i]) != pdf[i])
				return 0;
		return 1;
	}
	return 1;
}

static int attr_check_low(const struct kses *k, const struct kses_tag *tag, struct hair_attr *a,
			  char *name_low, int *ok);

/* Mirrors wp_kses_attr_check() for an element known to be allowed: 1 if the
 * attribute stays (its value and whole possibly rewritten for style). */
static int attr_check(const struct kses *k, const struct kses_tag *tag, struct hair_attr *a,
		      int *ok)
{
	char small[64], *name_low = small;
	*ok = 0;
	if (a->name_len >= sizeof small && !(name_low = malloc(a->name_len + 1)))
		return PD_ENOMEM;
	int rc = attr_check_low(k, tag, a, name_low, ok);
	if (name_low != small)
		free(name_low);
	return rc;
}

/* attr_check() with room for the lowercase name. */
static int attr_check_low(const struct kses *k, const struct kses_tag *tag, struct hair_attr *a,
			  char *name_low, int *ok)
{
	for (size_t i = 0; i < a->name_len; i++)
		name_low[i] = (char)lower((unsigned char)a->name[i]);
	name_low[a->name_len] = '\0';
	if (!tag_has_attr(k->ctx, tag, name_low, a->name_len)) {
		/* data-* wildcard: /^data-[a-z0-9_-]+$/ */
		if (a->name_len <= 5 || memcmp(name_low, "data-", 5) != 0 ||
		    !tag_has_attr(k->ctx, tag, "data-*", 6))
			return PD_OK;
		for (size_t i = 5; i < a->name_len; i++) {
			char c = name_low[i];
			if (!(c >= 'a' && c <= 'z') && !is_digit(c) && c != '_' && c != '-')
				return PD_OK;
		}
	}
	if (strcmp(name_low, "style") == 0) {
		struct buf css, whole;
		buf_init(&css, a->value.max);
		buf_init(&whole, a->whole.max);
		int rc = safecss(bs(&a->value), a->value.len, &css);
		if (rc == PD_OK && php_empty(bs(&css), css.len)) {
			buf_free(&css);
			return PD_OK;
		}
		if (rc == PD_OK)
			rc = append_replaced(&whole, bs(&a->whole), a->whole.len, bs(&a->value),
					     a->value.len, bs(&css), css.len);
		if (rc) {
			buf_free(&css);
			buf_free(&whole);
			return rc;
		}
		buf_swap(&a->whole, &whole);
		buf_swap(&a->value, &css);
		buf_free(&css);
		buf_free(&whole);
	}
	*ok = attr_value_ok(k, tag->name, name_low, a);
	return PD_OK;
}

/* Mirrors wp_kses_attr(): the element with its allowed attributes. */
static int kses_attr(const struct kses *k, const struct kses_tag *tag, const char *elem, size_t en,
		     const char *attr, size_t an, struct buf *out)
{
	/* %\s*\/\s*$%: a closing XHTML slash */
	size_t t = an;
	while (t && is_space((unsigned char)attr[t - 1]))
		t--;
	int xhtml = t && attr[t - 1] == '/';
	int rc;
	if (!tag->attrs[0] && k->ctx != KSES_POST) {
		rc = buf_putc(out, '<');
		if (rc == PD_OK)
			rc = buf_append(out, elem, en);
		if (rc == PD_OK)
			rc = buf_puts(out, xhtml ? " />" : ">");
		return rc;
	}
	struct hair h = { 0 };
	h.max = out->max;
	struct buf attr2;
	scratch(&attr2, out);
	rc = hair_parse(attr, an, &h);
	/* $allowedposttags' only required attributes: <object data type>. */
	int object = k->ctx == KSES_POST && strcmp(tag->name, "object") == 0;
	int need_data = object, need_type = object;
	int stripped = 0;
	for (size_t i = 0; i < h.n && rc == PD_OK; i++) {
		struct hair_attr *a = &h.a[i];
		int req = 0;
		if (object && a->name_len == 4) {
			char l[4];
			for (int j = 0; j < 4; j++)
				l[j] = (char)lower((unsigned char)a->name[j]);
			if (memcmp(l, "data", 4) == 0 && need_data)
				req = 1;
			else if (memcmp(l, "type", 4) == 0 && need_type)
				req = 2;
		}
		int ok;
		if ((rc = attr_check(k, tag, a, &ok)))
			break;
		if (ok) {
			rc = buf_putc(&attr2, ' ');
			if (rc == PD_OK)
				rc = buf_append(&attr2, bs(&a->whole), a->whole.len);
			if (req == 1)
				need_data = 0;
			else if (req == 2)
				need_type = 0;
		} else if (req) {
			stripped = 1;
			break;
		}
	}
	if (rc == PD_OK && (stripped || need_data || need_type)) {
		if (!xhtml) {
			rc = buf_putc(out, '<');
			if (rc == PD_OK)
				rc = buf_append(out, elem, en);
			if (rc == PD_OK)
				rc = buf_putc(out, '>');
		}
	} else if (rc == PD_OK) {
		rc = buf_putc(out, '<');
		if (rc == PD_OK)
			rc = buf_append(out, elem, en);
		for (size_t i = 0; i < attr2.len && rc == PD_OK; i++)
			if (attr2.data[i] != '<' && attr2.data[i] != '>')
				rc = buf_putc(out, attr2.data[i]);
		if (rc == PD_OK)
			rc = buf_puts(out, xhtml ? " />" : ">");
	}
	hair_free(&h);
	buf_free(&attr2);
	return rc;
}

/* ---- block attributes (wp_pre_kses_block_attributes) --------------------- */

static int kses_run(const struct kses *k, const char *in, size_t n, struct buf *out);


/* PHP's json_encode() of a string with JSON_UNESCAPED_SLASHES |
 * JSON_UNESCAPED_UNICODE: only quotes, backslashes, control characters and
 * U+2028/U+2029 are escaped. */
static int json_string_unescaped(const char *s, size_t n, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	int rc = buf_putc(out, '"');
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': rc = buf_puts(out, "\\\""); break;
		case '\\': rc = buf_puts(out, "\\\\"); break;
		case '\b': rc = buf_puts(out, "\\b"); break;
		case '\f': rc = buf_puts(out, "\\f"); break;
		case '\n': rc = buf_puts(out, "\\n"); break;
		case '\r': rc = buf_puts(out, "\\r"); break;
		case '\t': rc = buf_puts(out, "\\t"); break;
		default:
			if (c < 0x20) {
				char e[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
				rc = buf_puts(out, e);
			} else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
				   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
				rc = buf_puts(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
				i += 2;
			} else {
				rc = buf_putc(out, (char)c);
			}
		}
	}
	return rc ? rc : buf_putc(out, '"');
}

/* PHP's json_encode() of a float (serialize_precision -1): the shortest
 * round-trip digits, exponential (1.0e+25) when the decimal point is more than
 * 17 digits right or 4 left, no ".0" for integral values. */
static int php_json_float(double v, struct buf *out)
{
	char tmp[40];
	int p;
	for (p = 1; p <= 17; p++) {
		snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	char digits[24];
	size_t nd = 0;
	const char *t = tmp;
	int neg = *t == '-';
	if (neg)
		t++;
	for (; *t && *t != 'e'; t++)
		if (is_digit(*t))
			digits[nd++] = *t;
	int decpt = atoi(t + 1) + 1;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	int rc = neg ? buf_putc(out, '-') : PD_OK;
	if (nd == 1 && digits[0] == '0')
		return rc ? rc : buf_putc(out, '0');
	if (decpt < 0 ? decpt < -3 : decpt > 17) {
		rc = rc ? rc : buf_putc(out, digits[0]);
		rc = rc ? rc : buf_putc(out, '.');
		rc = rc ? rc : (nd > 1 ? buf_append(out, digits + 1, nd - 1) : buf_putc(out, '0'));
		return rc ? rc : buf_printf(out, "e%c%d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
	}
	if (decpt <= 0) {
		rc = rc ? rc : buf_puts(out, "0.");
		for (int i = 0; i < -decpt && rc == PD_OK; i++)
			rc = buf_putc(out, '0');
		return rc ? rc : buf_append(out, digits, nd);
	}
	for (int i = 0; i < decpt && rc == PD_OK; i++)
		rc = buf_putc(out, (size_t)i < nd ? digits[i] : '0');
	if (rc == PD_OK && (size_t)decpt < nd) {
		rc = buf_putc(out, '.');
		if (rc == PD_OK)
			rc = buf_append(out, digits + decpt, nd - (size_t)decpt);
	}
	return rc;
}

/* One entry of a PHP array being rebuilt by filter_block_kses_value(). */
struct php_entry {
	struct buf key;   /* the key as a string (integer keys in decimal) */
	struct buf enc;   /* the value, already JSON-encoded */
	int dead;         /* unset() */
};

struct php_array {
	struct php_entry *e;
	size_t n, cap;
	size_t *slots;    /* open addressing: entry index + 1, dead entries act as tombstones */
	size_t nslots;
};

static struct php_entry *php_find(struct php_array *a, const char *k, size_t kn)
{
	for (size_t i = name_hash(k, kn) & (a->nslots - 1);; i = (i + 1) & (a->nslots - 1)) {
		size_t x = a->slots[i];
		if (!x)
			return NULL;
		struct php_entry *e = &a->e[x - 1];
		if (!e->dead && e->key.len == kn && memcmp(bs(&e->key), k, kn) == 0)
			return e;
	}
}

/* $a[$k] = enc: replaces in place or appends. Takes key and enc. */
static void php_set(struct php_array *a, struct buf *key, struct buf *enc)
{
	struct php_entry *e = php_find(a, bs(key), key->len);
	if (e) {
		buf_free(&e->enc);
		e->enc = *enc;
		buf_free(key);
		return;
	}
	e = &a->e[a->n++];
	e->key = *key;
	e->enc = *enc;
	e->dead = 0;
	size_t i = name_hash(bs(key), key->len) & (a->nslots - 1);
	while (a->slots[i])
		i = (i + 1) & (a->nslots - 1);
	a->slots[i] = a->n;
}

static int filter_block_value(const struct kses *k, const json_t *v, int template_part,
			      struct buf *out);

/* Mirrors filter_block_core_template_part_attributes() on an encoded value:
 * a non-empty tagName must be an allowed element, else it becomes ''. */
static int template_part_tag(const struct kses *k, const json_t *v, const char *key, size_t kn,
			     struct buf *enc)
{
	if (kn != 7 || memcmp(key, "tagName", 7) != 0)
		return PD_OK;
	int empty = json_is_null(v) || json_is_false(v) ||
		    (json_is_integer(v) && json_integer_value(v) == 0) ||
		    (json_is_real(v) && json_real_value(v) == 0) ||
		    (json_is_array(v) && json_array_size(v) == 0) ||
		    (json_is_object(v) && json_object_size(v) == 0);
	if (empty)
		return PD_OK;
	if (json_is_string(v) && enc->len >= 2) {
		/* compare the encoded string: an element name has nothing JSON
		 * escapes, and a string with escapes is no element name */
		const char *s = bs(enc) + 1;
		size_t n = enc->len - 2;
		if (php_empty(s, n) || find_tag(k->ctx, s, n))
			return PD_OK;
	}
	buf_reset(enc);
	return buf_puts(enc, "\"\"");
}

/* Mirrors filter_block_kses_value() on an object or array and encodes the
 * resulting PHP array as json_encode() does (a list when its keys are 0..n-1). */
static int filter_block_array(const struct kses *k, const json_t *v, int template_part,
			      struct buf *out)
{
	size_t n = json_is_object(v) ? json_object_size(v) : json_array_size(v);
	struct php_array a = { 0 };
	int rc = PD_OK;
	a.e = calloc(2 * n + 1, sizeof *a.e);
	a.nslots = 4;
	while (a.nslots < 4 * n + 4)
		a.nslots *= 2;
	a.slots = calloc(a.nslots, sizeof *a.slots);
	if (!a.e || !a.slots) {
		rc = PD_ENOMEM;
		goto out;
	}
	/* the original array, as json_decode( …, true ) builds it */
	const char *key;
	json_t *val;
	size_t idx;
	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, val) {
			struct buf kb, eb;
			buf_init(&kb, out->max);
			buf_init(&eb, out->max);
			if ((rc = buf_append(&kb, key, strlen(key))) || (rc = buf_append(&eb, "", 0))) {
				buf_free(&kb);
				buf_free(&eb);
				goto out;
			}
			php_set(&a, &kb, &eb);
		}
	} else {
		json_array_foreach(v, idx, val) {
			struct buf kb, eb;
			buf_init(&kb, out->max);
			buf_init(&eb, out->max);
			if ((rc = buf_printf(&kb, "%zu", idx)) || (rc = buf_append(&eb, "", 0))) {
				buf_free(&kb);
				buf_free(&eb);
				goto out;
			}
			php_set(&a, &kb, &eb);
		}
	}
	/* foreach over the original: filter key and value, move renamed keys */
	size_t orig = a.n;
	for (size_t i = 0; i < orig && rc == PD_OK; i++) {
		const json_t *iv = json_is_object(v) ? json_object_get(v, bs(&a.e[i].key))
						     : json_array_get(v, i);
		struct buf fk, fv;
		buf_init(&fk, out->max);
		buf_init(&fv, out->max);
		const char *ok = bs(&a.e[i].key);
		size_t okn = a.e[i].key.len;
		/* integer keys are not strings: WordPress leaves them alone */
		int int_key = json_is_array(v);
		if (!int_key && okn && okn < 20) {
			int_key = (ok[0] != '0' || okn == 1);
			for (size_t j = ok[0] == '-' ? 1 : 0; j < okn && int_key; j++)
				int_key = is_digit(ok[j]);
			if (ok[0] == '-' && (okn == 1 || ok[1] == '0'))
				int_key = 0;
		}
		rc = int_key ? buf_append(&fk, ok, okn) : kses_run(k, ok, okn, &fk);
		if (rc == PD_OK)
			rc = buf_append(&fk, "", 0);
		if (rc == PD_OK)
			rc = filter_block_value(k, iv, template_part, &fv);
		if (rc == PD_OK && template_part)
			rc = template_part_tag(k, iv, bs(&fk), fk.len, &fv);
		if (rc) {
			buf_free(&fk);
			buf_free(&fv);
			break;
		}
		/* find the original entry again: it may have been overwritten in place */
		struct php_entry *cur = php_find(&a, ok, okn);
		if (fk.len != okn || memcmp(bs(&fk), ok, okn) != 0) {
			if (cur)
				cur->dead = 1;
		}
		php_set(&a, &fk, &fv);
	}
	if (rc)
		goto out;
	/* json_encode(): a list when the live keys are 0, 1, 2, … in order */
	int list = 1;
	size_t live = 0;
	for (size_t i = 0; i < a.n && list; i++) {
		if (a.e[i].dead)
			continue;
		char num[24];
		int l = snprintf(num, sizeof num, "%zu", live++);
		list = a.e[i].key.len == (size_t)l && memcmp(bs(&a.e[i].key), num, (size_t)l) == 0;
	}
	rc = buf_putc(out, list ? '[' : '{');
	int first = 1;
	for (size_t i = 0; i < a.n && rc == PD_OK; i++) {
		if (a.e[i].dead)
			continue;
		if (!first)
			rc = buf_putc(out, ',');
		first = 0;
		if (rc == PD_OK && !list) {
			rc = json_string_unescaped(bs(&a.e[i].key), a.e[i].key.len, out);
			if (rc == PD_OK)
				rc = buf_putc(out, ':');
		}
		if (rc == PD_OK)
			rc = buf_append(out, bs(&a.e[i].enc), a.e[i].enc.len);
	}
	if (rc == PD_OK)
		rc = buf_putc(out, list ? ']' : '}');
out:
	if (a.e)
		for (size_t i = 0; i < a.n; i++) {
			buf_free(&a.e[i].key);
			buf_free(&a.e[i].enc);
		}
	free(a.e);
	free(a.slots);
	return rc;
}

/* filter_block_kses_value() of one value, appended JSON-encoded to out. */
static int filter_block_value(const struct kses *k, const json_t *v, int template_part,
			      struct buf *out)
{
	if (json_is_object(v) || json_is_array(v))
		return filter_block_array(k, v, template_part, out);
	if (json_is_string(v)) {
		struct buf s;
		buf_init(&s, out->max);
		int rc = kses_run(k, json_string_value(v), json_string_length(v), &s);
		if (rc == PD_OK)
			rc = json_string_unescaped(bs(&s), s.len, out);
		buf_free(&s);
		return rc;
	}
	if (json_is_true(v))
		return buf_puts(out, "true");
	if (json_is_false(v))
		return buf_puts(out, "false");
	if (json_is_integer(v))
		return buf_printf(out, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return php_json_float(json_real_value(v), out);
	return buf_puts(out, "null");
}

/* serialize_block_attributes()'s strtr(): -- < > & \\ \" as \u escapes. */
static int strtr_block_attrs(const char *s, size_t n, struct buf *out)
{
	int rc = PD_OK;
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n && (s[i + 1] == '\\' || s[i + 1] == '"')) {
			rc = buf_puts(out, s[i + 1] == '\\' ? "\\u005c" : "\\u0022");
			i++;
		} else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
			rc = buf_puts(out, "\\u002d\\u002d");
			i++;
		} else if (c == '<') {
			rc = buf_puts(out, "\\u003c");
		} else if (c == '>') {
			rc = buf_puts(out, "\\u003e");
		} else if (c == '&') {
			rc = buf_puts(out, "\\u0026");
		} else {
			rc = buf_putc(out, c);
		}
	}
	return rc;
}

/* Mirrors serialize_block() after filter_block_kses(). */
static int serialize_filtered_block(const struct kses *k, const struct block_doc *d,
				    const struct block *b, struct buf *out)
{
	struct buf content, attrs, enc;
	buf_init(&content, out->max);
	buf_init(&attrs, out->max);
	buf_init(&enc, out->max);
	int rc = PD_OK;
	size_t inner = 0;
	for (size_t i = 0; i < b->ncontent && rc == PD_OK; i++) {
		const struct block_chunk *c = &b->content[i];
		if (!c->is_block)
			rc = buf_append(&content, d->doc + c->off, c->len);
		else if (inner < b->ninner)
			rc = serialize_filtered_block(k, d, b->inner[inner++], &content);
	}
	if (rc || !b->name) {
		if (rc == PD_OK)
			rc = buf_append(out, bs(&content), content.len);
		goto out;
	}
	int template_part = strcmp(b->name, "core/template-part") == 0;
	if (b->attrs && (json_is_object(b->attrs) ? json_object_size(b->attrs) : json_array_size(b->attrs))) {
		if ((rc = filter_block_value(k, b->attrs, template_part, &enc)))
			goto out;
		/* filtering renames keys but never removes the last one, so a
		 * non-empty array stays non-empty (empty() in WordPress) */
		if ((rc = strtr_block_attrs(bs(&enc), enc.len, &attrs)) || (rc = buf_putc(&attrs, ' ')))
			goto out;
	}
	const char *name = b->name;
	if (strncmp(name, "core/", 5) == 0)
		name += 5;
	if (php_empty(bs(&content), content.len))
		rc = buf_printf(out, "<!-- wp:%s %s/-->", name, bs(&attrs));
	else {
		rc = buf_printf(out, "<!-- wp:%s %s-->", name, bs(&attrs));
		if (rc == PD_OK)
			rc = buf_append(out, bs(&content), content.len);
		if (rc == PD_OK)
			rc = buf_printf(out, "<!-- /wp:%s -->", name);
	}
out:
	buf_free(&content);
	buf_free(&attrs);
	buf_free(&enc);
	return rc;
}

static int block_comment_cb(void *ud, const char *s, const size_t *ov, int nov, struct buf *out)
{
	(void)ud;
	(void)nov;
	/* '<!--' . rtrim( $matches[1], '-' ) . '-->' */
	size_t a = ov[2], e = ov[3];
	while (e > a && s[e - 1] == '-')
		e--;
	int rc = buf_puts(out, "<!--");
	if (rc == PD_OK)
		rc = buf_append(out, s + a, e - a);
	return rc ? rc : buf_puts(out, "-->");
}

/* Mirrors filter_block_content() as wp_pre_kses_block_attributes() calls it:
 * the block tree re-serialised with every attribute key and string value run
 * through wp_kses() (without this filter). */
static int pre_kses_block_attributes(const struct kses *k, const char *s, size_t n, struct buf *out)
{
	struct kses inner = *k;
	inner.block_attrs = 0;
	struct buf text;
	buf_init(&text, out->max);
	int rc;
	if (memmem(s, n, "<!--", 4) && memmem(s, n, "--->", 4))
		rc = re_replace_cb(&rx[RX_BLOCK_COMMENT], s, n, block_comment_cb, NULL, &text, NULL);
	else
		rc = buf_append(&text, s, n);
	if (rc) {
		buf_free(&text);
		return rc;
	}
	struct block_doc d;
	if ((rc = block_parse(bs(&text), text.len, &d))) {
		buf_free(&text);
		return rc;
	}
	for (size_t i = 0; i < d.nblocks && rc == PD_OK; i++)
		rc = serialize_filtered_block(&inner, &d, d.blocks[i], out);
	block_doc_free(&d);
	buf_free(&text);
	return rc;
}

/* ---- the filter --------------------------------------------------------- */

static int kses_run(const struct kses *k, const char *in, size_t n, struct buf *out);

/* wp_kses() applied until the result no longer changes (split2's loops).
 * WordPress loops without bound; 64 rounds are far more than any input needs. */
static int kses_fixpoint(const struct kses *k, struct buf *cur, const struct buf *like)
{
	struct buf next;
	scratch(&next, like);
	int rc = PD_OK;
	for (int round = 0; round < 64; round++) {
		buf_reset(&next);
		if ((rc = kses_run(k, bs(cur), cur->len, &next)))
			break;
		if (buf_eq(cur, &next))
			break;
		buf_swap(cur, &next);
	}
	buf_free(&next);
	return rc;
}

/* Mirrors wp_kses_split2() for one token of wp_kses_split(). */
static int split2(const struct kses *k, const char *tok, size_t tn, struct buf *out)
{
	struct buf c, inner;
	scratch(&c, out);
	scratch(&inner, out);
	/* wp_kses_stripslashes(): \" becomes " */
	int rc = append_replaced(&c, tok, tn, "\\\"", 2, "\"", 1);
	if (rc)
		goto out;
	const char *s = bs(&c);
	size_t n = c.len;
	if (!n || s[0] != '<') {
		rc = buf_puts(out, "&gt;");
		goto out;
	}
	size_t ov[8];
	int m = re_match(&rx[RX_BOGUS], s, n, 0, ov, 1);
	if (m < 0) {
		rc = m;
		goto out;
	}
	if (m == 1) {
		/* bogus comment: keep its kind, filter what is inside */
		if ((rc = buf_append(&inner, s + 2, n - 3)) || (rc = kses_fixpoint(k, &inner, out)))
			goto out;
		rc = buf_putc(out, '<');
		if (rc == PD_OK)
			rc = buf_putc(out, s[1]);
		if (rc == PD_OK)
			rc = buf_append(out, bs(&inner), inner.len);
		if (rc == PD_OK)
			rc = buf_putc(out, '>');
		goto out;
	}
	if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
		struct buf t;
		scratch(&t, out);
		rc = append_replaced(&t, s, n, "<!--", 4, "", 0);
		if (rc == PD_OK)
			rc = append_replaced(&inner, bs(&t), t.len, "-->", 3, "", 0);
		buf_free(&t);
		if (rc || (rc = kses_fixpoint(k, &inner, out)))
			goto out;
		if (!inner.len)
			goto out;
		/* /--+/ -> '-', then /-$/ -> '' */
		size_t w = 0;
		char prev = 0;
		for (size_t i = 0; i < inner.len; i++) {
			char ch = inner.data[i];
			if (!(ch == '-' && prev == '-'))
				inner.data[w++] = ch;
			prev = ch;
		}
		inner.len = w;
		if (w && inner.data[w - 1] == '-')
			inner.len--;
		else if (w >= 2 && inner.data[w - 1] == '\n' && inner.data[w - 2] == '-') {
			inner.data[w - 2] = '\n';
			inner.len--;
		}
		rc = buf_puts(out, "<!--");
		if (rc == PD_OK)
			rc = buf_append(out, bs(&inner), inner.len);
		if (rc == PD_OK)
			rc = buf_puts(out, "-->");
		goto out;
	}
	m = re_match(&rx[RX_ELEMENT], s, n, 0, ov, 4);
	if (m <= 0) { /* seriously malformed */
		rc = m < 0 ? m : PD_OK;
		goto out;
	}
	const char *elem = s + ov[4];
	size_t en = ov[5] - ov[4];
	char low[32];
	if (en >= sizeof low)
		goto out; /* longer than any allowed element */
	for (size_t i = 0; i < en; i++)
		low[i] = (char)lower((unsigned char)elem[i]);
	const struct kses_tag *tag = find_tag(k->ctx, low, en);
	if (!tag)
		goto out;
	int closing = 0;
	if (ov[2] != PCRE2_UNSET)
		for (size_t i = ov[2]; i < ov[3]; i++)
			if (!is_trim((unsigned char)s[i]))
				closing = 1;
	if (closing) {
		rc = buf_puts(out, "</");
		if (rc == PD_OK)
			rc = buf_append(out, elem, en);
		if (rc == PD_OK)
			rc = buf_putc(out, '>');
		goto out;
	}
	rc = kses_attr(k, tag, elem, en, s + ov[6], ov[7] - ov[6], out);
out:
	buf_free(&c);
	buf_free(&inner);
	return rc;
}

static int split_cb(void *ud, const char *s, const size_t *ov, int nov, struct buf *out)
{
	(void)nov;
	return split2(ud, s + ov[0], ov[1] - ov[0], out);
}

/* Mirrors wp_pre_kses_less_than(): a '<' that does not end in '>' before the
 * next '<' is escaped with esc_html(). */
static int pre_kses_less_than(const char *s, size_t n, struct buf *out)
{
	int rc = PD_OK;
	size_t start = 0, i = 0;
	struct buf piece = BUF_INIT;
	while (i < n && rc == PD_OK) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		size_t j = i + 1;
		int closed = 0;
		for (;; j++) {
			if (j == n || s[j] == '<' || (j == n - 1 && s[j] == '\n'))
				break;
			if (s[j] == '>') {
				j++;
				closed = 1;
				break;
			}
		}
		if (!closed) {
			rc = buf_append(out, s + start, i - start);
			buf_reset(&piece);
			if (rc == PD_OK)
				rc = buf_append(&piece, s + i, j - i);
			if (rc == PD_OK)
				rc = format_esc_html(bs(&piece), out);
			start = j;
		}
		i = j;
	}
	buf_free(&piece);
	return rc ? rc : buf_append(out, s + start, n - start);
}

/* Mirrors wp_kses($in, ctx) with the stock 'pre_kses' filters. */
static int kses_run(const struct kses *k, const char *in, size_t n, struct buf *out)
{
	struct buf a, b;
	scratch(&a, out);
	scratch(&b, out);
	int rc = no_null(in, n, 0, &a);
	if (rc == PD_OK)
		rc = normalize_entities(bs(&a), a.len, &b);
	if (rc == PD_OK) {
		buf_reset(&a);
		rc = pre_kses_less_than(bs(&b), b.len, &a);
	}
	if (rc == PD_OK && k->block_attrs) {
		buf_reset(&b);
		rc = pre_kses_block_attributes(k, bs(&a), a.len, &b);
		if (rc == PD_OK)
			buf_swap(&a, &b);
	}
	if (rc == PD_OK)
		rc = re_replace_cb(&rx[RX_TOKEN], bs(&a), a.len, split_cb, (void *)k, out, NULL);
	buf_free(&a);
	buf_free(&b);
	return rc;
}

/* ---- public API --------------------------------------------------------- */

/* Leaves out as it was on error; makes it "" rather than NULL on success. */
static int finish(struct buf *out, size_t len0, int rc)
{
	if (rc != PD_OK) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	} else if (!out->data) {
		rc = buf_append(out, "", 0);
	}
	return rc;
}

int kses_filter_n(const char *in, size_t n, enum kses_context ctx, const char *upload_host,
		  struct buf *out)
{
	int rc = rx_ready();
	if (rc)
		return rc;
	struct kses k = { ctx, upload_host, 1 };
	size_t len0 = out->len;
	return finish(out, len0, kses_run(&k, in, n, out));
}

int kses_filter(const char *in, enum kses_context ctx, struct buf *out)
{
	return kses_filter_n(in, strlen(in), ctx, NULL, out);
}

int kses_normalize_entities(const char *in, struct buf *out)
{
	size_t len0 = out->len;
	return finish(out, len0, normalize_entities(in, strlen(in), out));
}

int kses_bad_protocol(const char *in, struct buf *out)
{
	int rc = rx_ready();
	if (rc)
		return rc;
	size_t len0 = out->len;
	return finish(out, len0, bad_protocol(in, strlen(in), out));
}

int kses_safecss_filter_attr(const char *css, struct buf *out)
{
	int rc = rx_ready();
	if (rc)
		return rc;
	size_t len0 = out->len;
	return finish(out, len0, safecss(css, strlen(css), out));
}
