/* Tests server/render/smilies.c (convert_smilies). Every expected string is
 * WordPress 6.9.4's own output, produced by tools/wp-render-oracle.php run on a
 * 6.9.4 tree (siteurl http://example.org); do not edit them by hand. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/smilies.h"

/* convert_smilies(in) with siteurl http://example.org, in a static buffer. */
static const char *sm(const char *in)
{
	static char *last;
	struct buf b = BUF_INIT;
	free(last);
	last = render_convert_smilies(in, "http://example.org", &b) == PD_OK ? buf_take(&b) : (buf_free(&b), NULL);
	return last;
}

TEST(smilies_plain)
{
	ASSERT_STR_EQ(sm(""),
		      "");
	ASSERT_STR_EQ(sm("no smileys"),
		      "no smileys");
	ASSERT_STR_EQ(sm(":)"),
		      "\360\237\231\202");
	ASSERT_STR_EQ(sm("hi :)"),
		      "hi \360\237\231\202");
	ASSERT_STR_EQ(sm(":) hi"),
		      "\360\237\231\202 hi");
	ASSERT_STR_EQ(sm("a :) b :( c"),
		      "a \360\237\231\202 b \360\237\231\201 c");
	ASSERT_STR_EQ(sm(";)"),
		      "\360\237\230\211");
	ASSERT_STR_EQ(sm(";-)"),
		      "\360\237\230\211");
	ASSERT_STR_EQ(sm(":-)"),
		      "\360\237\231\202");
	ASSERT_STR_EQ(sm(":D"),
		      "\360\237\230\200");
	ASSERT_STR_EQ(sm(":-D"),
		      "\360\237\230\200");
	ASSERT_STR_EQ(sm(":P"),
		      "\360\237\230\233");
	ASSERT_STR_EQ(sm(":-P"),
		      "\360\237\230\233");
	ASSERT_STR_EQ(sm(":o"),
		      "\360\237\230\256");
	ASSERT_STR_EQ(sm(":x"),
		      "\360\237\230\241");
	ASSERT_STR_EQ(sm(":|"),
		      "\360\237\230\220");
	ASSERT_STR_EQ(sm(":-|"),
		      "\360\237\230\220");
	ASSERT_STR_EQ(sm(":?"),
		      "\360\237\230\225");
	ASSERT_STR_EQ(sm(":-?"),
		      "\360\237\230\225");
	ASSERT_STR_EQ(sm("8O"),
		      "\360\237\230\257");
	ASSERT_STR_EQ(sm("8-O"),
		      "\360\237\230\257");
	ASSERT_STR_EQ(sm("8-)"),
		      "\360\237\230\216");
	ASSERT_STR_EQ(sm(":("),
		      "\360\237\231\201");
	ASSERT_STR_EQ(sm(":-("),
		      "\360\237\231\201");
	ASSERT_STR_EQ(sm(":-x"),
		      "\360\237\230\241");
	ASSERT_STR_EQ(sm(":-o"),
		      "\360\237\230\256");
	ASSERT_STR_EQ(sm(":!:"),
		      "\342\235\227");
	ASSERT_STR_EQ(sm(":?:"),
		      "\342\235\223");
}

TEST(smilies_named)
{
	ASSERT_STR_EQ(sm(":smile:"),
		      "\360\237\231\202");
	ASSERT_STR_EQ(sm(":wink:"),
		      "\360\237\230\211");
	ASSERT_STR_EQ(sm(":twisted:"),
		      "\360\237\230\210");
	ASSERT_STR_EQ(sm(":neutral:"),
		      "\360\237\230\220");
	ASSERT_STR_EQ(sm(":arrow:"),
		      "\342\236\241");
	ASSERT_STR_EQ(sm(":shock:"),
		      "\360\237\230\257");
	ASSERT_STR_EQ(sm(":?\?\?:"),
		      "\360\237\230\225");
	ASSERT_STR_EQ(sm(":cool:"),
		      "\360\237\230\216");
	ASSERT_STR_EQ(sm(":evil:"),
		      "\360\237\221\277");
	ASSERT_STR_EQ(sm(":grin:"),
		      "\360\237\230\200");
	ASSERT_STR_EQ(sm(":idea:"),
		      "\360\237\222\241");
	ASSERT_STR_EQ(sm(":oops:"),
		      "\360\237\230\263");
	ASSERT_STR_EQ(sm(":razz:"),
		      "\360\237\230\233");
	ASSERT_STR_EQ(sm(":roll:"),
		      "\360\237\231\204");
	ASSERT_STR_EQ(sm(":cry:"),
		      "\360\237\230\245");
	ASSERT_STR_EQ(sm(":eek:"),
		      "\360\237\230\256");
	ASSERT_STR_EQ(sm(":lol:"),
		      "\360\237\230\206");
	ASSERT_STR_EQ(sm(":mad:"),
		      "\360\237\230\241");
	ASSERT_STR_EQ(sm(":sad:"),
		      "\360\237\231\201");
}

TEST(smilies_mrgreen_image)
{
	ASSERT_STR_EQ(sm(":mrgreen:"),
		      "<img src=\"http://example.org/wp-includes/images/smilies/mrgreen.png\" alt=\":mrgreen:\" class=\"wp-smiley\" "
		      "style=\"height: 1em; max-height: 1em;\" />");
	ASSERT_STR_EQ(sm("a :mrgreen: b"),
		      "a <img src=\"http://example.org/wp-includes/images/smilies/mrgreen.png\" alt=\":mrgreen:\" "
		      "class=\"wp-smiley\" style=\"height: 1em; max-height: 1em;\" /> b");
}

TEST(smilies_need_spaces)
{
	ASSERT_STR_EQ(sm("a:)"),
		      "a:)");
	ASSERT_STR_EQ(sm(":)b"),
		      ":)b");
	ASSERT_STR_EQ(sm("x:Dy"),
		      "x:Dy");
	ASSERT_STR_EQ(sm("(:))"),
		      "(:))");
	ASSERT_STR_EQ(sm("http://x.com"),
		      "http://x.com");
	ASSERT_STR_EQ(sm("a :)\n"
		      "b"),
		      "a \360\237\231\202\n"
		      "b");
	ASSERT_STR_EQ(sm("a\n"
		      ":)"),
		      "a\n"
		      "\360\237\231\202");
	ASSERT_STR_EQ(sm("a\t:)\tb"),
		      "a\t\360\237\231\202\tb");
	ASSERT_STR_EQ(sm("a\302\240:)\302\240b"),
		      "a\302\240\360\237\231\202\302\240b");
	ASSERT_STR_EQ(sm("a&nbsp;:)&nbsp;b"),
		      "a&nbsp;\360\237\231\202&nbsp;b");
	ASSERT_STR_EQ(sm(":):)"),
		      ":):)");
	ASSERT_STR_EQ(sm(":) :)"),
		      "\360\237\231\202 \360\237\231\202");
	ASSERT_STR_EQ(sm(":-))"),
		      ":-))");
}

TEST(smilies_inside_tags_untouched)
{
	ASSERT_STR_EQ(sm("<a title=\":)\">:)</a>"),
		      "<a title=\":)\">\360\237\231\202</a>");
	ASSERT_STR_EQ(sm("<img alt=\" :) \">"),
		      "<img alt=\" :) \">");
	ASSERT_STR_EQ(sm("<p>:)</p>"),
		      "<p>\360\237\231\202</p>");
	ASSERT_STR_EQ(sm("<b> :) </b>"),
		      "<b> \360\237\231\202 </b>");
	ASSERT_STR_EQ(sm("<p>\n"
		      ":)\n"
		      "</p>"),
		      "<p>\n"
		      "\360\237\231\202\n"
		      "</p>");
}

TEST(smilies_ignored_elements)
{
	ASSERT_STR_EQ(sm("<code>:)</code> :)"),
		      "<code>:)</code> \360\237\231\202");
	ASSERT_STR_EQ(sm("<pre> :) </pre> :)"),
		      "<pre> :) </pre> \360\237\231\202");
	ASSERT_STR_EQ(sm("<style> :) </style>"),
		      "<style> :) </style>");
	ASSERT_STR_EQ(sm("<script> :) </script> :)"),
		      "<script> :) </script> \360\237\231\202");
	ASSERT_STR_EQ(sm("<textarea> :) </textarea> :)"),
		      "<textarea> :) </textarea> \360\237\231\202");
	ASSERT_STR_EQ(sm("<code><b> :) </b></code> :)"),
		      "<code><b> :) </b></code> \360\237\231\202");
	ASSERT_STR_EQ(sm("<CODE> :) </CODE> :)"),
		      "<CODE> \360\237\231\202 </CODE> \360\237\231\202");
	ASSERT_STR_EQ(sm("<code class=\"x\">\n"
		      ":)\n"
		      "</code>\n"
		      ":)"),
		      "<code class=\"x\">\n"
		      ":)\n"
		      "</code>\n"
		      "\360\237\231\202");
	ASSERT_STR_EQ(sm("<pre>unclosed :)"),
		      "<pre>unclosed :)");
	ASSERT_STR_EQ(sm("<codex> :) </codex>"),
		      "<codex> :) </codex>");
}
