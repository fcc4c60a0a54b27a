/* term_link.c - front-end URLs of terms and authors (link-template.php:
 * get_term_link(), get_author_posts_url()); posts' links are permalink.c's.
 * Reads the few rows it needs; it does not resolve URLs back to objects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/site.h"
#include "pressd/store.h"
#include "pressd/term_link.h"

#define MAX_DEPTH 32 /* ancestors followed; WordPress stops at loops too */

int permalink_trailingslash(const struct site *s, const char *path, struct buf *out)
{
	const char *ps = s->permalink_structure;
	size_t n = strlen(path), pl = strlen(ps);
	while (n && (path[n - 1] == '/' || path[n - 1] == '\\'))
		n--;
	int rc = buf_append(out, path, n);
	if (rc == PD_OK && pl && ps[pl - 1] == '/')
		rc = buf_putc(out, '/');
	return rc;
}

/* $wp_rewrite->front: the structure up to its first tag ("/" for "/%postname%/"). */
static void rewrite_front(const struct site *s, char *front, size_t size)
{
	const char *ps = s->permalink_structure, *pct = strchr(ps, '%');
	size_t n = pct ? (size_t)(pct - ps) : strlen(ps);
	snprintf(front, size, "%.*s", (int)n, ps);
}

/* home_url(path): home + "/" + path without its leading slashes. */
static int home_path(const struct site *s, const char *path, struct buf *out)
{
	while (*path == '/')
		path++;
	int rc = buf_puts(out, s->home);
	if (rc == PD_OK)
		rc = buf_putc(out, '/');
	if (rc == PD_OK)
		rc = permalink_trailingslash(s, path, out);
	return rc;
}

/* The slugs of term_id's ancestors and term_id itself, root first, joined
 * by '/' (get_ancestors() walk), appended to path. */
static int ancestor_slugs(struct store *st, long parent, int depth, struct buf *path)
{
	if (parent <= 0 || depth >= MAX_DEPTH)
		return PD_OK;
	sqlite3_stmt *q = store_stmt(st,
		"SELECT t.slug, tt.parent FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id"
		" WHERE t.term_id = ?1 LIMIT 1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, parent);
	char *slug = NULL;
	long grand = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		slug = strdup((const char *)sqlite3_column_text(q, 0));
		grand = sqlite3_column_int64(q, 1);
	}
	store_done(q);
	if (!slug)
		return PD_OK;
	int rc = grand != parent ? ancestor_slugs(st, grand, depth + 1, path) : PD_OK;
	if (rc == PD_OK)
		rc = buf_printf(path, "%s/", slug);
	free(slug);
	return rc;
}

int term_link(struct store *st, const struct site *s, long term_id, const char *taxonomy,
	      const char *slug, long parent, struct buf *out)
{
	int is_cat = strcmp(taxonomy, "category") == 0, is_format = strcmp(taxonomy, "post_format") == 0;
	if (!s->permalink_structure[0]) {
		if (is_cat)
			return buf_printf(out, "%s/?cat=%ld", s->home, term_id);
		if (is_format)
			return buf_printf(out, "%s/?post_format=%s", s->home,
					  strncmp(slug, "post-format-", 12) == 0 ? slug + 12 : slug);
		return buf_printf(out, "%s/?%s=%s", s->home, strcmp(taxonomy, "post_tag") == 0 ? "tag" : taxonomy, slug);
	}
	/* register_taxonomy rewrite: base + "/%tax%", after the front unless a base option is set. */
	const char *base = is_cat ? s->category_base : strcmp(taxonomy, "post_tag") == 0 ? s->tag_base : "";
	char front[256];
	rewrite_front(s, front, sizeof front);
	struct buf path = BUF_INIT;
	int rc;
	if (base[0]) {
		while (*base == '/')
			base++;
		rc = buf_printf(&path, "%s", base);
		while (path.len && path.data[path.len - 1] == '/')
			path.data[--path.len] = '\0';
		if (rc == PD_OK)
			rc = buf_putc(&path, '/');
	} else {
		rc = buf_printf(&path, "%s%s/", front,
				is_cat ? "category" : is_format ? "type" : strcmp(taxonomy, "post_tag") == 0 ? "tag" : taxonomy);
	}
	if (rc == PD_OK && is_cat)
		rc = ancestor_slugs(st, parent, 0, &path);
	if (rc == PD_OK) {
		/* post_format_link filter: the URL names the format without its prefix. */
		rc = buf_puts(&path, is_format && strncmp(slug, "post-format-", 12) == 0 ? slug + 12 : slug);
	}
	if (rc == PD_OK)
		rc = home_path(s, buf_str(&path), out);
	buf_free(&path);
	return rc;
}

int author_link(const struct site *s, long user_id, const char *nicename, struct buf *out)
{
	if (!s->permalink_structure[0])
		return buf_printf(out, "%s/?author=%ld", s->home, user_id);
	char front[256];
	rewrite_front(s, front, sizeof front);
	struct buf path = BUF_INIT;
	int rc = buf_printf(&path, "%sauthor/%s", front, nicename);
	if (rc == PD_OK)
		rc = home_path(s, buf_str(&path), out);
	buf_free(&path);
	return rc;
}
