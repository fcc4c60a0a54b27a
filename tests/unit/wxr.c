/* Tests of server/wxr.c: namespaces, CDATA, file order, malformed input. */
#include <stdlib.h>

#include "pressd/err.h"
#include "pressd/wxr.h"
#include "test.h"

#define HEAD(ns) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                      \
	"<rss version=\"2.0\" xmlns:excerpt=\"" ns "excerpt/\" "                       \
	"xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "                   \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"" ns "\">\n<channel>\n"

static struct wxr *parse(const char *xml, char **err)
{
	struct wxr *w = NULL;
	if (wxr_parse_memory(xml, strlen(xml), &w, err) != PD_OK)
		return NULL;
	return w;
}

TEST(wxr_https_namespace_items_and_cdata)
{
	const char *xml = HEAD("https://wordpress.org/export/1.2/")
		"<wp:wxr_version>1.2</wp:wxr_version>\n"
		"<wp:base_site_url>https://example.com/</wp:base_site_url>\n"
		"<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[>bob]]></wp:author_login>"
		"<wp:author_email>bob@example.com</wp:author_email></wp:author>\n"
		"<item><title>A &amp; B</title><dc:creator><![CDATA[bob]]></dc:creator>"
		"<content:encoded><![CDATA[<p>one]]]]><![CDATA[>two</p>]]></content:encoded>"
		"<excerpt:encoded><![CDATA[ex]]></excerpt:encoded>"
		"<wp:post_id>12</wp:post_id><wp:post_date><![CDATA[2020-01-02 03:04:05]]></wp:post_date>"
		"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>1</wp:is_sticky>"
		"<wp:post_parent/>"
		"<category domain=\"category\" nicename=\"news\"><![CDATA[News]]></category>"
		"<category>no nicename</category>"
		"<wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value><![CDATA[a:0:{}]]></wp:meta_value></wp:postmeta>"
		"<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author_IP>1.2.3.4</wp:comment_author_IP>"
		"<wp:commentmeta><wp:meta_key>m</wp:meta_key><wp:meta_value>v</wp:meta_value></wp:commentmeta>"
		"</wp:comment></item>\n</channel></rss>\n";
	char *err = NULL;
	struct wxr *w = parse(xml, &err);
	ASSERT(err == NULL);
	ASSERT(w != NULL);
	ASSERT_STR_EQ(w->version, "1.2");
	ASSERT_STR_EQ(w->base_site_url, "https://example.com/");
	ASSERT_INT_EQ(w->nauthors, 1);
	ASSERT_INT_EQ(w->authors[0].id, 7);
	ASSERT_STR_EQ(w->authors[0].login, ">bob");
	ASSERT_STR_EQ(w->authors[0].display_name, "");
	ASSERT_INT_EQ(w->nitems, 1);
	const struct wxr_item *it = &w->items[0];
	ASSERT_STR_EQ(it->title, "A & B");
	ASSERT_STR_EQ(it->content, "<p>one]]>two</p>");
	ASSERT_STR_EQ(it->excerpt, "ex");
	ASSERT_STR_EQ(it->creator, "bob");
	ASSERT_INT_EQ(it->post_id, 12);
	ASSERT_INT_EQ(it->is_sticky, 1);
	ASSERT_STR_EQ(it->post_modified, "");
	ASSERT_INT_EQ(it->nterms, 1);
	ASSERT_STR_EQ(it->terms[0].domain, "category");
	ASSERT_STR_EQ(it->terms[0].slug, "news");
	ASSERT_STR_EQ(it->terms[0].name, "News");
	ASSERT_INT_EQ(it->nmeta, 1);
	ASSERT_STR_EQ(it->meta[0].value, "a:0:{}");
	ASSERT_INT_EQ(it->ncomments, 1);
	ASSERT_INT_EQ(it->comments[0].id, 5);
	ASSERT_STR_EQ(it->comments[0].author_ip, "1.2.3.4");
	ASSERT_STR_EQ(it->comments[0].type, "");
	ASSERT_INT_EQ(it->comments[0].nmeta, 1);
	ASSERT_STR_EQ(it->comments[0].meta[0].key, "m");
	wxr_free(w);
}

TEST(wxr_http_namespace_1_0_terms_parents_first)
{
	const char *xml = HEAD("http://wordpress.org/export/1.0/")
		"<wp:wxr_version>1.0</wp:wxr_version>\n"
		"<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug>t</wp:tag_slug><wp:tag_name>T</wp:tag_name></wp:tag>\n"
		"<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>child</wp:category_nicename>"
		"<wp:category_parent>parent</wp:category_parent><wp:cat_name>Child</wp:cat_name></wp:category>\n"
		"<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>parent</wp:category_nicename>"
		"<wp:category_parent/><wp:cat_name>Parent</wp:cat_name>"
		"<wp:termmeta><wp:meta_key>color</wp:meta_key><wp:meta_value>red</wp:meta_value></wp:termmeta></wp:category>\n"
		"<wp:term><wp:term_id>4</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy>"
		"<wp:term_slug>menu</wp:term_slug><wp:term_name>Menu</wp:term_name></wp:term>\n"
		"</channel></rss>\n";
	char *err = NULL;
	struct wxr *w = parse(xml, &err);
	ASSERT(err == NULL);
	ASSERT(w != NULL);
	ASSERT_INT_EQ(w->nterms, 4);
	/* categories (parents first), then tags, then other terms */
	ASSERT_STR_EQ(w->terms[0].slug, "parent");
	ASSERT_INT_EQ(w->terms[0].nmeta, 1);
	ASSERT_STR_EQ(w->terms[0].meta[0].value, "red");
	ASSERT_STR_EQ(w->terms[1].slug, "child");
	ASSERT_STR_EQ(w->terms[1].parent, "parent");
	ASSERT_STR_EQ(w->terms[2].taxonomy, "post_tag");
	ASSERT_STR_EQ(w->terms[3].taxonomy, "nav_menu");
	ASSERT_STR_EQ(w->terms[3].name, "Menu");
	wxr_free(w);
}

TEST(wxr_malformed_xml_names_the_line)
{
	const char *xml = HEAD("https://wordpress.org/export/1.2/")
		"<wp:wxr_version>1.2</wp:wxr_version>\n"
		"<item><title>x</title>\n"
		"</channel></rss>\n";
	char *err = NULL;
	struct wxr *w = NULL;
	ASSERT_INT_EQ(wxr_parse_memory(xml, strlen(xml), &w, &err), PD_EINVAL);
	ASSERT(w == NULL);
	ASSERT(err != NULL);
	/* </channel> on line 6 closes <item> of line 5 */
	ASSERT_STR_EQ(err, "line 6: Opening and ending tag mismatch: item line 5 and channel");
	free(err);
}

TEST(wxr_rejects_non_wxr_and_doctype)
{
	char *err = NULL;
	struct wxr *w = NULL;
	const char *rss = "<rss><channel><title>x</title></channel></rss>";
	ASSERT_INT_EQ(wxr_parse_memory(rss, strlen(rss), &w, &err), PD_EINVAL);
	ASSERT(strstr(err, "WXR version") != NULL);
	free(err);
	const char *dt = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x \"y\">]>\n<rss/>";
	ASSERT_INT_EQ(wxr_parse_memory(dt, strlen(dt), &w, &err), PD_EINVAL);
	ASSERT(strstr(err, "DOCTYPE") != NULL);
	free(err);
	ASSERT_INT_EQ(wxr_parse_file("/nonexistent/x.xml", &w, &err), PD_EIO);
	free(err);
}

TEST(wxr_real_files)
{
	const char *shared = test_shared_dir();
	char path[512];
	char *err = NULL;
	struct wxr *w = NULL;
	if (!shared)
		SKIP("../shared is missing");
	snprintf(path, sizeof path, "%s/data/themeunittestdata.wordpress.xml", shared);
	ASSERT_INT_EQ(wxr_parse_file(path, &w, &err), PD_OK);
	/* 37 attachments + 21 pages + 58 posts + 70 menu items (SITE.md §4) */
	ASSERT_INT_EQ(w->nitems, 186);
	ASSERT_INT_EQ(w->nauthors, 2);
	ASSERT_STR_EQ(w->authors[1].login, "themereviewteam");
	wxr_free(w);
	snprintf(path, sizeof path, "%s/data/64-block-test-data.xml", shared);
	ASSERT_INT_EQ(wxr_parse_file(path, &w, &err), PD_OK);
	ASSERT_INT_EQ(w->nitems, 72);
	wxr_free(w);
}
