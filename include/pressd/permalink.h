/* permalink.h - every public (front-end) link pressd prints, each built in
 * one place: posts, pages and attachments (get_permalink(), get_page_link(),
 * get_attachment_link(), get_sample_permalink()), terms (get_term_link())
 * and authors (get_author_posts_url()), under the site's permalink settings.
 *
 * permalink_build() is pure: it needs the post and the few things
 * get_permalink() looks up (category path, author nicename, page URI,
 * parent link) already resolved. permalink_post_row() resolves them from
 * the store and calls it; permalink_post() first reads the row. */
#ifndef PRESSD_PERMALINK_H
#define PRESSD_PERMALINK_H

#include "pressd/buf.h"

struct site;
struct store;
struct user;

/* The columns of wp_posts a permalink depends on (borrowed strings). */
struct permalink_post {
	long id;
	const char *type;          /* post_type: "post", "page", "attachment" ... */
	const char *status;        /* get_post_status(): for attachments the parent's status */
	const char *name;          /* post_name, URL-encoded slug */
	const char *date;          /* post_date, local "YYYY-MM-DD HH:MM:SS" */
	int readable_private;      /* status is private and the user may read the post */
	int sample;                /* get_sample_permalink(): the post as if published */
	long author;               /* post_author: %author% */
	long parent;               /* post_parent: attachments' and pages' parents */
};

/* What get_permalink() reads besides the post itself. */
struct permalink_parts {
	const char *category;      /* %category%: "parent/child" of the lowest-ID category, or of the default one */
	const char *author;        /* %author%: user_nicename */
	const char *page_uri;      /* pages: get_page_uri(), "parent/child" */
	const char *parent_link;   /* attachments: the parent's link (pages: _get_page_link), NULL if no valid parent */
};

/* get_permalink( post, leavename ): appends the link to out. */
int permalink_build(const struct site *site, const struct permalink_post *p,
		    const struct permalink_parts *parts, int leavename, struct buf *out);

/* get_permalink( id ) from the store; user decides whether private posts get
 * pretty links. PD_ENOTFOUND when there is no such post. */
int permalink_post(struct store *st, const struct site *site, const struct user *user, long id,
		   int leavename, struct buf *out);

/* get_permalink() of a post whose row the caller has (row->readable_private
 * is set here, for user); the rest is read from the store. */
int permalink_post_row(struct store *st, const struct site *site, const struct user *user,
		       const struct permalink_post *row, int leavename, struct buf *out);

/* permalink_post_row() for a caller that has loaded the post's terms too:
 * category is the lowest term_id among its categories (0: none), which
 * %category% would otherwise read from the store. */
int permalink_post_row_category(struct store *st, const struct site *site, const struct user *user,
				const struct permalink_post *row, long category, int leavename, struct buf *out);

/* get_sample_permalink()[0]: the link with %postname% / %pagename% left in,
 * drafts, pending and future posts as if published, pages after their
 * parents' path (urldecode()d, the editable_slug filter). */
int permalink_sample(struct store *st, const struct site *site, const struct user *user,
		     const struct permalink_post *row, struct buf *out);

/* get_category_parents( id, false, '/', true ) without the trailing slash:
 * the slugs from the root down to term_id joined by '/' ("parent/child"). */
int permalink_term_path(struct store *st, long term_id, const char *taxonomy, struct buf *out);

/* get_term_link() for category, post_tag and post_format: pretty
 * "/category/<ancestors>/<slug>/", "/tag/<slug>/", "/type/<format>/" (after
 * the structure's front unless category_base / tag_base is set), or
 * "?cat=ID", "?tag=slug", "?post_format=f" with plain permalinks. Ancestors
 * of a category with a parent are read from st (NULL is fine without one). */
int permalink_term_link(struct store *st, const struct site *site, long term_id, const char *taxonomy,
			const char *slug, long parent, struct buf *out);

/* permalink_term_link() of a term read from the store by ID. */
int permalink_term(struct store *st, const struct site *site, long term_id, const char *taxonomy,
		   struct buf *out);

/* get_author_posts_url(): "/author/<nicename>/" after the front, or "?author=ID". */
int permalink_author(const struct site *site, long user_id, const char *nicename, struct buf *out);

#endif
