/* Tests of server/import.c and server/site_admin.c: SITE.md §4's rules on small
 * WXR snippets, and the comparison site built from the real files (SITE.md §4-5). */
#include <stdlib.h>
#include <unistd.h>

#include "pressd/err.h"
#include "pressd/import.h"
#include "pressd/site_admin.h"
#include "pressd/store.h"
#include "pressd/wxr.h"
#include "test.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                \
	"<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "     \
	"xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "                        \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n" \
	"<channel><wp:wxr_version>1.2</wp:wxr_version>\n"
#define TAIL "</channel></rss>\n"
#define ITEM(id, type, status, name, extra) "<item><title>T" #id "</title><dc:creator>admin</dc:creator>" \
	"<guid>https://example.com/?p=" #id "</guid><content:encoded><![CDATA[<p>c</p>]]></content:encoded>" \
	"<wp:post_id>" #id "</wp:post_id><wp:post_date>2020-01-01 10:00:00</wp:post_date>"              \
	"<wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>" \
	"<wp:ping_status>open</wp:ping_status><wp:post_name>" name "</wp:post_name><wp:status>" status   \
	"</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>" type "</wp:post_type>" extra "</item>\n"

static char db_path[64];

/* A fresh store with site_install() done; removed by close_site(). */
static struct store *new_site(void)
{
	struct store *st = NULL;
	snprintf(db_path, sizeof db_path, "/tmp/pressd-import-test-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return NULL;
	close(fd);
	if (store_open(db_path, STORE_CREATE, &st, NULL) != PD_OK)
		return NULL;
	store_option_set(st, SITE_OPTION_USER_REGISTERED, "2026-01-01 08:00:00");
	if (site_install(st, "Test", "admin", "admin@example.org", "http://127.0.0.1:1") != PD_OK) {
		store_close(st);
		return NULL;
	}
	return st;
}

static void close_site(struct store *st)
{
	char p[80];
	store_close(st);
	unlink(db_path);
	snprintf(p, sizeof p, "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db_path);
	unlink(p);
}

static int import_str(struct store *st, const char *xml, struct import_stats *s)
{
	struct wxr *w = NULL;
	char *err = NULL;
	int rc = wxr_parse_memory(xml, strlen(xml), &w, &err);
	if (rc == PD_OK)
		rc = import_wxr(st, w, NULL, s, &err);
	if (rc != PD_OK)
		fprintf(stderr, "  import: %s\n", err ? err : "?");
	free(err);
	wxr_free(w);
	return rc;
}

static long q_long(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long v = -1;
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static char q_buf[4096];
static const char *q_str(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	snprintf(q_buf, sizeof q_buf, "(no row)");
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		snprintf(q_buf, sizeof q_buf, "%s", sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : "(null)");
	sqlite3_finalize(s);
	return q_buf;
}

/* Every row of the tables an import writes, as one number to compare. */
static long rows(struct store *st)
{
	return q_long(st, "SELECT (SELECT COUNT(*) FROM wp_posts) + (SELECT COUNT(*) FROM wp_postmeta) + "
			  "(SELECT COUNT(*) FROM wp_terms) + (SELECT COUNT(*) FROM wp_term_taxonomy) + "
			  "(SELECT COUNT(*) FROM wp_term_relationships) + (SELECT COUNT(*) FROM wp_termmeta) + "
			  "(SELECT COUNT(*) FROM wp_users) + (SELECT COUNT(*) FROM wp_usermeta) + "
			  "(SELECT COUNT(*) FROM wp_comments) + (SELECT COUNT(*) FROM wp_commentmeta) + "
			  "(SELECT COUNT(*) FROM wp_options)");
}

TEST(site_install_and_user_add_as_wordpress)
{
	struct store *st = new_site();
	long id = 0;
	ASSERT(st != NULL);
	ASSERT_STR_EQ(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'sticky_posts'"), "a:0:{}");
	ASSERT_STR_EQ(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'date_format'"), "F j, Y");
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 1"), "uncategorized");
	ASSERT_STR_EQ(q_str(st, "SELECT user_url FROM wp_users WHERE ID = 1"), "http://127.0.0.1:1");
	ASSERT_INT_EQ(site_user_add(st, "editor", "editor", 0, "editor@example.org", "Editor", "Editor",
				    "Reference", &id), PD_OK);
	ASSERT_INT_EQ(id, 2);
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_usermeta WHERE user_id = 2 AND meta_key = 'wp_capabilities'"),
		      "a:1:{s:6:\"editor\";b:1;}");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_usermeta WHERE user_id = 2 AND meta_key = 'wp_user_level'"), "7");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_usermeta WHERE user_id = 2 AND meta_key = 'last_name'"), "Reference");
	ASSERT_STR_EQ(q_str(st, "SELECT user_registered FROM wp_users WHERE ID = 2"), "2026-01-01 08:00:00");
	/* no display name: first + last name (wp_insert_user()); nicename made unique */
	ASSERT_INT_EQ(site_user_add(st, "Ed.Itor", "author", 0, "", NULL, "Ed", "Itor", &id), PD_OK);
	ASSERT_STR_EQ(q_str(st, "SELECT display_name || '|' || user_nicename FROM wp_users WHERE ID = 3"), "Ed Itor|ed-itor");
	ASSERT_INT_EQ(site_user_add(st, "editor", "author", 0, "", NULL, NULL, NULL, &id), PD_EINVAL);
	ASSERT_INT_EQ(site_user_add(st, "x", "king", 0, "", NULL, NULL, NULL, &id), PD_EINVAL);
	close_site(st);
}

TEST(import_ids_kept_taken_skipped_comments_and_parents)
{
	struct store *st = new_site();
	struct import_stats s;
	ASSERT(st != NULL);
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_posts (ID, post_title, post_type) VALUES (10, 'mine', 'page')"), PD_OK);
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_comments (comment_ID, comment_post_ID) VALUES (5, 10)"), PD_OK);
	const char *xml = HEAD
		ITEM(10, "post", "publish", "taken", "<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment>")
		ITEM(11, "post", "publish", "kept", "<wp:post_parent>99</wp:post_parent>"
		     "<wp:comment><wp:comment_id>6</wp:comment_id><wp:comment_parent>5</wp:comment_parent>"
		     "<wp:comment_approved>0</wp:comment_approved></wp:comment>"
		     "<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_date>2020-01-01 10:00:00</wp:comment_date>"
		     "<wp:comment_date_gmt>2020-01-01 09:00:00</wp:comment_date_gmt></wp:comment>")
		ITEM(12, "nav_menu_item", "publish", "menu", "")
		ITEM(13, "post", "auto-draft", "", "")
		ITEM(14, "unknown_type", "publish", "u", "")
		TAIL;
	ASSERT_INT_EQ(import_str(st, xml, &s), PD_OK);
	ASSERT_INT_EQ(s.posts_created, 1);
	ASSERT_INT_EQ(s.posts_skipped, 1);
	ASSERT_INT_EQ(s.posts_ignored, 2);
	ASSERT_INT_EQ(s.posts_failed, 1);
	ASSERT_STR_EQ(q_str(st, "SELECT post_title FROM wp_posts WHERE ID = 10"), "mine");
	/* parent 99 is not in the file: 0 */
	ASSERT_INT_EQ(q_long(st, "SELECT post_parent FROM wp_posts WHERE ID = 11"), 0);
	/* comments in ascending ID: 5 is taken so gets MAX + 1 = 6; then 6 is taken: 7, parent 6 */
	ASSERT_INT_EQ(s.comments, 2);
	ASSERT_INT_EQ(s.comment_ids_new, 2);
	ASSERT_INT_EQ(q_long(st, "SELECT comment_parent FROM wp_comments WHERE comment_ID = 7"), 6);
	ASSERT_STR_EQ(q_str(st, "SELECT comment_type || '|' || comment_approved FROM wp_comments WHERE comment_ID = 6"), "comment|1");
	/* comment_count counts approved comments only */
	ASSERT_INT_EQ(q_long(st, "SELECT comment_count FROM wp_posts WHERE ID = 11"), 1);
	/* a post without categories gets the default category; counts recomputed */
	ASSERT_INT_EQ(q_long(st, "SELECT term_taxonomy_id FROM wp_term_relationships WHERE object_id = 11"), 1);
	ASSERT_INT_EQ(q_long(st, "SELECT count FROM wp_term_taxonomy WHERE term_taxonomy_id = 1"), 1);
	/* modified = date when the file has none */
	ASSERT_STR_EQ(q_str(st, "SELECT post_modified || '|' || post_modified_gmt FROM wp_posts WHERE ID = 11"),
		      "2020-01-01 10:00:00|2020-01-01 09:00:00");
	close_site(st);
}

TEST(import_authors_email_collision_and_sanitized_login)
{
	struct store *st = new_site();
	struct import_stats s;
	ASSERT(st != NULL);
	const char *xml = HEAD
		"<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[>bob]]></wp:author_login>"
		"<wp:author_email>shared@example.com</wp:author_email><wp:author_display_name>Bob</wp:author_display_name>"
		"<wp:author_first_name>B</wp:author_first_name><wp:author_last_name>Ob</wp:author_last_name></wp:author>\n"
		"<wp:author><wp:author_login>carol</wp:author_login>"
		"<wp:author_email>shared@example.com</wp:author_email><wp:author_display_name>Carol</wp:author_display_name></wp:author>\n"
		"<item><title>x</title><dc:creator>bob</dc:creator><wp:post_id>20</wp:post_id>"
		"<wp:post_date>2020-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>"
		"<wp:status>publish</wp:status><wp:post_type>page</wp:post_type>"
		"<wp:comment><wp:comment_id>40</wp:comment_id><wp:comment_user_id>3</wp:comment_user_id></wp:comment></item>\n"
		"<item><title>y</title><dc:creator>nobody</dc:creator><wp:post_id>21</wp:post_id>"
		"<wp:post_date>2020-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>"
		"<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>\n"
		"<item><title>z</title><dc:creator></dc:creator><wp:post_id>22</wp:post_id>"
		"<wp:post_date>2020-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>"
		"<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>\n"
		TAIL;
	ASSERT_INT_EQ(import_str(st, xml, &s), PD_OK);
	/* bob (2), carol (3), then "nobody" from dc:creator (4) */
	ASSERT_INT_EQ(s.authors_created, 3);
	ASSERT_STR_EQ(q_str(st, "SELECT user_login || '|' || user_email || '|' || display_name FROM wp_users WHERE ID = 2"),
		      "bob|shared@example.com|Bob");
	ASSERT_STR_EQ(q_str(st, "SELECT user_email FROM wp_users WHERE ID = 3"), "shared+carol@example.com");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_usermeta WHERE user_id = 2 AND meta_key = 'wp_capabilities'"),
		      "a:1:{s:6:\"author\";b:1;}");
	ASSERT_INT_EQ(q_long(st, "SELECT post_author FROM wp_posts WHERE ID = 20"), 2);
	ASSERT_INT_EQ(q_long(st, "SELECT post_author FROM wp_posts WHERE ID = 21"), 4);
	ASSERT_INT_EQ(q_long(st, "SELECT post_author FROM wp_posts WHERE ID = 22"), 1);
	/* comment user: the local user of the file's author ID */
	ASSERT_INT_EQ(q_long(st, "SELECT user_id FROM wp_comments WHERE comment_ID = 40"), 2);
	/* a draft keeps an empty slug */
	ASSERT_STR_EQ(q_str(st, "SELECT post_name FROM wp_posts WHERE ID = 21"), "");
	close_site(st);
}

TEST(import_terms_ids_reuse_by_name_and_item_terms)
{
	struct store *st = new_site();
	struct import_stats s;
	ASSERT(st != NULL);
	ASSERT_INT_EQ(store_exec(st, "INSERT INTO wp_terms (term_id, name, slug) VALUES (50, 'Media', 'media-2');"
				     "INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy) VALUES (50, 50, 'category');"
				     "INSERT INTO wp_terms (term_id, name, slug) VALUES (70, 'Other', 'other');"
				     "INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy) VALUES (70, 70, 'post_tag')"), PD_OK);
	const char *xml = HEAD
		"<wp:category><wp:term_id>60</wp:term_id><wp:category_nicename>media</wp:category_nicename>"
		"<wp:cat_name>media</wp:cat_name></wp:category>\n"
		"<wp:category><wp:term_id>61</wp:term_id><wp:category_nicename>kid</wp:category_nicename>"
		"<wp:category_parent>media</wp:category_parent><wp:cat_name>Kid &amp; Co</wp:cat_name></wp:category>\n"
		"<wp:tag><wp:term_id>70</wp:term_id><wp:tag_slug>news</wp:tag_slug><wp:tag_name>News</wp:tag_name>"
		"<wp:termmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>v</wp:meta_value></wp:termmeta></wp:tag>\n"
		"<wp:term><wp:term_id>80</wp:term_id><wp:term_taxonomy>made_up</wp:term_taxonomy>"
		"<wp:term_slug>x</wp:term_slug><wp:term_name>X</wp:term_name></wp:term>\n"
		ITEM(30, "post", "publish", "p", "<category domain=\"category\" nicename=\"media\">Media</category>"
		     "<category domain=\"tag\" nicename=\"fresh\">Fresh</category>"
		     "<category domain=\"post_tag\" nicename=\"news\">News</category>")
		ITEM(31, "post", "draft", "q", "<category domain=\"category\" nicename=\"kid\">Kid</category>")
		TAIL;
	ASSERT_INT_EQ(import_str(st, xml, &s), PD_OK);
	/* media: the existing media-2 "Media" (term_exists() by name); kid: its own ID, parent 50 */
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_terms WHERE slug = 'media'"), 0);
	ASSERT_STR_EQ(q_str(st, "SELECT name || '|' || parent FROM wp_terms JOIN wp_term_taxonomy USING (term_id) WHERE term_id = 61"),
		      "Kid &amp; Co|50");
	/* news wanted 70, which is taken: MAX + 1 = 71; fresh (item only): 72 */
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 71"), "news");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_termmeta WHERE term_id = 71 AND meta_key = 'k'"), "v");
	ASSERT_STR_EQ(q_str(st, "SELECT slug || '|' || taxonomy FROM wp_terms JOIN wp_term_taxonomy USING (term_id) WHERE term_id = 72"),
		      "fresh|post_tag");
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_terms WHERE slug = 'x'"), 0);
	ASSERT_INT_EQ(s.term_ids_kept, 1);
	/* post 30: media-2, fresh, news and not Uncategorized */
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_term_relationships WHERE object_id = 30"), 3);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_term_relationships WHERE object_id = 30 AND term_taxonomy_id = 1"), 0);
	/* counts: published posts only */
	ASSERT_INT_EQ(q_long(st, "SELECT count FROM wp_term_taxonomy WHERE term_id = 50"), 1);
	ASSERT_INT_EQ(q_long(st, "SELECT count FROM wp_term_taxonomy WHERE term_id = 61"), 0);
	close_site(st);
}

TEST(import_slugs_attachments_meta_sticky)
{
	struct store *st = new_site();
	struct import_stats s;
	ASSERT(st != NULL);
	const char *xml = HEAD
		"<wp:base_site_url>https://example.com</wp:base_site_url>\n"
		ITEM(40, "post", "publish", "same", "<wp:is_sticky>1</wp:is_sticky>"
		     "<wp:postmeta><wp:meta_key>_edit_lock</wp:meta_key><wp:meta_value>1:1</wp:meta_value></wp:postmeta>"
		     "<wp:postmeta><wp:meta_key>arr</wp:meta_key><wp:meta_value><![CDATA[a:1:{s:1:\"k\";d:0.5;}]]></wp:meta_value></wp:postmeta>"
		     "<wp:postmeta><wp:meta_key>str</wp:meta_key><wp:meta_value><![CDATA[s:3:\"abc\";]]></wp:meta_value></wp:postmeta>"
		     "<wp:postmeta><wp:meta_key>bad</wp:meta_key><wp:meta_value><![CDATA[a:9:{junk;}]]></wp:meta_value></wp:postmeta>")
		ITEM(41, "post", "publish", "same", "<wp:is_sticky>1</wp:is_sticky>")
		ITEM(42, "page", "publish", "same", "")
		ITEM(43, "post", "publish", "", "")
		ITEM(44, "attachment", "inherit", "pic", "<wp:attachment_url>/files/2019/07/Pic.JPG?x=1</wp:attachment_url>")
		ITEM(45, "attachment", "publish", "doc", "<wp:attachment_url>https://cdn.example.com/a/b/doc.pdf</wp:attachment_url>")
		TAIL;
	ASSERT_INT_EQ(import_str(st, xml, &s), PD_OK);
	/* attachments first: pic, doc; then posts: same, same-2; page same-3? no: pages are
	 * unique among pages and attachments of the same parent */
	ASSERT_STR_EQ(q_str(st, "SELECT post_name FROM wp_posts WHERE ID = 41"), "same-2");
	ASSERT_STR_EQ(q_str(st, "SELECT post_name FROM wp_posts WHERE ID = 42"), "same");
	ASSERT_STR_EQ(q_str(st, "SELECT post_name FROM wp_posts WHERE ID = 43"), "t43");
	ASSERT_STR_EQ(q_str(st, "SELECT guid || '|' || post_mime_type || '|' || post_status FROM wp_posts WHERE ID = 44"),
		      "https://example.com/files/2019/07/Pic.JPG?x=1|image/jpeg|inherit");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_postmeta WHERE post_id = 44 AND meta_key = '_wp_attached_file'"),
		      "2019/07/Pic.JPG");
	ASSERT_STR_EQ(q_str(st, "SELECT post_mime_type || '|' || post_status FROM wp_posts WHERE ID = 45"), "application/pdf|inherit");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_postmeta WHERE post_id = 45 AND meta_key = '_wp_attached_file'"),
		      "2020/01/doc.pdf");
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_postmeta WHERE post_id = 40 AND meta_key = '_edit_lock'"), 0);
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_postmeta WHERE post_id = 40 AND meta_key = 'arr'"), "a:1:{s:1:\"k\";d:0.5;}");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_postmeta WHERE post_id = 40 AND meta_key = 'str'"), "abc");
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_postmeta WHERE post_id = 40 AND meta_key = 'bad'"), "");
	ASSERT_STR_EQ(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'sticky_posts'"), "a:2:{i:0;i:40;i:1;i:41;}");
	close_site(st);
}

TEST(import_is_idempotent_and_rolls_back)
{
	struct store *st = new_site();
	struct import_stats s;
	ASSERT(st != NULL);
	const char *xml = HEAD
		"<wp:author><wp:author_login>dan</wp:author_login><wp:author_email>d@example.com</wp:author_email></wp:author>\n"
		"<wp:tag><wp:term_id>90</wp:term_id><wp:tag_slug>t</wp:tag_slug><wp:tag_name>T</wp:tag_name></wp:tag>\n"
		ITEM(1, "post", "publish", "a", "<wp:is_sticky>1</wp:is_sticky><category domain=\"post_tag\" nicename=\"t\">T</category>"
		     "<category domain=\"post_tag\" nicename=\"new\">New</category>"
		     "<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment>")
		ITEM(2, "post", "publish", "b", "")
		ITEM(3, "page", "publish", "c", "")
		TAIL;
	long before = rows(st);
	/* a trigger makes the third insert fail: nothing of the file may stay */
	ASSERT_INT_EQ(store_exec(st, "CREATE TRIGGER boom BEFORE INSERT ON wp_posts WHEN NEW.ID = 3 "
				     "BEGIN SELECT RAISE(ABORT, 'boom'); END"), PD_OK);
	ASSERT(import_str(st, xml, &s) != PD_OK);
	ASSERT_INT_EQ(rows(st), before);
	ASSERT_STR_EQ(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'sticky_posts'"), "a:0:{}");
	ASSERT_INT_EQ(store_exec(st, "DROP TRIGGER boom"), PD_OK);

	ASSERT_INT_EQ(import_str(st, xml, &s), PD_OK);
	ASSERT_INT_EQ(s.posts_created, 3);
	long after = rows(st);
	ASSERT(after > before);
	ASSERT_INT_EQ(import_str(st, xml, &s), PD_OK);
	ASSERT_INT_EQ(s.posts_created, 0);
	ASSERT_INT_EQ(s.posts_skipped, 3);
	ASSERT_INT_EQ(s.terms_created, 0);
	ASSERT_INT_EQ(s.authors_created, 0);
	ASSERT_INT_EQ(rows(st), after);
	ASSERT_STR_EQ(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'sticky_posts'"), "a:1:{i:0;i:1;}");
	close_site(st);
}

TEST(import_demo_site)
{
	struct store *st = NULL;
	snprintf(db_path, sizeof db_path, "/tmp/pressd-import-test-XXXXXX");
	int fd = mkstemp(db_path);
	ASSERT(fd >= 0);
	close(fd);
	ASSERT_INT_EQ(store_open(db_path, STORE_CREATE, &st, NULL), PD_OK);
	ASSERT_INT_EQ(import_demo(st, "http://127.0.0.1:8080"), PD_OK);
	ASSERT_STR_EQ(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'home'"), "http://127.0.0.1:8080");
	ASSERT(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish'") >= 3);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'page'"), 1);
	ASSERT(q_long(st, "SELECT COUNT(*) FROM wp_comments") >= 1);
	ASSERT(strcmp(q_str(st, "SELECT option_value FROM wp_options WHERE option_name = 'sticky_posts'"), "a:0:{}") != 0);
	close_site(st);
}

/* The comparison site (SITE.md §1-4) built as tests/compare/site.sh does; the
 * expected values are SITE.md's. */
TEST(import_comparison_site)
{
	const char *shared = test_shared_dir();
	if (!shared)
		SKIP("../shared is missing");
	struct store *st = new_site();
	ASSERT(st != NULL);
	const char *users[][3] = { { "editor", "editor", "Editor" }, { "contributor", "contributor", "Contributor" },
				   { "subscriber", "subscriber", "Subscriber" }, { "author", "author", "Author" } };
	for (int i = 0; i < 4; i++) {
		char email[64];
		long id;
		snprintf(email, sizeof email, "%s@example.org", users[i][0]);
		ASSERT_INT_EQ(site_user_add(st, users[i][0], users[i][1], 0, email, users[i][2], users[i][2],
					    "Reference", &id), PD_OK);
		ASSERT_INT_EQ(id, i + 2);
	}
	const char *files[] = { "data/themeunittestdata.wordpress.xml", "data/64-block-test-data.xml",
				"reference-wp/fixtures/reference-statuses.xml", "reference-wp/fixtures/seed-post.xml" };
	struct import_stats s[4];
	for (int i = 0; i < 4; i++) {
		char path[512];
		char *err = NULL;
		snprintf(path, sizeof path, "%s/%s", shared, files[i]);
		int rc = import_file(st, path, NULL, &s[i], &err);
		if (rc != PD_OK)
			fprintf(stderr, "  %s: %s\n", path, err ? err : "?");
		free(err);
		ASSERT_INT_EQ(rc, PD_OK);
	}
	/* §4 "What each file contributes" */
	ASSERT_INT_EQ(s[0].attachments, 37);
	ASSERT_INT_EQ(s[0].pages, 21);
	ASSERT_INT_EQ(s[0].posts, 58);
	ASSERT_INT_EQ(s[0].comments, 33);
	ASSERT_INT_EQ(s[1].posts, 60);
	ASSERT_INT_EQ(s[1].pages, 1);
	ASSERT_INT_EQ(s[1].posts_skipped, 10);   /* attachments 755-1690 (9) and post 163 */
	ASSERT_INT_EQ(s[1].comments, 2);
	ASSERT_INT_EQ(s[2].posts + s[2].pages, 7);
	ASSERT_INT_EQ(s[2].comments, 4);
	ASSERT_INT_EQ(s[3].attachments + s[3].posts + s[3].revisions, 7);
	ASSERT_STR_EQ(q_str(st, "SELECT post_title FROM wp_posts WHERE ID = 163"), "WP 6.1 Font size scale");
	ASSERT_STR_EQ(q_str(st, "SELECT post_name FROM wp_posts WHERE ID = 75"), "footnotes");
	ASSERT_STR_EQ(q_str(st, "SELECT post_name FROM wp_posts WHERE ID = 76"), "footnotes-2");
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_comments WHERE comment_ID = 1018"), 1);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_comments WHERE comment_ID = 3"), 1);
	ASSERT_STR_EQ(q_str(st, "SELECT user_email FROM wp_users WHERE user_login = 'themereviewer'"),
		      "themereviewteam+themereviewer@gmail.com");
	ASSERT_STR_EQ(q_str(st, "SELECT group_concat(ID || user_login, ',') FROM (SELECT * FROM wp_users WHERE ID > 5 ORDER BY ID)"),
		      "6themedemos,7themereviewteam,8themereviewer");
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 161107799"), "sample");
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 161107800"), "test-tag");
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 161107810"), "content");
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 161107811"), "columns");
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_term_taxonomy WHERE taxonomy = 'post_format' "
				 "AND term_taxonomy_id BETWEEN 161107801 AND 161107809"), 9);
	ASSERT_STR_EQ(q_str(st, "SELECT taxonomy || '/' || slug FROM wp_terms JOIN wp_term_taxonomy USING (term_id) "
				"WHERE term_id = 161107812"), "wp_template_part_area/uncategorized");
	ASSERT_STR_EQ(q_str(st, "SELECT slug || '>' || parent FROM wp_terms JOIN wp_term_taxonomy USING (term_id) "
				"WHERE term_id = 9002"), "reference-child>9001");
	ASSERT_STR_EQ(q_str(st, "SELECT slug FROM wp_terms WHERE term_id = 3049"), "new");
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_terms WHERE slug = 'media'"), 1);   /* tag, not a category */
	ASSERT_STR_EQ(q_str(st, "SELECT post_status || post_date FROM wp_posts WHERE ID = 1153"), "future2030-01-01 12:00:18");
	ASSERT_STR_EQ(q_str(st, "SELECT post_status FROM wp_posts WHERE ID = 30006"), "future");
	ASSERT_STR_EQ(q_str(st, "SELECT post_date_gmt FROM wp_posts WHERE ID = 30004"), "0000-00-00 00:00:00");
	ASSERT_INT_EQ(q_long(st, "SELECT user_id FROM wp_comments WHERE comment_ID = 30002"), 2);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_comments WHERE user_id <> 0"), 1);
	ASSERT_INT_EQ(q_long(st, "SELECT post_author FROM wp_posts WHERE ID = 24365"), 5);
	ASSERT_STR_EQ(q_str(st, "SELECT meta_value FROM wp_postmeta WHERE post_id = 17699 AND meta_key = '_wp_attached_file'"),
		      "2026/01/hair-1761_image_1.jpg");
	ASSERT_STR_EQ(q_str(st, "SELECT post_modified FROM wp_posts WHERE ID = 24365"), "2026-04-30 07:45:14");
	/* §4 end of each file: next IDs */
	ASSERT_INT_EQ(q_long(st, "SELECT MAX(ID) + 1 FROM wp_posts"), 32110);
	ASSERT_INT_EQ(q_long(st, "SELECT MAX(comment_ID) + 1 FROM wp_comments"), 30005);
	ASSERT_INT_EQ(q_long(st, "SELECT MAX(term_id) + 1 FROM wp_terms"), 161107813);
	ASSERT_INT_EQ(q_long(st, "SELECT MAX(ID) + 1 FROM wp_users"), 9);
	/* §5 resulting counts */
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish'"), 118);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'post' AND post_status IN "
				 "('publish', 'future', 'draft', 'pending', 'private')"), 124);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'page' AND post_status = 'publish'"), 23);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'page' AND post_status IN "
				 "('publish', 'future', 'draft', 'pending', 'private')"), 24);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'attachment'"), 38);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_term_taxonomy WHERE taxonomy = 'category'"), 76);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_term_taxonomy WHERE taxonomy = 'post_tag'"), 119);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(DISTINCT post_author) FROM wp_posts WHERE post_status = 'publish' "
				 "AND post_type IN ('post', 'page')"), 5);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_users"), 8);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_comments WHERE comment_type = 'comment' AND comment_approved = '1'"), 30);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_comments WHERE comment_type = 'comment' AND comment_approved IN ('0', '1')"), 34);
	ASSERT_INT_EQ(q_long(st, "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'revision' AND post_parent = 24365"), 5);
	/* importing again changes nothing */
	long before = rows(st);
	char path[512];
	struct import_stats again;
	snprintf(path, sizeof path, "%s/%s", shared, files[0]);
	ASSERT_INT_EQ(import_file(st, path, NULL, &again, NULL), PD_OK);
	ASSERT_INT_EQ(again.posts_created + again.terms_created + again.authors_created + again.comments, 0);
	ASSERT_INT_EQ(rows(st), before);
	close_site(st);
}
