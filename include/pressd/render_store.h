/* render_store.h - struct render_source over the SQLite store: what the
 * rendering pipeline reads about the site (attachments, permalinks, post
 * meta, and the queries of dynamic blocks) when an endpoint renders a post. */
#ifndef PRESSD_RENDER_STORE_H
#define PRESSD_RENDER_STORE_H

#include "pressd/render.h"

struct site;
struct store;

/* Fills *src so that it reads from st (used by one thread, like the store)
 * for the anonymous visitor of site. The strings the callbacks hand out stay
 * valid until render_store_free(src). PD_OK or PD_ENOMEM. */
int render_store_source(struct store *st, const struct site *site, struct render_source *src);

/* Fills *src as render_store_source() does and *ctx for rendering post
 * post_id of post_type (owned by the caller) on site: its URLs, smilies and
 * src; every other field zero. The result of render_store_source(). */
int render_store_ctx(struct store *st, const struct site *site, long post_id, const char *post_type,
		     struct render_ctx *ctx, struct render_source *src);

/* Releases what render_store_source() and the callbacks allocated; src can
 * be filled again afterwards. NULL-safe and idempotent. */
void render_store_free(struct render_source *src);

#endif
