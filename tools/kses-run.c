/* kses-run.c - runs server/kses.c over the cases of tools/wp-kses-oracle.php
 * (same JSON in, same JSON out), for tools/kses-differential.py. entities,
 * protocol and css take C strings: their inputs stop at a NUL.
 *   built and run by tools/kses-differential.py */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "pressd/buf.h"
#include "pressd/format.h"
#include "pressd/kses.h"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *b64_decode(const char *s, size_t *n)
{
	size_t len = strlen(s), o = 0;
	char *r = malloc(len + 1);
	unsigned v = 0;
	int bits = 0;
	for (size_t i = 0; i < len && s[i] != '='; i++) {
		const char *p = strchr(b64, s[i]);
		if (!p)
			continue;
		v = (v << 6) | (unsigned)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			r[o++] = (char)((v >> bits) & 0xFF);
		}
	}
	r[o] = 0;
	*n = o;
	return r;
}

static json_t *b64_encode(const char *s, size_t n)
{
	char *r = malloc(n * 4 / 3 + 8);
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n) v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n) v |= (unsigned char)s[i + 2];
		r[o++] = b64[(v >> 18) & 63];
		r[o++] = b64[(v >> 12) & 63];
		r[o++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		r[o++] = i + 2 < n ? b64[v & 63] : '=';
	}
	r[o] = 0;
	json_t *j = json_string(r);
	free(r);
	return j;
}

int main(int argc, char **argv)
{
	const char *host = argc > 1 ? argv[1] : "example.org";
	json_error_t err;
	json_t *cases = json_loadf(stdin, JSON_ALLOW_NUL, &err);
	if (!json_is_array(cases)) {
		fprintf(stderr, "stdin is not a JSON array: %s\n", err.text);
		return 2;
	}
	json_t *outs = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		const char *ctx = json_string_value(json_object_get(c, "context"));
		json_t *jb = json_object_get(c, "b64");
		size_t n;
		char *in;
		if (jb) {
			in = b64_decode(json_string_value(jb), &n);
		} else {
			json_t *js = json_object_get(c, "input");
			n = json_string_length(js);
			in = malloc(n + 1);
			memcpy(in, json_string_value(js), n + 1);
		}
		struct buf out = BUF_INIT;
		int rc;
		if (!strcmp(ctx, "post")) rc = kses_filter_n(in, n, KSES_POST, host, &out);
		else if (!strcmp(ctx, "data")) rc = kses_filter_n(in, n, KSES_DATA, host, &out);
		else if (!strcmp(ctx, "description")) rc = kses_filter_n(in, n, KSES_DESCRIPTION, host, &out);
		else if (!strcmp(ctx, "strip")) rc = kses_filter_n(in, n, KSES_STRIP, host, &out);
		else if (!strcmp(ctx, "entities")) rc = kses_normalize_entities(in, &out);
		else if (!strcmp(ctx, "protocol")) rc = kses_bad_protocol(in, &out);
		else if (!strcmp(ctx, "css")) rc = kses_safecss_filter_attr(in, &out);
		else { fprintf(stderr, "unknown context %s\n", ctx); return 2; }
		json_t *o = json_object();
		if (rc)
			json_object_set_new(o, "error", json_integer(rc));
		else if (format_utf8_valid(buf_str(&out), out.len))
			json_object_set_new(o, "output", json_stringn(buf_str(&out), out.len));
		else
			json_object_set_new(o, "b64", b64_encode(buf_str(&out), out.len));
		json_array_append_new(outs, o);
		buf_free(&out);
		free(in);
	}
	json_dumpf(outs, stdout, JSON_INDENT(4) | JSON_ENSURE_ASCII);
	putchar('\n');
	json_decref(outs);
	json_decref(cases);
	return 0;
}
