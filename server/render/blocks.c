/* blocks.c - do_blocks(): renders the parsed block tree like render_block()
 * in WordPress 6.9 (static blocks keep their saved HTML, then the core render
 * callbacks and render_block filters that change post content). Blocks that
 * need site data WordPress has and pressd's renderer does not (latest posts,
 * archives, query loops ...) use the documented fallbacks of docs/rendering.md. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pressd/blocks.h"
#include "pressd/err.h"
#include "pressd/format.h"
#include "block_tree.h"
#include "tagproc.h"

int blocks_has_blocks(const char *raw)
{
	return raw && strstr(raw, "<!-- wp:") != NULL;
}

json_t *block_to_json(const struct block_render *r, const struct block *b)
{
	json_t *inner = json_array(), *content = json_array();
	json_t *o = json_object();
	struct buf html = BUF_INIT;
	size_t bi = 0;
	if (!inner || !content || !o)
		goto fail;
	for (size_t i = 0; i < b->ncontent; i++) {
		const struct block_chunk *c = &b->content[i];
		if (c->is_block) {
			json_t *child = bi < b->ninner ? block_to_json(r, b->inner[bi++]) : NULL;
			if (!child || json_array_append_new(inner, child) ||
			    json_array_append_new(content, json_null()))
				goto fail;
		} else {
			if (buf_append(&html, r->doc + c->off, c->len) && c->len)
				goto fail;
			if (json_array_append_new(content, json_stringn_nocheck(r->doc + c->off, c->len)))
				goto fail;
		}
	}
	if (json_object_set_new(o, "blockName", b->name ? json_string(b->name) : json_null()) ||
	    json_object_set(o, "attrs", b->attrs ? b->attrs : json_null()) ||
	    json_object_set_new(o, "innerBlocks", inner) ||
	    json_object_set_new(o, "innerHTML", json_stringn_nocheck(buf_str(&html), html.len)) ||
	    json_object_set_new(o, "innerContent", content)) {
		inner = content = NULL;
		goto fail;
	}
	buf_free(&html);
	return o;
fail:
	buf_free(&html);
	json_decref(inner);
	json_decref(content);
	json_decref(o);
	return NULL;
}

/* Adds cls to the first tag of html whose name is one of tags (NULL: any
 * tag); the shape of block_core_heading_render() and friends. */
static int add_class_to_first(const char *html, size_t len, const char *const *tags,
			      const char *cls, struct buf *out)
{
	struct tp t;
	int rc = PD_OK;
	tp_init(&t, html, len);
	while (tp_next_tag(&t)) {
		int hit = !tags;
		for (size_t i = 0; tags && tags[i] && !hit; i++)
			hit = tp_tag_is(&t, tags[i]);
		if (hit) {
			rc = tp_add_class(&t, cls);
			break;
		}
	}
	if (!rc)
		rc = tp_get_updated_html(&t, out);
	tp_free(&t);
	return rc;
}

int block_add_class_to_first(const char *html, size_t len, const char *cls, struct buf *out)
{
	return add_class_to_first(html, len, NULL, cls, out);
}

/* block_core_heading_render() */
static int render_heading(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	static const char *const h[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
	(void)r;
	(void)b;
	return add_class_to_first(buf_str(in), in->len, h, "wp-block-heading", out);
}

/* block_core_list_render() */
static int render_list(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	static const char *const l[] = { "ol", "ul", NULL };
	(void)r;
	(void)b;
	return add_class_to_first(buf_str(in), in->len, l, "wp-block-list", out);
}

/* Inserts ins right after the tag name of the first <name tag at or after from. */
static int insert_after_tag_name(struct buf *html, const char *name, size_t from, const char *ins, size_t *at)
{
	struct tp t;
	tp_init(&t, buf_str(html), html->len);
	int found = 0;
	while (tp_next_tag(&t))
		if (t.tag_start >= from && tp_tag_is(&t, name)) {
			found = 1;
			break;
		}
	size_t pos = found ? t.name + t.name_len : 0;
	tp_free(&t);
	if (!found)
		return PD_ENOTFOUND;
	struct buf n = BUF_INIT;
	buf_append(&n, html->data, pos);
	buf_puts(&n, ins);
	int rc = buf_append(&n, html->data + pos, html->len - pos);
	if (rc) {
		buf_free(&n);
		return rc;
	}
	buf_free(html);
	*html = n;
	if (at)
		*at = pos;
	return PD_OK;
}

/* block_core_image_render_lightbox(): the interactivity directives and the
 * "Enlarge" button. The image id is PHP's uniqid() (time based, so it
 * differs from one request to the next, in WordPress too). */
static int image_lightbox(struct buf *html)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	char id[32], ins[256];
	snprintf(id, sizeof id, "%08lx%05lx", (unsigned long)ts.tv_sec, (unsigned long)(ts.tv_nsec / 1000));
	/* add_class on the figure first (its own edit), then the new attributes,
	 * which WP_HTML_Tag_Processor writes in name order after the tag name */
	struct tp t;
	struct buf tmp = BUF_INIT;
	int rc = PD_OK, found = 0;
	tp_init(&t, buf_str(html), html->len);
	while (tp_next_tag(&t))
		if (tp_tag_is(&t, "figure")) {
			found = 1;
			rc = tp_add_class(&t, "wp-lightbox-container");
			break;
		}
	if (!rc)
		rc = tp_get_updated_html(&t, &tmp);
	tp_free(&t);
	if (rc || !found) {
		buf_free(&tmp);
		return rc;
	}
	buf_free(html);
	*html = tmp;
	snprintf(ins, sizeof ins, " data-wp-context=\"{&quot;imageId&quot;:&quot;%s&quot;}\" data-wp-interactive=\"core/image\" data-wp-key=\"%s\"", id, id);
	size_t fig = 0;
	if ((rc = insert_after_tag_name(html, "figure", 0, ins, &fig)))
		return rc == PD_ENOTFOUND ? PD_OK : rc;
	rc = insert_after_tag_name(html, "img", fig, " data-wp-class--hide=\"state.isContentHidden\" data-wp-class--show=\"state.isContentVisible\""
				   " data-wp-init=\"callbacks.setButtonStyles\" data-wp-on--click=\"actions.showLightbox\""
				   " data-wp-on--load=\"callbacks.setButtonStyles\" data-wp-on-window--resize=\"callbacks.setButtonStyles\"", NULL);
	if (rc)
		return rc == PD_ENOTFOUND ? PD_OK : rc;
	/* preg_replace( '/<img[^>]+>/', first img + button ) */
	const char *s = buf_str(html);
	const char *first = strstr(s, "<img");
	const char *end = first ? strchr(first, '>') : NULL;
	if (!end)
		return PD_OK;
	struct buf button = BUF_INIT, outb = BUF_INIT;
	buf_append(&button, first, (size_t)(end - first) + 1);
	buf_puts(&button, "<button\n\t\t\tclass=\"lightbox-trigger\"\n\t\t\ttype=\"button\"\n\t\t\taria-haspopup=\"dialog\"\n"
			  "\t\t\taria-label=\"Enlarge\"\n\t\t\tdata-wp-init=\"callbacks.initTriggerButton\"\n"
			  "\t\t\tdata-wp-on--click=\"actions.showLightbox\"\n\t\t\tdata-wp-style--right=\"state.imageButtonRight\"\n"
			  "\t\t\tdata-wp-style--top=\"state.imageButtonTop\"\n\t\t>\n"
			  "\t\t\t<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"12\" fill=\"none\" viewBox=\"0 0 12 12\">\n"
			  "\t\t\t\t<path fill=\"#fff\" d=\"M2 0a2 2 0 0 0-2 2v2h1.5V2a.5.5 0 0 1 .5-.5h2V0H2Zm2 10.5H2a.5.5 0 0 1-.5-.5V8H0v2a2 2 0 0 0 2 2h2v-1.5ZM8 12v-1.5h2a.5.5 0 0 0 .5-.5V8H12v2a2 2 0 0 1-2 2H8Zm2-12a2 2 0 0 1 2 2v2h-1.5V2a.5.5 0 0 0-.5-.5H8V0h2Z\" />\n"
			  "\t\t\t</svg>\n\t\t</button>");
	for (const char *p = s; *p;) {
		const char *m = strstr(p, "<img");
		const char *e = m ? strchr(m + 4, '>') : NULL;
		if (!m || !e || e == m + 4) {
			buf_puts(&outb, p);
			break;
		}
		buf_append(&outb, p, (size_t)(m - p));
		buf_append(&outb, button.data, button.len);
		p = e + 1;
	}
	buf_free(&button);
	buf_free(html);
	*html = outb;
	return PD_OK;
}

/* render_block_core_image(): data-id for gallery children, empty
 * <figcaption> removed, the lightbox when attrs.lightbox.enabled is true
 * and the image is not linked. */
static int render_image(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const char *html = buf_str(in);
	struct tp t;
	int rc = PD_OK;
	size_t mark = out->len;
	(void)r;
	if (!strcasestr(html, "<img"))
		return PD_OK;
	tp_init(&t, html, in->len);
	int found = 0;
	while (tp_next_tag(&t))
		if (tp_tag_is(&t, "img")) {
			found = 1;
			break;
		}
	const struct tp_attr *src = found ? tp_attr_get(&t, "src") : NULL;
	if (!src || !src->value_len || (src->value_len == 1 && html[src->value] == '0')) {
		tp_free(&t);
		return PD_OK;
	}
	const json_t *data_id = json_object_get(b->attrs, "data-id");
	if (data_id) {
		char v[32] = "";
		if (json_is_integer(data_id))
			snprintf(v, sizeof v, "%lld", (long long)json_integer_value(data_id));
		rc = tp_set_attribute(&t, "data-id", json_is_string(data_id) ? json_string_value(data_id) : v);
	}
	/* an empty figcaption (comments allowed inside) goes away */
	size_t cut_from = 0, cut_to = 0;
	const json_t *cap = json_object_get(b->attrs, "caption");
	if (!rc && !(json_is_string(cap) && json_string_length(cap))) {
		while (tp_next_tag(&t)) {
			if (!tp_tag_is(&t, "figcaption"))
				continue;
			size_t p = t.tag_end;
			while (!strncmp(html + p, "<!--", 4)) {
				const char *e = strstr(html + p + 4, "-->");
				if (!e)
					break;
				p = (size_t)(e - html) + 3;
			}
			if (!strncasecmp(html + p, "</figcaption", 12)) {
				const char *gt = strchr(html + p, '>');
				if (gt) {
					cut_from = t.tag_start;
					cut_to = (size_t)(gt - html) + 1;
				}
			}
			break;
		}
	}
	struct buf tmp = BUF_INIT;
	if (!rc)
		rc = tp_get_updated_html(&t, &tmp);
	tp_free(&t);
	if (!rc && cut_to) {
		/* the edits are before the figcaption, so shift by the growth */
		size_t grow = tmp.len - in->len;
		rc = buf_append(out, tmp.data, cut_from + grow);
		if (!rc)
			rc = buf_append(out, tmp.data + cut_to + grow, tmp.len - cut_to - grow);
	} else if (!rc) {
		rc = buf_append(out, buf_str(&tmp), tmp.len);
	}
	buf_free(&tmp);
	const json_t *lb = json_object_get(json_object_get(b->attrs, "lightbox"), "enabled");
	const char *dest = json_string_value(json_object_get(b->attrs, "linkDestination"));
	if (!rc && json_is_true(lb) && (!dest || !strcmp(dest, "none"))) {
		struct buf h = BUF_INIT;
		rc = buf_append(&h, out->data + mark, out->len - mark);
		r->ctx->vary |= RENDER_UNCACHEABLE; /* uniqid(): a new id on every request */
		if (!rc)
			rc = image_lightbox(&h);
		if (!rc) {
			out->len = mark;
			rc = buf_append(out, buf_str(&h), h.len);
		}
		buf_free(&h);
	}
	return rc;
}

/* block_core_gallery_render(): a wp_unique_id() class on the first tag. */
static int render_gallery(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	char cls[48];
	(void)b;
	snprintf(cls, sizeof cls, "wp-block-gallery-%d", ++r->ctx->counters[RENDER_COUNTER_UNIQUE_ID]);
	return add_class_to_first(buf_str(in), in->len, NULL, cls, out);
}

/* render_block_core_rss(): with WP_HTTP_BLOCK_EXTERNAL every fetch fails the
 * same way (observed on all RSS blocks of the 6.9.4 samples). */
static int render_rss(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	(void)b;
	(void)in;
	return buf_puts(out, "<div class=\"components-placeholder\"><div class=\"notice notice-error\">"
			     "<strong>RSS Error:</strong> WP HTTP Error: A valid URL was not provided."
			     "</div></div>");
}

/* Dynamic blocks whose output needs site data (queries, comments, the
 * current user, menus): rendered as '' (see docs/rendering.md, Blocks). */
static int render_empty(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	(void)r;
	(void)b;
	(void)in;
	(void)out;
	return PD_OK;
}

static const struct {
	const char *name;
	block_cb cb;
} CALLBACKS[] = {
	{ "core/heading", render_heading },
	{ "core/list", render_list },
	{ "core/image", render_image },
	{ "core/gallery", render_gallery },
	{ "core/rss", render_rss },
	{ "core/post-navigation-link", render_empty },
	{ "core/query-title", render_empty },
	{ "core/site-logo", render_empty },
	{ "core/term-description", render_empty },
};

static block_cb find_callback(const char *name)
{
	block_cb d = blocks_dynamic_callback(name);
	if (d)
		return d;
	for (size_t i = 0; name && i < sizeof CALLBACKS / sizeof *CALLBACKS; i++)
		if (!strcmp(CALLBACKS[i].name, name))
			return CALLBACKS[i].cb;
	return NULL;
}

/* block_core_gallery_data_id_backcompatibility(): inner images with an id
 * and no data-id get data-id = (string) id. */
static int gallery_data_ids(struct block *b)
{
	for (size_t i = 0; i < b->ninner; i++) {
		struct block *c = b->inner[i];
		json_t *id = json_object_get(c->attrs, "id");
		if (!c->name || strcmp(c->name, "core/image") || !id || json_object_get(c->attrs, "data-id"))
			continue;
		char v[32];
		if (json_is_integer(id))
			snprintf(v, sizeof v, "%lld", (long long)json_integer_value(id));
		else if (json_is_string(id))
			snprintf(v, sizeof v, "%s", json_string_value(id));
		else
			continue;
		if (json_object_set_new(c->attrs, "data-id", json_string(v)))
			return PD_ENOMEM;
	}
	return PD_OK;
}

/* wp_render_background_support(): background image styles on the first tag
 * of the blocks with background.backgroundImage support. */
static int background_support(const struct block *b, struct buf *in, struct buf *out)
{
	static const char *const with_bg[] = { "core/accordion", "core/group", "core/post-content", "core/pullquote",
					       "core/quote", "core/verse" };
	const json_t *bg = json_object_get(json_object_get(b->attrs, "style"), "background");
	size_t i;
	for (i = 0; i < sizeof with_bg / sizeof *with_bg; i++)
		if (!strcmp(b->name, with_bg[i]))
			break;
	if (!bg || i == sizeof with_bg / sizeof *with_bg)
		return buf_append(out, buf_str(in), in->len);
	const json_t *img = json_object_get(bg, "backgroundImage");
	const char *size = json_string_value(json_object_get(bg, "backgroundSize"));
	const char *pos = json_string_value(json_object_get(bg, "backgroundPosition"));
	const char *rep = json_string_value(json_object_get(bg, "backgroundRepeat"));
	const char *att = json_string_value(json_object_get(bg, "backgroundAttachment"));
	struct buf css = BUF_INIT;
	const char *u = json_string_value(json_object_get(img, "url"));
	if (!u)
		u = json_string_value(img);
	if (u && *u) {
		if (!size)
			size = "cover";
		if (!strcmp(size, "contain") && !pos)
			pos = "50% 50%";
		struct buf img = BUF_INIT;
		buf_printf(&img, "url('%s')", u);
		block_style_decl(&css, "background-image", buf_str(&img));
		buf_free(&img);
	}
	if (pos && *pos)
		block_style_decl(&css, "background-position", pos);
	if (rep && *rep)
		block_style_decl(&css, "background-repeat", rep);
	if (size && *size)
		block_style_decl(&css, "background-size", size);
	if (att && *att)
		block_style_decl(&css, "background-attachment", att);
	if (!css.len)
		return buf_append(out, buf_str(in), in->len);
	struct tp t;
	int rc = PD_OK;
	tp_init(&t, buf_str(in), in->len);
	if (tp_next_tag(&t)) {
		const struct tp_attr *a = tp_attr_get(&t, "style");
		struct buf v = BUF_INIT;
		if (a && a->has_value && a->value_len) {
			buf_append(&v, t.html + a->value, a->value_len);
			if (v.data[v.len - 1] != ';')
				buf_putc(&v, ';');
		}
		buf_puts(&v, buf_str(&css));
		rc = tp_set_attribute(&t, "style", buf_str(&v));
		if (!rc)
			rc = tp_add_class(&t, "has-background");
		buf_free(&v);
	}
	if (!rc)
		rc = tp_get_updated_html(&t, out);
	tp_free(&t);
	buf_free(&css);
	return rc;
}

/* wp_render_dimensions_support() for the blocks with dimensions.aspectRatio
 * support (core/cover): aspect-ratio and min-height exclude each other. */
static int dimensions_support(const struct block *b, struct buf *in, struct buf *out)
{
	const json_t *dim = json_object_get(json_object_get(b->attrs, "style"), "dimensions");
	const json_t *ar = json_object_get(dim, "aspectRatio");
	struct buf css = BUF_INIT;
	int rc = PD_OK, add_ar_class = 0;
	if (ar && !json_is_null(ar)) {
		if (json_is_string(ar) && json_string_length(ar)) {
			block_style_decl(&css, "aspect-ratio", json_string_value(ar));
			add_ar_class = 1;
		}
		block_style_decl(&css, "min-height", "unset");
	} else if ((json_object_get(dim, "minHeight") && !json_is_null(json_object_get(dim, "minHeight"))) ||
		   (json_object_get(b->attrs, "minHeight") && !json_is_null(json_object_get(b->attrs, "minHeight")))) {
		block_style_decl(&css, "aspect-ratio", "unset");
	}
	if (!css.len)
		return buf_append(out, buf_str(in), in->len);
	struct tp t;
	tp_init(&t, buf_str(in), in->len);
	if (tp_next_tag(&t)) {
		const struct tp_attr *a = tp_attr_get(&t, "style");
		struct buf v = BUF_INIT;
		if (a && a->has_value && a->value_len) {
			/* the attribute value as get_attribute() decodes it (plain here) */
			buf_append(&v, t.html + a->value, a->value_len);
			if (v.data[v.len - 1] != ';')
				buf_putc(&v, ';');
		}
		buf_puts(&v, buf_str(&css));
		rc = tp_set_attribute(&t, "style", buf_str(&v));
		if (!rc && add_ar_class)
			rc = tp_add_class(&t, "has-aspect-ratio");
		buf_free(&v);
	}
	if (!rc)
		rc = tp_get_updated_html(&t, out);
	tp_free(&t);
	buf_free(&css);
	return rc;
}

/* WP_Duotone::render_duotone_support(): the wp-duotone-{slug} class of a
 * block with duotone support and style.color.duotone; 1 when cls is set. */
static int duotone_class(struct block_render *r, const struct block *b, char cls[128])
{
	static const char *const with_duotone[] = { "core/avatar", "core/cover", "core/image",
						    "core/post-author", "core/post-featured-image",
						    "core/site-logo" };
	const json_t *d = json_object_get(json_object_get(json_object_get(b->attrs, "style"), "color"), "duotone");
	size_t i;
	cls[0] = 0;
	for (i = 0; i < sizeof with_duotone / sizeof *with_duotone; i++)
		if (!strcmp(b->name, with_duotone[i]))
			break;
	if (!d || i == sizeof with_duotone / sizeof *with_duotone)
		return 0;
	struct buf key = BUF_INIT;
	const char *v = json_string_value(d);
	if (v && !strncmp(v, "var:preset|duotone|", 19)) {
		snprintf(cls, 128, "wp-duotone-%s", v + 19);
	} else if (v && !strncmp(v, "var(--wp--preset--duotone--", 27)) {
		snprintf(cls, 128, "wp-duotone-%.*s", (int)strcspn(v + 27, ")"), v + 27);
	} else if (v || json_is_array(d)) {
		/* sanitize_key( colors joined by '-' . '-' ) . wp_unique_id() */
		struct buf raw = BUF_INIT;
		if (v)
			buf_puts(&raw, v);
		for (size_t k = 0; !v && k < json_array_size(d); k++)
			buf_printf(&raw, "%s%s", k ? "-" : "", json_string_value(json_array_get(d, k)) ?: "");
		buf_putc(&raw, '-');
		for (const char *p = buf_str(&raw); *p; p++) {
			char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
				buf_putc(&key, c);
		}
		buf_free(&raw);
		snprintf(cls, 128, "wp-duotone-%s%d", buf_str(&key), ++r->ctx->counters[RENDER_COUNTER_UNIQUE_ID]);
	}
	buf_free(&key);
	return 1;
}

/* render_block() / WP_Block::render() for one block, appended to out. */
static int render_one(struct block_render *r, struct block *b, int depth, struct buf *out)
{
	struct buf content = BUF_INIT, tmp = BUF_INIT;
	char elements[64];
	int rc;
	size_t bi = 0;

	if (!b->name) /* freeform HTML is kept verbatim */
		return b->ncontent ? buf_append(out, r->doc + b->content[0].off, b->content[0].len) : PD_OK;
	if (depth > 200)
		return PD_ELIMIT;
	/* render_block_data: the elements class is computed on the block as parsed */
	char variation[96];
	if ((rc = block_support_elements_class(r, b, elements)) ||
	    (rc = block_support_style_variation_class(r, b, variation)))
		return rc;
	if (b->name && !strcmp(b->name, "core/gallery") && (rc = gallery_data_ids(b)))
		return rc;
	/* wp_render_elements_support_styles() appends the class to className,
	 * where get_block_wrapper_attributes() of dynamic blocks picks it up */
	json_t *saved_cn = NULL;
	int cn_changed = 0;
	if (elements[0] && blocks_dynamic_callback(b->name)) {
		const char *cn = json_string_value(json_object_get(b->attrs, "className"));
		/* restored below: post-template renders the same blocks once per post */
		saved_cn = json_incref(json_object_get(b->attrs, "className"));
		cn_changed = 1;
		struct buf v = BUF_INIT;
		if (cn)
			buf_printf(&v, "%s ", cn);
		buf_puts(&v, elements);
		rc = json_object_set_new(b->attrs, "className", json_string(buf_str(&v))) ? PD_ENOMEM : PD_OK;
		buf_free(&v);
	}
	/* block context: the query block's attributes for its inner blocks */
	const struct block *outer_query = r->query, *outer_nav = r->navigation, *outer_social = r->social_links;
	if (!strcmp(b->name, "core/social-links"))
		r->social_links = b;
	if (!strcmp(b->name, "core/query"))
		r->query = b;
	if (!strcmp(b->name, "core/navigation"))
		r->navigation = b;
	/* skip_inner_blocks: these render their inner blocks themselves (once
	 * per post, per comment, or not at all) */
	int skip_inner = !strcmp(b->name, "core/post-template") || !strcmp(b->name, "core/comments") ||
			 !strcmp(b->name, "core/comment-template");
	for (size_t i = 0; i < b->ncontent && !rc && !skip_inner; i++) {
		const struct block_chunk *c = &b->content[i];
		if (!c->is_block)
			rc = buf_append(&content, r->doc + c->off, c->len);
		else if (bi < b->ninner)
			rc = render_one(r, b->inner[bi++], depth + 1, &content);
	}
	if (!rc && skip_inner && !content.data)
		rc = buf_append(&content, "", 0);
	block_cb cb = find_callback(b->name);
	r->depth = depth;
	if (!rc && cb) {
		rc = cb(r, b, &content, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	/* render_block filters, in WordPress's registration order */
	if (!rc && elements[0] && content.len) {
		rc = add_class_to_first(buf_str(&content), content.len, NULL, elements, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	if (!rc && variation[0] && content.len) {
		rc = add_class_to_first(buf_str(&content), content.len, NULL, variation, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	if (!rc) {
		rc = block_support_layout(r, b, buf_str(&content), content.len, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	if (!rc && content.len && !strcmp(b->name, "core/cover")) {
		rc = dimensions_support(b, &content, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	char duotone[128];
	if (!rc && content.len && duotone_class(r, b, duotone) && duotone[0]) {
		rc = add_class_to_first(buf_str(&content), content.len, NULL, duotone, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	if (!rc && content.len) {
		rc = background_support(b, &content, &tmp);
		buf_free(&content);
		content = tmp;
		tmp = (struct buf)BUF_INIT;
	}
	if (!rc)
		rc = buf_append(out, buf_str(&content), content.len);
	r->query = outer_query;
	r->navigation = outer_nav;
	r->social_links = outer_social;
	if (cn_changed) {
		if (saved_cn)
			json_object_set_new(b->attrs, "className", saved_cn);
		else
			json_object_del(b->attrs, "className");
	}
	buf_free(&content);
	buf_free(&tmp);
	return rc;
}

int blocks_render_block(struct block_render *r, struct block *b, struct buf *out)
{
	return render_one(r, b, r->depth + 1, out);
}

int blocks_render_inner(struct block_render *r, struct block *b, struct buf *out)
{
	size_t bi = 0;
	int rc = PD_OK;
	for (size_t i = 0; i < b->ncontent && !rc; i++) {
		const struct block_chunk *c = &b->content[i];
		if (!c->is_block)
			rc = buf_append(out, r->doc + c->off, c->len);
		else if (bi < b->ninner)
			rc = render_one(r, b->inner[bi++], r->depth + 1, out);
	}
	return rc;
}

int blocks_render(struct render_ctx *ctx, const char *raw, struct buf *out)
{
	struct block_doc d;
	struct block_render r = { .ctx = ctx, .doc = raw };
	size_t mark = out->len;
	int rc = block_parse(raw, strlen(raw), &d);
	if (rc)
		return rc;
	for (size_t i = 0; i < d.nblocks && !rc; i++)
		rc = render_one(&r, d.blocks[i], 0, out);
	block_doc_free(&d);
	if (rc && out->data) {
		out->len = mark;
		out->data[mark] = 0;
	}
	return rc;
}
