/* store.h - the SQLite store: one connection per thread, schema migrations,
 * a cache of prepared statements, options and metadata.
 *
 * A struct store is used by one thread at a time. Statements returned by
 * store_stmt() belong to the store; callers bind, step and then call
 * store_done() (which resets it) - they never finalize it. */
#ifndef PRESSD_STORE_H
#define PRESSD_STORE_H

#include <sqlite3.h>

struct store;

enum store_flags {
	STORE_CREATE = 1,    /* create the file if missing */
	STORE_READONLY = 2,  /* open read-only; no migrations */
};

/* Opens (and migrates, unless read-only) the database at path. On failure
 * returns a pd_err and, if errmsg is not NULL, a malloc'd message for the user. */
int store_open(const char *path, int flags, struct store **out, char **errmsg);
void store_close(struct store *st);

sqlite3 *store_db(struct store *st);
const char *store_errmsg(struct store *st);

/* A cached prepared statement for sql (compiled once per store), reset and
 * with bindings cleared; NULL on a syntax error (message in store_errmsg). */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);

/* The generation (pressd_generation.n) a read-only request (GET, HEAD) on
 * this store began at, or -1 (other requests, the CLI): what code keeps of
 * the site's data between calls (permalink.c's category paths) is valid
 * only while this is the number it was kept under. Set by http.c. */
void store_set_read_generation(struct store *st, long long generation);
long long store_read_generation(const struct store *st);
/* A new, uncached statement for dynamically built SQL; the caller
 * finalizes it with sqlite3_finalize(). NULL on error (store_errmsg). */
sqlite3_stmt *store_stmt_new(struct store *st, const char *sql);
/* Resets a statement obtained from store_stmt() so it can be reused. */
void store_done(sqlite3_stmt *stmt);
/* Column col of the current row as a malloc'd string ("" for NULL), or NULL
 * when out of memory. */
char *store_column_strdup(sqlite3_stmt *stmt, int col);

int store_exec(struct store *st, const char *sql);   /* PD_OK or PD_EDB; for DDL and one-offs */
int store_begin(struct store *st);                  /* BEGIN IMMEDIATE */
int store_commit(struct store *st);
int store_rollback(struct store *st);

/* The schema version this binary migrates to. */
int store_schema_version(void);

/* Options (wp_options). get returns a malloc'd copy or NULL if the option
 * does not exist; during a read-only request (store_read_generation() >= 0)
 * the values it read are remembered for that generation, so asking once per
 * item costs no query. Writes through set/add forget them. */
char *store_option_get(struct store *st, const char *name);
long store_option_get_long(struct store *st, const char *name, long fallback);
int store_option_set(struct store *st, const char *name, const char *value);
/* add_option(): stores value only when the option does not exist yet. */
int store_option_add(struct store *st, const char *name, const char *value);

/* Metadata of posts, users, terms and comments (wp_postmeta ...): the first
 * value of key for object id, malloc'd, or NULL. kind: "post", "user", "term", "comment". */
char *store_meta_get(struct store *st, const char *kind, long id, const char *key);
int store_meta_add(struct store *st, const char *kind, long id, const char *key, const char *value);
/* Replaces every value of key by one value (update_metadata()). */
int store_meta_set(struct store *st, const char *kind, long id, const char *key, const char *value);
int store_meta_delete(struct store *st, const char *kind, long id, const char *key);

#endif
