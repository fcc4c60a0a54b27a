/* wxr.h - reads a WXR file (WordPress eXtended RSS, export versions 1.0-1.2,
 * http:// and https://wordpress.org/export/1.x/ namespaces) into memory, in file
 * order, as WordPress's own importer parser sees it. It does not touch the store:
 * import.h decides what becomes of the content.
 *
 * Every string is UTF-8, NUL-terminated, owned by the struct wxr (freed by
 * wxr_free()), never NULL unless said otherwise. */
#ifndef PRESSD_WXR_H
#define PRESSD_WXR_H

#include <stddef.h>

struct wxr_meta {
	char *key;                 /* wp:meta_key */
	char *value;               /* wp:meta_value, the file's bytes (possibly PHP-serialized) */
};

struct wxr_author {
	long id;                   /* wp:author_id, 0 when absent */
	char *login;               /* wp:author_login, as in the file (not sanitized) */
	char *email;
	char *display_name;
	char *first_name;
	char *last_name;
};

/* A <wp:category>, <wp:tag> or <wp:term> of the channel. */
struct wxr_term {
	long term_id;              /* wp:term_id, 0 when absent */
	char *taxonomy;            /* "category", "post_tag" or wp:term_taxonomy */
	char *slug;
	char *parent;              /* the parent's slug, "" for none */
	char *name;
	char *description;
	struct wxr_meta *meta;     /* wp:termmeta, file order */
	size_t nmeta;
};

/* An item's <category domain="..." nicename="...">name</category>. */
struct wxr_item_term {
	char *domain;              /* "category", "post_tag", "tag", "post_format", ... */
	char *slug;                /* the nicename attribute */
	char *name;                /* the element's text */
};

struct wxr_comment {
	long id;                   /* wp:comment_id */
	char *author;
	char *author_email;
	char *author_ip;           /* wp:comment_author_IP */
	char *author_url;
	char *date;                /* "YYYY-MM-DD HH:MM:SS", site time */
	char *date_gmt;            /* "" when absent */
	char *content;
	char *approved;            /* "1", "0", "spam", "trash", ...; "" when absent */
	char *type;                /* "" for a plain comment */
	long parent;               /* the file's comment ID of the parent, 0 for none */
	long user_id;              /* wp:comment_user_id: a file author ID */
	struct wxr_meta *meta;     /* wp:commentmeta */
	size_t nmeta;
};

struct wxr_item {
	char *title;
	char *guid;
	char *creator;             /* dc:creator: an author login, as in the file */
	char *content;             /* content:encoded */
	char *excerpt;             /* excerpt:encoded */
	long post_id;              /* 0 when absent */
	char *post_date;
	char *post_date_gmt;
	char *post_modified;       /* "" when absent */
	char *post_modified_gmt;   /* "" when absent */
	char *comment_status;
	char *ping_status;
	char *post_name;
	char *status;
	long post_parent;
	long menu_order;
	char *post_type;
	char *post_password;
	int is_sticky;             /* wp:is_sticky as an integer */
	char *attachment_url;      /* "" when absent */
	struct wxr_item_term *terms;   /* only <category> elements with a nicename */
	size_t nterms;
	struct wxr_meta *meta;     /* wp:postmeta, file order */
	size_t nmeta;
	struct wxr_comment *comments;  /* file order */
	size_t ncomments;
};

struct wxr {
	char *version;             /* wp:wxr_version, e.g. "1.2" */
	char *base_site_url;       /* wp:base_site_url, "" when absent */
	struct wxr_author *authors;    /* <wp:author> and <wp:wp_author>, file order */
	size_t nauthors;
	/* Categories (parents first), then tags, then other terms (parents first),
	 * each otherwise in file order - the order WordPress's importer creates them. */
	struct wxr_term *terms;
	size_t nterms;
	struct wxr_item *items;    /* file order */
	size_t nitems;
	struct wxr_pool *pool;     /* the strings' memory */
};

/* Parses a WXR document. On PD_OK *out is a new struct wxr (wxr_free()).
 * On PD_EINVAL (malformed XML, a DOCTYPE, not a WXR file) nothing is returned
 * and, if errmsg is not NULL, *errmsg is a malloc'd message naming the line,
 * e.g. "line 12: Opening and ending tag mismatch: item and channel".
 * PD_EIO when the file cannot be read, PD_ENOMEM. */
int wxr_parse_file(const char *path, struct wxr **out, char **errmsg);
int wxr_parse_memory(const char *data, size_t len, struct wxr **out, char **errmsg);
void wxr_free(struct wxr *w);

#endif
