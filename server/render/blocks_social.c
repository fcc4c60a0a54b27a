/* blocks_social.c - core/social-link as WordPress 6.9.4 renders it
 * (render_block_core_social_link()) inside core/social-links, whose
 * attributes are its context (openInNewTab, showLabels, icon colors).
 *
 * The services' icons and names are WordPress's data
 * (block_core_social_link_services()); pressd does not copy that file. The
 * table below holds the services whose rendered markup appears in WordPress
 * 6.9.4's own output in ../shared (the goldens and the import samples: the
 * theme unit test data uses "wordpress" and "fivehundredpx"), each icon
 * taken from that output byte for byte. A link to any other service keeps
 * its saved markup (a self-closing block: nothing), as before. */
#include <stdio.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/render.h"
#include "block_tree.h"

#define attr_s block_attr_str
#define attr_b block_attr_bool

/* service, default label, icon: from WordPress 6.9.4's rendered output */
static const struct social_service {
	const char *service, *name, *icon;
} SERVICES[] = {
	{ "fivehundredpx", "500px",
	  "<svg width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M6.94026,15.1412c.00437.01213.108.29862.168.44064a6.55008,6.55008,0,1,0,6.03191-9.09557,6.68654,6.68654,0,0,0-2.58357.51467A8.53914,8.53914,0,0,0,8.21268,8.61344L8.209,8.61725V3.22948l9.0504-.00008c.32934-.0036.32934-.46353.32934-.61466s0-.61091-.33035-.61467L7.47248,2a.43.43,0,0,0-.43131.42692v7.58355c0,.24466.30476.42131.58793.4819.553.11812.68074-.05864.81617-.2457l.018-.02481A10.52673,10.52673,0,0,1,9.32258,9.258a5.35268,5.35268,0,1,1,7.58985,7.54976,5.417,5.417,0,0,1-3.80867,1.56365,5.17483,5.17483,0,0,1-2.69822-.74478l.00342-4.61111a2.79372,2.79372,0,0,1,.71372-1.78792,2.61611,2.61611,0,0,1,1.98282-.89477,2.75683,2.75683,0,0,1,1.95525.79477,2.66867,2.66867,0,0,1,.79656,1.909,2.724,2.724,0,0,1-2.75849,2.748,4.94651,4.94651,0,0,1-.86254-.13719c-.31234-.093-.44519.34058-.48892.48349-.16811.54966.08453.65862.13687.67489a3.75751,3.75751,0,0,0,1.25234.18375,3.94634,3.94634,0,1,0-2.82444-6.742,3.67478,3.67478,0,0,0-1.13028,2.584l-.00041.02323c-.0035.11667-.00579,2.881-.00644,3.78811l-.00407-.00451a6.18521,6.18521,0,0,1-1.0851-1.86092c-.10544-.27856-.34358-.22925-.66857-.12917-.14192.04372-.57386.17677-.47833.489Zm4.65165-1.08338a.51346.51346,0,0,0,.19513.31818l.02276.022a.52945.52945,0,0,0,.3517.18416.24242.24242,0,0,0,.16577-.0611c.05473-.05082.67382-.67812.73287-.738l.69041.68819a.28978.28978,0,0,0,.21437.11032.53239.53239,0,0,0,.35708-.19486c.29792-.30419.14885-.46821.07676-.54751l-.69954-.69975.72952-.73469c.16-.17311.01874-.35708-.12218-.498-.20461-.20461-.402-.25742-.52855-.14083l-.7254.72665-.73354-.73375a.20128.20128,0,0,0-.14179-.05695.54135.54135,0,0,0-.34379.19648c-.22561.22555-.274.38149-.15656.5059l.73374.7315-.72942.73072A.26589.26589,0,0,0,11.59191,14.05782Zm1.59866-9.915A8.86081,8.86081,0,0,0,9.854,4.776a.26169.26169,0,0,0-.16938.22759.92978.92978,0,0,0,.08619.42094c.05682.14524.20779.531.50006.41955a8.40969,8.40969,0,0,1,2.91968-.55484,7.87875,7.87875,0,0,1,3.086.62286,8.61817,8.61817,0,0,1,2.30562,1.49315.2781.2781,0,0,0,.18318.07586c.15529,0,.30425-.15253.43167-.29551.21268-.23861.35873-.4369.1492-.63538a8.50425,8.50425,0,0,0-2.62312-1.694A9.0177,9.0177,0,0,0,13.19058,4.14283ZM19.50945,18.6236h0a.93171.93171,0,0,0-.36642-.25406.26589.26589,0,0,0-.27613.06613l-.06943.06929A7.90606,7.90606,0,0,1,7.60639,18.505a7.57284,7.57284,0,0,1-1.696-2.51537,8.58715,8.58715,0,0,1-.5147-1.77754l-.00871-.04864c-.04939-.25873-.28755-.27684-.62981-.22448-.14234.02178-.5755.088-.53426.39969l.001.00712a9.08807,9.08807,0,0,0,15.406,4.99094c.00193-.00192.04753-.04718.0725-.07436C19.79425,19.16234,19.87422,18.98728,19.50945,18.6236Z\"></path></svg>" },
	{ "wordpress", "WordPress",
	  "<svg width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M12.158,12.786L9.46,20.625c0.806,0.237,1.657,0.366,2.54,0.366c1.047,0,2.051-0.181,2.986-0.51 c-0.024-0.038-0.046-0.079-0.065-0.124L12.158,12.786z M3.009,12c0,3.559,2.068,6.634,5.067,8.092L3.788,8.341 C3.289,9.459,3.009,10.696,3.009,12z M18.069,11.546c0-1.112-0.399-1.881-0.741-2.48c-0.456-0.741-0.883-1.368-0.883-2.109 c0-0.826,0.627-1.596,1.51-1.596c0.04,0,0.078,0.005,0.116,0.007C16.472,3.904,14.34,3.009,12,3.009 c-3.141,0-5.904,1.612-7.512,4.052c0.211,0.007,0.41,0.011,0.579,0.011c0.94,0,2.396-0.114,2.396-0.114 C7.947,6.93,8.004,7.642,7.52,7.699c0,0-0.487,0.057-1.029,0.085l3.274,9.739l1.968-5.901l-1.401-3.838 C9.848,7.756,9.389,7.699,9.389,7.699C8.904,7.67,8.961,6.93,9.446,6.958c0,0,1.484,0.114,2.368,0.114 c0.94,0,2.397-0.114,2.397-0.114c0.485-0.028,0.542,0.684,0.057,0.741c0,0-0.488,0.057-1.029,0.085l3.249,9.665l0.897-2.996 C17.841,13.284,18.069,12.316,18.069,11.546z M19.889,7.686c0.039,0.286,0.06,0.593,0.06,0.924c0,0.912-0.171,1.938-0.684,3.22 l-2.746,7.94c2.673-1.558,4.47-4.454,4.47-7.771C20.991,10.436,20.591,8.967,19.889,7.686z M12,22C6.486,22,2,17.514,2,12 C2,6.486,6.486,2,12,2c5.514,0,10,4.486,10,10C22,17.514,17.514,22,12,22z\"></path></svg>" },
};

/* parse_url( url, PHP_URL_SCHEME ) is set: letters, digits, "+-." then ":" */
static int has_scheme(const char *u)
{
	const char *p = u;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' ||
	       *p == '-' || *p == '.')
		p++;
	return *p == ':' && p[1] && !(p[1] >= '0' && p[1] <= '9' && strspn(p + 1, "0123456789") == strlen(p + 1));
}

/* render_block_core_social_link() */
static int social_link(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	const struct block *ctx = r->social_links; /* its attributes are the context */
	const char *service = attr_s(b, "service", "Icon");
	const char *url = attr_s(b, "url", "");
	const struct social_service *sv = NULL;
	for (size_t i = 0; i < sizeof SERVICES / sizeof *SERVICES; i++)
		if (!strcmp(SERVICES[i].service, service))
			sv = &SERVICES[i];
	if (!sv) /* an icon pressd does not know: the saved markup */
		return buf_append(out, buf_str(in), in->len);
	if (!*url || !strcmp(url, "0"))
		return PD_OK;
	struct buf text = BUF_INIT, cls = BUF_INIT, css = BUF_INIT, w = BUF_INIT, href = BUF_INIT;
	/* trim( label ) or the service's name */
	const char *label = attr_s(b, "label", "");
	size_t ls = strspn(label, " \t\n\r\v"), le = strlen(label);
	while (le > ls && strchr(" \t\n\r\v", label[le - 1]))
		le--;
	if (le > ls && !(le - ls == 1 && label[ls] == '0'))
		buf_append(&text, label + ls, le - ls);
	else
		buf_puts(&text, sv->name);
	if (!has_scheme(url) && strncmp(url, "//", 2) && url[0] != '#')
		buf_puts(&href, "https://");
	buf_puts(&href, url);
	/* block_core_social_link_get_color_classes() / _styles() */
	buf_printf(&cls, "wp-social-link wp-social-link-%s ", service);
	const char *ic = ctx ? attr_s(ctx, "iconColor", NULL) : NULL;
	const char *ibc = ctx ? attr_s(ctx, "iconBackgroundColor", NULL) : NULL;
	if (ic)
		buf_printf(&cls, "has-%s-color", ic);
	if (ibc)
		buf_printf(&cls, "%shas-%s-background-color", ic ? " " : "", ibc);
	const char *icv = ctx ? attr_s(ctx, "iconColorValue", NULL) : NULL;
	const char *ibcv = ctx ? attr_s(ctx, "iconBackgroundColorValue", NULL) : NULL;
	if (icv)
		buf_printf(&css, "color:%s;", icv);
	if (ibcv)
		buf_printf(&css, "background-color:%s;", ibcv);
	int rc = block_wrapper_attrs(b, "{}", buf_str(&cls), buf_str(&css), &w);
	int new_tab = ctx && attr_b(ctx, "openInNewTab", 0), labels = ctx && attr_b(ctx, "showLabels", 0);
	const char *rel = attr_s(b, "rel", "");
	if (!rc)
		rc = buf_printf(out, "<li %s><a ", buf_str(&w));
	/* WP_HTML_Tag_Processor::set_attribute(): new attributes first */
	if (new_tab) {
		struct buf v = BUF_INIT;
		buf_printf(&v, "%s%snoopener nofollow", rel, *rel ? " " : "");
		buf_puts(out, "rel=\"");
		format_esc_attr(buf_str(&v), out);
		buf_puts(out, "\" target=\"_blank\" ");
		buf_free(&v);
	} else if (*rel) {
		buf_puts(out, "rel=\"");
		format_esc_attr(rel, out);
		buf_puts(out, "\" ");
	}
	buf_puts(out, "href=\"");
	format_esc_url(buf_str(&href), out);
	buf_printf(out, "\" class=\"wp-block-social-link-anchor\">%s<span class=\"wp-block-social-link-label%s\">", sv->icon,
		   labels ? "" : " screen-reader-text");
	format_esc_html(buf_str(&text), out);
	if (!rc)
		rc = buf_puts(out, "</span></a></li>");
	buf_free(&text);
	buf_free(&cls);
	buf_free(&css);
	buf_free(&w);
	buf_free(&href);
	return rc;
}

block_cb blocks_social_callback(const char *name)
{
	return name && !strcmp(name, "core/social-link") ? social_link : NULL;
}
