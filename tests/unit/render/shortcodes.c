/* shortcodes.c - tests for server/render/shortcodes.c; expected values from
 * the 6.9.4 the_content render vectors and rendering-pipeline.md §6. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/err.h"
#include "pressd/shortcodes.h"

static char *sc(const char *in)
{
	struct render_ctx ctx = { 0 };
	struct buf out = BUF_INIT;
	if (shortcodes_do(&ctx, in, &out))
		return NULL;
	return buf_take(&out);
}

#define SC(in, want) do { char *g = sc(in); ASSERT_STR_EQ(g, want); free(g); } while (0)

TEST(shortcodes_caption)
{
	SC("[caption id=\"\" align=\"alignleft\" width=\"200\"]<img src=\"https://example.com/a.jpg\" width=\"200\" height=\"100\" /> Cap[/caption]\n",
	   "<figure style=\"width: 200px\" class=\"wp-caption alignleft\"><img src=\"https://example.com/a.jpg\" width=\"200\" height=\"100\" /><figcaption class=\"wp-caption-text\">Cap</figcaption></figure>\n");
	SC("<p>[caption id=\"attachment_4\" align=\"alignnone\" width=\"300\"]<img src=\"x\" /> Caption text[/caption]</p>",
	   "<p><figure id=\"attachment_4\" aria-describedby=\"caption-attachment-4\" style=\"width: 300px\" class=\"wp-caption alignnone\"><img src=\"x\" /><figcaption id=\"caption-attachment-4\" class=\"wp-caption-text\">Caption text</figcaption></figure></p>");
	/* no caption text: the content only */
	SC("[caption width=\"10\"]<img src=\"x\" />[/caption]", "<img src=\"x\" />");
}

TEST(shortcodes_escape_unknown_embed)
{
	SC("<p>[[escaped]] [unknown_shortcode] [embed]https://example.com/x[/embed]</p>\n",
	   "<p>[[escaped]] [unknown_shortcode] <a href=\"https://example.com/x\">https://example.com/x</a></p>\n");
	SC("[[caption]]", "[caption]");
	SC("no brackets", "no brackets");
}
