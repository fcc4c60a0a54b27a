/* terms.c - GET /wp/v2/categories, /wp/v2/tags and their items as
 * WP_REST_Terms_Controller answers them (view and embed context). The term
 * query (WP_Term_Query: filters, hide_empty with hierarchy, ordering,
 * pagination) runs in C over the taxonomy's rows: taxonomies are small, and
 * this keeps every SQL statement static. Writing terms is not here yet. */
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/collate.h"
#include "pressd/collection.h"
#include "pressd/err.h"
#include "pressd/permalink.h"
#include "pressd/json.h"
#include "pressd/links.h"
#include "pressd/rest.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/terms.h"

/* What differs between the two taxonomies served here. */
struct taxonomy {
	const char *name;        /* "category" */
	const char *rest_base;   /* "categories" */
	int hierarchical;        /* categories have parents */
};

static const struct taxonomy category = { "category", "categories", 1 };
static const struct taxonomy post_tag = { "post_tag", "tags", 0 };

/* A term of one taxonomy; strings owned. */
struct term_row {
	long id;                 /* term_id (= term_taxonomy_id on imported sites, not assumed) */
	char *name;              /* raw name, UTF-8 */
	char *slug;
	char *description;
	long term_group;
	long parent;             /* parent term_id, 0 for none */
	long count;              /* published objects, as wp_update_term_count() stored it */
};

#define TERM_COLUMNS \
	"SELECT t.term_id, t.name, t.slug, t.term_group, tt.description, tt.parent, tt.count" \
	" FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id"

static void row_read(sqlite3_stmt *q, struct term_row *t)
{
	t->id = sqlite3_column_int64(q, 0);
	t->name = store_column_strdup(q, 1);
	t->slug = store_column_strdup(q, 2);
	t->term_group = sqlite3_column_int64(q, 3);
	t->description = store_column_strdup(q, 4);
	t->parent = sqlite3_column_int64(q, 5);
	t->count = sqlite3_column_int64(q, 6);
}

static void row_free(struct term_row *t)
{
	free(t->name);
	free(t->slug);
	free(t->description);
}

static void rows_free(struct term_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		row_free(&rows[i]);
	free(rows);
}

/* Reads every row q yields into *rows (owned by the caller). */
static int rows_read(sqlite3_stmt *q, struct term_row **rows, size_t *n)
{
	struct collection_rows read = { 0 };
	int rc = PD_OK, step;
	while (rc == PD_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		struct term_row t;
		row_read(q, &t);
		if ((rc = collection_push(&read, &t, sizeof t)) != PD_OK)
			row_free(&t);
	}
	if (rc == PD_OK && step != SQLITE_DONE)
		rc = PD_EDB;
	store_done(q);
	*rows = read.items;
	*n = read.n;
	return rc;
}

/* prepare_item_for_response() + prepare_links(). */
static json_t *term_json(struct request *req, const struct taxonomy *tax, const struct term_row *t)
{
	int embed = !strcmp(rest_context(req), "embed");
	json_t *d = jobj();
	struct buf link = BUF_INIT;
	permalink_term_link(req->store, req->site, t->id, tax->name, t->slug, t->parent, &link);
	jset(d, "id", jint(t->id));
	if (!embed) {
		jset(d, "count", jint(t->count));
		jset(d, "description", jstr(t->description));
	}
	jset(d, "link", jstr(buf_str(&link)));
	jset(d, "name", jstr(t->name));
	jset(d, "slug", jstr(t->slug));
	jset(d, "taxonomy", jstr(tax->name));
	if (!embed) {
		if (tax->hierarchical)
			jset(d, "parent", jint(t->parent));
		jset(d, "meta", jarr()); /* no registered term meta */
	}
	json_t *links = jobj();
	int methods = M_GET;
	if (req->user && caps_user_can(req->store, req->user, "edit_term", t->id))
		methods |= M_POST | M_PUT | M_PATCH;
	if (req->user && caps_user_can(req->store, req->user, "delete_term", t->id))
		methods |= M_DELETE;
	links_add_self_collection(links, req, methods, tax->rest_base, t->id);
	links_add(links, "about", links_rest(req, "wp/v2/taxonomies/%s", tax->name));
	if (t->parent) {
		links_add(links, "up", links_href(jset(jobj(), "embeddable", jbool(1)), req,
						  "wp/v2/%s/%ld", tax->rest_base, t->parent));
	}
	/* The taxonomy's object type "post": its collection filtered by this term. */
	links_add(links, "wp:post_type", links_rest(req, "wp/v2/posts?%s=%ld", tax->rest_base, t->id));
	links_finish(links);
	jset(d, "_links", links);
	buf_free(&link);
	return d;
}

/* ---- single term ---- */

static int term_load(struct store *st, const struct taxonomy *tax, long id, struct term_row *t)
{
	sqlite3_stmt *q = store_stmt(st, TERM_COLUMNS " WHERE t.term_id = ?1 AND tt.taxonomy = ?2");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_text(q, 2, tax->name, -1, SQLITE_STATIC);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(q) == SQLITE_ROW) {
		row_read(q, t);
		rc = PD_OK;
	}
	store_done(q);
	return rc;
}

static int get_item_permission(struct request *req, struct response *res, const struct taxonomy *tax)
{
	struct term_row t;
	long id = rest_param_int(req, "id", 0);
	int rc = id > 0 ? term_load(req->store, tax, id, &t) : PD_ENOTFOUND;
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 404, "rest_term_invalid", "Term does not exist.");
	if (rc != PD_OK)
		return rc;
	row_free(&t);
	if (!strcmp(rest_context(req), "edit") &&
	    !(req->user && caps_user_can(req->store, req->user, "edit_term", id)))
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit this term.");
	return PD_OK;
}

static int get_item(struct request *req, struct response *res, const struct taxonomy *tax)
{
	struct term_row t;
	int rc = term_load(req->store, tax, rest_param_int(req, "id", 0), &t);
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 404, "rest_term_invalid", "Term does not exist.");
	if (rc != PD_OK)
		return rc;
	res->body = term_json(req, tax, &t);
	row_free(&t);
	return PD_OK;
}

/* ---- collection ---- */

/* check_read_terms_permission_for_post(): the post must be a 'post' (the
 * only object type of both taxonomies) that is public or readable. */
static int get_items_permission(struct request *req, struct response *res, const struct taxonomy *tax)
{
	(void)tax;
	if (!strcmp(rest_context(req), "edit") &&
	    !(req->user && caps_user_can(req->store, req->user, "manage_categories", 0)))
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit terms in this taxonomy.");
	long post = rest_param_int(req, "post", 0);
	if (!post)
		return PD_OK;
	sqlite3_stmt *q = store_stmt(req->store, "SELECT post_type, post_status FROM wp_posts WHERE ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, post);
	int found = 0, readable = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		found = 1;
		readable = !strcmp((const char *)sqlite3_column_text(q, 0), "post") &&
			   !strcmp((const char *)sqlite3_column_text(q, 1), "publish");
		if (!strcmp((const char *)sqlite3_column_text(q, 0), "post") && !readable && req->user)
			readable = -1; /* decided by read_post below */
	}
	store_done(q);
	if (!found)
		return rest_error(res, 400, "rest_post_invalid_id", "Invalid post ID.");
	if (readable < 0)
		readable = caps_user_can(req->store, req->user, "read_post", post);
	if (!readable)
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to view terms for this post.");
	return PD_OK;
}

static __thread struct {
	const char *orderby;     /* the REST orderby value */
	const json_t *include, *slugs;
	int desc;
} sort_by;

/* ORDER BY of WP_Term_Query::parse_orderby(), ties by term_id ("Foo A"
 * twice: 3128700 before 3128710, as WordPress answers for single posts). */
static int cmp_terms(const void *a, const void *b)
{
	const struct term_row *x = a, *y = b;
	const char *o = sort_by.orderby;
	int c = 0;
	if (!strcmp(o, "id"))
		c = (x->id > y->id) - (x->id < y->id);
	else if (!strcmp(o, "slug"))
		c = collate_wp_ci_str(x->slug, y->slug);
	else if (!strcmp(o, "count"))
		c = (x->count > y->count) - (x->count < y->count);
	else if (!strcmp(o, "term_group"))
		c = (x->term_group > y->term_group) - (x->term_group < y->term_group);
	else if (!strcmp(o, "include") && json_array_size(sort_by.include))
		c = collection_int_index(sort_by.include, x->id) - collection_int_index(sort_by.include, y->id);
	else if (!strcmp(o, "include_slugs") && json_array_size(sort_by.slugs))
		c = collection_str_index(sort_by.slugs, x->slug) - collection_str_index(sort_by.slugs, y->slug);
	else
		c = collate_wp_ci_str(x->name, y->name);
	if (sort_by.desc)
		c = -c;
	/* Ties: ascending ID whatever the order, as MariaDB's filesort returns them. */
	if (!c)
		c = (x->id > y->id) - (x->id < y->id);
	return c;
}

struct id_pos {
	long id;
	size_t pos;
};

static int cmp_id_pos(const void *a, const void *b)
{
	long x = ((const struct id_pos *)a)->id, y = ((const struct id_pos *)b)->id;
	return (x > y) - (x < y);
}

int terms_keep_nonempty(const long *ids, const long *parents, const long *counts, size_t n, char *keep)
{
	struct id_pos *by_id = malloc((n ? n : 1) * sizeof *by_id);
	if (!by_id)
		return PD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		by_id[i] = (struct id_pos){ ids[i], i };
		keep[i] = counts[i] > 0;
	}
	qsort(by_id, n, sizeof *by_id, cmp_id_pos);
	/* every ancestor of a term with posts is kept; n steps at most, so a
	 * parent loop in the data ends the walk */
	for (size_t i = 0; i < n; i++) {
		if (counts[i] <= 0)
			continue;
		long parent = parents[i];
		for (size_t depth = 0; parent && depth < n; depth++) {
			struct id_pos key = { parent, 0 }, *hit = bsearch(&key, by_id, n, sizeof *by_id, cmp_id_pos);
			if (!hit || keep[hit->pos])
				break;
			keep[hit->pos] = 1;
			parent = parents[hit->pos];
		}
	}
	free(by_id);
	return PD_OK;
}

static int get_items(struct request *req, struct response *res, const struct taxonomy *tax)
{
	const json_t *include = rest_param(req, "include"), *exclude = rest_param(req, "exclude");
	const json_t *slugs = rest_param(req, "slug"), *parent_p = rest_param(req, "parent");
	const char *search = rest_param_str(req, "search");
	const char *orderby = rest_param_str(req, "orderby");
	const char *order = rest_param_str(req, "order");
	long post = rest_param_int(req, "post", 0);
	int hide_empty = json_is_true(rest_param(req, "hide_empty")) && !post;
	int by_parent = tax->hierarchical && json_is_integer(parent_p);
	long parent = by_parent ? (long)json_integer_value(parent_p) : 0;

	struct term_row *rows = NULL;
	size_t n = 0;
	int rc;
	sqlite3_stmt *q;
	struct term_row *all = NULL;
	size_t nall = 0;
	char *nonempty = NULL;
	if (post) {
		/* wp_get_object_terms(): only the post's terms (hide_empty is off). */
		q = store_stmt(req->store, TERM_COLUMNS
			" JOIN wp_term_relationships tr ON tr.term_taxonomy_id = tt.term_taxonomy_id"
			" WHERE tt.taxonomy = ?1 AND tr.object_id = ?2");
		if (!q)
			return PD_EDB;
		sqlite3_bind_text(q, 1, tax->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 2, post);
		rc = rows_read(q, &rows, &n);
	} else {
		/* The whole taxonomy (hide_empty keeps empty terms with counted descendants). */
		q = store_stmt(req->store, TERM_COLUMNS " WHERE tt.taxonomy = ?1");
		if (!q)
			return PD_EDB;
		sqlite3_bind_text(q, 1, tax->name, -1, SQLITE_STATIC);
		rc = rows_read(q, &all, &nall);
	}
	if (rc != PD_OK)
		goto out;
	struct term_row *src = post ? rows : all;
	size_t nsrc = post ? n : nall;
	/* hide_empty (never with post): which terms of the whole taxonomy stay */
	if (hide_empty && tax->hierarchical) {
		long *cols = malloc((nall ? nall : 1) * 3 * sizeof *cols);
		nonempty = malloc(nall ? nall : 1);
		for (size_t i = 0; cols && i < nall; i++) {
			cols[i] = all[i].id;
			cols[nall + i] = all[i].parent;
			cols[2 * nall + i] = all[i].count;
		}
		rc = cols && nonempty ? terms_keep_nonempty(cols, cols + nall, cols + 2 * nall, nall, nonempty) : PD_ENOMEM;
		free(cols);
		if (rc != PD_OK)
			goto out;
	}

	/* Filter in place; kept rows move to the front, the others are freed. */
	size_t kept = 0;
	for (size_t i = 0; i < nsrc; i++) {
		struct term_row *t = &src[i];
		int keep = (!json_array_size(include) || collection_int_index(include, t->id)) &&
			   (json_array_size(include) || !json_array_size(exclude) || !collection_int_index(exclude, t->id)) &&
			   (!json_array_size(slugs) || collection_str_index(slugs, t->slug)) &&
			   (!by_parent || t->parent == parent) &&
			   (!search || !*search || strcasestr(t->name, search) || strcasestr(t->slug, search));
		if (keep && hide_empty && !t->count && !(nonempty && nonempty[i]))
			keep = 0;
		if (keep) {
			if (kept != i) {
				struct term_row tmp = src[kept];
				src[kept] = *t;
				*t = tmp;
			}
			kept++;
		}
	}
	/* wp_count_terms() counts without the hierarchy: there hide_empty is a
	 * plain count > 0, so empty parents kept for their children are not in
	 * X-WP-Total. */
	long total = 0;
	for (size_t i = 0; i < kept; i++)
		total += !hide_empty || src[i].count > 0;
	sort_by.orderby = orderby ? orderby : "name";
	sort_by.include = include;
	sort_by.slugs = slugs;
	sort_by.desc = order && !strcmp(order, "desc");
	if (kept > 1)
		qsort(src, kept, sizeof *src, cmp_terms);
	struct collection_window w;
	collection_window_from_request(req, kept, 1, &w);
	json_t *list = jarr();
	for (size_t i = w.first; i < w.end; i++)
		jpush(list, term_json(req, tax, &src[i]));
	res->body = list;
	rest_paginate(res, req, total, w.per_page, w.page);
out:
	free(nonempty);
	rows_free(all, nall);
	rows_free(rows, n);
	return rc;
}

int categories_get_items(struct request *req, struct response *res) { return get_items(req, res, &category); }
int categories_get_items_permission(struct request *req, struct response *res) { return get_items_permission(req, res, &category); }
int categories_get_item(struct request *req, struct response *res) { return get_item(req, res, &category); }
int categories_get_item_permission(struct request *req, struct response *res) { return get_item_permission(req, res, &category); }
int tags_get_items(struct request *req, struct response *res) { return get_items(req, res, &post_tag); }
int tags_get_items_permission(struct request *req, struct response *res) { return get_items_permission(req, res, &post_tag); }
int tags_get_item(struct request *req, struct response *res) { return get_item(req, res, &post_tag); }
int tags_get_item_permission(struct request *req, struct response *res) { return get_item_permission(req, res, &post_tag); }
