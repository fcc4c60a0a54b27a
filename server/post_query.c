/* post_query.c - WP_Query's SQL for the posts collection: the WHERE of
 * post__in, post_name__in, statuses, authors, dates, search and tax queries,
 * and the ORDER BY, as parameterised SQLite. It runs nothing; posts.c does. */
#include <pcre2.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pressd/err.h"
#include "pressd/posts.h"

/* ---- small lists ---- */

void id_list_free(struct id_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void str_list_free(struct str_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int id_list_push(struct id_list *l, long v)
{
	long *nv = realloc(l->v, (l->n + 1) * sizeof *nv);
	if (!nv)
		return PD_ENOMEM;
	l->v = nv;
	l->v[l->n++] = v;
	return PD_OK;
}

int str_list_push(struct str_list *l, const char *s, size_t n)
{
	char **nv = realloc(l->v, (l->n + 1) * sizeof *nv);
	if (!nv)
		return PD_ENOMEM;
	l->v = nv;
	if (!(l->v[l->n] = strndup(s, n)))
		return PD_ENOMEM;
	l->n++;
	return PD_OK;
}

void post_query_free(struct post_query *q)
{
	str_list_free(&q->statuses);
	id_list_free(&q->include);
	id_list_free(&q->exclude);
	id_list_free(&q->author);
	id_list_free(&q->author_exclude);
	str_list_free(&q->slugs);
	free(q->search);
	q->search = NULL;
	for (int i = 0; i < q->ntax; i++)
		id_list_free(&q->tax[i].terms);
	q->ntax = 0;
	str_list_free(&q->formats);
	id_list_free(&q->parent);
	id_list_free(&q->parent_exclude);
}

/* ---- binds ---- */

static int bind_push(struct post_sql *o, int is_text, long long i, const char *s, size_t n)
{
	if (o->nbinds == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		struct sql_bind *nb = realloc(o->binds, cap * sizeof *nb);
		if (!nb)
			return PD_ENOMEM;
		o->binds = nb;
		o->cap = cap;
	}
	struct sql_bind *b = &o->binds[o->nbinds];
	b->is_text = is_text;
	b->i = i;
	b->s = NULL;
	if (is_text && !(b->s = strndup(s, n)))
		return PD_ENOMEM;
	o->nbinds++;
	return PD_OK;
}

static int bind_int(struct post_sql *o, long long v) { return bind_push(o, 0, v, NULL, 0); }
static int bind_text(struct post_sql *o, const char *s) { return bind_push(o, 1, 0, s, strlen(s)); }

void post_sql_free(struct post_sql *sql)
{
	buf_free(&sql->where);
	buf_free(&sql->order);
	for (size_t i = 0; i < sql->nbinds; i++)
		free(sql->binds[i].s);
	free(sql->binds);
	memset(sql, 0, sizeof *sql);
}

int post_sql_bind(const struct post_sql *sql, sqlite3_stmt *stmt, int first, int all)
{
	size_t n = all ? sql->nbinds : sql->nwhere;
	for (size_t i = 0; i < n; i++) {
		const struct sql_bind *b = &sql->binds[i];
		int rc = b->is_text ? sqlite3_bind_text(stmt, first + (int)i, b->s, -1, SQLITE_STATIC)
				    : sqlite3_bind_int64(stmt, first + (int)i, b->i);
		if (rc != SQLITE_OK)
			return PD_EDB;
	}
	return PD_OK;
}

/* "?, ?, ?" for the ids, bound. */
static int id_placeholders(struct post_sql *o, struct buf *b, const struct id_list *l)
{
	int rc = PD_OK;
	for (size_t i = 0; i < l->n && !rc; i++) {
		rc = buf_puts(b, i ? ", ?" : "?");
		if (!rc)
			rc = bind_int(o, l->v[i]);
	}
	return rc;
}

/* " AND column IN (?, ...)" (or NOT IN) for a non-empty id list. */
static int id_clause(struct post_sql *o, struct buf *w, const char *column, const char *op,
		     const struct id_list *l)
{
	if (!l->n)
		return PD_OK;
	int rc = buf_printf(w, " AND wp_posts.%s %s (", column, op);
	if (!rc)
		rc = id_placeholders(o, w, l);
	return rc ? rc : buf_putc(w, ')');
}

/* ---- search (WP_Query::parse_search) ---- */

static const char *stopwords[] = {
	"about", "an", "are", "as", "at", "be", "by", "com", "for", "from", "how", "in", "is", "it",
	"of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
	"with", "www",
};

static int is_stopword(const char *t)
{
	for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
		if (strcasecmp(t, stopwords[i]) == 0)
			return 1;
	return 0;
}

/* trim( term, chars ) */
static void trim_chars(const char **s, size_t *n, const char *chars)
{
	while (*n && strchr(chars, (*s)[0]))
		(*s)++, (*n)--;
	while (*n && strchr(chars, (*s)[*n - 1]))
		(*n)--;
}

/* stripslashes(), then the line breaks removed. */
static char *clean_search(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1), *p = o;
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\') {
			if (i + 1 < n) {
				i++;
				*p++ = s[i] == '0' ? '\0' : s[i];
			}
			continue;
		}
		if (s[i] == '\r' || s[i] == '\n')
			continue;
		*p++ = s[i];
	}
	*p = '\0';
	return o;
}

int post_search_terms(const char *s, struct str_list *terms, int *count)
{
	static const char *re = "\".*?(\"|$)|((?<=[\\t \",+])|^)[^\\t \",+]+";
	int errcode, rc = PD_OK;
	PCRE2_SIZE erroff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
					 &errcode, &erroff, NULL);
	if (!code)
		return PD_ENOMEM;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	size_t len = strlen(s), pos = 0;
	int matches = 0;
	struct str_list checked = { NULL, 0 };
	while (md && pos <= len) {
		int m = pcre2_match(code, (PCRE2_SPTR)s, len, pos, 0, md, NULL);
		if (m < 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		size_t a = ov[0], b = ov[1];
		matches++;
		const char *t = s + a;
		size_t n = b - a;
		/* parse_search_terms(): quoted terms keep their inner spaces. */
		if (n >= 3 && t[0] == '"' && t[n - 1] == '"')
			trim_chars(&t, &n, "\"'");
		else
			trim_chars(&t, &n, "\"' ");
		if (n && !(n == 1 && (t[0] == '-' || ((t[0] | 32) >= 'a' && (t[0] | 32) <= 'z')))) {
			char *term = strndup(t, n);
			if (!term) {
				rc = PD_ENOMEM;
				break;
			}
			if (!is_stopword(term))
				rc = str_list_push(&checked, t, n);
			free(term);
			if (rc)
				break;
		}
		pos = b > a ? b : b + 1;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	if (rc) {
		str_list_free(&checked);
		return rc;
	}
	*count = matches ? matches : 1;
	/* Only short terms or stopwords, or 10+ terms: the whole string as one. */
	if (checked.n == 0 || checked.n > 9) {
		str_list_free(&checked);
		rc = str_list_push(&checked, s, strlen(s));
	}
	*terms = checked;
	return rc;
}

/* $wpdb->esc_like() wrapped in wildcards. */
static char *like_pattern(const char *t, int wild)
{
	size_t n = strlen(t);
	char *o = malloc(2 * n + 3), *p = o;
	if (!o)
		return NULL;
	if (wild)
		*p++ = '%';
	for (; *t; t++) {
		if (*t == '%' || *t == '_' || *t == '\\')
			*p++ = '\\';
		*p++ = *t;
	}
	if (wild)
		*p++ = '%';
	*p = '\0';
	return o;
}

static int search_sql(const struct post_query *q, struct post_sql *o, struct buf *w,
		      struct str_list *title_likes, int *terms_count, char **clean_out)
{
	char *s = clean_search(q->search);
	struct str_list terms = { NULL, 0 };
	int rc = s ? post_search_terms(s, &terms, terms_count) : PD_ENOMEM;
	static const struct { unsigned bit; const char *col; } cols[] = {
		{ SEARCH_TITLE, "post_title" }, { SEARCH_EXCERPT, "post_excerpt" }, { SEARCH_CONTENT, "post_content" },
	};
	unsigned use = q->search_columns ? q->search_columns : (SEARCH_TITLE | SEARCH_EXCERPT | SEARCH_CONTENT);
	if (!rc)
		rc = buf_puts(w, " AND (");
	for (size_t i = 0; i < terms.n && !rc; i++) {
		const char *term = terms.v[i];
		int exclude = term[0] == '-';
		if (exclude)
			term++;
		char *like = like_pattern(term, !q->exact);
		if (!like) {
			rc = PD_ENOMEM;
			break;
		}
		if (!q->exact && !exclude)
			rc = str_list_push(title_likes, like, strlen(like));
		if (!rc)
			rc = buf_puts(w, i ? " AND (" : "(");
		int first = 1;
		for (size_t c = 0; c < 3 && !rc; c++) {
			if (!(use & cols[c].bit))
				continue;
			rc = buf_printf(w, "%s(wp_posts.%s %s ? ESCAPE '\\')", first ? "" : exclude ? " AND " : " OR ",
					cols[c].col, exclude ? "NOT LIKE" : "LIKE");
			if (!rc)
				rc = bind_text(o, like);
			first = 0;
		}
		free(like);
		if (!rc)
			rc = buf_putc(w, ')');
	}
	if (!rc)
		rc = buf_putc(w, ')');
	if (!rc && !q->logged_in)
		rc = buf_puts(w, " AND (wp_posts.post_password = '')");
	str_list_free(&terms);
	*clean_out = s;
	return rc;
}

/* WP_Query::parse_search_order(). */
static int search_order_sql(struct post_sql *o, struct buf *b, const char *s, const struct str_list *title_likes,
			    int terms_count)
{
	int rc = PD_OK;
	if (terms_count > 1) {
		/* Sentence matches unless a term is negated. */
		int negated = s[0] == '-';
		for (const char *p = s; *p && !negated; p++)
			if ((*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') && p[1] == '-')
				negated = 1;
		char *like = negated ? NULL : like_pattern(s, 1);
		int any = 0;
		rc = buf_puts(b, "(CASE ");
		if (like && !rc) {
			rc = buf_puts(b, "WHEN wp_posts.post_title LIKE ? ESCAPE '\\' THEN 1 ");
			if (!rc)
				rc = bind_text(o, like);
			any = 1;
		}
		if (title_likes->n < 7 && title_likes->n && !rc) {
			for (int pass = 0; pass < 2 && !rc; pass++) {
				if (pass == 1 && title_likes->n < 2)
					break;
				rc = buf_puts(b, "WHEN ");
				for (size_t i = 0; i < title_likes->n && !rc; i++) {
					rc = buf_printf(b, "%swp_posts.post_title LIKE ? ESCAPE '\\'",
							i ? (pass ? " OR " : " AND ") : "");
					if (!rc)
						rc = bind_text(o, title_likes->v[i]);
				}
				if (!rc)
					rc = buf_printf(b, " THEN %d ", pass ? 3 : 2);
				any = 1;
			}
		}
		if (like && !rc) {
			rc = buf_puts(b, "WHEN wp_posts.post_excerpt LIKE ? ESCAPE '\\' THEN 4 "
					 "WHEN wp_posts.post_content LIKE ? ESCAPE '\\' THEN 5 ");
			if (!rc)
				rc = bind_text(o, like);
			if (!rc)
				rc = bind_text(o, like);
			any = 1;
		}
		free(like);
		if (!rc)
			rc = buf_puts(b, "ELSE 6 END)");
		if (!any) {
			/* Nothing to rank by: no search ORDER BY at all. */
			buf_reset(b);
		}
		return rc;
	}
	if (!title_likes->n)
		return PD_OK;
	/* One word or a sentence: titles containing it first. */
	rc = buf_puts(b, "(wp_posts.post_title LIKE ? ESCAPE '\\') DESC");
	return rc ? rc : bind_text(o, title_likes->v[0]);
}

/* ---- taxonomies (WP_Tax_Query, field term_id) ---- */

static int tax_sql(struct post_sql *o, struct buf *w, const struct tax_clause *c)
{
	/* The term_taxonomy_ids of the clause's terms (and their descendants). */
	struct buf tt = BUF_INIT;
	int rc;
	if (c->include_children) {
		rc = buf_puts(&tt, "WITH RECURSIVE sub(term_id, d) AS (SELECT term_id, 0 FROM wp_term_taxonomy"
				   " WHERE taxonomy = ? AND term_id IN (");
		if (!rc)
			rc = bind_text(o, c->taxonomy);
		if (!rc)
			rc = id_placeholders(o, &tt, &c->terms);
		if (!rc)
			rc = buf_puts(&tt, ") UNION SELECT x.term_id, sub.d + 1 FROM wp_term_taxonomy x JOIN sub"
					   " ON x.parent = sub.term_id WHERE x.taxonomy = ? AND sub.d < 64)"
					   " SELECT term_taxonomy_id FROM wp_term_taxonomy WHERE taxonomy = ?"
					   " AND term_id IN (SELECT term_id FROM sub)");
		if (!rc)
			rc = bind_text(o, c->taxonomy);
		if (!rc)
			rc = bind_text(o, c->taxonomy);
	} else {
		rc = buf_puts(&tt, "SELECT term_taxonomy_id FROM wp_term_taxonomy WHERE taxonomy = ? AND term_id IN (");
		if (!rc)
			rc = bind_text(o, c->taxonomy);
		if (!rc)
			rc = id_placeholders(o, &tt, &c->terms);
		if (!rc)
			rc = buf_putc(&tt, ')');
	}
	if (rc)
		goto out;
	switch (c->op) {
	case TAX_IN:
		rc = buf_printf(w, "wp_posts.ID IN (SELECT object_id FROM wp_term_relationships"
				   " WHERE term_taxonomy_id IN (%s))", buf_str(&tt));
		break;
	case TAX_NOT_IN:
		rc = buf_printf(w, "wp_posts.ID NOT IN (SELECT object_id FROM wp_term_relationships"
				   " WHERE term_taxonomy_id IN (%s))", buf_str(&tt));
		break;
	case TAX_AND:
		/* Every term: as many relationships as existing terms (no terms: no condition). */
		rc = buf_printf(w, "((SELECT COUNT(*) FROM (%s)) = 0 OR (SELECT COUNT(*) FROM wp_term_relationships tr"
				   " WHERE tr.object_id = wp_posts.ID AND tr.term_taxonomy_id IN (%s)) ="
				   " (SELECT COUNT(*) FROM (%s)))", buf_str(&tt), buf_str(&tt), buf_str(&tt));
		if (!rc) {
			/* The subquery's binds appear three times. */
			size_t nb = o->nbinds, per = 0;
			for (size_t i = 0; i < c->terms.n; i++)
				per++;
			per += c->include_children ? 3 : 1;
			for (int rep = 0; rep < 2 && !rc; rep++)
				for (size_t i = nb - per; i < nb && !rc; i++)
					rc = o->binds[i].is_text ? bind_text(o, o->binds[i].s) : bind_int(o, o->binds[i].i);
		}
		break;
	}
out:
	buf_free(&tt);
	return rc;
}

/* The format parameter: post_format terms, "standard" meaning none (NOT EXISTS). */
static int format_sql(const struct post_query *q, struct post_sql *o, struct buf *w)
{
	int rc = buf_putc(w, '('), n = 0, standard = 0;
	for (size_t i = 0; i < q->formats.n; i++)
		if (strcmp(q->formats.v[i], "standard") == 0)
			standard = 1;
	if (standard) {
		rc = buf_puts(w, "NOT EXISTS (SELECT 1 FROM wp_term_relationships tr JOIN wp_term_taxonomy tt"
				 " ON tt.term_taxonomy_id = tr.term_taxonomy_id WHERE tr.object_id = wp_posts.ID"
				 " AND tt.taxonomy = 'post_format')");
		n++;
	}
	int others = 0;
	for (size_t i = 0; i < q->formats.n; i++)
		if (strcmp(q->formats.v[i], "standard") != 0)
			others++;
	if (others && !rc) {
		rc = buf_printf(w, "%swp_posts.ID IN (SELECT tr.object_id FROM wp_term_relationships tr"
				   " JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id"
				   " JOIN wp_terms t ON t.term_id = tt.term_id"
				   " WHERE tt.taxonomy = 'post_format' AND t.slug IN (", n ? " OR " : "");
		int k = 0;
		for (size_t i = 0; i < q->formats.n && !rc; i++) {
			if (strcmp(q->formats.v[i], "standard") == 0)
				continue;
			char slug[64];
			snprintf(slug, sizeof slug, "post-format-%s", q->formats.v[i]);
			rc = buf_puts(w, k++ ? ", ?" : "?");
			if (!rc)
				rc = bind_text(o, slug);
		}
		if (!rc)
			rc = buf_puts(w, "))");
		n++;
	}
	if (!n && !rc)
		rc = buf_puts(w, "1 = 1");
	return rc ? rc : buf_putc(w, ')');
}

/* ---- the whole query ---- */

static const char *orderby_column(enum post_orderby o)
{
	switch (o) {
	case ORDERBY_AUTHOR: return "wp_posts.post_author";
	case ORDERBY_ID: return "wp_posts.ID";
	case ORDERBY_MODIFIED: return "wp_posts.post_modified";
	case ORDERBY_PARENT: return "wp_posts.post_parent";
	case ORDERBY_SLUG: return "wp_posts.post_name";
	case ORDERBY_TITLE: return "wp_posts.post_title COLLATE WP_CI";
	case ORDERBY_MENU_ORDER: return "wp_posts.menu_order";
	default: return "wp_posts.post_date";
	}
}

int post_query_sql(const struct post_query *q, struct post_sql *o)
{
	struct buf *w = &o->where;
	struct str_list title_likes = { NULL, 0 };
	char *clean = NULL;
	int terms_count = 1;
	int rc = buf_puts(w, "wp_posts.post_type = ?");
	if (!rc)
		rc = bind_text(o, q->type);

	/* post__in (an empty list, e.g. sticky=true without stickies, matches nothing). */
	if (!rc && q->has_include) {
		rc = buf_puts(w, " AND wp_posts.ID IN (");
		if (!rc)
			rc = q->include.n ? id_placeholders(o, w, &q->include) : buf_puts(w, "0");
		if (!rc)
			rc = buf_putc(w, ')');
	}
	if (!rc)
		rc = id_clause(o, w, "ID", "NOT IN", &q->exclude);
	if (!rc && q->has_slugs && q->slugs.n) {
		rc = buf_puts(w, " AND wp_posts.post_name IN (");
		for (size_t i = 0; i < q->slugs.n && !rc; i++) {
			rc = buf_puts(w, i ? ", ?" : "?");
			if (!rc)
				rc = bind_text(o, q->slugs.v[i]);
		}
		if (!rc)
			rc = buf_putc(w, ')');
	}
	if (!rc)
		rc = id_clause(o, w, "post_parent", "IN", &q->parent);
	if (!rc)
		rc = id_clause(o, w, "post_parent", "NOT IN", &q->parent_exclude);
	if (!rc && q->has_menu_order) {
		rc = buf_puts(w, " AND wp_posts.menu_order = ?");
		if (!rc)
			rc = bind_int(o, q->menu_order);
	}
	if (!rc)
		rc = id_clause(o, w, "post_author", "IN", &q->author);
	if (!rc)
		rc = id_clause(o, w, "post_author", "NOT IN", &q->author_exclude);
	/* WP_Date_Query: before/after are exclusive. */
	static const struct { size_t off; const char *sql; } dates[] = {
		{ offsetof(struct post_query, before), " AND wp_posts.post_date < ?" },
		{ offsetof(struct post_query, modified_before), " AND wp_posts.post_modified < ?" },
		{ offsetof(struct post_query, after), " AND wp_posts.post_date > ?" },
		{ offsetof(struct post_query, modified_after), " AND wp_posts.post_modified > ?" },
	};
	for (size_t i = 0; i < 4 && !rc; i++) {
		const char *v = (const char *)q + dates[i].off;
		if (!*v)
			continue;
		rc = buf_puts(w, dates[i].sql);
		if (!rc)
			rc = bind_text(o, v);
	}
	if (!rc && q->search && *q->search)
		rc = search_sql(q, o, w, &title_likes, &terms_count, &clean);

	/* The tax query: its clauses and the format group, joined by the relation. */
	if (!rc && (q->ntax || q->has_formats)) {
		rc = buf_puts(w, " AND (");
		for (int i = 0; i < q->ntax && !rc; i++) {
			if (i)
				rc = buf_puts(w, q->tax_or ? " OR " : " AND ");
			if (!rc)
				rc = tax_sql(o, w, &q->tax[i]);
		}
		if (!rc && q->has_formats) {
			if (q->ntax)
				rc = buf_puts(w, q->tax_or ? " OR " : " AND ");
			if (!rc)
				rc = format_sql(q, o, w);
		}
		if (!rc)
			rc = buf_putc(w, ')');
	}

	/* Statuses. */
	if (!rc) {
		int any = 0;
		for (size_t i = 0; i < q->statuses.n; i++)
			if (strcmp(q->statuses.v[i], "any") == 0)
				any = 1;
		if (any) {
			/* Every status not excluded from search. */
			rc = buf_puts(w, " AND wp_posts.post_status NOT IN ('trash', 'auto-draft', 'inherit',"
					 " 'request-pending', 'request-confirmed', 'request-failed', 'request-completed')");
		} else if (q->statuses.n) {
			rc = buf_puts(w, " AND wp_posts.post_status IN (");
			for (size_t i = 0; i < q->statuses.n && !rc; i++) {
				rc = buf_puts(w, i ? ", ?" : "?");
				if (!rc)
					rc = bind_text(o, q->statuses.v[i]);
			}
			if (!rc)
				rc = buf_putc(w, ')');
		} else {
			rc = buf_puts(w, " AND wp_posts.post_status = 'publish'");
		}
	}
	o->nwhere = o->nbinds;

	/* ORDER BY, then the ID in the same direction (MariaDB's order for ties). */
	struct buf *b = &o->order;
	const char *dir = q->asc ? "ASC" : "DESC";
	if (!rc && q->search && *q->search && q->orderby == ORDERBY_RELEVANCE && clean) {
		rc = search_order_sql(o, b, clean, &title_likes, terms_count);
		if (!rc && b->len)
			rc = buf_puts(b, ", ");
	}
	if (!rc) {
		switch (q->orderby) {
		case ORDERBY_INCLUDE:
			if (q->include.n) {
				rc = buf_puts(b, "CASE wp_posts.ID");
				for (size_t i = 0; i < q->include.n && !rc; i++) {
					rc = buf_printf(b, " WHEN ? THEN %zu", i);
					if (!rc)
						rc = bind_int(o, q->include.v[i]);
				}
				if (!rc)
					rc = buf_puts(b, " ELSE -1 END");
			} else {
				rc = buf_puts(b, "wp_posts.post_date ASC, wp_posts.ID ASC");
			}
			break;
		case ORDERBY_INCLUDE_SLUGS:
			if (q->has_slugs && q->slugs.n) {
				rc = buf_puts(b, "CASE wp_posts.post_name");
				for (size_t i = 0; i < q->slugs.n && !rc; i++) {
					rc = buf_printf(b, " WHEN ? THEN %zu", i);
					if (!rc)
						rc = bind_text(o, q->slugs.v[i]);
				}
				if (!rc)
					rc = buf_puts(b, " ELSE -1 END, wp_posts.ID DESC");
			} else {
				rc = buf_puts(b, "wp_posts.post_date ASC, wp_posts.ID ASC");
			}
			break;
		case ORDERBY_ID:
			rc = buf_printf(b, "wp_posts.ID %s", dir);
			break;
		case ORDERBY_RELEVANCE:
		default:
			rc = buf_printf(b, "%s %s, wp_posts.ID %s", orderby_column(q->orderby), dir, dir);
			break;
		}
	}
	str_list_free(&title_likes);
	free(clean);
	return rc;
}
