/* query.h - URL decoding and query strings parsed as PHP's parse_str() does,
 * into a jansson object: "a=1&b[]=2&b[]=3&c[x]=4" -> {"a":"1","b":["2","3"],"c":{"x":"4"}}.
 * Used for the query string and for application/x-www-form-urlencoded bodies. */
#ifndef PRESSD_QUERY_H
#define PRESSD_QUERY_H

#include <stddef.h>
#include <jansson.h>

/* Decodes %XX (and '+' as space when plus_is_space) in place; returns the new length. */
size_t url_decode(char *s, size_t n, int plus_is_space);

/* A new object (caller decrefs) with the parameters of qs (n bytes, no leading '?').
 * At most max_params pairs are read (PHP's max_input_vars); more are ignored. */
json_t *query_parse(const char *qs, size_t n, size_t max_params);

/* Appends "name=value" pairs of a flat object back as a query string,
 * percent-encoding like PHP's rawurlencode-free add_query_arg() does (used for Link headers). */
#endif
