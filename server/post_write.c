/* post_write.c - creating, updating, trashing and deleting posts:
 * WP_REST_Posts_Controller's create_item(), update_item(), delete_item() and
 * their permission checks, prepare_item_for_database(), and the parts of
 * wp_insert_post() / wp_update_post() / wp_trash_post() / wp_delete_post()
 * they run. Every write is one transaction (rolled back on any error).
 * Reading posts back as JSON is post_json.c's; revisions are revisions.c's. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/kses.h"
#include "pressd/phpser.h"
#include "pressd/post_write.h"
#include "pressd/posts.h"
#include "pressd/rest.h"
#include "pressd/revisions.h"
#include "pressd/sanitize.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/validate.h"
#include "pressd/wpdate.h"

#define ZERO_DATE WPDATE_ZERO

/* ---- small helpers ---- */

static long user_id(const struct request *req)
{
	return req->user ? req->user->id : 0;
}

/* rest_authorization_required_code(). */
static int auth_code(const struct request *req)
{
	return req->user ? 403 : 401;
}

static int can(struct request *req, const char *cap, long obj)
{
	return caps_user_can(req->store, req->user, cap, obj);
}

/* PHP's empty() of a decoded request value. */
static int php_empty(const json_t *v)
{
	if (!v || json_is_null(v) || json_is_false(v))
		return 1;
	if (json_is_integer(v))
		return json_integer_value(v) == 0;
	if (json_is_real(v))
		return json_real_value(v) == 0;
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		return !*s || !strcmp(s, "0");
	}
	if (json_is_array(v))
		return json_array_size(v) == 0;
	if (json_is_object(v))
		return json_object_size(v) == 0;
	return 0;
}

/* isset( $request[name] ): present and not null. */
static const json_t *isset(const struct request *req, const char *name)
{
	const json_t *v = rest_param(req, name);
	return v && !json_is_null(v) ? v : NULL;
}

/* PHP's ! $string: "" and "0". */
static int str_empty(const char *s)
{
	return !s[0] || !strcmp(s, "0");
}

static int is_floating(const char *status)
{
	return !strcmp(status, "draft") || !strcmp(status, "pending") || !strcmp(status, "auto-draft");
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		abort(); /* as json.h's builders: a half-built row is worse than a restart */
	return d;
}

static void set_str(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

static int is_zero_date(const char *d)
{
	return !d[0] || !strcmp(d, ZERO_DATE);
}

void wpost_now(char local[20], char gmt[20])
{
	time_t t = time(NULL);
	wpdate_format_mysql(t, 0, local);
	wpdate_format_mysql(t, 1, gmt);
}

/* ---- the row ---- */

static char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return xstrdup((const char *)t);
}

static void col_into(sqlite3_stmt *s, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

int wpost_load(struct store *st, long id, struct wpost *p)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ID, post_author, post_parent, menu_order, post_date, post_date_gmt, post_modified,"
		" post_modified_gmt, post_status, post_type, comment_status, ping_status, post_title,"
		" post_content, post_excerpt, post_password, post_name, guid FROM wp_posts WHERE ID = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(s) == SQLITE_ROW) {
		p->id = (long)sqlite3_column_int64(s, 0);
		p->author = (long)sqlite3_column_int64(s, 1);
		p->parent = (long)sqlite3_column_int64(s, 2);
		p->menu_order = (long)sqlite3_column_int64(s, 3);
		col_into(s, 4, p->date, sizeof p->date);
		col_into(s, 5, p->date_gmt, sizeof p->date_gmt);
		col_into(s, 6, p->modified, sizeof p->modified);
		col_into(s, 7, p->modified_gmt, sizeof p->modified_gmt);
		col_into(s, 8, p->status, sizeof p->status);
		col_into(s, 9, p->type, sizeof p->type);
		col_into(s, 10, p->comment_status, sizeof p->comment_status);
		col_into(s, 11, p->ping_status, sizeof p->ping_status);
		p->title = col(s, 12);
		p->content = col(s, 13);
		p->excerpt = col(s, 14);
		p->password = col(s, 15);
		p->name = col(s, 16);
		p->guid = col(s, 17);
		rc = PD_OK;
	}
	store_done(s);
	return rc;
}

void wpost_free(struct wpost *p)
{
	free(p->title);
	free(p->content);
	free(p->excerpt);
	free(p->password);
	free(p->name);
	free(p->guid);
	memset(p, 0, sizeof *p);
}

static void wpost_copy(struct wpost *dst, const struct wpost *src)
{
	*dst = *src;
	dst->title = xstrdup(src->title);
	dst->content = xstrdup(src->content);
	dst->excerpt = xstrdup(src->excerpt);
	dst->password = xstrdup(src->password);
	dst->name = xstrdup(src->name);
	dst->guid = xstrdup(src->guid);
}

int wpost_save(struct store *st, struct wpost *p)
{
	sqlite3_stmt *s = p->id
		? store_stmt(st,
			"UPDATE wp_posts SET post_author = ?1, post_parent = ?2, menu_order = ?3, post_date = ?4,"
			" post_date_gmt = ?5, post_modified = ?6, post_modified_gmt = ?7, post_status = ?8,"
			" post_type = ?9, comment_status = ?10, ping_status = ?11, post_title = ?12,"
			" post_content = ?13, post_excerpt = ?14, post_password = ?15, post_name = ?16,"
			" guid = ?17 WHERE ID = ?18")
		: store_stmt(st,
			"INSERT INTO wp_posts (post_author, post_parent, menu_order, post_date, post_date_gmt,"
			" post_modified, post_modified_gmt, post_status, post_type, comment_status, ping_status,"
			" post_title, post_content, post_excerpt, post_password, post_name, guid)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, p->author);
	sqlite3_bind_int64(s, 2, p->parent);
	sqlite3_bind_int64(s, 3, p->menu_order);
	sqlite3_bind_text(s, 4, p->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, p->date_gmt, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, p->modified, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, p->modified_gmt, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, p->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, p->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, p->comment_status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, p->ping_status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 13, p->content, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 14, p->excerpt, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 15, p->password, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 16, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 17, p->guid, -1, SQLITE_STATIC);
	if (p->id)
		sqlite3_bind_int64(s, 18, p->id);
	int rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	if (rc == PD_OK && !p->id)
		p->id = (long)sqlite3_last_insert_rowid(store_db(st));
	return rc;
}

static int exec_id(struct store *st, const char *sql, long id)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	return rc;
}

static int set_name(struct store *st, long id, const char *name)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE wp_posts SET post_name = ? WHERE ID = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	int rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	return rc;
}

/* ---- slugs ---- */

/* _truncate_post_slug() for ASCII/percent-encoded slugs: at most len bytes, no trailing '-'. */
static void truncate_slug(const char *slug, size_t len, struct buf *out)
{
	size_t n = strlen(slug);
	if (n > len)
		n = len;
	while (n && slug[n - 1] == '-')
		n--;
	buf_append(out, slug, n);
}

/* Whether another post holds slug: of the same type, or for hierarchical
 * types (parent >= 0) a sibling of the same type or an attachment. */
static int slug_taken(struct store *st, const char *slug, const char *type, long id, long parent)
{
	sqlite3_stmt *s = store_stmt(st, parent >= 0
		? "SELECT 1 FROM wp_posts WHERE post_name = ?1 AND post_type IN (?2, 'attachment') AND ID <> ?3"
		  " AND post_parent = ?4 LIMIT 1"
		: "SELECT 1 FROM wp_posts WHERE post_name = ?1 AND post_type = ?2 AND ID <> ?3 LIMIT 1");
	if (!s)
		return 1;
	sqlite3_bind_text(s, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, type, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, id);
	if (parent >= 0)
		sqlite3_bind_int64(s, 4, parent);
	int taken = sqlite3_step(s) == SQLITE_ROW;
	store_done(s);
	return taken;
}

/* A number in the permalink structure's %postname% position that a date
 * archive would claim (wp_unique_post_slug()). */
static int date_archive_conflict(struct store *st, const struct site *site, long id, const char *slug)
{
	for (const char *c = slug; *c; c++)
		if (!isdigit((unsigned char)*c))
			return 0;
	long num = strtol(slug, NULL, 10);
	if (!*slug || !num)
		return 0;
	struct wpost cur;
	int same = 0;
	if (id && wpost_load(st, id, &cur) == PD_OK) {
		same = !strcmp(cur.name, slug);
		wpost_free(&cur);
	}
	if (same)
		return 0;
	/* array_values( array_filter( explode( '/', permalink_structure ) ) ) */
	char parts[16][64];
	int np = 0;
	const char *s = site->permalink_structure;
	while (*s && np < 16) {
		size_t n = strcspn(s, "/");
		if (n && !(n == 1 && s[0] == '0'))
			snprintf(parts[np++], sizeof parts[0], "%.*s", (int)n, s);
		s += n;
		if (*s)
			s++;
	}
	for (int i = 0; i < np; i++) {
		if (strcmp(parts[i], "%postname%") != 0)
			continue;
		return i == 0 || (!strcmp(parts[i - 1], "%year%") && num < 13) ||
		       (!strcmp(parts[i - 1], "%monthnum%") && num < 32);
	}
	return 0;
}

/* "page" followed by digits, or digits: a pagination URL ("@^(page)?\d+$@"). */
static int pagination_like(const char *slug)
{
	if (!strncmp(slug, "page", 4))
		slug += 4;
	if (!*slug)
		return 0;
	for (; *slug; slug++)
		if (!isdigit((unsigned char)*slug))
			return 0;
	return 1;
}

char *post_unique_slug(struct request *req, const char *slug, long id, const char *status,
		       const char *type, long parent)
{
	if (is_floating(status) || (!strcmp(status, "inherit") && !strcmp(type, "revision")))
		return xstrdup(slug);
	const struct post_type *pt = posts_type_named(type);
	long siblings = pt && pt->hierarchical ? (parent > 0 ? parent : 0) : -1;
	static const char *const reserved[] = { "feed", "rdf", "rss", "rss2", "atom", "embed" };
	int bad = slug_taken(req->store, slug, type, id, siblings);
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (!strcmp(slug, reserved[i]))
			bad = 1;
	if (!bad && siblings >= 0)
		bad = pagination_like(slug);
	else if (!bad && !strcmp(type, "post"))
		bad = date_archive_conflict(req->store, req->site, id, slug);
	if (!bad)
		return xstrdup(slug);
	struct buf alt = BUF_INIT;
	for (int suffix = 2;; suffix++) {
		char num[16];
		int nl = snprintf(num, sizeof num, "%d", suffix);
		buf_reset(&alt);
		truncate_slug(slug, (size_t)(200 - (nl + 1)), &alt);
		buf_printf(&alt, "-%s", num);
		if (!slug_taken(req->store, buf_str(&alt), type, id, siblings) || suffix > 100000)
			break;
	}
	char *out = xstrdup(buf_str(&alt));
	buf_free(&alt);
	return out;
}

/* wp_add_trashed_suffix_to_post_name_for_post(): "slug__trashed", the old
 * name kept in _wp_desired_post_slug. Writes the name; *out the new name. */
static int trashed_suffix(struct store *st, long id, const char *name, char **out)
{
	size_t n = strlen(name);
	if (n >= 9 && !strcmp(name + n - 9, "__trashed")) {
		*out = xstrdup(name);
		return PD_OK;
	}
	int rc = store_meta_add(st, "post", id, "_wp_desired_post_slug", name);
	struct buf b = BUF_INIT;
	truncate_slug(name, 191, &b);
	buf_puts(&b, "__trashed");
	*out = xstrdup(buf_str(&b));
	buf_free(&b);
	if (!rc)
		rc = set_name(st, id, *out);
	return rc;
}

/* wp_add_trashed_suffix_to_post_name_for_trashed_posts(): trashed posts
 * holding the name give it up. */
static int free_name_from_trash(struct store *st, const char *name, long id)
{
	long ids[32];
	size_t n = 0;
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ID FROM wp_posts WHERE post_name = ? AND post_status = 'trash' AND ID <> ?"
		" AND post_type NOT IN ('revision', 'attachment', 'nav_menu_item') LIMIT 32");
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	while (n < 32 && sqlite3_step(s) == SQLITE_ROW)
		ids[n++] = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	int rc = PD_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		char *out = NULL;
		rc = trashed_suffix(st, ids[i], name, &out);
		free(out);
	}
	return rc;
}

/* ---- terms ---- */

/* Appends the term_taxonomy_ids of the post's terms to arr. */
static int post_tt_ids(struct store *st, long id, json_t *arr)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT term_taxonomy_id FROM wp_term_relationships WHERE object_id = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW)
		jpush(arr, jint(sqlite3_column_int64(s, 0)));
	store_done(s);
	return PD_OK;
}

/* _update_post_term_count() of these term_taxonomy_ids: published posts. */
static int recount_terms(struct store *st, const json_t *tt_ids)
{
	if (!json_array_size(tt_ids))
		return PD_OK;
	char *list = json_dumps(tt_ids, JSON_COMPACT);
	sqlite3_stmt *s = list ? store_stmt(st,
		"UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r"
		" JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id"
		" AND p.post_status = 'publish' AND p.post_type = 'post')"
		" WHERE term_taxonomy_id IN (SELECT value FROM json_each(?))"
		" AND taxonomy IN ('category', 'post_tag', 'post_format')") : NULL;
	int rc = PD_EDB;
	if (s) {
		sqlite3_bind_text(s, 1, list, -1, SQLITE_STATIC);
		rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
		store_done(s);
	}
	free(list);
	return rc;
}

/* term_exists( (int) id, taxonomy ): its term_taxonomy_id, 0 when none. */
static long term_tt_id(struct store *st, long term_id, const char *taxonomy)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT term_taxonomy_id FROM wp_term_taxonomy WHERE term_id = ? AND taxonomy = ?");
	long tt = 0;
	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, term_id);
	sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		tt = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return tt;
}

/* wp_set_object_terms( id, tt_ids, taxonomy ) once the terms are resolved:
 * the post's terms of the taxonomy become exactly tt_ids. */
static int replace_terms(struct store *st, long id, const char *taxonomy, const json_t *tt_ids)
{
	char *list = json_dumps(tt_ids, JSON_COMPACT);
	int rc = list ? PD_OK : PD_ENOMEM;
	sqlite3_stmt *s = rc ? NULL : store_stmt(st,
		"DELETE FROM wp_term_relationships WHERE object_id = ?1 AND term_taxonomy_id IN"
		" (SELECT term_taxonomy_id FROM wp_term_taxonomy WHERE taxonomy = ?2)"
		" AND term_taxonomy_id NOT IN (SELECT value FROM json_each(?3))");
	if (!rc && !s)
		rc = PD_EDB;
	if (!rc) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, list, -1, SQLITE_STATIC);
		rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
		store_done(s);
	}
	if (!rc && !(s = store_stmt(st,
		"INSERT OR IGNORE INTO wp_term_relationships (object_id, term_taxonomy_id, term_order)"
		" SELECT ?1, value, 0 FROM json_each(?2)")))
		rc = PD_EDB;
	if (!rc) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, list, -1, SQLITE_STATIC);
		rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
		store_done(s);
	}
	free(list);
	return rc;
}

/* wp_set_object_terms() with term IDs: IDs that are no term of the taxonomy are skipped. */
static int set_terms_by_id(struct store *st, long id, const char *taxonomy, const json_t *term_ids)
{
	json_t *tt = jarr();
	size_t i;
	json_t *v;
	json_array_foreach(term_ids, i, v) {
		long t = (long)validate_intval(v);
		long ttid = t > 0 ? term_tt_id(st, t, taxonomy) : 0;
		int dup = 0;
		size_t k;
		json_t *e;
		json_array_foreach(tt, k, e)
			dup |= json_integer_value(e) == ttid;
		if (ttid && !dup)
			jpush(tt, jint(ttid));
	}
	int rc = replace_terms(st, id, taxonomy, tt);
	json_decref(tt);
	return rc;
}

/* The post's category term_ids (wp_get_post_categories()). */
static json_t *post_categories(struct store *st, long id)
{
	json_t *a = jarr();
	sqlite3_stmt *s = store_stmt(st,
		"SELECT tt.term_id FROM wp_term_relationships r JOIN wp_term_taxonomy tt"
		" ON tt.term_taxonomy_id = r.term_taxonomy_id WHERE r.object_id = ? AND tt.taxonomy = 'category'");
	if (!s)
		return a;
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW)
		jpush(a, jint(sqlite3_column_int64(s, 0)));
	store_done(s);
	return a;
}

/* set_post_format(): "standard" removes the format; other formats use the
 * term "post-format-<format>", created when missing (wp_insert_term()). */
static int set_format(struct store *st, long id, const char *format)
{
	json_t *tt = jarr();
	int rc = PD_OK;
	if (strcmp(format, "standard") != 0) {
		char slug[64];
		snprintf(slug, sizeof slug, "post-format-%s", format);
		long ttid = 0;
		sqlite3_stmt *s = store_stmt(st,
			"SELECT tt.term_taxonomy_id FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id"
			" WHERE tt.taxonomy = 'post_format' AND (t.slug = ?1 OR t.name = ?1)"
			" ORDER BY t.slug = ?1 DESC, t.term_id LIMIT 1");
		if (!s)
			rc = PD_EDB;
		if (!rc) {
			sqlite3_bind_text(s, 1, slug, -1, SQLITE_STATIC);
			if (sqlite3_step(s) == SQLITE_ROW)
				ttid = (long)sqlite3_column_int64(s, 0);
			store_done(s);
		}
		if (!rc && !ttid) {
			s = store_stmt(st, "INSERT INTO wp_terms (name, slug, term_group) VALUES (?1, ?1, 0)");
			if (!s)
				rc = PD_EDB;
			if (!rc) {
				sqlite3_bind_text(s, 1, slug, -1, SQLITE_STATIC);
				rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
				store_done(s);
			}
			long term_id = (long)sqlite3_last_insert_rowid(store_db(st));
			if (!rc && !(s = store_stmt(st,
				"INSERT INTO wp_term_taxonomy (term_id, taxonomy, description, parent, count)"
				" VALUES (?, 'post_format', '', 0, 0)")))
				rc = PD_EDB;
			if (!rc) {
				sqlite3_bind_int64(s, 1, term_id);
				rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
				store_done(s);
				ttid = (long)sqlite3_last_insert_rowid(store_db(st));
			}
		}
		if (!rc)
			jpush(tt, jint(ttid));
	}
	if (!rc)
		rc = replace_terms(st, id, "post_format", tt);
	json_decref(tt);
	return rc;
}

/* check_assign_terms_permission(): assign_term on every existing term given. */
static int can_assign_terms(struct request *req)
{
	static const struct { const char *param, *taxonomy; } taxes[] = {
		{ "categories", "category" }, { "tags", "post_tag" },
	};
	for (size_t t = 0; t < 2; t++) {
		const json_t *v = isset(req, taxes[t].param);
		if (!v)
			continue;
		json_t *list = json_is_array(v) ? json_incref((json_t *)v) : jpush(jarr(), json_incref((json_t *)v));
		size_t i;
		json_t *e;
		int ok = 1;
		json_array_foreach(list, i, e) {
			long id = (long)validate_intval(e);
			if (id <= 0 || !term_tt_id(req->store, id, taxes[t].taxonomy))
				continue;
			if (!can(req, "assign_term", id))
				ok = 0;
		}
		json_decref(list);
		if (!ok)
			return 0;
	}
	return 1;
}

/* ---- sticky posts (option sticky_posts, a serialized PHP array) ---- */

static json_t *sticky_list(struct store *st)
{
	char *v = store_option_get(st, "sticky_posts");
	json_t *arr = NULL, *out = jarr();
	if (v && phpser_unserialize(v, strlen(v), &arr) == PD_OK) {
		size_t i;
		const char *k;
		json_t *e;
		if (json_is_array(arr)) {
			json_array_foreach(arr, i, e)
				jpush(out, jint(validate_intval(e)));
		} else if (json_is_object(arr)) {
			json_object_foreach(arr, k, e)
				jpush(out, jint(validate_intval(e)));
		}
	}
	json_decref(arr);
	free(v);
	return out;
}

static int is_sticky(struct store *st, long id)
{
	json_t *l = sticky_list(st);
	size_t i;
	json_t *e;
	int yes = 0;
	json_array_foreach(l, i, e)
		yes |= json_integer_value(e) == id;
	json_decref(l);
	return yes;
}

/* stick_post() / unstick_post(): the option is rewritten only when it changes. */
static int set_sticky(struct store *st, long id, int sticky)
{
	json_t *l = sticky_list(st), *out = jarr();
	size_t i;
	json_t *e;
	int found = 0;
	json_array_foreach(l, i, e) {
		long v = (long)json_integer_value(e);
		int dup = 0;
		size_t k;
		json_t *o;
		json_array_foreach(out, k, o)
			dup |= json_integer_value(o) == v;
		if (v == id)
			found = 1;
		if (!dup && !(v == id && !sticky))
			jpush(out, jint(v));
	}
	int rc = PD_OK;
	if (sticky != found) {
		if (sticky)
			jpush(out, jint(id));
		struct buf b = BUF_INIT;
		rc = phpser_serialize(out, &b);
		if (!rc)
			rc = store_option_set(st, "sticky_posts", buf_str(&b));
		buf_free(&b);
	}
	json_decref(l);
	json_decref(out);
	return rc;
}

/* ---- content filtering ---- */

/* The save filters of users without unfiltered_html (kses_init_filters()):
 * title through wp_filter_kses ($allowedtags), content and excerpt through
 * wp_filter_post_kses. A malloc'd copy. */
enum save_field { SAVE_TITLE, SAVE_CONTENT, SAVE_EXCERPT };

static char *save_filter(struct request *req, enum save_field f, const char *in)
{
	if (can(req, "unfiltered_html", 0))
		return xstrdup(in);
	/* The uploads host decides which <object> PDFs pass (_wp_kses_allow_pdf_objects). */
	char host[256] = "";
	const char *u = req->site->uploads_url, *h = u ? strstr(u, "://") : NULL;
	if (h)
		snprintf(host, sizeof host, "%.*s", (int)strcspn(h + 3, "/"), h + 3);
	struct buf out = BUF_INIT;
	if (kses_filter_n(in, strlen(in), f == SAVE_TITLE ? KSES_DATA : KSES_POST, host[0] ? host : NULL, &out) != PD_OK) {
		/* Never store unfiltered what could not be filtered. */
		buf_free(&out);
		return xstrdup("");
	}
	char *r = xstrdup(buf_str(&out));
	buf_free(&out);
	return r;
}

/* ---- prepare_item_for_database() ---- */

/* What a request asks to write, beyond the row. */
struct prepared {
	int has_title, has_content, has_excerpt, has_status, has_date, date_null;
	int has_name, has_author, has_password, has_comment, has_ping;
	int edit_date;
	struct wpost p;             /* the fields given (strings owned) */
};

static void prepared_free(struct prepared *pr)
{
	wpost_free(&pr->p);
}

/* title/content/excerpt: a string, or {"raw": ...}; title needs a non-empty raw. */
static const char *text_param(const struct request *req, const char *name, int raw_nonempty)
{
	const json_t *v = isset(req, name);
	if (!v)
		return NULL;
	if (json_is_string(v))
		return json_string_value(v);
	const json_t *raw = json_is_object(v) ? json_object_get(v, "raw") : NULL;
	if (!raw || json_is_null(raw))
		return NULL;
	if (raw_nonempty && php_empty(raw))
		return NULL;
	return json_is_string(raw) ? json_string_value(raw) : NULL;
}

/* rest_get_date_with_gmt(): local and GMT MySQL dates of a REST date. */
static int date_with_gmt(const char *s, int is_utc, char local[20], char gmt[20])
{
	long long ts;
	size_t n = strlen(s);
	int has_tz = n && (s[n - 1] == 'Z' || s[n - 1] == 'z');
	/* [+-]\d{2}(:\d{2})?$ */
	if (!has_tz && n >= 3 && (s[n - 3] == '+' || s[n - 3] == '-') && isdigit((unsigned char)s[n - 2]) &&
	    isdigit((unsigned char)s[n - 1]))
		has_tz = 1;
	if (!has_tz && n >= 6 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':' &&
	    isdigit((unsigned char)s[n - 5]) && isdigit((unsigned char)s[n - 4]) &&
	    isdigit((unsigned char)s[n - 2]) && isdigit((unsigned char)s[n - 1]))
		has_tz = 1;
	if (validate_parse_date(s, &ts))
		return PD_EINVAL;
	if (!is_utc && !has_tz) {
		wpdate_format_mysql((time_t)ts, 1, local); /* gmdate() of the naive date */
		return wpdate_local_to_gmt(local, gmt);
	}
	wpdate_format_mysql((time_t)ts, 1, gmt);
	return wpdate_gmt_to_local(gmt, local);
}

static int prepare_for_database(struct request *req, struct response *res, const struct wpost *before,
				struct prepared *pr)
{
	struct wpost *p = &pr->p;
	memset(pr, 0, sizeof *pr);
	const char *s;
	if ((s = text_param(req, "title", 1))) {
		pr->has_title = 1;
		p->title = xstrdup(s);
	}
	if ((s = text_param(req, "content", 0))) {
		pr->has_content = 1;
		p->content = xstrdup(s);
	}
	if ((s = text_param(req, "excerpt", 0))) {
		pr->has_excerpt = 1;
		p->excerpt = xstrdup(s);
	}
	/* Status: handle_status_param(), unless it is the current one. */
	const char *status = json_string_value(isset(req, "status"));
	if (status && (!before || strcmp(before->status, status) != 0)) {
		if (!strcmp(status, "private") && !can(req, "publish_posts", 0))
			return rest_error(res, auth_code(req), "rest_cannot_publish",
					  "Sorry, you are not allowed to create private posts in this post type.");
		if ((!strcmp(status, "publish") || !strcmp(status, "future")) && !can(req, "publish_posts", 0))
			return rest_error(res, auth_code(req), "rest_cannot_publish",
					  "Sorry, you are not allowed to publish posts in this post type.");
		static const char *const known[] = { "publish", "future", "draft", "pending", "private",
						     "trash", "auto-draft", "inherit" };
		int ok = 0;
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
			ok |= !strcmp(known[i], status);
		snprintf(p->status, sizeof p->status, "%s", ok ? status : "draft");
		pr->has_status = 1;
	}
	/* Dates. */
	const json_t *d = rest_param(req, "date"), *dg = rest_param(req, "date_gmt");
	if (!php_empty(d) && json_is_string(d)) {
		char local[20], gmt[20];
		if (!date_with_gmt(json_string_value(d), 0, local, gmt) && (!before || strcmp(before->date, local))) {
			memcpy(p->date, local, 20);
			memcpy(p->date_gmt, gmt, 20);
			pr->has_date = pr->edit_date = 1;
		}
	} else if (!php_empty(dg) && json_is_string(dg)) {
		char local[20], gmt[20];
		if (!date_with_gmt(json_string_value(dg), 1, local, gmt) && (!before || strcmp(before->date_gmt, gmt))) {
			memcpy(p->date, local, 20);
			memcpy(p->date_gmt, gmt, 20);
			pr->has_date = pr->edit_date = 1;
		}
	}
	if ((dg && json_is_null(dg)) || (d && json_is_null(d))) {
		pr->date_null = 1;
		pr->has_date = 0;
	}
	/* Slug, through sanitize_slug (sanitize_title). */
	const json_t *slug = isset(req, "slug");
	if (slug) {
		char num[32];
		const char *sv = json_string_value(slug);
		if (!sv) {
			snprintf(num, sizeof num, "%lld", validate_intval(slug));
			sv = num;
		}
		char *clean = sanitize_title(sv);
		p->name = clean ? clean : xstrdup("");
		pr->has_name = 1;
	}
	/* Author. */
	const json_t *author = rest_param(req, "author");
	if (!php_empty(author)) {
		long a = (long)validate_intval(author);
		if (a != user_id(req)) {
			struct user u;
			if (caps_user_load(req->store, a, &u) != PD_OK)
				return rest_error(res, 400, "rest_invalid_author", "Invalid author ID.");
		}
		p->author = a;
		pr->has_author = 1;
	}
	/* Password, and its conflicts with sticky. */
	const json_t *password = isset(req, "password");
	int sticky = !php_empty(rest_param(req, "sticky"));
	if (password) {
		p->password = xstrdup(json_string_value(password));
		pr->has_password = 1;
		if (*p->password) {
			if (sticky)
				return rest_error(res, 400, "rest_invalid_field",
						  "A post can not be sticky and have a password.");
			if (before && is_sticky(req->store, before->id))
				return rest_error(res, 400, "rest_invalid_field",
						  "A sticky post can not be password protected.");
		}
	}
	if (sticky && before && before->password[0])
		return rest_error(res, 400, "rest_invalid_field",
				  "A password protected post can not be set to sticky.");
	const char *cs = json_string_value(rest_param(req, "comment_status"));
	if (cs && *cs) {
		snprintf(p->comment_status, sizeof p->comment_status, "%s", cs);
		pr->has_comment = 1;
	}
	const char *ps = json_string_value(rest_param(req, "ping_status"));
	if (ps && *ps) {
		snprintf(p->ping_status, sizeof p->ping_status, "%s", ps);
		pr->has_ping = 1;
	}
	return PD_OK;
}

/* ---- wp_insert_post() ---- */

/* The post's link as get_permalink() gives it now (for the guid). */
static char *permalink_of(struct request *req, long id)
{
	struct post_set set = { NULL, 0 };
	struct buf b = BUF_INIT;
	char *out = NULL;
	if (posts_load(req->store, &id, 1, &set) == PD_OK && set.n == 1 &&
	    post_permalink(req, &set.v[0], 0, &b) == PD_OK)
		out = xstrdup(buf_str(&b));
	buf_free(&b);
	posts_free(&set);
	return out ? out : xstrdup("");
}

/* wp_insert_post( postarr ) for p, the merged row: before is the row as it
 * was (NULL when creating), pr what the request gave. Sets p->id. Errors
 * go to res (REST_ERROR) or are a pd_err. */
static int insert_post(struct request *req, struct response *res, struct wpost *p,
		       const struct wpost *before, const struct prepared *pr, json_t *touched_tt)
{
	struct store *st = req->store;
	int update = before != NULL, rc;
	const char *previous = before ? before->status : "new";

	/* sanitize_post( 'db' ): the save filters. */
	char *t = xstrdup(p->title);
	size_t a = strspn(t, " \t\n\r\v"), n = strlen(t);
	while (n > a && strchr(" \t\n\r\v", t[n - 1]))
		n--;
	t[n] = '\0';
	memmove(t, t + a, n - a + 1); /* title_save_pre: trim() */
	if (pr->has_title || !update) {
		free(p->title);
		p->title = save_filter(req, SAVE_TITLE, t);
	}
	free(t);
	if (pr->has_content || !update) {
		char *c = save_filter(req, SAVE_CONTENT, p->content);
		free(p->content);
		p->content = c;
	}
	if (pr->has_excerpt || !update) {
		char *e = save_filter(req, SAVE_EXCERPT, p->excerpt);
		free(p->excerpt);
		p->excerpt = e;
	}
	/* wp_insert_post_empty_content: "0" is empty too. */
	if (str_empty(p->content) && str_empty(p->title) && str_empty(p->excerpt))
		return rest_error(res, 400, "empty_content", "Content, title, and excerpt are empty.");
	if (!p->status[0])
		snprintf(p->status, sizeof p->status, "draft");

	/* A pending post by someone who cannot publish keeps no slug. */
	if (!strcmp(p->status, "pending") &&
	    (update ? !can(req, "publish_post", p->id) : !can(req, "publish_posts", 0)))
		set_str(&p->name, "");
	if (!p->name[0]) {
		char *slug = is_floating(p->status) ? xstrdup("") : sanitize_title(p->title);
		free(p->name);
		p->name = slug ? slug : xstrdup("");
	} else {
		char *slug = sanitize_title(p->name);
		free(p->name);
		p->name = slug ? slug : xstrdup("");
	}

	/* Dates: wp_resolve_post_date(), the GMT date, modified, scheduling. */
	char now_local[20], now_gmt[20];
	wpost_now(now_local, now_gmt);
	if (is_zero_date(p->date)) {
		if (is_zero_date(p->date_gmt))
			memcpy(p->date, now_local, 20);
		else if (wpdate_gmt_to_local(p->date_gmt, p->date))
			return rest_error(res, 400, "invalid_date", "Invalid date.");
	}
	if (is_zero_date(p->date_gmt)) {
		if (!is_floating(p->status)) {
			if (wpdate_local_to_gmt(p->date, p->date_gmt))
				return rest_error(res, 400, "invalid_date", "Invalid date.");
		} else {
			snprintf(p->date_gmt, sizeof p->date_gmt, "%s", ZERO_DATE);
		}
	}
	if (update || !strcmp(p->date, ZERO_DATE)) {
		memcpy(p->modified, now_local, 20);
		memcpy(p->modified_gmt, now_gmt, 20);
	} else {
		memcpy(p->modified, p->date, 20);
		memcpy(p->modified_gmt, p->date_gmt, 20);
	}
	time_t when, now = time(NULL);
	if (!wpdate_parse_mysql_gmt(p->date_gmt, &when)) {
		if (!strcmp(p->status, "publish") && when - now >= 60)
			snprintf(p->status, sizeof p->status, "future");
		else if (!strcmp(p->status, "future") && when - now < 60)
			snprintf(p->status, sizeof p->status, "publish");
	} else if (!strcmp(p->status, "future")) {
		snprintf(p->status, sizeof p->status, "publish");
	}
	if (!p->comment_status[0]) {
		char *o = store_option_get(st, "default_comment_status");
		snprintf(p->comment_status, sizeof p->comment_status, "%s",
			 update ? "closed" : o && *o ? o : "open");
		free(o);
	}
	if (!p->ping_status[0]) {
		char *o = store_option_get(st, "default_ping_status");
		snprintf(p->ping_status, sizeof p->ping_status, "%s", o && *o ? o : "open");
		free(o);
	}
	if (!strcmp(p->status, "private"))
		set_str(&p->password, "");

	/* Trash and slugs. */
	if (update && !strcmp(previous, "trash") && strcmp(p->status, "trash") != 0) {
		char *desired = store_meta_get(st, "post", p->id, "_wp_desired_post_slug");
		if (desired && *desired) {
			if ((rc = store_meta_delete(st, "post", p->id, "_wp_desired_post_slug"))) {
				free(desired);
				return rc;
			}
			set_str(&p->name, desired);
		}
		free(desired);
	}
	if (strcmp(p->status, "trash") != 0 && p->name[0] && (rc = free_name_from_trash(st, p->name, p->id)))
		return rc;
	if (update && !strcmp(p->status, "trash") && strcmp(previous, "trash") != 0) {
		char *trashed = NULL;
		if ((rc = trashed_suffix(st, p->id, before->name, &trashed)))
			return free(trashed), rc;
		free(p->name);
		p->name = trashed;
	}
	char *uniq = post_unique_slug(req, p->name, p->id, p->status, p->type, p->parent);
	free(p->name);
	p->name = uniq;

	if (update && (rc = post_tt_ids(st, p->id, touched_tt)))
		return rc;
	/* Categories: the post's own (or the default category). */
	json_t *cats = update ? post_categories(st, p->id) : jarr();
	if ((rc = wpost_save(st, p))) {
		json_decref(cats);
		return rc;
	}
	if (!p->name[0] && !is_floating(p->status)) {
		char *base = sanitize_title(p->title);
		if (base && !*base) {
			free(base);
			if (asprintf(&base, "%ld", p->id) < 0)
				base = NULL;
		}
		char *slug = post_unique_slug(req, base ? base : "", p->id, p->status, p->type, p->parent);
		free(base);
		free(p->name);
		p->name = slug;
		if ((rc = set_name(st, p->id, p->name))) {
			json_decref(cats);
			return rc;
		}
	}
	if (!json_array_size(cats) && strcmp(p->type, "post") == 0)
		jpush(cats, jint(req->site->default_category));
	rc = set_terms_by_id(st, p->id, "category", cats);
	json_decref(cats);
	if (rc)
		return rc;
	/* The guid: get_permalink() once, on creation. */
	if (!update && !p->guid[0]) {
		free(p->guid);
		p->guid = permalink_of(req, p->id);
		sqlite3_stmt *s = store_stmt(st, "UPDATE wp_posts SET guid = ? WHERE ID = ?");
		if (!s)
			return PD_EDB;
		sqlite3_bind_text(s, 1, p->guid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, p->id);
		rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
		store_done(s);
		if (rc)
			return rc;
	}
	/* _transition_post_status() / _publish_post_hook(): publishing. */
	if (!strcmp(p->status, "publish") && strcmp(previous, "publish") != 0) {
		char *v = store_meta_get(st, "post", p->id, "_encloseme");
		if (!v)
			rc = store_meta_add(st, "post", p->id, "_encloseme", "1");
		free(v);
		char *flag = store_option_get(st, "default_pingback_flag");
		if (!rc && flag && strcmp(flag, "") && strcmp(flag, "0") &&
		    !(v = store_meta_get(st, "post", p->id, "_pingme")))
			rc = store_meta_add(st, "post", p->id, "_pingme", "1");
		else if (flag && v)
			free(v), v = NULL;
		free(flag);
	}
	return rc;
}

/* ---- REST after wp_insert_post: sticky, media, format, template, terms, meta ---- */

static int after_insert(struct request *req, long id, int creating)
{
	struct store *st = req->store;
	int rc = PD_OK;
	const json_t *v;
	/* set_post_format() comes first on update, after the thumbnail on create:
	 * the order does not show in the result. */
	if (creating)
		rc = set_sticky(st, id, !php_empty(rest_param(req, "sticky")));
	else if ((v = isset(req, "sticky")))
		rc = set_sticky(st, id, !php_empty(v));
	if (!rc && (v = isset(req, "featured_media"))) {
		/* handle_featured_media(): its error is not reported (create_item()
		 * and update_item() ignore it), a missing attachment changes nothing. */
		long media = (long)validate_intval(v);
		if (media) {
			sqlite3_stmt *s = store_stmt(st, "SELECT post_type = 'attachment' AND post_mime_type LIKE 'image/%'"
						     " FROM wp_posts WHERE ID = ?");
			int exists = 0, image = 0;
			if (!s)
				return PD_EDB;
			sqlite3_bind_int64(s, 1, media);
			if (sqlite3_step(s) == SQLITE_ROW) {
				exists = 1;
				image = sqlite3_column_int(s, 0);
			}
			store_done(s);
			if (exists && image) {
				char num[24];
				snprintf(num, sizeof num, "%ld", media);
				rc = store_meta_set(st, "post", id, "_thumbnail_id", num);
			} else if (exists) {
				rc = store_meta_delete(st, "post", id, "_thumbnail_id");
			}
		} else {
			rc = store_meta_delete(st, "post", id, "_thumbnail_id");
		}
	}
	const char *format = json_string_value(rest_param(req, "format"));
	if (!rc && format && *format)
		rc = set_format(st, id, format);
	const char *tpl = json_string_value(isset(req, "template"));
	if (!rc && tpl) {
		/* handle_template( ..., validate on create ): Twenty Twenty-Three offers "blank". */
		if (creating && *tpl && strcmp(tpl, "blank") != 0)
			tpl = "";
		rc = store_meta_set(st, "post", id, "_wp_page_template", tpl);
	}
	if (!rc && (v = isset(req, "categories")))
		rc = set_terms_by_id(st, id, "category", json_is_array(v) ? v : NULL);
	if (!rc && (v = isset(req, "tags")))
		rc = set_terms_by_id(st, id, "post_tag", json_is_array(v) ? v : NULL);
	/* Registered meta (WP_REST_Meta_Fields::update_value()): null deletes. */
	const json_t *meta = isset(req, "meta");
	if (!rc && json_is_object(meta)) {
		struct str_list keys = { NULL, 0 };
		rc = posts_meta_keys(st, posts_type_of(req), &keys);
		for (size_t i = 0; i < keys.n && !rc; i++) {
			const json_t *mv = json_object_get(meta, keys.v[i]);
			if (!mv)
				continue;
			if (json_is_null(mv)) {
				rc = store_meta_delete(st, "post", id, keys.v[i]);
				continue;
			}
			char num[32];
			const char *sv = json_string_value(mv);
			if (!sv) {
				snprintf(num, sizeof num, "%lld", validate_intval(mv));
				sv = num;
			}
			char *old = store_meta_get(st, "post", id, keys.v[i]);
			if (!old || strcmp(old, sv) != 0)
				rc = store_meta_set(st, "post", id, keys.v[i], sv);
			free(old);
		}
		str_list_free(&keys);
	}
	return rc;
}

/* ---- responses ---- */

/* The post in context=edit (WP's $request->set_param( 'context', 'edit' )). */
static int post_response(struct request *req, struct response *res, long id, json_t **out)
{
	struct post_set set = { NULL, 0 };
	int rc = posts_load(req->store, &id, 1, &set);
	if (rc)
		return rc;
	if (set.n != 1) {
		posts_free(&set);
		return PD_ENOTFOUND;
	}
	jset(req->params, "context", jstr("edit"));
	*out = post_json(req, &set.v[0]);
	posts_free(&set);
	(void)res;
	return PD_OK;
}

/* WP_REST_Posts_Controller::get_post(): a post of type "post". */
static int get_post(struct request *req, struct response *res, struct wpost *p)
{
	const char *s = json_string_value(json_object_get(req->url, "id"));
	long id = s ? strtol(s, NULL, 10) : 0;
	if (id > 0 && wpost_load(req->store, id, p) == PD_OK) {
		if (!strcmp(p->type, "post"))
			return PD_OK;
		wpost_free(p);
	}
	return rest_error(res, 404, "rest_post_invalid_id", "Invalid post ID.");
}

/* The author and sticky checks create and update share. */
static int author_sticky_terms_check(struct request *req, struct response *res, const char *author_msg)
{
	const json_t *author = rest_param(req, "author");
	if (!php_empty(author) && (!json_is_integer(author) || json_integer_value(author) != user_id(req)) &&
	    !can(req, "edit_others_posts", 0))
		return rest_error(res, auth_code(req), "rest_cannot_edit_others", author_msg);
	if (!php_empty(rest_param(req, "sticky")) && !can(req, "edit_others_posts", 0) &&
	    !can(req, "publish_posts", 0))
		return rest_error(res, auth_code(req), "rest_cannot_assign_sticky",
				  "Sorry, you are not allowed to make posts sticky.");
	return PD_OK;
}

static int terms_check(struct request *req, struct response *res)
{
	if (!can_assign_terms(req))
		return rest_error(res, auth_code(req), "rest_cannot_assign_term",
				  "Sorry, you are not allowed to assign the provided terms.");
	return PD_OK;
}

/* ---- create ---- */

int posts_create_item_permission(struct request *req, struct response *res)
{
	if (!php_empty(rest_param(req, "id")))
		return rest_error(res, 400, "rest_post_exists", "Cannot create existing post.");
	int rc = author_sticky_terms_check(req, res, "Sorry, you are not allowed to create posts as this user.");
	if (rc)
		return rc;
	if (!can(req, "edit_posts", 0))
		return rest_error(res, auth_code(req), "rest_cannot_create",
				  "Sorry, you are not allowed to create posts as this user.");
	return terms_check(req, res);
}

/* Runs fn inside one transaction: commit on PD_OK, rollback otherwise. */
static int in_transaction(struct request *req, int rc_of_body)
{
	if (rc_of_body == PD_OK)
		return store_commit(req->store) == PD_OK ? PD_OK : PD_EDB;
	store_rollback(req->store);
	return rc_of_body;
}

static int begin(struct request *req)
{
	return store_begin(req->store) == PD_OK ? PD_OK : PD_EDB;
}

int posts_create_item(struct request *req, struct response *res)
{
	struct prepared pr;
	struct wpost p;
	json_t *touched = jarr();
	int rc;
	memset(&p, 0, sizeof p);
	if (!php_empty(rest_param(req, "id"))) {
		json_decref(touched);
		return rest_error(res, 400, "rest_post_exists", "Cannot create existing post.");
	}
	if ((rc = begin(req))) {
		json_decref(touched);
		return rc;
	}
	rc = prepare_for_database(req, res, NULL, &pr);
	if (!rc) {
		/* The defaults of wp_insert_post(), then what was given. */
		p.author = pr.has_author ? pr.p.author : user_id(req);
		snprintf(p.type, sizeof p.type, "post");
		snprintf(p.status, sizeof p.status, "%s", pr.has_status ? pr.p.status : "draft");
		snprintf(p.date, sizeof p.date, "%s", pr.has_date ? pr.p.date : "");
		snprintf(p.date_gmt, sizeof p.date_gmt, "%s", pr.has_date ? pr.p.date_gmt : "");
		snprintf(p.comment_status, sizeof p.comment_status, "%s", pr.p.comment_status);
		snprintf(p.ping_status, sizeof p.ping_status, "%s", pr.p.ping_status);
		p.title = xstrdup(pr.p.title);
		p.content = xstrdup(pr.p.content);
		p.excerpt = xstrdup(pr.p.excerpt);
		p.password = xstrdup(pr.p.password);
		p.guid = xstrdup("");
		p.name = xstrdup(pr.p.name);
		/* create_item(): drafts get a slug unique as if published. */
		if (p.name[0] && is_floating(p.status) && strcmp(p.status, "auto-draft") != 0) {
			char *u = post_unique_slug(req, p.name, 0, "publish", p.type, p.parent);
			free(p.name);
			p.name = u;
		}
		rc = insert_post(req, res, &p, NULL, &pr, touched);
	}
	if (!rc)
		rc = after_insert(req, p.id, 1);
	if (!rc)
		rc = post_tt_ids(req->store, p.id, touched);
	if (!rc)
		rc = recount_terms(req->store, touched);
	rc = in_transaction(req, rc);
	json_t *body = NULL;
	if (!rc && !(rc = post_response(req, res, p.id, &body))) {
		res->status = 201;
		res->body = body;
		rest_headerf(res, "Location", "%swp/v2/posts/%ld", req->site->rest_url, p.id);
	}
	prepared_free(&pr);
	wpost_free(&p);
	json_decref(touched);
	return rc;
}

/* ---- update ---- */

int posts_update_item_permission(struct request *req, struct response *res)
{
	struct wpost p;
	int rc = get_post(req, res, &p);
	if (rc)
		return rc;
	int can_edit = can(req, "edit_post", p.id);
	wpost_free(&p);
	if (!can_edit)
		return rest_error(res, auth_code(req), "rest_cannot_edit", "Sorry, you are not allowed to edit this post.");
	rc = author_sticky_terms_check(req, res, "Sorry, you are not allowed to update posts as this user.");
	return rc ? rc : terms_check(req, res);
}

/* update_item() up to (not including) the response, inside the caller's
 * transaction. An autosave (of the author's own draft) writes the row only:
 * no terms, sticky, meta, nor revision (DOING_AUTOSAVE). */
static int update_post(struct request *req, struct response *res, const struct wpost *before, int autosave)
{
	struct prepared pr;
	struct wpost p;
	json_t *touched = jarr();
	int rc = prepare_for_database(req, res, before, &pr);
	wpost_copy(&p, before);
	if (!rc) {
		/* wp_update_post(): the given fields over the row. Drafts keep a floating date. */
		int clear_date = is_floating(before->status) && !pr.edit_date && !strcmp(before->date_gmt, ZERO_DATE);
		if (pr.has_title)
			set_str(&p.title, pr.p.title);
		if (pr.has_content)
			set_str(&p.content, pr.p.content);
		if (pr.has_excerpt)
			set_str(&p.excerpt, pr.p.excerpt);
		if (pr.has_status)
			snprintf(p.status, sizeof p.status, "%s", pr.p.status);
		if (pr.has_date) {
			memcpy(p.date, pr.p.date, 20);
			memcpy(p.date_gmt, pr.p.date_gmt, 20);
		}
		if (pr.date_null)
			p.date[0] = p.date_gmt[0] = '\0';
		if (pr.has_author)
			p.author = pr.p.author;
		if (pr.has_password)
			set_str(&p.password, pr.p.password);
		if (pr.has_comment)
			snprintf(p.comment_status, sizeof p.comment_status, "%s", pr.p.comment_status);
		if (pr.has_ping)
			snprintf(p.ping_status, sizeof p.ping_status, "%s", pr.p.ping_status);
		if (pr.has_name) {
			set_str(&p.name, pr.p.name);
			/* update_item(): drafts get a slug unique as if published. */
			if (p.name[0] && (!strcmp(p.status, "draft") || !strcmp(p.status, "pending"))) {
				char *u = post_unique_slug(req, p.name, p.id, "publish", p.type, p.parent);
				free(p.name);
				p.name = u;
			}
		}
		if (clear_date) {
			char gmt[20];
			wpost_now(p.date, gmt);
			p.date_gmt[0] = '\0';
		}
		/* Sent again, title and content pass the save filters as on create. */
		rc = insert_post(req, res, &p, before, &pr, touched);
	}
	if (!rc && !autosave)
		rc = after_insert(req, p.id, 0);
	if (!rc)
		rc = post_tt_ids(req->store, p.id, touched);
	if (!rc)
		rc = recount_terms(req->store, touched);
	/* wp_after_insert_post -> wp_save_post_revision_on_insert(). */
	if (!rc && !autosave)
		rc = revisions_save_post(req->store, user_id(req), p.id);
	prepared_free(&pr);
	wpost_free(&p);
	json_decref(touched);
	return rc;
}

int posts_autosave_own_draft(struct request *req, struct response *res, const struct wpost *before)
{
	return update_post(req, res, before, 1);
}

int posts_update_item(struct request *req, struct response *res)
{
	struct wpost before;
	int rc = get_post(req, res, &before);
	if (rc)
		return rc;
	if ((rc = begin(req))) {
		wpost_free(&before);
		return rc;
	}
	/* The row again inside the transaction: what is updated is what is read. */
	wpost_free(&before);
	rc = get_post(req, res, &before);
	if (!rc) {
		rc = update_post(req, res, &before, 0);
		wpost_free(&before);
	}
	rc = in_transaction(req, rc);
	json_t *body = NULL;
	const char *s = json_string_value(json_object_get(req->url, "id"));
	if (!rc && !(rc = post_response(req, res, s ? strtol(s, NULL, 10) : 0, &body)))
		res->body = body;
	return rc;
}

/* ---- delete ---- */

int posts_delete_item_permission(struct request *req, struct response *res)
{
	struct wpost p;
	int rc = get_post(req, res, &p);
	if (rc)
		return rc;
	int ok = can(req, "delete_post", p.id);
	wpost_free(&p);
	if (!ok)
		return rest_error(res, auth_code(req), "rest_cannot_delete",
				  "Sorry, you are not allowed to delete this post.");
	return PD_OK;
}

/* _reset_front_page_settings_for_post(), on the wp_trash_post and
 * before_delete_post actions: a page that was the front page or the posts page
 * stops being one, and the post is no longer sticky. */
static int reset_front_page_settings(struct store *st, const struct wpost *p)
{
	int rc = PD_OK;
	if (!strcmp(p->type, "page")) {
		if (store_option_get_long(st, "page_on_front", 0) == p->id) {
			rc = store_option_set(st, "show_on_front", "posts");
			if (!rc)
				rc = store_option_set(st, "page_on_front", "0");
		}
		if (!rc && store_option_get_long(st, "page_for_posts", 0) == p->id)
			rc = store_option_set(st, "page_for_posts", "0");
	}
	return rc ? rc : set_sticky(st, p->id, 0);
}

int wpost_delete(struct store *st, long id)
{
	json_t *touched = jarr();
	int rc = post_tt_ids(st, id, touched);
	struct wpost p;
	if (!rc)
		rc = wpost_load(st, id, &p);
	if (!rc && strcmp(p.type, "revision") != 0 && (rc = reset_front_page_settings(st, &p)))
		wpost_free(&p);
	if (rc) {
		json_decref(touched);
		return rc;
	}
	/* Revisions first, each as a post of its own. */
	long revs[256];
	size_t n;
	do {
		n = 0;
		sqlite3_stmt *s = store_stmt(st, "SELECT ID FROM wp_posts WHERE post_parent = ? AND post_type = 'revision' LIMIT 256");
		if (!s) {
			rc = PD_EDB;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		while (n < 256 && sqlite3_step(s) == SQLITE_ROW)
			revs[n++] = (long)sqlite3_column_int64(s, 0);
		store_done(s);
		for (size_t i = 0; i < n && !rc; i++)
			rc = wpost_delete(st, revs[i]);
	} while (!rc && n == 256);
	if (!rc)
		rc = exec_id(st, "DELETE FROM wp_term_relationships WHERE object_id = ?", id);
	if (!rc) {
		sqlite3_stmt *s = store_stmt(st,
			"UPDATE wp_posts SET post_parent = ? WHERE post_parent = ? AND post_type = 'attachment'");
		if (!s)
			rc = PD_EDB;
		else {
			sqlite3_bind_int64(s, 1, p.parent);
			sqlite3_bind_int64(s, 2, id);
			rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
			store_done(s);
		}
	}
	if (!rc)
		rc = exec_id(st, "DELETE FROM wp_commentmeta WHERE comment_id IN"
				 " (SELECT comment_ID FROM wp_comments WHERE comment_post_ID = ?)", id);
	if (!rc)
		rc = exec_id(st, "DELETE FROM wp_comments WHERE comment_post_ID = ?", id);
	if (!rc)
		rc = exec_id(st, "DELETE FROM wp_postmeta WHERE post_id = ?", id);
	if (!rc)
		rc = exec_id(st, "DELETE FROM wp_posts WHERE ID = ?", id);
	if (!rc)
		rc = recount_terms(st, touched);
	wpost_free(&p);
	json_decref(touched);
	return rc;
}

/* wp_trash_post(): the status kept in meta, then wp_update_post( status trash ),
 * then wp_trash_post_comments(). */
static int trash_post(struct request *req, struct response *res, const struct wpost *before)
{
	struct store *st = req->store;
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)time(NULL));
	int rc = reset_front_page_settings(st, before);
	if (!rc)
		rc = store_meta_add(st, "post", before->id, "_wp_trash_meta_status", before->status);
	if (!rc)
		rc = store_meta_add(st, "post", before->id, "_wp_trash_meta_time", num);
	if (rc)
		return rc;
	/* wp_update_post() with only ID and post_status. */
	json_t *saved = req->params;
	req->params = jobj();
	jset(req->params, "status", jstr("trash"));
	struct wpost p;
	struct prepared pr;
	memset(&pr, 0, sizeof pr);
	wpost_copy(&p, before);
	snprintf(p.status, sizeof p.status, "trash");
	if (is_floating(before->status) && !strcmp(before->date_gmt, ZERO_DATE)) {
		char gmt[20];
		wpost_now(p.date, gmt);
		p.date_gmt[0] = '\0';
	}
	json_t *touched = jarr();
	rc = insert_post(req, res, &p, before, &pr, touched);
	json_decref(req->params);
	req->params = saved;
	if (!rc)
		rc = post_tt_ids(st, p.id, touched);
	if (!rc)
		rc = recount_terms(st, touched);
	if (!rc)
		rc = revisions_save_post(st, user_id(req), p.id);
	/* wp_trash_post_comments(): each comment's status remembered. */
	if (!rc) {
		json_t *statuses = jobj();
		sqlite3_stmt *s = store_stmt(st, "SELECT comment_ID, comment_approved FROM wp_comments WHERE comment_post_ID = ?");
		if (!s)
			rc = PD_EDB;
		else {
			sqlite3_bind_int64(s, 1, p.id);
			while (sqlite3_step(s) == SQLITE_ROW) {
				char key[24];
				snprintf(key, sizeof key, "%lld", (long long)sqlite3_column_int64(s, 0));
				jset(statuses, key, jstr((const char *)sqlite3_column_text(s, 1)));
			}
			store_done(s);
		}
		if (!rc && json_object_size(statuses)) {
			struct buf b = BUF_INIT;
			rc = phpser_serialize(statuses, &b);
			if (!rc)
				rc = store_meta_add(st, "post", p.id, "_wp_trash_meta_comments_status", buf_str(&b));
			buf_free(&b);
			if (!rc)
				rc = exec_id(st, "UPDATE wp_comments SET comment_approved = 'post-trashed'"
						 " WHERE comment_post_ID = ?", p.id);
		}
		json_decref(statuses);
	}
	wpost_free(&p);
	json_decref(touched);
	return rc;
}

int posts_delete_item(struct request *req, struct response *res)
{
	struct wpost before;
	int rc = get_post(req, res, &before);
	if (rc)
		return rc;
	const json_t *f = rest_param(req, "force");
	int force = !php_empty(f) && !(json_is_string(f) && !strcasecmp(json_string_value(f), "false"));
	if (!can(req, "delete_post", before.id)) {
		wpost_free(&before);
		return rest_error(res, auth_code(req), "rest_user_cannot_delete_post",
				  "Sorry, you are not allowed to delete this post.");
	}
	json_t *body = NULL;
	if (force) {
		/* The post as it was, then gone. */
		json_t *previous = NULL;
		rc = post_response(req, res, before.id, &previous);
		if (!rc) /* $previous->get_data(): the data without its links */
			json_object_del(previous, "_links");
		if (!rc && !(rc = begin(req)))
			rc = in_transaction(req, wpost_delete(req->store, before.id));
		if (!rc) {
			body = jobj();
			jset(body, "deleted", json_true());
			jset(body, "previous", previous);
			res->body = body;
		} else {
			json_decref(previous);
		}
	} else if (!strcmp(before.status, "trash")) {
		rc = rest_error(res, 410, "rest_already_trashed", "The post has already been deleted.");
	} else if (!(rc = begin(req))) {
		rc = in_transaction(req, trash_post(req, res, &before));
		if (!rc && !(rc = post_response(req, res, before.id, &body)))
			res->body = body;
	}
	wpost_free(&before);
	return rc;
}
