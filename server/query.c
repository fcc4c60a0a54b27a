/* query.c - PHP-compatible query string parsing (parse_str semantics). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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

/* Stores value under the path base[k1][k2]... into root. */
static void assign(json_t *root, char *name, size_t nlen, const char *value)
{
	/* PHP: the top-level name ends at the first '['; '.' and ' ' in it become '_'. */
	char *br = memchr(name, '[', nlen);
	size_t blen = br ? (size_t)(br - name) : nlen;
	if (blen == 0)
		return;
	for (size_t i = 0; i < blen; i++)
		if (name[i] == '.' || name[i] == ' ')
			name[i] = '_';
	char saved = name[blen];
	name[blen] = '\0';
	json_t *cur = root;
	char *key = name;
	size_t klen = blen;
	int key_is_push = 0;
	char *p = br;
	for (;;) {
		/* Next subscript, if a well-formed one follows. */
		char *sub = NULL, *close = NULL;
		if (p && p < name + nlen && *p == '[' && (close = memchr(p, ']', (size_t)(name + nlen - p)))) {
			sub = p + 1;
		}
		json_t *existing = key_is_push ? NULL : (json_is_object(cur) ? json_object_get(cur, key) : NULL);
		if (!sub) {
			json_t *v = jstr(value);
			if (json_is_array(cur))
				jpush(cur, v);
			else
				jset(cur, key, v);
			break;
		}
		size_t slen = (size_t)(close - sub);
		json_t *child = existing;
		if (!child || json_is_string(child)) {
			child = slen == 0 || (slen == 1 && sub[0] == '0') ? jarr() : jobj();
			if (json_is_array(cur))
				jpush(cur, child);
			else
				jset(cur, key, child);
		}
		/* A list stays a list only while keys are pushes or the next index. */
		if (json_is_array(child) && slen > 0 &&
		    !(is_index(sub, slen) && (size_t)atol(sub) == json_array_size(child))) {
			json_t *obj = jobj();
			size_t i;
			json_t *v;
			char num[24];
			json_array_foreach(child, i, v) {
				snprintf(num, sizeof num, "%zu", i);
				json_object_set(obj, num, v);
			}
			if (json_is_array(cur))
				json_array_set(cur, json_array_size(cur) - 1, obj);
			else
				json_object_set(cur, key, obj);
			json_decref(obj);
			child = obj;
		}
		cur = child;
		*close = '\0';
		key = sub;
		klen = slen;
		key_is_push = slen == 0 || json_is_array(cur);
		p = close + 1;
	}
	(void)klen;
	name[blen] = saved;
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
