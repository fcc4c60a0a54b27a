/* caps.c - tests of server/caps.c: the default roles as populate_roles()
 * builds them, map_meta_cap() cases, per-user capabilities. Expectations come
 * from WordPress 6.9.4's wp-admin/includes/schema.php and capabilities.php. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/store.h"
#include "test.h"

/* A site in a fresh SQLite file: the five default users (IDs 1-5 as in
 * SITE.md), a few posts, terms and options. */
static struct store *caps_site(char path[64])
{
	struct store *st = NULL;
	snprintf(path, 64, "/tmp/pressd-caps-%d.db", (int)getpid());
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, NULL) != PD_OK)
		return NULL;
	static const char *const sql[] = {
		"INSERT INTO wp_users (ID, user_login, user_email) VALUES "
		"(1,'admin','admin@example.org'),(2,'editor','editor@example.org'),"
		"(3,'contributor','contributor@example.org'),(4,'subscriber','subscriber@example.org'),"
		"(5,'author','author@example.org'),(6,'custom','custom@example.org'),"
		"(7,'limited','limited@example.org'),(8,'norole','norole@example.org')",
		"INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES "
		"(1,'wp_capabilities','a:1:{s:13:\"administrator\";b:1;}'),"
		"(2,'wp_capabilities','a:1:{s:6:\"editor\";b:1;}'),"
		"(3,'wp_capabilities','a:1:{s:11:\"contributor\";b:1;}'),"
		"(4,'wp_capabilities','a:1:{s:10:\"subscriber\";b:1;}'),"
		"(5,'wp_capabilities','a:1:{s:6:\"author\";b:1;}'),"
		/* a subscriber who may upload, and holds a plugin's capability */
		"(6,'wp_capabilities','a:3:{s:10:\"subscriber\";b:1;s:12:\"upload_files\";b:1;s:9:\"my_plugin\";i:1;}'),"
		/* an editor denied edit_others_posts */
		"(7,'wp_capabilities','a:2:{s:6:\"editor\";b:1;s:17:\"edit_others_posts\";b:0;}'),"
		"(8,'wp_capabilities','a:0:{}')",
		/* posts: 10 author's published, 11 author's draft, 12 editor's private,
		 * 13 contributor's pending, 14 page by admin (front page), 15 revision of 10,
		 * 16 attachment of 10, 17 attachment of 11, 18 author's trashed (was publish) */
		"INSERT INTO wp_posts (ID, post_author, post_type, post_status, post_parent) VALUES "
		"(10,5,'post','publish',0),(11,5,'post','draft',0),(12,2,'post','private',0),"
		"(13,3,'post','pending',0),(14,1,'page','publish',0),(15,5,'revision','inherit',10),"
		"(16,5,'attachment','inherit',10),(17,5,'attachment','inherit',11),(18,5,'post','trash',0),"
		"(19,2,'page','draft',0)",
		"INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (18,'_wp_trash_meta_status','publish')",
		"INSERT INTO wp_terms (term_id, name, slug) VALUES (1,'Uncategorized','uncategorized'),(2,'News','news'),(3,'Tag','tag')",
		"INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy) VALUES (1,1,'category'),(2,2,'category'),(3,3,'post_tag')",
		"INSERT INTO wp_options (option_name, option_value) VALUES ('default_category','1'),('page_on_front','14')",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if (store_exec(st, sql[i]) != PD_OK) {
			fprintf(stderr, "  %s: %s\n", sql[i], store_errmsg(st));
			store_close(st);
			return NULL;
		}
	}
	return st;
}

static void caps_site_close(struct store *st, const char *path)
{
	char wal[80];
	store_close(st);
	unlink(path);
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
}

/* populate_roles() x key capabilities: admin, editor, author, contributor, subscriber. */
TEST(caps_role_matrix)
{
	static const struct { const char *cap; int has[5]; } m[] = {
		{ "read", { 1, 1, 1, 1, 1 } },
		{ "level_0", { 1, 1, 1, 1, 1 } },
		{ "level_1", { 1, 1, 1, 1, 0 } },
		{ "level_2", { 1, 1, 1, 0, 0 } },
		{ "level_7", { 1, 1, 0, 0, 0 } },
		{ "level_10", { 1, 0, 0, 0, 0 } },
		{ "edit_posts", { 1, 1, 1, 1, 0 } },
		{ "delete_posts", { 1, 1, 1, 1, 0 } },
		{ "publish_posts", { 1, 1, 1, 0, 0 } },
		{ "edit_published_posts", { 1, 1, 1, 0, 0 } },
		{ "delete_published_posts", { 1, 1, 1, 0, 0 } },
		{ "upload_files", { 1, 1, 1, 0, 0 } },
		{ "edit_others_posts", { 1, 1, 0, 0, 0 } },
		{ "delete_others_posts", { 1, 1, 0, 0, 0 } },
		{ "read_private_posts", { 1, 1, 0, 0, 0 } },
		{ "edit_private_posts", { 1, 1, 0, 0, 0 } },
		{ "delete_private_posts", { 1, 1, 0, 0, 0 } },
		{ "edit_pages", { 1, 1, 0, 0, 0 } },
		{ "publish_pages", { 1, 1, 0, 0, 0 } },
		{ "edit_others_pages", { 1, 1, 0, 0, 0 } },
		{ "read_private_pages", { 1, 1, 0, 0, 0 } },
		{ "manage_categories", { 1, 1, 0, 0, 0 } },
		{ "moderate_comments", { 1, 1, 0, 0, 0 } },
		{ "manage_links", { 1, 1, 0, 0, 0 } },
		{ "unfiltered_html", { 1, 1, 0, 0, 0 } },
		{ "list_users", { 1, 0, 0, 0, 0 } },
		{ "edit_users", { 1, 0, 0, 0, 0 } },
		{ "create_users", { 1, 0, 0, 0, 0 } },
		{ "delete_users", { 1, 0, 0, 0, 0 } },
		{ "promote_users", { 1, 0, 0, 0, 0 } },
		{ "remove_users", { 1, 0, 0, 0, 0 } },
		{ "manage_options", { 1, 0, 0, 0, 0 } },
		{ "edit_theme_options", { 1, 0, 0, 0, 0 } },
		{ "switch_themes", { 1, 0, 0, 0, 0 } },
		{ "unfiltered_upload", { 1, 0, 0, 0, 0 } },
		{ "update_core", { 1, 0, 0, 0, 0 } },
		{ "export", { 1, 0, 0, 0, 0 } },
		{ "import", { 1, 0, 0, 0, 0 } },
		{ "manage_network", { 0, 0, 0, 0, 0 } },
		{ "no_such_cap", { 0, 0, 0, 0, 0 } },
	};
	static const char *const roles[] = { "administrator", "editor", "author", "contributor", "subscriber" };
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		for (int r = 0; r < 5; r++) {
			if (caps_role_has(roles[r], m[i].cap) != m[i].has[r]) {
				fprintf(stderr, "  %s / %s\n", roles[r], m[i].cap);
				ASSERT_INT_EQ(caps_role_has(roles[r], m[i].cap), m[i].has[r]);
			}
		}
	}
	ASSERT(caps_is_role("editor"));
	ASSERT(!caps_is_role("read"));
}

/* The same matrix through users loaded from wp_capabilities, and the
 * primitive caps map_meta_cap() passes through. */
TEST(caps_users_primitive)
{
	char path[64];
	struct store *st = caps_site(path);
	ASSERT(st);
	struct user u[6];
	for (long id = 1; id <= 5; id++)
		ASSERT_INT_EQ(caps_user_load(st, id, &u[id]), PD_OK);
	ASSERT_STR_EQ(u[1].role, "administrator");
	ASSERT_STR_EQ(u[3].login, "contributor");
	ASSERT_INT_EQ(caps_user_can(st, &u[2], "edit_others_posts", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[5], "edit_others_posts", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &u[5], "upload_files", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[3], "upload_files", 0), 0);
	/* unfiltered_html is a meta cap mapping to itself on a single site. */
	ASSERT_INT_EQ(caps_user_can(st, &u[2], "unfiltered_html", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[5], "unfiltered_html", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &u[1], "list_users", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[2], "list_users", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &u[1], "create_users", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[2], "create_users", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &u[1], "promote_user", 4), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[2], "promote_user", 4), 0);
	/* Nobody may unfiltered_upload without ALLOW_UNFILTERED_UPLOADS. */
	ASSERT_INT_EQ(caps_user_can(st, &u[1], "unfiltered_upload", 0), 0);
	/* Everyone exists, nobody is allowed do_not_allow. */
	ASSERT_INT_EQ(caps_user_can(st, NULL, "exist", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, NULL, "read", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &u[1], "do_not_allow", 0), 0);
	/* Derived by the core user_has_cap filters. */
	ASSERT_INT_EQ(caps_user_can(st, &u[1], "install_languages", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &u[2], "install_languages", 0), 0);
	ASSERT_INT_EQ(caps_user_load(st, 999, &u[0]), PD_ENOTFOUND);
	caps_site_close(st, path);
}

TEST(caps_per_user_grants)
{
	char path[64];
	struct store *st = caps_site(path);
	ASSERT(st);
	struct user custom, limited, norole;
	ASSERT_INT_EQ(caps_user_load(st, 6, &custom), PD_OK);
	ASSERT_INT_EQ(caps_user_load(st, 7, &limited), PD_OK);
	ASSERT_INT_EQ(caps_user_load(st, 8, &norole), PD_OK);
	ASSERT_STR_EQ(custom.role, "subscriber");
	ASSERT_INT_EQ(caps_user_can(st, &custom, "upload_files", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &custom, "my_plugin", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &custom, "subscriber", 0), 1); /* role names are in allcaps */
	ASSERT_INT_EQ(caps_user_can(st, &custom, "edit_posts", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &limited, "edit_others_posts", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &limited, "edit_posts", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &limited, "edit_post", 10), 0); /* author's post */
	ASSERT_STR_EQ(norole.role, "");
	ASSERT_INT_EQ(caps_user_can(st, &norole, "read", 0), 0);
	/* A user may always edit themselves, even without a role. */
	ASSERT_INT_EQ(caps_user_can(st, &norole, "edit_user", 8), 1);
	caps_site_close(st, path);
}

TEST(caps_map_meta_posts)
{
	char path[64];
	struct store *st = caps_site(path);
	ASSERT(st);
	struct user a, e, au, c, s;
	caps_user_load(st, 1, &a);
	caps_user_load(st, 2, &e);
	caps_user_load(st, 5, &au);
	caps_user_load(st, 3, &c);
	caps_user_load(st, 4, &s);
	/* edit_post: own published needs edit_published_posts. */
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 10), 1);
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 11), 1);
	ASSERT_INT_EQ(caps_user_can(st, &c, "edit_post", 13), 1);  /* own pending */
	ASSERT_INT_EQ(caps_user_can(st, &c, "edit_post", 10), 0);  /* other's */
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 12), 0); /* other's private */
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_post", 12), 1);
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_post", 10), 1);
	ASSERT_INT_EQ(caps_user_can(st, &s, "edit_post", 10), 0);
	ASSERT_INT_EQ(caps_user_can(st, NULL, "edit_post", 10), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "edit_post", 999), 0); /* no such post */
	/* A trashed post keeps the caps of its status before trashing. */
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 18), 1);
	ASSERT_INT_EQ(caps_user_can(st, &c, "edit_post", 18), 0);
	/* Revisions: edit via the parent, never deleted. */
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 15), 1);
	ASSERT_INT_EQ(caps_user_can(st, &c, "edit_post", 15), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "delete_post", 15), 0);
	/* delete_post */
	ASSERT_INT_EQ(caps_user_can(st, &au, "delete_post", 10), 1);
	ASSERT_INT_EQ(caps_user_can(st, &c, "delete_post", 13), 1);
	ASSERT_INT_EQ(caps_user_can(st, &au, "delete_post", 12), 0);
	ASSERT_INT_EQ(caps_user_can(st, &e, "delete_post", 12), 1);
	/* The front page needs manage_options to be deleted. */
	ASSERT_INT_EQ(caps_user_can(st, &e, "delete_post", 14), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "delete_post", 14), 1);
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_post", 14), 1);
	/* Pages use the page capabilities. */
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 14), 0);
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_post", 19), 0);
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_post", 19), 1);
	/* read_post */
	ASSERT_INT_EQ(caps_user_can(st, &s, "read_post", 10), 1);
	ASSERT_INT_EQ(caps_user_can(st, NULL, "read_post", 10), 0); /* needs "read" */
	ASSERT_INT_EQ(caps_user_can(st, &s, "read_post", 12), 0);   /* private */
	ASSERT_INT_EQ(caps_user_can(st, &e, "read_post", 12), 1);
	ASSERT_INT_EQ(caps_user_can(st, &au, "read_post", 11), 1);  /* own draft */
	ASSERT_INT_EQ(caps_user_can(st, &c, "read_post", 11), 0);   /* other's draft: edit_post */
	ASSERT_INT_EQ(caps_user_can(st, &e, "read_post", 11), 1);
	/* Attachments inherit their parent's status. */
	ASSERT_INT_EQ(caps_user_can(st, &s, "read_post", 16), 1);
	ASSERT_INT_EQ(caps_user_can(st, &s, "read_post", 17), 0);
	ASSERT_INT_EQ(caps_user_can(st, &au, "read_post", 17), 1);
	/* publish_post */
	ASSERT_INT_EQ(caps_user_can(st, &c, "publish_post", 13), 0);
	ASSERT_INT_EQ(caps_user_can(st, &au, "publish_post", 11), 1);
	ASSERT_INT_EQ(caps_user_can(st, &au, "publish_post", 19), 0); /* a page */
	caps_site_close(st, path);
}

TEST(caps_map_meta_terms_users)
{
	char path[64];
	struct store *st = caps_site(path);
	ASSERT(st);
	struct user a, e, au, c, s;
	caps_user_load(st, 1, &a);
	caps_user_load(st, 2, &e);
	caps_user_load(st, 5, &au);
	caps_user_load(st, 3, &c);
	caps_user_load(st, 4, &s);
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_term", 2), 1);
	ASSERT_INT_EQ(caps_user_can(st, &au, "edit_term", 2), 0);
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_term", 3), 1);
	ASSERT_INT_EQ(caps_user_can(st, &c, "assign_term", 3), 1);
	ASSERT_INT_EQ(caps_user_can(st, &s, "assign_term", 2), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "delete_term", 2), 1);
	ASSERT_INT_EQ(caps_user_can(st, &a, "delete_term", 1), 0); /* the default category */
	ASSERT_INT_EQ(caps_user_can(st, &a, "edit_term", 999), 0);
	/* edit_user: oneself always, others with edit_users. */
	ASSERT_INT_EQ(caps_user_can(st, &s, "edit_user", 4), 1);
	ASSERT_INT_EQ(caps_user_can(st, &e, "edit_user", 4), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "edit_user", 4), 1);
	ASSERT_INT_EQ(caps_user_can(st, NULL, "edit_user", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "delete_user", 4), 1);
	ASSERT_INT_EQ(caps_user_can(st, &s, "delete_user", 4), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "remove_user", 1), 1);
	/* Application passwords follow edit_user. */
	ASSERT_INT_EQ(caps_user_can(st, &s, "list_app_passwords", 4), 1);
	ASSERT_INT_EQ(caps_user_can(st, &s, "create_app_password", 1), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "delete_app_passwords", 4), 1);
	ASSERT_INT_EQ(caps_user_can(st, NULL, "list_app_passwords", 4), 0);
	/* Block capabilities are post capabilities. */
	ASSERT_INT_EQ(caps_user_can(st, &c, "edit_blocks", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &c, "publish_blocks", 0), 0);
	ASSERT_INT_EQ(caps_user_can(st, &a, "customize", 0), 1);
	ASSERT_INT_EQ(caps_user_can(st, &e, "customize", 0), 0);
	caps_site_close(st, path);
}

/* WP_REST_Users_Controller's roles / capabilities / extra_capabilities
 * (sample me_sub_edit.txt: {"read":true,"level_0":true,"subscriber":true}). */
TEST(caps_describe)
{
	char path[64];
	struct store *st = caps_site(path);
	ASSERT(st);
	json_t *roles, *all, *caps;
	struct buf b = BUF_INIT;
	ASSERT_INT_EQ(caps_user_describe(st, 4, &roles, &all, &caps), PD_OK);
	json_emit(roles, &b);
	buf_puts(&b, " ");
	json_emit(all, &b);
	buf_puts(&b, " ");
	json_emit(caps, &b);
	json_decref(roles);
	json_decref(all);
	json_decref(caps);
	ASSERT_STR_EQ(buf_str(&b), "[\"subscriber\"] {\"read\":true,\"level_0\":true,\"subscriber\":true} {\"subscriber\":true}");
	buf_reset(&b);
	ASSERT_INT_EQ(caps_user_describe(st, 7, NULL, &all, NULL), PD_OK);
	json_emit(json_object_get(all, "edit_others_posts"), &b);
	json_emit(json_object_get(all, "level_7"), &b);
	json_decref(all);
	ASSERT_STR_EQ(buf_str(&b), "falsetrue");
	buf_reset(&b);
	ASSERT_INT_EQ(caps_user_describe(st, 5, NULL, &all, NULL), PD_OK);
	json_emit(all, &b);
	json_decref(all);
	/* The author role's order in wp_user_roles (populate_roles_160 then _210). */
	ASSERT_STR_EQ(buf_str(&b), "{\"upload_files\":true,\"edit_posts\":true,\"edit_published_posts\":true,"
		      "\"publish_posts\":true,\"read\":true,\"level_2\":true,\"level_1\":true,\"level_0\":true,"
		      "\"delete_posts\":true,\"delete_published_posts\":true,\"author\":true}");
	buf_free(&b);
	caps_site_close(st, path);
}
