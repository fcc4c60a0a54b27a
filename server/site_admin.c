/* site_admin.c - users (wp_insert_user()), the install's default options and
 * category. Writes WordPress's tables the way WordPress does; no HTTP, no passwords. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/err.h"
#include "pressd/sanitize.h"
#include "pressd/site_admin.h"
#include "pressd/store.h"

static const struct { const char *role; int level; } roles[] = {
	{ "administrator", 10 }, { "editor", 7 }, { "author", 2 }, { "contributor", 1 },
	{ "subscriber", 0 },
};

int site_role_level(const char *role)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].role, role) == 0)
			return roles[i].level;
	return -1;
}

static long lookup_id(struct store *st, const char *sql, const char *arg)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	long id = 0;
	if (!s)
		return 0;
	sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return id;
}

long site_user_by_login(struct store *st, const char *login)
{
	return lookup_id(st, "SELECT ID FROM wp_users WHERE user_login = ? COLLATE NOCASE ORDER BY ID LIMIT 1",
			 login);
}

long site_user_by_email(struct store *st, const char *email)
{
	return lookup_id(st, "SELECT ID FROM wp_users WHERE user_email = ? COLLATE NOCASE ORDER BY ID LIMIT 1",
			 email);
}

/* UTF-8 characters of s, at most max, as a byte length (mb_substr()). */
static size_t utf8_prefix(const char *s, size_t max)
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < max) {
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	return i;
}

/* user_nicename: sanitize_title(mb_substr(login, 0, 50)), then "-2", "-3"... while
 * another login holds it (wp_insert_user()). Returns malloc'd, NULL on failure. */
static char *unique_nicename(struct store *st, const char *login)
{
	char cut[256];
	snprintf(cut, sizeof cut, "%.*s", (int)utf8_prefix(login, 50), login);
	char *base = sanitize_title(cut);
	if (!base || !*base) {
		free(base);
		return NULL;
	}
	const char *sql = "SELECT ID FROM wp_users WHERE user_nicename = ? AND user_login != ? LIMIT 1";
	char *cand = strdup(base);
	for (int suffix = 2; cand; suffix++) {
		sqlite3_stmt *s = store_stmt(st, sql);
		if (!s) {
			free(cand);
			cand = NULL;
			break;
		}
		sqlite3_bind_text(s, 1, cand, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, login, -1, SQLITE_STATIC);
		int taken = sqlite3_step(s) == SQLITE_ROW;
		store_done(s);
		if (!taken)
			break;
		free(cand);
		char num[24];
		int nl = snprintf(num, sizeof num, "%d", suffix);
		size_t keep = utf8_prefix(base, (size_t)(49 - nl));
		if (asprintf(&cand, "%.*s-%s", (int)keep, base, num) < 0)
			cand = NULL;
	}
	free(base);
	return cand;
}

static void now_utc(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

static int trimmed_empty(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

int site_user_add(struct store *st, const char *login, const char *role, long id,
		  const char *email, const char *display_name, const char *first,
		  const char *last, long *id_out)
{
	char *user_login = NULL, *nicename = NULL, *display = NULL, *registered = NULL;
	char caps[128], level[16], when[20];
	int rc = PD_EINVAL, lvl = site_role_level(role ? role : "");
	sqlite3_stmt *s;
	first = first ? first : "";
	last = last ? last : "";
	email = email ? email : "";
	if (lvl < 0)
		goto out;
	if (!(user_login = sanitize_user(login ? login : "", 1))) {
		rc = PD_ENOMEM;
		goto out;
	}
	if (!*user_login || strlen(user_login) > 60 || site_user_by_login(st, user_login))
		goto out;
	if (!(nicename = unique_nicename(st, user_login)))
		goto out;
	if (!trimmed_empty(display_name))
		display = strdup(display_name);
	else if (*first && *last) {
		if (asprintf(&display, "%s %s", first, last) < 0)
			display = NULL;
	} else
		display = strdup(*first ? first : *last ? last : user_login);
	if (!display) {
		rc = PD_ENOMEM;
		goto out;
	}
	registered = store_option_get(st, SITE_OPTION_USER_REGISTERED);
	if (!registered || !*registered) {
		now_utc(when);
		free(registered);
		registered = strdup(when);
	}
	s = store_stmt(st, "INSERT INTO wp_users (ID, user_login, user_pass, user_nicename, user_email, "
			   "user_url, user_registered, user_activation_key, user_status, display_name) "
			   "VALUES (?, ?, '', ?, ?, '', ?, '', 0, ?)");
	if (!s) {
		rc = PD_EDB;
		goto out;
	}
	if (id > 0)
		sqlite3_bind_int64(s, 1, id);
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_text(s, 2, user_login, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, nicename, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, email, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, registered ? registered : "0000-00-00 00:00:00", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, display, -1, SQLITE_STATIC);
	int step = sqlite3_step(s);
	store_done(s);
	if (step != SQLITE_DONE) {
		rc = step == SQLITE_CONSTRAINT_PRIMARYKEY ? PD_EINVAL : PD_EDB;
		goto out;
	}
	long uid = (long)sqlite3_last_insert_rowid(store_db(st));

	/* The meta wp_insert_user() writes, in its order; then set_role(). */
	snprintf(caps, sizeof caps, "a:1:{s:%zu:\"%s\";b:1;}", strlen(role), role);
	snprintf(level, sizeof level, "%d", lvl);
	const char *meta[][2] = {
		{ "nickname", user_login }, { "first_name", first }, { "last_name", last },
		{ "description", "" }, { "rich_editing", "true" }, { "syntax_highlighting", "true" },
		{ "comment_shortcuts", "false" }, { "admin_color", "fresh" }, { "use_ssl", "0" },
		{ "show_admin_bar_front", "true" }, { "locale", "" },
		{ "wp_capabilities", caps }, { "wp_user_level", level },
	};
	for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
		if ((rc = store_meta_add(st, "user", uid, meta[i][0], meta[i][1])) != PD_OK)
			goto out;
	if (id_out)
		*id_out = uid;
	rc = PD_OK;
out:
	free(user_login);
	free(nicename);
	free(display);
	free(registered);
	return rc;
}

/* populate_options() of WordPress 6.9, minus what pressd has no use for
 * (mail server, plugins, widgets, cron). Values as WordPress stores them. */
static const char *const default_options[][2] = {
	{ "blogdescription", "" }, { "users_can_register", "0" }, { "start_of_week", "1" },
	{ "use_balanceTags", "0" }, { "use_smilies", "1" }, { "require_name_email", "1" },
	{ "comments_notify", "1" }, { "posts_per_rss", "10" }, { "rss_use_excerpt", "0" },
	{ "default_category", "1" }, { "default_comment_status", "open" },
	{ "default_ping_status", "open" }, { "default_pingback_flag", "1" },
	{ "posts_per_page", "10" }, { "date_format", "F j, Y" }, { "time_format", "g:i a" },
	{ "links_updated_date_format", "F j, Y g:i a" }, { "comment_moderation", "0" },
	{ "moderation_notify", "1" }, { "permalink_structure", "" }, { "blog_charset", "UTF-8" },
	{ "moderation_keys", "" }, { "category_base", "" }, { "comment_max_links", "2" },
	{ "gmt_offset", "0" }, { "default_email_category", "1" },
	{ "template", "twentytwentythree" }, { "stylesheet", "twentytwentythree" },
	{ "comment_registration", "0" }, { "html_type", "text/html" }, { "use_trackback", "0" },
	{ "default_role", "subscriber" }, { "uploads_use_yearmonth_folders", "1" },
	{ "upload_path", "" }, { "blog_public", "1" }, { "default_link_category", "2" },
	{ "show_on_front", "posts" }, { "tag_base", "" }, { "show_avatars", "1" },
	{ "avatar_rating", "G" }, { "upload_url_path", "" }, { "thumbnail_size_w", "150" },
	{ "thumbnail_size_h", "150" }, { "thumbnail_crop", "1" }, { "medium_size_w", "300" },
	{ "medium_size_h", "300" }, { "avatar_default", "mystery" }, { "large_size_w", "1024" },
	{ "large_size_h", "1024" }, { "image_default_link_type", "none" },
	{ "image_default_size", "" }, { "image_default_align", "" },
	{ "close_comments_for_old_posts", "0" }, { "close_comments_days_old", "14" },
	{ "thread_comments", "1" }, { "thread_comments_depth", "5" }, { "page_comments", "0" },
	{ "comments_per_page", "50" }, { "default_comments_page", "newest" },
	{ "comment_order", "asc" }, { "sticky_posts", "a:0:{}" }, { "timezone_string", "" },
	{ "page_for_posts", "0" }, { "page_on_front", "0" }, { "default_post_format", "0" },
	{ "link_manager_enabled", "0" }, { "site_icon", "0" }, { "medium_large_size_w", "768" },
	{ "medium_large_size_h", "0" }, { "wp_page_for_privacy_policy", "0" },
	{ "show_comments_cookies_opt_in", "1" }, { "disallowed_keys", "" },
	{ "comment_previously_approved", "1" }, { "fresh_site", "0" },
};

/* Category 1 "Uncategorized" (wp_install_defaults()), unless term 1 exists. */
static int default_category(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM wp_terms WHERE term_id = 1");
	if (!s)
		return PD_EDB;
	int exists = sqlite3_step(s) == SQLITE_ROW;
	store_done(s);
	if (exists)
		return PD_OK;
	if (store_exec(st, "INSERT INTO wp_terms (term_id, name, slug, term_group) VALUES (1, 'Uncategorized', 'uncategorized', 0)") ||
	    store_exec(st, "INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy, description, parent, count) "
			   "VALUES (1, 1, 'category', '', 0, 0)"))
		return PD_EDB;
	return PD_OK;
}

int site_install(struct store *st, const char *title, const char *admin_login,
		 const char *admin_email, const char *base_url)
{
	int rc;
	if (!title || !admin_login || !admin_email || !base_url)
		return PD_EINVAL;
	if ((rc = store_begin(st)) != PD_OK)
		return rc;
	for (size_t i = 0; i < sizeof default_options / sizeof default_options[0]; i++)
		if ((rc = store_option_add(st, default_options[i][0], default_options[i][1])) != PD_OK)
			goto fail;
	const char *set[][2] = { { "siteurl", base_url }, { "home", base_url },
				 { "blogname", title }, { "admin_email", admin_email } };
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if ((rc = store_option_set(st, set[i][0], set[i][1])) != PD_OK)
			goto fail;
	if ((rc = default_category(st)) != PD_OK)
		goto fail;
	if (!site_user_by_login(st, admin_login)) {
		long id = 0;
		sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM wp_users WHERE ID = 1");
		int one_taken = s && sqlite3_step(s) == SQLITE_ROW;
		store_done(s);
		rc = site_user_add(st, admin_login, "administrator", one_taken ? 0 : 1, admin_email,
				   NULL, NULL, NULL, &id);
		if (rc != PD_OK)
			goto fail;
		s = store_stmt(st, "UPDATE wp_users SET user_url = ? WHERE ID = ?");
		if (!s) {
			rc = PD_EDB;
			goto fail;
		}
		sqlite3_bind_text(s, 1, base_url, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, id);
		rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
		store_done(s);
		if (rc != PD_OK)
			goto fail;
	}
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}
