/* media_tags.c - wp_filter_content_tags() for the_content in a REST request
 * (WordPress 6.9, wp-includes/media.php). Works on the literal tag text the
 * way WordPress does (regexes and str_replace), not on a DOM. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pressd/err.h"
#include "pressd/media_tags.h"
#include "pressd/phpser.h"
#include "tagproc.h"

/* ` name="123"` / ` name='123'` (attribute regexes of media.php); -1 if absent. */
static long attr_int(const char *tag, const char *name, int dq_only)
{
	size_t n = strlen(name);
	for (const char *p = tag; (p = strstr(p, name)); p++) {
		if (p == tag || p[-1] != ' ' || p[n] != '=')
			continue;
		char q = p[n + 1];
		if (q != '"' && (dq_only || q != '\''))
			continue;
		const char *d = p + n + 2;
		if (!isdigit((unsigned char)*d))
			continue;
		char *e;
		long v = strtol(d, &e, 10);
		if (*e == '"' || (!dq_only && *e == '\''))
			return v;
	}
	return -1;
}

/* ` name="word"` value present (the [A-Za-z]+ attribute regexes). */
static int attr_word(const char *tag, const char *name, char *val, size_t cap)
{
	size_t n = strlen(name);
	for (const char *p = tag; (p = strstr(p, name)); p++) {
		if (p == tag || p[-1] != ' ' || p[n] != '=' || (p[n + 1] != '"' && p[n + 1] != '\''))
			continue;
		const char *d = p + n + 2;
		size_t k = 0;
		while (isalpha((unsigned char)d[k]))
			k++;
		if (k && (d[k] == '"' || d[k] == '\'')) {
			snprintf(val, cap, "%.*s", (int)k, d);
			return 1;
		}
	}
	return 0;
}

/* str_replace('<img', '<img ' . ins, tag) on a heap string. */
static char *insert_after_all(char *tag, const char *needle, const char *ins)
{
	struct buf b = BUF_INIT;
	size_t nl = strlen(needle);
	const char *p = tag, *q;
	while ((q = strstr(p, needle))) {
		buf_append(&b, p, (size_t)(q - p) + nl);
		buf_puts(&b, ins);
		p = q + nl;
	}
	buf_puts(&b, p);
	free(tag);
	return buf_take(&b);
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The src="…" value up to '?', or NULL. */
static char *img_src(const char *tag)
{
	const char *p = strstr(tag, "src=\"");
	if (!p)
		return NULL;
	p += 5;
	const char *e = strchr(p, '"');
	if (!e || e == p)
		return NULL;
	size_t n = (size_t)(e - p);
	const char *qm = memchr(p, '?', n);
	if (qm)
		n = (size_t)(qm - p);
	return n ? strndup(p, n) : NULL;
}

static long jint(const json_t *v)
{
	if (json_is_integer(v))
		return (long)json_integer_value(v);
	if (json_is_string(v))
		return atol(json_string_value(v));
	if (json_is_real(v))
		return (long)json_real_value(v);
	return 0;
}

/* wp_image_src_get_dimensions() */
static int src_dimensions(const char *src, const json_t *meta, long *w, long *h)
{
	const char *file = json_string_value(json_object_get(meta, "file"));
	if (file && strstr(src, basename_of(file))) {
		*w = jint(json_object_get(meta, "width"));
		*h = jint(json_object_get(meta, "height"));
		return 1;
	}
	const json_t *sizes = json_object_get(meta, "sizes");
	const char *k;
	json_t *s;
	if (json_is_object(sizes)) {
		json_object_foreach((json_t *)sizes, k, s) {
			const char *f = json_string_value(json_object_get(s, "file"));
			if (f && !strcmp(f, basename_of(src))) {
				*w = jint(json_object_get(s, "width"));
				*h = jint(json_object_get(s, "height"));
				return 1;
			}
		}
	}
	return 0;
}

/* wp_constrain_dimensions( cw, ch, max_w, 0 ) */
static void constrain(long cw, long ch, long max_w, long *w, long *h)
{
	double ratio = 1.0;
	int did_w = 0;
	if (max_w > 0 && cw > 0 && cw > max_w) {
		ratio = (double)max_w / (double)cw;
		did_w = 1;
	}
	long rw = (long)(cw * ratio + (cw * ratio >= 0 ? 0.5 : -0.5));
	long rh = (long)(ch * ratio + 0.5);
	/* with no max height, `round(ch * larger) > 0` picks the smaller ratio = ratio */
	*w = rw < 1 ? 1 : rw;
	*h = rh < 1 ? 1 : rh;
	if (did_w && *w == max_w - 1)
		*w = max_w;
}

/* wp_image_matches_ratio() */
static int matches_ratio(long sw, long sh, long tw, long th)
{
	long cw, ch, ew, eh;
	if (sw > tw) {
		constrain(sw, sh, tw, &cw, &ch);
		ew = tw;
		eh = th;
	} else {
		constrain(tw, th, sw, &cw, &ch);
		ew = sw;
		eh = sh;
	}
	return labs(cw - ew) <= 1 && labs(ch - eh) <= 1;
}

struct source {
	long width;
	char *url;
};

/* wp_calculate_image_srcset(); NULL when WordPress returns false. */
static char *calculate_srcset(struct render_ctx *ctx, long iw, long ih, const char *src,
			      const json_t *meta)
{
	const json_t *sizes = json_object_get(meta, "sizes");
	const char *file = json_string_value(json_object_get(meta, "file"));
	if (!json_is_object(sizes) || !json_object_size(sizes) || !file || strlen(file) < 4 || iw < 1)
		return NULL;
	const char *thumb_mime = json_string_value(json_object_get(json_object_get(sizes, "thumbnail"), "mime-type"));
	int add_full = !thumb_mime || strcmp(thumb_mime, "image/gif");
	if (!add_full && strstr(src, file))
		return NULL;
	/* _wp_get_attachment_relative_path() + trailing slash */
	char dir[512] = "";
	const char *slash = strrchr(file, '/');
	if (slash) {
		const char *base = strstr(file, "wp-content/uploads");
		const char *from = base ? base + strlen("wp-content/uploads") : file;
		while (base && *from == '/')
			from++;
		if (from < slash)
			snprintf(dir, sizeof dir, "%.*s/", (int)(slash - from), from);
	}
	/* the -e{13 digits} edit hash of the src, if any */
	char edit_hash[16] = "";
	const char *sb = basename_of(src);
	for (const char *p = sb; (p = strstr(p, "-e")); p++) {
		int k = 0;
		while (k < 13 && isdigit((unsigned char)p[2 + k]))
			k++;
		if (k == 13) {
			memcpy(edit_hash, p, 15);
			edit_hash[15] = 0;
			break;
		}
	}

	size_t n = json_object_size(sizes) + 1, ns = 0;
	struct source *srcs = calloc(n, sizeof *srcs);
	int src_matched = 0;
	char *result = NULL;
	if (!srcs)
		return NULL;
	const char *k;
	json_t *s;
	size_t idx = 0, total = json_object_size(sizes) + (add_full ? 1 : 0);
	void *it = json_object_iter((json_t *)sizes);
	for (idx = 0; idx < total; idx++) {
		const char *f;
		long w, h;
		if (idx < json_object_size(sizes)) {
			k = json_object_iter_key(it);
			s = json_object_iter_value(it);
			it = json_object_iter_next((json_t *)sizes, it);
			(void)k;
			if (!json_is_object(s))
				continue;
			f = json_string_value(json_object_get(s, "file"));
			w = jint(json_object_get(s, "width"));
			h = jint(json_object_get(s, "height"));
		} else {
			f = basename_of(file);
			w = jint(json_object_get(meta, "width"));
			h = jint(json_object_get(meta, "height"));
		}
		if (!f)
			f = "";
		int is_src = 0;
		char rel[1024];
		snprintf(rel, sizeof rel, "%s%s", dir, f);
		if (!src_matched && strstr(src, rel)) {
			src_matched = 1;
			is_src = 1;
		}
		if (edit_hash[0] && (!strstr(f, edit_hash) || strstr(f, edit_hash) == f))
			continue;
		if (w > 2048 && !is_src)
			continue;
		if (!matches_ratio(iw, ih, w, h))
			continue;
		struct buf u = BUF_INIT;
		buf_printf(&u, "%s/%s%s", ctx->uploads_url ? ctx->uploads_url : "", dir, f);
		char *url = buf_take(&u);
		size_t j;
		for (j = 0; j < ns && srcs[j].width != w; j++)
			;
		if (is_src) {
			/* array( w => source ) + $sources: to the front, dropping an equal key */
			if (j < ns) {
				free(srcs[j].url);
				memmove(&srcs[j], &srcs[j + 1], (ns - j - 1) * sizeof *srcs);
				ns--;
			}
			memmove(&srcs[1], &srcs[0], ns * sizeof *srcs);
			srcs[0] = (struct source){ w, url };
			ns++;
		} else if (j < ns) {
			free(srcs[j].url);
			srcs[j].url = url;
		} else {
			srcs[ns++] = (struct source){ w, url };
		}
	}
	if (src_matched && ns >= 2) {
		struct buf o = BUF_INIT;
		for (size_t j = 0; j < ns; j++) {
			for (const char *c = srcs[j].url; *c; c++)
				*c == ' ' ? buf_puts(&o, "%20") : buf_putc(&o, *c);
			buf_printf(&o, " %ldw%s", srcs[j].width, j + 1 < ns ? ", " : "");
		}
		result = buf_take(&o);
	}
	for (size_t j = 0; j < ns; j++)
		free(srcs[j].url);
	free(srcs);
	return result;
}

/* wp_image_add_srcset_and_sizes(): returns a new tag or the input. */
static char *add_srcset(struct render_ctx *ctx, char *tag, const json_t *meta)
{
	const json_t *sizes = json_object_get(meta, "sizes");
	if (!json_is_object(sizes) || !json_object_size(sizes))
		return tag;
	char *src = img_src(tag);
	if (!src)
		return tag;
	const char *file = json_string_value(json_object_get(meta, "file"));
	for (const char *p = file ? file : ""; (p = strstr(p, "-e")); p++) {
		int k = 0;
		while (k < 13 && isdigit((unsigned char)p[2 + k]))
			k++;
		if (k == 13) {
			char hh[16];
			memcpy(hh, p, 15);
			hh[15] = 0;
			if (!strstr(basename_of(src), hh)) {
				free(src);
				return tag;
			}
			break;
		}
	}
	long w = attr_int(tag, "width", 1), h = attr_int(tag, "height", 1);
	if (w <= 0 || h <= 0) {
		if (!src_dimensions(src, meta, &w, &h)) {
			free(src);
			return tag;
		}
	}
	char *srcset = calculate_srcset(ctx, w, h, src, meta);
	free(src);
	if (!srcset)
		return tag;
	struct buf attr = BUF_INIT;
	buf_printf(&attr, " srcset=\"%s\"", srcset);
	if (!strstr(tag, " sizes=") && w > 0)
		buf_printf(&attr, " sizes=\"(max-width: %ldpx) 100vw, %ldpx\"", w, w);
	free(srcset);
	/* preg_replace('/<img ([^>]+?)[\/ ]*>/', '<img $1' . $attr . ' />') */
	const char *p = strstr(tag, "<img ");
	const char *gt = p ? strchr(p, '>') : NULL;
	if (!gt || gt - p <= 5) {
		buf_free(&attr);
		return tag;
	}
	const char *e = gt;
	while (e > p + 6 && (e[-1] == '/' || e[-1] == ' '))
		e--;
	struct buf o = BUF_INIT;
	buf_append(&o, tag, (size_t)(e - tag));
	buf_puts(&o, buf_str(&attr));
	buf_puts(&o, " />");
	buf_puts(&o, gt + 1);
	buf_free(&attr);
	free(tag);
	return buf_take(&o);
}

/* wp_img_tag_add_width_and_height_attr() */
static char *add_width_height(char *tag, const json_t *meta)
{
	char *src = img_src(tag);
	long w, h;
	if (!src)
		return tag;
	int ok = src_dimensions(src, meta, &w, &h);
	free(src);
	if (!ok || !w || !h)
		return tag;
	const char *sw = strstr(tag, "style=\"width:");
	if (sw) {
		const char *d = sw + 13;
		while (*d == ' ' || *d == '\t' || *d == '\n' || *d == '\r' || *d == '\f' || *d == '\v')
			d++;
		char *e;
		long v = isdigit((unsigned char)*d) ? strtol(d, &e, 10) : 0;
		if (v && !strncmp(e, "px;\"", 4)) {
			double nh = (double)h * (double)v / (double)w;
			h = (long)(nh + 0.5);
			w = v;
		}
	}
	char hw[64];
	snprintf(hw, sizeof hw, " width=\"%ld\" height=\"%ld\"", w, h);
	return insert_after_all(tag, "<img", hw);
}

/* wp_img_tag_add_loading_optimization_attrs() with
 * wp_get_loading_optimization_attributes() for a REST request. */
static char *add_loading_attrs(struct render_ctx *ctx, char *tag)
{
	char loading[32], fetch[32], decoding[32];
	int has_loading = attr_word(tag, "loading", loading, sizeof loading);
	int has_fetch = attr_word(tag, "fetchpriority", fetch, sizeof fetch);
	int has_decoding = attr_word(tag, "decoding", decoding, sizeof decoding);
	long w = attr_int(tag, "width", 0), h = attr_int(tag, "height", 0);
	const char *opt_loading = NULL, *opt_fetch = NULL;

	/* in viewport when loading is set to something else than lazy, or
	 * fetchpriority=high is already there; otherwise lazy */
	if (w >= 0 && h >= 0) {
		int in_viewport = has_fetch && !strcmp(fetch, "high");
		if (has_loading && strcmp(loading, "lazy"))
			in_viewport = 1;
		if (!in_viewport && !has_loading)
			opt_loading = "lazy";
		if (in_viewport && !has_fetch && w * h >= 50000 &&
		    !ctx->counters[RENDER_COUNTER_HIGH_PRIORITY]) {
			opt_fetch = "high";
		}
		if (in_viewport && has_fetch && !strcmp(fetch, "high"))
			ctx->counters[RENDER_COUNTER_HIGH_PRIORITY] = 1;
	}
	if (!strstr(tag, " src=\""))
		return tag;
	if (!has_decoding)
		tag = insert_after_all(tag, "<img", " decoding=\"async\"");
	if (!strstr(tag, " width=\"") || !strstr(tag, " height=\""))
		return tag;
	if (!has_loading && opt_loading)
		tag = insert_after_all(tag, "<img", " loading=\"lazy\"");
	if (!has_fetch && opt_fetch) {
		ctx->counters[RENDER_COUNTER_HIGH_PRIORITY] = 1;
		tag = insert_after_all(tag, "<img", " fetchpriority=\"high\"");
	}
	return tag;
}

/* wp_img_tag_add_auto_sizes() */
static char *add_auto_sizes(char *tag)
{
	struct tp t;
	tp_init(&t, tag, strlen(tag));
	if (!tp_next_tag(&t) || !tp_tag_is(&t, "img"))
		goto keep;
	const struct tp_attr *l = tp_attr_get(&t, "loading");
	if (!l || !l->has_value)
		goto keep;
	const char *lv = tag + l->value;
	size_t ln = l->value_len;
	while (ln && strchr(" \t\f\r\n", *lv))
		lv++, ln--;
	while (ln && strchr(" \t\f\r\n", lv[ln - 1]))
		ln--;
	if (ln != 4 || strncasecmp(lv, "lazy", 4))
		goto keep;
	const struct tp_attr *w = tp_attr_get(&t, "width");
	if (!w || !w->has_value || !w->value_len)
		goto keep;
	const struct tp_attr *s = tp_attr_get(&t, "sizes");
	if (!s || !s->has_value)
		goto keep;
	/* wp_sizes_attribute_includes_valid_auto(): first entry "auto" */
	const char *sv = tag + s->value;
	size_t sn = s->value_len, i = 0;
	while (i < sn && sv[i] != ',')
		i++;
	size_t a = 0, b = i;
	while (a < b && strchr(" \t\f\r\n", sv[a]))
		a++;
	while (b > a && strchr(" \t\f\r\n", sv[b - 1]))
		b--;
	if (b - a == 4 && !strncasecmp(sv + a, "auto", 4))
		goto keep;
	struct buf v = BUF_INIT, o = BUF_INIT;
	buf_printf(&v, "auto, %.*s", (int)sn, sv);
	tp_set_attribute(&t, "sizes", buf_str(&v));
	tp_get_updated_html(&t, &o);
	buf_free(&v);
	tp_free(&t);
	free(tag);
	return buf_take(&o);
keep:
	tp_free(&t);
	return tag;
}

static char *filter_img(struct render_ctx *ctx, const char *orig, size_t n)
{
	char *tag = strndup(orig, n);
	long id = 0;
	if (!tag)
		return NULL;
	/* wp-image-(\d+), case-insensitive */
	for (const char *p = tag; (p = strcasestr(p, "wp-image-")); p++) {
		if (isdigit((unsigned char)p[9])) {
			id = atol(p + 9);
			break;
		}
	}
	if (id > 0 && ctx->src && ctx->src->attachment) {
		struct render_attachment a;
		json_t *meta = NULL;
		if (ctx->src->attachment(ctx->src->ud, id, &a) == PD_OK && a.metadata &&
		    phpser_unserialize(a.metadata, strlen(a.metadata), &meta) == PD_OK &&
		    json_is_object(meta)) {
			if (!strstr(tag, " width=") && !strstr(tag, " height="))
				tag = add_width_height(tag, meta);
			if (tag && !strstr(tag, " srcset="))
				tag = add_srcset(ctx, tag, meta);
		}
		json_decref(meta);
	}
	if (tag)
		tag = add_loading_attrs(ctx, tag);
	if (tag)
		tag = add_auto_sizes(tag);
	return tag;
}

static char *filter_iframe(const char *orig, size_t n)
{
	char *tag = strndup(orig, n);
	if (!tag || strstr(tag, " loading=") || strstr(tag, " data-secret="))
		return tag;
	if (attr_int(tag, "width", 0) < 0 || attr_int(tag, "height", 0) < 0)
		return tag;
	return insert_after_all(tag, "<iframe", " loading=\"lazy\"");
}

static int is_pcre_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int media_filter_content_tags(struct render_ctx *ctx, const char *in, struct buf *out)
{
	const char *p = in;
	int rc = PD_OK;
	/* Each match of <(img|iframe)\s[^>]+> is replaced where it stands; an
	 * identical tag gets the identical replacement, as with str_replace(). */
	while (!rc) {
		const char *lt = strchr(p, '<');
		if (!lt)
			break;
		size_t nl = !strncmp(lt + 1, "img", 3) ? 3 : !strncmp(lt + 1, "iframe", 6) ? 6 : 0;
		const char *gt = nl && is_pcre_space(lt[1 + nl]) ? strchr(lt + 2 + nl, '>') : NULL;
		if (!gt || gt == lt + 2 + nl) {
			rc = buf_append(out, p, (size_t)(lt - p) + 1);
			p = lt + 1;
			continue;
		}
		rc = buf_append(out, p, (size_t)(lt - p));
		size_t n = (size_t)(gt - lt) + 1;
		char *f = nl == 3 ? filter_img(ctx, lt, n) : filter_iframe(lt, n);
		if (!f)
			return PD_ENOMEM;
		if (!rc)
			rc = buf_puts(out, f);
		free(f);
		p = gt + 1;
	}
	return rc ? rc : buf_puts(out, p);
}

int media_image_add_srcset(struct render_ctx *ctx, const char *tag, const char *metadata, struct buf *out)
{
	json_t *meta = NULL;
	char *t = strdup(tag);
	if (!t)
		return PD_ENOMEM;
	if (metadata && phpser_unserialize(metadata, strlen(metadata), &meta) == PD_OK && json_is_object(meta))
		t = add_srcset(ctx, t, meta);
	json_decref(meta);
	int rc = t ? buf_puts(out, t) : PD_ENOMEM;
	free(t);
	return rc;
}
