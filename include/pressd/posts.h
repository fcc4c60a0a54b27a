/* posts.h - WP_REST_Posts_Controller's read endpoints for the post types
 * "post" and "page" (GET /wp/v2/posts, /wp/v2/pages and their items: one
 * controller, configured by a struct post_type) and what they are built from: the collection query (server/post_query.c:
 * WP_Query's parameters -> parameterised SQL), the batched loading of posts
 * with their terms and meta (server/posts.c), and one post as REST JSON
 * (server/post_json.c, WP_REST_Posts_Controller::prepare_item_for_response). */
#ifndef PRESSD_POSTS_H
#define PRESSD_POSTS_H

#include <jansson.h>
#include <sqlite3.h>

#include "pressd/buf.h"

struct request;
struct response;
struct store;

/* ---- post types (server/posts.c) ---- */

/* post_type_supports() features and per-type behaviour the controller reads. */
enum post_type_feature {
	PT_STICKY = 1,              /* "post" only: sticky field, sticky/ignore_sticky params, action-sticky */
	PT_FORMATS = 2,             /* post-formats: format field and param, format-* class */
	PT_TAXONOMIES = 4,          /* category and post_tag: fields, params, wp:term links */
};

/* A post type as register_post_type() describes it to the REST controller. */
struct post_type {
	const char *name;           /* post_type column value: "post", "page" */
	const char *rest_base;      /* route segment: "posts", "pages" */
	int hierarchical;           /* parent, menu_order, "up" link, page permalinks */
	unsigned features;          /* enum post_type_feature bits */
	struct {                    /* $post_type->cap: primitive capabilities */
		const char *edit_posts, *edit_others_posts, *publish_posts, *read_private_posts;
	} cap;
};

extern const struct post_type post_type_post, post_type_page;

/* The post type named name ("post", "page"), NULL for others. */
const struct post_type *posts_type_named(const char *name);

/* The post type of the request's route ("/wp/v2/pages..." -> page; "post" otherwise). */
const struct post_type *posts_type_of(const struct request *req);

/* ---- handlers (server/routes.c; shared by /wp/v2/posts and /wp/v2/pages) ---- */

int posts_get_items_permission(struct request *req, struct response *res);
int posts_get_items(struct request *req, struct response *res);
int posts_get_item_permission(struct request *req, struct response *res);
int posts_get_item(struct request *req, struct response *res);

/* ---- the collection query (server/post_query.c) ---- */

struct id_list {
	long *v;                    /* owned */
	size_t n;
};

struct str_list {
	char **v;                   /* owned strings, owned array */
	size_t n;
};

enum post_orderby {
	ORDERBY_DATE, ORDERBY_AUTHOR, ORDERBY_ID, ORDERBY_INCLUDE, ORDERBY_MODIFIED, ORDERBY_PARENT,
	ORDERBY_RELEVANCE, ORDERBY_SLUG, ORDERBY_INCLUDE_SLUGS, ORDERBY_TITLE, ORDERBY_MENU_ORDER,
};

enum tax_op { TAX_IN, TAX_AND, TAX_NOT_IN };

/* One WP_Tax_Query clause with field term_id. */
struct tax_clause {
	const char *taxonomy;       /* static: "category", "post_tag" */
	struct id_list terms;       /* term_ids */
	int include_children;       /* also the descendants of each term */
	enum tax_op op;
};

enum search_column { SEARCH_TITLE = 1, SEARCH_EXCERPT = 2, SEARCH_CONTENT = 4 };

/* WP_Query's arguments as WP_REST_Posts_Controller::get_items() sets them. */
struct post_query {
	const char *type;           /* post_type, static */
	struct str_list statuses;   /* post_status; "any": every status not excluded from search */
	struct id_list include;     /* post__in; used when has_include */
	int has_include;
	struct id_list exclude;     /* post__not_in */
	struct id_list author;      /* author__in */
	struct id_list author_exclude;
	struct str_list slugs;      /* post_name__in; used when has_slugs */
	int has_slugs;
	char *search;               /* s, or NULL */
	int exact;                  /* search_semantics=exact */
	unsigned search_columns;    /* enum search_column bits; 0 = all three */
	int logged_in;              /* searches hide password-protected posts from visitors */
	char after[20], before[20];              /* local MySQL datetimes against post_date, "" if unset */
	char modified_after[20], modified_before[20];
	struct tax_clause tax[4];
	int ntax;
	int tax_or;                 /* tax_relation=OR */
	struct str_list formats;    /* format: "standard", "aside" ...; used when has_formats */
	int has_formats;
	struct id_list parent;      /* post_parent__in (parent=0: top level) */
	struct id_list parent_exclude; /* post_parent__not_in */
	long menu_order;            /* menu_order = ?; used when has_menu_order */
	int has_menu_order;
	enum post_orderby orderby;
	int asc;                    /* order=asc */
	long per_page;
	long page;                  /* 1-based */
	long offset;                /* -1 when not given */
};

/* A bound value of the generated SQL. */
struct sql_bind {
	int is_text;
	long long i;
	char *s;                    /* owned */
};

struct post_sql {
	struct buf where;           /* "wp_posts.post_type = ? AND ..." */
	struct buf order;           /* "wp_posts.post_date DESC, wp_posts.ID DESC" */
	struct sql_bind *binds;     /* in placeholder order: where's, then order's */
	size_t nbinds, cap;
	size_t nwhere;              /* binds that belong to where */
};

/* WP_Query::parse_search()'s terms of s (after stripslashes), owned by terms;
 * *count is search_terms_count (the number of regex matches, 1 if none). */
int post_search_terms(const char *s, struct str_list *terms, int *count);
/* The WHERE and ORDER BY of q. PD_OK or PD_ENOMEM. */
int post_query_sql(const struct post_query *q, struct post_sql *out);
/* Binds out's values to stmt starting at placeholder first; which: 0 where only, 1 all. */
int post_sql_bind(const struct post_sql *sql, sqlite3_stmt *stmt, int first, int all);
void post_sql_free(struct post_sql *sql);
void post_query_free(struct post_query *q);
void id_list_free(struct id_list *l);
void str_list_free(struct str_list *l);
int id_list_push(struct id_list *l, long v);
int str_list_push(struct str_list *l, const char *s, size_t n);

/* ---- posts and their batched data (server/posts.c) ---- */

enum term_tax { TAX_CATEGORY, TAX_POST_TAG, TAX_POST_FORMAT };

/* A term of a post as get_the_terms() lists it. */
struct post_term {
	long term_id;
	enum term_tax tax;
	char *slug;                 /* URL-encoded slug, owned */
};

struct post {
	long id;                    /* ID */
	long author;                /* post_author, a user ID */
	long parent;                /* post_parent */
	long menu_order;            /* menu_order */
	char *date, *date_gmt;      /* post_date (local), post_date_gmt; MySQL datetimes, owned */
	char *modified, *modified_gmt;
	char *title, *content, *excerpt;  /* raw, owned */
	char *status, *comment_status, *ping_status, *password, *name, *guid, *type; /* owned */
	struct post_term *terms;    /* categories, tags, formats, each by name as get_the_terms(); owned */
	size_t nterms;
	long thumbnail_id;          /* _thumbnail_id, 0 when none */
	char *template;             /* _wp_page_template, NULL when none; owned */
	json_t *meta;               /* registered meta key -> stored string (absent: none); owned */
	long revisions;             /* number of revisions */
	long latest_revision;       /* ID of the newest revision, 0 when none */
	int sticky;                 /* in option sticky_posts */
};

struct post_set {
	struct post *v;             /* owned */
	size_t n;
};

/* Loads the posts with these IDs (those that exist, in the given order),
 * with terms, meta and revision counts, in a fixed number of queries. */
int posts_load(struct store *st, const long *ids, size_t n, struct post_set *out);
void posts_free(struct post_set *set);
/* The meta keys registered for a post type (register_post_meta( type, ...
 * show_in_rest )), appended to out: option pressd_<type>_meta_keys (comma
 * list), default "footnotes" (WordPress registers it for post and page). */
int posts_meta_keys(struct store *st, const struct post_type *type, struct str_list *out);

/* ---- one post as JSON (server/post_json.c) ---- */

/* Starts a request's rendering state (WordPress's per-request counters). */
void post_json_begin(const struct request *req);
/* prepare_item_for_response() for req's context and _fields. */
json_t *post_json(struct request *req, const struct post *p);
/* get_permalink() of a loaded post (its categories are known); leavename
 * keeps %postname% for permalink_template. */
int post_permalink(struct request *req, const struct post *p, int leavename, struct buf *out);
/* can_access_password_content(). */
int post_password_ok(const struct request *req, const struct post *p);

#endif
