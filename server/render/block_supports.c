/* block_supports.c - the render-time block supports that change static
 * post content in WordPress 6.9 with Twenty Twenty-Three 1.0: layout
 * (wp_render_layout_support_flag) and elements (wp_render_elements_class_name).
 * Supports that only add CSS to the page (style engine) have no effect here. */
#include <nettle/md5.h>
#include <stdio.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/phpser.h"
#include "block_tree.h"
#include "tagproc.h"

/* Layout support of the core blocks (block.json "supports.layout" in 6.9.4):
 * default layout (JSON), spacing.blockGap.__experimentalDefault and whether
 * blockGap serialization is skipped. */
static const struct layout_block {
	const char *name;
	const char *default_layout;  /* JSON or NULL */
	const char *fallback_gap;    /* NULL: "0.5em" */
	int skip_gap;
} LAYOUT_BLOCKS[] = {
	{ "core/accordion", NULL, NULL, 0 },
	{ "core/accordion-item", NULL, NULL, 0 },
	{ "core/accordion-panel", NULL, NULL, 0 },
	{ "core/buttons", "{\"type\":\"flex\"}", NULL, 0 },
	{ "core/column", NULL, NULL, 0 },
	{ "core/columns", "{\"type\":\"flex\",\"flexWrap\":\"nowrap\"}", "2em", 0 },
	{ "core/comments-pagination", "{\"type\":\"flex\"}", NULL, 0 },
	{ "core/cover", NULL, NULL, 0 },
	{ "core/details", NULL, NULL, 0 },
	{ "core/gallery", "{\"type\":\"flex\"}", NULL, 1 },
	{ "core/group", NULL, NULL, 0 },
	{ "core/navigation", "{\"type\":\"flex\"}", NULL, 0 },
	{ "core/post-content", NULL, NULL, 0 },
	{ "core/post-template", NULL, "1.25em", 0 },
	{ "core/query", NULL, NULL, 0 },
	{ "core/query-pagination", "{\"type\":\"flex\"}", NULL, 0 },
	{ "core/quote", NULL, NULL, 0 },
	{ "core/social-links", "{\"type\":\"flex\"}", NULL, 0 },
	{ "core/term-template", NULL, "1.25em", 0 },
	{ "core/terms-query", NULL, NULL, 0 },
};

/* Twenty Twenty-Three 1.0 theme.json: appearanceTools turns blockGap on,
 * useRootPaddingAwareAlignments is true. */
#define THEME_HAS_BLOCK_GAP 1
#define THEME_ROOT_PADDING_AWARE 1

static const struct layout_block *layout_block(const char *name)
{
	for (size_t i = 0; name && i < sizeof LAYOUT_BLOCKS / sizeof *LAYOUT_BLOCKS; i++)
		if (!strcmp(LAYOUT_BLOCKS[i].name, name))
			return &LAYOUT_BLOCKS[i];
	return NULL;
}

static int put_json_string(struct buf *out, const char *s, size_t n)
{
	int rc = buf_putc(out, '"');
	for (size_t i = 0; i < n && !rc; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': rc = buf_puts(out, "\\\""); continue;
		case '\\': rc = buf_puts(out, "\\\\"); continue;
		case '/': rc = buf_puts(out, "\\/"); continue;
		case '\b': rc = buf_puts(out, "\\b"); continue;
		case '\f': rc = buf_puts(out, "\\f"); continue;
		case '\n': rc = buf_puts(out, "\\n"); continue;
		case '\r': rc = buf_puts(out, "\\r"); continue;
		case '\t': rc = buf_puts(out, "\\t"); continue;
		}
		if (c < 0x20) {
			rc = buf_printf(out, "\\u%04x", c);
		} else if (c < 0x80) {
			rc = buf_putc(out, (char)c);
		} else {
			/* decode UTF-8 (jansson validated it), write \uXXXX like PHP */
			unsigned cp;
			int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
			cp = c & (0x3F >> extra);
			for (int k = 0; k < extra && i + 1 < n; k++)
				cp = (cp << 6) | ((unsigned char)s[++i] & 0x3F);
			if (cp >= 0x10000) {
				cp -= 0x10000;
				rc = buf_printf(out, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
			} else {
				rc = buf_printf(out, "\\u%04x", cp);
			}
		}
	}
	return rc ? rc : buf_putc(out, '"');
}

/* A PHP array from json_decode(…, true) encodes as a list when its keys are 0..n-1. */
static int object_is_list(const json_t *o)
{
	const char *k;
	size_t kn, i = 0;
	json_t *v;
	char num[24];
	json_object_keylen_foreach((json_t *)o, k, kn, v) {
		(void)v;
		if ((size_t)snprintf(num, sizeof num, "%zu", i++) != kn || memcmp(num, k, kn))
			return 0;
	}
	return 1;
}

int php_json_encode(const json_t *v, struct buf *out)
{
	int rc = PD_OK;
	switch (json_typeof(v)) {
	case JSON_NULL: return buf_puts(out, "null");
	case JSON_TRUE: return buf_puts(out, "true");
	case JSON_FALSE: return buf_puts(out, "false");
	case JSON_INTEGER: return buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	case JSON_REAL: {
		/* serialize_precision -1; PHP json keeps ".0" on whole numbers */
		struct buf t = BUF_INIT;
		json_t *tmp = json_real(json_real_value(v));
		rc = tmp ? phpser_serialize(tmp, &t) : PD_ENOMEM;
		json_decref(tmp);
		if (!rc) {
			const char *d = t.data + 2; /* "d:" */
			rc = buf_append(out, d, strlen(d) - 1);
			if (!rc && !strpbrk(d, ".EN"))
				rc = buf_puts(out, ".0");
		}
		buf_free(&t);
		return rc;
	}
	case JSON_STRING: return put_json_string(out, json_string_value(v), json_string_length(v));
	case JSON_ARRAY:
		rc = buf_putc(out, '[');
		for (size_t i = 0; i < json_array_size(v) && !rc; i++) {
			if (i)
				rc = buf_putc(out, ',');
			if (!rc)
				rc = php_json_encode(json_array_get(v, i), out);
		}
		return rc ? rc : buf_putc(out, ']');
	case JSON_OBJECT: {
		int list = object_is_list(v);
		const char *k;
		size_t kn;
		json_t *m;
		int first = 1;
		rc = buf_putc(out, list ? '[' : '{');
		json_object_keylen_foreach((json_t *)v, k, kn, m) {
			if (!rc && !first)
				rc = buf_putc(out, ',');
			first = 0;
			if (!rc && !list) {
				rc = put_json_string(out, k, kn);
				if (!rc)
					rc = buf_putc(out, ':');
			}
			if (!rc)
				rc = php_json_encode(m, out);
		}
		return rc ? rc : buf_putc(out, list ? ']' : '}');
	}
	}
	return PD_EINVAL;
}

static void md5_hex(const char *s, size_t n, char hex[33])
{
	struct md5_ctx c;
	uint8_t d[MD5_DIGEST_SIZE];
	md5_init(&c);
	md5_update(&c, n, (const uint8_t *)s);
	md5_digest(&c, sizeof d, d);
	for (int i = 0; i < 16; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
}

/* PHP truthiness of a decoded JSON value (empty() negated). */
static int truthy(const json_t *v)
{
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_STRING: {
		const char *s = json_string_value(v);
		return json_string_length(v) && strcmp(s, "0");
	}
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) != 0;
	case JSON_TRUE: return 1;
	case JSON_ARRAY: return json_array_size(v) > 0;
	case JSON_OBJECT: return json_object_size(v) > 0;
	default: return 0;
	}
}

static const char *str_or(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* sanitize_title() for the ASCII words layout uses (orientation, justification). */
static void simple_slug(const char *in, char *out, size_t cap)
{
	size_t j = 0;
	for (; *in && j + 1 < cap; in++) {
		char c = *in;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
			out[j++] = c;
		else if (j && out[j - 1] != '-')
			out[j++] = '-';
	}
	while (j && out[j - 1] == '-')
		j--;
	out[j] = 0;
}

/* Whether wp_get_layout_style() would produce CSS for this layout; decides
 * whether the wp-container-… class is added. */
static int layout_has_style(const json_t *layout, const json_t *gap, int skip_gap,
			    const json_t *spacing)
{
	const char *type = str_or(layout, "type");
	if (!type)
		type = "default";
	const json_t *gap_top = json_is_object(gap) ? json_object_get(gap, "top") : gap;
	int gap_set = gap && !json_is_null(gap);
	if (!strcmp(type, "default"))
		return THEME_HAS_BLOCK_GAP && gap_top && !json_is_null(gap_top) && !skip_gap;
	if (!strcmp(type, "constrained")) {
		if (truthy(json_object_get(layout, "contentSize")) || truthy(json_object_get(layout, "wideSize")))
			return 1;
		const char *j = str_or(layout, "justifyContent");
		if (j && (!strcmp(j, "left") || !strcmp(j, "right")))
			return 1;
		const json_t *pad = json_object_get(spacing, "padding");
		if (json_is_object(pad) && (json_object_get(pad, "left") || json_object_get(pad, "right")))
			return 1;
		return THEME_HAS_BLOCK_GAP && gap_top && !json_is_null(gap_top) && !skip_gap;
	}
	if (!strcmp(type, "flex")) {
		const char *o = str_or(layout, "orientation");
		if (o && strcmp(o, "horizontal"))
			return 1; /* vertical always gets flex-direction */
		const char *wrap = str_or(layout, "flexWrap");
		if (wrap && !strcmp(wrap, "nowrap"))
			return 1;
		if (THEME_HAS_BLOCK_GAP && gap_set && !skip_gap)
			return 1;
		const char *jc = str_or(layout, "justifyContent");
		if (jc && (!strcmp(jc, "left") || !strcmp(jc, "right") || !strcmp(jc, "center") ||
			   !strcmp(jc, "space-between")))
			return 1;
		const char *va = str_or(layout, "verticalAlignment");
		if (va && (!strcmp(va, "top") || !strcmp(va, "center") || !strcmp(va, "bottom") ||
			   !strcmp(va, "stretch")))
			return 1;
		return 0;
	}
	if (!strcmp(type, "grid"))
		return 1; /* grid-template-columns is always set */
	return 0;
}

int block_support_layout(const struct block_render *r, const struct block *b,
			 const char *html, size_t len, struct buf *out)
{
	const struct layout_block *lb = layout_block(b->name);
	struct tp t;
	int rc;
	(void)r;
	/* child layout (style.layout: selfStretch, flexSize…) only adds a
	 * wp-container-content-… class when it yields CSS; not handled. */
	if (!lb)
		return buf_append(out, html, len);
	tp_init(&t, html, len);
	if (!tp_next_tag(&t)) {
		tp_free(&t);
		return buf_append(out, html, len);
	}

	json_t *attrs = b->attrs;
	json_t *attr_layout = json_object_get(attrs, "layout");
	json_t *used = NULL;
	if (attr_layout)
		used = json_deep_copy(attr_layout);
	else if (lb->default_layout)
		used = json_loads(lb->default_layout, JSON_PRESERVE_ORDER, NULL);
	else
		used = json_array(); /* PHP array() encodes as [] */
	if (!used) {
		tp_free(&t);
		return PD_ENOMEM;
	}
	if (json_is_object(used) && (truthy(json_object_get(used, "inherit")) ||
				     truthy(json_object_get(used, "contentSize"))))
		json_object_set_new(used, "type", json_string("constrained"));

	const char *cls[8];
	char owned[4][160];
	int ncls = 0, nowned = 0;
	const char *type = json_is_object(used) ? str_or(used, "type") : NULL;
	if (THEME_ROOT_PADDING_AWARE && type && !strcmp(type, "constrained"))
		cls[ncls++] = "has-global-padding";
	const char *o = str_or(attr_layout, "orientation");
	if (o && *o) {
		char s[64];
		simple_slug(o, s, sizeof s);
		snprintf(owned[nowned], sizeof owned[0], "is-%s", s);
		cls[ncls++] = owned[nowned++];
	}
	const char *jc = str_or(attr_layout, "justifyContent");
	if (jc && *jc) {
		char s[64];
		simple_slug(jc, s, sizeof s);
		snprintf(owned[nowned], sizeof owned[0], "is-content-justification-%s", s);
		cls[ncls++] = owned[nowned++];
	}
	const char *fw = str_or(attr_layout, "flexWrap");
	if (fw && !strcmp(fw, "nowrap"))
		cls[ncls++] = "is-nowrap";
	const char *layout_class = "is-layout-flow";
	if (type) {
		layout_class = !strcmp(type, "default") ? "is-layout-flow" :
			       !strcmp(type, "constrained") ? "is-layout-constrained" :
			       !strcmp(type, "flex") ? "is-layout-flex" :
			       !strcmp(type, "grid") ? "is-layout-grid" : "";
	}
	if (*layout_class)
		cls[ncls++] = layout_class;

	/* container class: md5 of the JSON of the layout-style inputs */
	json_t *style = json_object_get(attrs, "style");
	json_t *spacing = json_object_get(style, "spacing");
	json_t *gap = json_object_get(spacing, "blockGap");
	json_t *values = json_pack("[O,b,O?,b,s,O?]", used, THEME_HAS_BLOCK_GAP, gap, lb->skip_gap,
				   lb->fallback_gap ? lb->fallback_gap : "0.5em", spacing);
	struct buf enc = BUF_INIT;
	rc = values ? php_json_encode(values, &enc) : PD_ENOMEM;
	if (!rc && layout_has_style(json_is_object(used) ? used : NULL, gap, lb->skip_gap, spacing)) {
		char hex[33], bn[96];
		md5_hex(buf_str(&enc), enc.len, hex);
		simple_slug(b->name, bn, sizeof bn);
		snprintf(owned[nowned], sizeof owned[0], "wp-container-%s-is-layout-%.8s", bn, hex);
		cls[ncls++] = owned[nowned++];
	}
	buf_free(&enc);
	json_decref(values);
	const char *short_name = strncmp(b->name, "core/", 5) ? b->name : b->name + 5;
	char full[96];
	snprintf(full, sizeof full, "%s", short_name);
	for (char *c = full; *c; c++)
		if (*c == '/')
			*c = '-';
	snprintf(owned[nowned], sizeof owned[0], "wp-block-%s-%s", full, layout_class);
	cls[ncls++] = owned[nowned++];
	json_decref(used);
	if (rc) {
		tp_free(&t);
		return rc;
	}

	/* The inner-block wrapper: the last tag with a class in the first chunk. */
	struct buf wrapper = BUF_INIT;
	if (b->ncontent > 1 && !b->content[0].is_block) {
		struct tp f;
		tp_init(&f, r->doc + b->content[0].off, b->content[0].len);
		while (tp_next_tag(&f)) {
			const struct tp_attr *a = tp_attr_get(&f, "class");
			if (a && a->value_len) {
				buf_reset(&wrapper);
				buf_append(&wrapper, f.html + a->value, a->value_len);
			}
		}
		tp_free(&f);
	}
	int found = 1;
	if (wrapper.len) {
		found = 0;
		do {
			const struct tp_attr *a = tp_attr_get(&t, "class");
			if (a && memmem(html + a->value, a->value_len, wrapper.data, wrapper.len)) {
				found = 1;
				break;
			}
		} while (tp_next_tag(&t));
	}
	buf_free(&wrapper);
	if (found) {
		for (int i = 0; i < ncls && !rc; i++)
			rc = tp_add_class(&t, cls[i]);
	}
	if (!rc)
		rc = tp_get_updated_html(&t, out);
	tp_free(&t);
	return rc;
}

/* Mirrors wp_should_add_elements_class_name(): any element color set? */
static int has_element_colors(const json_t *el)
{
	static const char *const groups[][2] = {
		{ "button", "text" }, { "button", "background" }, { "button", "gradient" },
	};
	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
		if (json_object_get(json_object_get(json_object_get(el, groups[i][0]), "color"), groups[i][1]))
			return 1;
	const json_t *link = json_object_get(el, "link");
	if (json_object_get(json_object_get(link, "color"), "text") ||
	    json_object_get(json_object_get(json_object_get(link, ":hover"), "color"), "text"))
		return 1;
	static const char *const heads[] = { "heading", "h1", "h2", "h3", "h4", "h5", "h6" };
	static const char *const props[] = { "text", "background", "gradient" };
	for (size_t i = 0; i < 7; i++)
		for (size_t j = 0; j < 3; j++)
			if (json_object_get(json_object_get(json_object_get(el, heads[i]), "color"), props[j]))
				return 1;
	return 0;
}

int block_support_elements_class(const struct block_render *r, const struct block *b, char cls[64])
{
	/* blocks whose block.json skips all color serialization
	 * (supports.color.__experimentalSkipSerialization: true) */
	static const char *const skip_all[] = { "core/button", "core/search", "core/separator",
						"core/table" };
	cls[0] = 0;
	for (size_t i = 0; i < sizeof skip_all / sizeof *skip_all; i++)
		if (b->name && !strcmp(b->name, skip_all[i]))
			return PD_OK;
	const json_t *el = json_object_get(json_object_get(b->attrs, "style"), "elements");
	if (!el || !has_element_colors(el))
		return PD_OK;
	/* wp_get_elements_class_name(): md5( serialize( $parsed_block ) ) */
	json_t *pb = block_to_json(r, b);
	struct buf s = BUF_INIT;
	int rc = pb ? phpser_serialize(pb, &s) : PD_ENOMEM;
	json_decref(pb);
	if (!rc) {
		char hex[33];
		md5_hex(buf_str(&s), s.len, hex);
		snprintf(cls, 64, "wp-elements-%s", hex);
	}
	buf_free(&s);
	return rc;
}

int block_support_style_variation_class(struct block_render *r, const struct block *b, char cls[96])
{
	/* variations with style data: core theme.json 6.9.4 (TT3 1.0 adds none) */
	static const char *const with_data[][2] = { { "core/button", "outline" },
						    { "core/site-logo", "rounded" } };
	const char *cn = json_string_value(json_object_get(b->attrs, "className"));
	cls[0] = 0;
	if (!cn || !b->name)
		return PD_OK;
	/* wp_get_block_style_variation_name_from_class(): every is-style-X but default */
	for (const char *p = cn; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *s = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		size_t n = (size_t)(p - s);
		if (n <= 9 || strncmp(s, "is-style-", 9) || (n >= 16 && !strncmp(s + 9, "default", 7)))
			continue;
		for (size_t i = 0; i < sizeof with_data / sizeof *with_data; i++) {
			size_t vn = strlen(with_data[i][1]);
			if (!strcmp(b->name, with_data[i][0]) && n - 9 == vn && !strncmp(s + 9, with_data[i][1], vn)) {
				snprintf(cls, 96, "is-style-%s--%d", with_data[i][1],
					 ++r->ctx->counters[RENDER_COUNTER_UNIQUE_ID]);
				return PD_OK;
			}
		}
	}
	return PD_OK;
}
