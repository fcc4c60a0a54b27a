/* Tests for server/permalink.c: get_permalink(), get_sample_permalink(),
 * get_term_link() and get_author_posts_url() under the permalink structures
 * WordPress offers. Expected links are those of the comparison site's
 * goldens (/%category%/%postname%/, WordPress 6.9.4's import samples of
 * pages) and of WordPress's link-template.php. */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/permalink.h"
#include "pressd/site.h"

static struct site make_site(const char *structure)
{
	struct site s;
	memset(&s, 0, sizeof s);
	s.home = "http://127.0.0.1:8069";
	s.siteurl = s.home;
	s.permalink_structure = (char *)structure;
	s.category_base = "";
	s.tag_base = "";
	s.show_on_front = "posts";
	return s;
}

static const char *plink(const struct site *s, const struct permalink_post *p,
			const struct permalink_parts *parts, int leavename, struct buf *b)
{
	buf_reset(b);
	if (permalink_build(s, p, parts, leavename, b))
		return "(error)";
	return buf_str(b);
}

TEST(permalink_category_postname)
{
	struct site s = make_site("/%category%/%postname%/");
	struct permalink_post p = { 1241, "post", "publish", "template-sticky", "2012-01-07 07:07:21", 0, 0, 0, 0 };
	struct permalink_parts parts = { "uncategorized", NULL, NULL, NULL };
	struct buf b = BUF_INIT;
	/* GET /wp-json/wp/v2/posts/1241: link and Link header. */
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/uncategorized/template-sticky/");
	/* context=edit permalink_template. */
	ASSERT_STR_EQ(plink(&s, &p, &parts, 1, &b), "http://127.0.0.1:8069/uncategorized/%postname%/");
	/* Nested categories: parent path first. */
	parts.category = "parent/child";
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/parent/child/template-sticky/");
	buf_free(&b);
}

TEST(permalink_unpublished_plain)
{
	struct site s = make_site("/%category%/%postname%/");
	struct permalink_parts parts = { "reference", NULL, NULL, NULL };
	struct buf b = BUF_INIT;
	/* posts?status=draft @admin: 30005 and 1164 link with ?p=. */
	struct permalink_post draft = { 30005, "post", "draft", "", "2024-03-04 11:00:00", 0, 0, 0, 0 };
	ASSERT_STR_EQ(plink(&s, &draft, &parts, 0, &b), "http://127.0.0.1:8069/?p=30005");
	struct permalink_post future = { 1153, "post", "future", "scheduled", "2030-01-01 10:00:00", 0, 0, 0, 0 };
	ASSERT_STR_EQ(plink(&s, &future, &parts, 0, &b), "http://127.0.0.1:8069/?p=1153");
	/* A private post: plain unless the user may read it. */
	struct permalink_post priv = { 30003, "post", "private", "private-post", "2024-03-01 10:00:00", 0, 0, 0, 0 };
	ASSERT_STR_EQ(plink(&s, &priv, &parts, 0, &b), "http://127.0.0.1:8069/?p=30003");
	priv.readable_private = 1;
	ASSERT_STR_EQ(plink(&s, &priv, &parts, 0, &b), "http://127.0.0.1:8069/reference/private-post/");
	/* get_sample_permalink() treats a draft as published. */
	draft.sample = 1;
	draft.status = "publish";
	ASSERT_STR_EQ(plink(&s, &draft, &parts, 1, &b), "http://127.0.0.1:8069/reference/%postname%/");
	buf_free(&b);
}

TEST(permalink_plain_and_dates)
{
	struct permalink_post p = { 1241, "post", "publish", "template-sticky", "2012-01-07 07:07:21", 0, 0, 0, 0 };
	struct permalink_parts parts = { NULL, NULL, NULL, NULL };
	struct buf b = BUF_INIT;
	struct site s = make_site("");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/?p=1241");
	s = make_site("/%year%/%monthnum%/%day%/%postname%/");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/2012/01/07/template-sticky/");
	s = make_site("/archives/%post_id%");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/archives/1241");
	s = make_site("/%postname%/");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/template-sticky/");
	buf_free(&b);
}

TEST(permalink_pages)
{
	struct site s = make_site("/%category%/%postname%/");
	struct permalink_post p = { 30002, "page", "publish", "child", "2024-03-01 10:00:00", 0, 0, 0, 0 };
	struct permalink_parts parts = { NULL, NULL, "parent/child", NULL };
	struct buf b = BUF_INIT;
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/parent/child/");
	p.status = "draft";
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/?page_id=30002");
	p.status = "publish";
	s.show_on_front = "page";
	s.page_on_front = 30002;
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/");
	s = make_site("");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/?page_id=30002");
	buf_free(&b);
}

TEST(permalink_attachments)
{
	struct site s = make_site("/%category%/%postname%/");
	struct permalink_post p = { 17699, "attachment", "publish", "hair-1761_image_1", "2026-01-01 10:00:00", 0, 0, 0, 0 };
	struct permalink_parts parts = { NULL, NULL, NULL, "http://127.0.0.1:8069/new/autoimmune-related-balding/" };
	struct buf b = BUF_INIT;
	/* %category% in the structure: the explicit attachment/ marker. */
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b),
		      "http://127.0.0.1:8069/new/autoimmune-related-balding/attachment/hair-1761_image_1/");
	s = make_site("/%postname%/");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b),
		      "http://127.0.0.1:8069/new/autoimmune-related-balding/hair-1761_image_1/");
	/* No parent: at the root. */
	parts.parent_link = NULL;
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/hair-1761_image_1/");
	/* A parent with a plain link: ?attachment_id=. */
	parts.parent_link = "http://127.0.0.1:8069/?p=5";
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/?attachment_id=17699");
	s = make_site("");
	ASSERT_STR_EQ(plink(&s, &p, &parts, 0, &b), "http://127.0.0.1:8069/?attachment_id=17699");
	buf_free(&b);
}

/* ---- with a store: parents, pages, attachments and terms ---- */

#include <stdlib.h>
#include <unistd.h>
#include "pressd/store.h"

static struct store *fixture_store(char *path)
{
	struct store *st = NULL;
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	close(fd);
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, NULL))
		return NULL;
	/* Categories 9001 reference > 9002 reference-child, tag 9003 fixture (reference-statuses.xml);
	 * pages 30001 > 30002; post 30007 in reference-child; attachment 40 of 30007. */
	store_exec(st,
		"INSERT INTO wp_terms (term_id, name, slug) VALUES (1, 'Uncategorized', 'uncategorized'),"
		" (9001, 'Reference', 'reference'), (9002, 'Reference child', 'reference-child'), (9003, 'fixture', 'fixture');"
		"INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy, parent) VALUES (1, 1, 'category', 0),"
		" (9001, 9001, 'category', 0), (9002, 9002, 'category', 9001), (9003, 9003, 'post_tag', 0);"
		"INSERT INTO wp_posts (ID, post_type, post_status, post_name, post_date, post_parent) VALUES"
		" (30001, 'page', 'publish', 'reference-page', '2024-03-01 10:00:00', 0),"
		" (30002, 'page', 'publish', 'child-page', '2024-03-01 10:00:00', 30001),"
		" (30007, 'post', 'publish', 'reference-post', '2024-03-05 11:00:00', 0),"
		" (30008, 'post', 'publish', 'no-category', '2024-03-05 11:00:00', 0),"
		" (40, 'attachment', 'inherit', 'photo', '2024-03-05 11:00:00', 30007),"
		" (41, 'attachment', 'inherit', 'loose', '2024-03-05 11:00:00', 0);"
		"INSERT INTO wp_term_relationships (object_id, term_taxonomy_id) VALUES (30007, 9002), (30007, 9003);");
	return st;
}

TEST(permalink_from_store)
{
	char path[] = "/tmp/pressd-permalink-XXXXXX";
	struct store *st = fixture_store(path);
	ASSERT(st != NULL);
	struct site s = make_site("/%category%/%postname%/");
	s.default_category = 1;
	struct buf b = BUF_INIT;
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 30007, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/reference/reference-child/reference-post/");
	/* No category: the default category's slug. */
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 30008, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/uncategorized/no-category/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 30002, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/reference-page/child-page/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 40, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/reference/reference-child/reference-post/attachment/photo/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 41, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/loose/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 999, 0, &b), PD_ENOTFOUND);
	/* Term links: parents in the path; category_base and tag_base. */
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_term(st, &s, 9002, "category", &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/category/reference/reference-child/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_term(st, &s, 9003, "post_tag", &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/tag/fixture/");
	s.category_base = "topics";
	s.tag_base = "keywords";
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_term(st, &s, 9001, "category", &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/topics/reference/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_term(st, &s, 9003, "post_tag", &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/keywords/fixture/");
	s = make_site("");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_term(st, &s, 9002, "category", &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?cat=9002");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_term(st, &s, 9003, "post_tag", &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?tag=fixture");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 40, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?attachment_id=40");
	buf_free(&b);
	store_close(st);
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
}

/* ---- terms and authors (get_term_link(), get_author_posts_url()) ----
 * The comparison site's golden posts (/category/classic/, /tag/sticky-2/,
 * /author/themedemos/) and what WordPress builds for other structures. */

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
	if (permalink_term_link(NULL, s, id, tax, slug, 0, &b) != PD_OK)
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
	ASSERT_INT_EQ(permalink_author(&s, 6, "themedemos", &b), PD_OK);
	ASSERT_STR_EQ(buf_str(&b), "http://HOST/author/themedemos/");
	buf_reset(&b);
	s = site_with("", "", "");
	ASSERT_INT_EQ(permalink_author(&s, 6, "themedemos", &b), PD_OK);
	ASSERT_STR_EQ(buf_str(&b), "http://HOST/?author=6");
	buf_free(&b);
}
