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

/* The database file and its WAL files. */
static void remove_store(const char *path)
{
	char f[64];
	unlink(path);
	snprintf(f, sizeof f, "%s-wal", path);
	unlink(f);
	snprintf(f, sizeof f, "%s-shm", path);
	unlink(f);
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
	remove_store(path);
}

/* Pages of the comparison site (WordPress 6.9.4's import samples pages/172,
 * pages/1813 and the goldens of pages/<id>?context=edit): links follow the
 * parents' slugs; get_sample_permalink() puts the parents' path, urldecode()d,
 * before %pagename%. */
TEST(permalink_page_hierarchy)
{
	char path[] = "/tmp/pressd-permalink-XXXXXX";
	struct store *st = fixture_store(path);
	ASSERT(st != NULL);
	store_exec(st,
		"INSERT INTO wp_posts (ID, post_type, post_status, post_name, post_date, post_parent) VALUES"
		" (174, 'page', 'publish', 'level-1', '2007-12-11 16:25:40', 0),"
		" (173, 'page', 'publish', 'level-2', '2007-12-11 16:23:33', 174),"
		" (172, 'page', 'publish', 'level-3', '2007-12-11 16:23:16', 173),"
		" (1809, 'page', 'publish', 'greek', '2014-09-12 19:47:13', 0),"
		" (1811, 'page', 'publish', '%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2', '2014-09-12 19:47:34', 1809),"
		" (1813, 'page', 'publish', '%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-3', '2014-09-12 19:47:58', 1811);");
	struct site s = make_site("/%category%/%postname%/");
	struct buf b = BUF_INIT;
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 172, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/level-1/level-2/level-3/");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 1813, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/greek/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2/"
				   "%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-3/");
	/* permalink_template (context=edit). */
	struct permalink_post p172 = { 172, "page", "publish", "level-3", "2007-12-11 16:23:16", 0, 0, 2, 173 };
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_sample(st, &s, NULL, &p172, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/level-1/level-2/%pagename%/");
	struct permalink_post p1813 = { 1813, "page", "publish", "%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-3",
					"2014-09-12 19:47:58", 0, 0, 2, 1811 };
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_sample(st, &s, NULL, &p1813, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/greek/\xce\xb5\xcf\x80\xce\xaf\xcf\x80\xce\xb5\xce\xb4\xce\xbf-2/%pagename%/");
	/* A top-level page: %pagename% alone. */
	struct permalink_post p174 = { 174, "page", "publish", "level-1", "2007-12-11 16:25:40", 0, 0, 2, 0 };
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_sample(st, &s, NULL, &p174, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/%pagename%/");
	/* The private child page 30002 of the goldens: pretty for readers of it
	 * (pages/30002 @admin), ?page_id= for others; its sample as if readable. */
	struct permalink_post priv = { 30002, "page", "private", "child-page", "2024-03-01 10:05:00", 0, 0, 2, 30001 };
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post_row(st, &s, NULL, &priv, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?page_id=30002");
	/* A draft page: plain link, but a pretty sample under its parent. */
	struct permalink_post draft = { 30002, "page", "draft", "child-page", "2024-03-01 10:05:00", 0, 0, 2, 30001 };
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post_row(st, &s, NULL, &draft, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?page_id=30002");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_sample(st, &s, NULL, &draft, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/reference-page/%pagename%/");
	/* Plain permalinks: page_id, and the sample is the plain link too. */
	s = make_site("");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_post(st, &s, NULL, 172, 0, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?page_id=172");
	buf_reset(&b);
	ASSERT_INT_EQ(permalink_sample(st, &s, NULL, &p172, &b), 0);
	ASSERT_STR_EQ(buf_str(&b), "http://127.0.0.1:8069/?page_id=172");
	buf_free(&b);
	store_close(st);
	remove_store(path);
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

/* Top-level terms (no parent: the store is not read). */
TEST(term_links)
{
	static const struct {
		const char *structure, *cat_base, *tag_base;
		long id;
		const char *tax, *slug, *want;
	} cases[] = {
		/* The comparison site's goldens. */
		{ "/%category%/%postname%/", "", "", 192, "category", "classic", "http://HOST/category/classic/" },
		{ "/%category%/%postname%/", "", "", 45997922, "post_tag", "sticky-2", "http://HOST/tag/sticky-2/" },
		{ "/%category%/%postname%/", "", "", 161107801, "post_format", "post-format-aside",
		  "http://HOST/type/aside/" },
		/* The structure's front is kept unless a base is set (with_front). */
		{ "/blog/%year%/%postname%", "", "", 2, "category", "news", "http://HOST/blog/category/news" },
		{ "/%postname%/", "/topics/", "keywords", 2, "category", "news", "http://HOST/topics/news/" },
		{ "/%postname%/", "/topics/", "keywords", 4, "post_tag", "alpha", "http://HOST/keywords/alpha/" },
		/* Plain permalinks. */
		{ "", "", "", 2, "category", "news", "http://HOST/?cat=2" },
		{ "", "", "", 4, "post_tag", "alpha", "http://HOST/?tag=alpha" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct site s = site_with(cases[i].structure, cases[i].cat_base, cases[i].tag_base);
		struct buf b = BUF_INIT;
		ASSERT_INT_EQ(permalink_term_link(NULL, &s, cases[i].id, cases[i].tax, cases[i].slug, 0, &b), PD_OK);
		ASSERT_STR_EQ(buf_str(&b), cases[i].want);
		buf_free(&b);
	}
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
