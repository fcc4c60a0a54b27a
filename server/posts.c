/* posts.c - GET /wp/v2/posts, /wp/v2/pages and their items: permission
 * checks and handlers of WP_REST_Posts_Controller for the post types "post"
 * and "page" (one controller; the route table gives each endpoint its
 * struct post_type), and the batched loading of posts with their terms,
 * meta and revisions. Writing posts is elsewhere. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/phpser.h"
#include "pressd/posts.h"
#include "pressd/rest.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/wpdate.h"

/* ---- post types (create_initial_post_types()) ---- */

const struct post_type post_type_post = {
	"post", "posts", 0, PT_STICKY | PT_FORMATS | PT_TAXONOMIES,
	{ "edit_posts", "edit_others_posts", "publish_posts", "read_private_posts" },
};

const struct post_type post_type_page = {
	"page", "pages", 1, 0,
	{ "edit_pages", "edit_others_pages", "publish_pages", "read_private_pages" },
};

static const struct post_type *const types[] = { &post_type_post, &post_type_page };

const struct post_type *posts_type_named(const char *name)
{
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (!strcmp(types[i]->name, name))
			return types[i];
	return NULL;
}

/* WordPress registers one controller per post type under its rest_base;
 * the route names it ("/wp/v2/pages/2" -> page). */
const struct post_type *posts_type_of(const struct request *req)
{
	const char *r = req->route ? req->route : "";
	if (strncmp(r, "/wp/v2/", 7) == 0) {
		r += 7;
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
			size_t n = strlen(types[i]->rest_base);
			if (strncmp(r, types[i]->rest_base, n) == 0 && (r[n] == '/' || r[n] == '\0'))
				return types[i];
		}
	}
	return &post_type_post;
}

/* ---- parameters: validated values, or raw strings when validation is lenient ---- */

/* An integer parameter (JSON integer or decimal string); *given says whether it was set. */
static long param_long(const struct request *req, const char *name, long fallback, int *given)
{
	const json_t *v = rest_param(req, name);
	if (given)
		*given = 0;
	if (json_is_integer(v)) {
		if (given)
			*given = 1;
		return (long)json_integer_value(v);
	}
	const char *s = json_string_value(v);
	if (s && *s) {
		char *end;
		long n = strtol(s, &end, 10);
		if (*end == '\0') {
			if (given)
				*given = 1;
			return n;
		}
	}
	return fallback;
}

/* rest_sanitize_boolean(): -1 when absent. */
static int param_bool(const struct request *req, const char *name)
{
	const json_t *v = rest_param(req, name);
	if (!v || json_is_null(v))
		return -1;
	if (json_is_boolean(v))
		return json_is_true(v);
	if (json_is_integer(v))
		return json_integer_value(v) != 0;
	const char *s = json_string_value(v);
	if (!s)
		return -1;
	return !(strcmp(s, "") == 0 || strcmp(s, "0") == 0 || strcasecmp(s, "false") == 0);
}

/* wp_parse_list() of a string or the strings of an array. */
static int parse_list(const json_t *v, struct str_list *out)
{
	int rc = PD_OK;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			char num[32];
			const char *s = json_string_value(e);
			if (json_is_integer(e)) {
				snprintf(num, sizeof num, "%lld", (long long)json_integer_value(e));
				s = num;
			}
			if (s && (rc = str_list_push(out, s, strlen(s))))
				return rc;
		}
		return PD_OK;
	}
	const char *s = json_string_value(v);
	if (json_is_integer(v)) {
		char num[32];
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		return str_list_push(out, num, strlen(num));
	}
	while (s && *s && !rc) {
		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		size_t n = strcspn(s, ", \t\r\n\f\v");
		if (n)
			rc = str_list_push(out, s, n);
		s += n;
	}
	return rc;
}

/* wp_parse_id_list(): absint() of each, unique. */
static int parse_ids(const json_t *v, struct id_list *out)
{
	struct str_list l = { NULL, 0 };
	int rc = parse_list(v, &l);
	for (size_t i = 0; i < l.n && !rc; i++) {
		long n = labs(strtol(l.v[i], NULL, 10));
		int dup = 0;
		for (size_t k = 0; k < out->n; k++)
			if (out->v[k] == n)
				dup = 1;
		if (!dup)
			rc = id_list_push(out, n);
	}
	str_list_free(&l);
	return rc;
}

static const char *context_of(const struct request *req)
{
	const char *c = rest_param_str(req, "context");
	return c && *c ? c : "view";
}

/* rest_authorization_required_code(). */
static int auth_code(const struct request *req)
{
	return req->user ? 403 : 401;
}

/* ---- sticky posts ---- */

/* The IDs in option sticky_posts (a serialized PHP array). */
static int sticky_ids(struct store *st, struct id_list *out)
{
	char *v = store_option_get(st, "sticky_posts");
	json_t *arr = NULL;
	if (v && phpser_unserialize(v, strlen(v), &arr) == PD_OK) {
		const char *k;
		json_t *e;
		size_t i;
		if (json_is_array(arr)) {
			json_array_foreach(arr, i, e)
				if (json_is_integer(e) || json_is_string(e))
					id_list_push(out, json_is_integer(e) ? (long)json_integer_value(e)
									 : strtol(json_string_value(e), NULL, 10));
		} else if (json_is_object(arr)) {
			json_object_foreach(arr, k, e)
				if (json_is_integer(e) || json_is_string(e))
					id_list_push(out, json_is_integer(e) ? (long)json_integer_value(e)
									 : strtol(json_string_value(e), NULL, 10));
		}
	}
	json_decref(arr);
	free(v);
	return PD_OK;
}

/* ---- loading posts ---- */

int posts_meta_keys(struct store *st, const struct post_type *type, struct str_list *out)
{
	char name[64];
	snprintf(name, sizeof name, "pressd_%s_meta_keys", type->name);
	char *v = store_option_get(st, name); /* remembered by the store per generation */
	json_t *s = jstr(v ? v : "footnotes");
	int rc = parse_list(s, out);
	json_decref(s);
	free(v);
	return rc;
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return strdup(t ? (const char *)t : "");
}

static void post_clear(struct post *p)
{
	free(p->date); free(p->date_gmt); free(p->modified); free(p->modified_gmt);
	free(p->title); free(p->content); free(p->excerpt); free(p->status);
	free(p->comment_status); free(p->ping_status); free(p->password); free(p->name);
	free(p->guid); free(p->type); free(p->template);
	for (size_t i = 0; i < p->nterms; i++)
		free(p->terms[i].slug);
	free(p->terms);
	json_decref(p->meta);
	memset(p, 0, sizeof *p);
}

void posts_free(struct post_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		post_clear(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

static struct post *find_post(struct post_set *set, long id)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].id == id)
			return &set->v[i];
	return NULL;
}

int posts_load(struct store *st, const long *ids, size_t n, struct post_set *out)
{
	struct buf list = BUF_INIT;
	struct str_list keys = { NULL, 0 };
	json_t *jkeys = NULL;
	int rc = buf_putc(&list, '[');
	for (size_t i = 0; i < n && !rc; i++)
		rc = buf_printf(&list, i ? ",%ld" : "%ld", ids[i]);
	if (!rc)
		rc = buf_putc(&list, ']');
	out->v = calloc(n ? n : 1, sizeof *out->v);
	out->n = 0;
	if (rc || !out->v) {
		rc = rc ? rc : PD_ENOMEM;
		goto out;
	}

	/* The rows, then put in the order of ids. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt,"
		" post_status, comment_status, ping_status, post_password, post_name, post_modified,"
		" post_modified_gmt, post_parent, guid, post_type, menu_order"
		" FROM wp_posts WHERE ID IN (SELECT value FROM json_each(?))");
	if (!s) {
		rc = PD_EDB;
		goto out;
	}
	sqlite3_bind_text(s, 1, buf_str(&list), -1, SQLITE_STATIC);
	struct post_set rows = { calloc(n ? n : 1, sizeof(struct post)), 0 };
	if (!rows.v) {
		store_done(s);
		rc = PD_ENOMEM;
		goto out;
	}
	while (rows.n < n && sqlite3_step(s) == SQLITE_ROW) {
		struct post *p = &rows.v[rows.n++];
		p->id = (long)sqlite3_column_int64(s, 0);
		p->author = (long)sqlite3_column_int64(s, 1);
		p->date = col_dup(s, 2);
		p->date_gmt = col_dup(s, 3);
		p->content = col_dup(s, 4);
		p->title = col_dup(s, 5);
		p->excerpt = col_dup(s, 6);
		p->status = col_dup(s, 7);
		p->comment_status = col_dup(s, 8);
		p->ping_status = col_dup(s, 9);
		p->password = col_dup(s, 10);
		p->name = col_dup(s, 11);
		p->modified = col_dup(s, 12);
		p->modified_gmt = col_dup(s, 13);
		p->parent = (long)sqlite3_column_int64(s, 14);
		p->guid = col_dup(s, 15);
		p->type = col_dup(s, 16);
		p->menu_order = (long)sqlite3_column_int64(s, 17);
		p->meta = jobj();
		if (!p->date || !p->date_gmt || !p->content || !p->title || !p->excerpt || !p->status ||
		    !p->comment_status || !p->ping_status || !p->password || !p->name || !p->modified ||
		    !p->modified_gmt || !p->guid || !p->type)
			rc = PD_ENOMEM;
	}
	store_done(s);
	for (size_t i = 0; i < n; i++) {
		struct post *p = find_post(&rows, ids[i]);
		if (p && p->id) {
			out->v[out->n++] = *p;
			memset(p, 0, sizeof *p);
		}
	}
	posts_free(&rows);
	if (rc)
		goto out;

	/* Terms, each taxonomy by name as get_the_terms() (ties by term_id).
	 * From the ids to their relationships (CROSS JOIN fixes the order):
	 * left to itself SQLite starts from every category and tag. */
	s = store_stmt(st,
		"SELECT tr.object_id, t.term_id, t.slug, tt.taxonomy"
		" FROM (SELECT DISTINCT value AS id FROM json_each(?)) j"
		" CROSS JOIN wp_term_relationships tr ON tr.object_id = j.id"
		" JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id"
		" JOIN wp_terms t ON t.term_id = tt.term_id"
		" WHERE tt.taxonomy IN ('category', 'post_tag', 'post_format')"
		" ORDER BY tr.object_id, t.name COLLATE WP_CI, t.term_id");
	if (!s) {
		rc = PD_EDB;
		goto out;
	}
	sqlite3_bind_text(s, 1, buf_str(&list), -1, SQLITE_STATIC);
	while (!rc && sqlite3_step(s) == SQLITE_ROW) {
		struct post *p = find_post(out, (long)sqlite3_column_int64(s, 0));
		if (!p)
			continue;
		struct post_term *nt = realloc(p->terms, (p->nterms + 1) * sizeof *nt);
		if (!nt) {
			rc = PD_ENOMEM;
			break;
		}
		p->terms = nt;
		struct post_term *t = &p->terms[p->nterms++];
		const char *tax = (const char *)sqlite3_column_text(s, 3);
		t->term_id = (long)sqlite3_column_int64(s, 1);
		t->slug = col_dup(s, 2);
		t->tax = strcmp(tax, "category") == 0 ? TAX_CATEGORY
		       : strcmp(tax, "post_tag") == 0 ? TAX_POST_TAG : TAX_POST_FORMAT;
		if (!t->slug)
			rc = PD_ENOMEM;
	}
	store_done(s);
	if (rc)
		goto out;

	/* Meta: the keys registered for any type, the thumbnail and the page template. */
	for (size_t i = 0; i < sizeof types / sizeof types[0] && !rc; i++)
		rc = posts_meta_keys(st, types[i], &keys);
	if (rc)
		goto out;
	jkeys = jarr();
	jpush(jkeys, jstr("_thumbnail_id"));
	jpush(jkeys, jstr("_wp_page_template"));
	for (size_t i = 0; i < keys.n; i++)
		jpush(jkeys, jstr(keys.v[i]));
	struct buf kbuf = BUF_INIT;
	if ((rc = json_emit(jkeys, &kbuf))) {
		buf_free(&kbuf);
		goto out;
	}
	s = store_stmt(st,
		"SELECT post_id, meta_key, meta_value FROM wp_postmeta"
		" WHERE post_id IN (SELECT value FROM json_each(?1))"
		" AND meta_key IN (SELECT value FROM json_each(?2)) ORDER BY meta_id");
	if (!s) {
		buf_free(&kbuf);
		rc = PD_EDB;
		goto out;
	}
	sqlite3_bind_text(s, 1, buf_str(&list), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, buf_str(&kbuf), -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct post *p = find_post(out, (long)sqlite3_column_int64(s, 0));
		const char *key = (const char *)sqlite3_column_text(s, 1);
		const char *val = (const char *)sqlite3_column_text(s, 2);
		if (!p || !key)
			continue;
		val = val ? val : "";
		if (strcmp(key, "_thumbnail_id") == 0) {
			if (!p->thumbnail_id)
				p->thumbnail_id = strtol(val, NULL, 10);
		} else if (strcmp(key, "_wp_page_template") == 0) {
			if (!p->template)
				p->template = strdup(val);
		}
		for (size_t i = 0; i < keys.n; i++)
			if (strcmp(keys.v[i], key) == 0 && !json_object_get(p->meta, key))
				jset(p->meta, key, jstr(val));
	}
	store_done(s);
	buf_free(&kbuf);

	/* Revisions: how many, and the newest (wp_get_latest_revision_id_and_total_count). */
	s = store_stmt(st,
		"SELECT r.post_parent, COUNT(*), (SELECT r2.ID FROM wp_posts r2 WHERE r2.post_parent = r.post_parent"
		"  AND r2.post_type = 'revision' AND r2.post_status = 'inherit'"
		"  ORDER BY r2.post_date DESC, r2.ID DESC LIMIT 1)"
		" FROM wp_posts r WHERE r.post_parent IN (SELECT value FROM json_each(?))"
		" AND r.post_type = 'revision' AND r.post_status = 'inherit' GROUP BY r.post_parent");
	if (!s) {
		rc = PD_EDB;
		goto out;
	}
	sqlite3_bind_text(s, 1, buf_str(&list), -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct post *p = find_post(out, (long)sqlite3_column_int64(s, 0));
		if (!p)
			continue;
		p->revisions = (long)sqlite3_column_int64(s, 1);
		p->latest_revision = (long)sqlite3_column_int64(s, 2);
	}
	store_done(s);

	/* Sticky flags. */
	struct id_list sticky = { NULL, 0 };
	sticky_ids(st, &sticky);
	for (size_t i = 0; i < out->n; i++)
		for (size_t k = 0; k < sticky.n; k++)
			if (sticky.v[k] == out->v[i].id)
				out->v[i].sticky = 1;
	id_list_free(&sticky);
out:
	json_decref(jkeys);
	str_list_free(&keys);
	buf_free(&list);
	if (rc)
		posts_free(out);
	return rc;
}

/* ---- permissions ---- */

/* check_read_permission() for a post of this controller's type. */
static int can_read(struct request *req, const struct post *p)
{
	if (strcmp(p->status, "publish") == 0)
		return 1;
	if (caps_user_can(req->store, req->user, "read_post", p->id))
		return 1;
	if (strcmp(p->status, "inherit") == 0)
		return 1; /* posts with a readable parent or none: as get_post_status() */
	return 0;
}

/* get_items_permissions_check(); the statuses were checked by
 * sanitize_post_statuses() (post_args_policy) before. */
int posts_get_items_permission(struct request *req, struct response *res)
{
	if (strcmp(context_of(req), "edit") == 0 &&
	    !caps_user_can(req->store, req->user, posts_type_of(req)->cap.edit_posts, 0))
		return rest_error(res, auth_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit posts in this post type.");
	return PD_OK;
}

/* ---- the collection ---- */

static const struct { const char *name; enum post_orderby v; } orderbys[] = {
	{ "author", ORDERBY_AUTHOR }, { "date", ORDERBY_DATE }, { "id", ORDERBY_ID },
	{ "include", ORDERBY_INCLUDE }, { "modified", ORDERBY_MODIFIED }, { "parent", ORDERBY_PARENT },
	{ "relevance", ORDERBY_RELEVANCE }, { "slug", ORDERBY_SLUG },
	{ "include_slugs", ORDERBY_INCLUDE_SLUGS }, { "title", ORDERBY_TITLE },
	{ "menu_order", ORDERBY_MENU_ORDER },
};

/* A date parameter as WP_Date_Query compares it: local MySQL time. */
static void date_param(const struct request *req, const char *name, char out[20])
{
	const char *s = rest_param_str(req, name);
	time_t t;
	out[0] = '\0';
	if (s && *s && wpdate_parse_rest(s, 0, &t) == PD_OK) {
		char tmp[WPDATE_LEN];
		wpdate_format_mysql(t, 0, tmp);
		snprintf(out, 20, "%s", tmp);
	}
}

/* categories / tags: a list of IDs or {terms, include_children, operator}. */
static int tax_param(const struct request *req, struct post_query *q, const char *param,
		     const char *taxonomy, int exclude)
{
	const json_t *v = rest_param(req, param);
	if (!v || json_is_null(v))
		return PD_OK;
	struct tax_clause c = { taxonomy, { NULL, 0 }, 0, exclude ? TAX_NOT_IN : TAX_IN };
	int rc;
	if (json_is_object(v)) {
		rc = parse_ids(json_object_get(v, "terms"), &c.terms);
		const json_t *ic = json_object_get(v, "include_children");
		c.include_children = json_is_true(ic) ||
				     (json_is_string(ic) && (strcmp(json_string_value(ic), "1") == 0 ||
							     strcasecmp(json_string_value(ic), "true") == 0));
		const char *op = json_string_value(json_object_get(v, "operator"));
		if (!exclude && op && strcmp(op, "AND") == 0)
			c.op = TAX_AND;
	} else {
		rc = parse_ids(v, &c.terms);
	}
	if (rc || !c.terms.n || q->ntax >= 4) {
		id_list_free(&c.terms);
		return rc;
	}
	q->tax[q->ntax++] = c;
	return PD_OK;
}

/* get_items(): the REST parameters as WP_Query arguments; only those the
 * post type registers (get_collection_params()). */
static int query_from_request(struct request *req, struct response *res, struct post_query *q)
{
	const struct post_type *type = posts_type_of(req);
	int rc = PD_OK, given;
	memset(q, 0, sizeof *q);
	q->type = type->name;
	q->logged_in = req->user != NULL;
	q->page = param_long(req, "page", 1, NULL);
	q->per_page = param_long(req, "per_page", 10, NULL);
	q->offset = param_long(req, "offset", -1, &given);
	if (!given)
		q->offset = -1;
	const char *order = rest_param_str(req, "order");
	q->asc = order && strcasecmp(order, "asc") == 0;
	const char *orderby = rest_param_str(req, "orderby");
	q->orderby = ORDERBY_DATE;
	for (size_t i = 0; orderby && i < sizeof orderbys / sizeof orderbys[0]; i++)
		if (strcmp(orderby, orderbys[i].name) == 0)
			q->orderby = orderbys[i].v;
	const char *search = rest_param_str(req, "search");
	if (search && *search && !(q->search = strdup(search)))
		return PD_ENOMEM;
	if (q->orderby == ORDERBY_RELEVANCE && !q->search)
		return rest_error(res, 400, "rest_no_search_term_defined",
				  "You need to define a search term to order by relevance.");
	const char *sem = rest_param_str(req, "search_semantics");
	q->exact = sem && strcmp(sem, "exact") == 0;
	struct str_list cols = { NULL, 0 };
	if (rest_param(req, "search_columns"))
		rc = parse_list(rest_param(req, "search_columns"), &cols);
	for (size_t i = 0; i < cols.n; i++) {
		if (strcmp(cols.v[i], "post_title") == 0)
			q->search_columns |= SEARCH_TITLE;
		else if (strcmp(cols.v[i], "post_excerpt") == 0)
			q->search_columns |= SEARCH_EXCERPT;
		else if (strcmp(cols.v[i], "post_content") == 0)
			q->search_columns |= SEARCH_CONTENT;
	}
	str_list_free(&cols);

	if (!rc)
		rc = parse_ids(rest_param(req, "include"), &q->include);
	q->has_include = q->include.n > 0;
	if (!rc && q->orderby == ORDERBY_INCLUDE && !q->has_include)
		return rest_error(res, 400, "rest_orderby_include_missing_include",
				  "You need to define an include parameter to order by include.");
	if (!rc)
		rc = parse_ids(rest_param(req, "exclude"), &q->exclude);
	if (!rc)
		rc = parse_ids(rest_param(req, "author"), &q->author);
	if (!rc)
		rc = parse_ids(rest_param(req, "author_exclude"), &q->author_exclude);
	if (!rc && rest_param(req, "slug")) {
		rc = parse_list(rest_param(req, "slug"), &q->slugs);
		q->has_slugs = q->slugs.n > 0;
	}
	if (!rc) {
		const json_t *st = rest_param(req, "status");
		rc = st ? parse_list(st, &q->statuses) : str_list_push(&q->statuses, "publish", 7);
		if (!rc && !q->statuses.n)
			rc = str_list_push(&q->statuses, "publish", 7);
	}
	date_param(req, "before", q->before);
	date_param(req, "modified_before", q->modified_before);
	date_param(req, "after", q->after);
	date_param(req, "modified_after", q->modified_after);

	if (type->hierarchical) {
		if (!rc)
			rc = parse_ids(rest_param(req, "parent"), &q->parent);
		if (!rc)
			rc = parse_ids(rest_param(req, "parent_exclude"), &q->parent_exclude);
		q->menu_order = param_long(req, "menu_order", 0, &q->has_menu_order);
	}

	/* sticky=true: only sticky posts (within include); false: none of them. */
	int sticky = type->features & PT_STICKY ? param_bool(req, "sticky") : -1;
	if (!rc && sticky >= 0) {
		struct id_list ids = { NULL, 0 };
		sticky_ids(req->store, &ids);
		if (sticky) {
			struct id_list in = { NULL, 0 };
			for (size_t i = 0; i < ids.n; i++) {
				int keep = !q->has_include;
				for (size_t k = 0; k < q->include.n && !keep; k++)
					keep = q->include.v[k] == ids.v[i];
				if (keep)
					id_list_push(&in, ids.v[i]);
			}
			id_list_free(&q->include);
			q->include = in;
			q->has_include = 1;
		} else {
			for (size_t i = 0; i < ids.n; i++)
				id_list_push(&q->exclude, ids.v[i]);
		}
		id_list_free(&ids);
	}

	const char *rel = rest_param_str(req, "tax_relation");
	q->tax_or = rel && strcmp(rel, "OR") == 0;
	if (!(type->features & PT_TAXONOMIES))
		return rc;
	if (!rc)
		rc = tax_param(req, q, "categories", "category", 0);
	if (!rc)
		rc = tax_param(req, q, "categories_exclude", "category", 1);
	if (!rc)
		rc = tax_param(req, q, "tags", "post_tag", 0);
	if (!rc)
		rc = tax_param(req, q, "tags_exclude", "post_tag", 1);
	if (!rc && (type->features & PT_FORMATS) && rest_param(req, "format")) {
		rc = parse_list(rest_param(req, "format"), &q->formats);
		q->has_formats = q->formats.n > 0;
	}
	return rc;
}

/* Runs the query: the page of IDs in index order, then the total with a
 * COUNT over the same WHERE (a window COUNT would sort every row). */
static int run_query(struct store *st, const struct post_query *q, struct id_list *ids, long *total)
{
	struct post_sql sql = { BUF_INIT, BUF_INIT, NULL, 0, 0, 0 };
	struct buf text = BUF_INIT;
	sqlite3_stmt *s = NULL;
	int rc = post_query_sql(q, &sql), step = SQLITE_DONE;
	long offset = q->offset >= 0 ? q->offset : (q->page - 1) * q->per_page;
	*total = 0;
	if (!rc)
		rc = buf_printf(&text, "SELECT wp_posts.ID FROM wp_posts WHERE %s ORDER BY %s LIMIT %ld OFFSET %ld",
				buf_str(&sql.where), buf_str(&sql.order), q->per_page, offset < 0 ? 0 : offset);
	if (!rc && !(s = store_stmt_new(st, buf_str(&text))))
		rc = PD_EDB;
	if (!rc)
		rc = post_sql_bind(&sql, s, 1, 1);
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW)
		rc = id_list_push(ids, (long)sqlite3_column_int64(s, 0));
	if (!rc && step != SQLITE_DONE)
		rc = PD_EDB;
	sqlite3_finalize(s);
	s = NULL;
	buf_reset(&text);
	if (!rc)
		rc = buf_printf(&text, "SELECT COUNT(*) FROM wp_posts WHERE %s", buf_str(&sql.where));
	if (!rc && !(s = store_stmt_new(st, buf_str(&text))))
		rc = PD_EDB;
	if (!rc)
		rc = post_sql_bind(&sql, s, 1, 0);
	if (!rc && sqlite3_step(s) == SQLITE_ROW)
		*total = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc == PD_EDB)
		fprintf(stderr, "pressd: posts query: %s\n", store_errmsg(st));
	buf_free(&text);
	post_sql_free(&sql);
	return rc;
}

/* WP_Query's sticky posts on the first page of the "home" query (no search,
 * no taxonomy filter, no include): the page's sticky posts first, then the
 * other published sticky posts, newest first. They add to the page, not to
 * the total. */
static int stick_to_top(struct store *st, const struct post_query *q, struct id_list *ids)
{
	if (q->has_include || (q->search && *q->search) || q->ntax || q->has_formats || q->page > 1)
		return PD_OK;
	struct id_list sticky = { NULL, 0 }, rest = { NULL, 0 };
	int rc = sticky_ids(st, &sticky);
	size_t top = 0;
	for (size_t i = 0; i < ids->n && !rc; i++) {
		size_t k;
		for (k = 0; k < sticky.n && sticky.v[k] != ids->v[i]; k++)
			;
		if (k == sticky.n)
			continue;
		long id = ids->v[i];
		memmove(&ids->v[top + 1], &ids->v[top], (i - top) * sizeof *ids->v);
		ids->v[top++] = id;
		sticky.v[k] = 0; /* taken */
	}
	for (size_t k = 0; k < sticky.n && !rc; k++) {
		int excluded = sticky.v[k] == 0;
		for (size_t e = 0; e < q->exclude.n && !excluded; e++)
			excluded = q->exclude.v[e] == sticky.v[k];
		if (!excluded)
			rc = id_list_push(&rest, sticky.v[k]);
	}
	if (!rc && rest.n) {
		struct buf list = BUF_INIT;
		buf_putc(&list, '[');
		for (size_t k = 0; k < rest.n; k++)
			buf_printf(&list, k ? ",%ld" : "%ld", rest.v[k]);
		buf_putc(&list, ']');
		sqlite3_stmt *s = store_stmt(st,
			"SELECT ID FROM wp_posts WHERE ID IN (SELECT value FROM json_each(?)) AND post_type = ?"
			" AND post_status = 'publish' ORDER BY post_date DESC, ID DESC");
		if (!s)
			rc = PD_EDB;
		if (!rc) {
			sqlite3_bind_text(s, 1, buf_str(&list), -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 2, q->type, -1, SQLITE_STATIC);
		}
		while (!rc && sqlite3_step(s) == SQLITE_ROW) {
			if ((rc = id_list_push(ids, 0)))
				break;
			memmove(&ids->v[top + 1], &ids->v[top], (ids->n - 1 - top) * sizeof *ids->v);
			ids->v[top++] = (long)sqlite3_column_int64(s, 0);
		}
		store_done(s);
		buf_free(&list);
	}
	id_list_free(&sticky);
	id_list_free(&rest);
	return rc;
}

int posts_get_items(struct request *req, struct response *res)
{
	struct post_query q;
	struct id_list ids = { NULL, 0 };
	struct post_set set = { NULL, 0 };
	long total = 0;
	post_json_begin(req);
	int rc = query_from_request(req, res, &q);
	if (rc)
		goto out;
	if ((rc = run_query(req->store, &q, &ids, &total)))
		goto out;
	/* Without an ignore_sticky parameter (pages) WP_Query sticks too. */
	int ignore = posts_type_of(req)->features & PT_STICKY ? param_bool(req, "ignore_sticky") : 0;
	if (ignore == 0 && (rc = stick_to_top(req->store, &q, &ids)))
		goto out;
	long max_pages = q.per_page > 0 ? (total + q.per_page - 1) / q.per_page : 0;
	if (q.page > max_pages && total > 0) {
		rc = rest_error(res, 400, "rest_post_invalid_page_number",
				"The page number requested is larger than the number of pages available.");
		goto out;
	}
	json_t *items = jarr();
	if (req->method != M_HEAD && ids.n) {
		if ((rc = posts_load(req->store, ids.v, ids.n, &set))) {
			json_decref(items);
			goto out;
		}
		int edit = strcmp(context_of(req), "edit") == 0;
		for (size_t i = 0; i < set.n; i++) {
			const struct post *p = &set.v[i];
			if (edit ? !caps_user_can(req->store, req->user, "edit_post", p->id) : !can_read(req, p))
				continue;
			jpush(items, post_json(req, p));
		}
	}
	res->body = items;
	rest_paginate(res, req, total, q.per_page, q.page);
out:
	posts_free(&set);
	id_list_free(&ids);
	post_query_free(&q);
	return rc;
}

/* ---- one post ---- */

/* WP_REST_Posts_Controller::get_post(): the ID as a post of the endpoint's type. */
static int item_id(const struct request *req, long *id)
{
	const char *s = json_string_value(json_object_get(req->url, "id"));
	long v = s ? strtol(s, NULL, 10) : param_long(req, "id", 0, NULL);
	*id = v;
	return v > 0 ? PD_OK : PD_ENOTFOUND;
}

static int load_one(struct request *req, struct response *res, struct post_set *set)
{
	long id;
	if (item_id(req, &id) == PD_OK) {
		int rc = posts_load(req->store, &id, 1, set);
		if (rc)
			return rc;
		if (set->n == 1 && strcmp(set->v[0].type, posts_type_of(req)->name) == 0)
			return PD_OK;
	}
	return rest_error(res, 404, "rest_post_invalid_id", "Invalid post ID.");
}

int posts_get_item_permission(struct request *req, struct response *res)
{
	struct post_set set = { NULL, 0 };
	int rc = load_one(req, res, &set);
	if (rc)
		goto out;
	const struct post *p = &set.v[0];
	if (strcmp(context_of(req), "edit") == 0 && !caps_user_can(req->store, req->user, "edit_post", p->id)) {
		rc = rest_error(res, auth_code(req), "rest_forbidden_context",
				"Sorry, you are not allowed to edit this post.");
		goto out;
	}
	const char *pw = json_string_value(json_object_get(req->query, "password"));
	if (pw && *pw && strcmp(p->password, pw) != 0) {
		rc = rest_error(res, 403, "rest_post_incorrect_password", "Incorrect post password.");
		goto out;
	}
	if (!can_read(req, p))
		rc = rest_error(res, auth_code(req), "rest_forbidden", "Sorry, you are not allowed to do that.");
out:
	posts_free(&set);
	return rc;
}

int posts_get_item(struct request *req, struct response *res)
{
	struct post_set set = { NULL, 0 };
	post_json_begin(req);
	int rc = load_one(req, res, &set);
	if (rc)
		goto out;
	res->body = req->method == M_HEAD ? jobj() : post_json(req, &set.v[0]);
	/* The post's public page (is_post_type_viewable). */
	struct buf link = BUF_INIT;
	if (post_permalink(req, &set.v[0], 0, &link) == PD_OK)
		rest_headerf(res, "Link", "<%s>; rel=\"alternate\"; type=text/html", buf_str(&link));
	buf_free(&link);
out:
	posts_free(&set);
	return rc;
}
