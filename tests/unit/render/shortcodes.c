/* shortcodes.c - tests for server/render/shortcodes.c; expected values from
 * the 6.9.4 the_content render vectors and rendering-pipeline.md §6. */
#include <stdlib.h>
#include <time.h>

#include "../test.h"
#include "pressd/err.h"
#include "pressd/render.h"
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

/* WP_Embed::shortcode(): no URL gives '', the src attribute stands in for an
 * empty content ("0" is empty too); expected values from WordPress 6.9.4 via
 * tools/wp-render-oracle.php embed_shortcode. */
TEST(shortcodes_embed_empty_and_src)
{
	SC("a[embed][/embed]b", "ab");
	SC("[embed]", "");
	SC("[embed]0[/embed]", "");
	SC("[embed src=\"\"][/embed]", "");
	SC("[embed src=\"https://e.com/s\"]https://e.com/c[/embed]", "<a href=\"https://e.com/c\">https://e.com/c</a>");
	SC("[embed src=\"https://e.com/x?a=1&amp;b=2\"][/embed]",
	   "<a href=\"https://e.com/x?a=1&#038;b=2\">https://e.com/x?a=1&amp;b=2</a>");
}

/* render_content() of `unit` repeated to about n bytes: the output, and the
 * seconds it took in *secs. */
static char *content_of_repeats(const char *unit, size_t n, double *secs)
{
	size_t ul = strlen(unit), len = 0;
	char *in = malloc(n + 1);
	struct render_ctx ctx = { .home_url = "http://HOST", .site_url = "http://HOST", .post_type = "post" };
	struct buf out = BUF_INIT;
	struct timespec t0, t1;
	if (!in)
		return NULL;
	for (; len + ul <= n; len += ul)
		memcpy(in + len, unit, ul);
	in[len] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = render_content(&ctx, in, &out);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	free(in);
	if (rc) {
		buf_free(&out);
		return NULL;
	}
	return buf_take(&out);
}

/* Many shortcodes without a closing tag (or without ']') took O(n^2) when
 * PCRE looked for one after each: 128 KB of "[embed]" took 13 s. Small
 * versions: WordPress 6.9.4's the_content (tools/wp-render-oracle.php). */
TEST(shortcodes_many_unclosed_in_linear_time)
{
	static const char *const units[] = { "[caption]", "[gallery]", "[embed]", "<p>[caption]", "[caption ", "[[gallery]" };
	double secs;
	char *g = content_of_repeats("[caption]", 27, &secs);
	ASSERT_STR_EQ(g, "<p></p>\n");
	free(g);
	g = content_of_repeats("<p>[caption]", 36, &secs);
	ASSERT_STR_EQ(g, "\n\n\n");
	free(g);
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		g = content_of_repeats(units[i], 256 * 1024, &secs);
		ASSERT(g != NULL);
		if (i < 2) /* unclosed [caption] and [gallery] (no attachments) render nothing */
			ASSERT_STR_EQ(g, "<p></p>\n");
		free(g);
		if (secs >= 2.0)
			test_fail_str(__FILE__, __LINE__, "256 KB of", units[i], "rendered in under 2 s");
		ASSERT(secs < 2.0);
	}
}
