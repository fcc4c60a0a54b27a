/* Tests server/render/chars.c (convert_chars, capital_P_dangit). Every
 * expected string is WordPress 6.9.4's own output, produced by
 * tools/wp-render-oracle.php run on a 6.9.4 tree; do not edit them by hand. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/buf.h"
#include "pressd/chars.h"
#include "pressd/err.h"

static char *last;

static const char *keep(struct buf *b, int rc)
{
	free(last);
	last = rc == PD_OK ? buf_take(b) : (buf_free(b), NULL);
	return last;
}

/* convert_chars(in) */
static const char *cc(const char *in)
{
	struct buf b = BUF_INIT;
	return keep(&b, render_convert_chars(in, &b));
}

/* capital_P_dangit(in) outside the_title (content mode) */
static const char *dangit(const char *in)
{
	struct buf b = BUF_INIT;
	return keep(&b, render_capital_P_dangit(in, 0, &b));
}

TEST(chars_convert_ampersands)
{
	ASSERT_STR_EQ(cc(""),
		      "");
	ASSERT_STR_EQ(cc("no amp"),
		      "no amp");
	ASSERT_STR_EQ(cc("&"),
		      "&");
	ASSERT_STR_EQ(cc("a & b"),
		      "a &#038; b");
	ASSERT_STR_EQ(cc("AT&T"),
		      "AT&#038;T");
	ASSERT_STR_EQ(cc("&amp;"),
		      "&amp;");
	ASSERT_STR_EQ(cc("&AMP;"),
		      "&AMP;");
	ASSERT_STR_EQ(cc("&copy;"),
		      "&copy;");
	ASSERT_STR_EQ(cc("&nbsp;"),
		      "&nbsp;");
	ASSERT_STR_EQ(cc("&#038;"),
		      "&#038;");
	ASSERT_STR_EQ(cc("&#x26;"),
		      "&#x26;");
	ASSERT_STR_EQ(cc("&#"),
		      "&#");
	ASSERT_STR_EQ(cc("&#;"),
		      "&#;");
	ASSERT_STR_EQ(cc("&foo;"),
		      "&foo;");
	ASSERT_STR_EQ(cc("&verylongname;"),
		      "&#038;verylongname;");
	ASSERT_STR_EQ(cc("&a1;"),
		      "&a1;");
	ASSERT_STR_EQ(cc("&a5;"),
		      "&#038;a5;");
	ASSERT_STR_EQ(cc("&&"),
		      "&#038;&");
	ASSERT_STR_EQ(cc("&&amp;"),
		      "&&amp;");
	ASSERT_STR_EQ(cc("a&b&c"),
		      "a&#038;b&#038;c");
	ASSERT_STR_EQ(cc("&;"),
		      "&#038;;");
	ASSERT_STR_EQ(cc("& ;"),
		      "&#038; ;");
	ASSERT_STR_EQ(cc("x&"),
		      "x&");
	ASSERT_STR_EQ(cc("&hellip; & &mdash;"),
		      "&hellip; &#038; &mdash;");
	ASSERT_STR_EQ(cc("Q&A: &#8217;"),
		      "Q&#038;A: &#8217;");
	ASSERT_STR_EQ(cc("<a href=\"?a=1&b=2\">x</a>"),
		      "<a href=\"?a=1&#038;b=2\">x</a>");
	ASSERT_STR_EQ(cc("&amp&amp;"),
		      "&#038;amp&amp;");
	ASSERT_STR_EQ(cc("AT&Tx;"),
		      "AT&Tx;");
}

TEST(chars_convert_leaves_other_text)
{
	ASSERT_STR_EQ(cc("<p>text</p>"),
		      "<p>text</p>");
	ASSERT_STR_EQ(cc("caf\303\251 & cr\303\250me"),
		      "caf\303\251 &#038; cr\303\250me");
	ASSERT_STR_EQ(cc("\342\200\234q\342\200\235"),
		      "\342\200\234q\342\200\235");
	ASSERT_STR_EQ(cc("a\n"
		      "b&c"),
		      "a\n"
		      "b&#038;c");
}

TEST(chars_capital_P_dangit_content)
{
	ASSERT_STR_EQ(dangit(""),
		      "");
	ASSERT_STR_EQ(dangit("Wordpress"),
		      "Wordpress");
	ASSERT_STR_EQ(dangit(" Wordpress"),
		      " WordPress");
	ASSERT_STR_EQ(dangit("I love Wordpress!"),
		      "I love WordPress!");
	ASSERT_STR_EQ(dangit(">Wordpress<"),
		      ">WordPress<");
	ASSERT_STR_EQ(dangit("(Wordpress)"),
		      "(WordPress)");
	ASSERT_STR_EQ(dangit("&#8216;Wordpress&#8217;"),
		      "&#8216;WordPress&#8217;");
	ASSERT_STR_EQ(dangit("&#8220;Wordpress&#8221;"),
		      "&#8220;WordPress&#8221;");
	ASSERT_STR_EQ(dangit("aWordpress"),
		      "aWordpress");
	ASSERT_STR_EQ(dangit("wordpress"),
		      "wordpress");
	ASSERT_STR_EQ(dangit("WORDPRESS"),
		      "WORDPRESS");
	ASSERT_STR_EQ(dangit("WordPress"),
		      "WordPress");
	ASSERT_STR_EQ(dangit("Wordpress Wordpress"),
		      "Wordpress WordPress");
	ASSERT_STR_EQ(dangit("x\n"
		      "Wordpress"),
		      "x\n"
		      "Wordpress");
	ASSERT_STR_EQ(dangit("x\tWordpress"),
		      "x\tWordpress");
	ASSERT_STR_EQ(dangit("\"Wordpress\""),
		      "\"Wordpress\"");
	ASSERT_STR_EQ(dangit("http://wordpress.org/Wordpress"),
		      "http://wordpress.org/Wordpress");
	ASSERT_STR_EQ(dangit("<a>Wordpress</a> and Wordpress.com"),
		      "<a>WordPress</a> and WordPress.com");
}
