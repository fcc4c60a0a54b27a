/* posts.h - the posts endpoints (GET /wp/v2/posts, /wp/v2/posts/<id>) and
 * what they are built from: the collection query (server/post_query.c:
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

/* ---- handlers (server/routes.c) ---- */

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
	ORDERBY_RELEVANCE, ORDERBY_SLUG, ORDERBY_INCLUDE_SLUGS, ORDERBY_TITLE,
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
/* The registered post meta keys: option pressd_post_meta_keys (comma list),
 * default "footnotes" (register_post_meta( 'post', ... show_in_rest )). */
int posts_meta_keys(struct store *st, struct str_list *out);

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
