/* block_wrapper.c - get_block_wrapper_attributes() for the dynamic blocks
 * pressd renders: the block supports' classes and inline styles (align,
 * className, generated class, colors, typography, border, spacing,
 * dimensions, shadow) in WordPress 6.9's registration order, through the
 * style engine's rules for preset values. Not here: fluid font sizes
 * (custom sizes are kept as written), duotone, background images. */
#include <pthread.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/kses.h"
#include "pressd/query.h"
#include "block_tree.h"

/* Whether a support feature is serialized: supports[group] exists (and is
 * not false) and __experimentalSkipSerialization does not name it. */
static int skip(const json_t *group, const char *feature)
{
	const json_t *s = json_object_get(group, "__experimentalSkipSerialization");
	if (json_is_true(s))
		return 1;
	for (size_t i = 0; json_is_array(s) && i < json_array_size(s); i++)
		if (!strcmp(json_string_value(json_array_get(s, i)) ?: "", feature))
			return 1;
	return 0;
}

static const char *attr_str(const json_t *attrs, const char *k)
{
	const json_t *v = json_object_get(attrs, k);
	return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

/* _wp_to_kebab_case() for the ASCII slugs of presets. */
static void kebab(const char *s, struct buf *out)
{
	int prev_dash = 1;
	for (const char *p = s; *p; p++) {
		char c = *p;
		int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
		if (upper) {
			if (!prev_dash && p > s && !(p[-1] >= 'A' && p[-1] <= 'Z'))
				buf_putc(out, '-');
			buf_putc(out, (char)(c - 'A' + 'a'));
			prev_dash = 0;
		} else if (lower || digit) {
			if (digit && p > s && !(p[-1] >= '0' && p[-1] <= '9') && !prev_dash)
				buf_putc(out, '-');
			else if (!digit && p > s && p[-1] >= '0' && p[-1] <= '9' && !prev_dash)
				buf_putc(out, '-');
			buf_putc(out, c);
			prev_dash = 0;
		} else if (!prev_dash) {
			buf_putc(out, '-');
			prev_dash = 1;
		}
	}
	while (out->len && out->data[out->len - 1] == '-')
		out->data[--out->len] = 0;
}

static void add_class(struct buf *cls, const char *c)
{
	if (cls->len)
		buf_putc(cls, ' ');
	buf_puts(cls, c);
}

/* "var:preset|color|vivid-red" -> slug "vivid-red" when the type matches. */
static const char *preset_slug(const char *v, const char *type)
{
	size_t tl = strlen(type);
	if (!v || strncmp(v, "var:preset|", 11) || strncmp(v + 11, type, tl) || v[11 + tl] != '|')
		return NULL;
	return v + 12 + tl;
}

/* A CSS value: presets become var(--wp--preset--type--slug), "var:a|b" var(--wp--a--b). */
static void css_value(const char *v, struct buf *css)
{
	if (!strncmp(v, "var:", 4)) {
		buf_puts(css, "var(--wp--");
		for (const char *p = v + 4; *p; p++)
			buf_puts(css, *p == '|' ? "--" : (char[]){ *p, 0 });
		buf_putc(css, ')');
	} else {
		buf_puts(css, v);
	}
}

int block_style_decl(struct buf *css, const char *prop, const char *value)
{
	struct buf v = BUF_INIT, d = BUF_INIT;
	size_t len0 = css->len;
	/* wp_strip_all_tags( $value, true ): without a '<' there is no tag to
	 * strip, only the trim below (the common case, and the cheap one) */
	int rc = strchr(value, '<') ? format_strip_all_tags(value, &v) : buf_puts(&v, value);
	/* runs of [\r\n\t ] become one space, then trim() */
	size_t o = 0;
	for (size_t i = 0; !rc && i < v.len; i++) {
		int ws = v.data[i] == '\r' || v.data[i] == '\n' || v.data[i] == '\t' || v.data[i] == ' ';
		if ((ws && (!o || v.data[o - 1] == ' ')) || (!o && v.data[i] == '\v'))
			continue; /* leading, or the rest of a run */
		v.data[o++] = ws ? ' ' : v.data[i];
	}
	while (o && (v.data[o - 1] == ' ' || v.data[o - 1] == '\v'))
		o--;
	v.len = o;
	if (!rc && o) {
		v.data[o] = '\0';
		rc = buf_printf(&d, "%s:%s", prop, v.data);
		if (!rc)
			rc = kses_safecss_filter_attr(buf_str(&d), css);
		if (!rc && css->len > len0)
			rc = buf_putc(css, ';');
	}
	buf_free(&v);
	buf_free(&d);
	if (rc)
		css->len = len0;
	return rc;
}

static void decl(struct buf *css, const char *prop, const char *v)
{
	struct buf val = BUF_INIT;
	css_value(v, &val);
	block_style_decl(css, prop, buf_str(&val));
	buf_free(&val);
}

/* One color-like value: class pattern for presets, CSS for custom values. */
static void color(const char *v, const char *always, const char *pattern, const char *prop,
		  struct buf *cls, struct buf *css)
{
	if (!v)
		return;
	if (always)
		add_class(cls, always);
	const char *slug = preset_slug(v, "color");
	if (!slug && !strcmp(prop, "background"))
		slug = preset_slug(v, "gradient");
	if (slug) {
		struct buf k = BUF_INIT;
		kebab(slug, &k);
		struct buf c = BUF_INIT;
		buf_printf(&c, pattern, buf_str(&k));
		add_class(cls, buf_str(&c));
		buf_free(&c);
		buf_free(&k);
	} else if (strncmp(v, "var:", 4)) {
		decl(css, prop, v);
	}
}

/* Box values (padding, margin, border-width ...): a string or per-side object. */
static void box(const json_t *v, const char *prop, struct buf *css)
{
	if (json_is_string(v) && json_string_length(v)) {
		decl(css, prop, json_string_value(v));
		return;
	}
	const char *k;
	json_t *side;
	json_object_foreach((json_t *)v, k, side) {
		if (!json_is_string(side) || !json_string_length(side))
			continue;
		struct buf p = BUF_INIT;
		buf_printf(&p, "%s-%s", prop, k);
		decl(css, buf_str(&p), json_string_value(side));
		buf_free(&p);
	}
}

/* The border part of the style engine for attrs (color, radius, style,
 * width); bor: the block's border supports, NULL for all of them. */
static void border(const json_t *attrs, const json_t *bor, struct buf *cls, struct buf *css)
{
	const json_t *sb = json_object_get(json_object_get(attrs, "style"), "border");
	const char *bc = attr_str(attrs, "borderColor");
	if (!bor || (json_is_true(json_object_get(bor, "color")) && !skip(bor, "color"))) {
		char pv[160];
		if (bc)
			snprintf(pv, sizeof pv, "var:preset|color|%s", bc);
		const char *v = bc ? pv : json_string_value(json_object_get(sb, "color"));
		color(v, "has-border-color", "has-%s-border-color", "border-color", cls, css);
	}
	if (!bor || (json_is_true(json_object_get(bor, "radius")) && !skip(bor, "radius")))
		box(json_object_get(sb, "radius"), "border-radius", css);
	if (!bor || (json_is_true(json_object_get(bor, "style")) && !skip(bor, "style")))
		box(json_object_get(sb, "style"), "border-style", css);
	if (!bor || (json_is_true(json_object_get(bor, "width")) && !skip(bor, "width")))
		box(json_object_get(sb, "width"), "border-width", css);
}

int block_border_styles(const struct block *b, struct buf *cls, struct buf *css)
{
	border(b->attrs, NULL, cls, css);
	return PD_OK;
}

/* Moves one support's declarations into all: apply_block_supports() joins
 * the style strings of the supports with a space ("a:1;b:2; c:3;"). */
static void end_support(struct buf *all, struct buf *css)
{
	if (!css->len)
		return;
	if (all->len)
		buf_putc(all, ' ');
	buf_append(all, css->data, css->len);
	buf_reset(css);
}

/* The parsed "supports" of each block type, parsed once: callers pass
 * static literals, so the literal's address is the key. Read-only after
 * parsing (jansson's reference counts are atomic), kept for the process. */
#define SUPPORTS_SLOTS 128
static struct {
	const char *literal;
	json_t *parsed;
} supports_cache[SUPPORTS_SLOTS];
static size_t supports_n;
static pthread_mutex_t supports_lock = PTHREAD_MUTEX_INITIALIZER;

/* A new reference to supports_json parsed, or NULL on error. */
static json_t *supports_parsed(const char *supports_json)
{
	json_t *v = NULL;
	pthread_mutex_lock(&supports_lock);
	for (size_t i = 0; i < supports_n && !v; i++)
		if (supports_cache[i].literal == supports_json)
			v = json_incref(supports_cache[i].parsed);
	if (!v) {
		v = json_loads(supports_json, 0, NULL);
		if (v && supports_n < SUPPORTS_SLOTS) {
			supports_cache[supports_n].literal = supports_json;
			supports_cache[supports_n++].parsed = json_incref(v);
		}
	}
	pthread_mutex_unlock(&supports_lock);
	return v;
}

int block_wrapper_attrs(const struct block *b, const char *supports_json, const char *extra_class,
			const char *extra_style, struct buf *out)
{
	json_t *sup = supports_json ? supports_parsed(supports_json) : json_object();
	struct buf cls = BUF_INIT, css = BUF_INIT, all = BUF_INIT, t = BUF_INIT;
	const json_t *attrs = b->attrs;
	const json_t *style = json_object_get(attrs, "style");
	if (!sup)
		return PD_ENOMEM;
	/* align */
	const json_t *align = json_object_get(sup, "align");
	const char *av = attr_str(attrs, "align");
	if (av && (json_is_true(align) || json_is_array(align))) {
		int ok = json_is_true(align);
		for (size_t i = 0; json_is_array(align) && i < json_array_size(align); i++)
			ok |= !strcmp(json_string_value(json_array_get(align, i)) ?: "", av);
		if (ok) {
			buf_printf(&t, "align%s", av);
			add_class(&cls, buf_str(&t));
			buf_reset(&t);
		}
	}
	/* custom class name (includes the wp-elements class added at render_block_data) */
	const char *cn = attr_str(attrs, "className");
	if (cn && !json_is_false(json_object_get(sup, "customClassName")))
		add_class(&cls, cn);
	/* generated class name */
	if (!json_is_false(json_object_get(sup, "className"))) {
		buf_puts(&t, "wp-block-");
		for (const char *p = strncmp(b->name, "core/", 5) ? b->name : b->name + 5; *p; p++)
			buf_putc(&t, *p == '/' ? '-' : *p);
		add_class(&cls, buf_str(&t));
		buf_reset(&t);
	}
	/* colors */
	const json_t *col = json_object_get(sup, "color");
	if (col && !json_is_false(col)) {
		const json_t *sc = json_object_get(style, "color");
		int text = json_is_true(col) || !json_object_get(col, "text") || json_is_true(json_object_get(col, "text"));
		int bg = json_is_true(col) || !json_object_get(col, "background") ||
			 json_is_true(json_object_get(col, "background"));
		int grad = json_is_true(json_object_get(col, "gradients"));
		char pv[160];
		if (text && !skip(col, "text")) {
			const char *p = attr_str(attrs, "textColor");
			if (p)
				snprintf(pv, sizeof pv, "var:preset|color|%s", p);
			color(p ? pv : json_string_value(json_object_get(sc, "text")), "has-text-color",
			      "has-%s-color", "color", &cls, &css);
		}
		if (bg && !skip(col, "background")) {
			const char *p = attr_str(attrs, "backgroundColor");
			if (p)
				snprintf(pv, sizeof pv, "var:preset|color|%s", p);
			color(p ? pv : json_string_value(json_object_get(sc, "background")), "has-background",
			      "has-%s-background-color", "background-color", &cls, &css);
		}
		if (grad && !skip(col, "gradients")) {
			const char *p = attr_str(attrs, "gradient");
			if (p)
				snprintf(pv, sizeof pv, "var:preset|gradient|%s", p);
			const char *g = p ? pv : json_string_value(json_object_get(sc, "gradient"));
			if (g && !strstr(cls.data ? cls.data : "", "has-background"))
				add_class(&cls, "has-background");
			color(g, NULL, "has-%s-gradient-background", "background", &cls, &css);
		}
	}
	end_support(&all, &css);
	/* typography */
	const json_t *typ = json_object_get(sup, "typography");
	if (typ) {
		const json_t *st = json_object_get(style, "typography");
		static const struct { const char *sup, *key, *prop; } T[] = {
			{ "fontSize", "fontSize", "font-size" },
			{ "__experimentalFontFamily", "fontFamily", "font-family" },
			{ "__experimentalFontStyle", "fontStyle", "font-style" },
			{ "__experimentalFontWeight", "fontWeight", "font-weight" },
			{ "lineHeight", "lineHeight", "line-height" },
			{ "textColumns", "textColumns", "column-count" },
			{ "__experimentalTextDecoration", "textDecoration", "text-decoration" },
			{ "__experimentalTextTransform", "textTransform", "text-transform" },
			{ "__experimentalLetterSpacing", "letterSpacing", "letter-spacing" },
			{ "__experimentalWritingMode", "writingMode", "writing-mode" },
		};
		for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
			if (!json_is_true(json_object_get(typ, T[i].sup)) || skip(typ, T[i].key))
				continue;
			const char *preset = i == 0 ? attr_str(attrs, "fontSize") : i == 1 ? attr_str(attrs, "fontFamily") : NULL;
			if (preset) {
				struct buf k = BUF_INIT;
				kebab(preset, &k);
				buf_printf(&t, i == 0 ? "has-%s-font-size" : "has-%s-font-family", buf_str(&k));
				add_class(&cls, buf_str(&t));
				buf_reset(&t);
				buf_free(&k);
				continue;
			}
			const json_t *v = json_object_get(st, T[i].key);
			char num[32];
			const char *s = json_string_value(v);
			if (json_is_integer(v)) {
				snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
				s = num;
			}
			if (s && *s) {
				const char *slug = i == 0 ? preset_slug(s, "font-size") : i == 1 ? preset_slug(s, "font-family") : NULL;
				if (slug) {
					struct buf k = BUF_INIT;
					kebab(slug, &k);
					buf_printf(&t, i == 0 ? "has-%s-font-size" : "has-%s-font-family", buf_str(&k));
					add_class(&cls, buf_str(&t));
					buf_reset(&t);
					buf_free(&k);
				} else {
					decl(&css, T[i].prop, s);
				}
			}
		}
	}
	end_support(&all, &css);
	/* border */
	const json_t *bor = json_object_get(sup, "__experimentalBorder");
	if (bor && !skip(bor, "border"))
		border(attrs, bor, &cls, &css);
	end_support(&all, &css);
	/* spacing */
	const json_t *sp = json_object_get(sup, "spacing");
	if (sp) {
		const json_t *ss = json_object_get(style, "spacing");
		if (json_object_get(sp, "padding") && !skip(sp, "padding"))
			box(json_object_get(ss, "padding"), "padding", &css);
		if (json_object_get(sp, "margin") && !skip(sp, "margin"))
			box(json_object_get(ss, "margin"), "margin", &css);
	}
	end_support(&all, &css);
	/* dimensions */
	const json_t *dim = json_object_get(sup, "dimensions");
	if (dim) {
		const json_t *sd = json_object_get(style, "dimensions");
		const char *mh = json_string_value(json_object_get(sd, "minHeight"));
		if (mh && *mh && json_is_true(json_object_get(dim, "minHeight")) && !skip(dim, "minHeight"))
			decl(&css, "min-height", mh);
	}
	end_support(&all, &css);
	/* shadow */
	const json_t *sh = json_object_get(sup, "shadow");
	if (sh && !json_is_false(sh) && !skip(sh, "shadow")) {
		const char *v = json_string_value(json_object_get(style, "shadow"));
		if (v && *v)
			decl(&css, "box-shadow", v);
	}
	end_support(&all, &css);
	json_decref(sup);

	/* merge with the block's own attributes: extra first, then the supports' */
	struct buf fc = BUF_INIT, fs = BUF_INIT;
	if (extra_style && *extra_style)
		buf_puts(&fs, extra_style);
	if (all.len)
		add_class(&fs, buf_str(&all));
	if (extra_class && *extra_class)
		buf_puts(&fc, extra_class);
	if (cls.len)
		add_class(&fc, buf_str(&cls));
	int rc = PD_OK, first = 1;
	if (fs.len) {
		buf_puts(out, "style=\"");
		format_esc_attr(buf_str(&fs), out);
		buf_putc(out, '"');
		first = 0;
	}
	if (fc.len) {
		if (!first)
			buf_putc(out, ' ');
		buf_puts(out, "class=\"");
		format_esc_attr(buf_str(&fc), out);
		rc = buf_putc(out, '"');
	}
	buf_free(&cls);
	buf_free(&css);
	buf_free(&all);
	buf_free(&t);
	buf_free(&fc);
	buf_free(&fs);
	return rc;
}

const char *block_attr_str(const struct block *b, const char *k, const char *dflt)
{
	const json_t *v = json_object_get(b->attrs, k);
	return json_is_string(v) ? json_string_value(v) : dflt;
}

int block_attr_bool(const struct block *b, const char *k, int dflt)
{
	const json_t *v = json_object_get(b->attrs, k);
	if (!v)
		return dflt;
	if (json_is_string(v))
		return json_string_length(v) && strcmp(json_string_value(v), "0");
	if (json_is_integer(v))
		return json_integer_value(v) != 0;
	return json_is_true(v);
}

int block_request_url(struct render_ctx *ctx, const char *remove, const char *set_key, const char *set_value,
		      int path, struct buf *out)
{
	const char *uri = ctx->request_uri ? ctx->request_uri : "/";
	const char *q = strchr(uri, '?');
	ctx->vary |= RENDER_VARY_REQUEST;
	size_t plen = q ? (size_t)(q - uri) : strlen(uri);
	json_t *params = q ? query_parse(q + 1, strlen(q + 1), 1000) : json_object();
	int rc = params ? PD_OK : PD_ENOMEM;
	if (rc)
		return rc;
	if (remove)
		json_object_del(params, remove);
	if (set_key)
		json_object_set_new(params, set_key, json_string(set_value ? set_value : ""));
	if (path)
		rc = buf_append(out, uri, plen);
	if (!rc && (q || set_key) && json_object_size(params)) {
		rc = buf_putc(out, '?');
		if (!rc)
			rc = query_build(params, out);
	}
	json_decref(params);
	return rc;
}
