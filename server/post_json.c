/* post_json.c - one post as the REST API shows it:
 * WP_REST_Posts_Controller::prepare_item_for_response() and prepare_links()
 * for the contexts view, embed and edit, in WordPress 6.9's field order.
 * Fields that _fields leaves out are not computed (rendering is costly). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/links.h"
#include "pressd/permalink.h"
#include "pressd/post_write.h"
#include "pressd/posts.h"
#include "pressd/query.h"
#include "pressd/render.h"
#include "pressd/render_cache.h"
#include "pressd/render_store.h"
#include "pressd/rest.h"
#include "pressd/sanitize.h"
#include "pressd/site.h"
#include "pressd/validate.h"
#include "pressd/wpdate.h"

enum ctx { CTX_VIEW = 1, CTX_EMBED = 2, CTX_EDIT = 4 };
#define CTX_VE (CTX_VIEW | CTX_EDIT)
#define CTX_ALL (CTX_VIEW | CTX_EDIT | CTX_EMBED)

struct shaper {
	struct request *req;
	int ctx;                    /* enum ctx of the request */
	const struct post_type *type; /* the endpoint's post type */
};

/* The field is in the schema for this context and _fields asks for it. */
static int want(const struct shaper *s, const char *field, int contexts)
{
	return (contexts & s->ctx) && rest_field_wanted(s->req, field);
}

static json_t *rest_date(const char *mysql)
{
	char out[WPDATE_LEN];
	wpdate_rest(mysql, out);
	return jstr(out);
}

static int is_zero_date(const char *d)
{
	return !d || !*d || strcmp(d, WPDATE_ZERO) == 0;
}

/* date_gmt: floating drafts get get_gmt_from_date( post_date ). */
static json_t *date_gmt(const struct post *p)
{
	char gmt[WPDATE_LEN];
	if (!is_zero_date(p->date_gmt))
		return rest_date(p->date_gmt);
	if (wpdate_local_to_gmt(p->date, gmt) != PD_OK)
		return json_null();
	return rest_date(gmt);
}

/* modified_gmt: a zero value is shimmed with today's gmt_offset, as WordPress does. */
static json_t *modified_gmt(const struct post *p)
{
	time_t t;
	if (!is_zero_date(p->modified_gmt))
		return rest_date(p->modified_gmt);
	if (wpdate_parse_mysql_gmt(p->modified, &t) != PD_OK)
		return json_null();
	char gmt[WPDATE_LEN];
	wpdate_format_mysql(t - wpdate_offset_at(time(NULL)), 1, gmt);
	return rest_date(gmt);
}

int post_password_ok(const struct request *req, const struct post *p)
{
	if (!p->password[0])
		return 0;
	const char *c = rest_param_str(req, "context");
	if (c && strcmp(c, "edit") == 0 && caps_user_can(req->store, req->user, "edit_post", p->id))
		return 1;
	const char *pw = rest_param_str(req, "password");
	return pw && *pw && strcmp(pw, p->password) == 0;
}

/* post_password_required() as the REST controller leaves it: a password and
 * no passed check. */
static int password_required(const struct post *p, int checked)
{
	if (!p->password[0])
		return 0;
	return !checked;
}

/* ---- links ---- */

/* The columns of p a permalink reads. */
static struct permalink_post permalink_row(const struct post *p)
{
	struct permalink_post row = { p->id, p->type, p->status, p->name, p->date, 0, 0, p->author, p->parent };
	return row;
}

int post_permalink(struct request *req, const struct post *p, int leavename, struct buf *out)
{
	struct permalink_post row = permalink_row(p);
	/* the lowest category id, from the relationships posts_load() read */
	long category = 0;
	for (size_t i = 0; i < p->nterms; i++)
		if (p->terms[i].tax == TAX_CATEGORY && (!category || p->terms[i].term_id < category))
			category = p->terms[i].term_id;
	return permalink_post_row_category(req->store, req->site, req->user, &row, category, leavename, out);
}

/* rest_get_route_for_post() of a parent: "" (the API root) when it is no
 * post, page or attachment. */
static const char *parent_route_base(const struct request *req, long parent)
{
	sqlite3_stmt *s = store_stmt(req->store, "SELECT post_type FROM wp_posts WHERE ID = ?");
	const char *base = NULL;
	if (s) {
		sqlite3_bind_int64(s, 1, parent);
		if (sqlite3_step(s) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(s, 0);
			base = !t ? NULL : !strcmp(t, "post") ? "posts" : !strcmp(t, "page") ? "pages"
			     : !strcmp(t, "attachment") ? "media" : NULL;
		}
		store_done(s);
	}
	return base;
}

static json_t *embeddable(void)
{
	return jset(jobj(), "embeddable", json_true());
}

/* prepare_links() and get_available_actions(). */
static json_t *links(struct shaper *s, const struct post *p)
{
	struct request *req = s->req;
	const struct post_type *type = s->type;
	const char *base = type->rest_base;
	json_t *l = jobj();
	/* self, with the methods this user may use on it (targetHints). */
	int methods = M_GET;
	if (req->user && caps_user_can(req->store, req->user, "edit_post", p->id)) { /* anonymous: never */
		methods |= M_POST | M_PUT | M_PATCH;
		if (caps_user_can(req->store, req->user, "delete_post", p->id))
			methods |= M_DELETE;
	}
	links_add(l, "self", links_self(req, methods, "wp/v2/%s/%ld", base, p->id));
	links_add(l, "collection", links_rest(req, "wp/v2/%s", base));
	links_add(l, "about", links_rest(req, "wp/v2/types/%s", type->name));
	if (p->author)
		links_add(l, "author", links_href(embeddable(), req, "wp/v2/users/%ld", p->author));
	links_add(l, "replies", links_href(embeddable(), req, "wp/v2/comments?post=%ld", p->id));
	links_add(l, "version-history", links_href(jset(jobj(), "count", jint(p->revisions)), req,
						   "wp/v2/%s/%ld/revisions", base, p->id));
	if (p->revisions > 0)
		links_add(l, "predecessor-version", links_href(jset(jobj(), "id", jint(p->latest_revision)), req,
							       "wp/v2/%s/%ld/revisions/%ld", base, p->id,
							       p->latest_revision));
	if (type->hierarchical && p->parent) {
		const char *up = parent_route_base(req, p->parent);
		links_add(l, "up", up ? links_href(embeddable(), req, "wp/v2/%s/%ld", up, p->parent)
				      : links_href(embeddable(), req, "%s", ""));
	}
	if (p->thumbnail_id)
		links_add(l, "wp:featuredmedia", links_href(embeddable(), req, "wp/v2/media/%ld", p->thumbnail_id));
	links_add(l, "wp:attachment", links_rest(req, "wp/v2/media?parent=%ld", p->id));
	/* Taxonomies with a REST route; post_format has none. */
	if (type->features & PT_TAXONOMIES) {
		static const char *const tax[][2] = { { "category", "categories" }, { "post_tag", "tags" } };
		for (size_t i = 0; i < 2; i++)
			links_add(l, "wp:term", links_href(jset(jset(jobj(), "taxonomy", jstr(tax[i][0])), "embeddable",
								json_true()), req, "wp/v2/%s?post=%ld", tax[i][1], p->id));
	}
	/* get_available_actions(): edit context only. */
	if (s->ctx == CTX_EDIT) {
		struct store *st = req->store;
		const struct user *u = req->user;
		const struct { const char *rel; const char *cap; const char *cap2; unsigned needs; } acts[] = {
			{ "wp:action-publish", type->cap.publish_posts, NULL, 0 },
			{ "wp:action-unfiltered-html", "unfiltered_html", NULL, 0 },
			{ "wp:action-sticky", type->cap.edit_others_posts, type->cap.publish_posts, PT_STICKY },
			{ "wp:action-assign-author", type->cap.edit_others_posts, NULL, 0 },
			{ "wp:action-create-categories", "manage_categories", NULL, PT_TAXONOMIES },
			{ "wp:action-assign-categories", "edit_posts", NULL, PT_TAXONOMIES },
			{ "wp:action-create-tags", "edit_posts", NULL, PT_TAXONOMIES },
			{ "wp:action-assign-tags", "edit_posts", NULL, PT_TAXONOMIES },
		};
		for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++)
			if ((type->features & acts[i].needs) == acts[i].needs && caps_user_can(st, u, acts[i].cap, 0) &&
			    (!acts[i].cap2 || caps_user_can(st, u, acts[i].cap2, 0)))
				links_add(l, acts[i].rel, links_rest(req, "wp/v2/%s/%ld", base, p->id));
	}
	links_finish(l);
	return l;
}

/* ---- rendering ---- */

/* WordPress keeps block and gallery counters in statics for the whole PHP
 * request; here they belong to the connection (embedded requests share
 * it) and restart with each top-level posts request (post_json_begin). */
static __thread const void *counters_owner;
static __thread int counters[16];
static __thread int autop_reordered;  /* render_ctx.autop_reordered, per request too */

void post_json_begin(const struct request *req)
{
	if (req->embedded)
		return;
	counters_owner = req->conn;
	memset(counters, 0, sizeof counters);
	autop_reordered = 0;
}

static void render_setup(struct request *req, const struct post *p, struct render_ctx *ctx,
			 struct render_source *src)
{
	render_store_ctx(req->store, req->site, p->id, p->type, ctx, src);
	/* $_SERVER['HTTP_HOST'] / ['REQUEST_URI'] for blocks that link back (loginout) */
	static __thread char uri[512], host[300];
	const char *h = req->header ? req->header(req, "Host") : NULL;
	if (req->uri)
		snprintf(uri, sizeof uri, "%s", req->uri);
	else
		snprintf(uri, sizeof uri, "/wp-json%s", req->route ? req->route : "/");
	ctx->request_uri = uri;
	if (h && *h) {
		snprintf(host, sizeof host, "http://%s", h);
		ctx->request_host_url = host;
	}
	ctx->user_id = req->user ? req->user->id : 0;
	ctx->now = (long long)time(NULL);
	if (counters_owner != req->conn) {
		counters_owner = req->conn;
		memset(counters, 0, sizeof counters);
		autop_reordered = 0;
	}
	memcpy(ctx->counters, counters, sizeof counters);
	ctx->autop_reordered = autop_reordered;
}

static void render_done(const struct render_ctx *ctx, struct render_source *src)
{
	memcpy(counters, ctx->counters, sizeof counters);
	autop_reordered = ctx->autop_reordered;
	render_store_free(src);
}

/* The render cache, for GET (and HEAD) requests only: a write request
 * renders what it has just changed. 1: *b holds the cached output of field
 * and ctx is as rendering would have left it; 0: render, then cache_put(). */
static int cache_get(const struct request *req, struct render_ctx *ctx, long id, int field,
		     struct render_cache_key *k, struct buf *b)
{
	render_cache_key(k, req->method == M_GET || req->method == M_HEAD ? req->generation : -1, id, field, ctx);
	ctx->vary = 0;
	return render_cache_get(k, ctx, b) == 1;
}

static void cache_put(const struct render_cache_key *k, const struct render_ctx *ctx, int rc, const struct buf *b)
{
	if (rc == PD_OK)
		render_cache_put(k, ctx, buf_str(b), b->len);
}

/* PHP's empty() of a string: "" and "0". */
static int php_empty_str(const char *v)
{
	return !v || !*v || !strcmp(v, "0");
}

static json_t *rendered(int rc, struct buf *b)
{
	json_t *j = rc == PD_OK ? jstrn(buf_str(b), b->len) : jstr("");
	buf_free(b);
	return j;
}

/* get_sample_permalink()'s slug as the REST API asks for it (name ''):
 * sanitize_title( title ) (or the ID) made unique by wp_unique_post_slug()
 * as if published, then urldecode()d (the editable_slug filter). */
static char *generated_slug(struct request *req, const struct post *p)
{
	char *base = sanitize_title(p->title), *slug = NULL;
	if (base && !*base) {
		free(base);
		if (asprintf(&base, "%ld", p->id) < 0)
			base = NULL;
	}
	const char *status = !strcmp(p->status, "draft") || !strcmp(p->status, "pending") ||
			     !strcmp(p->status, "future") ? "publish" : p->status;
	if (base)
		slug = post_unique_slug(req, base, p->id, status, p->type, p->parent);
	free(base);
	if (slug)
		url_decode(slug, strlen(slug), 1);
	return slug;
}

/* ---- classes ---- */

/* sanitize_html_class(): %XX octets and anything but A-Za-z0-9_- removed. */
static void html_class(const char *in, struct buf *out)
{
	for (const char *s = in; *s; s++) {
		if (s[0] == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
			s += 2;
			continue;
		}
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || *s == '-')
			buf_putc(out, *s);
	}
}

static void push_unique(json_t *arr, const char *s)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
		if (strcmp(json_string_value(v), s) == 0)
			return;
	jpush(arr, jstr(s));
}

/* get_post_class() outside the admin, not on the home page (no "sticky"). */
static json_t *class_list(const struct post *p, int pw_required, const char *format)
{
	/* format: NULL for types without post-formats support. */
	json_t *c = jarr();
	char tmp[128];
	snprintf(tmp, sizeof tmp, "post-%ld", p->id);
	push_unique(c, tmp);
	push_unique(c, p->type);
	snprintf(tmp, sizeof tmp, "type-%s", p->type);
	push_unique(c, tmp);
	snprintf(tmp, sizeof tmp, "status-%s", p->status);
	push_unique(c, tmp);
	if (format) {
		struct buf b = BUF_INIT;
		buf_puts(&b, "format-");
		html_class(format, &b);
		push_unique(c, buf_str(&b));
		buf_free(&b);
	}
	if (pw_required)
		push_unique(c, "post-password-required");
	else if (p->password[0])
		push_unique(c, "post-password-protected");
	if (p->thumbnail_id && !pw_required)
		push_unique(c, "has-post-thumbnail");
	push_unique(c, "hentry");
	static const char *prefix[] = { "category-", "tag-", "post_format-" };
	for (int tax = TAX_CATEGORY; tax <= TAX_POST_FORMAT; tax++) {
		for (size_t i = 0; i < p->nterms; i++) {
			const struct post_term *t = &p->terms[i];
			if ((int)t->tax != tax || !t->slug[0])
				continue;
			struct buf cls = BUF_INIT;
			html_class(t->slug, &cls);
			const char *v = buf_str(&cls);
			int numeric = *v != '\0';
			for (const char *q = v; *q; q++)
				if (*q < '0' || *q > '9')
					numeric = 0;
			int dashes = 1;
			for (const char *q = v; *q; q++)
				if (*q != '-')
					dashes = 0;
			char id[24];
			snprintf(id, sizeof id, "%ld", t->term_id);
			struct buf full = BUF_INIT;
			buf_puts(&full, prefix[tax]);
			buf_puts(&full, numeric || dashes ? id : v);
			push_unique(c, buf_str(&full));
			buf_free(&full);
			buf_free(&cls);
		}
	}
	return c;
}

/* get_post_format(): the first post_format term without its prefix, else "standard". */
static const char *post_format(const struct post *p)
{
	for (size_t i = 0; i < p->nterms; i++)
		if (p->terms[i].tax == TAX_POST_FORMAT && strncmp(p->terms[i].slug, "post-format-", 12) == 0)
			return p->terms[i].slug + 12;
	return "standard";
}

static json_t *term_ids(const struct post *p, enum term_tax tax)
{
	json_t *a = jarr();
	for (size_t i = 0; i < p->nterms; i++)
		if (p->terms[i].tax == tax)
			jpush(a, jint(p->terms[i].term_id));
	return a;
}

json_t *post_json(struct request *req, const struct post *p)
{
	const char *c = rest_param_str(req, "context");
	const struct post_type *type = posts_type_of(req);
	struct shaper s = { req, c && strcmp(c, "edit") == 0 ? CTX_EDIT : c && strcmp(c, "embed") == 0 ? CTX_EMBED : CTX_VIEW,
			    type };
	json_t *d = jobj();
	if (want(&s, "id", CTX_ALL))
		jset(d, "id", jint(p->id));
	if (want(&s, "date", CTX_ALL))
		jset(d, "date", rest_date(p->date));
	if (want(&s, "date_gmt", CTX_VE))
		jset(d, "date_gmt", date_gmt(p));
	if (want(&s, "guid", CTX_VE)) {
		json_t *g = jobj();
		if (want(&s, "guid.rendered", CTX_VE))
			jset(g, "rendered", jstr(p->guid));
		if (want(&s, "guid.raw", CTX_EDIT))
			jset(g, "raw", jstr(p->guid));
		jset(d, "guid", g);
	}
	if (want(&s, "modified", CTX_VE))
		jset(d, "modified", rest_date(p->modified));
	if (want(&s, "modified_gmt", CTX_VE))
		jset(d, "modified_gmt", modified_gmt(p));
	if (want(&s, "password", CTX_EDIT))
		jset(d, "password", jstr(p->password));
	if (want(&s, "slug", CTX_ALL))
		jset(d, "slug", jstr(p->name));
	if (want(&s, "status", CTX_VE))
		jset(d, "status", jstr(p->status));
	if (want(&s, "type", CTX_ALL))
		jset(d, "type", jstr(p->type));
	if (want(&s, "link", CTX_ALL)) {
		struct buf b = BUF_INIT;
		post_permalink(req, p, 0, &b);
		jset(d, "link", jstr(buf_str(&b)));
		buf_free(&b);
	}
	struct render_ctx rctx;
	struct render_source src;
	render_setup(req, p, &rctx, &src);
	if (want(&s, "title", CTX_ALL)) {
		json_t *t = jobj();
		if (want(&s, "title.raw", CTX_EDIT))
			jset(t, "raw", jstr(p->title));
		if (want(&s, "title.rendered", CTX_ALL)) {
			/* The REST API drops the "Protected: " / "Private: " prefixes. */
			struct buf b = BUF_INIT;
			struct render_cache_key k;
			int rc = PD_OK;
			if (!cache_get(req, &rctx, p->id, RENDER_CACHE_TITLE, &k, &b))
				cache_put(&k, &rctx, rc = render_title(&rctx, p->title, 0, &b), &b);
			jset(t, "rendered", rendered(rc, &b));
		}
		jset(d, "title", t);
	}
	int pw_checked = post_password_ok(req, p);
	int pw_required = password_required(p, pw_checked);
	/* get_post_class() runs after prepare_item_for_response() removed the
	 * post_password_required filter (also the one the edit-context
	 * permission check added: same callback), so without the password
	 * cookie a password always shows as required (WordPress 6.9.4, GET in
	 * edit context as admin included). */
	int class_pw_required = p->password[0] != '\0';
	json_t *content_obj = NULL; /* borrowed from d: the content object, for the second render below */
	if (want(&s, "content", CTX_VE)) {
		json_t *t = jobj();
		if (want(&s, "content.raw", CTX_EDIT))
			jset(t, "raw", jstr(p->content));
		if (want(&s, "content.rendered", CTX_VE)) {
			struct buf b = BUF_INIT;
			struct render_cache_key k;
			int rc = PD_OK;
			if (!pw_required && !cache_get(req, &rctx, p->id, RENDER_CACHE_CONTENT, &k, &b))
				cache_put(&k, &rctx, rc = render_content(&rctx, p->content, &b), &b);
			jset(t, "rendered", pw_required ? jstr("") : rendered(rc, &b));
		}
		if (want(&s, "content.protected", CTX_ALL))
			jset(t, "protected", jbool(p->password[0] != '\0'));
		if (want(&s, "content.block_version", CTX_EDIT))
			jset(t, "block_version", jint(strstr(p->content, "<!-- wp:") != NULL));
		jset(d, "content", t);
		content_obj = t;
	}
	if (want(&s, "excerpt", CTX_ALL)) {
		json_t *t = jobj();
		if (s.ctx == CTX_EDIT)
			jset(t, "raw", jstr(p->excerpt));
		struct buf b = BUF_INIT;
		struct render_cache_key k;
		int rc = PD_OK;
		/* isset( $request['excerpt_length'] ): validated as an integer on the
		 * item route, taken as sent (then (int)) by the collection */
		const json_t *len = rest_param(req, "excerpt_length");
		if (len && !json_is_null(len)) {
			rctx.excerpt_length_set = 1;
			rctx.excerpt_length = validate_intval(len);
			if (!pw_required) /* not cached: the cache keys the 55-word excerpt */
				rc = render_excerpt(&rctx, p->excerpt, p->content, &b);
		} else if (!pw_required && !cache_get(req, &rctx, p->id, RENDER_CACHE_EXCERPT, &k, &b)) {
			cache_put(&k, &rctx, rc = render_excerpt(&rctx, p->excerpt, p->content, &b), &b);
		}
		rctx.excerpt_length_set = 0;
		jset(t, "rendered", pw_required ? jstr("") : rendered(rc, &b));
		jset(t, "protected", jbool(p->password[0] != '\0'));
		jset(d, "excerpt", t);
	}
	/* insert_hooked_blocks_into_rest_response() (rest_prepare_post and
	 * rest_prepare_page): when the response has a non-empty content.raw and
	 * content.rendered, WordPress renders the_content once more and keeps
	 * that second output, so the request's counters (comment_class()'s
	 * $comment_alt, wp_unique_id() ...) advance twice for such a post. */
	const json_t *raw = content_obj ? json_object_get(content_obj, "raw") : NULL;
	const char *first = content_obj ? json_string_value(json_object_get(content_obj, "rendered")) : NULL;
	if ((!strcmp(p->type, "post") || !strcmp(p->type, "page")) && raw && !php_empty_str(json_string_value(raw)) &&
	    first && !php_empty_str(first)) {
		struct buf b = BUF_INIT;
		struct render_cache_key k;
		int rc = PD_OK;
		if (!cache_get(req, &rctx, p->id, RENDER_CACHE_CONTENT, &k, &b))
			cache_put(&k, &rctx, rc = render_content(&rctx, p->content, &b), &b);
		jset(content_obj, "rendered", rendered(rc, &b));
	}
	render_done(&rctx, &src);
	if (want(&s, "author", CTX_ALL))
		jset(d, "author", jint(p->author));
	if (want(&s, "featured_media", CTX_ALL))
		jset(d, "featured_media", jint(p->thumbnail_id));
	if (type->hierarchical && want(&s, "parent", CTX_VE))
		jset(d, "parent", jint(p->parent));
	if (type->hierarchical && want(&s, "menu_order", CTX_VE))
		jset(d, "menu_order", jint(p->menu_order));
	if (want(&s, "comment_status", CTX_VE))
		jset(d, "comment_status", jstr(p->comment_status));
	if (want(&s, "ping_status", CTX_VE))
		jset(d, "ping_status", jstr(p->ping_status));
	if ((type->features & PT_STICKY) && want(&s, "sticky", CTX_VE))
		jset(d, "sticky", jbool(p->sticky));
	if (want(&s, "template", CTX_VE))
		jset(d, "template", jstr(p->template && strcmp(p->template, "default") != 0 ? p->template : ""));
	const char *format = type->features & PT_FORMATS ? post_format(p) : NULL;
	if (format && want(&s, "format", CTX_VE))
		jset(d, "format", jstr(format));
	if (want(&s, "meta", CTX_VE)) {
		/* Registered keys in registration order; "" when absent (single string default). */
		struct str_list keys = { NULL, 0 };
		json_t *m = jobj();
		posts_meta_keys(req->store, type, &keys);
		for (size_t i = 0; i < keys.n; i++) {
			json_t *v = json_object_get(p->meta, keys.v[i]);
			jset(m, keys.v[i], v ? json_incref(v) : jstr(""));
		}
		str_list_free(&keys);
		jset(d, "meta", m);
	}
	if ((type->features & PT_TAXONOMIES) && want(&s, "categories", CTX_VE))
		jset(d, "categories", term_ids(p, TAX_CATEGORY));
	if ((type->features & PT_TAXONOMIES) && want(&s, "tags", CTX_VE))
		jset(d, "tags", term_ids(p, TAX_POST_TAG));
	if (want(&s, "permalink_template", CTX_EDIT) || want(&s, "generated_slug", CTX_EDIT)) {
		/* get_sample_permalink(): the link as if published, with the name left as a tag. */
		struct buf b = BUF_INIT;
		struct permalink_post row = permalink_row(p);
		permalink_sample(req->store, req->site, req->user, &row, &b);
		if (want(&s, "permalink_template", CTX_EDIT))
			jset(d, "permalink_template", jstr(buf_str(&b)));
		if (want(&s, "generated_slug", CTX_EDIT)) {
			char *slug = generated_slug(req, p);
			jset(d, "generated_slug", jstr(slug ? slug : p->name));
			free(slug);
		}
		buf_free(&b);
	}
	if (want(&s, "class_list", CTX_VE))
		jset(d, "class_list", class_list(p, class_pw_required, format));
	if (rest_field_wanted(req, "_links") || rest_field_wanted(req, "_embedded"))
		jset(d, "_links", links(&s, p));
	return d;
}
