/* shortcodes_media.c - tests for the [gallery] and [audio] shortcodes of
 * server/render/shortcodes.c and the core/shortcode block (wpautop), through
 * render_content(). Expected: WordPress 6.9.4's content.rendered of post
 * 165 in the import-6.9.4 samples (attachments without metadata). */
#include <stdlib.h>

#include "../test.h"
#include "pressd/err.h"
#include "pressd/render.h"

static int get_attachment(void *ud, long id, struct render_attachment *a)
{
	(void)ud;
	memset(a, 0, sizeof *a);
	a->id = id;
	a->parent = 555;
	a->mime = "image/jpeg";
	a->title = a->content = "";
	if (id == 769) {
		a->guid = "https://wpthemetestdata.files.wordpress.com/2008/06/img_0747.jpg";
		a->file = "2008/06/img_0747.jpg";
		a->alt = "Brazil Beach";
		a->caption = "Jericoacoara Ceara Brasil";
	} else if (id == 767) {
		a->guid = "https://wpthemetestdata.files.wordpress.com/2008/06/windmill.jpg";
		a->file = "2008/06/windmill.jpg";
		a->alt = "Windmill";
		a->caption = "Windmill shrouded in fog at a farm outside of Walker, Iowa";
	} else {
		return PD_ENOTFOUND;
	}
	return PD_OK;
}

static int get_permalink(void *ud, long id, struct buf *out)
{
	(void)ud;
	return buf_puts(out, id == 769 ? "http://HOST/2010/09/10/post-format-gallery/img_0747/"
				       : "http://HOST/2010/09/10/post-format-gallery/dcf-1-0/");
}

static int no_children(void *ud, long parent, const char *mime, long *ids, size_t max, size_t *n)
{
	(void)ud;
	(void)parent;
	(void)mime;
	(void)ids;
	(void)max;
	*n = 0;
	return PD_OK;
}

TEST(shortcodes_gallery_audio_in_shortcode_blocks)
{
	static const struct render_source src = { .attachment = get_attachment, .permalink = get_permalink,
						  .attachment_children = no_children };
	struct render_ctx ctx = { 0 };
	struct buf out = BUF_INIT;
	ctx.home_url = ctx.site_url = "http://HOST";
	ctx.uploads_url = "http://HOST/wp-content/uploads";
	ctx.src = &src;
	ctx.post_id = 165;
	ctx.post_type = "post";
	const char *raw =
		"<!-- wp:paragraph -->\n<p>Gallery shortcode example:</p>\n<!-- /wp:paragraph -->\n\n"
		"<!-- wp:shortcode -->\n[gallery columns=2 ids=\"769,767\"]\n<!-- /wp:shortcode -->\n\n"
		"<!-- wp:paragraph -->\n<p>Audio shortcode example:</p>\n<!-- /wp:paragraph -->\n\n"
		"<!-- wp:shortcode -->\n[audio src=\"https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3\"]\n<!-- /wp:shortcode -->";
	ASSERT_INT_EQ(render_content(&ctx, raw, &out), PD_OK);
	ASSERT_STR_EQ(buf_str(&out),
		"\n<p>Gallery shortcode example:</p>\n\n\n<div id='gallery-1' class='gallery galleryid-165 gallery-columns-2 gallery-size-thumbnail'><figure class='gallery-item'>\n\t\t\t<div class='gallery-icon '>\n\t\t\t\t<a href='http://HOST/2010/09/10/post-format-gallery/img_0747/'><img loading=\"lazy\" decoding=\"async\" width=\"1\" height=\"1\" src=\"http://HOST/wp-content/uploads/2008/06/img_0747.jpg\" class=\"attachment-thumbnail size-thumbnail\" alt=\"Brazil Beach\" aria-describedby=\"gallery-1-769\" /></a>\n\t\t\t</div>\n\t\t\t\t<figcaption class='wp-caption-text gallery-caption' id='gallery-1-769'>\n\t\t\t\tJericoacoara Ceara Brasil\n\t\t\t\t</figcaption></figure><figure class='gallery-item'>\n\t\t\t<div class='gallery-icon '>\n\t\t\t\t<a href='http://HOST/2010/09/10/post-format-gallery/dcf-1-0/'><img loading=\"lazy\" decoding=\"async\" width=\"1\" height=\"1\" src=\"http://HOST/wp-content/uploads/2008/06/windmill.jpg\" class=\"attachment-thumbnail size-thumbnail\" alt=\"Windmill\" aria-describedby=\"gallery-1-767\" /></a>\n\t\t\t</div>\n\t\t\t\t<figcaption class='wp-caption-text gallery-caption' id='gallery-1-767'>\n\t\t\t\tWindmill shrouded in fog at a farm outside of Walker, Iowa\n\t\t\t\t</figcaption></figure>\n\t\t</div>\n\n\n\n\n<p>Audio shortcode example:</p>\n\n\n<audio class=\"wp-audio-shortcode\" id=\"audio-165-1\" preload=\"none\" style=\"width: 100%;\" controls=\"controls\"><source type=\"audio/mpeg\" src=\"https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3?_=1\" /><a href=\"https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3\">https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3</a></audio>\n");
	ASSERT_INT_EQ(ctx.counters[RENDER_COUNTER_GALLERY], 1);
	buf_free(&out);
}
