/* shortcodes.c - do_shortcode() (wp-includes/shortcodes.php, 6.9) with the
 * core caption and embed handlers. Shortcodes inside HTML attributes
 * (do_shortcodes_in_html_tags) are not expanded. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pcre2.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/shortcodes.h"

/* get_shortcode_regex() for core's registered tags. */
static const char SC_RE[] =
	"\\[(\\[?)(embed|wp_caption|caption|gallery|playlist|audio|video)(?![\\w-])"
	"([^\\]\\/]*(?:\\/(?!\\])[^\\]\\/]*)*?)(?:(\\/)\\]|\\](?:([^\\[]*+(?:\\[(?!\\/\\2\\])[^\\[]*+)*+)\\[\\/\\2\\])?)(\\]?)";
/* get_shortcode_atts_regex() */
static const char ATTS_RE[] =
	"([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)";
/* the caption split of img_caption_shortcode() (flags is) */
static const char CAP_RE[] = "((?:<a [^>]+>\\s*)?<img [^>]+>(?:\\s*</a>)?)(.*)";

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pcre2_code *sc_re, *atts_re, *cap_re;

static void compile_all(void)
{
	int e;
	PCRE2_SIZE o;
	sc_re = pcre2_compile((PCRE2_SPTR)SC_RE, PCRE2_ZERO_TERMINATED, 0, &e, &o, NULL);
	atts_re = pcre2_compile((PCRE2_SPTR)ATTS_RE, PCRE2_ZERO_TERMINATED, 0, &e, &o, NULL);
	cap_re = pcre2_compile((PCRE2_SPTR)CAP_RE, PCRE2_ZERO_TERMINATED,
			       PCRE2_CASELESS | PCRE2_DOTALL, &e, &o, NULL);
}

/* One parsed attribute: name (lower-cased, NULL for positional) and value. */
struct sc_att {
	char *name;
	char *value;
};

/* stripcslashes() for the common escapes. */
static char *stripcslashes_dup(const char *s, size_t n)
{
	char *o = malloc(n + 1), *q = o;
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[++i];
			*q++ = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
		} else {
			*q++ = s[i];
		}
	}
	*q = 0;
	return o;
}

/* shortcode_parse_atts(): *n attributes in atts (max cap). */
static size_t parse_atts(const char *text, size_t len, struct sc_att *atts, size_t cap)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(atts_re, NULL);
	size_t n = 0, off = 0;
	if (!md)
		return 0;
	while (n < cap && off <= len &&
	       pcre2_match(atts_re, (PCRE2_SPTR)text, len, off, 0, md, NULL) > 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		int rc = (int)pcre2_get_ovector_count(md);
		struct sc_att a = { NULL, NULL };
		for (int g = 1; g < rc && g <= 9; g++) {
			if (ov[2 * g] == PCRE2_UNSET)
				continue;
			if (g == 1 || g == 3 || g == 5) {
				a.name = strndup(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
				for (char *c = a.name; c && *c; c++)
					if (*c >= 'A' && *c <= 'Z')
						*c = (char)(*c - 'A' + 'a');
				a.value = stripcslashes_dup(text + ov[2 * g + 2], ov[2 * g + 3] - ov[2 * g + 2]);
			} else {
				a.value = stripcslashes_dup(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
			}
			break;
		}
		if (a.value)
			atts[n++] = a;
		else
			free(a.name);
		off = ov[1] > off ? ov[1] : off + 1;
	}
	pcre2_match_data_free(md);
	return n;
}

static const char *att(const struct sc_att *a, size_t n, const char *name)
{
	const char *v = NULL;
	for (size_t i = 0; i < n; i++) /* later duplicates win, as in a PHP array */
		if (a[i].name && !strcmp(a[i].name, name))
			v = a[i].value;
	return v;
}

/* sanitize_html_class(): keep A-Za-z0-9_- */
static void html_class(const char *in, struct buf *out)
{
	for (; *in; in++)
		if ((*in >= 'a' && *in <= 'z') || (*in >= 'A' && *in <= 'Z') ||
		    (*in >= '0' && *in <= '9') || *in == '_' || *in == '-')
			buf_putc(out, *in);
}

/* img_caption_shortcode() with HTML5 captions (block themes support them). */
static int caption(struct render_ctx *ctx, struct sc_att *a, size_t na, const char *content,
		   size_t clen, struct buf *out)
{
	struct buf cap = BUF_INIT, body = BUF_INIT, id = BUF_INIT, cid = BUF_INIT;
	int rc = PD_OK;
	const char *capattr = att(a, na, "caption");
	if (capattr) {
		rc = buf_puts(&cap, capattr); /* (wp_kses of HTML captions not applied) */
		buf_append(&body, content, clen);
	} else {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(cap_re, NULL);
		if (md && pcre2_match(cap_re, (PCRE2_SPTR)content, clen, 0, 0, md, NULL) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			buf_append(&body, content + ov[2], ov[3] - ov[2]);
			const char *c = content + ov[4];
			size_t cl = ov[5] - ov[4];
			while (cl && strchr(" \t\n\r\v", *c) && *c)
				c++, cl--;
			while (cl && strchr(" \t\n\r\v", c[cl - 1]))
				cl--;
			buf_append(&cap, c, cl);
		} else {
			buf_append(&body, content, clen);
		}
		pcre2_match_data_free(md);
	}
	const char *w = att(a, na, "width");
	long width = w ? atol(w) : 0;
	if (width < 1 || cap.len == 0 || (cap.len == 1 && cap.data[0] == '0')) {
		rc = buf_append(out, buf_str(&body), body.len);
		goto done;
	}
	const char *idv = att(a, na, "id"), *cidv = att(a, na, "caption_id");
	if (idv && *idv)
		html_class(idv, &id);
	if (cidv && *cidv) {
		html_class(cidv, &cid);
	} else if (id.len) {
		buf_puts(&cid, "caption-");
		for (const char *c = buf_str(&id); *c; c++)
			buf_putc(&cid, *c == '_' ? '-' : *c);
	}
	const char *align = att(a, na, "align"), *cls = att(a, na, "class");
	struct buf klass = BUF_INIT;
	buf_printf(&klass, "wp-caption %s %s", align ? align : "alignnone", cls ? cls : "");
	while (klass.len && klass.data[klass.len - 1] == ' ')
		klass.data[--klass.len] = 0;
	buf_puts(out, "<figure ");
	if (id.len) {
		buf_puts(out, "id=\"");
		format_esc_attr(buf_str(&id), out);
		buf_puts(out, "\" ");
	}
	if (cid.len) {
		buf_puts(out, "aria-describedby=\"");
		format_esc_attr(buf_str(&cid), out);
		buf_puts(out, "\" ");
	}
	buf_printf(out, "style=\"width: %ldpx\" class=\"", width);
	format_esc_attr(buf_str(&klass), out);
	buf_puts(out, "\">");
	buf_free(&klass);
	rc = shortcodes_do(ctx, buf_str(&body), out);
	buf_puts(out, "<figcaption ");
	if (cid.len) {
		buf_puts(out, "id=\"");
		format_esc_attr(buf_str(&cid), out);
		buf_puts(out, "\" ");
	}
	buf_puts(out, "class=\"wp-caption-text\">");
	buf_append(out, buf_str(&cap), cap.len);
	rc = buf_puts(out, "</figcaption></figure>");
done:
	buf_free(&cap);
	buf_free(&body);
	buf_free(&id);
	buf_free(&cid);
	return rc;
}

/* WP_Embed::shortcode() when the oEmbed fetch fails: maybe_make_link(). */
static int embed(const char *content, size_t clen, struct buf *out)
{
	char *url = strndup(content, clen);
	struct buf e = BUF_INIT;
	int rc;
	if (!url)
		return PD_ENOMEM;
	format_esc_url(url, &e);
	rc = buf_printf(out, "<a href=\"%s\">%s</a>", buf_str(&e), url);
	buf_free(&e);
	free(url);
	return rc;
}

int shortcodes_do(struct render_ctx *ctx, const char *in, struct buf *out)
{
	size_t len = strlen(in), off = 0;
	int rc = PD_OK;
	pthread_once(&once, compile_all);
	if (!sc_re || !atts_re || !cap_re)
		return PD_ENOMEM;
	if (!strchr(in, '['))
		return buf_puts(out, in);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(sc_re, NULL);
	if (!md)
		return PD_ENOMEM;
	while (!rc && off < len && pcre2_match(sc_re, (PCRE2_SPTR)in, len, off, 0, md, NULL) > 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		rc = buf_append(out, in + off, ov[0] - off);
		const char *tag = in + ov[4];
		size_t tl = ov[5] - ov[4];
		int esc_open = ov[3] > ov[2], esc_close = ov[13] > ov[12];
		if (esc_open && esc_close) { /* [[tag]]: the inner text, unexpanded */
			rc = buf_append(out, in + ov[0] + 1, ov[1] - ov[0] - 2);
		} else {
			struct sc_att a[64];
			size_t na = parse_atts(in + ov[6], ov[7] - ov[6], a, 64);
			const char *content = ov[10] != PCRE2_UNSET ? in + ov[10] : "";
			size_t clen = ov[10] != PCRE2_UNSET ? ov[11] - ov[10] : 0;
			if (esc_open)
				buf_putc(out, '[');
			if ((tl == 7 && !strncmp(tag, "caption", 7)) || (tl == 10 && !strncmp(tag, "wp_caption", 10)))
				rc = caption(ctx, a, na, content, clen, out);
			else if (tl == 5 && !strncmp(tag, "embed", 5))
				rc = embed(content, clen, out);
			else /* gallery, audio, video, playlist: not rendered yet */
				rc = buf_append(out, in + ov[0] + esc_open, ov[1] - ov[0] - esc_open - esc_close);
			if (esc_close)
				buf_putc(out, ']');
			for (size_t i = 0; i < na; i++) {
				free(a[i].name);
				free(a[i].value);
			}
		}
		off = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
	}
	pcre2_match_data_free(md);
	return rc ? rc : buf_append(out, in + (off < len ? off : len), off < len ? len - off : 0);
}
