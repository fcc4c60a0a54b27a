/* import.h - writes a WXR file into the store with the import rules of the
 * comparison site (SITE.md §4, reference-wp/import-wxr.php): IDs kept when free,
 * items whose ID is taken skipped, everything in one transaction. */
#ifndef PRESSD_IMPORT_H
#define PRESSD_IMPORT_H

struct store;
struct wxr;

struct import_options {
	int no_comments;        /* 1: comments are not imported (the samples' import-* variant) */
	int progress;           /* 1: a progress line on stderr (callers pass isatty(2)) */
	const char *label;      /* name shown in progress lines, e.g. the file's basename; may be NULL */
};

/* What one import did, as import-wxr.php reports it. */
struct import_stats {
	long authors_created;   /* users created for WXR authors */
	long terms_created;
	long terms_existing;    /* declared terms term_exists() found */
	long term_ids_kept;     /* created with the file's term_id */
	long posts_created;
	long posts_skipped;     /* ID already taken: skipped with their terms, meta, comments */
	long posts_failed;      /* unknown post type */
	long posts_ignored;     /* types and statuses that are never imported (menu items, auto-drafts, ...) */
	long attachments, pages, posts, revisions, others;  /* created, by type */
	long comments;
	long comment_ids_new;   /* comments whose ID was taken, so got MAX + 1 */
};

/* Imports w in one transaction (BEGIN IMMEDIATE ... COMMIT; ROLLBACK on any error,
 * leaving the store as it was). stats may be NULL; on error *errmsg (if not NULL)
 * is a malloc'd message. Importing the same file again changes nothing. */
int import_wxr(struct store *st, const struct wxr *w, const struct import_options *opt,
	       struct import_stats *stats, char **errmsg);

/* Parses path (wxr_parse_file()) and imports it; a malformed file imports nothing. */
int import_file(struct store *st, const char *path, const struct import_options *opt,
		struct import_stats *stats, char **errmsg);

/* Installs an empty site at url (site_install(): title "pressd demo", admin
 * "admin") and imports the demo content compiled into pressd (data/demo/demo.xml). */
int import_demo(struct store *st, const char *url);

#endif
