/* phpser.h - PHP's serialize()/unserialize() format as jansson values, for
 * post meta such as _wp_attachment_metadata (WXR import, srcset, media REST).
 *
 * Mapping: N -> null, b -> true/false, i -> integer, d -> real, s -> string
 * (bytes kept as they are, possibly not UTF-8: jansson "nocheck" strings),
 * a -> JSON array when its keys are exactly 0..n-1 in order, otherwise a JSON
 * object whose keys are the PHP keys as decimal strings. An object O:... maps
 * to a JSON object carrying its class in the key "__PHP_Incomplete_Class_Name",
 * which is what PHP itself produces for a class it does not know.
 * References (r:, R:) and custom serialization (C:) are rejected. */
#ifndef PRESSD_PHPSER_H
#define PRESSD_PHPSER_H

#include <stddef.h>
#include <jansson.h>

#include "pressd/buf.h"

/* Mirrors unserialize(): parses the first value of s[0..len) (trailing bytes
 * are ignored, as PHP 8.2 does). On PD_OK *out is a new reference the caller
 * releases with json_decref(). PD_EINVAL for malformed input (where
 * WordPress's maybe_unserialize() would yield false), PD_ENOMEM. */
int phpser_unserialize(const char *s, size_t len, json_t **out);

/* Mirrors serialize(): appends the PHP serialization of v to out, byte for
 * byte what PHP 8.2 writes for the equivalent PHP value. Object keys that are
 * canonical decimal integers are written as integer keys (PHP converts them).
 * PD_EINVAL for values PHP cannot hold the same way (none for plain JSON). */
int phpser_serialize(const json_t *v, struct buf *out);

#endif
