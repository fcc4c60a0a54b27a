/* query.c - PHP-compatible query string parsing (parse_str semantics). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/buf.h"
#include "pressd/json.h"
#include "pressd/query.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

size_t url_decode(char *s, size_t n, int plus_is_space)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			s[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else if (s[i] == '+' && plus_is_space) {
			s[o++] = ' ';
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	return o;
}

/* All-digit keys of PHP arrays are integers; a container whose keys are
 * 0..n-1 in order is a JSON list, which is how WordPress sees "include[0]=1". */
static int is_index(const char *k, size_t n)
{
	if (n == 0 || n > 9)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)k[i]))
			return 0;
	return !(n > 1 && k[0] == '0');
}

/* Converts a list to an object with "0","1"... keys (PHP arrays are both). */
static json_t *list_to_object(json_t *list)
{
	json_t *obj = jobj(), *v;
	size_t i;
	char num[24];
	json_array_foreach(list, i, v) {
		snprintf(num, sizeof num, "%zu", i);
		json_object_set(obj, num, v);
	}
	return obj;
}

/* Stores value under name's path ("a", "a[]", "a[x][]") into root, as parse_str(). */
static void assign(json_t *root, char *name, size_t nlen, const char *value)
{
	/* PHP: the top-level name ends at the first '['; '.' and ' ' in it become '_'. */
	char *br = memchr(name, '[', nlen);
	size_t blen = br ? (size_t)(br - name) : nlen;
	if (blen == 0)
		return;
	char *base = strndup(name, blen);
	if (!base)
		return;
	for (size_t i = 0; i < blen; i++)
		if (base[i] == '.' || base[i] == ' ')
			base[i] = '_';
	/* Subscripts: up to 16 well-formed "[...]" groups; NULL segment = push. */
	char *segs[16];
	size_t nseg = 0;
	char *p = br, *endp = name + nlen;
	while (p && p < endp && *p == '[' && nseg < 16) {
		char *close = memchr(p, ']', (size_t)(endp - p));
		if (!close)
			break;
		*close = '\0';
		segs[nseg++] = p + 1;
		p = close + 1;
	}
	json_t *parent = root;      /* object or array holding the current slot */
	const char *key = base;     /* key in parent (objects); NULL = push (arrays) */
	for (size_t i = 0; i <= nseg; i++) {
		int last = i == nseg;
		json_t *child = NULL;
		if (key && json_is_object(parent))
			child = json_object_get(parent, key);
		if (last) {
			if (json_is_array(parent))
				jpush(parent, jstr(value));
			else
				jset(parent, key ? key : "", jstr(value));
			break;
		}
		const char *sub = segs[i];
		size_t slen = strlen(sub);
		if (!child || (!json_is_object(child) && !json_is_array(child))) {
			child = (slen == 0 || strcmp(sub, "0") == 0) ? jarr() : jobj();
			if (json_is_array(parent))
				jpush(parent, child);
			else
				jset(parent, key, child);
		}
		/* A list stays a list only while keys are pushes or the next index. */
		if (json_is_array(child) && slen > 0 &&
		    !(is_index(sub, slen) && (size_t)atol(sub) == json_array_size(child))) {
			json_t *obj = list_to_object(child);
			if (json_is_array(parent))
				json_array_set_new(parent, json_array_size(parent) - 1, obj);
			else
				json_object_set_new(parent, key, obj);
			child = obj;
		}
		parent = child;
		key = slen == 0 || json_is_array(child) ? NULL : sub;
	}
	free(base);
}

json_t *query_parse(const char *qs, size_t n, size_t max_params)
{
	json_t *root = jobj();
	char *copy = malloc(n + 1);
	if (!copy)
		return root;
	memcpy(copy, qs, n);
	copy[n] = '\0';
	size_t count = 0;
	char *save = NULL;
	for (char *pair = strtok_r(copy, "&", &save); pair && count < max_params;
	     pair = strtok_r(NULL, "&", &save), count++) {
		char *eq = strchr(pair, '=');
		char *value = "";
		if (eq) {
			*eq = '\0';
			value = eq + 1;
			url_decode(value, strlen(value), 1);
		}
		size_t nlen = url_decode(pair, strlen(pair), 1);
		assign(root, pair, nlen, value);
	}
	free(copy);
	return root;
}

int url_encode(const char *s, struct buf *out)
{
	return url_encode_n(s, strlen(s), out);
}

int url_encode_n(const char *s, size_t n, struct buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	int rc = 0;
	for (const char *end = s + n; s < end && !rc; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '_' || c == '.' || c == '-') {
			rc = buf_putc(out, (char)c);
		} else if (c == ' ') {
			rc = buf_putc(out, '+');
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			rc = buf_append(out, e, 3);
		}
	}
	return rc;
}

static int build_pairs(const json_t *v, const char *key, struct buf *out, int *first)
{
	int rc = 0;
	if (json_is_object(v) || json_is_array(v)) {
		const char *k;
		json_t *item;
		size_t i;
		char sub[512];
		if (json_is_object(v)) {
			json_object_foreach((json_t *)v, k, item) {
				snprintf(sub, sizeof sub, "%s[%s]", key, k);
				if ((rc = build_pairs(item, sub, out, first)))
					return rc;
			}
		} else {
			json_array_foreach(v, i, item) {
				snprintf(sub, sizeof sub, "%s[%zu]", key, i);
				if ((rc = build_pairs(item, sub, out, first)))
					return rc;
			}
		}
		return rc;
	}
	if (json_is_null(v))
		return 0;
	if (!*first)
		rc = buf_putc(out, '&');
	*first = 0;
	if (!rc)
		rc = url_encode(key, out);
	char num[32];
	const char *s = json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		s = num;
	} else if (json_is_boolean(v)) {
		s = json_is_true(v) ? "1" : "0";
	}
	/* add_query_arg() drops the '=' of empty values. */
	if (!rc && s && *s) {
		rc = buf_putc(out, '=');
		if (!rc)
			rc = url_encode(s, out);
	}
	return rc;
}

int query_build(const json_t *params, struct buf *out)
{
	const char *k;
	json_t *v;
	int first = 1, rc = 0;
	json_object_foreach((json_t *)params, k, v) {
		if ((rc = build_pairs(v, k, out, &first)))
			break;
	}
	return rc;
}
