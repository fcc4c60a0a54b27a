/* blocks_navigation.c - tests for server/render/blocks_navigation.c and the
 * tag processor's class rewrite. Expected values: WordPress 6.9.4's
 * content.rendered of post 171 (navigation) in golden/6.9.4/posts-read
 * (per_page=100, where one wp_unique_id() was taken before: modal-2). The
 * navigations there refer to a wp_navigation post 4 that does not exist. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/blocks.h"
#include "pressd/err.h"

static char *render(struct render_ctx *ctx, const char *doc)
{
	static const struct render_source src = { 0 };
	struct buf out = BUF_INIT;
	ctx->home_url = ctx->site_url = "http://HOST";
	ctx->src = &src;
	ctx->post_id = 171;
	ctx->post_type = "post";
	return blocks_render(ctx, doc, &out) ? NULL : buf_take(&out);
}

TEST(blocks_navigation_empty_ref)
{
	struct render_ctx ctx = { 0 };
	ctx.counters[RENDER_COUNTER_UNIQUE_ID] = 1;
	char *g = render(&ctx, "<!-- wp:navigation {\"ref\":4} /-->");
	ASSERT_STR_EQ(g, "<nav class=\"is-responsive wp-block-navigation is-layout-flex wp-block-navigation-is-layout-flex\" \n"
	       "\t\t data-wp-interactive=\"core/navigation\" data-wp-context='{\"overlayOpenedBy\":{\"click\":false,\"hover\":false,\"focus\":false},\"type\":\"overlay\",\"roleAttribute\":\"\",\"ariaLabel\":\"Menu\"}'><button aria-haspopup=\"dialog\" aria-label=\"Open menu\" class=\"wp-block-navigation__responsive-container-open\" \n"
	       "\t\t\t\tdata-wp-on--click=\"actions.openMenuOnClick\"\n"
	       "\t\t\t\tdata-wp-on--keydown=\"actions.handleMenuKeydown\"\n"
	       "\t\t\t><svg width=\"24\" height=\"24\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M4 7.5h16v1.5H4z\"></path><path d=\"M4 15h16v1.5H4z\"></path></svg></button>\n"
	       "\t\t\t\t<div class=\"wp-block-navigation__responsive-container\"  id=\"modal-2\" \n"
	       "\t\t\t\tdata-wp-class--has-modal-open=\"state.isMenuOpen\"\n"
	       "\t\t\t\tdata-wp-class--is-menu-open=\"state.isMenuOpen\"\n"
	       "\t\t\t\tdata-wp-watch=\"callbacks.initMenu\"\n"
	       "\t\t\t\tdata-wp-on--keydown=\"actions.handleMenuKeydown\"\n"
	       "\t\t\t\tdata-wp-on--focusout=\"actions.handleMenuFocusout\"\n"
	       "\t\t\t\ttabindex=\"-1\"\n"
	       "\t\t\t>\n"
	       "\t\t\t\t\t<div class=\"wp-block-navigation__responsive-close\" tabindex=\"-1\">\n"
	       "\t\t\t\t\t\t<div class=\"wp-block-navigation__responsive-dialog\" \n"
	       "\t\t\t\tdata-wp-bind--aria-modal=\"state.ariaModal\"\n"
	       "\t\t\t\tdata-wp-bind--aria-label=\"state.ariaLabel\"\n"
	       "\t\t\t\tdata-wp-bind--role=\"state.roleAttribute\"\n"
	       "\t\t\t>\n"
	       "\t\t\t\t\t\t\t<button aria-label=\"Close menu\" class=\"wp-block-navigation__responsive-container-close\" \n"
	       "\t\t\t\tdata-wp-on--click=\"actions.closeMenuOnClick\"\n"
	       "\t\t\t><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"m13.06 12 6.47-6.47-1.06-1.06L12 10.94 5.53 4.47 4.47 5.53 10.94 12l-6.47 6.47 1.06 1.06L12 13.06l6.47 6.47 1.06-1.06L13.06 12Z\"></path></svg></button>\n"
	       "\t\t\t\t\t\t\t<div class=\"wp-block-navigation__responsive-container-content\" \n"
	       "\t\t\t\tdata-wp-watch=\"callbacks.focusFirstElement\"\n"
	       "\t\t\t id=\"modal-2-content\">\n"
	       "\t\t\t\t\t\t\t\t\n"
	       "\t\t\t\t\t\t\t</div>\n"
	       "\t\t\t\t\t\t</div>\n"
	       "\t\t\t\t\t</div>\n"
	       "\t\t\t\t</div></nav>");
	free(g);
	ASSERT_INT_EQ(ctx.counters[RENDER_COUNTER_UNIQUE_ID], 2);
	/* overlayMenu never: no overlay, no unique id */
	g = render(&ctx, "<!-- wp:navigation {\"ref\":4,\"overlayMenu\":\"never\",\"layout\":{\"type\":\"flex\",\"justifyContent\":\"left\",\"orientation\":\"horizontal\"}} /-->");
	ASSERT_STR_EQ(g, "<nav class=\"items-justified-left wp-block-navigation is-horizontal is-content-justification-left is-layout-flex wp-container-core-navigation-is-layout-20be11b6 wp-block-navigation-is-layout-flex\"></nav>");
	free(g);
	ASSERT_INT_EQ(ctx.counters[RENDER_COUNTER_UNIQUE_ID], 2);
	/* the font-size class of the block's own classes and of the typography
	 * support once: the layout support's add_class() rewrites the class
	 * attribute without duplicates */
	g = render(&ctx, "<!-- wp:navigation {\"ref\":4,\"fontSize\":\"small\"} /-->");
	ASSERT(g && !strncmp(g, "<nav class=\"has-small-font-size is-responsive wp-block-navigation is-layout-flex wp-block-navigation-is-layout-flex\" \n", 111));
	ASSERT(strstr(g, "id=\"modal-3\""));
	free(g);
}
