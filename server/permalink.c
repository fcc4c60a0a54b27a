/* permalink.c - the public links of posts, pages, attachments, terms and
 * authors as WordPress 6.9 builds them (wp-includes/link-template.php,
 * taxonomy.php, author-template.php); the only place pressd builds them.
 * Only the built-in post types and category/post_tag/post_format; no custom
 * permastructs, no resolving URLs back to objects. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/permalink.h"
#include "pressd/query.h"
#include "pressd/site.h"
#include "pressd/store.h"

/* is_post_status_viewable(): only public statuses; of the built-in ones, publish. */
static int status_viewable(const char *status)
{
	return status && strcmp(status, "publish") == 0;
}

/* wp_force_plain_post_permalink(). */
static int force_plain(const struct permalink_post *p)
{
	if (p->sample)
		return 0;
	if (status_viewable(p->status))
		return 0;
	if (p->status && strcmp(p->status, "private") == 0 && p->readable_private)
		return 0;
	return 1;
}

static int use_trailing_slashes(const struct site *site)
{
	size_t n = strlen(site->permalink_structure);
	return n && site->permalink_structure[n - 1] == '/';
}

/* user_trailingslashit() on the tail of out, from position start
 * (untrailingslashit() strips '/' and '\\'). */
static int user_trailingslashit(const struct site *site, struct buf *out, size_t start)
{
	while (out->len > start && (out->data[out->len - 1] == '/' || out->data[out->len - 1] == '\\'))
		out->data[--out->len] = '\0';
	if (use_trailing_slashes(site))
		return buf_putc(out, '/');
	return PD_OK;
}

/* home_url( path ): home + '/' + ltrim( path, '/' ). */
static int home_url(const struct site *site, const char *path, struct buf *out)
{
	int rc = buf_puts(out, site->home);
	if (!rc)
		rc = buf_putc(out, '/');
	while (*path == '/')
		path++;
	return rc ? rc : buf_puts(out, path);
}

/* home_url( path ) then user_trailingslashit(): the shape of every pretty link. */
static int home_link(const struct site *site, const char *path, struct buf *out)
{
	size_t start = out->len;
	int rc = home_url(site, path, out);
	return rc ? rc : user_trailingslashit(site, out, start);
}

/* $wp_rewrite->front: the structure up to its first tag ("/" for "/%postname%/"). */
static void rewrite_front(const struct site *site, char *front, size_t size)
{
	const char *ps = site->permalink_structure, *pct = strchr(ps, '%');
	size_t n = pct ? (size_t)(pct - ps) : strlen(ps);
	snprintf(front, size, "%.*s", (int)n, ps);
}

static int is_numeric_str(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* The rewrite tags of get_permalink() replaced in a permalink structure. */
static int expand_structure(const struct site *site, const struct permalink_post *p,
			    const struct permalink_parts *parts, int leavename, struct buf *out)
{
	const char *s = site->permalink_structure;
	char date[6][5] = { "", "", "", "", "", "" };
	char id[24];
	if (p->date && strlen(p->date) >= 19) {
		memcpy(date[0], p->date, 4);
		memcpy(date[1], p->date + 5, 2);
		memcpy(date[2], p->date + 8, 2);
		memcpy(date[3], p->date + 11, 2);
		memcpy(date[4], p->date + 14, 2);
		memcpy(date[5], p->date + 17, 2);
	}
	snprintf(id, sizeof id, "%ld", p->id);
	static const char *tags[] = { "%year%", "%monthnum%", "%day%", "%hour%", "%minute%", "%second%",
				      "%postname%", "%post_id%", "%category%", "%author%", "%pagename%" };
	int rc = PD_OK;
	while (*s && !rc) {
		size_t k, ntags = sizeof tags / sizeof tags[0];
		for (k = 0; k < ntags; k++)
			if (strncmp(s, tags[k], strlen(tags[k])) == 0)
				break;
		if (k == ntags || (leavename && (k == 6 || k == 10))) {
			rc = buf_putc(out, *s++);
			continue;
		}
		const char *v = k < 6 ? date[k] : k == 6 || k == 10 ? p->name : k == 7 ? id
			      : k == 8 ? parts->category : parts->author;
		rc = buf_puts(out, v ? v : "");
		s += strlen(tags[k]);
	}
	return rc;
}

/* _get_page_link(): pages ignore page_on_front here. */
static int page_link(const struct site *site, const struct permalink_post *p,
		     const struct permalink_parts *parts, int leavename, struct buf *out)
{
	if (site->permalink_structure[0] && !force_plain(p))
		return home_link(site, leavename ? "%pagename%" : parts->page_uri ? parts->page_uri : "", out);
	return buf_printf(out, "%s/?page_id=%ld", site->home, p->id);
}

int permalink_build(const struct site *site, const struct permalink_post *p,
		    const struct permalink_parts *parts, int leavename, struct buf *out)
{
	const char *type = p->type ? p->type : "post";
	if (strcmp(type, "page") == 0) {
		/* get_page_link(): the front page links to the home URL. */
		if (strcmp(site->show_on_front, "page") == 0 && site->page_on_front == p->id)
			return home_url(site, "/", out);
		return page_link(site, p, parts, leavename, out);
	}
	if (strcmp(type, "attachment") == 0) {
		/* get_attachment_link(). */
		if (!force_plain(p) && site->permalink_structure[0]) {
			if (parts->parent_link) {
				if (!strchr(parts->parent_link, '?')) {
					size_t start = out->len;
					int rc = buf_puts(out, parts->parent_link);
					while (!rc && out->len > start && out->data[out->len - 1] == '/')
						out->data[--out->len] = '\0';
					if (!rc)
						rc = buf_putc(out, '/');
					if (!rc && !leavename && (is_numeric_str(p->name) ||
								  strstr(site->permalink_structure, "%category%")))
						rc = buf_puts(out, "attachment/");
					if (!rc)
						rc = buf_puts(out, leavename ? "%postname%" : p->name);
					return rc ? rc : user_trailingslashit(site, out, start);
				}
			} else if (!leavename) {
				return home_link(site, p->name, out);
			}
		}
		return buf_printf(out, "%s/?attachment_id=%ld", site->home, p->id);
	}
	if (site->permalink_structure[0] && !force_plain(p)) {
		struct buf path = BUF_INIT;
		int rc = expand_structure(site, p, parts, leavename, &path);
		if (!rc)
			rc = home_link(site, buf_str(&path), out);
		buf_free(&path);
		return rc;
	}
	return buf_printf(out, "%s/?p=%ld", site->home, p->id);
}

/* Category paths already read by this thread's read-only requests: one
 * entry per slot, valid for one store and generation (store_read_generation()). */
#define PATH_MEMO_SLOTS 256
static __thread struct path_memo {
	const struct store *st;
	long long generation;
	long term_id;
	char taxonomy[32];
	int rc;                    /* what the query returned */
	char path[480];            /* its path (complete: longer ones are not kept) */
} path_memo[PATH_MEMO_SLOTS];

static int term_path_query(struct store *st, long term_id, const char *taxonomy, struct buf *out, int *done);

int permalink_term_path(struct store *st, long term_id, const char *taxonomy, struct buf *out)
{
	long long gen = store_read_generation(st);
	struct path_memo *m = &path_memo[(unsigned long)term_id % PATH_MEMO_SLOTS];
	if (gen < 0 || strlen(taxonomy) >= sizeof m->taxonomy)
		return term_path_query(st, term_id, taxonomy, out, NULL);
	if (m->st == st && m->generation == gen && m->term_id == term_id && !strcmp(m->taxonomy, taxonomy))
		return m->rc ? m->rc : buf_puts(out, m->path);
	size_t start = out->len;
	int done = 0;
	int rc = term_path_query(st, term_id, taxonomy, out, &done);
	if (done && (rc == PD_OK || rc == PD_ENOTFOUND) && out->len - start < sizeof m->path) {
		m->st = st;
		m->generation = gen;
		m->term_id = term_id;
		snprintf(m->taxonomy, sizeof m->taxonomy, "%s", taxonomy);
		m->rc = rc;
		memcpy(m->path, out->data ? out->data + start : "", out->len - start);
		m->path[out->len - start] = '\0';
	}
	return rc;
}

/* done: set to 1 when the query ran to its end. */
static int term_path_query(struct store *st, long term_id, const char *taxonomy, struct buf *out, int *done)
{
	/* get_category_parents(): ancestors first; a loop in the parents stops at 64. */
	sqlite3_stmt *s = store_stmt(st,
		"WITH RECURSIVE chain(term_id, parent, slug, depth) AS ("
		" SELECT t.term_id, tt.parent, t.slug, 0 FROM wp_terms t"
		"  JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id AND tt.taxonomy = ?2"
		"  WHERE t.term_id = ?1"
		" UNION ALL SELECT t.term_id, tt.parent, t.slug, c.depth + 1 FROM chain c"
		"  JOIN wp_term_taxonomy tt ON tt.term_id = c.parent AND tt.taxonomy = ?2"
		"  JOIN wp_terms t ON t.term_id = tt.term_id"
		"  WHERE c.parent <> 0 AND c.depth < 64)"
		" SELECT slug FROM chain ORDER BY depth DESC");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, term_id);
	sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
	int rc = PD_OK, n = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n++)
			rc = buf_putc(out, '/');
		if (!rc)
			rc = buf_puts(out, (const char *)sqlite3_column_text(s, 0));
	}
	if (done)
		*done = !rc && step == SQLITE_DONE;
	store_done(s);
	if (!rc && !n)
		rc = PD_ENOTFOUND;
	return rc;
}

/* The own slug of a term ("child" of "parent/child"), in place. */
static void last_segment(struct buf *b)
{
	const char *last = strrchr(buf_str(b), '/');
	if (last) {
		size_t n = strlen(last + 1);
		memmove(b->data, last + 1, n + 1);
		b->len = n;
	}
}

int permalink_term_link(struct store *st, const struct site *site, long term_id, const char *taxonomy,
			const char *slug, long parent, struct buf *out)
{
	int is_cat = strcmp(taxonomy, "category") == 0, is_tag = strcmp(taxonomy, "post_tag") == 0;
	int is_format = strcmp(taxonomy, "post_format") == 0;
	/* post_format_link filter: the URL names the format without its prefix. */
	const char *shown = is_format && strncmp(slug, "post-format-", 12) == 0 ? slug + 12 : slug;
	if (!site->permalink_structure[0]) {
		if (is_cat)
			return buf_printf(out, "%s/?cat=%ld", site->home, term_id);
		return buf_printf(out, "%s/?%s=%s", site->home, is_tag ? "tag" : taxonomy, shown);
	}
	/* register_taxonomy() rewrite: base + "/%tax%", after the front unless a base option is set. */
	const char *base = is_cat ? site->category_base : is_tag ? site->tag_base : "";
	struct buf path = BUF_INIT;
	int rc;
	if (base[0]) {
		while (*base == '/')
			base++;
		rc = buf_puts(&path, base);
		while (path.len && path.data[path.len - 1] == '/')
			path.data[--path.len] = '\0';
		if (rc == PD_OK)
			rc = buf_putc(&path, '/');
	} else {
		char front[256];
		rewrite_front(site, front, sizeof front);
		rc = buf_printf(&path, "%s%s/", front, is_cat ? "category" : is_format ? "type" : is_tag ? "tag" : taxonomy);
	}
	/* Hierarchical (category): the ancestors' slugs first (get_ancestors()). */
	if (rc == PD_OK && is_cat && parent > 0 && permalink_term_path(st, parent, taxonomy, &path) == PD_OK)
		rc = buf_putc(&path, '/');
	if (rc == PD_OK)
		rc = buf_puts(&path, shown);
	if (rc == PD_OK)
		rc = home_link(site, buf_str(&path), out);
	buf_free(&path);
	return rc;
}

int permalink_term(struct store *st, const struct site *site, long term_id, const char *taxonomy,
		   struct buf *out)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT tt.parent FROM wp_term_taxonomy tt WHERE tt.term_id = ? AND tt.taxonomy = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, term_id);
	sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
	long parent = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	store_done(s);
	struct buf slug = BUF_INIT;
	int rc = permalink_term_path(st, term_id, taxonomy, &slug);
	if (!rc) {
		last_segment(&slug);
		rc = permalink_term_link(st, site, term_id, taxonomy, buf_str(&slug), parent, out);
	}
	buf_free(&slug);
	return rc;
}

int permalink_author(const struct site *site, long user_id, const char *nicename, struct buf *out)
{
	if (!site->permalink_structure[0])
		return buf_printf(out, "%s/?author=%ld", site->home, user_id);
	char front[256];
	rewrite_front(site, front, sizeof front);
	struct buf path = BUF_INIT;
	int rc = buf_printf(&path, "%sauthor/%s", front, nicename);
	if (rc == PD_OK)
		rc = home_link(site, buf_str(&path), out);
	buf_free(&path);
	return rc;
}

/* get_page_uri() without the page's own name: the names of parent and its
 * ancestors, root first, joined by '/'. Ancestors without a name are
 * skipped; the walk stops at self (a loop), as get_post_ancestors() does. */
static int ancestors_path(struct store *st, long parent, long self, struct buf *out)
{
	if (parent <= 0 || parent == self)
		return PD_OK;
	sqlite3_stmt *s = store_stmt(st,
		"WITH RECURSIVE chain(id, parent, name, depth) AS ("
		" SELECT ID, post_parent, post_name, 0 FROM wp_posts WHERE ID = ?1"
		" UNION ALL SELECT p.ID, p.post_parent, p.post_name, c.depth + 1 FROM chain c"
		"  JOIN wp_posts p ON p.ID = c.parent WHERE c.parent <> 0 AND c.parent <> ?2 AND c.depth < 64)"
		" SELECT name FROM chain ORDER BY depth DESC");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_int64(s, 2, self);
	int rc = PD_OK, n = 0;
	while (!rc && sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		if (!name || !*name)
			continue;
		if (n++)
			rc = buf_putc(out, '/');
		if (!rc)
			rc = buf_puts(out, name);
	}
	store_done(s);
	return rc;
}

/* The lowest-ID category of a post (get_permalink() sorts get_the_category() by term_id). */
static long lowest_category(struct store *st, long id)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT MIN(tt.term_id) FROM wp_term_relationships tr"
		" JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id"
		" WHERE tr.object_id = ? AND tt.taxonomy = 'category'");
	long v = 0;
	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return v;
}

struct post_cols {
	char type[32], status[32], date[32], name[256];
	long parent, author;
};

static int load_cols(struct store *st, long id, struct post_cols *c)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT post_type, post_status, post_date, post_name, post_parent, post_author"
		" FROM wp_posts WHERE ID = ?");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	int rc = PD_ENOTFOUND;
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(c->type, sizeof c->type, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(c->status, sizeof c->status, "%s", (const char *)sqlite3_column_text(s, 1));
		snprintf(c->date, sizeof c->date, "%s", (const char *)sqlite3_column_text(s, 2));
		snprintf(c->name, sizeof c->name, "%s", (const char *)sqlite3_column_text(s, 3));
		c->parent = (long)sqlite3_column_int64(s, 4);
		c->author = (long)sqlite3_column_int64(s, 5);
		rc = PD_OK;
	}
	store_done(s);
	return rc;
}

/* get_post_status(): attachments with "inherit" take their parent's status. */
static void effective_status(struct store *st, long id, struct post_cols *c)
{
	if (strcmp(c->type, "attachment") != 0 || strcmp(c->status, "inherit") != 0)
		return;
	struct post_cols parent;
	if (!c->parent || c->parent == id || load_cols(st, c->parent, &parent) != PD_OK) {
		strcpy(c->status, "publish");
		return;
	}
	if (strcmp(parent.status, "trash") == 0) {
		char *v = store_meta_get(st, "post", c->parent, "_wp_trash_meta_status");
		snprintf(c->status, sizeof c->status, "%s", v && *v ? v : "publish");
		free(v);
		return;
	}
	effective_status(st, c->parent, &parent);
	snprintf(c->status, sizeof c->status, "%s", parent.status);
}

static int post_id_link(struct store *st, const struct site *site, const struct user *user, long id,
			int leavename, int ignore_front, struct buf *out, int depth);

/* get_permalink() of a row: what it looks up, then permalink_build(). Pages
 * as an attachment's parent (ignore_front) use _get_page_link(). */
/* category: the post's lowest category id when the caller knows it, -1: read it. */
static int post_row_link(struct store *st, const struct site *site, const struct user *user,
			 const struct permalink_post *row, long category, int leavename, int ignore_front,
			 struct buf *out, int depth)
{
	struct permalink_post p = *row;
	p.readable_private = p.status && strcmp(p.status, "private") == 0 &&
			     caps_user_can(st, user, "read_post", p.id);
	struct permalink_parts parts = { NULL, NULL, NULL, NULL };
	struct buf a = BUF_INIT;
	const char *ps = site->permalink_structure, *type = p.type ? p.type : "post";
	int rc = PD_OK;
	if (strcmp(type, "page") == 0) {
		rc = ancestors_path(st, p.parent, p.id, &a);
		if (!rc && a.len)
			rc = buf_putc(&a, '/');
		if (!rc)
			rc = buf_puts(&a, p.name ? p.name : "");
		parts.page_uri = buf_str(&a);
		if (!rc)
			rc = ignore_front ? page_link(site, &p, &parts, leavename, out)
					  : permalink_build(site, &p, &parts, leavename, out);
		goto out;
	}
	if (strcmp(type, "attachment") == 0) {
		struct post_cols parent;
		if (p.parent && p.parent != p.id && depth < 4 && load_cols(st, p.parent, &parent) == PD_OK &&
		    (strcmp(parent.type, "post") == 0 || strcmp(parent.type, "page") == 0 ||
		     strcmp(parent.type, "attachment") == 0)) {
			rc = post_id_link(st, site, user, p.parent, 0, 1, &a, depth + 1);
			parts.parent_link = buf_str(&a);
		} else if (p.parent) {
			/* An invalid parent: plain link. */
			rc = buf_printf(out, "%s/?attachment_id=%ld", site->home, p.id);
			goto out;
		}
		if (!rc)
			rc = permalink_build(site, &p, &parts, leavename, out);
		goto out;
	}
	struct buf b = BUF_INIT;
	if (strstr(ps, "%category%")) {
		long cat = category >= 0 ? category : lowest_category(st, p.id);
		if (!cat || permalink_term_path(st, cat, "category", &a) != PD_OK) {
			/* The default category's own slug only (get_term()->slug). */
			buf_reset(&a);
			if (permalink_term_path(st, site->default_category, "category", &a) != PD_OK)
				buf_reset(&a);
			last_segment(&a);
		}
		parts.category = buf_str(&a);
	}
	if (strstr(ps, "%author%")) {
		sqlite3_stmt *s = store_stmt(st, "SELECT user_nicename FROM wp_users WHERE ID = ?");
		if (s) {
			sqlite3_bind_int64(s, 1, p.author);
			if (sqlite3_step(s) == SQLITE_ROW)
				buf_puts(&b, (const char *)sqlite3_column_text(s, 0));
			store_done(s);
		}
		parts.author = buf_str(&b);
	}
	rc = permalink_build(site, &p, &parts, leavename, out);
	buf_free(&b);
out:
	buf_free(&a);
	return rc;
}

static int post_id_link(struct store *st, const struct site *site, const struct user *user, long id,
			int leavename, int ignore_front, struct buf *out, int depth)
{
	struct post_cols c;
	int rc = load_cols(st, id, &c);
	if (rc)
		return rc;
	effective_status(st, id, &c);
	struct permalink_post p = { id, c.type, c.status, c.name, c.date, 0, 0, c.author, c.parent };
	return post_row_link(st, site, user, &p, -1, leavename, ignore_front, out, depth);
}

int permalink_post(struct store *st, const struct site *site, const struct user *user, long id,
		   int leavename, struct buf *out)
{
	return post_id_link(st, site, user, id, leavename, 0, out, 0);
}

int permalink_post_row(struct store *st, const struct site *site, const struct user *user,
		       const struct permalink_post *row, int leavename, struct buf *out)
{
	return post_row_link(st, site, user, row, -1, leavename, 0, out, 0);
}

int permalink_post_row_category(struct store *st, const struct site *site, const struct user *user,
				const struct permalink_post *row, long category, int leavename, struct buf *out)
{
	return post_row_link(st, site, user, row, category, leavename, 0, out, 0);
}

int permalink_sample(struct store *st, const struct site *site, const struct user *user,
		     const struct permalink_post *row, struct buf *out)
{
	struct permalink_post p = *row;
	if (p.status && (!strcmp(p.status, "draft") || !strcmp(p.status, "pending") || !strcmp(p.status, "future")))
		p.status = "publish";
	size_t start = out->len;
	int rc = post_row_link(st, site, user, &p, -1, 1, 0, out, 0);
	if (rc || !p.type || strcmp(p.type, "page") != 0)
		return rc;
	/* Hierarchy: "%pagename%" becomes "<parents' path>/%pagename%". */
	struct buf uri = BUF_INIT, tail = BUF_INIT;
	rc = ancestors_path(st, p.parent, p.id, &uri);
	const char *tag = strstr(out->data + start, "%pagename%");
	if (!rc && uri.len && tag) {
		uri.len = url_decode(uri.data, uri.len, 1);
		uri.data[uri.len] = '\0';
		rc = buf_puts(&tail, tag);
		out->len = (size_t)(tag - out->data);
		out->data[out->len] = '\0';
		if (!rc)
			rc = buf_printf(out, "%s/%s", buf_str(&uri), buf_str(&tail));
	}
	buf_free(&uri);
	buf_free(&tail);
	return rc;
}
