/* users.c - tests for server/users.c's Gravatar URLs; expected values are
 * WordPress 6.9.4's avatar_urls (../shared/spec/samples/6.9.4/user1.txt,
 * comments.txt and the golden posts?_embed). */
#include <stdlib.h>

#include "test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/users.h"

static char *gravatar(const char *email, int size, const char *def, const char *rating)
{
	struct buf b = BUF_INIT;
	if (users_gravatar_url(email, size, def, rating, &b) != PD_OK)
		return NULL;
	return buf_take(&b);
}

TEST(gravatar_admin_sample)
{
	/* samples/6.9.4/user1.txt: admin@example.com, options mystery / G. */
	char *g = gravatar("admin@example.com", 24, "mystery", "G");
	ASSERT_STR_EQ(g, "https://secure.gravatar.com/avatar/"
		      "258d8dc916db8cea2cafb6c3cd0cb0246efe061421dbd83ec3a350428cabda4f?s=24&d=mm&r=g");
	free(g);
}

TEST(gravatar_trims_and_lowercases)
{
	/* samples/6.9.4/comments.txt: the default commenter wapuu@wordpress.example. */
	char *g = gravatar("  Wapuu@WordPress.example \n", 96, "mystery", "G");
	ASSERT_STR_EQ(g, "https://secure.gravatar.com/avatar/"
		      "8e1606e6fba450a9362af43874c1b2dfad34c782e33d0a51e1b46c18a2a567dd?s=96&d=mm&r=g");
	free(g);
}

TEST(gravatar_empty_email_and_options)
{
	char *g = gravatar("", 48, "mystery", "G");
	ASSERT_STR_EQ(g, "https://secure.gravatar.com/avatar/?s=48&d=mm&r=g");
	free(g);
	g = gravatar("", 48, "gravatar_default", "");
	ASSERT_STR_EQ(g, "https://secure.gravatar.com/avatar/?s=48");
	free(g);
	g = gravatar("", 24, "identicon", "PG");
	ASSERT_STR_EQ(g, "https://secure.gravatar.com/avatar/?s=24&d=identicon&r=pg");
	free(g);
}
