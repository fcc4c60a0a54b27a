/* Tests render_title() (server/render/pipeline.c: the_title filters over
 * texturize.c and chars.c). Every expected string is WordPress 6.9.4's own
 * apply_filters('the_title') output, produced by tools/wp-render-oracle.php run
 * on a 6.9.4 tree; do not edit them by hand, re-run the oracle. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/render.h"

/* render_title(in) for a post without password, in a static buffer. */
static const char *title(const char *in)
{
	static char *last;
	struct render_ctx ctx = { .home_url = "http://example.org", .site_url = "http://example.org",
				  .post_type = "post", .use_smilies = 1 };
	struct buf b = BUF_INIT;
	free(last);
	last = render_title(&ctx, in, 0, &b) == PD_OK ? buf_take(&b) : (buf_free(&b), NULL);
	return last;
}

TEST(title_plain)
{
	ASSERT_STR_EQ(title(""),
		      "");
	ASSERT_STR_EQ(title("Hello world!"),
		      "Hello world!");
	ASSERT_STR_EQ(title("Hello"),
		      "Hello");
	ASSERT_STR_EQ(title("   padded   "),
		      "padded");
	ASSERT_STR_EQ(title("\n"
		      "\tnewlines\n"),
		      "newlines");
	ASSERT_STR_EQ(title("Title with :) smiley"),
		      "Title with :) smiley");
	ASSERT_STR_EQ(title("Multiple   inner   spaces"),
		      "Multiple   inner   spaces");
}

TEST(title_ampersands_and_entities)
{
	ASSERT_STR_EQ(title("Fish & Chips"),
		      "Fish &#038; Chips");
	ASSERT_STR_EQ(title("AT&T"),
		      "AT&#038;T");
	ASSERT_STR_EQ(title("Q&A"),
		      "Q&#038;A");
	ASSERT_STR_EQ(title("&amp;"),
		      "&amp;");
	ASSERT_STR_EQ(title("&copy; 2026"),
		      "&copy; 2026");
	ASSERT_STR_EQ(title("&#8217;"),
		      "&#8217;");
	ASSERT_STR_EQ(title("&#x2019;"),
		      "&#x2019;");
	ASSERT_STR_EQ(title("&hellip; and &"),
		      "&hellip; and &#038;");
	ASSERT_STR_EQ(title("Tom &amp; Jerry"),
		      "Tom &amp; Jerry");
	ASSERT_STR_EQ(title("&nbsp;lead"),
		      "&nbsp;lead");
	ASSERT_STR_EQ(title("&bogus;"),
		      "&bogus;");
	ASSERT_STR_EQ(title("&#;"),
		      "&#038;#;");
	ASSERT_STR_EQ(title("a&&b"),
		      "a&#038;&#038;b");
	ASSERT_STR_EQ(title("R&D;"),
		      "R&#038;D;");
}

TEST(title_texturize)
{
	ASSERT_STR_EQ(title("\"Quoted\" title"),
		      "&#8220;Quoted&#8221; title");
	ASSERT_STR_EQ(title("It's a title"),
		      "It&#8217;s a title");
	ASSERT_STR_EQ(title("Dashes -- and --- more"),
		      "Dashes &#8212; and &#8212; more");
	ASSERT_STR_EQ(title("Wait..."),
		      "Wait&#8230;");
	ASSERT_STR_EQ(title("Brand (tm)"),
		      "Brand &#8482;");
	ASSERT_STR_EQ(title("1920x1080 wallpapers"),
		      "1920&#215;1080 wallpapers");
	ASSERT_STR_EQ(title("The '90s"),
		      "The &#8217;90s");
	ASSERT_STR_EQ(title("5'10\" tall"),
		      "5&#8217;10&#8221; tall");
	ASSERT_STR_EQ(title("'Single'"),
		      "&#8216;Single&#8217;");
	ASSERT_STR_EQ(title("Title with <em>\"markup\"</em>"),
		      "Title with <em>&#8220;markup&#8221;</em>");
	ASSERT_STR_EQ(title("<code>\"raw\"</code> code"),
		      "<code>\"raw\"</code> code");
	ASSERT_STR_EQ(title("[caption]\"sc\"[/caption] title"),
		      "[caption]&#8220;sc&#8221;[/caption] title");
	ASSERT_STR_EQ(title("\"Tom & Jerry\""),
		      "&#8220;Tom &#038; Jerry&#8221;");
}

TEST(title_capital_P_dangit)
{
	ASSERT_STR_EQ(title("Wordpress"),
		      "WordPress");
	ASSERT_STR_EQ(title("About Wordpress"),
		      "About WordPress");
	ASSERT_STR_EQ(title("Wordpress.com and wordpress"),
		      "WordPress.com and wordpress");
	ASSERT_STR_EQ(title("xWordpress"),
		      "xWordPress");
	ASSERT_STR_EQ(title("\"Wordpress\""),
		      "&#8220;WordPress&#8221;");
	ASSERT_STR_EQ(title("MyWordpressSite"),
		      "MyWordPressSite");
}

TEST(title_html_kept)
{
	ASSERT_STR_EQ(title("<b>Bold</b> title"),
		      "<b>Bold</b> title");
	ASSERT_STR_EQ(title("Title <script>alert(1)</script>"),
		      "Title <script>alert(1)</script>");
	ASSERT_STR_EQ(title("a < b > c"),
		      "a < b > c");
	ASSERT_STR_EQ(title("Title with <br> break"),
		      "Title with <br> break");
	ASSERT_STR_EQ(title("<!-- c --> title"),
		      "<!-- c --> title");
}
