/* assets.h - read-only files compiled into pressd (schema/, demo content). */
#ifndef PRESSD_ASSETS_H
#define PRESSD_ASSETS_H

#include <stddef.h>

struct asset {
	const char *path;          /* repository path, e.g. "schema/001_wordpress.sql" */
	const char *data;          /* contents, NUL-terminated; static storage */
	size_t len;                /* bytes, excluding the NUL */
};

/* The asset with that repository path, or NULL. */
const struct asset *asset_find(const char *path);
/* Every asset whose path starts with prefix, in path order; returns the count (max n). */
size_t asset_list(const char *prefix, const struct asset **out, size_t n);

#endif
