/* term_link.c - front-end URLs of terms, authors and posts (link-template.php:
 * get_term_link(), get_author_posts_url(), get_permalink(),
 * get_attachment_link(), get_page_link()). Reads the few rows it needs; it
 * does not resolve URLs back to objects (that is routing, not linking). */
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

/* The fields of a post that its link depends on. */
struct link_post {
	long id;
	long author;
	long parent;
	char type[32];
	char status[32];
	char name[256];     /* post_name, URL-encoded slug */
	char date[20];      /* post_date, local "YYYY-MM-DD HH:MM:SS" */
};

static int load_post(struct store *st, long id, struct link_post *p)
{
	sqlite3_stmt *q = store_stmt(st,
		"SELECT post_author, post_parent, post_type, post_status, post_name, post_date"
		" FROM wp_posts WHERE ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(q) == SQLITE_ROW) {
		p->id = id;
		p->author = sqlite3_column_int64(q, 0);
		p->parent = sqlite3_column_int64(q, 1);
		snprintf(p->type, sizeof p->type, "%s", (const char *)sqlite3_column_text(q, 2));
		snprintf(p->status, sizeof p->status, "%s", (const char *)sqlite3_column_text(q, 3));
		snprintf(p->name, sizeof p->name, "%s", (const char *)sqlite3_column_text(q, 4));
		snprintf(p->date, sizeof p->date, "%s", (const char *)sqlite3_column_text(q, 5));
		rc = PD_OK;
	}
	store_done(q);
	return rc;
}

/* %category%: the post's category with the lowest ID, under its ancestors;
 * the default category when it has none (get_permalink()). */
static int category_path(struct store *st, const struct site *s, long post_id, struct buf *out)
{
	sqlite3_stmt *q = store_stmt(st,
		"SELECT t.slug, tt.parent FROM wp_term_relationships tr"
		" JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id"
		" JOIN wp_terms t ON t.term_id = tt.term_id"
		" WHERE tr.object_id = ?1 AND tt.taxonomy = 'category' ORDER BY t.term_id LIMIT 1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, post_id);
	char *slug = NULL;
	long parent = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		slug = strdup((const char *)sqlite3_column_text(q, 0));
		parent = sqlite3_column_int64(q, 1);
	}
	store_done(q);
	int rc = PD_OK;
	if (slug) {
		rc = ancestor_slugs(st, parent, 0, out);
		if (rc == PD_OK)
			rc = buf_puts(out, slug);
		free(slug);
		return rc;
	}
	q = store_stmt(st,
		"SELECT t.slug FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id"
		" WHERE t.term_id = ?1 AND tt.taxonomy = 'category'");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, s->default_category);
	if (sqlite3_step(q) == SQLITE_ROW)
		rc = buf_puts(out, (const char *)sqlite3_column_text(q, 0));
	store_done(q);
	return rc;
}

static int author_nicename(struct store *st, long id, struct buf *out)
{
	sqlite3_stmt *q = store_stmt(st, "SELECT user_nicename FROM wp_users WHERE ID = ?1");
	if (!q)
		return PD_EDB;
	sqlite3_bind_int64(q, 1, id);
	int rc = PD_OK;
	if (sqlite3_step(q) == SQLITE_ROW)
		rc = buf_puts(out, (const char *)sqlite3_column_text(q, 0));
	store_done(q);
	return rc;
}

/* get_permalink() of a 'post': the structure with its tags replaced. */
static int single_link(struct store *st, const struct site *s, const struct link_post *p, struct buf *out)
{
	static const char *const draft_like[] = { "draft", "pending", "auto-draft", "future" };
	for (size_t i = 0; i < sizeof draft_like / sizeof draft_like[0]; i++)
		if (strcmp(p->status, draft_like[i]) == 0)
			return buf_printf(out, "%s/?p=%ld", s->home, p->id);
	if (!s->permalink_structure[0])
		return buf_printf(out, "%s/?p=%ld", s->home, p->id);
	struct buf path = BUF_INIT;
	int rc = PD_OK;
	for (const char *c = s->permalink_structure; *c && rc == PD_OK;) {
		const char *end = *c == '%' ? strchr(c + 1, '%') : NULL;
		if (!end) {
			rc = buf_putc(&path, *c++);
			continue;
		}
		size_t n = (size_t)(end - c - 1);
		const char *tag = c + 1;
		const char *d = p->date; /* "YYYY-MM-DD HH:MM:SS" */
#define TAG(name) (n == sizeof name - 1 && strncmp(tag, name, n) == 0)
		if (TAG("year"))
			rc = buf_append(&path, d, 4);
		else if (TAG("monthnum"))
			rc = buf_append(&path, d + 5, 2);
		else if (TAG("day"))
			rc = buf_append(&path, d + 8, 2);
		else if (TAG("hour"))
			rc = buf_append(&path, d + 11, 2);
		else if (TAG("minute"))
			rc = buf_append(&path, d + 14, 2);
		else if (TAG("second"))
			rc = buf_append(&path, d + 17, 2);
		else if (TAG("postname") || TAG("pagename"))
			rc = buf_puts(&path, p->name);
		else if (TAG("post_id"))
			rc = buf_printf(&path, "%ld", p->id);
		else if (TAG("category"))
			rc = category_path(st, s, p->id, &path);
		else if (TAG("author"))
			rc = author_nicename(st, p->author, &path);
		else
			rc = buf_append(&path, c, n + 2); /* unknown tags stay */
#undef TAG
		c = end + 1;
	}
	if (rc == PD_OK)
		rc = home_path(s, buf_str(&path), out);
	buf_free(&path);
	return rc;
}

/* get_page_uri(): the page's slug under its ancestors' slugs. */
static int page_uri(struct store *st, const struct link_post *p, struct buf *out)
{
	char *chain[MAX_DEPTH];
	int n = 0, rc = PD_OK;
	long parent = p->parent;
	while (parent > 0 && parent != p->id && n < MAX_DEPTH) {
		struct link_post a;
		if (load_post(st, parent, &a) != PD_OK)
			break;
		chain[n++] = strdup(a.name);
		parent = a.parent;
	}
	for (int i = n - 1; i >= 0; i--) {
		if (rc == PD_OK && chain[i] && chain[i][0])
			rc = buf_printf(out, "%s/", chain[i]);
		free(chain[i]);
	}
	if (rc == PD_OK)
		rc = buf_puts(out, p->name);
	return rc;
}

/* get_page_link() / _get_page_link(). */
static int page_link(struct store *st, const struct site *s, const struct link_post *p, struct buf *out)
{
	if (strcmp(s->show_on_front, "page") == 0 && s->page_on_front == p->id)
		return buf_printf(out, "%s/", s->home);
	if (!s->permalink_structure[0] || strcmp(p->status, "draft") == 0 ||
	    strcmp(p->status, "pending") == 0 || strcmp(p->status, "auto-draft") == 0)
		return buf_printf(out, "%s/?page_id=%ld", s->home, p->id);
	struct buf uri = BUF_INIT;
	int rc = page_uri(st, p, &uri);
	if (rc == PD_OK)
		rc = home_path(s, buf_str(&uri), out);
	buf_free(&uri);
	return rc;
}

static int link_of(struct store *st, const struct site *s, const struct link_post *p, int depth,
		   struct buf *out);

/* get_attachment_link(): under the parent's link, or at the root. */
static int attachment_link(struct store *st, const struct site *s, const struct link_post *p, int depth,
			   struct buf *out)
{
	struct link_post parent;
	int has_parent = p->parent > 0 && p->parent != p->id && depth < 2 &&
			 load_post(st, p->parent, &parent) == PD_OK;
	if (s->permalink_structure[0] && has_parent) {
		struct buf pl = BUF_INIT;
		int rc = link_of(st, s, &parent, depth + 1, &pl);
		if (rc == PD_OK && !strchr(buf_str(&pl), '?')) {
			/* A numeric slug would read as a page number, and %category%
			 * structures need the marker too. */
			int marker = strspn(p->name, "0123456789") == strlen(p->name) ||
				     strstr(s->permalink_structure, "%category%");
			size_t n = pl.len;
			while (n && pl.data[n - 1] == '/')
				n--;
			struct buf path = BUF_INIT;
			rc = buf_printf(&path, "%.*s/%s%s", (int)n, pl.data, marker ? "attachment/" : "", p->name);
			if (rc == PD_OK)
				rc = permalink_trailingslash(s, buf_str(&path), out);
			buf_free(&path);
			buf_free(&pl);
			return rc;
		}
		buf_free(&pl);
		if (rc != PD_OK)
			return rc;
	} else if (s->permalink_structure[0]) {
		return home_path(s, p->name, out);
	}
	return buf_printf(out, "%s/?attachment_id=%ld", s->home, p->id);
}

static int link_of(struct store *st, const struct site *s, const struct link_post *p, int depth,
		   struct buf *out)
{
	if (strcmp(p->type, "page") == 0)
		return page_link(st, s, p, out);
	if (strcmp(p->type, "attachment") == 0)
		return attachment_link(st, s, p, depth, out);
	return single_link(st, s, p, out);
}

int post_link(struct store *st, const struct site *s, long post_id, struct buf *out)
{
	struct link_post p;
	int rc = load_post(st, post_id, &p);
	if (rc != PD_OK)
		return rc;
	return link_of(st, s, &p, 0, out);
}
