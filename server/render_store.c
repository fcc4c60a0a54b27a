/* render_store.c - the rendering pipeline's view of the site (struct
 * render_source) implemented with SQL over the store. Read-only; it never
 * renders anything itself and knows nothing about HTTP. */
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/render_store.h"
#include "pressd/site.h"
#include "pressd/store.h"

#if __has_include("pressd/permalink.h")
#include "pressd/permalink.h"
#define HAVE_PERMALINK 1
#endif

/* The state behind src->ud: the store and the strings handed out. */
struct rs {
	struct store *st;
	const struct site *site;
	char **owned;          /* malloc'd strings returned to the renderer */
	size_t nowned, cap;
};

/* Keeps s (malloc'd, may be NULL) until render_store_free(); returns it. */
static const char *keep(struct rs *rs, char *s)
{
	if (!s)
		return NULL;
	if (rs->nowned == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 32;
		char **n = realloc(rs->owned, cap * sizeof *n);
		if (!n) {
			free(s);
			return NULL;
		}
		rs->owned = n;
		rs->cap = cap;
	}
	rs->owned[rs->nowned++] = s;
	return s;
}

static const char *col(struct rs *rs, sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return keep(rs, strdup(v ? v : ""));
}

static int attachment(void *ud, long id, struct render_attachment *out)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT post_parent, post_mime_type, guid, post_title, post_excerpt, post_content,"
		" (SELECT meta_value FROM wp_postmeta WHERE post_id = p.ID AND meta_key = '_wp_attached_file' ORDER BY meta_id LIMIT 1),"
		" (SELECT meta_value FROM wp_postmeta WHERE post_id = p.ID AND meta_key = '_wp_attachment_metadata' ORDER BY meta_id LIMIT 1),"
		" (SELECT meta_value FROM wp_postmeta WHERE post_id = p.ID AND meta_key = '_wp_attachment_image_alt' ORDER BY meta_id LIMIT 1)"
		" FROM wp_posts p WHERE ID = ? AND post_type = 'attachment'");
	int rc = PD_ENOTFOUND;
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->id = id;
		out->parent = (long)sqlite3_column_int64(s, 0);
		out->mime = col(rs, s, 1);
		out->guid = col(rs, s, 2);
		out->title = col(rs, s, 3);
		out->caption = col(rs, s, 4);
		out->content = col(rs, s, 5);
		out->file = col(rs, s, 6);
		out->metadata = sqlite3_column_type(s, 7) == SQLITE_NULL ? NULL : col(rs, s, 7);
		out->alt = col(rs, s, 8);
		rc = out->mime && out->guid && out->title && out->caption && out->content && out->file &&
		     out->alt ? PD_OK : PD_ENOMEM;
	}
	store_done(s);
	return rc;
}

static int attachment_children(void *ud, long parent, const char *mime_prefix, long *ids,
			       size_t max, size_t *n)
{
	struct rs *rs = ud;
	/* get_children( post_status inherit, post_type attachment, post_mime_type ) */
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT ID FROM wp_posts WHERE post_parent = ? AND post_type = 'attachment'"
		" AND post_status = 'inherit' AND substr(post_mime_type, 1, length(?2)) = ?2"
		" ORDER BY menu_order ASC, ID ASC");
	if (!s)
		return PD_EDB;
	*n = 0;
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_text(s, 2, mime_prefix ? mime_prefix : "", -1, SQLITE_STATIC);
	while (*n < max && sqlite3_step(s) == SQLITE_ROW)
		ids[(*n)++] = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return PD_OK;
}

static int permalink(void *ud, long id, struct buf *out)
{
	struct rs *rs = ud;
#ifdef HAVE_PERMALINK
	return permalink_post(rs->st, rs->site, NULL, id, 0, out);
#else
	(void)rs;
	(void)id;
	(void)out;
	return PD_ENOTFOUND;
#endif
}

static const char *post_meta(void *ud, long post_id, const char *key)
{
	struct rs *rs = ud;
	return keep(rs, store_meta_get(rs->st, "post", post_id, key));
}

int render_store_source(struct store *st, const struct site *site, struct render_source *src)
{
	struct rs *rs = calloc(1, sizeof *rs);
	if (!rs)
		return PD_ENOMEM;
	rs->st = st;
	rs->site = site;
	memset(src, 0, sizeof *src);
	src->ud = rs;
	src->attachment = attachment;
	src->attachment_children = attachment_children;
	src->permalink = permalink;
	src->post_meta = post_meta;
	return PD_OK;
}

void render_store_free(struct render_source *src)
{
	struct rs *rs = src ? src->ud : NULL;
	if (!rs)
		return;
	for (size_t i = 0; i < rs->nowned; i++)
		free(rs->owned[i]);
	free(rs->owned);
	free(rs);
	src->ud = NULL;
}
