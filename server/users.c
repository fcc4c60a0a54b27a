/* users.c - GET /wp/v2/users, /wp/v2/users/<id> and /wp/v2/users/me as
 * WP_REST_Users_Controller answers them in view and embed context, and the
 * Gravatar URLs users and comments share (view, embed and edit context).
 * Writing users is not here yet. */
#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/collate.h"
#include "pressd/collection.h"
#include "pressd/err.h"
#include "pressd/permalink.h"
#include "pressd/json.h"
#include "pressd/links.h"
#include "pressd/phpser.h"
#include "pressd/rest.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/users.h"
#include "pressd/validate.h"

/* ---- avatars ---- */

int users_gravatar_url(const char *email, int size, const char *def, const char *rating,
		       struct buf *out)
{
	char hex[crypto_hash_sha256_BYTES * 2 + 1] = "";
	const char *ws = " \t\n\r\v";
	size_t start = 0, end = email ? strlen(email) : 0;
	while (start < end && (strchr(ws, email[start]) || !email[start]))
		start++;
	while (end > start && strchr(ws, email[end - 1]))
		end--;
	if (end > start) {
		unsigned char sum[crypto_hash_sha256_BYTES];
		unsigned char *lower = malloc(end - start);
		if (!lower)
			return PD_ENOMEM;
		for (size_t i = start; i < end; i++) /* strtolower(): ASCII only */
			lower[i - start] = (unsigned char)tolower((unsigned char)email[i]);
		crypto_hash_sha256(sum, lower, end - start);
		free(lower);
		sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
	}
	/* get_avatar_data(): "mystery" and friends become "mm"; "gravatar_default" drops d. */
	if (!def || !*def || !strcmp(def, "mystery") || !strcmp(def, "mysteryman"))
		def = "mm";
	else if (!strcmp(def, "gravatar_default"))
		def = NULL;
	size_t mark = out->len;
	int rc = buf_printf(out, "https://secure.gravatar.com/avatar/%s?s=%d", hex, size);
	if (rc == PD_OK && def)
		rc = buf_printf(out, "&d=%s", def);
	if (rc == PD_OK && rating && *rating) {
		rc = buf_puts(out, "&r=");
		for (const char *r = rating; rc == PD_OK && *r; r++)
			rc = buf_putc(out, (char)tolower((unsigned char)*r));
	}
	if (rc != PD_OK) {
		out->len = mark;
		if (out->data)
			out->data[mark] = '\0';
	}
	return rc;
}

json_t *users_avatar_urls(struct store *st, const char *email)
{
	static const int sizes[] = { 24, 48, 96 }; /* rest_get_avatar_sizes() */
	char *def = store_option_get(st, "avatar_default");
	char *rating = store_option_get(st, "avatar_rating");
	json_t *urls = jobj();
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct buf b = BUF_INIT;
		char key[8];
		snprintf(key, sizeof key, "%d", sizes[i]);
		if (users_gravatar_url(email, sizes[i], def ? def : "mystery", rating ? rating : "G", &b) == PD_OK)
			jset(urls, key, jstr(buf_str(&b)));
		buf_free(&b);
	}
	free(def);
	free(rating);
	return urls;
}

/* ---- users ---- */

/* A row of wp_users with what the REST view needs; strings owned. */
struct user_row {
	long id;
	char *login;           /* user_login */
	char *nicename;        /* user_nicename: the slug */
	char *email;           /* user_email */
	char *url;             /* user_url */
	char *name;            /* display_name */
	char *registered;      /* user_registered, GMT MySQL datetime */
	int published;         /* 1 when the user has a published post of a REST type */
	int private_posts;     /* 1 when the user has a private post or page */
};

#define USER_COLUMNS \
	"SELECT u.ID, u.user_login, u.user_nicename, u.user_email, u.user_url, u.display_name," \
	" u.user_registered, EXISTS (SELECT 1 FROM wp_posts p WHERE p.post_author = u.ID" \
	" AND p.post_status = 'publish' AND p.post_type IN ('post', 'page', 'attachment'," \
	" 'nav_menu_item', 'wp_block', 'wp_template', 'wp_template_part', 'wp_global_styles'," \
	" 'wp_navigation', 'wp_font_family', 'wp_font_face')),"                                      \
	" EXISTS (SELECT 1 FROM wp_posts p WHERE p.post_author = u.ID AND p.post_status = 'private'" \
	" AND p.post_type IN ('post', 'page')) FROM wp_users u"
/* The published check mirrors count_user_posts() over the post types with
 * show_in_rest, as the users controller asks it for anonymous callers. */

static void row_read(sqlite3_stmt *q, struct user_row *u)
{
	u->id = sqlite3_column_int64(q, 0);
	u->login = store_column_strdup(q, 1);
	u->nicename = store_column_strdup(q, 2);
	u->email = store_column_strdup(q, 3);
	u->url = store_column_strdup(q, 4);
	u->name = store_column_strdup(q, 5);
	u->registered = store_column_strdup(q, 6);
	u->published = sqlite3_column_int(q, 7);
	u->private_posts = sqlite3_column_int(q, 8);
}

static void row_free(struct user_row *u)
{
	free(u->login);
	free(u->nicename);
	free(u->email);
	free(u->url);
	free(u->name);
	free(u->registered);
}

static int user_load(struct store *st, long id, struct user_row *u)
{
	sqlite3_stmt *q = store_stmt(st, USER_COLUMNS " WHERE u.ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(q) == SQLITE_ROW) {
		row_read(q, u);
		rc = PD_OK;
	}
	store_done(q);
	return rc;
}

static int can_list_users(const struct request *req);

/* count_user_posts( id, REST types ) > 0 for the current user: published
 * posts, and private ones the user may read (get_posts_by_author_sql()). */
static int has_countable_posts(const struct request *req, const struct user_row *u)
{
	if (u->published)
		return 1;
	if (!u->private_posts || !req->user)
		return 0;
	return req->user->id == u->id ||
	       caps_user_can(req->store, req->user, "read_private_posts", 0) ||
	       caps_user_can(req->store, req->user, "read_private_pages", 0);
}

static char *meta_or_empty(struct store *st, long id, const char *key)
{
	char *v = store_meta_get(st, "user", id, key);
	return v ? v : strdup("");
}

/* The edit-context fields between description and slug, and after it. */
static void user_edit_fields(struct request *req, const struct user_row *u, json_t *d)
{
	struct store *st = req->store;
	char *first = meta_or_empty(st, u->id, "first_name"), *last = meta_or_empty(st, u->id, "last_name");
	char *nick = meta_or_empty(st, u->id, "nickname"), *locale = meta_or_empty(st, u->id, "locale");
	jset(d, "username", jstr(u->login));
	jset(d, "name", jstr(u->name));
	jset(d, "first_name", jstr(first));
	jset(d, "last_name", jstr(last));
	jset(d, "email", jstr(u->email));
	jset(d, "locale", jstr(locale[0] ? locale : "en_US")); /* get_user_locale(): the site's */
	jset(d, "nickname", jstr(nick));
	free(first);
	free(last);
	free(nick);
	free(locale);
}

/* The JSON of one user (prepare_item_for_response() + prepare_links()),
 * keys in the controller's order for the request's context. */
static json_t *user_json(struct request *req, const struct user_row *u)
{
	const char *context = rest_context(req);
	int embed = !strcmp(context, "embed"), edit = !strcmp(context, "edit");
	json_t *d = jobj(), *e = edit ? jobj() : NULL;
	struct buf link = BUF_INIT;
	char *description = store_meta_get(req->store, "user", u->id, "description");
	if (e)
		user_edit_fields(req, u, e);
	jset(d, "id", jint(u->id));
	if (e) {
		const char *k[] = { "username", "name", "first_name", "last_name", "email" };
		for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
			jset(d, k[i], json_incref(json_object_get(e, k[i])));
	} else {
		jset(d, "name", jstr(u->name));
	}
	jset(d, "url", jstr(u->url));
	jset(d, "description", jstr(description ? description : ""));
	permalink_author(req->site, u->id, u->nicename, &link);
	jset(d, "link", jstr(buf_str(&link)));
	if (e) {
		jset(d, "locale", json_incref(json_object_get(e, "locale")));
		jset(d, "nickname", json_incref(json_object_get(e, "nickname")));
	}
	jset(d, "slug", jstr(u->nicename));
	if (e) {
		json_t *roles = NULL, *allcaps = NULL, *caps = NULL;
		char date[32];
		caps_user_describe(req->store, u->id, &roles, &allcaps, &caps);
		jset(d, "roles", roles ? roles : jarr());
		/* gmdate('c', strtotime(user_registered)) */
		snprintf(date, sizeof date, "%.10sT%.8s+00:00", u->registered,
			 strlen(u->registered) >= 19 ? u->registered + 11 : "00:00:00");
		jset(d, "registered_date", jstr(date));
		jset(d, "capabilities", allcaps ? allcaps : jobj());
		jset(d, "extra_capabilities", caps ? caps : jobj());
	}
	jset(d, "avatar_urls", users_avatar_urls(req->store, u->email));
	if (e) {
		/* The one registered user meta, edit-only: an object, [] when unset. */
		char *pp = store_meta_get(req->store, "user", u->id, "wp_persisted_preferences");
		json_t *v = NULL;
		if (!pp || phpser_unserialize(pp, strlen(pp), &v) != PD_OK || !json_is_object(v) ||
		    !json_object_size(v)) {
			json_decref(v);
			v = jarr();
		}
		jset(d, "meta", jset(jobj(), "persisted_preferences", v));
		free(pp);
	} else if (!embed) {
		jset(d, "meta", jarr());
	}
	json_t *links = jobj();
	/* The self link's Allow as get_item_permissions_check() decides it for
	 * the current user in view context. */
	int can_edit = req->user && caps_user_can(req->store, req->user, "edit_user", u->id);
	int methods = (req->user && req->user->id == u->id) || can_edit || can_list_users(req) ||
		      has_countable_posts(req, u) ? M_GET : 0;
	if (can_edit)
		methods |= M_POST | M_PUT | M_PATCH;
	if (req->user && caps_user_can(req->store, req->user, "delete_user", u->id))
		methods |= M_DELETE;
	links_add_self_collection(links, req, methods, "users", u->id);
	jset(d, "_links", links);
	json_decref(e);
	free(description);
	buf_free(&link);
	return d;
}

static int can_list_users(const struct request *req)
{
	return req->user && caps_user_can(req->store, req->user, "list_users", 0);
}

/* get_item_permissions_check(): anonymous callers see authors of published posts only. */
int users_get_item_permission(struct request *req, struct response *res)
{
	long id = rest_param_int(req, "id", 0);
	struct user_row u;
	int rc = id > 0 ? user_load(req->store, id, &u) : PD_ENOTFOUND;
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 404, "rest_user_invalid_id", "Invalid user ID.");
	if (rc != PD_OK)
		return rc;
	int published = has_countable_posts(req, &u);
	row_free(&u);
	if (req->user && req->user->id == id)
		return PD_OK;
	int can_edit = req->user && caps_user_can(req->store, req->user, "edit_user", id);
	if (!strcmp(rest_context(req), "edit") && !can_edit)
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit this user.");
	if (!can_edit && !can_list_users(req) && !published)
		return rest_error(res, rest_authorization_required_code(req), "rest_user_cannot_view",
				  "Sorry, you are not allowed to list users.");
	return PD_OK;
}

int users_get_item(struct request *req, struct response *res)
{
	struct user_row u;
	int rc = user_load(req->store, rest_param_int(req, "id", 0), &u);
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 404, "rest_user_invalid_id", "Invalid user ID.");
	if (rc != PD_OK)
		return rc;
	res->body = user_json(req, &u);
	row_free(&u);
	return PD_OK;
}

int users_get_me(struct request *req, struct response *res)
{
	if (!req->user)
		return rest_error(res, 401, "rest_not_logged_in", "You are not currently logged in.");
	struct user_row u;
	int rc = user_load(req->store, req->user->id, &u);
	if (rc != PD_OK)
		return rc == PD_ENOTFOUND ? rest_error(res, 401, "rest_not_logged_in",
						       "You are not currently logged in.") : rc;
	res->body = user_json(req, &u);
	row_free(&u);
	return PD_OK;
}

/* ---- collection ---- */

int users_get_items_permission(struct request *req, struct response *res)
{
	int lister = can_list_users(req);
	if (!validate_php_empty(rest_param(req, "roles")) && !lister)
		return rest_error(res, rest_authorization_required_code(req), "rest_user_cannot_view",
				  "Sorry, you are not allowed to filter users by role.");
	if (!validate_php_empty(rest_param(req, "capabilities")) && !lister)
		return rest_error(res, rest_authorization_required_code(req), "rest_user_cannot_view",
				  "Sorry, you are not allowed to filter users by capability.");
	if (!strcmp(rest_context(req), "edit") && !lister)
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit users.");
	const char *orderby = rest_param_str(req, "orderby");
	if (orderby && (!strcmp(orderby, "email") || !strcmp(orderby, "registered_date")) && !lister)
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_orderby",
				  "Sorry, you are not allowed to order users by this parameter.");
	const char *who = rest_param_str(req, "who");
	if (who && !strcmp(who, "authors") &&
	    !(req->user && caps_user_can(req->store, req->user, "edit_posts", 0)))
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_who",
				  "Sorry, you are not allowed to query users by this parameter.");
	return PD_OK;
}

/* Sorting state for qsort (one sort at a time per thread). */
static __thread struct {
	const char *orderby;
	const json_t *include, *slugs;
	int desc;
} sort_by;

static int cmp_users(const void *a, const void *b)
{
	const struct user_row *x = a, *y = b;
	const char *o = sort_by.orderby;
	int c = 0;
	if (!strcmp(o, "id"))
		c = (x->id > y->id) - (x->id < y->id);
	else if (!strcmp(o, "name"))
		c = collate_wp_ci_str(x->name, y->name);
	else if (!strcmp(o, "slug"))
		c = collate_wp_ci_str(x->nicename, y->nicename);
	else if (!strcmp(o, "email"))
		c = collate_wp_ci_str(x->email, y->email);
	else if (!strcmp(o, "url"))
		c = collate_wp_ci_str(x->url, y->url);
	else if (!strcmp(o, "registered_date"))
		c = strcmp(x->registered, y->registered);
	else if (!strcmp(o, "include"))
		c = collection_int_index(sort_by.include, x->id) - collection_int_index(sort_by.include, y->id);
	else if (!strcmp(o, "include_slugs"))
		c = collection_str_index(sort_by.slugs, x->nicename) - collection_str_index(sort_by.slugs, y->nicename);
	if (sort_by.desc)
		c = -c;
	/* Ties: ascending ID whatever the order, as MariaDB's filesort returns them. */
	if (!c)
		c = (x->id > y->id) - (x->id < y->id);
	return c;
}

/* WP_User_Query's search over ID (exact) and user_login, user_nicename,
 * display_name (substring, case-insensitive), as anonymous callers get it;
 * callers with list_users also search e-mail and URL. */
static int user_matches_search(const struct user_row *u, const char *search, int lister)
{
	char idbuf[24];
	snprintf(idbuf, sizeof idbuf, "%ld", u->id);
	if (!strcmp(idbuf, search))
		return 1;
	if (strcasestr(u->login, search) || strcasestr(u->nicename, search) || strcasestr(u->name, search))
		return 1;
	return lister && (strcasestr(u->email, search) || strcasestr(u->url, search));
}

static int user_has_role(struct store *st, long id, const json_t *roles)
{
	char *caps = store_meta_get(st, "user", id, "wp_capabilities");
	int found = 0;
	size_t i;
	json_t *r;
	json_array_foreach(roles, i, r) {
		char needle[96];
		snprintf(needle, sizeof needle, "\"%s\";b:1", json_string_value(r));
		if (caps && strstr(caps, needle))
			found = 1;
	}
	free(caps);
	return found;
}

/* has_published_posts with a list of post types (get_posts_by_author_sql()). */
static int published_in_types(struct store *st, long id, const json_t *types)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT 1 FROM wp_posts WHERE post_author = ?1"
				 " AND post_status = 'publish' AND post_type = ?2 LIMIT 1");
	size_t i;
	json_t *t;
	int found = 0;
	if (!q)
		return 0;
	json_array_foreach(types, i, t) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_text(q, 2, json_string_value(t), -1, SQLITE_TRANSIENT);
		found = sqlite3_step(q) == SQLITE_ROW;
		store_done(q);
		if (found)
			break;
	}
	return found;
}

/* capability__in (and who=authors, WordPress's user_level > 0, which for the
 * default roles is edit_posts): the user has one of caps. */
static int user_has_cap(struct store *st, long id, const json_t *caps)
{
	struct user u;
	size_t i;
	json_t *c;
	if (caps_user_load(st, id, &u) != PD_OK)
		return 0;
	json_array_foreach(caps, i, c)
		if (json_is_string(c) && caps_user_can(st, &u, json_string_value(c), 0))
			return 1;
	return 0;
}

int users_get_items(struct request *req, struct response *res)
{
	int lister = can_list_users(req);
	const json_t *include = rest_param(req, "include"), *exclude = rest_param(req, "exclude");
	const json_t *slugs = rest_param(req, "slug"), *roles = rest_param(req, "roles");
	const json_t *hpp = rest_param(req, "has_published_posts");
	const char *search = rest_param_str(req, "search");
	const char *orderby = rest_param_str(req, "orderby");
	const char *order = rest_param_str(req, "order");
	const json_t *capabilities = rest_param(req, "capabilities");
	int only_published = !lister || !validate_php_empty(hpp);
	const char *who = rest_param_str(req, "who");
	int authors = who && !strcmp(who, "authors");
	if (authors)
		only_published = !validate_php_empty(hpp); /* 'who' replaces the anonymous restriction */
	/* has_published_posts: true means the REST post types, a list those types. */
	const json_t *types = json_is_array(hpp) && json_array_size(hpp) ? hpp : NULL;
	json_t *edit_posts = jpush(jarr(), jstr("edit_posts"));

	sqlite3_stmt *q = store_stmt(req->store, USER_COLUMNS);
	if (!q)
		return PD_EDB;
	struct collection_rows kept = { 0 };
	int rc = PD_OK;
	while (rc == PD_OK && sqlite3_step(q) == SQLITE_ROW) {
		struct user_row u;
		row_read(q, &u);
		int keep = (!only_published || (types ? published_in_types(req->store, u.id, types) : u.published)) &&
			   (!json_array_size(include) || collection_int_index(include, u.id)) &&
			   !(json_array_size(exclude) && collection_int_index(exclude, u.id)) &&
			   (!json_array_size(slugs) || collection_str_index(slugs, u.nicename)) &&
			   (!search || !*search || user_matches_search(&u, search, lister));
		if (keep && json_array_size(roles))
			keep = user_has_role(req->store, u.id, roles);
		if (keep && json_array_size(capabilities))
			keep = user_has_cap(req->store, u.id, capabilities);
		if (keep && authors)
			keep = user_has_cap(req->store, u.id, edit_posts);
		if (!keep || (rc = collection_push(&kept, &u, sizeof u)) != PD_OK)
			row_free(&u);
	}
	store_done(q);
	struct user_row *rows = kept.items;
	size_t n = kept.n;
	if (rc == PD_OK) {
		sort_by.orderby = orderby ? orderby : "name";
		sort_by.include = include;
		sort_by.slugs = slugs;
		sort_by.desc = order && !strcmp(order, "desc");
		if (n > 1)
			qsort(rows, n, sizeof *rows, cmp_users);
		struct collection_window w;
		collection_window_from_request(req, n, 1, &w);
		json_t *list = jarr();
		for (size_t i = w.first; i < w.end; i++)
			jpush(list, user_json(req, &rows[i]));
		res->body = list;
		rest_paginate(res, req, (long)n, w.per_page, w.page);
	}
	for (size_t i = 0; i < n; i++)
		row_free(&rows[i]);
	free(rows);
	json_decref(edit_posts);
	return rc;
}
