/* routes.h - WordPress's route documents (schema/routes.json: namespace,
 * methods, endpoints with args, item schema) and the route table's setup. */
#ifndef PRESSD_ROUTES_H
#define PRESSD_ROUTES_H

#include <jansson.h>

struct store;

/* Loads the documents (with the site's registered meta keys, read from st,
 * and links under home; either may be NULL to keep what was captured) and
 * compiles the route patterns; once, before serving. */
int routes_init(struct store *st, const char *home);
/* The document of a route pattern (borrowed, read-only), or NULL. */
const json_t *routes_doc(const char *pattern);
/* The index's static keys (namespaces, authentication ...), borrowed. */
const json_t *routes_index_doc(void);
/* The args object of the endpoint of pattern that serves method ("GET"), or NULL. */
const json_t *routes_args(const char *pattern, const char *method);
/* Index of the route matching path, filling url params; -1 if none. */
int routes_match(const char *path, json_t **url_params);

#endif
