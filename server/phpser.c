/* phpser.c - PHP serialize()/unserialize() over jansson values (see phpser.h).
 * Handles the value types WordPress stores in meta and options; it does not
 * run PHP magic (__wakeup, Serializable) and rejects references. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/phpser.h"

#define MAX_DEPTH 256 /* nesting limit, keeps recursion bounded on hostile input */
#define INCOMPLETE_CLASS_KEY "__PHP_Incomplete_Class_Name"

struct reader {
	const char *p;   /* next byte to read */
	const char *end; /* one past the last byte */
};

static int parse_value(struct reader *r, int depth, json_t **out);

static int expect(struct reader *r, char c)
{
	if (r->p >= r->end || *r->p != c)
		return PD_EINVAL;
	r->p++;
	return PD_OK;
}

/* A PHP long up to `stop`: optional sign, digits (PHP accepts a leading '+'). */
static int read_long(struct reader *r, char stop, long long *v)
{
	const char *q = r->p;
	int neg = 0;
	unsigned long long acc = 0;
	if (q < r->end && (*q == '-' || *q == '+'))
		neg = *q++ == '-';
	const char *digits = q;
	while (q < r->end && *q >= '0' && *q <= '9') {
		unsigned d = (unsigned)(*q - '0');
		if (acc > (ULLONG_MAX - d) / 10)
			return PD_EINVAL;
		acc = acc * 10 + d;
		q++;
	}
	if (q == digits || q >= r->end || *q != stop)
		return PD_EINVAL;
	if (neg ? acc > (unsigned long long)LLONG_MAX + 1 : acc > (unsigned long long)LLONG_MAX)
		return PD_EINVAL;
	*v = neg ? (long long)(0 - acc) : (long long)acc;
	r->p = q + 1;
	return PD_OK;
}

/* `N:"bytes"` after the type letter and colon: a length-prefixed byte string. */
static int read_counted(struct reader *r, const char **s, size_t *n)
{
	long long len;
	if (read_long(r, ':', &len) || len < 0 || expect(r, '"'))
		return PD_EINVAL;
	if ((unsigned long long)len > (size_t)(r->end - r->p))
		return PD_EINVAL;
	*s = r->p;
	*n = (size_t)len;
	r->p += len;
	return expect(r, '"');
}

/* PHP turns a string key that is a canonical decimal integer into an int key. */
static int key_is_canonical_int(const char *k, size_t n)
{
	size_t i = 0;
	if (n == 0 || n > 20)
		return 0;
	if (k[0] == '-') {
		if (n == 1 || k[1] == '0')
			return 0; /* "-0" and "-01" stay strings */
		i = 1;
	} else if (k[0] == '0') {
		return n == 1;
	}
	for (size_t j = i; j < n; j++)
		if (k[j] < '0' || k[j] > '9')
			return 0;
	char tmp[24];
	memcpy(tmp, k, n);
	tmp[n] = 0;
	errno = 0;
	(void)strtoll(tmp, NULL, 10);
	return errno != ERANGE;
}

/* The members of a:/O: after the count: `{key;value...}`. Keys are read as
 * strings; `list` tracks whether they have been exactly 0, 1, 2... so far. */
static int parse_members(struct reader *r, int depth, long long count, int allow_int_keys,
			 json_t *obj, int *list)
{
	char num[24];
	if (expect(r, '{'))
		return PD_EINVAL;
	for (long long i = 0; i < count; i++) {
		const char *k;
		size_t kn;
		if (r->p + 2 > r->end)
			return PD_EINVAL;
		if (r->p[0] == 'i' && r->p[1] == ':' && allow_int_keys) {
			long long iv;
			r->p += 2;
			if (read_long(r, ';', &iv))
				return PD_EINVAL;
			if (iv != i)
				*list = 0;
			kn = (size_t)snprintf(num, sizeof num, "%lld", iv);
			k = num;
		} else if (r->p[0] == 's' && r->p[1] == ':') {
			r->p += 2;
			if (read_counted(r, &k, &kn) || expect(r, ';'))
				return PD_EINVAL;
			if (!key_is_canonical_int(k, kn) || strtoll(k, NULL, 10) != i ||
			    memchr(k, 0, kn))
				*list = 0;
		} else {
			return PD_EINVAL;
		}
		json_t *v;
		int rc = parse_value(r, depth + 1, &v);
		if (rc)
			return rc;
		if (json_object_setn_new_nocheck(obj, k, kn, v))
			return PD_ENOMEM;
	}
	return expect(r, '}');
}

/* Duplicate keys can make a declared count of n yield fewer members. */
static json_t *object_to_list(json_t *obj)
{
	json_t *arr = json_array();
	const char *k;
	size_t kn;
	json_t *v;
	if (!arr)
		return NULL;
	json_object_keylen_foreach(obj, k, kn, v) {
		(void)k;
		(void)kn;
		if (json_array_append(arr, v)) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

static int parse_value(struct reader *r, int depth, json_t **out)
{
	const char *s;
	size_t n;
	long long iv;
	int rc;

	if (depth > MAX_DEPTH || r->end - r->p < 2)
		return PD_EINVAL;
	char type = r->p[0];
	if (type == 'N') {
		r->p++;
		if (expect(r, ';'))
			return PD_EINVAL;
		*out = json_null();
		return PD_OK;
	}
	if (r->p[1] != ':')
		return PD_EINVAL;
	r->p += 2;
	switch (type) {
	case 'b':
		if (read_long(r, ';', &iv) || (iv != 0 && iv != 1))
			return PD_EINVAL;
		*out = json_boolean(iv);
		return PD_OK;
	case 'i':
		if (read_long(r, ';', &iv))
			return PD_EINVAL;
		*out = json_integer(iv);
		return *out ? PD_OK : PD_ENOMEM;
	case 'd': {
		const char *semi = memchr(r->p, ';', (size_t)(r->end - r->p));
		char tmp[64];
		if (!semi || semi == r->p || (size_t)(semi - r->p) >= sizeof tmp)
			return PD_EINVAL;
		memcpy(tmp, r->p, (size_t)(semi - r->p));
		tmp[semi - r->p] = 0;
		char *e;
		double d = strtod(tmp, &e);
		if (*e || !isfinite(d)) /* JSON has no INF/NAN */
			return PD_EINVAL;
		r->p = semi + 1;
		*out = json_real(d);
		return *out ? PD_OK : PD_ENOMEM;
	}
	case 's':
		if (read_counted(r, &s, &n) || expect(r, ';'))
			return PD_EINVAL;
		*out = json_stringn_nocheck(s, n);
		return *out ? PD_OK : PD_ENOMEM;
	case 'a':
	case 'O': {
		const char *cls = NULL;
		size_t clsn = 0;
		if (type == 'O' && (read_counted(r, &cls, &clsn) || expect(r, ':')))
			return PD_EINVAL;
		if (read_long(r, ':', &iv) || iv < 0 || iv > (r->end - r->p) / 4)
			return PD_EINVAL;
		json_t *obj = json_object();
		if (!obj)
			return PD_ENOMEM;
		int list = type == 'a';
		if (cls && json_object_set_new_nocheck(obj, INCOMPLETE_CLASS_KEY,
						       json_stringn_nocheck(cls, clsn))) {
			json_decref(obj);
			return PD_ENOMEM;
		}
		rc = parse_members(r, depth, iv, type == 'a', obj, &list);
		if (rc) {
			json_decref(obj);
			return rc;
		}
		if (list && json_object_size(obj) != (size_t)iv)
			list = 0; /* PHP's duplicate keys: rare; recheck below */
		if (type == 'a' && !list && json_object_size(obj) < (size_t)iv) {
			/* duplicates overwrote members: is what is left 0..m-1? */
			size_t want = 0;
			const char *k;
			size_t kn;
			json_t *v;
			list = 1;
			json_object_keylen_foreach(obj, k, kn, v) {
				char num[24];
				(void)v;
				if ((size_t)snprintf(num, sizeof num, "%zu", want) != kn ||
				    memcmp(num, k, kn))
					list = 0;
				want++;
			}
		}
		if (list) {
			json_t *arr = object_to_list(obj);
			json_decref(obj);
			if (!arr)
				return PD_ENOMEM;
			obj = arr;
		}
		*out = obj;
		return PD_OK;
	}
	default:
		return PD_EINVAL; /* r:, R:, C:, E: and garbage */
	}
}

int phpser_unserialize(const char *s, size_t len, json_t **out)
{
	struct reader r = { s, s + len };
	*out = NULL;
	if (!s)
		return PD_EINVAL;
	return parse_value(&r, 0, out);
}

/* PHP's serialize_precision = -1: the shortest digits that read back as the
 * same double, formatted like zend_gcvt() with precision 17 (mirrors
 * smart_str_append_double()). */
static int put_double(struct buf *out, double d)
{
	char e[40], digits[24];
	int p, exp10 = 0, nd = 0;

	if (isnan(d))
		return buf_puts(out, "NAN");
	if (isinf(d))
		return buf_puts(out, d < 0 ? "-INF" : "INF");
	if (d == 0)
		return buf_puts(out, signbit(d) ? "-0" : "0");
	for (p = 1; p <= 17; p++) {
		snprintf(e, sizeof e, "%.*e", p - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	/* e = "[-]D.DDDe[+-]XX" */
	const char *q = e;
	int neg = *q == '-';
	if (neg)
		q++;
	for (; *q && *q != 'e'; q++)
		if (*q != '.')
			digits[nd++] = *q;
	exp10 = atoi(q + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	digits[nd] = 0;
	int decpt = exp10 + 1; /* value = 0.DIGITS * 10^decpt */
	int rc = neg ? buf_putc(out, '-') : PD_OK;
	if (rc)
		return rc;
	if (decpt < -3 || decpt > 17) {
		rc = buf_printf(out, "%c.%s", digits[0], nd > 1 ? digits + 1 : "0");
		if (!rc)
			rc = buf_printf(out, "E%c%d", exp10 < 0 ? '-' : '+', abs(exp10));
		return rc;
	}
	if (decpt <= 0) {
		rc = buf_puts(out, "0.");
		for (int z = 0; !rc && z < -decpt; z++)
			rc = buf_putc(out, '0');
		return rc ? rc : buf_puts(out, digits);
	}
	if (nd <= decpt) {
		rc = buf_puts(out, digits);
		for (int z = nd; !rc && z < decpt; z++)
			rc = buf_putc(out, '0');
		return rc;
	}
	return buf_printf(out, "%.*s.%s", decpt, digits, digits + decpt);
}

static int put_string(struct buf *out, const char *s, size_t n)
{
	int rc = buf_printf(out, "s:%zu:\"", n);
	if (!rc)
		rc = buf_append(out, s, n);
	if (!rc)
		rc = buf_puts(out, "\";");
	return rc;
}

static int put_key(struct buf *out, const char *k, size_t kn)
{
	if (key_is_canonical_int(k, kn))
		return buf_printf(out, "i:%.*s;", (int)kn, k);
	return put_string(out, k, kn);
}

static int serialize(const json_t *v, struct buf *out, int depth)
{
	int rc;
	if (depth > MAX_DEPTH)
		return PD_EINVAL;
	switch (json_typeof(v)) {
	case JSON_NULL:
		return buf_puts(out, "N;");
	case JSON_TRUE:
		return buf_puts(out, "b:1;");
	case JSON_FALSE:
		return buf_puts(out, "b:0;");
	case JSON_INTEGER:
		return buf_printf(out, "i:%" JSON_INTEGER_FORMAT ";", json_integer_value(v));
	case JSON_REAL:
		if ((rc = buf_puts(out, "d:")) || (rc = put_double(out, json_real_value(v))))
			return rc;
		return buf_putc(out, ';');
	case JSON_STRING:
		return put_string(out, json_string_value(v), json_string_length(v));
	case JSON_ARRAY: {
		size_t i, n = json_array_size(v);
		if ((rc = buf_printf(out, "a:%zu:{", n)))
			return rc;
		for (i = 0; i < n; i++) {
			if ((rc = buf_printf(out, "i:%zu;", i)) ||
			    (rc = serialize(json_array_get(v, i), out, depth + 1)))
				return rc;
		}
		return buf_putc(out, '}');
	}
	case JSON_OBJECT: {
		const char *k;
		size_t kn, n = json_object_size(v);
		json_t *m;
		json_t *cls = json_object_get(v, INCOMPLETE_CLASS_KEY);
		if (json_is_string(cls)) {
			rc = buf_printf(out, "O:%zu:\"", json_string_length(cls));
			if (!rc)
				rc = buf_append(out, json_string_value(cls), json_string_length(cls));
			if (!rc)
				rc = buf_printf(out, "\":%zu:{", n - 1);
		} else {
			cls = NULL;
			rc = buf_printf(out, "a:%zu:{", n);
		}
		if (rc)
			return rc;
		json_object_keylen_foreach((json_t *)v, k, kn, m) {
			if (cls && kn == sizeof INCOMPLETE_CLASS_KEY - 1 &&
			    !memcmp(k, INCOMPLETE_CLASS_KEY, kn))
				continue;
			if ((rc = cls ? put_string(out, k, kn) : put_key(out, k, kn)) ||
			    (rc = serialize(m, out, depth + 1)))
				return rc;
		}
		return buf_putc(out, '}');
	}
	}
	return PD_EINVAL;
}

int phpser_serialize(const json_t *v, struct buf *out)
{
	size_t mark = out->len;
	int rc = v ? serialize(v, out, 0) : PD_EINVAL;
	if (rc && out->data) { /* leave nothing half-built */
		out->len = mark;
		out->data[mark] = 0;
	}
	return rc;
}
