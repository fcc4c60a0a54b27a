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

struct buf;
/* Appends params as add_query_arg() writes them: PHP urlencode() of keys and
 * values, arrays as key%5B0%5D=v, and "k=" shortened to "k". */
int query_build(const json_t *params, struct buf *out);
/* PHP urlencode(): spaces as '+', everything but [A-Za-z0-9_.-] as %XX. */
int url_encode(const char *s, struct buf *out);
int url_encode_n(const char *s, size_t n, struct buf *out);   /* n bytes at s */

#endif
