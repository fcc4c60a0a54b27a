/* import.c - a parsed WXR file into WordPress's tables, with the rules of the
 * comparison site (reference-wp/SITE.md §4), mirroring reference-wp/import-wxr.php
 * and the WordPress functions it calls (wp_insert_post(), wp_insert_term(),
 * wp_unique_post_slug(), ...). No files are downloaded; nothing is rendered. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "pressd/assets.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/import.h"
#include "pressd/wpdate.h"
#include "pressd/php.h"
#include "pressd/phpser.h"
#include "pressd/sanitize.h"
#include "pressd/site_admin.h"
#include "pressd/store.h"
#include "pressd/wxr.h"

#define ZERO_DATE "0000-00-00 00:00:00"

struct login_id {
	char *login;               /* sanitize_user(login, true), owned */
	long id;                   /* local user ID */
};

struct id_pair {
	long from;                 /* ID in the file */
	long to;                   /* local ID */
};

struct importer {
	struct store *st;
	const struct wxr *w;
	const struct import_options *opt;
	struct import_stats *stats;
	long admin_id;             /* the user "admin", else 1: author of unknown creators */
	struct login_id *logins;   /* authors of this file by sanitized login */
	size_t nlogins, cap_logins;
	struct id_pair *author_ids;    /* wp:author_id -> local user */
	size_t nauthor_ids, cap_author_ids;
	long *imported;            /* posts created from this file */
	size_t nimported, cap_imported;
	long *commented;           /* posts that got comments */
	size_t ncommented, cap_commented;
	size_t done;               /* items handled, for the progress line */
	time_t last_progress;
	char *err;                 /* malloc'd message of the error that stops the import */
};

static int grow(void *arr, size_t *cap, size_t n, size_t sz)
{
	void **a = arr;
	if (n < *cap)
		return PD_OK;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = realloc(*a, ncap * sz);
	if (!p)
		return PD_ENOMEM;
	*a = p;
	*cap = ncap;
	return PD_OK;
}

static int db_fail(struct importer *im, const char *what)
{
	if (!im->err && asprintf(&im->err, "%s: %s", what, store_errmsg(im->st)) < 0)
		im->err = NULL;
	return PD_EDB;
}

static int push_id(long **arr, size_t *n, size_t *cap, long id)
{
	if (grow(arr, cap, *n, sizeof **arr))
		return PD_ENOMEM;
	(*arr)[(*n)++] = id;
	return PD_OK;
}

/* The first column of the first row of sql, bound to up to two texts (NULL: none)
 * and then one integer when the statement has a third parameter; 0 when no row. */
static long query_long(struct store *st, const char *sql, const char *t1, const char *t2, long n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	long v = 0;
	int i = 1;
	if (!s)
		return 0;
	if (t1)
		sqlite3_bind_text(s, i++, t1, -1, SQLITE_STATIC);
	if (t2)
		sqlite3_bind_text(s, i++, t2, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(s) >= i)
		sqlite3_bind_int64(s, i, n);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	store_done(s);
	return v;
}

/* ------------------------------------------------------------------ values */

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\v'; }

/* Mirrors is_serialized($data, $strict) on a trim()med copy. */
static int is_serialized(const char *d, size_t n, int strict)
{
	while (n && is_ws(*d))
		d++, n--;
	while (n && is_ws(d[n - 1]))
		n--;
	if (n == 2 && d[0] == 'N' && d[1] == ';')
		return 1;
	if (n < 4 || d[1] != ':')
		return 0;
	if (strict) {
		if (d[n - 1] != ';' && d[n - 1] != '}')
			return 0;
	} else {
		const char *semi = memchr(d, ';', n), *brace = memchr(d, '}', n);
		if (!semi && !brace)
			return 0;
		if (semi && semi - d < 3)
			return 0;
		if (brace && brace - d < 4)
			return 0;
	}
	char t = d[0];
	size_t i = 2;
	switch (t) {
	case 's':
		if (strict ? d[n - 2] != '"' : !memchr(d, '"', n))
			return 0;
		/* fall through */
	case 'a':
	case 'O':
	case 'E':
		while (i < n && isdigit((unsigned char)d[i]))
			i++;
		return i > 2 && i < n && d[i] == ':';
	case 'b':
	case 'i':
	case 'd':
		while (i < n && (isdigit((unsigned char)d[i]) || strchr(".E+-", d[i])))
			i++;
		return i > 2 && i < n && d[i] == ';' && (!strict || i == n - 1);
	}
	return 0;
}

/* What add_metadata(maybe_unserialize($v)) stores for the file's value v: v itself
 * unless it is serialized; then unserialize() and maybe_serialize() again (arrays
 * and objects round-trip byte for byte; a serialized scalar is stored as its PHP
 * string value; unserializable data as false, ""). *out is v or a string owned by
 * tmp; *is_null for a serialized null (stored as SQL NULL). */
static int meta_db_value(const char *v, struct buf *tmp, const char **out, int *is_null)
{
	size_t n = strlen(v);
	*is_null = 0;
	*out = v;
	if (!is_serialized(v, n, 1))
		return PD_OK;
	const char *d = v;
	while (n && is_ws(*d))
		d++, n--;
	while (n && is_ws(d[n - 1]))
		n--;
	json_t *j = NULL;
	int rc = phpser_unserialize(d, n, &j);
	buf_reset(tmp);
	if (rc == PD_ENOMEM)
		return rc;
	if (rc != PD_OK) {
		*out = "";
		return PD_OK;
	}
	rc = PD_OK;
	switch (json_typeof(j)) {
	case JSON_OBJECT:
	case JSON_ARRAY:
		rc = phpser_serialize(j, tmp);
		break;
	case JSON_STRING: {
		const char *s = json_string_value(j);
		size_t sl = json_string_length(j);
		if (is_serialized(s, sl, 0))
			rc = phpser_serialize(j, tmp);
		else
			rc = buf_append(tmp, s, sl);
		break;
	}
	case JSON_INTEGER:
		rc = buf_printf(tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
		break;
	case JSON_REAL: {
		/* (string) of a PHP float, as wpdb formats it with %s */
		char f[64];
		php_float_str(json_real_value(j), f, sizeof f);
		rc = buf_puts(tmp, f);
		break;
	}
	case JSON_TRUE:
		rc = buf_puts(tmp, "1");
		break;
	case JSON_FALSE:
		rc = buf_puts(tmp, "");
		break;
	case JSON_NULL:
		*is_null = 1;
		break;
	}
	json_decref(j);
	*out = buf_str(tmp);
	return rc;
}

static int add_meta(struct importer *im, const char *kind, long id, const char *key, const char *value)
{
	struct buf tmp = BUF_INIT;
	const char *v;
	int is_null, rc = meta_db_value(value, &tmp, &v, &is_null);
	if (rc == PD_OK) {
		static const char *const sql[][2] = {
			{ "post", "INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (?, ?, ?)" },
			{ "term", "INSERT INTO wp_termmeta (term_id, meta_key, meta_value) VALUES (?, ?, ?)" },
			{ "comment", "INSERT INTO wp_commentmeta (comment_id, meta_key, meta_value) VALUES (?, ?, ?)" },
		};
		sqlite3_stmt *s = NULL;
		for (size_t i = 0; i < 3; i++)
			if (strcmp(sql[i][0], kind) == 0)
				s = store_stmt(im->st, sql[i][1]);
		if (!s) {
			rc = db_fail(im, "meta");
		} else {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
			if (is_null)
				sqlite3_bind_null(s, 3);
			else
				sqlite3_bind_text(s, 3, v, -1, SQLITE_STATIC);
			rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : db_fail(im, "meta");
			store_done(s);
		}
	}
	buf_free(&tmp);
	return rc;
}

/* ------------------------------------------------------------------ dates */

/* Mirrors get_gmt_from_date(), in the site's zone (import_wxr() sets it). */
static void gmt_from_date(const char *local, char out[WPDATE_LEN])
{
	if (wpdate_local_to_gmt(local, out) != PD_OK)
		snprintf(out, WPDATE_LEN, "%s", ZERO_DATE);
}

/* Seconds from now to a UTC "Y-m-d H:i:s" (strtotime($gmt) - time()). */
static long seconds_until(const char *gmt)
{
	time_t t;
	return wpdate_parse_mysql_gmt(gmt, &t) == PD_OK ? (long)(t - time(NULL)) : 0;
}

/* ------------------------------------------------------------------ authors */

static long login_lookup(struct importer *im, const char *login)
{
	for (size_t i = 0; i < im->nlogins; i++)
		if (strcmp(im->logins[i].login, login) == 0)
			return im->logins[i].id;
	return 0;
}

/* author() of import-wxr.php: the local user of a WXR author, created when missing. */
static int author(struct importer *im, const struct wxr_author *a)
{
	char *login = sanitize_user(a->login, 1), *email = NULL;
	int rc = PD_OK;
	long uid;
	if (!login)
		return PD_ENOMEM;
	if (!*login)
		goto out;
	if (!(uid = login_lookup(im, login)) && !(uid = site_user_by_login(im->st, login))) {
		/* trim() the e-mail; one another user has gets the login in its local part */
		const char *e = a->email;
		size_t n = strlen(e);
		while (n && is_ws(*e))
			e++, n--;
		while (n && is_ws(e[n - 1]))
			n--;
		if (asprintf(&email, "%.*s", (int)n, e) < 0) {
			email = NULL;
			rc = PD_ENOMEM;
			goto out;
		}
		if (*email && site_user_by_email(im->st, email)) {
			char *at = strrchr(email, '@'), *nw;
			int ok = at ? asprintf(&nw, "%.*s+%s%s", (int)(at - email), email, login, at)
				    : asprintf(&nw, "%s+%s", email, login);
			if (ok < 0) {
				rc = PD_ENOMEM;
				goto out;
			}
			free(email);
			email = nw;
		}
		rc = site_user_add(im->st, login, "author", 0, email, a->display_name, a->first_name,
				   a->last_name, &uid);
		if (rc == PD_EINVAL) {
			fprintf(stderr, "pressd: cannot create user %s: their items go to admin\n", login);
			uid = im->admin_id;
			rc = PD_OK;
		} else if (rc != PD_OK) {
			db_fail(im, "user");
			goto out;
		} else {
			im->stats->authors_created++;
		}
	}
	if (!login_lookup(im, login)) {
		if (grow(&im->logins, &im->cap_logins, im->nlogins, sizeof *im->logins)) {
			rc = PD_ENOMEM;
			goto out;
		}
		im->logins[im->nlogins].login = login;
		im->logins[im->nlogins++].id = uid;
		login = NULL;
	}
	if (a->id) {
		if (grow(&im->author_ids, &im->cap_author_ids, im->nauthor_ids, sizeof *im->author_ids)) {
			rc = PD_ENOMEM;
			goto out;
		}
		im->author_ids[im->nauthor_ids].from = a->id;
		im->author_ids[im->nauthor_ids++].to = uid;
	}
out:
	free(login);
	free(email);
	return rc;
}

/* Declared authors, then the items' dc:creator that were not declared. */
static int authors(struct importer *im)
{
	int rc;
	for (size_t i = 0; i < im->w->nauthors; i++)
		if ((rc = author(im, &im->w->authors[i])) != PD_OK)
			return rc;
	for (size_t i = 0; i < im->w->nitems; i++) {
		char *login = sanitize_user(im->w->items[i].creator, 1);
		if (!login)
			return PD_ENOMEM;
		if (*login && !login_lookup(im, login)) {
			struct wxr_author a = { 0, login, "", login, "", "" };
			rc = author(im, &a);
		} else {
			rc = PD_OK;
		}
		free(login);
		if (rc != PD_OK)
			return rc;
	}
	return PD_OK;
}

static long author_of(struct importer *im, const char *creator)
{
	char *login = sanitize_user(creator, 1);
	long id = login ? login_lookup(im, login) : 0;
	free(login);
	return id ? id : im->admin_id;
}

static long comment_user(struct importer *im, long file_user_id)
{
	for (size_t i = 0; i < im->nauthor_ids; i++)
		if (im->author_ids[i].from == file_user_id)
			return im->author_ids[i].to;
	return 0;
}

/* ------------------------------------------------------------------ terms */

/* The taxonomies WordPress 6.9 registers, and the post types whose published
 * objects its term counts count (wp_update_term_count_now()). */
static const struct taxonomy {
	const char *name;
	int hierarchical;
	const char *count_sql;     /* recounts every term of the taxonomy */
} taxonomies[] = {
	{ "category", 1, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('post')) WHERE taxonomy = 'category'" },
	{ "post_tag", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('post')) WHERE taxonomy = 'post_tag'" },
	{ "post_format", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('post')) WHERE taxonomy = 'post_format'" },
	{ "nav_menu", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('nav_menu_item')) WHERE taxonomy = 'nav_menu'" },
	/* object type "link" is no post type: _update_generic_term_count() */
	{ "link_category", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id) WHERE taxonomy = 'link_category'" },
	{ "wp_theme", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('wp_template', 'wp_template_part', 'wp_global_styles')) "
	  "WHERE taxonomy = 'wp_theme'" },
	{ "wp_template_part_area", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('wp_template_part')) WHERE taxonomy = 'wp_template_part_area'" },
	{ "wp_pattern_category", 0, "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships r "
	  "JOIN wp_posts p ON p.ID = r.object_id WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id "
	  "AND p.post_status = 'publish' AND p.post_type IN ('wp_block')) WHERE taxonomy = 'wp_pattern_category'" },
};

static const struct taxonomy *taxonomy_get(const char *name)
{
	for (size_t i = 0; i < sizeof taxonomies / sizeof taxonomies[0]; i++)
		if (strcmp(taxonomies[i].name, name) == 0)
			return &taxonomies[i];
	return NULL;
}

/* Mirrors term_exists($term, $taxonomy): the lowest term_id whose slug is
 * sanitize_title($term), else whose name is $term (case-insensitive, as MySQL
 * compares); 0 when none. */
static long term_exists(struct importer *im, const char *term, const char *taxonomy)
{
	const char *t = term;
	size_t n = strlen(t);
	while (n && is_ws(*t))
		t++, n--;
	while (n && is_ws(t[n - 1]))
		n--;
	if (!n)
		return 0;
	char *trimmed = strndup(t, n), *slug = trimmed ? sanitize_title(trimmed) : NULL;
	long id = 0;
	if (slug)
		id = query_long(im->st, "SELECT t.term_id FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id "
				"WHERE t.slug = ? AND tt.taxonomy = ? ORDER BY t.term_id LIMIT 1", slug, taxonomy, 0);
	if (slug && !id)
		id = query_long(im->st, "SELECT t.term_id FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id "
				"WHERE t.name = ? COLLATE NOCASE AND tt.taxonomy = ? ORDER BY t.term_id LIMIT 1",
				trimmed, taxonomy, 0);
	free(trimmed);
	free(slug);
	return id < 0 ? 0 : id;
}

/* A term name as the pre_term_name filters store it (sanitize_text_field(),
 * _wp_specialchars()): whitespace runs as one space, trimmed, %xx octets removed,
 * & < > escaped unless already an entity. Malloc'd. Tags are not stripped. */
static char *term_name_db(const char *name)
{
	struct buf b = BUF_INIT;
	char *s = malloc(strlen(name) + 1), *w = s;
	if (!s)
		return NULL;
	for (const char *r = name; *r; r++) {
		if (*r == '\r' || *r == '\n' || *r == '\t' || *r == ' ') {
			if (w > s && w[-1] != ' ')
				*w++ = ' ';
			continue;
		}
		if (*r == '%' && isxdigit((unsigned char)r[1]) && isxdigit((unsigned char)r[2])) {
			r += 2;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	while (w > s && w[-1] == ' ')
		*--w = '\0';
	int rc = PD_OK;
	for (const char *r = s; *r && rc == PD_OK; r++) {
		if (*r == '<')
			rc = buf_puts(&b, "&lt;");
		else if (*r == '>')
			rc = buf_puts(&b, "&gt;");
		else if (*r == '&') {
			const char *e = r + 1;
			if (*e == '#') {
				e++;
				if (*e == 'x' || *e == 'X')
					e++;
				while (isxdigit((unsigned char)*e))
					e++;
			} else {
				while (isalnum((unsigned char)*e))
					e++;
			}
			rc = *e == ';' && e > r + 1 ? buf_putc(&b, '&') : buf_puts(&b, "&amp;");
		} else
			rc = buf_putc(&b, *r);
	}
	free(s);
	if (rc != PD_OK) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* term() of import-wxr.php: the existing term (term_exists() on the slug, which
 * also finds a term named like it), else a new one as wp_insert_term() makes it,
 * with term_id = term_taxonomy_id = wanted when free in both tables, else
 * MAX + 1. Returns the term_id, 0 when it cannot be created, -1 on error. */
static long term(struct importer *im, const char *taxonomy, const char *slug, const char *name,
		 const char *description, const char *parent_slug, long wanted,
		 const struct wxr_meta *meta, size_t nmeta)
{
	const struct taxonomy *tax = taxonomy_get(taxonomy);
	long existing = term_exists(im, slug, taxonomy);
	if (existing)
		return existing;
	long parent = 0;
	if (*parent_slug && tax && tax->hierarchical)
		parent = term_exists(im, parent_slug, taxonomy);

	char *db_name = term_name_db(name), *db_slug = NULL;
	long target = 0;
	if (!db_name)
		return -1;
	if (!*db_name) {        /* wp_insert_term(): 'empty_term_name' */
		fprintf(stderr, "pressd: %s %s not created: empty name\n", taxonomy, slug);
		goto out;
	}
	db_slug = sanitize_title(*slug ? slug : db_name);
	if (!db_slug) {
		target = -1;
		goto out;
	}
	if (!*slug) {
		/* No slug given: a term with that name at that level already is this term
		 * (wp_insert_term()'s 'term_exists' error); else the slug is made unique. */
		long same = query_long(im->st, "SELECT t.term_id FROM wp_terms t JOIN wp_term_taxonomy tt "
				       "ON tt.term_id = t.term_id WHERE t.name = ? COLLATE NOCASE AND tt.taxonomy = ? "
				       "AND (tt.parent = ? OR ?2 <> 'category') LIMIT 1", db_name, taxonomy, parent);
		if (same) {
			target = 0;
			goto out;
		}
		for (int num = 2; query_long(im->st, "SELECT 1 FROM wp_terms t JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id "
					     "WHERE t.slug = ? AND tt.taxonomy = ?", db_slug, taxonomy, 0); num++) {
			char *alt;
			if (asprintf(&alt, "%s-%d", db_slug, num) < 0) {
				target = -1;
				goto out;
			}
			free(db_slug);
			db_slug = alt;
		}
	}
	if (wanted > 0 && !query_long(im->st, "SELECT (SELECT COUNT(*) FROM wp_terms WHERE term_id = ?1) + "
				      "(SELECT COUNT(*) FROM wp_term_taxonomy WHERE term_taxonomy_id = ?1)", NULL, NULL, wanted)) {
		target = wanted;
		im->stats->term_ids_kept++;
	} else {
		target = 1 + query_long(im->st, "SELECT MAX(IFNULL((SELECT MAX(term_id) FROM wp_terms), 0), "
					"IFNULL((SELECT MAX(term_taxonomy_id) FROM wp_term_taxonomy), 0))", NULL, NULL, 0);
	}
	sqlite3_stmt *s = store_stmt(im->st, "INSERT INTO wp_terms (term_id, name, slug, term_group) VALUES (?, ?, ?, 0)");
	if (!s) {
		target = -1;
		goto out;
	}
	sqlite3_bind_int64(s, 1, target);
	sqlite3_bind_text(s, 2, db_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, db_slug, -1, SQLITE_STATIC);
	int ok = sqlite3_step(s) == SQLITE_DONE;
	store_done(s);
	s = ok ? store_stmt(im->st, "INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy, description, "
				    "parent, count) VALUES (?1, ?1, ?2, ?3, ?4, 0)") : NULL;
	if (s) {
		sqlite3_bind_int64(s, 1, target);
		sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, description, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, parent);
		ok = sqlite3_step(s) == SQLITE_DONE;
		store_done(s);
	}
	if (!s || !ok) {
		db_fail(im, "term");
		target = -1;
		goto out;
	}
	for (size_t i = 0; i < nmeta; i++) {
		if (add_meta(im, "term", target, meta[i].key, meta[i].value) != PD_OK) {
			target = -1;
			goto out;
		}
	}
	im->stats->terms_created++;
out:
	free(db_name);
	free(db_slug);
	return target;
}

static int declared_term(struct importer *im, const struct wxr_term *t)
{
	if (!taxonomy_get(t->taxonomy)) {
		fprintf(stderr, "pressd: term %s/%s skipped: unknown taxonomy\n", t->taxonomy, t->slug);
		return PD_OK;
	}
	if (term_exists(im, t->slug, t->taxonomy))
		im->stats->terms_existing++;
	long id = term(im, t->taxonomy, t->slug, t->name, t->description, t->parent, t->term_id,
		       t->meta, t->nmeta);
	return id < 0 ? PD_EDB : PD_OK;
}

/* Mirrors wp_set_object_terms($id, $tt_ids, $taxonomy) without append: the
 * object's terms of that taxonomy become exactly these. */
static int set_object_terms(struct importer *im, long object_id, const char *taxonomy,
			    const long *ids, size_t n)
{
	sqlite3_stmt *s = store_stmt(im->st, "DELETE FROM wp_term_relationships WHERE object_id = ? AND term_taxonomy_id IN "
					     "(SELECT term_taxonomy_id FROM wp_term_taxonomy WHERE taxonomy = ?)");
	if (!s)
		return db_fail(im, "terms");
	sqlite3_bind_int64(s, 1, object_id);
	sqlite3_bind_text(s, 2, taxonomy, -1, SQLITE_STATIC);
	int ok = sqlite3_step(s) == SQLITE_DONE;
	store_done(s);
	for (size_t i = 0; ok && i < n; i++) {
		s = store_stmt(im->st, "INSERT OR IGNORE INTO wp_term_relationships (object_id, term_taxonomy_id, term_order) "
				       "SELECT ?, term_taxonomy_id, 0 FROM wp_term_taxonomy WHERE term_id = ? AND taxonomy = ?");
		if (!s)
			return db_fail(im, "terms");
		sqlite3_bind_int64(s, 1, object_id);
		sqlite3_bind_int64(s, 2, ids[i]);
		sqlite3_bind_text(s, 3, taxonomy, -1, SQLITE_STATIC);
		ok = sqlite3_step(s) == SQLITE_DONE;
		store_done(s);
	}
	return ok ? PD_OK : db_fail(im, "terms");
}

/* The item's <category> elements, per taxonomy (domain "tag" is post_tag); a
 * post without categories gets the default category. */
static int item_terms(struct importer *im, const struct wxr_item *p, long post_id)
{
	long *ids = calloc(p->nterms ? p->nterms : 1, sizeof *ids);
	char *done = calloc(p->nterms ? p->nterms : 1, 1);
	int rc = PD_OK, has_category = 0;
	if (!ids || !done) {
		rc = PD_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < p->nterms; i++) {
		if (done[i])
			continue;
		const char *tax = strcmp(p->terms[i].domain, "tag") == 0 ? "post_tag" : p->terms[i].domain;
		size_t n = 0;
		if (!taxonomy_get(tax)) {
			fprintf(stderr, "pressd: term %s/%s of %ld skipped: unknown taxonomy\n", tax,
				p->terms[i].slug, post_id);
			continue;
		}
		/* every element of this taxonomy, in file order */
		for (size_t j = i; j < p->nterms; j++) {
			const char *tj = strcmp(p->terms[j].domain, "tag") == 0 ? "post_tag" : p->terms[j].domain;
			if (done[j] || strcmp(tj, tax))
				continue;
			done[j] = 1;
			long id = term(im, tax, p->terms[j].slug, p->terms[j].name, "", "", 0, NULL, 0);
			if (id < 0) {
				rc = PD_EDB;
				goto out;
			}
			if (id)
				ids[n++] = id;
		}
		if (n && strcmp(tax, "category") == 0)
			has_category = 1;
		if (n && (rc = set_object_terms(im, post_id, tax, ids, n)) != PD_OK)
			goto out;
	}
	if (!has_category && strcmp(p->post_type, "post") == 0) {
		long def = store_option_get_long(im->st, "default_category", 1);
		rc = set_object_terms(im, post_id, "category", &def, 1);
	}
out:
	free(ids);
	free(done);
	return rc;
}

/* ------------------------------------------------------------------ items */

/* wp_get_mime_types() of WordPress 6.9 in its order, minus swf and exe
 * (get_allowed_mime_types() drops them; the administrator keeps htm|html). */
static const char *const mime_types[][2] = {
	{ "jpg|jpeg|jpe", "image/jpeg" },
	{ "gif", "image/gif" },
	{ "png", "image/png" },
	{ "bmp", "image/bmp" },
	{ "tiff|tif", "image/tiff" },
	{ "webp", "image/webp" },
	{ "avif", "image/avif" },
	{ "ico", "image/x-icon" },
	{ "heic", "image/heic" },
	{ "heif", "image/heif" },
	{ "heics", "image/heic-sequence" },
	{ "heifs", "image/heif-sequence" },
	{ "asf|asx", "video/x-ms-asf" },
	{ "wmv", "video/x-ms-wmv" },
	{ "wmx", "video/x-ms-wmx" },
	{ "wm", "video/x-ms-wm" },
	{ "avi", "video/avi" },
	{ "divx", "video/divx" },
	{ "flv", "video/x-flv" },
	{ "mov|qt", "video/quicktime" },
	{ "mpeg|mpg|mpe", "video/mpeg" },
	{ "mp4|m4v", "video/mp4" },
	{ "ogv", "video/ogg" },
	{ "webm", "video/webm" },
	{ "mkv", "video/x-matroska" },
	{ "3gp|3gpp", "video/3gpp" },
	{ "3g2|3gp2", "video/3gpp2" },
	{ "txt|asc|c|cc|h|srt", "text/plain" },
	{ "csv", "text/csv" },
	{ "tsv", "text/tab-separated-values" },
	{ "ics", "text/calendar" },
	{ "rtx", "text/richtext" },
	{ "css", "text/css" },
	{ "htm|html", "text/html" },
	{ "vtt", "text/vtt" },
	{ "dfxp", "application/ttaf+xml" },
	{ "mp3|m4a|m4b", "audio/mpeg" },
	{ "aac", "audio/aac" },
	{ "ra|ram", "audio/x-realaudio" },
	{ "wav|x-wav", "audio/wav" },
	{ "ogg|oga", "audio/ogg" },
	{ "flac", "audio/flac" },
	{ "mid|midi", "audio/midi" },
	{ "wma", "audio/x-ms-wma" },
	{ "wax", "audio/x-ms-wax" },
	{ "mka", "audio/x-matroska" },
	{ "rtf", "application/rtf" },
	{ "js", "application/javascript" },
	{ "pdf", "application/pdf" },
	{ "class", "application/java" },
	{ "tar", "application/x-tar" },
	{ "zip", "application/zip" },
	{ "gz|gzip", "application/x-gzip" },
	{ "rar", "application/rar" },
	{ "7z", "application/x-7z-compressed" },
	{ "psd", "application/octet-stream" },
	{ "xcf", "application/octet-stream" },
	{ "doc", "application/msword" },
	{ "pot|pps|ppt", "application/vnd.ms-powerpoint" },
	{ "wri", "application/vnd.ms-write" },
	{ "xla|xls|xlt|xlw", "application/vnd.ms-excel" },
	{ "mdb", "application/vnd.ms-access" },
	{ "mpp", "application/vnd.ms-project" },
	{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
	{ "docm", "application/vnd.ms-word.document.macroEnabled.12" },
	{ "dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template" },
	{ "dotm", "application/vnd.ms-word.template.macroEnabled.12" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	{ "xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12" },
	{ "xlsb", "application/vnd.ms-excel.sheet.binary.macroEnabled.12" },
	{ "xltx", "application/vnd.openxmlformats-officedocument.spreadsheetml.template" },
	{ "xltm", "application/vnd.ms-excel.template.macroEnabled.12" },
	{ "xlam", "application/vnd.ms-excel.addin.macroEnabled.12" },
	{ "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
	{ "pptm", "application/vnd.ms-powerpoint.presentation.macroEnabled.12" },
	{ "ppsx", "application/vnd.openxmlformats-officedocument.presentationml.slideshow" },
	{ "ppsm", "application/vnd.ms-powerpoint.slideshow.macroEnabled.12" },
	{ "potx", "application/vnd.openxmlformats-officedocument.presentationml.template" },
	{ "potm", "application/vnd.ms-powerpoint.template.macroEnabled.12" },
	{ "ppam", "application/vnd.ms-powerpoint.addin.macroEnabled.12" },
	{ "sldx", "application/vnd.openxmlformats-officedocument.presentationml.slide" },
	{ "sldm", "application/vnd.ms-powerpoint.slide.macroEnabled.12" },
	{ "onetoc|onetoc2|onetmp|onepkg", "application/onenote" },
	{ "oxps", "application/oxps" },
	{ "xps", "application/vnd.ms-xpsdocument" },
	{ "odt", "application/vnd.oasis.opendocument.text" },
	{ "odp", "application/vnd.oasis.opendocument.presentation" },
	{ "ods", "application/vnd.oasis.opendocument.spreadsheet" },
	{ "odg", "application/vnd.oasis.opendocument.graphics" },
	{ "odc", "application/vnd.oasis.opendocument.chart" },
	{ "odb", "application/vnd.oasis.opendocument.database" },
	{ "odf", "application/vnd.oasis.opendocument.formula" },
	{ "wp|wpd", "application/wordperfect" },
	{ "key", "application/vnd.apple.keynote" },
	{ "numbers", "application/vnd.apple.numbers" },
	{ "pages", "application/vnd.apple.pages" },
};

/* Mirrors wp_check_filetype(basename(parse_url($url, PHP_URL_PATH))). */
static const char *mime_of_url(const char *url, char *path, size_t pathlen)
{
	/* parse_url() path: after scheme://host, up to ? or # */
	const char *p = url, *e;
	const char *scheme = strstr(url, "://");
	if (scheme && !memchr(url, '/', (size_t)(scheme - url)))
		p = strchr(scheme + 3, '/') ? strchr(scheme + 3, '/') : scheme + strlen(scheme);
	e = p + strcspn(p, "?#");
	snprintf(path, pathlen, "%.*s", (int)(e - p), p);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');
	if (!dot)
		return "";
	for (size_t i = 0; i < sizeof mime_types / sizeof mime_types[0]; i++) {
		const char *exts = mime_types[i][0];
		while (*exts) {
			size_t n = strcspn(exts, "|");
			if (strlen(dot + 1) == n && strncasecmp(dot + 1, exts, n) == 0)
				return mime_types[i][1];
			exts += n + (exts[n] == '|');
		}
	}
	return "";
}

static int is_floating_status(const char *s)
{
	return !strcmp(s, "draft") || !strcmp(s, "pending") || !strcmp(s, "auto-draft");
}

/* The post types WordPress 6.9 registers (post_type_exists()). */
static int post_type_exists(const char *t)
{
	static const char *const types[] = { "post", "page", "attachment", "revision", "nav_menu_item",
		"custom_css", "customize_changeset", "oembed_cache", "user_request", "wp_block",
		"wp_template", "wp_template_part", "wp_global_styles", "wp_navigation",
		"wp_font_family", "wp_font_face" };
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(types[i], t) == 0)
			return 1;
	return 0;
}

static int is_hierarchical_type(const char *t)
{
	return !strcmp(t, "page") || !strcmp(t, "nav_menu_item") || !strcmp(t, "wp_font_family");
}

/* Mirrors get_default_comment_status($post_type, $comment_type). */
static char *default_comment_status(struct store *st, const char *type, int ping)
{
	int supports = ping ? !strcmp(type, "post") : (!strcmp(type, "post") || !strcmp(type, "attachment"));
	if (!strcmp(type, "page") || !supports)
		return strdup("closed");
	char *v = store_option_get(st, ping ? "default_ping_status" : "default_comment_status");
	return v ? v : strdup("");
}

static int slug_taken(struct importer *im, const char *slug, const char *type, long parent)
{
	if (!strcmp(type, "attachment"))
		return query_long(im->st, "SELECT 1 FROM wp_posts WHERE post_name = ? LIMIT 1", slug, NULL, 0) != 0;
	if (is_hierarchical_type(type))
		return query_long(im->st, "SELECT 1 FROM wp_posts WHERE post_name = ? AND post_type IN (?, 'attachment') "
				  "AND post_parent = ? LIMIT 1", slug, type, parent) != 0;
	return query_long(im->st, "SELECT 1 FROM wp_posts WHERE post_name = ? AND post_type = ? LIMIT 1",
			  slug, type, 0) != 0;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* Mirrors wp_unique_post_slug() for a new post: "-2", "-3", ... while the slug
 * is taken (by any post for attachments, by siblings of that type or attachments
 * for hierarchical types, by posts of that type otherwise) or reserved (feeds,
 * "embed", and for hierarchical types page numbers). Malloc'd. */
static char *unique_post_slug(struct importer *im, const char *slug, const char *status,
			      const char *type, long parent)
{
	if (is_floating_status(status) || (!strcmp(status, "inherit") && !strcmp(type, "revision")) ||
	    !strcmp(type, "user_request") || !strcmp(type, "nav_menu_item"))
		return strdup(slug);
	static const char *const reserved[] = { "feed", "rdf", "rss", "rss2", "atom", "embed" };
	int bad = slug_taken(im, slug, type, parent);
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		bad |= !strcmp(slug, reserved[i]);
	if (is_hierarchical_type(type))
		bad |= all_digits(slug) || (!strncmp(slug, "page", 4) && all_digits(slug + 4));
	if (!bad)
		return strdup(slug);
	char *alt = NULL;
	for (int suffix = 2;; suffix++) {
		char num[24];
		int nl = snprintf(num, sizeof num, "%d", suffix);
		/* _truncate_post_slug($slug, 200 - (strlen($suffix) + 1)) */
		size_t keep = strlen(slug), max = (size_t)(200 - (nl + 1));
		if (keep > max) {
			keep = max;
			while (keep && ((unsigned char)slug[keep] & 0xc0) == 0x80)
				keep--;
		}
		free(alt);
		if (asprintf(&alt, "%.*s-%s", (int)keep, slug, num) < 0)
			return NULL;
		if (!slug_taken(im, alt, type, parent))
			return alt;
	}
}

/* Appends post_id to the sticky_posts option (stick_post()), which holds a
 * PHP-serialized array of integers: a:1:{i:0;i:24365;}. */
static int stick_post(struct importer *im, long post_id)
{
	char *cur = store_option_get(im->st, "sticky_posts");
	json_t *arr = NULL;
	struct buf out = BUF_INIT;
	long *ids = NULL;
	size_t n = 0;
	int rc = PD_OK;
	if (cur && phpser_unserialize(cur, strlen(cur), &arr) == PD_OK &&
	    (json_is_array(arr) || json_is_object(arr))) {
		size_t cap = json_is_array(arr) ? json_array_size(arr) : json_object_size(arr);
		ids = calloc(cap + 1, sizeof *ids);
		if (!ids) {
			rc = PD_ENOMEM;
			goto out;
		}
		/* array_unique(array_map('intval', $stickies)) */
		json_t *v;
		size_t idx;
		const char *key;
		void *tmp;
		#define TAKE(v) do { long x = json_is_integer(v) ? (long)json_integer_value(v) :          \
			json_is_string(v) ? atol(json_string_value(v)) : json_is_real(v) ?              \
			(long)json_real_value(v) : json_is_true(v) ? 1 : 0;                            \
			int dup = 0; for (size_t k = 0; k < n; k++) dup |= ids[k] == x;                  \
			if (!dup) ids[n++] = x; } while (0)
		if (json_is_array(arr)) {
			json_array_foreach(arr, idx, v) TAKE(v);
		} else {
			json_object_foreach_safe(arr, tmp, key, v) TAKE(v);
		}
		#undef TAKE
	} else {
		ids = calloc(1, sizeof *ids);
		if (!ids) {
			rc = PD_ENOMEM;
			goto out;
		}
	}
	for (size_t k = 0; k < n; k++)
		if (ids[k] == post_id)
			goto out;
	ids[n++] = post_id;
	rc = buf_printf(&out, "a:%zu:{", n);
	for (size_t k = 0; k < n && rc == PD_OK; k++)
		rc = buf_printf(&out, "i:%zu;i:%ld;", k, ids[k]);
	if (rc == PD_OK)
		rc = buf_putc(&out, '}');
	if (rc == PD_OK)
		rc = store_option_set(im->st, "sticky_posts", buf_str(&out));
out:
	json_decref(arr);
	free(cur);
	free(ids);
	buf_free(&out);
	return rc;
}

static int comments(struct importer *im, long post_id, const struct wxr_item *p);

static const char *const skip_types[] = { "nav_menu_item", "wp_navigation", "wp_global_styles",
	"wp_template", "wp_template_part" };

/* post() of import-wxr.php: one item, inserted as wp_insert_post() would as the
 * administrator, then title, content, excerpt, guid and modified dates set to
 * the file's, terms, meta, sticky, comments. */
static int post(struct importer *im, const struct wxr_item *p)
{
	const char *type = p->post_type;
	char *status = NULL, *name = NULL, *slug = NULL, *cstatus = NULL, *pstatus = NULL;
	char date_gmt[20], modified[20], modified_gmt[20], path[1024], rel[1100];
	const char *guid = p->guid, *mime = "";
	char *url = NULL;
	int rc = PD_OK;

	for (size_t i = 0; i < sizeof skip_types / sizeof skip_types[0]; i++)
		if (!strcmp(type, skip_types[i]))
			goto ignored;
	if (!strcmp(p->status, "auto-draft"))
		goto ignored;
	if (!post_type_exists(type)) {
		fprintf(stderr, "pressd: %s \"%s\" (%ld) skipped: unknown post type\n", type, p->title, p->post_id);
		im->stats->posts_failed++;
		return PD_OK;
	}
	if (p->post_id > 0 && query_long(im->st, "SELECT 1 FROM wp_posts WHERE ID = ?", NULL, NULL, p->post_id)) {
		im->stats->posts_skipped++;
		return PD_OK;
	}
	long id = p->post_id > 0 ? p->post_id
				 : 1 + query_long(im->st, "SELECT IFNULL(MAX(ID), 0) FROM wp_posts", NULL, NULL, 0);

	/* wp_insert_post(): status, dates, comment statuses, slug */
	status = strdup(*p->status ? p->status : "draft");
	if (!status)
		goto nomem;
	if (!strcmp(type, "attachment") && strcmp(status, "inherit") && strcmp(status, "private") &&
	    strcmp(status, "trash") && strcmp(status, "auto-draft")) {
		free(status);
		if (!(status = strdup("inherit")))
			goto nomem;
	}
	if (*p->post_date_gmt && strcmp(p->post_date_gmt, ZERO_DATE))
		snprintf(date_gmt, sizeof date_gmt, "%s", p->post_date_gmt);
	else if (is_floating_status(status))
		snprintf(date_gmt, sizeof date_gmt, "%s", ZERO_DATE);
	else
		gmt_from_date(p->post_date, date_gmt);
	if (strcmp(type, "attachment")) {
		const char *ns = NULL;
		if (!strcmp(status, "publish") && seconds_until(date_gmt) >= 60)
			ns = "future";
		else if (!strcmp(status, "future") && seconds_until(date_gmt) < 60)
			ns = "publish";
		if (ns) {
			free(status);
			if (!(status = strdup(ns)))
				goto nomem;
		}
	}
	cstatus = *p->comment_status ? strdup(p->comment_status) : default_comment_status(im->st, type, 0);
	pstatus = *p->ping_status ? strdup(p->ping_status) : default_comment_status(im->st, type, 1);
	if (!cstatus || !pstatus)
		goto nomem;
	if (*p->post_name)
		name = sanitize_title(p->post_name);
	else
		name = is_floating_status(status) ? strdup("") : sanitize_title(p->title);
	if (!name)
		goto nomem;
	if (!(slug = unique_post_slug(im, name, status, type, p->post_parent)))
		goto nomem;
	if (!*slug && !is_floating_status(status)) {
		/* after the insert: sanitize_title($title, $post_id), made unique */
		char fallback[24];
		snprintf(fallback, sizeof fallback, "%ld", id);
		free(name);
		if (!(name = sanitize_title(p->title)))
			goto nomem;
		free(slug);
		if (!(slug = unique_post_slug(im, *name ? name : fallback, status, type, p->post_parent)))
			goto nomem;
	}
	snprintf(modified, sizeof modified, "%s", *p->post_modified ? p->post_modified : p->post_date);
	snprintf(modified_gmt, sizeof modified_gmt, "%s", *p->post_modified_gmt ? p->post_modified_gmt : date_gmt);

	if (!strcmp(type, "attachment")) {
		const char *u = *p->attachment_url ? p->attachment_url : p->guid;
		if (u[0] == '/' && u[1] && *im->w->base_site_url) {
			size_t bl = strlen(im->w->base_site_url);
			while (bl && im->w->base_site_url[bl - 1] == '/')
				bl--;
			if (asprintf(&url, "%.*s%s", (int)bl, im->w->base_site_url, u) < 0)
				goto nomem;
		} else if (!(url = strdup(u))) {
			goto nomem;
		}
		guid = url;
		mime = mime_of_url(url, path, sizeof path);
	}

	sqlite3_stmt *s = store_stmt(im->st,
		"INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, "
		"post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, "
		"pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, "
		"menu_order, post_type, post_mime_type, comment_count) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, '', ?, ?, ?, ?, ?, 0)");
	if (!s) {
		rc = db_fail(im, "post");
		goto out;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, author_of(im, p->creator));
	sqlite3_bind_text(s, 3, p->post_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, date_gmt, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, p->content, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, p->excerpt, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, cstatus, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, pstatus, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, p->post_password, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 13, modified, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 14, modified_gmt, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 15, p->post_parent);
	sqlite3_bind_text(s, 16, guid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 17, p->menu_order);
	sqlite3_bind_text(s, 18, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 19, mime, -1, SQLITE_STATIC);
	int step = sqlite3_step(s);
	store_done(s);
	if (step != SQLITE_DONE) {
		rc = db_fail(im, "post");
		goto out;
	}
	if ((rc = push_id(&im->imported, &im->nimported, &im->cap_imported, id)) != PD_OK)
		goto out;
	im->stats->posts_created++;
	if (!strcmp(type, "attachment"))
		im->stats->attachments++;
	else if (!strcmp(type, "page"))
		im->stats->pages++;
	else if (!strcmp(type, "post"))
		im->stats->posts++;
	else if (!strcmp(type, "revision"))
		im->stats->revisions++;
	else
		im->stats->others++;

	if (p->is_sticky == 1 && (rc = stick_post(im, id)) != PD_OK)
		goto out;
	if ((rc = item_terms(im, p, id)) != PD_OK)
		goto out;

	int has_file = 0;
	for (size_t i = 0; i < p->nmeta; i++) {
		const char *k = p->meta[i].key;
		if (!strcmp(k, "_edit_lock") || !strcmp(k, "_edit_last"))
			continue;
		has_file |= !strcmp(k, "_wp_attached_file");
		if ((rc = add_meta(im, "post", id, k, p->meta[i].value)) != PD_OK)
			goto out;
	}
	if (!strcmp(type, "attachment") && !has_file) {
		/* YYYY/MM/name at the end of the URL path, else YYYY/MM of the date + name */
		size_t n = strlen(path);
		const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		const char *m = base - 8;   /* "YYYY/MM/" before the name */
		if (*base && base - path >= 8 && isdigit((unsigned char)m[0]) && isdigit((unsigned char)m[1]) &&
		    isdigit((unsigned char)m[2]) && isdigit((unsigned char)m[3]) && m[4] == '/' &&
		    isdigit((unsigned char)m[5]) && isdigit((unsigned char)m[6]) && m[7] == '/')
			snprintf(rel, sizeof rel, "%s", m);
		else
			snprintf(rel, sizeof rel, "%.4s/%.2s/%s", p->post_date,
				 strlen(p->post_date) >= 7 ? p->post_date + 5 : "", base);
		(void)n;
		if ((rc = add_meta(im, "post", id, "_wp_attached_file", rel)) != PD_OK)
			goto out;
	}
	if (!im->opt->no_comments)
		rc = comments(im, id, p);
	goto out;
ignored:
	im->stats->posts_ignored++;
	return PD_OK;
nomem:
	rc = PD_ENOMEM;
out:
	free(status);
	free(name);
	free(slug);
	free(cstatus);
	free(pstatus);
	free(url);
	return rc;
}

static int cmp_comment_id(const void *a, const void *b)
{
	long x = (*(const struct wxr_comment *const *)a)->id, y = (*(const struct wxr_comment *const *)b)->id;
	return x < y ? -1 : x > y;
}

/* comments() of import-wxr.php: ascending wp:comment_id, IDs kept when free. */
static int comments(struct importer *im, long post_id, const struct wxr_item *p)
{
	if (!p->ncomments)
		return PD_OK;
	const struct wxr_comment **sorted = malloc(p->ncomments * sizeof *sorted);
	struct id_pair *inserted = malloc(p->ncomments * sizeof *inserted);
	size_t ninserted = 0;
	int rc = PD_OK;
	if (!sorted || !inserted) {
		rc = PD_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < p->ncomments; i++)
		sorted[i] = &p->comments[i];
	qsort(sorted, p->ncomments, sizeof *sorted, cmp_comment_id);   /* usort(): ties in any order */
	for (size_t i = 0; i < p->ncomments; i++) {
		const struct wxr_comment *c = sorted[i];
		long id;
		if (c->id > 0 && !query_long(im->st, "SELECT 1 FROM wp_comments WHERE comment_ID = ?", NULL, NULL, c->id)) {
			id = c->id;
		} else {
			id = 1 + query_long(im->st, "SELECT IFNULL(MAX(comment_ID), 0) FROM wp_comments", NULL, NULL, 0);
			im->stats->comment_ids_new++;
		}
		char date_gmt[20];
		if (*c->date_gmt)
			snprintf(date_gmt, sizeof date_gmt, "%s", c->date_gmt);
		else
			gmt_from_date(c->date, date_gmt);
		long parent = 0;
		for (size_t k = 0; c->parent && k < ninserted; k++)
			if (inserted[k].from == c->parent)
				parent = inserted[k].to;
		sqlite3_stmt *s = store_stmt(im->st,
			"INSERT INTO wp_comments (comment_ID, comment_post_ID, comment_author, comment_author_email, "
			"comment_author_url, comment_author_IP, comment_date, comment_date_gmt, comment_content, "
			"comment_karma, comment_approved, comment_agent, comment_type, comment_parent, user_id) "
			"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '', ?, ?, ?)");
		if (!s) {
			rc = db_fail(im, "comment");
			goto out;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, post_id);
		sqlite3_bind_text(s, 3, c->author, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, c->author_email, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, c->author_url, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, c->author_ip, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, c->date, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 8, date_gmt, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 9, c->content, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 10, *c->approved ? c->approved : "1", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 11, *c->type ? c->type : "comment", -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 12, parent);
		sqlite3_bind_int64(s, 13, comment_user(im, c->user_id));
		int step = sqlite3_step(s);
		store_done(s);
		if (step != SQLITE_DONE) {
			rc = db_fail(im, "comment");
			goto out;
		}
		inserted[ninserted].from = c->id;
		inserted[ninserted++].to = id;
		for (size_t k = 0; k < c->nmeta; k++)
			if ((rc = add_meta(im, "comment", id, c->meta[k].key, c->meta[k].value)) != PD_OK)
				goto out;
		im->stats->comments++;
	}
	rc = push_id(&im->commented, &im->ncommented, &im->cap_commented, post_id);
out:
	free(sorted);
	free(inserted);
	return rc;
}

/* Parents that do not exist once the whole file is in become 0. */
static int orphans(struct importer *im)
{
	for (size_t i = 0; i < im->nimported; i++) {
		sqlite3_stmt *s = store_stmt(im->st, "UPDATE wp_posts SET post_parent = 0 WHERE ID = ?1 AND post_parent <> 0 "
					     "AND NOT EXISTS (SELECT 1 FROM wp_posts p WHERE p.ID = wp_posts.post_parent)");
		if (!s)
			return db_fail(im, "parents");
		sqlite3_bind_int64(s, 1, im->imported[i]);
		int ok = sqlite3_step(s) == SQLITE_DONE;
		store_done(s);
		if (!ok)
			return db_fail(im, "parents");
	}
	return PD_OK;
}

/* Term counts of every registered taxonomy and the comment counts of the posts
 * that got comments (wp_update_term_count_now(), wp_update_comment_count_now()). */
static int finish(struct importer *im)
{
	for (size_t i = 0; i < sizeof taxonomies / sizeof taxonomies[0]; i++)
		if (store_exec(im->st, taxonomies[i].count_sql) != PD_OK)
			return db_fail(im, "term counts");
	for (size_t i = 0; i < im->ncommented; i++) {
		sqlite3_stmt *s = store_stmt(im->st, "UPDATE wp_posts SET comment_count = (SELECT COUNT(*) FROM wp_comments "
					     "WHERE comment_post_ID = ?1 AND comment_approved = '1') WHERE ID = ?1");
		if (!s)
			return db_fail(im, "comment counts");
		sqlite3_bind_int64(s, 1, im->commented[i]);
		int ok = sqlite3_step(s) == SQLITE_DONE;
		store_done(s);
		if (!ok)
			return db_fail(im, "comment counts");
	}
	return PD_OK;
}

static void progress(struct importer *im, int force)
{
	if (!im->opt->progress)
		return;
	time_t now = time(NULL);
	if (!force && now == im->last_progress)
		return;
	im->last_progress = now;
	fprintf(stderr, "\r%s: %zu/%zu items", im->opt->label ? im->opt->label : "import", im->done,
		im->w->nitems);
	if (force)
		fputc('\n', stderr);
}

static int run(struct importer *im)
{
	int rc;
	const struct wxr *w = im->w;
	im->admin_id = site_user_by_login(im->st, "admin");
	if (!im->admin_id)
		im->admin_id = 1;
	if ((rc = authors(im)) != PD_OK)
		return rc;
	for (size_t i = 0; i < w->nterms; i++)
		if ((rc = declared_term(im, &w->terms[i])) != PD_OK)
			return rc;
	/* attachments first, then every other item, each in file order */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < w->nitems; i++) {
			int is_att = strcmp(w->items[i].post_type, "attachment") == 0;
			if (is_att != (pass == 0))
				continue;
			if ((rc = post(im, &w->items[i])) != PD_OK)
				return rc;
			im->done++;
			progress(im, 0);
		}
	}
	if ((rc = orphans(im)) != PD_OK)
		return rc;
	return finish(im);
}

int import_wxr(struct store *st, const struct wxr *w, const struct import_options *opt,
	       struct import_stats *stats, char **errmsg)
{
	static const struct import_options defaults;
	struct import_stats local;
	struct importer im;
	int rc;
	memset(&im, 0, sizeof im);
	memset(&local, 0, sizeof local);
	if (errmsg)
		*errmsg = NULL;
	im.st = st;
	im.w = w;
	im.opt = opt ? opt : &defaults;
	/* Items without a GMT date get one in the site's zone (get_gmt_from_date()). */
	char *tz = store_option_get(st, "timezone_string"), *off = store_option_get(st, "gmt_offset");
	wpdate_set_zone(tz ? tz : "", off ? atof(off) : 0);
	free(tz);
	free(off);
	im.stats = stats ? stats : &local;
	memset(im.stats, 0, sizeof *im.stats);
	if ((rc = store_begin(st)) != PD_OK) {
		if (errmsg && asprintf(errmsg, "cannot start a transaction: %s", store_errmsg(st)) < 0)
			*errmsg = NULL;
		return rc;
	}
	rc = run(&im);
	if (rc == PD_OK && store_commit(st) != PD_OK)
		rc = db_fail(&im, "commit");
	if (rc != PD_OK) {
		store_rollback(st);
		if (errmsg) {
			*errmsg = im.err ? im.err : strdup(pd_strerror(rc));
			im.err = NULL;
		}
	} else {
		progress(&im, 1);
	}
	for (size_t i = 0; i < im.nlogins; i++)
		free(im.logins[i].login);
	free(im.logins);
	free(im.author_ids);
	free(im.imported);
	free(im.commented);
	free(im.err);
	return rc;
}

int import_file(struct store *st, const char *path, const struct import_options *opt,
		struct import_stats *stats, char **errmsg)
{
	struct wxr *w = NULL;
	int rc = wxr_parse_file(path, &w, errmsg);
	if (rc != PD_OK)
		return rc;
	rc = import_wxr(st, w, opt, stats, errmsg);
	wxr_free(w);
	return rc;
}

int import_demo(struct store *st, const char *url)
{
	const struct asset *a = asset_find("data/demo/demo.xml");
	struct wxr *w = NULL;
	char *err = NULL;
	if (!a)
		return PD_ENOTFOUND;
	int rc = site_install(st, "pressd demo", "admin", "admin@example.org", url);
	if (rc != PD_OK)
		return rc;
	rc = wxr_parse_memory(a->data, a->len, &w, &err);
	free(err);
	err = NULL;
	if (rc == PD_OK)
		rc = import_wxr(st, w, NULL, NULL, &err);
	free(err);
	wxr_free(w);
	return rc;
}
