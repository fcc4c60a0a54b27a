/* wxr.c - a streaming WXR reader (libxml2's xmlTextReader): one pass over the
 * file, collecting what WordPress's importer parser collects, in file order.
 * It keeps no DOM and makes no decision about IDs or duplicates (import.c does). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/wxr.h"

/* ------------------------------------------------------------------ memory */

/* The strings of one struct wxr: bump-allocated in blocks, freed at once. */
struct pool_block {
	struct pool_block *next;
	size_t used, cap;          /* bytes of data[] */
	char data[];
};

struct wxr_pool {
	struct pool_block *head;
};

static char *pool_strndup(struct wxr_pool *pool, const char *s, size_t n)
{
	struct pool_block *b = pool->head;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > 65536 ? n + 1 : 65536;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = pool->head;
		b->used = 0;
		b->cap = cap;
		pool->head = b;
	}
	char *p = b->data + b->used;
	memcpy(p, s, n);
	p[n] = '\0';
	b->used += n + 1;
	return p;
}

/* Grows *arr (of elements of size sz) so that index n fits; zeroes new room. */
static int grow(void *arr, size_t *cap, size_t n, size_t sz)
{
	void **a = arr;
	if (n < *cap)
		return PD_OK;
	size_t ncap = *cap ? *cap * 2 : 8;
	while (ncap <= n)
		ncap *= 2;
	void *p = realloc(*a, ncap * sz);
	if (!p)
		return PD_ENOMEM;
	memset((char *)p + *cap * sz, 0, (ncap - *cap) * sz);
	*a = p;
	*cap = ncap;
	return PD_OK;
}

void wxr_free(struct wxr *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->nterms; i++)
		free(w->terms[i].meta);
	for (size_t i = 0; i < w->nitems; i++) {
		struct wxr_item *it = &w->items[i];
		for (size_t c = 0; c < it->ncomments; c++)
			free(it->comments[c].meta);
		free(it->terms);
		free(it->meta);
		free(it->comments);
	}
	free(w->authors);
	free(w->terms);
	free(w->items);
	if (w->pool) {
		struct pool_block *b = w->pool->head;
		while (b) {
			struct pool_block *next = b->next;
			free(b);
			b = next;
		}
		free(w->pool);
	}
	free(w);
}

/* ------------------------------------------------------------------ parser */

enum ns { NS_NONE, NS_WP, NS_EXCERPT, NS_CONTENT, NS_DC, NS_OTHER };

enum frame_kind {
	F_IGNORE, F_RSS, F_CHANNEL, F_AUTHOR, F_TERM, F_TERMMETA, F_ITEM,
	F_POSTMETA, F_COMMENT, F_COMMENTMETA, F_LEAF
};

#define MAX_DEPTH 64

struct frame {
	enum frame_kind kind;
	enum ns ns;
	char local[40];            /* local name, truncated (longer names are never fields) */
};

struct parser {
	xmlTextReaderPtr r;
	struct wxr *w;
	struct buf text;           /* text of the element being read */
	struct frame stack[MAX_DEPTH];
	int depth;                 /* frames in use; deeper elements are counted only */
	int overflow;              /* elements nested beyond MAX_DEPTH */
	/* Capacities of the arrays being filled. */
	size_t cap_authors, cap_items, cap_cats, cap_tags, cap_others;
	size_t cap_item_terms, cap_item_meta, cap_item_comments, cap_comment_meta, cap_term_meta;
	/* Terms by kind until the end, when they are put in WordPress's order. */
	struct wxr_term *cats, *tags, *others;
	size_t ncats, ntags, nothers;
	struct wxr_term *cur_term; /* the term being read, in one of the three lists */
	char *cat_domain, *cat_nicename;   /* attributes of an item's <category>, xmlFree'd */
	int cat_has_nicename;
	int error;                 /* PD_* once something failed */
	int err_line;              /* line of the first XML error, 0 if unknown */
	char *err;                 /* malloc'd message of the first error */
};

/* export/1.0 ... 1.2, over http or https; the excerpt namespace is wp's + "excerpt/". */
static enum ns classify_ns(const char *uri)
{
	if (!uri || !*uri)
		return NS_NONE;
	if (strcmp(uri, "http://purl.org/rss/1.0/modules/content/") == 0)
		return NS_CONTENT;
	if (strcmp(uri, "http://purl.org/dc/elements/1.1/") == 0)
		return NS_DC;
	const char *p = NULL;
	if (strncmp(uri, "http://wordpress.org/export/1.", 30) == 0)
		p = uri + 30;
	else if (strncmp(uri, "https://wordpress.org/export/1.", 31) == 0)
		p = uri + 31;
	if (!p || !isdigit((unsigned char)*p))
		return NS_OTHER;
	while (isdigit((unsigned char)*p))
		p++;
	if (strcmp(p, "/") == 0)
		return NS_WP;
	if (strcmp(p, "/excerpt/") == 0)
		return NS_EXCERPT;
	return NS_OTHER;
}

static void fail(struct parser *p, int err, int line, const char *msg)
{
	if (p->error)
		return;
	p->error = err;
	p->err_line = line;
	free(p->err);
	p->err = strdup(msg);
}

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *arg, const xmlError *e)
#else
static void on_xml_error(void *arg, xmlErrorPtr e)
#endif
{
	struct parser *p = arg;
	if (!e || e->level < XML_ERR_ERROR || p->error)
		return;
	char msg[512];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	fail(p, PD_EINVAL, e->line, msg);
}

static char *dup_text(struct parser *p, const char *s, size_t n)
{
	char *d = pool_strndup(p->w->pool, s, n);
	if (!d)
		fail(p, PD_ENOMEM, 0, "out of memory");
	return d;
}

/* SimpleXML's (string) of the first element with that name: the first wins. */
static void set_str(struct parser *p, char **field)
{
	if (!*field)
		*field = dup_text(p, buf_str(&p->text), p->text.len);
}

/* PHP's (int) of a numeric string: leading digits, else 0. */
static long to_long(const char *s)
{
	return strtol(s, NULL, 10);
}

static struct wxr_item *cur_item(struct parser *p) { return &p->w->items[p->w->nitems - 1]; }

static struct wxr_comment *cur_comment(struct parser *p)
{
	struct wxr_item *it = cur_item(p);
	return &it->comments[it->ncomments - 1];
}

/* The meta pair being read inside the frame below the top. */
static struct wxr_meta *cur_meta(struct parser *p, enum frame_kind container)
{
	switch (container) {
	case F_POSTMETA: return &cur_item(p)->meta[cur_item(p)->nmeta - 1];
	case F_COMMENTMETA: return &cur_comment(p)->meta[cur_comment(p)->nmeta - 1];
	case F_TERMMETA: return &p->cur_term->meta[p->cur_term->nmeta - 1];
	default: return NULL;
	}
}

static void leaf_author(struct parser *p, const char *name)
{
	struct wxr_author *a = &p->w->authors[p->w->nauthors - 1];
	if (strcmp(name, "author_id") == 0) {
		if (!a->id)
			a->id = to_long(buf_str(&p->text));
	} else if (strcmp(name, "author_login") == 0)
		set_str(p, &a->login);
	else if (strcmp(name, "author_email") == 0)
		set_str(p, &a->email);
	else if (strcmp(name, "author_display_name") == 0)
		set_str(p, &a->display_name);
	else if (strcmp(name, "author_first_name") == 0)
		set_str(p, &a->first_name);
	else if (strcmp(name, "author_last_name") == 0)
		set_str(p, &a->last_name);
}

/* Field names of the three term elements: category, tag, term. */
static void leaf_term(struct parser *p, const char *name)
{
	struct wxr_term *t = p->cur_term;
	if (strcmp(name, "term_id") == 0) {
		if (!t->term_id)
			t->term_id = to_long(buf_str(&p->text));
	} else if (!strcmp(name, "category_nicename") || !strcmp(name, "tag_slug") ||
		   !strcmp(name, "term_slug"))
		set_str(p, &t->slug);
	else if (!strcmp(name, "category_parent") || !strcmp(name, "term_parent"))
		set_str(p, &t->parent);
	else if (!strcmp(name, "cat_name") || !strcmp(name, "tag_name") || !strcmp(name, "term_name"))
		set_str(p, &t->name);
	else if (!strcmp(name, "category_description") || !strcmp(name, "tag_description") ||
		 !strcmp(name, "term_description"))
		set_str(p, &t->description);
	else if (!strcmp(name, "term_taxonomy") && !strcmp(t->taxonomy, ""))
		t->taxonomy = dup_text(p, buf_str(&p->text), p->text.len);
}

static void leaf_item(struct parser *p, enum ns ns, const char *name)
{
	struct wxr_item *it = cur_item(p);
	if (ns == NS_NONE) {
		if (strcmp(name, "title") == 0)
			set_str(p, &it->title);
		else if (strcmp(name, "guid") == 0)
			set_str(p, &it->guid);
		else if (strcmp(name, "category") == 0 && p->cat_has_nicename) {
			if (grow(&it->terms, &p->cap_item_terms, it->nterms, sizeof *it->terms)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return;
			}
			struct wxr_item_term *t = &it->terms[it->nterms++];
			const char *d = p->cat_domain ? p->cat_domain : "";
			const char *s = p->cat_nicename ? p->cat_nicename : "";
			t->domain = dup_text(p, d, strlen(d));
			t->slug = dup_text(p, s, strlen(s));
			t->name = dup_text(p, buf_str(&p->text), p->text.len);
		}
		return;
	}
	if (ns == NS_DC && strcmp(name, "creator") == 0) {
		set_str(p, &it->creator);
		return;
	}
	if (ns == NS_CONTENT && strcmp(name, "encoded") == 0) {
		set_str(p, &it->content);
		return;
	}
	if (ns == NS_EXCERPT && strcmp(name, "encoded") == 0) {
		set_str(p, &it->excerpt);
		return;
	}
	if (ns != NS_WP)
		return;
	static const struct { const char *name; size_t off; } strs[] = {
		{ "post_date", offsetof(struct wxr_item, post_date) },
		{ "post_date_gmt", offsetof(struct wxr_item, post_date_gmt) },
		{ "post_modified", offsetof(struct wxr_item, post_modified) },
		{ "post_modified_gmt", offsetof(struct wxr_item, post_modified_gmt) },
		{ "comment_status", offsetof(struct wxr_item, comment_status) },
		{ "ping_status", offsetof(struct wxr_item, ping_status) },
		{ "post_name", offsetof(struct wxr_item, post_name) },
		{ "status", offsetof(struct wxr_item, status) },
		{ "post_type", offsetof(struct wxr_item, post_type) },
		{ "post_password", offsetof(struct wxr_item, post_password) },
		{ "attachment_url", offsetof(struct wxr_item, attachment_url) },
	};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		if (strcmp(name, strs[i].name) == 0) {
			set_str(p, (char **)((char *)it + strs[i].off));
			return;
		}
	}
	/* Integers: the first element wins, as for strings. */
	const char *t = buf_str(&p->text);
	if (strcmp(name, "post_id") == 0 && !it->post_id)
		it->post_id = to_long(t);
	else if (strcmp(name, "post_parent") == 0 && !it->post_parent)
		it->post_parent = to_long(t);
	else if (strcmp(name, "menu_order") == 0 && !it->menu_order)
		it->menu_order = to_long(t);
	else if (strcmp(name, "is_sticky") == 0 && !it->is_sticky)
		it->is_sticky = (int)to_long(t);
}

static void leaf_comment(struct parser *p, const char *name)
{
	struct wxr_comment *c = cur_comment(p);
	static const struct { const char *name; size_t off; } strs[] = {
		{ "comment_author", offsetof(struct wxr_comment, author) },
		{ "comment_author_email", offsetof(struct wxr_comment, author_email) },
		{ "comment_author_IP", offsetof(struct wxr_comment, author_ip) },
		{ "comment_author_url", offsetof(struct wxr_comment, author_url) },
		{ "comment_date", offsetof(struct wxr_comment, date) },
		{ "comment_date_gmt", offsetof(struct wxr_comment, date_gmt) },
		{ "comment_content", offsetof(struct wxr_comment, content) },
		{ "comment_approved", offsetof(struct wxr_comment, approved) },
		{ "comment_type", offsetof(struct wxr_comment, type) },
	};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		if (strcmp(name, strs[i].name) == 0) {
			set_str(p, (char **)((char *)c + strs[i].off));
			return;
		}
	}
	const char *t = buf_str(&p->text);
	if (strcmp(name, "comment_id") == 0 && !c->id)
		c->id = to_long(t);
	else if (strcmp(name, "comment_parent") == 0 && !c->parent)
		c->parent = to_long(t);
	else if (strcmp(name, "comment_user_id") == 0 && !c->user_id)
		c->user_id = to_long(t);
}

/* The end of a leaf element: its text goes to the field its parent frame names. */
static void end_leaf(struct parser *p, const struct frame *leaf, const struct frame *parent)
{
	const char *name = leaf->local;
	switch (parent->kind) {
	case F_CHANNEL:
		if (leaf->ns == NS_WP && strcmp(name, "wxr_version") == 0)
			set_str(p, &p->w->version);
		else if (leaf->ns == NS_WP && strcmp(name, "base_site_url") == 0)
			set_str(p, &p->w->base_site_url);
		break;
	case F_AUTHOR:
		if (leaf->ns == NS_WP)
			leaf_author(p, name);
		break;
	case F_TERM:
		if (leaf->ns == NS_WP)
			leaf_term(p, name);
		break;
	case F_ITEM:
		leaf_item(p, leaf->ns, name);
		break;
	case F_COMMENT:
		if (leaf->ns == NS_WP)
			leaf_comment(p, name);
		break;
	case F_POSTMETA:
	case F_COMMENTMETA:
	case F_TERMMETA:
		if (leaf->ns == NS_WP && strcmp(name, "meta_key") == 0)
			set_str(p, &cur_meta(p, parent->kind)->key);
		else if (leaf->ns == NS_WP && strcmp(name, "meta_value") == 0)
			set_str(p, &cur_meta(p, parent->kind)->value);
		break;
	default:
		break;
	}
}

static char *empty(struct parser *p, char *s) { return s ? s : dup_text(p, "", 0); }

/* The end of a container: absent fields become "" so users never see NULL. */
static void end_container(struct parser *p, const struct frame *f, const struct frame *parent)
{
	switch (f->kind) {
	case F_AUTHOR: {
		struct wxr_author *a = &p->w->authors[p->w->nauthors - 1];
		a->login = empty(p, a->login);
		a->email = empty(p, a->email);
		a->display_name = empty(p, a->display_name);
		a->first_name = empty(p, a->first_name);
		a->last_name = empty(p, a->last_name);
		break;
	}
	case F_TERM: {
		struct wxr_term *t = p->cur_term;
		t->slug = empty(p, t->slug);
		t->parent = empty(p, t->parent);
		t->name = empty(p, t->name);
		t->description = empty(p, t->description);
		break;
	}
	case F_POSTMETA:
	case F_COMMENTMETA:
	case F_TERMMETA: {
		struct wxr_meta *m = cur_meta(p, f->kind);
		m->key = empty(p, m->key);
		m->value = empty(p, m->value);
		break;
	}
	case F_COMMENT: {
		struct wxr_comment *c = cur_comment(p);
		char **s[] = { &c->author, &c->author_email, &c->author_ip, &c->author_url, &c->date,
			       &c->date_gmt, &c->content, &c->approved, &c->type };
		for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
			*s[i] = empty(p, *s[i]);
		break;
	}
	case F_ITEM: {
		struct wxr_item *it = cur_item(p);
		char **s[] = { &it->title, &it->guid, &it->creator, &it->content, &it->excerpt,
			       &it->post_date, &it->post_date_gmt, &it->post_modified,
			       &it->post_modified_gmt, &it->comment_status, &it->ping_status,
			       &it->post_name, &it->status, &it->post_type, &it->post_password,
			       &it->attachment_url };
		for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
			*s[i] = empty(p, *s[i]);
		break;
	}
	default:
		break;
	}
	(void)parent;
}

static struct wxr_term *new_term(struct parser *p, struct wxr_term **list, size_t *n, size_t *cap,
				 const char *taxonomy)
{
	if (grow(list, cap, *n, sizeof **list)) {
		fail(p, PD_ENOMEM, 0, "out of memory");
		return NULL;
	}
	struct wxr_term *t = &(*list)[(*n)++];
	t->taxonomy = dup_text(p, taxonomy, strlen(taxonomy));
	p->cap_term_meta = 0;
	return t;
}

/* Classifies a new element by its parent and opens what it stands for. */
static enum frame_kind start_element(struct parser *p, const struct frame *parent, enum ns ns,
				     const char *name)
{
	struct wxr *w = p->w;
	enum frame_kind k = parent ? parent->kind : F_IGNORE;
	if (!parent)
		return ns == NS_NONE && strcmp(name, "rss") == 0 ? F_RSS : F_IGNORE;
	switch (k) {
	case F_RSS:
		return ns == NS_NONE && strcmp(name, "channel") == 0 ? F_CHANNEL : F_IGNORE;
	case F_CHANNEL:
		if (ns == NS_NONE && strcmp(name, "item") == 0) {
			if (grow(&w->items, &p->cap_items, w->nitems, sizeof *w->items)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return F_IGNORE;
			}
			w->nitems++;
			p->cap_item_terms = p->cap_item_meta = p->cap_item_comments = 0;
			return F_ITEM;
		}
		if (ns != NS_WP)
			return F_IGNORE;
		if (strcmp(name, "author") == 0 || strcmp(name, "wp_author") == 0) {
			if (grow(&w->authors, &p->cap_authors, w->nauthors, sizeof *w->authors)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return F_IGNORE;
			}
			w->nauthors++;
			return F_AUTHOR;
		}
		if (strcmp(name, "category") == 0)
			p->cur_term = new_term(p, &p->cats, &p->ncats, &p->cap_cats, "category");
		else if (strcmp(name, "tag") == 0)
			p->cur_term = new_term(p, &p->tags, &p->ntags, &p->cap_tags, "post_tag");
		else if (strcmp(name, "term") == 0)
			p->cur_term = new_term(p, &p->others, &p->nothers, &p->cap_others, "");
		else
			return F_LEAF;
		return p->cur_term ? F_TERM : F_IGNORE;
	case F_TERM:
		if (ns == NS_WP && strcmp(name, "termmeta") == 0) {
			struct wxr_term *t = p->cur_term;
			if (grow(&t->meta, &p->cap_term_meta, t->nmeta, sizeof *t->meta)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return F_IGNORE;
			}
			t->nmeta++;
			return F_TERMMETA;
		}
		return F_LEAF;
	case F_ITEM: {
		struct wxr_item *it = cur_item(p);
		if (ns == NS_WP && strcmp(name, "postmeta") == 0) {
			if (grow(&it->meta, &p->cap_item_meta, it->nmeta, sizeof *it->meta)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return F_IGNORE;
			}
			it->nmeta++;
			return F_POSTMETA;
		}
		if (ns == NS_WP && strcmp(name, "comment") == 0) {
			if (grow(&it->comments, &p->cap_item_comments, it->ncomments, sizeof *it->comments)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return F_IGNORE;
			}
			it->ncomments++;
			p->cap_comment_meta = 0;
			return F_COMMENT;
		}
		if (ns == NS_NONE && strcmp(name, "category") == 0) {
			xmlFree(p->cat_domain);
			xmlFree(p->cat_nicename);
			p->cat_domain = (char *)xmlTextReaderGetAttribute(p->r, BAD_CAST "domain");
			p->cat_nicename = (char *)xmlTextReaderGetAttribute(p->r, BAD_CAST "nicename");
			p->cat_has_nicename = p->cat_nicename != NULL;
		}
		return F_LEAF;
	}
	case F_COMMENT:
		if (ns == NS_WP && strcmp(name, "commentmeta") == 0) {
			struct wxr_comment *c = cur_comment(p);
			if (grow(&c->meta, &p->cap_comment_meta, c->nmeta, sizeof *c->meta)) {
				fail(p, PD_ENOMEM, 0, "out of memory");
				return F_IGNORE;
			}
			c->nmeta++;
			return F_COMMENTMETA;
		}
		return F_LEAF;
	case F_AUTHOR:
	case F_POSTMETA:
	case F_COMMENTMETA:
	case F_TERMMETA:
		return F_LEAF;
	default:
		return F_IGNORE;
	}
}

static void end_element(struct parser *p)
{
	if (p->overflow) {
		p->overflow--;
		return;
	}
	if (p->depth == 0)
		return;
	struct frame *f = &p->stack[--p->depth];
	struct frame *parent = p->depth ? &p->stack[p->depth - 1] : NULL;
	if (f->kind == F_LEAF && parent)
		end_leaf(p, f, parent);
	else if (f->kind != F_IGNORE)
		end_container(p, f, parent);
	buf_reset(&p->text);
}

static void on_start(struct parser *p)
{
	int is_empty = xmlTextReaderIsEmptyElement(p->r) == 1;
	if (p->depth >= MAX_DEPTH || p->overflow) {
		if (!is_empty)
			p->overflow++;
		return;
	}
	const char *uri = (const char *)xmlTextReaderConstNamespaceUri(p->r);
	const char *local = (const char *)xmlTextReaderConstLocalName(p->r);
	struct frame *parent = p->depth ? &p->stack[p->depth - 1] : NULL;
	struct frame *f = &p->stack[p->depth];
	f->ns = classify_ns(uri);
	snprintf(f->local, sizeof f->local, "%s", local ? local : "");
	if (parent && (parent->kind == F_LEAF || parent->kind == F_IGNORE))
		f->kind = F_IGNORE;
	else
		f->kind = start_element(p, parent, f->ns, f->local);
	p->depth++;
	buf_reset(&p->text);
	if (is_empty)
		end_element(p);
}

/* parents_first() of WordPress's importer: a stable order in which every term
 * follows its parent (named by slug); a cycle keeps file order. */
static int parents_first(struct wxr_term *list, size_t n)
{
	struct wxr_term *sorted = malloc((n ? n : 1) * sizeof *sorted);
	char *placed = calloc(n ? n : 1, 1);  /* list[i] is in sorted[] already */
	size_t k = 0;
	if (!sorted || !placed) {
		free(sorted);
		free(placed);
		return PD_ENOMEM;
	}
	while (k < n) {
		int progress = 0;
		for (size_t i = 0; i < n; i++) {
			if (placed[i])
				continue;
			const struct wxr_term *t = &list[i];
			int parent_placed = 0, parent_known = 0;
			for (size_t j = 0; j < n; j++) {
				if (strcmp(list[j].taxonomy, t->taxonomy) || strcmp(list[j].slug, t->parent))
					continue;
				parent_known = 1;
				if (placed[j])
					parent_placed = 1;
			}
			if (!*t->parent || parent_placed || !parent_known) {
				sorted[k++] = *t;
				placed[i] = 1;  /* at once: a child later in this pass may follow */
				progress = 1;
			}
		}
		if (!progress) {
			for (size_t i = 0; i < n; i++)
				if (!placed[i])
					sorted[k++] = list[i];
			break;
		}
	}
	if (n)
		memcpy(list, sorted, n * sizeof *list);
	free(sorted);
	free(placed);
	return PD_OK;
}

/* Puts the terms in WordPress's order: categories, tags, other terms. */
static int collect_terms(struct parser *p)
{
	struct wxr *w = p->w;
	size_t n = p->ncats + p->ntags + p->nothers;
	if (parents_first(p->cats, p->ncats) || parents_first(p->others, p->nothers))
		return PD_ENOMEM;
	w->terms = calloc(n ? n : 1, sizeof *w->terms);
	if (!w->terms)
		return PD_ENOMEM;
	if (p->ncats)
		memcpy(w->terms, p->cats, p->ncats * sizeof *w->terms);
	if (p->ntags)
		memcpy(w->terms + p->ncats, p->tags, p->ntags * sizeof *w->terms);
	if (p->nothers)
		memcpy(w->terms + p->ncats + p->ntags, p->others, p->nothers * sizeof *w->terms);
	w->nterms = n;
	free(p->cats);
	free(p->tags);
	free(p->others);
	p->cats = p->tags = p->others = NULL;
	p->ncats = p->ntags = p->nothers = 0;
	return PD_OK;
}

static int valid_version(const char *v)
{
	/* trim(), then ^\d+\.\d+$ */
	while (*v && isspace((unsigned char)*v))
		v++;
	const char *s = v;
	while (isdigit((unsigned char)*v))
		v++;
	if (v == s || *v++ != '.')
		return 0;
	s = v;
	while (isdigit((unsigned char)*v))
		v++;
	if (v == s)
		return 0;
	while (*v && isspace((unsigned char)*v))
		v++;
	return *v == '\0';
}

static int parse(xmlTextReaderPtr r, struct wxr **out, char **errmsg)
{
	struct parser p;
	int rc;
	memset(&p, 0, sizeof p);
	if (errmsg)
		*errmsg = NULL;
	p.r = r;
	p.w = calloc(1, sizeof *p.w);
	if (!p.w || !(p.w->pool = calloc(1, sizeof *p.w->pool))) {
		rc = PD_ENOMEM;
		goto out;
	}
	buf_init(&p.text, (size_t)1 << 30);
	xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &p);

	while (!p.error && (rc = xmlTextReaderRead(r)) == 1) {
		switch (xmlTextReaderNodeType(r)) {
		case XML_READER_TYPE_ELEMENT:
			on_start(&p);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			end_element(&p);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const char *v = (const char *)xmlTextReaderConstValue(r);
			if (v && buf_puts(&p.text, v))
				fail(&p, PD_ENOMEM, 0, "out of memory");
			break;
		}
		case XML_READER_TYPE_DOCUMENT_TYPE:
			/* As WordPress's importer: a DOCTYPE could declare entities. */
			fail(&p, PD_EINVAL, xmlTextReaderGetParserLineNumber(r),
			     "a DOCTYPE is not allowed in a WXR file");
			break;
		default:
			break;
		}
	}
	if (!p.error && rc < 0)
		fail(&p, PD_EINVAL, xmlTextReaderGetParserLineNumber(r), "malformed XML");
	if (!p.error && (rc = collect_terms(&p)) != PD_OK)
		fail(&p, rc, 0, "out of memory");
	if (!p.error && (!p.w->version || !valid_version(p.w->version)))
		fail(&p, PD_EINVAL, 0,
		     "this does not appear to be a WXR file, missing/invalid WXR version number");
	if (!p.error && !p.w->base_site_url)
		p.w->base_site_url = dup_text(&p, "", 0);
	rc = p.error;
out:
	if (rc == PD_OK) {
		*out = p.w;
		p.w = NULL;
	} else if (errmsg) {
		const char *m = p.err ? p.err : pd_strerror(rc);
		int ok = p.err_line > 0 ? asprintf(errmsg, "line %d: %s", p.err_line, m)
					: asprintf(errmsg, "%s", m);
		if (ok < 0)
			*errmsg = NULL;
	}
	xmlFree(p.cat_domain);
	xmlFree(p.cat_nicename);
	free(p.cats);
	free(p.tags);
	free(p.others);
	free(p.err);
	buf_free(&p.text);
	wxr_free(p.w);
	return rc;
}

/* No network, no entity expansion beyond the predefined ones, big text nodes allowed
 * (post content can exceed libxml's 10 MB default). */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOCDATA)

int wxr_parse_file(const char *path, struct wxr **out, char **errmsg)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errmsg && asprintf(errmsg, "cannot read %s", path) < 0)
			*errmsg = NULL;
		return PD_EIO;
	}
	fclose(f);
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, READER_OPTIONS);
	if (!r) {
		if (errmsg && asprintf(errmsg, "cannot read %s", path) < 0)
			*errmsg = NULL;
		return PD_EIO;
	}
	int rc = parse(r, out, errmsg);
	xmlFreeTextReader(r);
	return rc;
}

int wxr_parse_memory(const char *data, size_t len, struct wxr **out, char **errmsg)
{
	if (len > (size_t)0x7fffffff)
		return PD_ELIMIT;
	xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, NULL, NULL, READER_OPTIONS);
	if (!r) {
		if (errmsg)
			*errmsg = strdup("out of memory");
		return PD_ENOMEM;
	}
	int rc = parse(r, out, errmsg);
	xmlFreeTextReader(r);
	return rc;
}
