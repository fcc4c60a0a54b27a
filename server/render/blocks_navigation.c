/* blocks_navigation.c - core/navigation as WordPress 6.9.4 renders it
 * (WP_Navigation_Block_Renderer) in a REST request: the block's own inner
 * blocks, or, with no inner blocks or a `ref` to a post that is not
 * published, the fallback (a page list, which is also what
 * WP_Navigation_Fallback creates on a site without menus); the responsive
 * overlay with its wp_unique_id() modal id; the submenu directives.
 *
 * Not here: wp_navigation posts (pressd does not import them: a `ref` to a
 * published post renders an empty navigation), classic menus, navigation
 * link/submenu blocks (rendered by their saved markup), and the page list's
 * navigation colors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/render.h"
#include "block_tree.h"

#define attr(b, k) json_object_get((b)->attrs, k)
#define attr_s block_attr_str
#define attr_b block_attr_bool

/* block.json "supports" of core/navigation (6.9.4): colors and font-size
 * classes are its own (get_classes()), text decoration is not serialized. */
static const char SUP_NAVIGATION[] =
	"{\"align\":[\"wide\",\"full\"],\"typography\":{\"fontSize\":true,\"lineHeight\":true,"
	"\"__experimentalFontStyle\":true,\"__experimentalFontWeight\":true,\"__experimentalTextTransform\":true,"
	"\"__experimentalFontFamily\":true,\"__experimentalLetterSpacing\":true,\"__experimentalTextDecoration\":true,"
	"\"__experimentalSkipSerialization\":[\"textDecoration\"]},\"spacing\":{\"blockGap\":true}}";

static const char OPEN_ICON[] =
	"<svg width=\"24\" height=\"24\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" "
	"focusable=\"false\"><path d=\"M4 7.5h16v1.5H4z\"></path><path d=\"M4 15h16v1.5H4z\"></path></svg>";
static const char MENU_ICON[] =
	"<svg width=\"24\" height=\"24\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M5 5v1.5h14V5H5z\">"
	"</path><path d=\"M5 12.8h14v-1.5H5v1.5z\"></path><path d=\"M5 19h14v-1.5H5V19z\"></path></svg>";
static const char CLOSE_ICON[] =
	"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" "
	"focusable=\"false\"><path d=\"m13.06 12 6.47-6.47-1.06-1.06L12 10.94 5.53 4.47 4.47 5.53 10.94 12l-6.47 6.47 1.06 "
	"1.06L12 13.06l6.47 6.47 1.06-1.06L13.06 12Z\"></path></svg>";

/* the Interactivity API directives of get_responsive_container_markup() */
static const char DIR_OPEN[] = "\n\t\t\t\tdata-wp-on--click=\"actions.openMenuOnClick\"\n"
			       "\t\t\t\tdata-wp-on--keydown=\"actions.handleMenuKeydown\"\n\t\t\t";
static const char DIR_CONTAINER[] = "\n\t\t\t\tdata-wp-class--has-modal-open=\"state.isMenuOpen\"\n"
				    "\t\t\t\tdata-wp-class--is-menu-open=\"state.isMenuOpen\"\n"
				    "\t\t\t\tdata-wp-watch=\"callbacks.initMenu\"\n"
				    "\t\t\t\tdata-wp-on--keydown=\"actions.handleMenuKeydown\"\n"
				    "\t\t\t\tdata-wp-on--focusout=\"actions.handleMenuFocusout\"\n"
				    "\t\t\t\ttabindex=\"-1\"\n\t\t\t";
static const char DIR_DIALOG[] = "\n\t\t\t\tdata-wp-bind--aria-modal=\"state.ariaModal\"\n"
				 "\t\t\t\tdata-wp-bind--aria-label=\"state.ariaLabel\"\n"
				 "\t\t\t\tdata-wp-bind--role=\"state.roleAttribute\"\n\t\t\t";
static const char DIR_CLOSE[] = "\n\t\t\t\tdata-wp-on--click=\"actions.closeMenuOnClick\"\n\t\t\t";
static const char DIR_CONTENT[] = "\n\t\t\t\tdata-wp-watch=\"callbacks.focusFirstElement\"\n\t\t\t";

/* block_core_navigation_build_css_colors(): classes (overlay: the overlay's)
 * and inline styles. */
static void css_colors(const struct block *b, int overlay, struct buf *cls, struct buf *css)
{
	const char *named_text = attr_s(b, overlay ? "overlayTextColor" : "textColor", NULL);
	const char *custom_text = attr_s(b, overlay ? "customOverlayTextColor" : "customTextColor", NULL);
	const char *named_bg = attr_s(b, overlay ? "overlayBackgroundColor" : "backgroundColor", NULL);
	const char *custom_bg = attr_s(b, overlay ? "customOverlayBackgroundColor" : "customBackgroundColor", NULL);
	if (!overlay && !named_text && !custom_text)
		custom_text = attr_s(b, "rgbTextColor", NULL);
	if (!overlay && !named_bg && !custom_bg)
		custom_bg = attr_s(b, "rgbBackgroundColor", NULL);
	if (named_text || custom_text)
		buf_printf(cls, "%shas-text-color", cls->len ? " " : "");
	if (named_text)
		buf_printf(cls, " has-%s-color", named_text);
	else if (custom_text)
		buf_printf(css, "color: %s;", custom_text);
	if (named_bg || custom_bg)
		buf_printf(cls, "%shas-background", cls->len ? " " : "");
	if (named_bg)
		buf_printf(cls, " has-%s-background-color", named_bg);
	else if (custom_bg)
		buf_printf(css, "background-color: %s;", custom_bg);
}

static int is_responsive(const struct block *b)
{
	return strcmp(attr_s(b, "overlayMenu", "mobile"), "never") || attr_b(b, "isResponsive", 0);
}

/* get_classes() and get_styles() */
static void classes_and_styles(const struct block *b, struct buf *cls, struct buf *css)
{
	static const char *const just[][2] = { { "left", "items-justified-left" }, { "right", "items-justified-right" },
					       { "center", "items-justified-center" },
					       { "space-between", "items-justified-space-between" } };
	buf_puts(css, attr_s(b, "styles", ""));
	css_colors(b, 0, cls, css);
	const char *fs = attr_s(b, "fontSize", NULL);
	const json_t *cfs = attr(b, "customFontSize");
	if (fs)
		buf_printf(cls, "%shas-%s-font-size", cls->len ? " " : "", fs);
	else if (json_is_number(cfs))
		buf_printf(css, "font-size: %gpx;", json_number_value(cfs));
	if (is_responsive(b))
		buf_printf(cls, "%sis-responsive", cls->len ? " " : "");
	const json_t *layout = attr(b, "layout");
	struct buf lc = BUF_INIT;
	const char *jc = json_string_value(json_object_get(layout, "justifyContent"));
	for (size_t i = 0; jc && i < sizeof just / sizeof *just; i++)
		if (!strcmp(jc, just[i][0]))
			buf_puts(&lc, just[i][1]);
	const char *o = json_string_value(json_object_get(layout, "orientation"));
	if (o && !strcmp(o, "vertical"))
		buf_puts(&lc, " is-vertical");
	const char *fw = json_string_value(json_object_get(layout, "flexWrap"));
	if (fw && !strcmp(fw, "nowrap"))
		buf_puts(&lc, " no-wrap");
	if (lc.len)
		buf_printf(cls, "%s%s", cls->len ? " " : "", buf_str(&lc));
	buf_free(&lc);
	const char *td = json_string_value(json_object_get(json_object_get(attr(b, "style"), "typography"), "textDecoration"));
	if (td && *td)
		buf_printf(cls, "%shas-text-decoration-%s", cls->len ? " " : "", td);
}

static int contains_navigation(struct block **blocks, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((blocks[i]->name && !strcmp(blocks[i]->name, "core/navigation")) ||
		    contains_navigation(blocks[i]->inner, blocks[i]->ninner))
			return 1;
	return 0;
}

/* has_submenus(): a request-wide static once true (a page list with child
 * pages, or a navigation submenu). */
static int has_submenus(struct block_render *r, struct block **blocks, size_t n)
{
	const struct render_source *s = r->ctx->src;
	int *flag = &r->ctx->counters[RENDER_COUNTER_NAV_HAS_SUBMENUS];
	for (size_t i = 0; i < n && !*flag; i++) {
		const char *name = blocks[i]->name ? blocks[i]->name : "";
		if (!strcmp(name, "core/page-list") && s && s->pages) {
			size_t np = 0;
			long *ids = calloc(4096, sizeof *ids), *parents = calloc(4096, sizeof *parents);
			if (ids && parents && s->pages(s->ud, ids, parents, 4096, &np) == PD_OK)
				for (size_t k = 0; k < np && !*flag; k++)
					*flag = parents[k] != 0;
			free(ids);
			free(parents);
		}
		if (!strcmp(name, "core/navigation-submenu"))
			*flag = 1;
	}
	return *flag;
}

/* WP_HTML_Tag_Processor::next_tag( 'LI' ): is there an <li> tag? */
static int has_li(const char *html)
{
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<'))
		if ((p[1] == 'l' || p[1] == 'L') && (p[2] == 'i' || p[2] == 'I') &&
		    (p[3] == '>' || p[3] == ' ' || p[3] == '/' || p[3] == '\t' || p[3] == '\n' || p[3] == '\r' || p[3] == '\f'))
			return 1;
	return 0;
}

/* get_inner_blocks_html() */
static int inner_blocks_html(struct block_render *r, struct block *b, struct block **blocks, size_t n,
			     const char *nav_cls, const char *nav_css, struct buf *out)
{
	struct buf cls = BUF_INIT, attrs = BUF_INIT;
	buf_printf(&cls, "wp-block-navigation__container %s", nav_cls);
	int rc = block_wrapper_attrs(b, SUP_NAVIGATION, buf_str(&cls), nav_css, &attrs);
	int open = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		struct buf m = BUF_INIT;
		const char *name = blocks[i]->name ? blocks[i]->name : "";
		rc = blocks_render_block(r, blocks[i], &m);
		if (!rc && m.len && (!strcmp(name, "core/site-title") || !strcmp(name, "core/site-logo") ||
				     !strcmp(name, "core/social-links"))) {
			struct buf w = BUF_INIT;
			buf_printf(&w, "<li class=\"wp-block-navigation-item\">%s</li>", buf_str(&m));
			buf_free(&m);
			m = w;
		}
		int li = has_li(buf_str(&m));
		if (li && !open) {
			open = 1;
			buf_printf(out, "<ul %s>", buf_str(&attrs));
		}
		if (!li && open) {
			open = 0;
			buf_puts(out, "</ul>");
		}
		buf_append(out, buf_str(&m), m.len);
		buf_free(&m);
	}
	if (!rc && open)
		rc = buf_puts(out, "</ul>");
	buf_free(&cls);
	buf_free(&attrs);
	return rc;
}

/* WP_Navigation_Block_Renderer::render() */
static int navigation(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct block **blocks = b->inner;
	size_t n = b->ninner;
	struct block_doc fb = { 0 };
	int fallback = !n, rc = PD_OK;
	(void)in;
	const json_t *ref = attr(b, "navigationMenuId") ? attr(b, "navigationMenuId") : attr(b, "ref");
	if (ref) {
		/* get_inner_blocks_from_navigation_post(): a missing post gives an
		 * empty block list (no fallback), one not published gives null */
		struct render_post p;
		long id = json_is_integer(ref) ? (long)json_integer_value(ref) : atol(json_string_value(ref) ?: "0");
		n = 0;
		fallback = s && s->post && s->post(s->ud, id, &p) == PD_OK && strcmp(p.status ? p.status : "", "publish");
	}
	static const char FALLBACK[] = "<!-- wp:page-list /-->";
	const char *doc = r->doc;
	if (fallback) {
		if ((rc = block_parse(FALLBACK, sizeof FALLBACK - 1, &fb)))
			return rc;
		blocks = fb.blocks;
		n = fb.nblocks;
		r->doc = FALLBACK;
	}
	if (contains_navigation(blocks, n))
		goto out;
	int responsive = is_responsive(b);
	int submenus = has_submenus(r, blocks, n);
	int interactive = (submenus && (attr_b(b, "openSubmenusOnClick", 0) || attr_b(b, "showSubmenuIcon", 1))) || responsive;
	struct buf cls = BUF_INIT, css = BUF_INIT, w = BUF_INIT, html = BUF_INIT;
	classes_and_styles(b, &cls, &css);
	rc = block_wrapper_attrs(b, SUP_NAVIGATION, buf_str(&cls), buf_str(&css), &w);
	const char *label = attr_s(b, "ariaLabel", "");
	if (!rc && *label) {
		buf_puts(&w, " aria-label=\"");
		format_esc_attr(label, &w);
		buf_putc(&w, '"');
	}
	if (!rc && responsive)
		buf_puts(&w, interactive ? " \n\t\t data-wp-interactive=\"core/navigation\" data-wp-context='{\"overlayOpenedBy\":"
					   "{\"click\":false,\"hover\":false,\"focus\":false},\"type\":\"overlay\",\"roleAttribute\":\"\","
					   "\"ariaLabel\":\"Menu\"}'" : " ");
	const struct block *outer_nav = r->navigation;
	int outer_interactive = r->nav_interactive;
	r->navigation = b;
	r->nav_interactive = submenus && interactive;
	if (!rc)
		rc = inner_blocks_html(r, b, blocks, n, buf_str(&cls), buf_str(&css), &html);
	r->navigation = outer_nav;
	r->nav_interactive = outer_interactive;
	if (!rc)
		rc = buf_printf(out, "<nav %s>", buf_str(&w));
	if (!rc && responsive) {
		/* get_responsive_container_markup() */
		int id = ++r->ctx->counters[RENDER_COUNTER_UNIQUE_ID];
		int hidden = !strcmp(attr_s(b, "overlayMenu", "mobile"), "always");
		int icon = attr_b(b, "hasIcon", 1);
		struct buf ocls = BUF_INIT, ocss = BUF_INIT, container = BUF_INIT, ostyle = BUF_INIT;
		css_colors(b, 1, &ocls, &ocss);
		buf_printf(&container, "wp-block-navigation__responsive-container%s%s%s", hidden ? " hidden-by-default" : "",
			   ocls.len ? " " : "", buf_str(&ocls));
		if (ocss.len) {
			buf_puts(&ostyle, "style=\"");
			format_esc_attr(buf_str(&ocss), &ostyle);
			buf_putc(&ostyle, '"');
		}
		const char *toggle = !icon ? "Menu" : !strcmp(attr_s(b, "icon", "handle"), "menu") ? MENU_ICON : OPEN_ICON;
		buf_printf(out, "<button aria-haspopup=\"dialog\" %s class=\"wp-block-navigation__responsive-container-open%s\" %s>%s</button>\n"
				"\t\t\t\t<div class=\"%s\" %s id=\"modal-%d\" %s>\n"
				"\t\t\t\t\t<div class=\"wp-block-navigation__responsive-close\" tabindex=\"-1\">\n"
				"\t\t\t\t\t\t<div class=\"wp-block-navigation__responsive-dialog\" %s>\n"
				"\t\t\t\t\t\t\t<button %s class=\"wp-block-navigation__responsive-container-close\" %s>%s</button>\n"
				"\t\t\t\t\t\t\t<div class=\"wp-block-navigation__responsive-container-content\" %s id=\"modal-%d-content\">\n"
				"\t\t\t\t\t\t\t\t%s\n"
				"\t\t\t\t\t\t\t</div>\n"
				"\t\t\t\t\t\t</div>\n"
				"\t\t\t\t\t</div>\n"
				"\t\t\t\t</div>",
			   icon ? "aria-label=\"Open menu\"" : "", hidden ? " always-shown" : "", interactive ? DIR_OPEN : "",
			   toggle, buf_str(&container), buf_str(&ostyle), id, interactive ? DIR_CONTAINER : "",
			   interactive ? DIR_DIALOG : "", icon ? "aria-label=\"Close menu\"" : "",
			   interactive ? DIR_CLOSE : "", icon ? CLOSE_ICON : "Close", interactive ? DIR_CONTENT : "", id,
			   buf_str(&html));
		buf_free(&ocls);
		buf_free(&ocss);
		buf_free(&container);
		buf_free(&ostyle);
	} else if (!rc) {
		buf_append(out, buf_str(&html), html.len);
	}
	if (!rc)
		rc = buf_puts(out, "</nav>");
	buf_free(&cls);
	buf_free(&css);
	buf_free(&w);
	buf_free(&html);
out:
	r->doc = doc;
	if (fallback)
		block_doc_free(&fb);
	return rc;
}

block_cb blocks_navigation_callback(const char *name)
{
	return name && !strcmp(name, "core/navigation") ? navigation : NULL;
}
