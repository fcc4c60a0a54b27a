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
#include "pressd/phpser.h"
#include "pressd/shortcodes.h"
#include "pressd/texturize.h"
#include "re.h"

/* get_shortcode_atts_regex() */
static const char ATTS_RE[] =
	"([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)";
/* the caption split of img_caption_shortcode() (flags is) */
static const char CAP_RE[] = "((?:<a [^>]+>\\s*)?<img [^>]+>(?:\\s*</a>)?)(.*)";

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pcre2_code *atts_re, *cap_re;

static void compile_all(void)
{
	int e;
	PCRE2_SIZE o;
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

/* wp_get_attachment_url(): uploads URL + _wp_attached_file, else the guid. */
static void attachment_url(const struct render_ctx *ctx, const struct render_attachment *a, struct buf *out)
{
	if (a->file && *a->file)
		buf_printf(out, "%s/%s", ctx->uploads_url ? ctx->uploads_url : "", a->file);
	else
		buf_puts(out, a->guid);
}

static long meta_int(const json_t *v)
{
	return json_is_integer(v) ? (long)json_integer_value(v) :
	       json_is_string(v) ? atol(json_string_value(v)) : 0;
}

/* wp_get_attachment_image( id, size, false, attr ) as the gallery calls it
 * inside the_content (no loading attributes: wp_filter_content_tags adds
 * them afterwards). Without metadata the size is 1x1 (image_downsize() of
 * an unknown size, constrained). describedby: "" for none. */
static int attachment_image(const struct render_ctx *ctx, const struct render_attachment *a, const char *size,
			    const char *describedby, struct buf *out)
{
	struct buf src = BUF_INIT;
	long w = 0, h = 0;
	json_t *meta = NULL;
	attachment_url(ctx, a, &src);
	if (a->metadata && phpser_unserialize(a->metadata, strlen(a->metadata), &meta) == PD_OK && json_is_object(meta)) {
		const json_t *sz = json_object_get(json_object_get(meta, "sizes"), size);
		if (sz && json_is_string(json_object_get(sz, "file"))) {
			/* the intermediate file sits beside the original */
			const char *slash = strrchr(buf_str(&src), '/');
			size_t keep = slash ? (size_t)(slash - buf_str(&src)) + 1 : 0;
			src.len = keep;
			if (src.data)
				src.data[keep] = 0;
			buf_puts(&src, json_string_value(json_object_get(sz, "file")));
			w = meta_int(json_object_get(sz, "width"));
			h = meta_int(json_object_get(sz, "height"));
		} else {
			w = meta_int(json_object_get(meta, "width"));
			h = meta_int(json_object_get(meta, "height"));
		}
	}
	json_decref(meta);
	if (!w || !h) {
		/* wp_constrain_dimensions( 0, 0, ... ) */
		w = w ? w : 1;
		h = h ? h : 1;
	}
	struct buf alt = BUF_INIT, alt_raw = BUF_INIT;
	format_strip_tags(a->alt ? a->alt : "", &alt_raw);
	const char *t = buf_str(&alt_raw);
	size_t tn = alt_raw.len;
	while (tn && strchr(" \t\n\r\v", *t))
		t++, tn--;
	while (tn && strchr(" \t\n\r\v", t[tn - 1]))
		tn--;
	char *trimmed = strndup(t, tn);
	format_esc_attr(trimmed ? trimmed : "", &alt);
	free(trimmed);
	buf_printf(out, "<img width=\"%ld\" height=\"%ld\" src=\"", w, h);
	format_esc_attr(buf_str(&src), out);
	buf_printf(out, "\" class=\"attachment-%s size-%s\" alt=\"%s\"", size, size, buf_str(&alt));
	if (*describedby)
		buf_printf(out, " aria-describedby=\"%s\"", describedby);
	int rc = buf_puts(out, " />");
	buf_free(&src);
	buf_free(&alt);
	buf_free(&alt_raw);
	return rc;
}

static int is_blank(const char *s)
{
	while (*s && strchr(" \t\n\r\v", *s))
		s++;
	return !*s;
}

/* gallery_shortcode() with HTML5 markup (block themes) */
static int gallery(struct render_ctx *ctx, struct sc_att *a, size_t na, struct buf *out)
{
	const struct render_source *s = ctx->src;
	int instance = ++ctx->counters[RENDER_COUNTER_GALLERY];
	const char *ids = att(a, na, "ids"), *include = att(a, na, "include");
	const char *orderby = att(a, na, "orderby"), *order = att(a, na, "order");
	const char *idv = att(a, na, "id"), *cols = att(a, na, "columns"), *size = att(a, na, "size");
	const char *link = att(a, na, "link");
	if (ids && *ids) {
		include = ids;
		if (!orderby || !*orderby)
			orderby = "post__in";
	}
	long id = idv ? atol(idv) : ctx->post_id;
	int columns = cols ? atoi(cols) : 3;
	if (!size)
		size = "thumbnail";
	long list[256];
	size_t n = 0;
	if (!s || !s->attachment)
		return PD_OK;
	if (include && *include) {
		/* get_posts( include, image attachments ): post__in order (other
		 * orders - including "rand" - are taken as the given order) */
		for (const char *p = include; *p && n < 256;) {
			while (*p && (*p < '0' || *p > '9'))
				p++;
			if (!*p)
				break;
			long v = strtol(p, (char **)&p, 10);
			struct render_attachment at;
			if (v > 0 && s->attachment(s->ud, v, &at) == PD_OK && !strncmp(at.mime, "image/", 6))
				list[n++] = v;
		}
	} else if (s->attachment_children) {
		s->attachment_children(s->ud, id, "image/", list, 256, &n);
		if (order && !strcasecmp(order, "DESC"))
			for (size_t i = 0; i < n / 2; i++) {
				long t = list[i];
				list[i] = list[n - 1 - i];
				list[n - 1 - i] = t;
			}
	}
	if (!n)
		return PD_OK;
	struct buf sc = BUF_INIT;
	html_class(size, &sc);
	buf_printf(out, "<div id='gallery-%d' class='gallery galleryid-%ld gallery-columns-%d gallery-size-%s'>",
		   instance, id, columns, buf_str(&sc));
	buf_free(&sc);
	int rc = PD_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		struct render_attachment at;
		if (s->attachment(s->ud, list[i], &at))
			continue;
		int has_cap = !is_blank(at.caption);
		char desc[64] = "";
		if (has_cap)
			snprintf(desc, sizeof desc, "gallery-%d-%ld", instance, list[i]);
		struct buf img = BUF_INIT, url = BUF_INIT;
		attachment_image(ctx, &at, size, desc, &img);
		if (link && !strcmp(link, "none")) {
			buf_append(&url, img.data, img.len);
		} else {
			struct buf href = BUF_INIT;
			if (link && !strcmp(link, "file"))
				attachment_url(ctx, &at, &href);
			else if (s->permalink)
				s->permalink(s->ud, list[i], &href);
			buf_puts(&url, "<a href='");
			format_esc_url(buf_str(&href), &url);
			buf_printf(&url, "'>%s</a>", buf_str(&img));
			buf_free(&href);
		}
		/* orientation needs width and height in the metadata */
		const char *orient = "";
		json_t *meta = NULL;
		if (at.metadata && phpser_unserialize(at.metadata, strlen(at.metadata), &meta) == PD_OK &&
		    json_object_get(meta, "width") && json_object_get(meta, "height"))
			orient = meta_int(json_object_get(meta, "height")) > meta_int(json_object_get(meta, "width")) ?
				 "portrait" : "landscape";
		buf_printf(out, "<figure class='gallery-item'>\n\t\t\t<div class='gallery-icon %s'>\n\t\t\t\t%s\n\t\t\t</div>",
			   orient, buf_str(&url));
		json_decref(meta);
		if (has_cap) {
			struct buf cap = BUF_INIT;
			render_texturize(at.caption, &cap);
			buf_printf(out, "\n\t\t\t\t<figcaption class='wp-caption-text gallery-caption' id='%s'>\n\t\t\t\t%s\n\t\t\t\t</figcaption>",
				   desc, buf_str(&cap));
			buf_free(&cap);
		}
		rc = buf_puts(out, "</figure>");
		buf_free(&img);
		buf_free(&url);
	}
	return rc ? rc : buf_puts(out, "\n\t\t</div>\n");
}

/* wp_check_filetype() for the audio extensions: the MIME type or NULL. */
static const char *audio_type(const char *url)
{
	static const char *const map[][2] = { { "mp3", "audio/mpeg" }, { "m4a", "audio/mpeg" },
					      { "ogg", "audio/ogg" }, { "flac", "audio/flac" },
					      { "wav", "audio/wav" } };
	const char *dot = strrchr(url, '.');
	if (!dot || strchr(dot, '/') || strchr(dot, '?'))
		return NULL;
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (!strcasecmp(dot + 1, map[i][0]))
			return map[i][1];
	return NULL;
}

/* wp_audio_shortcode() with the mediaelement library */
static int audio(struct render_ctx *ctx, struct sc_att *a, size_t na, struct buf *out)
{
	static const char *const exts[] = { "src", "mp3", "ogg", "flac", "m4a", "wav" };
	const struct render_source *s = ctx->src;
	int instance = ++ctx->counters[RENDER_COUNTER_AUDIO];
	const char *src = att(a, na, "src");
	struct buf attached = BUF_INIT;
	int primary = 0, rc = PD_OK;
	if (src && *src) {
		if (!audio_type(src)) {
			struct buf u = BUF_INIT;
			format_esc_url(src, &u);
			buf_printf(out, "<a class=\"wp-embedded-audio\" href=\"%s\">", buf_str(&u));
			format_esc_html(src, out);
			buf_free(&u);
			return buf_puts(out, "</a>");
		}
		primary = 1;
	} else {
		for (size_t i = 1; i < sizeof exts / sizeof *exts; i++) {
			const char *v = att(a, na, exts[i]);
			if (v && *v && audio_type(v))
				primary = 1;
		}
	}
	if (!primary) {
		/* get_attached_media( 'audio', post ): the first audio child */
		long id;
		size_t n = 0;
		struct render_attachment at;
		if (!s || !s->attachment_children || !s->attachment ||
		    s->attachment_children(s->ud, ctx->post_id, "audio/", &id, 1, &n) || !n ||
		    s->attachment(s->ud, id, &at))
			return PD_OK;
		attachment_url(ctx, &at, &attached);
		src = buf_str(&attached);
	}
	const char *preload = att(a, na, "preload"), *cls = att(a, na, "class"), *style = att(a, na, "style");
	buf_puts(out, "<audio class=\"");
	format_esc_attr(cls ? cls : "wp-audio-shortcode", out);
	buf_printf(out, "\" id=\"audio-%ld-%d\"", ctx->post_id, instance);
	const char *loop = att(a, na, "loop"), *autoplay = att(a, na, "autoplay"), *muted = att(a, na, "muted");
	if (loop && (!strcmp(loop, "true") || !strcmp(loop, "1")))
		buf_puts(out, " loop");
	if (autoplay && (!strcmp(autoplay, "true") || !strcmp(autoplay, "1")))
		buf_puts(out, " autoplay");
	if (!preload)
		preload = "none";
	if (!strcmp(preload, "none") || !strcmp(preload, "metadata") || !strcmp(preload, "auto"))
		buf_printf(out, " preload=\"%s\"", preload);
	if (muted && (!strcmp(muted, "true") || !strcmp(muted, "1")))
		buf_puts(out, " muted");
	buf_puts(out, " style=\"");
	format_esc_attr(style ? style : "width: 100%;", out);
	buf_puts(out, "\" controls=\"controls\">");
	const char *fileurl = NULL;
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
		const char *v = i == 0 ? src : att(a, na, exts[i]);
		if (!v || !*v)
			continue;
		if (!fileurl)
			fileurl = v;
		struct buf u = BUF_INIT;
		buf_printf(&u, "%s%c_=%d", v, strchr(v, '?') ? '&' : '?', instance);
		buf_printf(out, "<source type=\"%s\" src=\"", audio_type(v) ? audio_type(v) : "");
		format_esc_url(buf_str(&u), out);
		buf_puts(out, "\" />");
		buf_free(&u);
	}
	/* wp_mediaelement_fallback() */
	struct buf f = BUF_INIT;
	format_esc_url(fileurl ? fileurl : "", &f);
	rc = buf_printf(out, "<a href=\"%s\">%s</a></audio>", buf_str(&f), buf_str(&f));
	buf_free(&f);
	buf_free(&attached);
	return rc;
}

/* PHP's empty() of a string: "" and "0". */
static int php_empty(const char *s, size_t n)
{
	return n == 0 || (n == 1 && s[0] == '0');
}

/* WP_Embed::shortcode() when the oEmbed fetch fails: maybe_make_link() of the
 * content, else of the src attribute; '' when both are empty. */
static int embed(const struct sc_att *a, size_t na, const char *content, size_t clen, struct buf *out)
{
	const char *src = att(a, na, "src");
	if (php_empty(content, clen) && src && !php_empty(src, strlen(src))) {
		content = src;
		clen = strlen(src);
	}
	if (php_empty(content, clen))
		return PD_OK;
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

/* One shortcode at in[m0, m1): the handler's output, or the text itself for
 * [[tag]] (escaped) and for the tags not rendered yet. esc_open/esc_close:
 * the (\[?) and (\]?) groups of get_shortcode_regex() are not empty. */
static int do_one(struct render_ctx *ctx, const char *in, size_t m0, size_t m1, int esc_open,
		  int esc_close, const struct re_sc_match *m, struct buf *out)
{
	if (esc_open && esc_close) /* [[tag]]: the inner text, unexpanded */
		return buf_append(out, in + m0 + 1, m1 - m0 - 2);
	const char *tag = re_core_shortcodes[m->name];
	struct sc_att a[64];
	size_t na = parse_atts(in + m->name_end, m->attrs_end - m->name_end, a, 64);
	int has_content = m->content_end != SIZE_MAX;
	const char *content = has_content ? in + m->end : "";
	size_t clen = has_content ? m->content_end - m->end : 0;
	int rc;
	if (esc_open)
		buf_putc(out, '[');
	if (!strcmp(tag, "caption") || !strcmp(tag, "wp_caption"))
		rc = caption(ctx, a, na, content, clen, out);
	else if (!strcmp(tag, "embed"))
		rc = embed(a, na, content, clen, out);
	else if (!strcmp(tag, "gallery"))
		rc = gallery(ctx, a, na, out);
	else if (!strcmp(tag, "audio"))
		rc = audio(ctx, a, na, out);
	else /* video, playlist: not rendered yet */
		rc = buf_append(out, in + m0 + esc_open, m1 - m0 - esc_open - esc_close);
	if (esc_close)
		buf_putc(out, ']');
	for (size_t i = 0; i < na; i++) {
		free(a[i].name);
		free(a[i].value);
	}
	return rc;
}

/* Mirrors do_shortcode(): preg_replace_callback( get_shortcode_regex(),
 * 'do_shortcode_tag' ) with the shortcode matched by re_sc_match_at() (PCRE
 * rescanned the rest of the text for every shortcode without a ']' or a
 * closing tag after it: O(n^2) on many of them). */
int shortcodes_do(struct render_ctx *ctx, const char *in, struct buf *out)
{
	size_t len = strlen(in), copied = 0, pos = 0;
	struct re_sc_scan sc;
	struct re_sc_match m;
	int rc = PD_OK;
	pthread_once(&once, compile_all);
	if (!atts_re || !cap_re)
		return PD_ENOMEM;
	if (!strchr(in, '['))
		return buf_puts(out, in);
	re_sc_scan_init(&sc, in, len, (1u << RE_CORE_SHORTCODE_COUNT) - 1);
	for (const char *b; !rc && pos < len && (b = memchr(in + pos, '[', len - pos));) {
		size_t p = (size_t)(b - in), g1 = p + 1 < len && in[p + 1] == '[';
		pos = p + 1;
		int r = re_sc_match_at(&sc, p + g1, &m);
		if (r < 0)
			break;
		if (r == 0)
			continue;
		size_t end = m.content_end != SIZE_MAX ? m.closed_end : m.end;
		int esc_close = end < len && in[end] == ']';
		end += (size_t)esc_close;
		if (!(rc = buf_append(out, in + copied, p - copied)))
			rc = do_one(ctx, in, p, end, (int)g1, esc_close, &m, out);
		copied = pos = end;
	}
	return rc ? rc : buf_append(out, in + copied, len - copied);
}

int shortcodes_attachment_image(const struct render_ctx *ctx, const struct render_attachment *a,
				const char *size, struct buf *out)
{
	return attachment_image(ctx, a, size, "", out);
}
