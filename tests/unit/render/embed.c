/* embed.c - tests for server/render/embed.c (WP_Embed::autoembed() without
 * oEmbed). Expected: WordPress 6.9.4 (import-6.9.4 sample of post 1738: a
 * URL on its own line loses its &amp;, which wptexturize later turns into
 * &#038;), and WP_Embed's handlers for audio files. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/embed.h"
#include "pressd/err.h"

static char *autoembed(const char *in)
{
	struct render_ctx ctx = { 0 };
	struct buf out = BUF_INIT;
	if (render_autoembed(&ctx, in, &out))
		return NULL;
	return buf_take(&out);
}

#define EMBED(in, want) do { char *g = autoembed(in); ASSERT_STR_EQ(g, want); free(g); } while (0)

TEST(embed_autoembed)
{
	EMBED("<div class=\"wp-block-embed__wrapper\">\nhttps://www.instagram.com/p/BpmueLLgEn_/?utm_source=ig_share_sheet&amp;igshid=1hcxphic7p9e2\n</div>",
	      "<div class=\"wp-block-embed__wrapper\">\nhttps://www.instagram.com/p/BpmueLLgEn_/?utm_source=ig_share_sheet&igshid=1hcxphic7p9e2\n</div>");
	EMBED("<p>https://example.org/a.mp3</p>", "<p>[audio src=\"https://example.org/a.mp3\" /]</p>");
	EMBED("text https://example.org/?a=1&amp;b=2 text", "text https://example.org/?a=1&amp;b=2 text");
	EMBED("<a\nhref=\"x\">\nhttp://example.org/x&amp;y\n</a>", "<a\nhref=\"x\">\nhttp://example.org/x&y\n</a>");
	EMBED("no urls &amp; here", "no urls &amp; here");
}
