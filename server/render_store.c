/* render_store.c - the rendering pipeline's view of the site (struct
 * render_source) implemented with SQL over the store. Read-only; it never
 * renders anything itself and knows nothing about HTTP. */
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/mysql_sort.h"
#include "pressd/permalink.h"
#include "pressd/render_store.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/terms.h"

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
	return permalink_post(rs->st, rs->site, NULL, id, 0, out);
}

static const char *post_meta(void *ud, long post_id, const char *key)
{
	struct rs *rs = ud;
	return keep(rs, store_meta_get(rs->st, "post", post_id, key));
}

static int post(void *ud, long id, struct render_post *out)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT post_author, post_parent, post_type, post_status, post_name, post_title, post_content,"
		" post_excerpt, post_date, post_date_gmt, post_modified, post_modified_gmt, post_password, comment_status, comment_count"
		" FROM wp_posts WHERE ID = ?");
	int rc = PD_ENOTFOUND;
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->id = id;
		out->author = (long)sqlite3_column_int64(s, 0);
		out->parent = (long)sqlite3_column_int64(s, 1);
		out->type = col(rs, s, 2);
		out->status = col(rs, s, 3);
		out->name = col(rs, s, 4);
		out->title = col(rs, s, 5);
		out->content = col(rs, s, 6);
		out->excerpt = col(rs, s, 7);
		out->date = col(rs, s, 8);
		out->date_gmt = col(rs, s, 9);
		out->modified = col(rs, s, 10);
		out->modified_gmt = col(rs, s, 11);
		const char *pw = (const char *)sqlite3_column_text(s, 12);
		out->has_password = pw && *pw;
		const char *cs = (const char *)sqlite3_column_text(s, 13);
		out->comments_open = cs && !strcmp(cs, "open");
		out->comment_count = (long)sqlite3_column_int64(s, 14);
		rc = out->type && out->status && out->name && out->title && out->content && out->excerpt &&
		     out->date && out->date_gmt && out->modified && out->modified_gmt ? PD_OK : PD_ENOMEM;
	}
	store_done(s);
	return rc;
}

static int user(void *ud, long id, struct render_user *out)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT display_name, user_nicename, user_email,"
		" (SELECT meta_value FROM wp_usermeta WHERE user_id = u.ID AND meta_key = 'description' ORDER BY umeta_id LIMIT 1)"
		" FROM wp_users u WHERE ID = ?");
	int rc = PD_ENOTFOUND;
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		out->id = id;
		out->display_name = col(rs, s, 0);
		out->nicename = col(rs, s, 1);
		out->email = col(rs, s, 2);
		out->description = col(rs, s, 3);
		rc = out->display_name && out->nicename && out->email && out->description ? PD_OK : PD_ENOMEM;
	}
	store_done(s);
	return rc;
}

/* Reads up to max rows of (term_id, parent, count, name, slug) from the bound
 * statement s into out, then finishes s. */
static int read_terms(struct rs *rs, sqlite3_stmt *s, struct render_term *out, size_t max, size_t *n)
{
	int rc = PD_OK;
	*n = 0;
	while (*n < max && sqlite3_step(s) == SQLITE_ROW) {
		struct render_term *t = &out[(*n)++];
		t->id = (long)sqlite3_column_int64(s, 0);
		t->parent = (long)sqlite3_column_int64(s, 1);
		t->count = (long)sqlite3_column_int64(s, 2);
		t->name = col(rs, s, 3);
		t->slug = col(rs, s, 4);
		if (!t->name || !t->slug)
			rc = PD_ENOMEM;
	}
	store_done(s);
	return rc;
}

static int post_terms(void *ud, long post_id, const char *taxonomy, struct render_term *out,
		      size_t max, size_t *n)
{
	struct rs *rs = ud;
	/* wp_get_object_terms() default order: name ASC */
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT t.term_id, tt.parent, tt.count, t.name, t.slug FROM wp_terms t"
		" JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id"
		" JOIN wp_term_relationships r ON r.term_taxonomy_id = tt.term_taxonomy_id"
		" WHERE r.object_id = ? AND tt.taxonomy = ? ORDER BY t.name ASC, t.term_id ASC");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, post_id);
	sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
	return read_terms(rs, s, out, max, n);
}

static int tax_term_link(void *ud, long term_id, const char *taxonomy, struct buf *out)
{
	struct rs *rs = ud;
	return permalink_term(rs->st, rs->site, term_id, taxonomy, out);
}

/* get_author_posts_url() */
static int user_link(void *ud, long user_id, struct buf *out)
{
	struct render_user u;
	int rc = user(ud, user_id, &u);
	return rc ? rc : permalink_author(((struct rs *)ud)->site, user_id, u.nicename, out);
}

static const char *option(void *ud, const char *name)
{
	struct rs *rs = ud;
	return keep(rs, store_option_get(rs->st, name));
}

static long approved_comments(void *ud)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT COUNT(*) FROM wp_comments c JOIN wp_posts p ON p.ID = c.comment_post_ID"
		" WHERE c.comment_approved = '1' AND p.post_status = 'publish'");
	long n = -1;
	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return n;
}

static int comments(void *ud, long post_id, struct render_comment *out, size_t max, size_t *n)
{
	struct rs *rs = ud;
#define COMMENT_COLS \
	"SELECT c.comment_ID, c.comment_post_ID, c.comment_parent, c.user_id, c.comment_author," \
	" c.comment_author_email, c.comment_author_url, c.comment_date, c.comment_date_gmt," \
	" c.comment_content, c.comment_type, c.comment_approved FROM wp_comments c"
	sqlite3_stmt *s = store_stmt(rs->st, post_id > 0 ?
		COMMENT_COLS " WHERE c.comment_post_ID = ?1 AND c.comment_approved = '1'"
		" ORDER BY c.comment_date_gmt ASC, c.comment_ID ASC" :
		/* get_comments( status approve, post_status publish ): every type but notes */
		COMMENT_COLS " JOIN wp_posts p ON p.ID = c.comment_post_ID"
		" WHERE c.comment_approved = '1' AND p.post_status = 'publish' AND c.comment_type <> 'note'"
		" ORDER BY c.comment_date_gmt DESC, c.comment_ID DESC");
#undef COMMENT_COLS
	int rc = PD_OK;
	*n = 0;
	if (!s)
		return PD_EDB;
	if (post_id > 0)
		sqlite3_bind_int64(s, 1, post_id);
	while (!rc && *n < max && sqlite3_step(s) == SQLITE_ROW) {
		struct render_comment *c = &out[*n];
		c->id = (long)sqlite3_column_int64(s, 0);
		c->post_id = (long)sqlite3_column_int64(s, 1);
		c->parent = (long)sqlite3_column_int64(s, 2);
		c->user_id = (long)sqlite3_column_int64(s, 3);
		c->author = col(rs, s, 4);
		c->author_email = col(rs, s, 5);
		c->author_url = col(rs, s, 6);
		c->date = col(rs, s, 7);
		c->date_gmt = col(rs, s, 8);
		c->content = col(rs, s, 9);
		c->type = col(rs, s, 10);
		c->approved = col(rs, s, 11);
		if (!c->author || !c->author_email || !c->author_url || !c->date || !c->date_gmt || !c->content ||
		    !c->type || !c->approved)
			rc = PD_ENOMEM;
		else
			(*n)++;
	}
	store_done(s);
	return rc;
}

static int user_can(void *ud, long user_id, const char *cap, long object_id)
{
	struct rs *rs = ud;
	struct user u;
	if (user_id <= 0 || caps_user_load(rs->st, user_id, &u) != PD_OK)
		return 0;
	return caps_user_can(rs->st, &u, cap, object_id);
}

static int published_dates(void *ud, const char *post_type, struct buf *out)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT post_date FROM wp_posts WHERE post_type = ? AND post_status = 'publish'"
		" ORDER BY post_date DESC, ID DESC");
	int rc = PD_OK;
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, post_type, -1, SQLITE_STATIC);
	while (!rc && sqlite3_step(s) == SQLITE_ROW)
		rc = buf_printf(out, "%s\n", (const char *)sqlite3_column_text(s, 0));
	store_done(s);
	return rc;
}

/* A row of top_terms() as MariaDB sorts it: the key is tt.count (BIGINT). */
struct counted {
	long term_id, count, parent;
	int keep;  /* not empty, or (hierarchical) has a descendant that is not */
};

static int by_count_desc(const void *a, const void *b, void *arg)
{
	const struct counted *x = a, *y = b;
	(void)arg;
	return (y->count > x->count) - (y->count < x->count);
}

/* Bounds the rows top_terms() sorts; a site with more terms than this ranks
 * only the first ones (by term_taxonomy_id). */
#define TOP_TERMS_MAX_ROWS 1000000

static int top_terms(void *ud, const char *taxonomy, struct render_term *out, size_t max, size_t *n)
{
	struct rs *rs = ud;
	/* For a flat taxonomy WordPress asks ... AND tt.count > 0 ORDER BY
	 * tt.count DESC LIMIT max; for a hierarchical one (category) it asks for
	 * every term ORDER BY tt.count DESC, then drops the empty ones without
	 * posts below them and keeps the first max. MariaDB reads the rows
	 * through the taxonomy index, i.e. by term_taxonomy_id, and sorts them in
	 * memory: reading them in that order and sorting the same way gives its
	 * answer, ties included. */
	int hierarchical = !strcmp(taxonomy, "category");
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT tt.term_id, tt.count, tt.parent FROM wp_term_taxonomy tt JOIN wp_terms t ON t.term_id = tt.term_id"
		" WHERE tt.taxonomy = ?1 AND (?2 OR tt.count > 0) ORDER BY tt.term_taxonomy_id");
	struct counted *rows = NULL;
	size_t nrows = 0, cap = 0;
	int rc = PD_OK;
	*n = 0;
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, taxonomy, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, hierarchical);
	while (nrows < TOP_TERMS_MAX_ROWS && sqlite3_step(s) == SQLITE_ROW) {
		if (nrows == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct counted *grown = realloc(rows, ncap * sizeof *rows);
			if (!grown) {
				rc = PD_ENOMEM;
				break;
			}
			rows = grown;
			cap = ncap;
		}
		struct counted *r = &rows[nrows++];
		r->term_id = (long)sqlite3_column_int64(s, 0);
		r->count = (long)sqlite3_column_int64(s, 1);
		r->parent = (long)sqlite3_column_int64(s, 2);
		r->keep = r->count > 0;
	}
	store_done(s);
	if (!rc && hierarchical) {
		long *cols = malloc((nrows ? nrows : 1) * 3 * sizeof *cols);
		char *shown = malloc(nrows ? nrows : 1);
		for (size_t i = 0; cols && i < nrows; i++) {
			cols[i] = rows[i].term_id;
			cols[nrows + i] = rows[i].parent;
			cols[2 * nrows + i] = rows[i].count;
		}
		rc = cols && shown ? terms_keep_nonempty(cols, cols + nrows, cols + 2 * nrows, nrows, shown) : PD_ENOMEM;
		for (size_t i = 0; !rc && i < nrows; i++)
			rows[i].keep = shown[i];
		free(cols);
		free(shown);
	}
	if (!rc)
		rc = mysql_filesort(rows, nrows, sizeof *rows, 8, by_count_desc, NULL);
	/* the first max shown, as a JSON array: their rows in one query, in that order */
	struct buf ids = BUF_INIT;
	size_t listed = 0;
	for (size_t i = 0; !rc && i < nrows && listed < max; i++)
		if (rows[i].keep)
			rc = buf_printf(&ids, "%c%ld", listed++ ? ',' : '[', rows[i].term_id);
	if (!rc && listed) {
		sqlite3_stmt *t = store_stmt(rs->st,
			"SELECT t.term_id, tt.parent, tt.count, t.name, t.slug FROM json_each(?2) j"
			" JOIN wp_terms t ON t.term_id = j.value"
			" JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id AND tt.taxonomy = ?1 ORDER BY j.key");
		if ((rc = buf_putc(&ids, ']')) == PD_OK && !t)
			rc = PD_EDB;
		if (!rc) {
			sqlite3_bind_text(t, 1, taxonomy, -1, SQLITE_STATIC);
			sqlite3_bind_text(t, 2, buf_str(&ids), (int)ids.len, SQLITE_STATIC);
			rc = read_terms(rs, t, out, max, n);
		}
	}
	buf_free(&ids);
	free(rows);
	return rc;
}

static int all_terms(void *ud, const char *taxonomy, struct render_term *out, size_t max, size_t *n)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT t.term_id, tt.parent, tt.count, t.name, t.slug FROM wp_terms t"
		" JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id WHERE tt.taxonomy = ?"
		" ORDER BY t.name COLLATE WP_CI ASC, t.term_id ASC");
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, taxonomy, -1, SQLITE_STATIC);
	return read_terms(rs, s, out, max, n);
}

static int term_posts(void *ud, const char *taxonomy, struct buf *out)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT tt.term_id, r.object_id FROM wp_term_relationships r"
		" JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = r.term_taxonomy_id"
		" JOIN wp_posts p ON p.ID = r.object_id"
		" WHERE tt.taxonomy = ? AND p.post_type = 'post' AND p.post_status = 'publish'");
	int rc = PD_OK;
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, taxonomy, -1, SQLITE_STATIC);
	while (!rc && sqlite3_step(s) == SQLITE_ROW)
		rc = buf_printf(out, "%lld %lld\n", (long long)sqlite3_column_int64(s, 0),
				(long long)sqlite3_column_int64(s, 1));
	store_done(s);
	return rc;
}

/* Whether post id has one of the terms (term ids) of taxonomy. */
static int in_terms(struct rs *rs, long id, const char *taxonomy, const long *terms, size_t n)
{
	sqlite3_stmt *c = store_stmt(rs->st,
		"SELECT 1 FROM wp_term_relationships r JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = r.term_taxonomy_id"
		" WHERE r.object_id = ? AND tt.taxonomy = ? AND tt.term_id = ?");
	int in = 0;
	for (size_t i = 0; c && !in && i < n; i++) {
		sqlite3_reset(c);
		sqlite3_bind_int64(c, 1, id);
		sqlite3_bind_text(c, 2, taxonomy, -1, SQLITE_STATIC);
		sqlite3_bind_int64(c, 3, terms[i]);
		in = sqlite3_step(c) == SQLITE_ROW;
	}
	if (c)
		store_done(c);
	return in;
}

static int query_posts(void *ud, const struct render_posts_query *q, long *ids, size_t max, size_t *n)
{
	struct rs *rs = ud;
	/* static SQL per order; terms and author filtered in C */
	int title = q->orderby && !strcmp(q->orderby, "title");
	const char *sql = title ? (q->ascending ?
		"SELECT ID, post_author FROM wp_posts WHERE post_type = ? AND post_status = 'publish' ORDER BY post_title COLLATE WP_CI ASC, ID ASC" :
		"SELECT ID, post_author FROM wp_posts WHERE post_type = ? AND post_status = 'publish' ORDER BY post_title COLLATE WP_CI DESC, ID DESC") :
		(q->ascending ?
		"SELECT ID, post_author FROM wp_posts WHERE post_type = ? AND post_status = 'publish' ORDER BY post_date ASC, ID ASC" :
		"SELECT ID, post_author FROM wp_posts WHERE post_type = ? AND post_status = 'publish' ORDER BY post_date DESC, ID DESC");
	sqlite3_stmt *s = store_stmt(rs->st, sql);
	if (!s)
		return PD_EDB;
	/* the rows first: in_terms() uses another cached statement */
	size_t cap = 0, cnt = 0;
	long *all = NULL;
	sqlite3_bind_text(s, 1, q->post_type ? q->post_type : "post", -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (q->author && sqlite3_column_int64(s, 1) != q->author)
			continue;
		if (cnt == cap) {
			long *na = realloc(all, (cap = cap ? cap * 2 : 256) * sizeof *na);
			if (!na) {
				free(all);
				store_done(s);
				return PD_ENOMEM;
			}
			all = na;
		}
		all[cnt++] = (long)sqlite3_column_int64(s, 0);
	}
	store_done(s);
	*n = 0;
	for (size_t i = 0; i < cnt && *n < max; i++) {
		if (q->ncategories && !in_terms(rs, all[i], "category", q->categories, q->ncategories))
			continue;
		if (q->ntags && !in_terms(rs, all[i], "post_tag", q->tags, q->ntags))
			continue;
		ids[(*n)++] = all[i];
	}
	free(all);
	return PD_OK;
}

static int pages(void *ud, long *ids, long *parents, size_t max, size_t *n)
{
	struct rs *rs = ud;
	sqlite3_stmt *s = store_stmt(rs->st,
		"SELECT ID, post_parent FROM wp_posts WHERE post_type = 'page' AND post_status = 'publish'"
		" ORDER BY menu_order ASC, post_title COLLATE WP_CI ASC, ID ASC");
	if (!s)
		return PD_EDB;
	*n = 0;
	while (*n < max && sqlite3_step(s) == SQLITE_ROW) {
		ids[*n] = (long)sqlite3_column_int64(s, 0);
		parents[(*n)++] = (long)sqlite3_column_int64(s, 1);
	}
	store_done(s);
	return PD_OK;
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
	src->post = post;
	src->user = user;
	src->post_terms = post_terms;
	src->term_link = tax_term_link;
	src->author_link = user_link;
	src->option = option;
	src->approved_comments = approved_comments;
	src->comments = comments;
	src->user_can = user_can;
	src->published_dates = published_dates;
	src->terms = all_terms;
	src->top_terms = top_terms;
	src->term_posts = term_posts;
	src->query_posts = query_posts;
	src->pages = pages;
	return PD_OK;
}

int render_store_ctx(struct store *st, const struct site *site, long post_id, const char *post_type,
		     struct render_ctx *ctx, struct render_source *src)
{
	memset(src, 0, sizeof *src);
	int rc = render_store_source(st, site, src);
	memset(ctx, 0, sizeof *ctx);
	ctx->home_url = site->home;
	ctx->site_url = site->siteurl;
	ctx->uploads_url = site->uploads_url;
	ctx->src = src;
	ctx->post_id = post_id;
	ctx->post_type = post_type;
	ctx->use_smilies = site->use_smilies;
	return rc;
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
