/* store.c - SQLite connections, migrations and the prepared statement cache.
 * It knows nothing of posts or REST; those modules bring their own SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/assets.h"
#include "pressd/collate.h"
#include "pressd/err.h"
#include "pressd/store.h"

#define STMT_SLOTS 256 /* open-addressed; more distinct statements than pressd has */

struct stmt_slot {
	char *sql;             /* key: the SQL text, owned */
	sqlite3_stmt *stmt;    /* compiled once, finalized by store_close() */
};

/* Options read while the site's data stays at one generation: a request
 * reads the same few options once per item (avatar defaults, page_on_front,
 * meta keys ...); they are answered from here until the generation moves. */
#define OPTION_MEMO 24

struct option_memo {
	char *name;            /* owned */
	char *value;           /* owned; NULL: the option is absent */
};

struct store {
	sqlite3 *db;
	struct stmt_slot slots[STMT_SLOTS];
	int nslots;            /* slots in use */
	long long read_generation; /* see store_set_read_generation(); -1: none */
	struct option_memo options[OPTION_MEMO];
	int noptions;
	long long options_generation; /* the read_generation options[] belong to */
};

static void options_forget(struct store *st)
{
	for (int i = 0; i < st->noptions; i++) {
		free(st->options[i].name);
		free(st->options[i].value);
	}
	st->noptions = 0;
}

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

sqlite3 *store_db(struct store *st) { return st->db; }
void store_set_read_generation(struct store *st, long long generation) { st->read_generation = generation; }
long long store_read_generation(const struct store *st) { return st->read_generation; }
const char *store_errmsg(struct store *st) { return sqlite3_errmsg(st->db); }

sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	unsigned long i = hash_str(sql) % STMT_SLOTS;
	for (int probes = 0; probes < STMT_SLOTS; probes++, i = (i + 1) % STMT_SLOTS) {
		struct stmt_slot *s = &st->slots[i];
		if (!s->sql)
			break;
		if (strcmp(s->sql, sql) == 0) {
			sqlite3_reset(s->stmt);
			sqlite3_clear_bindings(s->stmt);
			return s->stmt;
		}
	}
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
		return NULL;
	/* A full cache still works, it only stops caching (statement leaks are
	 * impossible: uncached ones are tracked in the same table when room exists). */
	if (st->nslots >= STMT_SLOTS * 3 / 4) {
		fprintf(stderr, "pressd: statement cache full\n");
		abort();
	}
	struct stmt_slot *s = &st->slots[i];
	s->sql = strdup(sql);
	if (!s->sql) {
		sqlite3_finalize(stmt);
		return NULL;
	}
	s->stmt = stmt;
	st->nslots++;
	return stmt;
}

sqlite3_stmt *store_stmt_new(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	return stmt;
}

void store_done(sqlite3_stmt *stmt)
{
	if (stmt)
		sqlite3_reset(stmt);
}

char *store_column_strdup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *t = sqlite3_column_text(stmt, col);
	return strdup(t ? (const char *)t : "");
}

int store_exec(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ? PD_OK : PD_EDB;
}

int store_begin(struct store *st) { return store_exec(st, "BEGIN IMMEDIATE"); }
int store_commit(struct store *st) { return store_exec(st, "COMMIT"); }
int store_rollback(struct store *st) { return store_exec(st, "ROLLBACK"); }

int store_schema_version(void)
{
	const struct asset *a[64];
	return (int)asset_list("schema/0", a, 64);
}

/* Applies schema/NNN_*.sql assets above PRAGMA user_version, each in one transaction. */
static int migrate(struct store *st, char **errmsg)
{
	const struct asset *a[64];
	size_t n = asset_list("schema/0", a, 64);
	sqlite3_stmt *q = NULL;
	int version = 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		version = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	if (version > (int)n) {
		if (errmsg && asprintf(errmsg, "database schema version %d is newer than this pressd (%zu)",
				       version, n) < 0)
			*errmsg = NULL;
		return PD_EINVAL;
	}
	for (size_t i = (size_t)version; i < n; i++) {
		char *err = NULL, pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %zu", i + 1);
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK ||
		    sqlite3_exec(st->db, a[i]->data, NULL, NULL, &err) != SQLITE_OK ||
		    sqlite3_exec(st->db, pragma, NULL, NULL, &err) != SQLITE_OK ||
		    sqlite3_exec(st->db, "COMMIT", NULL, NULL, &err) != SQLITE_OK) {
			if (errmsg && asprintf(errmsg, "migration %s failed: %s", a[i]->path,
					       err ? err : "?") < 0)
				*errmsg = NULL;
			sqlite3_free(err);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return PD_EDB;
		}
	}
	return PD_OK;
}

int store_open(const char *path, int flags, struct store **out, char **errmsg)
{
	struct store *st = calloc(1, sizeof *st);
	int rc = PD_EDB;
	if (errmsg)
		*errmsg = NULL;
	if (!st)
		return PD_ENOMEM;
	st->read_generation = -1;
	int oflags = SQLITE_OPEN_NOMUTEX |
		     ((flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		     ((flags & STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
		if (errmsg && asprintf(errmsg, "cannot open database %s: %s", path,
				       st->db ? sqlite3_errmsg(st->db) : "out of memory") < 0)
			*errmsg = NULL;
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 1);
	if (!(flags & STORE_READONLY)) {
		/* WAL lets readers on other threads proceed while one writer commits. */
		if (sqlite3_exec(st->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK) {
			if (errmsg && asprintf(errmsg, "database %s is not writable: %s", path,
					       sqlite3_errmsg(st->db)) < 0)
				*errmsg = NULL;
			goto fail;
		}
		sqlite3_exec(st->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	}
	sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	collate_register(st->db);
	sqlite3_exec(st->db, "PRAGMA cache_size=-16384", NULL, NULL, NULL);
	if (!(flags & STORE_READONLY) && (rc = migrate(st, errmsg)) != PD_OK)
		goto fail;
	*out = st;
	return PD_OK;
fail:
	store_close(st);
	return rc ? rc : PD_EDB;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < STMT_SLOTS; i++) {
		if (st->slots[i].sql) {
			sqlite3_finalize(st->slots[i].stmt);
			free(st->slots[i].sql);
		}
	}
	options_forget(st);
	sqlite3_close(st->db);
	free(st);
}

static char *column_dup(sqlite3_stmt *s, int col)
{
	const unsigned char *v = sqlite3_column_text(s, col);
	return v ? strdup((const char *)v) : NULL;
}

static char *option_read(struct store *st, const char *name)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT option_value FROM wp_options WHERE option_name = ?");
	char *v = NULL;
	if (!s)
		return NULL;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = column_dup(s, 0);
	store_done(s);
	return v;
}

char *store_option_get(struct store *st, const char *name)
{
	if (st->read_generation < 0) /* a write request, the CLI: always the table */
		return option_read(st, name);
	if (st->options_generation != st->read_generation) {
		options_forget(st);
		st->options_generation = st->read_generation;
	}
	for (int i = 0; i < st->noptions; i++)
		if (!strcmp(st->options[i].name, name))
			return st->options[i].value ? strdup(st->options[i].value) : NULL;
	char *v = option_read(st, name);
	if (st->noptions < OPTION_MEMO) {
		struct option_memo *m = &st->options[st->noptions];
		m->name = strdup(name);
		m->value = v ? strdup(v) : NULL;
		if (m->name && (!v || m->value))
			st->noptions++;
		else {
			free(m->name);
			free(m->value);
		}
	}
	return v;
}

long store_option_get_long(struct store *st, const char *name, long fallback)
{
	char *v = store_option_get(st, name), *end;
	long n = fallback;
	if (v && *v) {
		long x = strtol(v, &end, 10);
		if (*end == '\0')
			n = x;
	}
	free(v);
	return n;
}

/* One statement for both: upsert replaces the value, insert-or-ignore keeps it. */
static int option_write(struct store *st, const char *sql, const char *name, const char *value)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return PD_EDB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	options_forget(st);
	return rc;
}

int store_option_set(struct store *st, const char *name, const char *value)
{
	return option_write(st,
		"INSERT INTO wp_options (option_name, option_value) VALUES (?, ?) "
		"ON CONFLICT(option_name) DO UPDATE SET option_value = excluded.option_value", name, value);
}

int store_option_add(struct store *st, const char *name, const char *value)
{
	return option_write(st, "INSERT OR IGNORE INTO wp_options (option_name, option_value) VALUES (?, ?)",
			    name, value);
}

/* The table and id column of a metadata kind; NULL for an unknown kind. */
static const char *meta_sql(const char *kind, int op)
{
	/* op: 0 get, 1 add, 2 delete */
	static const char *sql[4][3] = {
		{ "SELECT meta_value FROM wp_postmeta WHERE post_id = ? AND meta_key = ? ORDER BY meta_id LIMIT 1",
		  "INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (?, ?, ?)",
		  "DELETE FROM wp_postmeta WHERE post_id = ? AND meta_key = ?" },
		{ "SELECT meta_value FROM wp_usermeta WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id LIMIT 1",
		  "INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (?, ?, ?)",
		  "DELETE FROM wp_usermeta WHERE user_id = ? AND meta_key = ?" },
		{ "SELECT meta_value FROM wp_termmeta WHERE term_id = ? AND meta_key = ? ORDER BY meta_id LIMIT 1",
		  "INSERT INTO wp_termmeta (term_id, meta_key, meta_value) VALUES (?, ?, ?)",
		  "DELETE FROM wp_termmeta WHERE term_id = ? AND meta_key = ?" },
		{ "SELECT meta_value FROM wp_commentmeta WHERE comment_id = ? AND meta_key = ? ORDER BY meta_id LIMIT 1",
		  "INSERT INTO wp_commentmeta (comment_id, meta_key, meta_value) VALUES (?, ?, ?)",
		  "DELETE FROM wp_commentmeta WHERE comment_id = ? AND meta_key = ?" },
	};
	static const char *kinds[4] = { "post", "user", "term", "comment" };
	for (int i = 0; i < 4; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return sql[i][op];
	return NULL;
}

char *store_meta_get(struct store *st, const char *kind, long id, const char *key)
{
	const char *sql = meta_sql(kind, 0);
	sqlite3_stmt *s = sql ? store_stmt(st, sql) : NULL;
	char *v = NULL;
	if (!s)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = column_dup(s, 0);
	store_done(s);
	return v;
}

int store_meta_add(struct store *st, const char *kind, long id, const char *key, const char *value)
{
	const char *sql = meta_sql(kind, 1);
	sqlite3_stmt *s = sql ? store_stmt(st, sql) : NULL;
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	return rc;
}

int store_meta_delete(struct store *st, const char *kind, long id, const char *key)
{
	const char *sql = meta_sql(kind, 2);
	sqlite3_stmt *s = sql ? store_stmt(st, sql) : NULL;
	if (!s)
		return PD_EDB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s) == SQLITE_DONE ? PD_OK : PD_EDB;
	store_done(s);
	return rc;
}

int store_meta_set(struct store *st, const char *kind, long id, const char *key, const char *value)
{
	int rc = store_meta_delete(st, kind, id, key);
	return rc ? rc : store_meta_add(st, kind, id, key, value);
}
