/* collate.h - MySQL's utf8mb4_unicode_ci ordering for SQLite, so ORDER BY
 * title/name sorts as WordPress's database does: case- and accent-
 * insensitive, punctuation before digits before letters, trailing spaces
 * ignored. Registered on every connection as the collation "WP_CI". */
#ifndef PRESSD_COLLATE_H
#define PRESSD_COLLATE_H

#include <stddef.h>
#include <sqlite3.h>

/* <0, 0, >0 as a sorts before, with or after b (n bytes each, UTF-8). */
int collate_wp_ci(const char *a, size_t an, const char *b, size_t bn);
/* collate_wp_ci() of two NUL-terminated strings. */
int collate_wp_ci_str(const char *a, const char *b);
/* Registers WP_CI on db. SQLITE_OK or an SQLite error code. */
int collate_register(sqlite3 *db);

#endif
