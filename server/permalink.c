/* permalink.c - get_permalink() and get_term_link() as WordPress 6.9 builds
 * them (wp-includes/link-template.php). Only the built-in post types and the
 * category/post_tag taxonomies; no custom permastructs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/caps.h"
#include "pressd/err.h"
#include "pressd/permalink.h"
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

/* user_trailingslashit() on the tail of out, from position start. */
static int user_trailingslashit(const struct site *site, struct buf *out, size_t start)
{
	while (out->len > start && out->data[out->len - 1] == '/')
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
	if (site->permalink_structure[0] && !force_plain(p)) {
		size_t start = out->len;
		int rc = home_url(site, leavename ? "%pagename%" : parts->page_uri ? parts->page_uri : "", out);
		return rc ? rc : user_trailingslashit(site, out, start);
	}
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
				size_t start = out->len;
				int rc = home_url(site, p->name, out);
				return rc ? rc : user_trailingslashit(site, out, start);
			}
		}
		return buf_printf(out, "%s/?attachment_id=%ld", site->home, p->id);
	}
	if (site->permalink_structure[0] && !force_plain(p)) {
		size_t start = out->len;
		struct buf path = BUF_INIT;
		int rc = expand_structure(site, p, parts, leavename, &path);
		if (!rc)
			rc = home_url(site, buf_str(&path), out);
		buf_free(&path);
		return rc ? rc : user_trailingslashit(site, out, start);
	}
	return buf_printf(out, "%s/?p=%ld", site->home, p->id);
}

int permalink_term_path(struct store *st, long term_id, const char *taxonomy, struct buf *out)
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
	store_done(s);
	if (!rc && !n)
		rc = PD_ENOTFOUND;
	return rc;
}

int permalink_term(struct store *st, const struct site *site, long term_id, const char *taxonomy,
		   struct buf *out)
{
	int cat = strcmp(taxonomy, "category") == 0;
	if (!site->permalink_structure[0]) {
		if (cat)
			return buf_printf(out, "%s/?cat=%ld", site->home, term_id);
		struct buf slug = BUF_INIT;
		int rc = permalink_term_path(st, term_id, taxonomy, &slug);
		if (!rc) {
			const char *last = strrchr(buf_str(&slug), '/');
			rc = buf_printf(out, "%s/?tag=%s", site->home, last ? last + 1 : buf_str(&slug));
		}
		buf_free(&slug);
		return rc;
	}
	const char *base = cat ? (site->category_base[0] ? site->category_base : "category")
			       : (site->tag_base[0] ? site->tag_base : "tag");
	struct buf path = BUF_INIT;
	int rc = permalink_term_path(st, term_id, taxonomy, &path);
	if (!rc && !cat) {
		/* Non-hierarchical: only the term's own slug. */
		const char *last = strrchr(buf_str(&path), '/');
		if (last) {
			char *own = strdup(last + 1);
			buf_reset(&path);
			rc = own ? buf_puts(&path, own) : PD_ENOMEM;
			free(own);
		}
	}
	if (!rc) {
		size_t start = out->len;
		while (*base == '/')
			base++;
		rc = buf_printf(out, "%s/%s/%s", site->home, base, buf_str(&path));
		if (!rc)
			rc = user_trailingslashit(site, out, start);
	}
	buf_free(&path);
	return rc;
}

/* The page's ancestors' names and its own, "top/child/page" (get_page_uri()). */
static int page_uri(struct store *st, long id, struct buf *out)
{
	sqlite3_stmt *s = store_stmt(st,
		"WITH RECURSIVE chain(id, parent, name, depth) AS ("
		" SELECT ID, post_parent, post_name, 0 FROM wp_posts WHERE ID = ?1"
		" UNION ALL SELECT p.ID, p.post_parent, p.post_name, c.depth + 1 FROM chain c"
		"  JOIN wp_posts p ON p.ID = c.parent WHERE c.parent <> 0 AND c.parent <> ?1 AND c.depth < 64)"
		" SELECT name, depth FROM chain ORDER BY depth DESC");
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	int rc = PD_OK, n = 0;
	while (!rc && sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		int depth = sqlite3_column_int(s, 1);
		if (depth > 0 && (!name || !*name))
			continue; /* get_page_uri() skips ancestors without a name */
		if (n++)
			rc = buf_putc(out, '/');
		if (!rc)
			rc = buf_puts(out, name ? name : "");
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

static int permalink_post_depth(struct store *st, const struct site *site, const struct user *user,
				long id, int leavename, int ignore_front, struct buf *out, int depth)
{
	struct post_cols c;
	int rc = load_cols(st, id, &c);
	if (rc)
		return rc;
	effective_status(st, id, &c);
	struct permalink_post p = { id, c.type, c.status, c.name, c.date, 0, 0 };
	p.readable_private = strcmp(c.status, "private") == 0 && caps_user_can(st, user, "read_post", id);
	struct permalink_parts parts = { NULL, NULL, NULL, NULL };
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *ps = site->permalink_structure;
	if (strcmp(c.type, "page") == 0) {
		rc = page_uri(st, id, &a);
		parts.page_uri = buf_str(&a);
		if (!rc && ignore_front)
			rc = page_link(site, &p, &parts, leavename, out);
		else if (!rc)
			rc = permalink_build(site, &p, &parts, leavename, out);
		goto out;
	}
	if (strcmp(c.type, "attachment") == 0) {
		struct post_cols parent;
		if (c.parent && c.parent != id && depth < 4 && load_cols(st, c.parent, &parent) == PD_OK &&
		    (strcmp(parent.type, "post") == 0 || strcmp(parent.type, "page") == 0 ||
		     strcmp(parent.type, "attachment") == 0)) {
			rc = permalink_post_depth(st, site, user, c.parent, 0, 1, &a, depth + 1);
			parts.parent_link = buf_str(&a);
		} else if (c.parent) {
			/* An invalid parent: plain link. */
			rc = buf_printf(out, "%s/?attachment_id=%ld", site->home, id);
			goto out;
		}
		if (!rc)
			rc = permalink_build(site, &p, &parts, leavename, out);
		goto out;
	}
	if (strstr(ps, "%category%")) {
		long cat = lowest_category(st, id);
		if (!cat || permalink_term_path(st, cat, "category", &a) != PD_OK) {
			buf_reset(&a);
			if (permalink_term_path(st, site->default_category, "category", &a) != PD_OK)
				buf_reset(&a);
			/* The default category's own slug only (get_term()->slug). */
			const char *last = strrchr(buf_str(&a), '/');
			if (last) {
				char *own = strdup(last + 1);
				buf_reset(&a);
				if (own)
					buf_puts(&a, own);
				free(own);
			}
		}
		parts.category = buf_str(&a);
	}
	if (strstr(ps, "%author%")) {
		sqlite3_stmt *s = store_stmt(st, "SELECT user_nicename FROM wp_users WHERE ID = ?");
		if (s) {
			sqlite3_bind_int64(s, 1, c.author);
			if (sqlite3_step(s) == SQLITE_ROW)
				buf_puts(&b, (const char *)sqlite3_column_text(s, 0));
			store_done(s);
		}
		parts.author = buf_str(&b);
	}
	rc = permalink_build(site, &p, &parts, leavename, out);
out:
	buf_free(&a);
	buf_free(&b);
	return rc;
}

int permalink_post(struct store *st, const struct site *site, const struct user *user, long id,
		   int leavename, struct buf *out)
{
	return permalink_post_depth(st, site, user, id, leavename, 0, out, 0);
}
