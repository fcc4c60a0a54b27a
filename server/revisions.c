/* revisions.c - post revisions: wp_save_post_revision() /
 * _wp_put_post_revision() (wp-includes/revision.php) and the routes
 * /wp/v2/posts/<parent>/revisions[/<id>] of WP_REST_Revisions_Controller.
 * A revision is a wp_posts row (type revision, status inherit, name
 * "<parent>-revision-v1", date = the parent's modified date). Autosaves are
 * revisions too; their routes are autosaves.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/post_write.h"
#include "pressd/posts.h"
#include "pressd/render.h"
#include "pressd/render_store.h"
#include "pressd/rest.h"
#include "pressd/revisions.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/validate.h"
#include "pressd/wpdate.h"

/* ---- saving ---- */

/* normalize_whitespace(): trimmed, \r\n and \r as \n, runs of \n and of
 * spaces/tabs collapsed. Compared, never stored. */
static char *normalize_ws(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1), *w = o;
	if (!o)
		return NULL;
	const char *b = s, *e = s + n;
	while (b < e && strchr(" \t\n\r\v", *b))
		b++;
	while (e > b && strchr(" \t\n\r\v", e[-1]))
		e--;
	for (const char *r = b; r < e; r++) {
		char c = *r;
		if (c == '\r') {
			if (r + 1 < e && r[1] == '\n')
				r++;
			c = '\n';
		}
		if (c == '\n' && w > o && w[-1] == '\n')
			continue;
		if ((c == ' ' || c == '\t') && w > o && (w[-1] == ' ' || w[-1] == '\t')) {
			w[-1] = ' ';
			continue;
		}
		*w++ = c;
	}
	*w = '\0';
	return o;
}

static int same_ws(const char *a, const char *b)
{
	char *x = normalize_ws(a), *y = normalize_ws(b);
	int same = x && y && !strcmp(x, y);
	free(x);
	free(y);
	return same;
}

static int same_meta(struct store *st, long a, long b, const char *key)
{
	char *x = store_meta_get(st, "post", a, key), *y = store_meta_get(st, "post", b, key);
	int same = (!x && !y) || (x && y && !strcmp(x, y));
	free(x);
	free(y);
	return same;
}

/* WP_POST_REVISIONS: option pressd_post_revisions, -1 (all) unless set. */
static long revisions_to_keep(struct store *st)
{
	return store_option_get_long(st, "pressd_post_revisions", -1);
}

int revisions_put(struct store *st, const struct wpost *p, long author, int autosave, long *out)
{
	struct wpost r;
	char name[48], guid_id[32];
	memset(&r, 0, sizeof r);
	r.author = author;
	r.parent = p->id;
	memcpy(r.date, p->modified, 20);
	memcpy(r.date_gmt, p->modified_gmt, 20);
	memcpy(r.modified, p->modified, 20);
	memcpy(r.modified_gmt, p->modified_gmt, 20);
	/* wp_insert_post() of an autosave that floats (a draft never saved with a date). */
	if (!strcmp(r.date, WPDATE_ZERO) || !r.date[0]) {
		wpost_now(r.date, r.date_gmt);
		memcpy(r.modified, r.date, 20);
		memcpy(r.modified_gmt, r.date_gmt, 20);
	}
	snprintf(r.status, sizeof r.status, "inherit");
	snprintf(r.type, sizeof r.type, "revision");
	snprintf(r.comment_status, sizeof r.comment_status, "closed");
	snprintf(r.ping_status, sizeof r.ping_status, "closed");
	snprintf(name, sizeof name, "%ld-%s-v1", p->id, autosave ? "autosave" : "revision");
	r.title = p->title;
	r.content = p->content;
	r.excerpt = p->excerpt;
	r.password = "";
	r.name = name;
	r.guid = "";
	int rc = wpost_save(st, &r);
	if (rc)
		return rc;
	/* get_permalink() of a revision: the plain ?p= link. */
	char *home = store_option_get(st, "home");
	snprintf(guid_id, sizeof guid_id, "%ld", r.id);
	sqlite3_stmt *s = store_stmt(st, "UPDATE wp_posts SET guid = ?1 || '/?p=' || ?2 WHERE ID = ?2");
	if (!s)
		rc = PD_EDB;
	else {
		sqlite3_bind_text(s, 1, home ? home : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, r.id);
		rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
		store_done(s);
	}
	free(home);
	/* wp_save_revisioned_meta_fields(): footnotes follow the post. */
	char *fn = rc ? NULL : store_meta_get(st, "post", p->id, "footnotes");
	if (fn)
		rc = store_meta_add(st, "post", r.id, "footnotes", fn);
	free(fn);
	if (!rc && out)
		*out = r.id;
	return rc;
}

int revisions_save_post(struct store *st, long author, long post_id)
{
	long keep = revisions_to_keep(st);
	if (keep == 0)
		return PD_OK;
	struct wpost p, latest;
	int rc = wpost_load(st, post_id, &p);
	if (rc)
		return rc;
	if (!strcmp(p.status, "auto-draft") || strcmp(p.type, "post") != 0) {
		wpost_free(&p);
		return PD_OK;
	}
	/* The newest revision that is no autosave. */
	char pattern[48];
	snprintf(pattern, sizeof pattern, "%ld-revision%%", post_id);
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ID FROM wp_posts WHERE post_parent = ? AND post_type = 'revision' AND post_status = 'inherit'"
		" AND post_name LIKE ? ORDER BY post_date DESC, ID DESC LIMIT 1");
	long latest_id = 0;
	if (!s) {
		wpost_free(&p);
		return PD_EDB;
	}
	sqlite3_bind_int64(s, 1, post_id);
	sqlite3_bind_text(s, 2, pattern, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		latest_id = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	int changed = 1;
	if (latest_id && wpost_load(st, latest_id, &latest) == PD_OK) {
		changed = !same_ws(p.title, latest.title) || !same_ws(p.content, latest.content) ||
			  !same_ws(p.excerpt, latest.excerpt) || !same_meta(st, p.id, latest.id, "footnotes");
		wpost_free(&latest);
	}
	if (changed)
		rc = revisions_put(st, &p, author, 0, NULL);
	wpost_free(&p);
	if (rc || !changed || keep < 0)
		return rc;
	/* Over the limit: the oldest revisions (not autosaves) go. */
	long ids[512];
	size_t n = 0;
	s = store_stmt(st, "SELECT ID, post_name FROM wp_posts WHERE post_parent = ? AND post_type = 'revision'"
			   " AND post_status = 'inherit' ORDER BY post_date ASC, ID ASC LIMIT 512");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, post_id);
	long total = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (n < 512) {
			const char *name = (const char *)sqlite3_column_text(s, 1);
			ids[n++] = name && strstr(name, "autosave") ? -1 : (long)sqlite3_column_int64(s, 0);
		}
		total++;
	}
	store_done(s);
	long del = total - keep;
	for (long i = 0; i < del && (size_t)i < n && !rc; i++)
		if (ids[i] > 0)
			rc = wpost_delete(st, ids[i]);
	return rc;
}

/* ---- one revision as JSON ---- */

static json_t *date_or_null(const char *gmt, const char *local)
{
	char out[WPDATE_LEN];
	if (!strcmp(gmt, WPDATE_ZERO))
		return json_null();
	wpdate_rest(local ? local : gmt, out);
	return jstr(out);
}

static json_t *rendered(int rc, struct buf *b)
{
	json_t *j = rc == PD_OK ? jstrn(buf_str(b), b->len) : jstr("");
	buf_free(b);
	return j;
}

json_t *revision_json(struct request *req, const struct wpost *r, int with_preview_link)
{
	const char *c = rest_param_str(req, "context");
	int edit = c && !strcmp(c, "edit"), embed = c && !strcmp(c, "embed");
	json_t *d = jobj();
	jset(d, "author", jint(r->author));
	jset(d, "date", date_or_null(r->date_gmt, r->date));
	if (!embed)
		jset(d, "date_gmt", date_or_null(r->date_gmt, NULL));
	jset(d, "id", jint(r->id));
	if (!embed) {
		jset(d, "modified", date_or_null(r->modified_gmt, r->modified));
		jset(d, "modified_gmt", date_or_null(r->modified_gmt, NULL));
	}
	jset(d, "parent", jint(r->parent));
	jset(d, "slug", jstr(r->name));
	if (!embed) {
		json_t *g = jobj();
		jset(g, "rendered", jstr(r->guid));
		if (edit)
			jset(g, "raw", jstr(r->guid));
		jset(d, "guid", g);
	}
	struct render_ctx ctx;
	struct render_source src;
	render_store_ctx(req->store, req->site, r->id, r->type, &ctx, &src);
	json_t *t = jobj();
	if (edit)
		jset(t, "raw", jstr(r->title));
	if (rest_field_wanted(req, "title")) {
		struct buf b = BUF_INIT;
		jset(t, "rendered", rendered(render_title(&ctx, r->title, 0, &b), &b));
	}
	jset(d, "title", t);
	if (!embed) {
		t = jobj();
		if (edit)
			jset(t, "raw", jstr(r->content));
		if (rest_field_wanted(req, "content")) {
			struct buf b = BUF_INIT;
			jset(t, "rendered", rendered(render_content(&ctx, r->content, &b), &b));
		}
		jset(d, "content", t);
	}
	t = jobj();
	if (edit)
		jset(t, "raw", jstr(r->excerpt));
	if (!r->excerpt[0] || !rest_field_wanted(req, "excerpt")) {
		jset(t, "rendered", jstr(""));
	} else {
		/* prepare_excerpt_response(): the_excerpt filters of the stored excerpt. */
		struct buf b = BUF_INIT;
		jset(t, "rendered", rendered(render_excerpt(&ctx, r->excerpt, r->content, &b), &b));
	}
	jset(d, "excerpt", t);
	render_store_free(&src);
	if (!embed) {
		struct str_list keys = { NULL, 0 };
		json_t *m = jobj();
		posts_meta_keys(req->store, posts_type_of(req), &keys);
		for (size_t i = 0; i < keys.n; i++) {
			char *v = store_meta_get(req->store, "post", r->id, keys.v[i]);
			jset(m, keys.v[i], jstr(v ? v : ""));
			free(v);
		}
		str_list_free(&keys);
		jset(d, "meta", m);
	}
	if (with_preview_link && edit) {
		/* get_preview_post_link(): the parent's link with preview_id and a
		 * nonce for autosaves; ?p=<id>&preview=true for a draft itself. */
		struct buf b = BUF_INIT;
		if (r->parent) {
			struct post_set set = { NULL, 0 };
			long pid = r->parent;
			if (posts_load(req->store, &pid, 1, &set) == PD_OK && set.n == 1)
				post_permalink(req, &set.v[0], 0, &b);
			posts_free(&set);
			buf_printf(&b, "%spreview_id=%ld&preview_nonce=%s&preview=true",
				   strchr(buf_str(&b), '?') ? "&" : "?", r->parent, "0000000000");
		} else {
			buf_printf(&b, "%s/?p=%ld&preview=true", req->site->home, r->id);
		}
		jset(d, "preview_link", jstr(buf_str(&b)));
		buf_free(&b);
	}
	if (r->parent && rest_field_wanted(req, "parent")) { /* ! empty( $data['parent'] ) */
		char href[512];
		snprintf(href, sizeof href, "%swp/v2/posts/%ld", req->site->rest_url, r->parent);
		json_t *l = jobj();
		jset(l, "parent", jpush(jarr(), jset(jobj(), "href", jstr(href))));
		jset(d, "_links", l);
	}
	return d;
}

json_t *revisions_json_list(struct request *req, const json_t *ids, int with_preview_link)
{
	json_t *items = jarr(), *v;
	size_t i;
	json_array_foreach(ids, i, v) {
		struct wpost r;
		if (wpost_load(req->store, (long)json_integer_value(v), &r) == PD_OK) {
			jpush(items, revision_json(req, &r, with_preview_link));
			wpost_free(&r);
		}
	}
	return items;
}

/* ---- routes ---- */

static int php_empty_str(const json_t *v)
{
	return !json_is_string(v) || !*json_string_value(v);
}

/* get_parent(): a post of type "post". */
int revisions_parent(struct request *req, struct response *res, long id, struct wpost *p)
{
	if (id > 0 && wpost_load(req->store, id, p) == PD_OK) {
		if (!strcmp(p->type, "post"))
			return PD_OK;
		wpost_free(p);
	}
	return rest_error(res, 404, "rest_post_invalid_parent", "Invalid post parent ID.");
}

/* get_revision(). */
static int get_revision(struct request *req, struct response *res, long id, struct wpost *r)
{
	if (id > 0 && wpost_load(req->store, id, r) == PD_OK) {
		if (!strcmp(r->type, "revision"))
			return PD_OK;
		wpost_free(r);
	}
	return rest_error(res, 404, "rest_post_invalid_id", "Invalid revision ID.");
}

static int items_permission(struct request *req, struct response *res, long parent_id)
{
	struct wpost p;
	int rc = revisions_parent(req, res, parent_id, &p);
	if (rc)
		return rc;
	int ok = caps_user_can(req->store, req->user, "edit_post", p.id);
	wpost_free(&p);
	if (!ok)
		return rest_error(res, rest_authorization_required_code(req), "rest_cannot_read",
				  "Sorry, you are not allowed to view revisions of this post.");
	return PD_OK;
}

int revisions_get_items_permission(struct request *req, struct response *res)
{
	return items_permission(req, res, rest_url_id(req, "parent"));
}

int revisions_get_item_permission(struct request *req, struct response *res)
{
	return items_permission(req, res, rest_url_id(req, "parent"));
}

static long param_long(const struct request *req, const char *name, long fallback, int *given)
{
	const json_t *v = rest_param(req, name);
	*given = v && !json_is_null(v);
	return *given ? (long)validate_intval(v) : fallback;
}

int revisions_get_items(struct request *req, struct response *res)
{
	struct wpost parent;
	int rc = revisions_parent(req, res, rest_url_id(req, "parent"), &parent);
	if (rc)
		return rc;
	wpost_free(&parent);
	const char *orderby = rest_param_str(req, "orderby");
	const json_t *search = rest_param(req, "search");
	const json_t *include = rest_param(req, "include");
	if (orderby && !strcmp(orderby, "relevance") && php_empty_str(search))
		return rest_error(res, 400, "rest_no_search_term_defined",
				  "You need to define a search term to order by relevance.");
	if (orderby && !strcmp(orderby, "include") && !json_array_size(include))
		return rest_error(res, 400, "rest_orderby_include_missing_include",
				  "You need to define an include parameter to order by include.");
	int has_pp, has_off, has_page;
	long per_page = param_long(req, "per_page", -1, &has_pp);
	long offset = param_long(req, "offset", 0, &has_off);
	long page = param_long(req, "page", 1, &has_page);
	const char *order = rest_param_str(req, "order");
	int asc = order && !strcasecmp(order, "asc");
	long total = 0;
	json_t *ids = jarr();
	if (revisions_to_keep(req->store) != 0) {
		/* WP_Query( post_parent, type revision, status inherit, orderby 'date ID' ). */
		struct buf sql = BUF_INIT;
		buf_puts(&sql, "SELECT ID FROM wp_posts WHERE post_parent = ?1 AND post_type = 'revision'"
			 " AND post_status = 'inherit'"
			 " AND (json_array_length(?2) = 0 OR ID IN (SELECT value FROM json_each(?2)))"
			 " AND ID NOT IN (SELECT value FROM json_each(?3))"
			 " AND (?4 IS NULL OR post_title LIKE ?4 OR post_excerpt LIKE ?4 OR post_content LIKE ?4)");
		const char *dir = asc ? "ASC" : "DESC";
		if (!orderby || !strcmp(orderby, "date"))
			buf_printf(&sql, " ORDER BY post_date %s, ID %s", dir, dir);
		else if (!strcmp(orderby, "id"))
			buf_printf(&sql, " ORDER BY ID %s", dir);
		else if (!strcmp(orderby, "slug"))
			buf_printf(&sql, " ORDER BY post_name %s", dir);
		else if (!strcmp(orderby, "include"))
			buf_puts(&sql, " ORDER BY (SELECT key FROM json_each(?2) WHERE value = ID)");
		else
			buf_printf(&sql, " ORDER BY post_date %s, ID %s", dir, dir);
		sqlite3_stmt *s = store_stmt_new(req->store, buf_str(&sql));
		buf_free(&sql);
		if (!s) {
			json_decref(ids);
			return PD_EDB;
		}
		char *inc = json_dumps(include && json_is_array(include) ? include : json_array(), JSON_COMPACT);
		const json_t *exc = rest_param(req, "exclude");
		char *ex = json_dumps(exc && json_is_array(exc) ? exc : json_array(), JSON_COMPACT);
		char *like = NULL;
		if (json_is_string(search) && *json_string_value(search) &&
		    asprintf(&like, "%%%s%%", json_string_value(search)) < 0)
			like = NULL;
		sqlite3_bind_int64(s, 1, rest_url_id(req, "parent"));
		sqlite3_bind_text(s, 2, inc ? inc : "[]", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, ex ? ex : "[]", -1, SQLITE_TRANSIENT);
		if (like)
			sqlite3_bind_text(s, 4, like, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, 4);
		free(inc);
		free(ex);
		free(like);
		json_t *all = jarr();
		while (sqlite3_step(s) == SQLITE_ROW)
			jpush(all, jint(sqlite3_column_int64(s, 0)));
		sqlite3_finalize(s);
		total = (long)json_array_size(all);
		long start = 0, count = total;
		if (per_page > 0) {
			start = has_off ? offset : (page - 1) * per_page;
			count = per_page;
		}
		/* posts_per_page -1 (no per_page): WP_Query ignores offset. */
		for (long i = start; i < total && i - start < count; i++)
			jpush(ids, json_incref(json_array_get(all, (size_t)i)));
		json_decref(all);
		long max_pages = per_page > 0 ? (total + per_page - 1) / per_page : total > 0 ? 1 : 0;
		if (total > 0) {
			if (offset >= total) {
				json_decref(ids);
				return rest_error(res, 400, "rest_revision_invalid_offset_number",
						  "The offset number requested is larger than or equal to the number of available revisions.");
			}
			if (!offset && page > max_pages) {
				json_decref(ids);
				return rest_error(res, 400, "rest_revision_invalid_page_number",
						  "The page number requested is larger than the number of pages available.");
			}
		}
	}
	res->body = req->method == M_HEAD ? jarr() : revisions_json_list(req, ids, 0);
	json_decref(ids);
	if (per_page > 0) {
		rest_paginate(res, req, total, per_page, page);
	} else {
		/* posts_per_page -1: one page holds everything. */
		rest_paginate(res, req, total, total > 0 ? total : 1, page);
		if (total == 0)
			rest_header(res, "X-WP-TotalPages", "0");
	}
	return PD_OK;
}

int revisions_get_item(struct request *req, struct response *res)
{
	struct wpost parent, r;
	int rc = revisions_parent(req, res, rest_url_id(req, "parent"), &parent);
	if (rc)
		return rc;
	if ((rc = get_revision(req, res, rest_url_id(req, "id"), &r))) {
		wpost_free(&parent);
		return rc;
	}
	if (r.parent != parent.id) {
		char msg[160];
		snprintf(msg, sizeof msg, "The revision does not belong to the specified parent with id of \"%ld\"",
			 parent.id);
		rc = rest_error(res, 404, "rest_revision_parent_id_mismatch", msg);
	} else {
		res->body = req->method == M_HEAD ? jobj() : revision_json(req, &r, 0);
	}
	wpost_free(&parent);
	wpost_free(&r);
	return rc;
}

int revisions_delete_item_permission(struct request *req, struct response *res)
{
	struct wpost parent, r;
	int rc = revisions_parent(req, res, rest_url_id(req, "parent"), &parent);
	if (rc)
		return rc;
	int ok = caps_user_can(req->store, req->user, "delete_post", parent.id);
	wpost_free(&parent);
	if (!ok)
		return rest_error(res, rest_authorization_required_code(req), "rest_cannot_delete",
				  "Sorry, you are not allowed to delete revisions of this post.");
	if ((rc = get_revision(req, res, rest_url_id(req, "id"), &r)))
		return rc;
	long rid = r.id;
	wpost_free(&r);
	if ((rc = items_permission(req, res, rest_url_id(req, "parent"))))
		return rc;
	/* map_meta_cap(): delete_post of a revision is do_not_allow, so this
	 * refuses everyone, as WordPress 6.9.4 does. */
	if (!caps_user_can(req->store, req->user, "delete_post", rid))
		return rest_error(res, rest_authorization_required_code(req), "rest_cannot_delete",
				  "Sorry, you are not allowed to delete this revision.");
	return PD_OK;
}

int revisions_delete_item(struct request *req, struct response *res)
{
	struct wpost r;
	int rc = get_revision(req, res, rest_url_id(req, "id"), &r);
	if (rc)
		return rc;
	const json_t *f = rest_param(req, "force");
	if (!json_is_true(f)) {
		wpost_free(&r);
		return rest_error(res, 501, "rest_trash_not_supported",
				  "Revisions do not support trashing. Set 'force=true' to delete.");
	}
	json_t *previous = revision_json(req, &r, 0);
	json_object_del(previous, "_links");
	wpost_free(&r);
	if ((rc = store_begin(req->store))) {
		json_decref(previous);
		return PD_EDB;
	}
	rc = wpost_delete(req->store, rest_url_id(req, "id"));
	rc = rc ? (store_rollback(req->store), rc) : store_commit(req->store);
	if (rc) {
		json_decref(previous);
		return rc;
	}
	json_t *body = jobj();
	jset(body, "deleted", json_true());
	jset(body, "previous", previous);
	res->body = body;
	return PD_OK;
}
