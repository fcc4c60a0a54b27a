/* comments.c - reading comments over REST as WP_REST_Comments_Controller
 * does in view and embed context: the collection (a post's "replies") and
 * single comments. Writing, moderation and the edit context are not here.
 * Gaps: comment_text's make_clickable() and force_balance_tags() are not
 * applied (bare URLs in comment text stay text), and comment links ignore
 * option page_comments (WordPress's default, 0, needs no comment page). */
#include <stdlib.h>
#include <string.h>

#include "pressd/autop.h"
#include "pressd/caps.h"
#include "pressd/chars.h"
#include "pressd/collection.h"
#include "pressd/comments.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/links.h"
#include "pressd/permalink.h"
#include "pressd/rest.h"
#include "pressd/site.h"
#include "pressd/smilies.h"
#include "pressd/store.h"
#include "pressd/texturize.h"
#include "pressd/users.h"
#include "pressd/validate.h"
#include "pressd/wpdate.h"

/* ---- comment_text ---- */

typedef int (*text_filter)(const struct site *s, const char *in, struct buf *out);

static int f_texturize(const struct site *s, const char *in, struct buf *out)
{
	(void)s;
	return render_texturize(in, out);
}

static int f_convert_chars(const struct site *s, const char *in, struct buf *out)
{
	(void)s;
	return render_convert_chars(in, out);
}

static int f_smilies(const struct site *s, const char *in, struct buf *out)
{
	if (!s->use_smilies)
		return buf_puts(out, in);
	return render_convert_smilies(in, s->siteurl, out);
}

static int f_autop(const struct site *s, const char *in, struct buf *out)
{
	(void)s;
	return render_autop(in, 1, out);
}

static int f_dangit(const struct site *s, const char *in, struct buf *out)
{
	(void)s;
	return render_capital_P_dangit(in, 0, out);
}

int comments_render_text(const struct site *s, const char *raw, struct buf *out)
{
	static const text_filter chain[] = { f_texturize, f_convert_chars, f_smilies, f_autop, f_dangit };
	struct buf cur = BUF_INIT;
	int rc = buf_puts(&cur, raw);
	for (size_t i = 0; rc == PD_OK && i < sizeof chain / sizeof chain[0]; i++) {
		struct buf next = BUF_INIT;
		rc = chain[i](s, buf_str(&cur), &next);
		buf_free(&cur);
		cur = next;
	}
	if (rc == PD_OK)
		rc = buf_append(out, buf_str(&cur), cur.len);
	buf_free(&cur);
	return rc;
}

/* ---- rows ---- */

/* A wp_comments row; strings owned. */
struct comment_row {
	long id;
	long post;               /* comment_post_ID */
	char *author;            /* comment_author (name) */
	char *email;             /* comment_author_email */
	char *url;               /* comment_author_url */
	char *ip;                /* comment_author_IP */
	char *date;              /* comment_date, local MySQL datetime */
	char *date_gmt;          /* comment_date_gmt */
	char *content;           /* comment_content, raw */
	char *approved;          /* comment_approved: "1", "0", "spam", "trash" ... */
	char *agent;             /* comment_agent */
	char *type;              /* comment_type, "" read as "comment" */
	long parent;             /* comment_parent */
	long user_id;            /* 0 for visitors */
};

#define COMMENT_COLUMNS \
	"SELECT comment_ID, comment_post_ID, comment_author, comment_author_email," \
	" comment_author_url, comment_author_IP, comment_date, comment_date_gmt, comment_content," \
	" comment_approved, comment_type, comment_parent, user_id, comment_agent FROM wp_comments"

static void row_read(sqlite3_stmt *q, struct comment_row *c)
{
	c->id = sqlite3_column_int64(q, 0);
	c->post = sqlite3_column_int64(q, 1);
	c->author = store_column_strdup(q, 2);
	c->email = store_column_strdup(q, 3);
	c->url = store_column_strdup(q, 4);
	c->ip = store_column_strdup(q, 5);
	c->date = store_column_strdup(q, 6);
	c->date_gmt = store_column_strdup(q, 7);
	c->content = store_column_strdup(q, 8);
	c->approved = store_column_strdup(q, 9);
	c->type = store_column_strdup(q, 10);
	c->parent = sqlite3_column_int64(q, 11);
	c->user_id = sqlite3_column_int64(q, 12);
	c->agent = store_column_strdup(q, 13);
}

static void row_free(struct comment_row *c)
{
	free(c->author);
	free(c->email);
	free(c->url);
	free(c->ip);
	free(c->date);
	free(c->date_gmt);
	free(c->content);
	free(c->approved);
	free(c->type);
	free(c->agent);
}

static const char *comment_type(const struct comment_row *c)
{
	return c->type[0] ? c->type : "comment"; /* get_comment_type() */
}

/* ---- the post a comment belongs to ---- */

struct post_info {
	char type[32];           /* post_type */
	char status[32];         /* post_status */
	long parent;             /* post_parent */
	int has_password;        /* post_password is not empty */
	int password_ok;         /* the request's password param matches it */
};

static int post_info(struct store *st, long id, const char *password, struct post_info *p)
{
	sqlite3_stmt *q = store_stmt(st,
		"SELECT post_type, post_status, post_parent, post_password FROM wp_posts WHERE ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(q) == SQLITE_ROW) {
		const char *pw = (const char *)sqlite3_column_text(q, 3);
		snprintf(p->type, sizeof p->type, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(p->status, sizeof p->status, "%s", (const char *)sqlite3_column_text(q, 1));
		p->parent = sqlite3_column_int64(q, 2);
		p->has_password = pw && pw[0];
		p->password_ok = p->has_password && password && !strcmp(pw, password);
		rc = PD_OK;
	}
	store_done(q);
	return rc;
}

/* WP_REST_Posts_Controller::check_read_permission(). */
static int post_readable(struct request *req, long id, const struct post_info *p, int depth)
{
	if (!strcmp(p->status, "publish"))
		return 1;
	if (req->user && caps_user_can(req->store, req->user, "read_post", id))
		return 1;
	if (!strcmp(p->status, "inherit")) {
		struct post_info parent;
		if (p->parent > 0 && depth < 4 && post_info(req->store, p->parent, NULL, &parent) == PD_OK)
			return post_readable(req, p->parent, &parent, depth + 1);
		return 1;
	}
	return 0;
}

/* check_read_post_permission(): a password-protected post needs its password
 * (when one post was asked for) or edit rights. */
static int post_comments_readable(struct request *req, long id, const struct post_info *p, int one_post)
{
	if (p->has_password && !(one_post && p->password_ok))
		return req->user && caps_user_can(req->store, req->user, "edit_post", id);
	return post_readable(req, id, p, 0);
}

/* check_read_permission() of one comment. */
static int comment_readable(struct request *req, const struct comment_row *c, int one_post)
{
	if (strcmp(c->type, "note") && c->post) {
		struct post_info p;
		if (post_info(req->store, c->post, rest_param_str(req, "password"), &p) == PD_OK &&
		    post_comments_readable(req, c->post, &p, one_post) && !strcmp(c->approved, "1"))
			return 1;
	}
	if (!req->user)
		return 0;
	if (!c->post && !caps_user_can(req->store, req->user, "moderate_comments", 0))
		return 0;
	if (c->user_id && c->user_id == req->user->id)
		return 1;
	return caps_user_can(req->store, req->user, "edit_comment", c->id);
}

/* rest_get_route_for_post()'s base for the core post types. */
static const char *rest_base_of(const char *type)
{
	static const char *const map[][2] = {
		{ "post", "posts" }, { "page", "pages" }, { "attachment", "media" },
		{ "wp_block", "blocks" }, { "wp_template", "templates" },
		{ "wp_template_part", "template-parts" }, { "wp_navigation", "navigation" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i][0], type))
			return map[i][1];
	return NULL;
}

static json_t *avatar_urls(struct request *req, const struct comment_row *c)
{
	if (strcmp(comment_type(c), "comment")) {
		/* Not an avatar comment type: get_avatar_url() answers false. */
		json_t *u = jobj();
		jset(u, "24", jbool(0));
		jset(u, "48", jbool(0));
		jset(u, "96", jbool(0));
		return u;
	}
	char *email = NULL;
	if (c->user_id) {
		sqlite3_stmt *q = store_stmt(req->store, "SELECT user_email FROM wp_users WHERE ID = ?1");
		if (q) {
			sqlite3_bind_int64(q, 1, c->user_id);
			if (sqlite3_step(q) == SQLITE_ROW)
				email = strdup((const char *)sqlite3_column_text(q, 0));
			store_done(q);
		}
	}
	json_t *u = users_avatar_urls(req->store, email ? email : c->email);
	free(email);
	return u;
}

static int has_children(struct store *st, long id)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT 1 FROM wp_comments WHERE comment_parent = ?1 LIMIT 1");
	if (!q)
		return 0;
	sqlite3_bind_int64(q, 1, id);
	int yes = sqlite3_step(q) == SQLITE_ROW;
	store_done(q);
	return yes;
}

static const char *status_name(const char *approved)
{
	if (!strcmp(approved, "1") || !strcmp(approved, "approve"))
		return "approved";
	if (!strcmp(approved, "0") || !strcmp(approved, "hold"))
		return "hold";
	return approved;
}

/* prepare_item_for_response() + prepare_links(). */
static json_t *comment_json(struct request *req, const struct comment_row *c)
{
	int embed = !strcmp(rest_context(req), "embed"), edit = !strcmp(rest_context(req), "edit");
	json_t *d = jobj();
	char date[WPDATE_LEN];
	struct buf text = BUF_INIT, link = BUF_INIT;
	struct post_info p;
	int have_post = c->post && post_info(req->store, c->post, NULL, &p) == PD_OK;

	jset(d, "id", jint(c->id));
	if (!embed)
		jset(d, "post", jint(c->post));
	jset(d, "parent", jint(c->parent));
	jset(d, "author", jint(c->user_id));
	jset(d, "author_name", jstr(c->author));
	if (edit)
		jset(d, "author_email", jstr(c->email));
	jset(d, "author_url", jstr(c->url));
	if (edit) {
		jset(d, "author_ip", jstr(c->ip));
		jset(d, "author_user_agent", jstr(c->agent));
	}
	wpdate_rest(c->date, date);
	jset(d, "date", jstr(date));
	if (!embed) {
		wpdate_rest(c->date_gmt, date);
		jset(d, "date_gmt", jstr(date));
	}
	comments_render_text(req->site, c->content, &text);
	json_t *content = jset(jobj(), "rendered", jstr(buf_str(&text)));
	if (edit)
		jset(content, "raw", jstr(c->content));
	jset(d, "content", content);
	/* get_comment_link(): the post's permalink and the comment's anchor. */
	if (!c->post || permalink_post(req->store, req->site, req->user, c->post, 0, &link) != PD_OK)
		buf_printf(&link, "%s/?p=%ld", req->site->home, c->post);
	buf_printf(&link, "#comment-%ld", c->id);
	jset(d, "link", jstr(buf_str(&link)));
	if (!embed)
		jset(d, "status", jstr(status_name(c->approved)));
	jset(d, "type", jstr(comment_type(c)));
	jset(d, "author_avatar_urls", avatar_urls(req, c));
	if (!embed) {
		/* _wp_note_status: only its enum values survive the schema, else null. */
		char *ns = store_meta_get(req->store, "comment", c->id, "_wp_note_status");
		int valid = ns && (!strcmp(ns, "resolved") || !strcmp(ns, "reopen"));
		jset(d, "meta", jset(jobj(), "_wp_note_status", valid ? jstr(ns) : json_null()));
		free(ns);
	}

	json_t *links = jobj();
	int methods = M_GET;
	/* check_edit_permission(): moderators, or edit_comment on this one. */
	if (req->user && (caps_user_can(req->store, req->user, "moderate_comments", 0) ||
			  caps_user_can(req->store, req->user, "edit_comment", c->id)))
		methods |= M_POST | M_PUT | M_PATCH | M_DELETE;
	links_add_self_collection(links, req, methods, "comments", c->id);
	if (c->user_id) {
		links_add(links, "author", links_href(jset(jobj(), "embeddable", jbool(1)), req,
						      "wp/v2/users/%ld", c->user_id));
	}
	if (have_post && rest_base_of(p.type)) {
		json_t *up = jset(jobj(), "embeddable", jbool(1));
		jset(up, "post_type", jstr(p.type));
		links_add(links, "up", links_href(up, req, "wp/v2/%s/%ld", rest_base_of(p.type), c->post));
	}
	if (c->parent) {
		links_add(links, "in-reply-to", links_href(jset(jobj(), "embeddable", jbool(1)), req,
							   "wp/v2/comments/%ld", c->parent));
	}
	if (has_children(req->store, c->id)) {
		links_add(links, "children", links_href(jset(jobj(), "embeddable", jbool(1)), req,
							"wp/v2/comments?parent=%ld", c->id));
	}
	links_finish(links);
	jset(d, "_links", links);
	buf_free(&text);
	buf_free(&link);
	return d;
}

/* ---- single comment ---- */

static int comment_load(struct store *st, long id, struct comment_row *c)
{
	sqlite3_stmt *q = store_stmt(st, COMMENT_COLUMNS " WHERE comment_ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(q) == SQLITE_ROW) {
		row_read(q, c);
		rc = PD_OK;
	}
	store_done(q);
	return rc;
}

int comments_get_item_permission(struct request *req, struct response *res)
{
	struct comment_row c;
	long id = rest_param_int(req, "id", 0);
	int rc = id > 0 ? comment_load(req->store, id, &c) : PD_ENOTFOUND;
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 404, "rest_comment_invalid_id", "Invalid comment ID.");
	if (rc != PD_OK)
		return rc;
	struct post_info p;
	int post_ok = 1;
	if (c.post) {
		if (post_info(req->store, c.post, NULL, &p) != PD_OK) {
			row_free(&c);
			return rest_error(res, 404, "rest_post_invalid_id", "Invalid post ID.");
		}
	}
	if (!strcmp(rest_context(req), "edit") &&
	    !(req->user && caps_user_can(req->store, req->user, "moderate_comments", 0))) {
		row_free(&c);
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit comments.");
	}
	if (c.post) {
		struct post_info pp;
		post_info(req->store, c.post, rest_param_str(req, "password"), &pp);
		post_ok = post_comments_readable(req, c.post, &pp, 1);
	}
	if (!post_ok) {
		row_free(&c);
		return rest_error(res, rest_authorization_required_code(req), "rest_cannot_read_post",
				  "Sorry, you are not allowed to read the post for this comment.");
	}
	int ok = comment_readable(req, &c, 1);
	row_free(&c);
	if (!ok)
		return rest_error(res, rest_authorization_required_code(req), "rest_cannot_read",
				  "Sorry, you are not allowed to read this comment.");
	return PD_OK;
}

int comments_get_item(struct request *req, struct response *res)
{
	struct comment_row c;
	int rc = comment_load(req->store, rest_param_int(req, "id", 0), &c);
	if (rc == PD_ENOTFOUND)
		return rest_error(res, 404, "rest_comment_invalid_id", "Invalid comment ID.");
	if (rc != PD_OK)
		return rc;
	res->body = comment_json(req, &c);
	row_free(&c);
	return PD_OK;
}

/* ---- collection ---- */

int comments_get_items_permission(struct request *req, struct response *res)
{
	const json_t *posts = rest_param(req, "post");
	size_t i;
	json_t *v;
	json_array_foreach(posts, i, v) {
		long id = (long)json_integer_value(v);
		struct post_info p;
		int found = id > 0 && post_info(req->store, id, rest_param_str(req, "password"), &p) == PD_OK;
		if (found && !post_comments_readable(req, id, &p, json_array_size(posts) == 1))
			return rest_error(res, rest_authorization_required_code(req), "rest_cannot_read_post",
					  "Sorry, you are not allowed to read the post for this comment.");
		if (id == 0 && !(req->user && caps_user_can(req->store, req->user, "moderate_comments", 0)))
			return rest_error(res, rest_authorization_required_code(req), "rest_cannot_read",
					  "Sorry, you are not allowed to read comments without a post.");
	}
	if (!strcmp(rest_context(req), "edit") &&
	    !(req->user && caps_user_can(req->store, req->user, "moderate_comments", 0)))
		return rest_error(res, rest_authorization_required_code(req), "rest_forbidden_context",
				  "Sorry, you are not allowed to edit comments.");
	if (!(req->user && caps_user_can(req->store, req->user, "edit_posts", 0))) {
		struct buf forbidden = BUF_INIT;
		static const char *const protected_params[] = { "author", "author_exclude", "author_email", "type", "status" };
		for (size_t k = 0; k < sizeof protected_params / sizeof protected_params[0]; k++) {
			const char *name = protected_params[k];
			const json_t *pv = rest_param(req, name);
			int bad;
			if (!strcmp(name, "status"))
				bad = !json_is_string(pv) || strcmp(json_string_value(pv), "approve");
			else if (!strcmp(name, "type"))
				bad = !json_is_string(pv) || strcmp(json_string_value(pv), "comment");
			else
				bad = !validate_php_empty(pv);
			if (bad)
				buf_printf(&forbidden, "%s%s", forbidden.len ? ", " : "", name);
		}
		if (forbidden.len) {
			struct buf msg = BUF_INIT;
			buf_printf(&msg, "Query parameter not permitted: %s", buf_str(&forbidden));
			rest_error(res, rest_authorization_required_code(req), "rest_forbidden_param", buf_str(&msg));
			buf_free(&msg);
			buf_free(&forbidden);
			return REST_ERROR;
		}
		buf_free(&forbidden);
	}
	return PD_OK;
}

/* WP_Comment_Query's status and type clauses. */
static int status_matches(const char *status, const char *approved)
{
	if (!status || !strcmp(status, "approve"))
		return !strcmp(approved, "1");
	if (!strcmp(status, "hold"))
		return !strcmp(approved, "0");
	if (!strcmp(status, "all") || !strcmp(status, "any"))
		return !strcmp(approved, "0") || !strcmp(approved, "1");
	return !strcmp(approved, status);
}

static int type_matches(const char *type, const char *ctype)
{
	if (!type || !strcmp(type, "all"))
		return 1;
	if (!strcmp(type, "comment") || !strcmp(type, "comments"))
		return !ctype[0] || !strcmp(ctype, "comment");
	if (!strcmp(type, "pings"))
		return !strcmp(ctype, "pingback") || !strcmp(ctype, "trackback");
	return !strcmp(ctype, type);
}

/* A REST date-time param as a MySQL datetime for comparing with comment_date. */
static void mysql_date(const char *rest, char out[WPDATE_LEN])
{
	snprintf(out, WPDATE_LEN, "%.19s", rest);
	if (strlen(out) > 10)
		out[10] = ' ';
}

static __thread struct {
	const char *orderby;
	const json_t *include;
	int desc;
} sort_by;

/* ORDER BY comment_<orderby> <order>, comment_ID <order> (WP_Comment_Query). */
static int cmp_comments(const void *a, const void *b)
{
	const struct comment_row *x = a, *y = b;
	const char *o = sort_by.orderby;
	int c = 0;
	if (!strcmp(o, "date_gmt"))
		c = strcmp(x->date_gmt, y->date_gmt);
	else if (!strcmp(o, "date"))
		c = strcmp(x->date, y->date);
	else if (!strcmp(o, "post"))
		c = (x->post > y->post) - (x->post < y->post);
	else if (!strcmp(o, "parent"))
		c = (x->parent > y->parent) - (x->parent < y->parent);
	else if (!strcmp(o, "type"))
		c = strcmp(x->type, y->type);
	else if (!strcmp(o, "include") && json_array_size(sort_by.include))
		c = collection_int_index(sort_by.include, x->id) - collection_int_index(sort_by.include, y->id);
	if (!c)
		c = (x->id > y->id) - (x->id < y->id);
	return sort_by.desc ? -c : c;
}

int comments_get_items(struct request *req, struct response *res)
{
	const json_t *posts = rest_param(req, "post"), *include = rest_param(req, "include");
	const json_t *exclude = rest_param(req, "exclude"), *parents = rest_param(req, "parent");
	const json_t *parent_ex = rest_param(req, "parent_exclude"), *authors = rest_param(req, "author");
	const json_t *author_ex = rest_param(req, "author_exclude");
	const char *author_email = rest_param_str(req, "author_email");
	const char *search = rest_param_str(req, "search");
	const char *status = rest_param_str(req, "status"), *type = rest_param_str(req, "type");
	const char *after = rest_param_str(req, "after"), *before = rest_param_str(req, "before");
	const char *orderby = rest_param_str(req, "orderby"), *order = rest_param_str(req, "order");
	char after_m[WPDATE_LEN] = "", before_m[WPDATE_LEN] = "";
	if (after)
		mysql_date(after, after_m);
	if (before)
		mysql_date(before, before_m);

	sqlite3_stmt *q;
	if (json_array_size(posts) == 1) {
		q = store_stmt(req->store, COMMENT_COLUMNS " WHERE comment_post_ID = ?1");
		if (q)
			sqlite3_bind_int64(q, 1, json_integer_value(json_array_get(posts, 0)));
	} else {
		q = store_stmt(req->store, COMMENT_COLUMNS);
	}
	if (!q)
		return PD_EDB;
	struct collection_rows kept = { 0 };
	int rc = PD_OK;
	while (rc == PD_OK && sqlite3_step(q) == SQLITE_ROW) {
		struct comment_row c;
		row_read(q, &c);
		int keep = status_matches(status, c.approved) && type_matches(type, c.type) &&
			   (!json_array_size(posts) || collection_int_index(posts, c.post)) &&
			   (!json_array_size(include) || collection_int_index(include, c.id)) &&
			   !(json_array_size(exclude) && collection_int_index(exclude, c.id)) &&
			   (!json_array_size(parents) || collection_int_index(parents, c.parent)) &&
			   !(json_array_size(parent_ex) && collection_int_index(parent_ex, c.parent)) &&
			   (!json_array_size(authors) || collection_int_index(authors, c.user_id)) &&
			   !(json_array_size(author_ex) && collection_int_index(author_ex, c.user_id)) &&
			   (!author_email || !*author_email || !strcasecmp(author_email, c.email)) &&
			   (!after_m[0] || strcmp(c.date, after_m) > 0) &&
			   (!before_m[0] || strcmp(c.date, before_m) < 0) &&
			   (!search || !*search || strcasestr(c.author, search) || strcasestr(c.email, search) ||
			    strcasestr(c.url, search) || strcasestr(c.ip, search) || strcasestr(c.content, search));
		if (!keep || (rc = collection_push(&kept, &c, sizeof c)) != PD_OK)
			row_free(&c);
	}
	store_done(q);
	struct comment_row *rows = kept.items;
	size_t n = kept.n;
	if (rc == PD_OK) {
		sort_by.orderby = orderby ? orderby : "date_gmt";
		sort_by.include = include;
		sort_by.desc = !order || strcmp(order, "asc");
		if (n > 1)
			qsort(rows, n, sizeof *rows, cmp_comments);
		struct collection_window w;
		collection_window_from_request(req, n, 0, &w);
		/* Comments the caller may not read are left out of the page but
		 * still counted, as WordPress does. */
		json_t *list = jarr();
		int one_post = json_array_size(posts) == 1;
		for (size_t i = w.first; i < w.end; i++)
			if (comment_readable(req, &rows[i], one_post))
				jpush(list, comment_json(req, &rows[i]));
		res->body = list;
		rest_paginate(res, req, (long)n, w.per_page, w.page);
	}
	for (size_t i = 0; i < n; i++)
		row_free(&rows[i]);
	free(rows);
	return rc;
}
