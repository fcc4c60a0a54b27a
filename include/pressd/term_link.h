/* term_link.h - public (front-end) URLs of terms and authors as WordPress's
 * link-template.php builds them from the permalink settings (posts' links:
 * permalink.h). */
#ifndef PRESSD_TERM_LINK_H
#define PRESSD_TERM_LINK_H

#include "pressd/buf.h"

struct store;
struct site;

/* Mirrors get_term_link() for category, post_tag and post_format: pretty
 * "/category/<ancestors>/<slug>/", "/tag/<slug>/", "/type/<format>/", or
 * "?cat=ID", "?tag=slug" with plain permalinks. Parent slugs are read from st.
 * Appends to out; PD_OK or a pd_err. */
int term_link(struct store *st, const struct site *s, long term_id, const char *taxonomy,
	      const char *slug, long parent, struct buf *out);

/* Mirrors get_author_posts_url(): "/author/<nicename>/" or "?author=ID". */
int author_link(const struct site *s, long user_id, const char *nicename, struct buf *out);

/* user_trailingslashit(): a trailing slash exactly when the permalink
 * structure ends with one. Appends path adjusted to out. */
int permalink_trailingslash(const struct site *s, const char *path, struct buf *out);

#endif
