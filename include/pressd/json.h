/* json.h - JSON output exactly as PHP's json_encode() writes it for WordPress
 * (wp_json_encode with default flags): "/" escaped as "\/", non-ASCII as
 * lowercase \uXXXX (surrogate pairs above U+FFFF), floats as PHP 7.1+ with
 * serialize_precision -1. Documents are jansson trees (insertion-ordered). */
#ifndef PRESSD_JSON_H
#define PRESSD_JSON_H

#include <jansson.h>
#include "pressd/buf.h"

/* Appends the encoding of j to out. PD_OK or a buf error. */
int json_emit(const json_t *j, struct buf *out);
/* Appends a JSON string literal (with quotes) for the n bytes at s; invalid
 * UTF-8 sequences are replaced by U+FFFD (as wp_json_encode's sanity check). */
int json_emit_string(const char *s, size_t n, struct buf *out);

/* Small builders that never fail silently: on allocation failure they abort,
 * like every other out-of-memory in a response tree (a half-built answer is
 * worse than a crash-restart). Strings are copied; invalid UTF-8 is accepted. */
json_t *jstr(const char *s);                 /* NULL s -> JSON null */
json_t *jstrn(const char *s, size_t n);
json_t *jint(long long v);
json_t *jbool(int v);
json_t *jobj(void);
json_t *jarr(void);
/* obj[key] = value (value reference stolen); returns obj for chaining. */
json_t *jset(json_t *obj, const char *key, json_t *value);
json_t *jpush(json_t *arr, json_t *value);

#endif
