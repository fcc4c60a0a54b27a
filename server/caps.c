/* caps.c - WordPress's default roles (populate_roles()), a user's capabilities
 * from the usermeta wp_capabilities (WP_User::get_role_caps()), and
 * map_meta_cap() for the meta capabilities pressd's endpoints ask about.
 * Single site only: no super admins, no network capabilities, no filters. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/phpser.h"
#include "pressd/store.h"

/* Every primitive capability of the default roles, in the order
 * populate_roles_160() ... populate_roles_300() add them to the
 * administrator. Each other role's capabilities are a subsequence in the same
 * order, so iterating a role's bits yields its WordPress order. */
static const char *const cap_names[] = {
	/* 1.6 */
	"switch_themes", "edit_themes", "activate_plugins", "edit_plugins", "edit_users",
	"edit_files", "manage_options", "moderate_comments", "manage_categories", "manage_links",
	"upload_files", "import", "unfiltered_html", "edit_posts", "edit_others_posts",
	"edit_published_posts", "publish_posts", "edit_pages", "read", "level_10", "level_9",
	"level_8", "level_7", "level_6", "level_5", "level_4", "level_3", "level_2", "level_1",
	"level_0",
	/* 2.1 */
	"edit_others_pages", "edit_published_pages", "publish_pages", "delete_pages",
	"delete_others_pages", "delete_published_pages", "delete_posts", "delete_others_posts",
	"delete_published_posts", "delete_private_posts", "edit_private_posts", "read_private_posts",
	"delete_private_pages", "edit_private_pages", "read_private_pages", "delete_users",
	"create_users",
	/* 2.3, 2.5, 2.6, 2.7, 2.8 */
	"unfiltered_upload", "edit_dashboard", "update_plugins", "delete_plugins", "install_plugins",
	"update_themes", "install_themes",
	/* 3.0 */
	"update_core", "list_users", "remove_users", "promote_users", "edit_theme_options",
	"delete_themes", "export",
};
#define NCAPS ((int)(sizeof cap_names / sizeof cap_names[0]))
_Static_assert(sizeof cap_names / sizeof cap_names[0] <= 64, "capabilities must fit a uint64_t");

/* The roles' capabilities beyond the administrator's (who has all of them). */
static const char *const editor_caps[] = {
	"moderate_comments", "manage_categories", "manage_links", "upload_files", "unfiltered_html",
	"edit_posts", "edit_others_posts", "edit_published_posts", "publish_posts", "edit_pages",
	"read", "level_7", "level_6", "level_5", "level_4", "level_3", "level_2", "level_1", "level_0",
	"edit_others_pages", "edit_published_pages", "publish_pages", "delete_pages",
	"delete_others_pages", "delete_published_pages", "delete_posts", "delete_others_posts",
	"delete_published_posts", "delete_private_posts", "edit_private_posts", "read_private_posts",
	"delete_private_pages", "edit_private_pages", "read_private_pages", NULL,
};
static const char *const author_caps[] = {
	"upload_files", "edit_posts", "edit_published_posts", "publish_posts", "read", "level_2",
	"level_1", "level_0", "delete_posts", "delete_published_posts", NULL,
};
static const char *const contributor_caps[] = {
	"edit_posts", "read", "level_1", "level_0", "delete_posts", NULL,
};
static const char *const subscriber_caps[] = { "read", "level_0", NULL };

static struct {
	const char *name;
	const char *const *caps;   /* NULL: every capability (administrator) */
	uint64_t mask;             /* filled once by init_roles() */
} roles[] = {
	{ "administrator", NULL, 0 },
	{ "editor", editor_caps, 0 },
	{ "author", author_caps, 0 },
	{ "contributor", contributor_caps, 0 },
	{ "subscriber", subscriber_caps, 0 },
};
#define NROLES ((int)(sizeof roles / sizeof roles[0]))

static int cap_index(const char *cap)
{
	for (int i = 0; i < NCAPS; i++)
		if (strcmp(cap_names[i], cap) == 0)
			return i;
	return -1;
}

static pthread_once_t roles_once = PTHREAD_ONCE_INIT;

static void init_roles(void)
{
	for (int r = 0; r < NROLES; r++) {
		if (!roles[r].caps) {
			roles[r].mask = NCAPS == 64 ? ~(uint64_t)0 : ((uint64_t)1 << NCAPS) - 1;
			continue;
		}
		for (const char *const *c = roles[r].caps; *c; c++)
			roles[r].mask |= (uint64_t)1 << cap_index(*c);
	}
}

static int role_index(const char *name)
{
	for (int r = 0; r < NROLES; r++)
		if (strcmp(roles[r].name, name) == 0)
			return r;
	return -1;
}

int caps_is_role(const char *name)
{
	return role_index(name) >= 0;
}

int caps_role_has(const char *role, const char *cap)
{
	int r = role_index(role), c = cap_index(cap);
	pthread_once(&roles_once, init_roles);
	return r >= 0 && c >= 0 && (roles[r].mask >> c & 1);
}

/* PHP's !empty() of an unserialized value. */
static int php_truthy(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_TRUE: return 1;
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) != 0.0;
	case JSON_STRING: {
		const char *s = json_string_value(v);
		return !(s[0] == '\0' || (s[0] == '0' && s[1] == '\0'));
	}
	case JSON_ARRAY: return json_array_size(v) != 0;
	case JSON_OBJECT: return json_object_size(v) != 0;
	default: return 0;
	}
}

/* The user's wp_capabilities as an object of key -> value (NULL if none).
 * A PHP list (keys 0..n-1) becomes an object keyed "0", "1" ... */
static json_t *load_caps_meta(struct store *st, long id)
{
	char *raw = store_meta_get(st, "user", id, "wp_capabilities");
	json_t *v = NULL;
	if (!raw)
		return NULL;
	if (phpser_unserialize(raw, strlen(raw), &v) != PD_OK)
		v = NULL;
	free(raw);
	if (json_is_array(v)) {
		json_t *o = jobj();
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			char k[24];
			snprintf(k, sizeof k, "%zu", i);
			jset(o, k, json_incref(e));
		}
		json_decref(v);
		v = o;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		return NULL;
	}
	return v;
}

int caps_user_load(struct store *st, long id, struct user *out)
{
	pthread_once(&roles_once, init_roles);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = store_stmt(st, "SELECT user_login FROM wp_users WHERE ID = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		const unsigned char *login = sqlite3_column_text(s, 0);
		snprintf(out->login, sizeof out->login, "%s", login ? (const char *)login : "");
	}
	store_done(s);
	if (step != SQLITE_ROW)
		return step == SQLITE_DONE ? PD_ENOTFOUND : PD_EDB;
	out->id = id;

	/* WP_User::get_role_caps(): keys naming a role are roles (whatever
	 * their value); allcaps = the roles' caps overlaid by every key. */
	json_t *caps = load_caps_meta(st, id);
	const char *key;
	json_t *val;
	json_object_foreach(caps, key, val) {
		int r = role_index(key);
		if (r < 0)
			continue;
		if (!out->role[0])
			snprintf(out->role, sizeof out->role, "%s", key);
		out->caps |= roles[r].mask;
	}
	size_t used = 0;
	json_object_foreach(caps, key, val) {
		int c = cap_index(key);
		if (c >= 0) {
			if (php_truthy(val))
				out->caps |= (uint64_t)1 << c;
			else
				out->caps &= ~((uint64_t)1 << c);
		} else if (php_truthy(val)) {
			size_t n = strlen(key) + 1;
			if (used + n < sizeof out->extra) { /* keep room for the final "" */
				memcpy(out->extra + used, key, n);
				used += n;
			}
		}
	}
	json_decref(caps);
	return PD_OK;
}

/* Whether the user holds a primitive capability (WP_User::has_cap() after
 * mapping, with the core user_has_cap filters that grant derived caps). */
static int has_primitive(const struct user *u, const char *cap)
{
	if (strcmp(cap, "exist") == 0)
		return 1;
	if (!u || strcmp(cap, "do_not_allow") == 0)
		return 0;
	int c = cap_index(cap);
	if (c >= 0)
		return (u->caps >> c & 1) != 0;
	for (const char *e = u->extra; *e; e += strlen(e) + 1)
		if (strcmp(e, cap) == 0)
			return 1;
	/* wp_maybe_grant_install_languages_cap(), wp_maybe_grant_resume_extensions_caps(),
	 * wp_maybe_grant_site_health_caps(). */
	if (strcmp(cap, "install_languages") == 0)
		return has_primitive(u, "update_core") || has_primitive(u, "install_plugins") ||
		       has_primitive(u, "install_themes");
	if (strcmp(cap, "resume_plugins") == 0)
		return has_primitive(u, "activate_plugins");
	if (strcmp(cap, "resume_themes") == 0)
		return has_primitive(u, "switch_themes");
	if (strcmp(cap, "view_site_health_checks") == 0)
		return has_primitive(u, "install_plugins");
	return 0;
}

/* ---- map_meta_cap() ---- */

#define MAX_CAPS 8

struct caplist {
	const char *caps[MAX_CAPS]; /* static strings */
	int n;
};

static void need(struct caplist *l, const char *cap)
{
	if (l->n < MAX_CAPS)
		l->caps[l->n++] = cap;
	else
		l->caps[MAX_CAPS - 1] = "do_not_allow"; /* never silently drop a requirement */
}

/* The capabilities of a post type (WP_Post_Type::$cap) as pressd knows them. */
struct ptype {
	const char *name;
	int map_meta_cap;          /* register_post_type()'s map_meta_cap */
	const char *read, *edit_posts, *edit_others_posts, *edit_published_posts,
		*edit_private_posts, *publish_posts, *read_private_posts, *delete_posts,
		*delete_others_posts, *delete_published_posts, *delete_private_posts;
};

#define POST_CAPS "read", "edit_posts", "edit_others_posts", "edit_published_posts", \
	"edit_private_posts", "publish_posts", "read_private_posts", "delete_posts", \
	"delete_others_posts", "delete_published_posts", "delete_private_posts"
#define THEME_CAPS(read) read, "edit_theme_options", "edit_theme_options", "edit_theme_options", \
	"edit_theme_options", "edit_theme_options", "edit_theme_options", "edit_theme_options", \
	"edit_theme_options", "edit_theme_options", "edit_theme_options"

/* create_initial_post_types(): wp_block's *_blocks caps are mapped to *_posts
 * by map_meta_cap()'s default case, so they are written as *_posts here. */
static const struct ptype ptypes[] = {
	{ "post", 1, POST_CAPS },
	{ "page", 1, "read", "edit_pages", "edit_others_pages", "edit_published_pages",
	  "edit_private_pages", "publish_pages", "read_private_pages", "delete_pages",
	  "delete_others_pages", "delete_published_pages", "delete_private_pages" },
	{ "attachment", 1, POST_CAPS },
	{ "revision", 1, POST_CAPS },
	{ "wp_block", 1, "edit_posts", "edit_posts", "edit_others_posts", "edit_published_posts",
	  "edit_private_posts", "publish_posts", "read_private_posts", "delete_posts",
	  "delete_others_posts", "delete_published_posts", "delete_private_posts" },
	{ "nav_menu_item", 0, THEME_CAPS("read") },
	{ "wp_global_styles", 1, THEME_CAPS("read") },
	{ "wp_template", 1, THEME_CAPS("edit_theme_options") },
	{ "wp_template_part", 1, THEME_CAPS("edit_theme_options") },
	{ "wp_navigation", 1, THEME_CAPS("edit_theme_options") },
	{ "wp_font_family", 1, THEME_CAPS("edit_theme_options") },
	{ "wp_font_face", 1, THEME_CAPS("edit_theme_options") },
};

static const struct ptype *ptype_find(const char *name)
{
	for (size_t i = 0; i < sizeof ptypes / sizeof ptypes[0]; i++)
		if (strcmp(ptypes[i].name, name) == 0)
			return &ptypes[i];
	return NULL;
}

struct post_row {
	long id, author, parent;
	char type[32];
	char status[24];
};

static int post_load(struct store *st, long id, struct post_row *p)
{
	if (id <= 0)
		return 0;
	sqlite3_stmt *s = store_stmt(st, "SELECT post_type, post_status, post_author, post_parent "
					 "FROM wp_posts WHERE ID = ?");
	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, id);
	int found = sqlite3_step(s) == SQLITE_ROW;
	if (found) {
		p->id = id;
		snprintf(p->type, sizeof p->type, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(p->status, sizeof p->status, "%s", (const char *)sqlite3_column_text(s, 1));
		p->author = (long)sqlite3_column_int64(s, 2);
		p->parent = (long)sqlite3_column_int64(s, 3);
	}
	store_done(s);
	return found;
}

/* get_post_meta($id, '_wp_trash_meta_status', true) is publish or future. */
static int trashed_from_published(struct store *st, long id)
{
	char *v = store_meta_get(st, "post", id, "_wp_trash_meta_status");
	int yes = v && (strcmp(v, "publish") == 0 || strcmp(v, "future") == 0);
	free(v);
	return yes;
}

/* Mirrors get_post_status(): attachments take their parent's status. */
static void effective_status(struct store *st, const struct post_row *p, char out[24], int depth)
{
	snprintf(out, 24, "%s", p->status);
	if (strcmp(p->type, "attachment") != 0)
		return;
	if (strcmp(p->status, "inherit") == 0) {
		struct post_row parent;
		if (p->parent == 0 || p->parent == p->id || depth > 8 || !post_load(st, p->parent, &parent)) {
			snprintf(out, 24, "publish");
			return;
		}
		char ps[24];
		effective_status(st, &parent, ps, depth + 1);
		if (strcmp(ps, "trash") == 0) {
			char *v = store_meta_get(st, "post", parent.id, "_wp_trash_meta_status");
			snprintf(out, 24, "%s", v && *v ? v : "publish");
			free(v);
		} else {
			snprintf(out, 24, "%s", ps);
		}
	} else if (strcmp(p->status, "private") && strcmp(p->status, "trash") &&
		   strcmp(p->status, "auto-draft")) {
		snprintf(out, 24, "publish");
	}
}

/* The registered post statuses: 1 public, 2 private, 0 neither (protected or
 * internal), -1 unknown. */
static int status_class(const char *status)
{
	static const char *const known[] = { "future", "draft", "pending", "trash", "auto-draft",
					     "inherit", "request-pending", "request-confirmed",
					     "request-failed", "request-completed" };
	if (strcmp(status, "publish") == 0)
		return 1;
	if (strcmp(status, "private") == 0)
		return 2;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(status, known[i]) == 0)
			return 0;
	return -1;
}

static long option_long(struct store *st, const char *name)
{
	return store_option_get_long(st, name, 0);
}

static void map_meta(struct store *st, long uid, const char *cap, long obj, struct caplist *l,
		     int depth);

/* edit_post / delete_post for a post (map_meta_cap()'s shared branch). */
static void map_edit_delete_post(struct store *st, long uid, int del, long obj, struct caplist *l)
{
	struct post_row p;
	if (!post_load(st, obj, &p)) {
		need(l, "do_not_allow");
		return;
	}
	if (strcmp(p.type, "revision") == 0) {
		if (del) {
			need(l, "do_not_allow");
			return;
		}
		if (!post_load(st, p.parent, &p)) {
			need(l, "do_not_allow");
			return;
		}
	}
	if (del && (option_long(st, "page_for_posts") == p.id || option_long(st, "page_on_front") == p.id)) {
		need(l, "manage_options");
		return;
	}
	const struct ptype *t = ptype_find(p.type);
	if (!t) {
		need(l, "edit_others_posts");
		return;
	}
	if (!t->map_meta_cap) {
		need(l, "edit_theme_options"); /* nav_menu_item's edit_post / delete_post */
		return;
	}
	int published = !strcmp(p.status, "publish") || !strcmp(p.status, "future");
	if (p.author && uid == p.author) {
		if (published)
			need(l, del ? t->delete_published_posts : t->edit_published_posts);
		else if (!strcmp(p.status, "trash"))
			need(l, trashed_from_published(st, p.id) ?
				(del ? t->delete_published_posts : t->edit_published_posts) :
				(del ? t->delete_posts : t->edit_posts));
		else
			need(l, del ? t->delete_posts : t->edit_posts);
	} else {
		need(l, del ? t->delete_others_posts : t->edit_others_posts);
		if (published)
			need(l, del ? t->delete_published_posts : t->edit_published_posts);
		else if (!strcmp(p.status, "private"))
			need(l, del ? t->delete_private_posts : t->edit_private_posts);
	}
	/* The privacy policy page also needs manage_privacy_options. */
	if (option_long(st, "wp_page_for_privacy_policy") == p.id)
		need(l, "manage_options");
}

static void map_read_post(struct store *st, long uid, long obj, struct caplist *l, int depth)
{
	struct post_row p;
	if (!post_load(st, obj, &p)) {
		need(l, "do_not_allow");
		return;
	}
	if (strcmp(p.type, "revision") == 0 && !post_load(st, p.parent, &p)) {
		need(l, "do_not_allow");
		return;
	}
	const struct ptype *t = ptype_find(p.type);
	if (!t) {
		need(l, "edit_others_posts");
		return;
	}
	if (!t->map_meta_cap) {
		need(l, t->read);
		return;
	}
	char status[24];
	effective_status(st, &p, status, 0);
	int cls = status_class(status);
	if (cls < 0)
		need(l, "edit_others_posts");
	else if (cls == 1)
		need(l, t->read);
	else if (p.author && uid == p.author)
		need(l, t->read);
	else if (cls == 2)
		need(l, t->read_private_posts);
	else
		map_meta(st, uid, "edit_post", p.id, l, depth + 1);
}

/* edit_term / delete_term / assign_term: the taxonomy's capability, mapped again. */
static void map_term(struct store *st, long uid, const char *cap, long obj, struct caplist *l,
		     int depth)
{
	char tax[64] = "";
	sqlite3_stmt *s = store_stmt(st, "SELECT taxonomy FROM wp_term_taxonomy WHERE term_id = ? "
					 "ORDER BY term_taxonomy_id LIMIT 1");
	if (s && obj > 0) {
		sqlite3_bind_int64(s, 1, obj);
		if (sqlite3_step(s) == SQLITE_ROW)
			snprintf(tax, sizeof tax, "%s", (const char *)sqlite3_column_text(s, 0));
	}
	if (s)
		store_done(s);
	static const char *const known[] = { "category", "post_tag", "nav_menu", "link_category",
					     "post_format", "wp_theme", "wp_template_part_area",
					     "wp_pattern_category" };
	int registered = 0;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		registered |= strcmp(tax, known[i]) == 0;
	if (!registered) {
		need(l, "do_not_allow");
		return;
	}
	int del = strcmp(cap, "delete_term") == 0, assign = strcmp(cap, "assign_term") == 0;
	if (del) {
		char opt[96];
		snprintf(opt, sizeof opt, "default_%s", tax);
		long d1 = option_long(st, opt);
		snprintf(opt, sizeof opt, "default_term_%s", tax);
		if (d1 == obj || option_long(st, opt) == obj) {
			need(l, "do_not_allow");
			return;
		}
	}
	const char *taxcap;
	if (!strcmp(tax, "category"))
		taxcap = assign ? "assign_categories" : del ? "delete_categories" : "edit_categories";
	else if (!strcmp(tax, "post_tag"))
		taxcap = assign ? "assign_post_tags" : del ? "delete_post_tags" : "edit_post_tags";
	else if (!strcmp(tax, "nav_menu"))
		taxcap = "edit_theme_options";
	else if (!strcmp(tax, "link_category"))
		taxcap = "manage_links";
	else
		taxcap = assign ? "edit_posts" : "manage_categories"; /* WP_Taxonomy defaults */
	map_meta(st, uid, taxcap, obj, l, depth + 1);
}

static int in_list(const char *cap, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(cap, *list) == 0)
			return 1;
	return 0;
}

/* Mirrors map_meta_cap() for a single site without DISALLOW_* constants. */
static void map_meta(struct store *st, long uid, const char *cap, long obj, struct caplist *l,
		     int depth)
{
	if (depth > 4) {
		need(l, "do_not_allow");
		return;
	}
	if (!strcmp(cap, "remove_user")) {
		/* Removing oneself needs is_super_admin(), on a single site "can delete_users". */
		if (obj == uid)
			need(l, "delete_users");
		need(l, "remove_users");
	} else if (!strcmp(cap, "promote_user") || !strcmp(cap, "add_users")) {
		need(l, "promote_users");
	} else if (!strcmp(cap, "edit_user") || !strcmp(cap, "edit_users")) {
		if (uid < 1)
			need(l, "do_not_allow");
		else if (!strcmp(cap, "edit_user") && obj == uid)
			; /* users may edit themselves */
		else
			need(l, "edit_users");
	} else if (!strcmp(cap, "delete_post") || !strcmp(cap, "delete_page")) {
		map_edit_delete_post(st, uid, 1, obj, l);
	} else if (!strcmp(cap, "edit_post") || !strcmp(cap, "edit_page")) {
		map_edit_delete_post(st, uid, 0, obj, l);
	} else if (!strcmp(cap, "read_post") || !strcmp(cap, "read_page")) {
		map_read_post(st, uid, obj, l, depth);
	} else if (!strcmp(cap, "publish_post")) {
		struct post_row p;
		const struct ptype *t;
		if (!post_load(st, obj, &p))
			need(l, "do_not_allow");
		else if (!(t = ptype_find(p.type)))
			need(l, "edit_others_posts");
		else
			need(l, t->publish_posts);
	} else if (!strcmp(cap, "edit_post_meta") || !strcmp(cap, "delete_post_meta") ||
		   !strcmp(cap, "add_post_meta")) {
		map_meta(st, uid, "edit_post", obj, l, depth + 1);
	} else if (!strcmp(cap, "edit_user_meta") || !strcmp(cap, "delete_user_meta") ||
		   !strcmp(cap, "add_user_meta")) {
		map_meta(st, uid, "edit_user", obj, l, depth + 1);
	} else if (!strcmp(cap, "edit_term_meta") || !strcmp(cap, "delete_term_meta") ||
		   !strcmp(cap, "add_term_meta")) {
		map_meta(st, uid, "edit_term", obj, l, depth + 1);
	} else if (!strcmp(cap, "edit_comment") || !strcmp(cap, "edit_comment_meta") ||
		   !strcmp(cap, "delete_comment_meta") || !strcmp(cap, "add_comment_meta")) {
		long post = -1;
		sqlite3_stmt *s = store_stmt(st, "SELECT comment_post_ID FROM wp_comments WHERE comment_ID = ?");
		if (s) {
			sqlite3_bind_int64(s, 1, obj);
			if (sqlite3_step(s) == SQLITE_ROW)
				post = (long)sqlite3_column_int64(s, 0);
			store_done(s);
		}
		struct post_row p;
		if (post < 0)
			need(l, "do_not_allow");
		else if (post_load(st, post, &p))
			map_meta(st, uid, "edit_post", post, l, depth + 1);
		else
			need(l, "edit_posts");
	} else if (!strcmp(cap, "unfiltered_upload")) {
		need(l, "do_not_allow"); /* ALLOW_UNFILTERED_UPLOADS is not defined */
	} else if (!strcmp(cap, "edit_css") || !strcmp(cap, "unfiltered_html")) {
		need(l, "unfiltered_html");
	} else if (!strcmp(cap, "upload_themes")) {
		need(l, "install_themes");
	} else if (!strcmp(cap, "upload_plugins")) {
		need(l, "install_plugins");
	} else if (!strcmp(cap, "install_languages") || !strcmp(cap, "update_languages")) {
		need(l, "install_languages");
	} else if (in_list(cap, (const char *const[]){ "activate_plugins", "deactivate_plugins",
						      "activate_plugin", "deactivate_plugin", NULL })) {
		need(l, "activate_plugins");
	} else if (!strcmp(cap, "resume_plugin")) {
		need(l, "resume_plugins");
	} else if (!strcmp(cap, "resume_theme")) {
		need(l, "resume_themes");
	} else if (!strcmp(cap, "delete_user") || !strcmp(cap, "delete_users")) {
		need(l, "delete_users");
	} else if (!strcmp(cap, "manage_links")) {
		need(l, option_long(st, "link_manager_enabled") ? "manage_links" : "do_not_allow");
	} else if (!strcmp(cap, "customize")) {
		need(l, "edit_theme_options");
	} else if (!strcmp(cap, "delete_site")) {
		need(l, "do_not_allow");
	} else if (!strcmp(cap, "edit_term") || !strcmp(cap, "delete_term") || !strcmp(cap, "assign_term")) {
		map_term(st, uid, cap, obj, l, depth);
	} else if (in_list(cap, (const char *const[]){ "manage_post_tags", "edit_categories",
						      "edit_post_tags", "delete_categories",
						      "delete_post_tags", NULL })) {
		need(l, "manage_categories");
	} else if (!strcmp(cap, "assign_categories") || !strcmp(cap, "assign_post_tags")) {
		need(l, "edit_posts");
	} else if (!strcmp(cap, "setup_network")) {
		need(l, "manage_options");
	} else if (!strcmp(cap, "update_php")) {
		need(l, "update_core");
	} else if (!strcmp(cap, "update_https")) {
		need(l, "manage_options");
		need(l, "update_core");
	} else if (in_list(cap, (const char *const[]){ "export_others_personal_data",
						      "erase_others_personal_data",
						      "manage_privacy_options", NULL })) {
		need(l, "manage_options");
	} else if (in_list(cap, (const char *const[]){ "create_app_password", "list_app_passwords",
						      "read_app_password", "edit_app_password",
						      "delete_app_passwords", "delete_app_password", NULL })) {
		map_meta(st, uid, "edit_user", obj, l, depth + 1);
	} else {
		/* Block capabilities map to their post equivalents. */
		static const char *const block_caps[][2] = {
			{ "edit_blocks", "edit_posts" }, { "edit_others_blocks", "edit_others_posts" },
			{ "publish_blocks", "publish_posts" }, { "read_private_blocks", "read_private_posts" },
			{ "delete_blocks", "delete_posts" }, { "delete_private_blocks", "delete_private_posts" },
			{ "delete_published_blocks", "delete_published_posts" },
			{ "delete_others_blocks", "delete_others_posts" },
			{ "edit_private_blocks", "edit_private_posts" },
			{ "edit_published_blocks", "edit_published_posts" },
		};
		for (size_t i = 0; i < sizeof block_caps / sizeof block_caps[0]; i++) {
			if (!strcmp(cap, block_caps[i][0])) {
				need(l, block_caps[i][1]);
				return;
			}
		}
		need(l, cap);
	}
}

int caps_user_can(struct store *st, const struct user *user, const char *cap, long object_id)
{
	struct caplist l = { .n = 0 };
	pthread_once(&roles_once, init_roles);
	map_meta(st, user ? user->id : 0, cap, object_id, &l, 0);
	for (int i = 0; i < l.n; i++)
		if (!has_primitive(user, l.caps[i]))
			return 0;
	return 1;
}

int caps_user_describe(struct store *st, long id, json_t **roles_out, json_t **allcaps_out,
		       json_t **caps_out)
{
	pthread_once(&roles_once, init_roles);
	json_t *caps = load_caps_meta(st, id);
	json_t *rl = jarr(), *all = jobj();
	const char *key;
	json_t *val;
	if (!caps)
		caps = jobj();
	json_object_foreach(caps, key, val) {
		int r = role_index(key);
		if (r < 0)
			continue;
		jpush(rl, jstr(key));
		/* array_merge(): a role's caps in its order, existing keys keep their place. */
		for (int c = 0; c < NCAPS; c++)
			if (roles[r].mask >> c & 1)
				jset(all, cap_names[c], json_true());
	}
	json_object_foreach(caps, key, val)
		jset(all, key, json_incref(val));
	if (roles_out)
		*roles_out = rl;
	else
		json_decref(rl);
	if (allcaps_out)
		*allcaps_out = all;
	else
		json_decref(all);
	if (caps_out)
		*caps_out = caps;
	else
		json_decref(caps);
	return PD_OK;
}
