/* sanitize.c - tests for server/sanitize.c; expected values are WordPress
 * 6.9.4's (tools/wp-render-oracle.php: sanitize_title( s, '', 'save' ),
 * sanitize_user( s, strict )). */
#include <stdlib.h>

#include "test.h"
#include "pressd/sanitize.h"

static const char *title(const char *s)
{
	static char out[256];
	char *t = sanitize_title(s);
	snprintf(out, sizeof out, "%s", t ? t : "(null)");
	free(t);
	return out;
}

static const char *user(const char *s, int strict)
{
	static char out[256];
	char *t = sanitize_user(s, strict);
	snprintf(out, sizeof out, "%s", t ? t : "(null)");
	free(t);
	return out;
}

TEST(sanitize_title_strips_tags_like_php)
{
	/* PHP's strip_tags(): "< " is text, "<3" and "<b" open a tag */
	ASSERT_STR_EQ(title("Fish < Chips"), "fish-chips");
	ASSERT_STR_EQ(title("x <3 y"), "x");
	ASSERT_STR_EQ(title("<b>Bold</b> move"), "bold-move");
	ASSERT_STR_EQ(title("a <b"), "a");
	ASSERT_STR_EQ(title("Hello <!-- c --> World"), "hello-world");
}

TEST(sanitize_user_strips_all_tags_like_wordpress)
{
	ASSERT_STR_EQ(user("bob < alice", 0), "bob < alice");
	ASSERT_STR_EQ(user("bob < alice", 1), "bob alice");
	ASSERT_STR_EQ(user("<i>bob</i>", 0), "bob");
	ASSERT_STR_EQ(user("a<b", 0), "a");
}
