/* site_admin.h - site administration at the store level: users as wp_insert_user()
 * writes them, a fresh install's options and default category. No HTTP, no
 * passwords (server/auth*.c sets user_pass and application passwords). */
#ifndef PRESSD_SITE_ADMIN_H
#define PRESSD_SITE_ADMIN_H

struct store;

/* Option naming the user_registered every new user gets ("YYYY-MM-DD HH:MM:SS",
 * UTC), so that a site's build does not depend on the clock (SITE.md §7).
 * Unset: the current UTC time, as WordPress does. */
#define SITE_OPTION_USER_REGISTERED "pressd_user_registered"

/* The WordPress level of a role (wp_user_level): administrator 10, editor 7,
 * author 2, contributor 1, subscriber 0; -1 for a role WordPress does not ship. */
int site_role_level(const char *role);

/* Adds a user as wp_insert_user() does: user_login = sanitize_user(login, strict),
 * user_nicename made unique, display_name from the arguments (else first + last
 * name, else the login), usermeta nickname, first_name, last_name, description,
 * rich_editing, syntax_highlighting, comment_shortcuts, admin_color, use_ssl,
 * show_admin_bar_front, locale, wp_capabilities, wp_user_level. id 0: the next
 * free ID; email, display_name, first and last may be NULL (""). The password is
 * empty (no login possible) until auth sets one. E-mail uniqueness is not checked
 * (WordPress does not while importing; callers check when they must).
 * PD_EINVAL for an unknown role, an empty or existing login, a taken ID. */
int site_user_add(struct store *st, const char *login, const char *role, long id,
		  const char *email, const char *display_name, const char *first,
		  const char *last, long *id_out);

/* The ID of the user with that login (case-insensitive, as MySQL compares), or 0. */
long site_user_by_login(struct store *st, const char *login);
/* The ID of a user with that e-mail (case-insensitive), or 0. */
long site_user_by_email(struct store *st, const char *email);

/* A fresh install, as wp_install() leaves it once its default content is gone:
 * WordPress's default options (populate_options()) with siteurl = home = base_url,
 * blogname = title, admin_email, and the theme Twenty Twenty-Three; category 1
 * "Uncategorized"; the administrator (ID 1 when free) with user_url = base_url.
 * Options that exist are kept except siteurl, home, blogname and admin_email;
 * an existing admin login is kept. Runs in one transaction. */
int site_install(struct store *st, const char *title, const char *admin_login,
		 const char *admin_email, const char *base_url);

#endif
