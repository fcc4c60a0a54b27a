/* term_link.c - tests for server/term_link.c: term and author links under
 * the permalink settings. Expected URLs are WordPress 6.9.4's: the comparison
 * site's golden posts (/category/classic/, /tag/sticky-2/, /author/themedemos/)
 * and what get_term_link() / get_author_posts_url() build for the other
 * structures (link-template.php, taxonomy.php). */
#include <stdlib.h>

#include "test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/site.h"
#include "pressd/term_link.h"

static struct site site_with(const char *structure, const char *cat_base, const char *tag_base)
{
	struct site s = { 0 };
	s.home = "http://HOST";
	s.permalink_structure = (char *)structure;
	s.category_base = (char *)cat_base;
	s.tag_base = (char *)tag_base;
	return s;
}

/* A top-level term's link (no parent: the store is not read). */
static char *tlink(const struct site *s, long id, const char *tax, const char *slug)
{
	struct buf b = BUF_INIT;
	if (term_link(NULL, s, id, tax, slug, 0, &b) != PD_OK)
		return NULL;
	return buf_take(&b);
}

TEST(term_link_comparison_site)
{
	struct site s = site_with("/%category%/%postname%/", "", "");
	char *g = tlink(&s, 192, "category", "classic");
	ASSERT_STR_EQ(g, "http://HOST/category/classic/");
	free(g);
	g = tlink(&s, 45997922, "post_tag", "sticky-2");
	ASSERT_STR_EQ(g, "http://HOST/tag/sticky-2/");
	free(g);
	g = tlink(&s, 161107801, "post_format", "post-format-aside");
	ASSERT_STR_EQ(g, "http://HOST/type/aside/");
	free(g);
}

TEST(term_link_front_and_bases)
{
	/* The structure's front is kept unless a base is set (with_front). */
	struct site s = site_with("/blog/%year%/%postname%", "", "");
	char *g = tlink(&s, 2, "category", "news");
	ASSERT_STR_EQ(g, "http://HOST/blog/category/news");
	free(g);
	s = site_with("/%postname%/", "/topics/", "keywords");
	g = tlink(&s, 2, "category", "news");
	ASSERT_STR_EQ(g, "http://HOST/topics/news/");
	free(g);
	g = tlink(&s, 4, "post_tag", "alpha");
	ASSERT_STR_EQ(g, "http://HOST/keywords/alpha/");
	free(g);
}

TEST(term_link_plain)
{
	struct site s = site_with("", "", "");
	char *g = tlink(&s, 2, "category", "news");
	ASSERT_STR_EQ(g, "http://HOST/?cat=2");
	free(g);
	g = tlink(&s, 4, "post_tag", "alpha");
	ASSERT_STR_EQ(g, "http://HOST/?tag=alpha");
	free(g);
}

TEST(author_link_structures)
{
	struct buf b = BUF_INIT;
	struct site s = site_with("/%category%/%postname%/", "", "");
	ASSERT_INT_EQ(author_link(&s, 6, "themedemos", &b), PD_OK);
	ASSERT_STR_EQ(buf_str(&b), "http://HOST/author/themedemos/");
	buf_reset(&b);
	s = site_with("", "", "");
	ASSERT_INT_EQ(author_link(&s, 6, "themedemos", &b), PD_OK);
	ASSERT_STR_EQ(buf_str(&b), "http://HOST/?author=6");
	buf_free(&b);
}
