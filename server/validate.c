/* validate.c - WordPress REST argument validation and sanitization
 * (wp-includes/rest-api.php's *_value_from_schema() family and
 * WP_REST_Request::has_valid_params()/sanitize_params()), message for message.
 * Pure: it knows nothing of users or the store; such callbacks are the caller's. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "pressd/buf.h"
#include "pressd/format.h"
#include "pressd/json.h"
#include "pressd/php.h"
#include "pressd/validate.h"

/* ------------------------------------------------------------------ */
/* PHP value model over jansson                                        */

/* isset($a[$k]): present and not null. */
static const json_t *isset(const json_t *obj, const char *key)
{
	const json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	return v && !json_is_null(v) ? v : NULL;
}

static int is_scalar(const json_t *v)
{
	return v && (json_is_string(v) || json_is_number(v) || json_is_boolean(v));
}

/* A PHP array (list or map) - what json_decode($s, true) gives for both. */
static int is_php_array(const json_t *v)
{
	return v && (json_is_array(v) || json_is_object(v));
}

/* An object key PHP would store as an integer key ("7", "-3"; not "07"). */
static int is_int_key(const char *k)
{
	const char *p = k;
	if (*p == '-')
		p++;
	if (!*p || (*p == '0' && p[1]) || (*p == '0' && p != k))
		return 0;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	if (strlen(k) > 19 || (strlen(k) == 19 && k[0] != '-' && strcmp(k, "9223372036854775807") > 0))
		return 0;
	if (strlen(k) == 20 && strcmp(k, "-9223372036854775808") > 0)
		return 0;
	return 1;
}

/* wp_is_numeric_array(): an array whose keys are all integers. */
static int is_php_list(const json_t *v)
{
	if (json_is_array(v))
		return 1;
	if (!json_is_object(v))
		return 0;
	const char *k;
	json_t *x;
	json_object_foreach((json_t *)v, k, x)
		if (!is_int_key(k))
			return 0;
	return 1;
}

/* Iterates a PHP array: JSON arrays by index ("0", "1"...), objects by key. */
struct it {
	const json_t *v;
	size_t i;
	void *oi;
	const char *key;   /* current key, valid until the next call */
	json_t *val;       /* current value, borrowed */
	char kbuf[24];
};

static void it_init(struct it *it, const json_t *v)
{
	memset(it, 0, sizeof *it);
	it->v = v;
	if (json_is_object(v))
		it->oi = json_object_iter((json_t *)v);
}

static int it_next(struct it *it)
{
	if (json_is_array(it->v)) {
		if (it->i >= json_array_size(it->v))
			return 0;
		snprintf(it->kbuf, sizeof it->kbuf, "%zu", it->i);
		it->key = it->kbuf;
		it->val = json_array_get(it->v, it->i++);
		return 1;
	}
	if (!json_is_object(it->v) || !it->oi)
		return 0;
	it->key = json_object_iter_key(it->oi);
	it->val = json_object_iter_value(it->oi);
	it->oi = json_object_iter_next((json_t *)it->v, it->oi);
	return 1;
}

static size_t php_count(const json_t *v)
{
	return json_is_array(v) ? json_array_size(v) : json_is_object(v) ? json_object_size(v) : 0;
}

/* array_key_exists($key, $arr) */
static int key_exists(const json_t *arr, const char *key)
{
	if (json_is_object(arr))
		return json_object_get(arr, key) != NULL;
	if (json_is_array(arr) && is_int_key(key) && key[0] != '-')
		return strtoull(key, NULL, 10) < json_array_size(arr);
	return 0;
}

static const json_t *php_get(const json_t *arr, const char *key)
{
	if (json_is_object(arr))
		return json_object_get(arr, key);
	if (json_is_array(arr) && is_int_key(key) && key[0] != '-')
		return json_array_get(arr, (size_t)strtoull(key, NULL, 10));
	return NULL;
}

/* PHP 8 numeric strings: optional leading/trailing whitespace, sign, digits
 * with an optional fraction, optional exponent. */

/* A PHP number: int when the value is (or reads as) an integer that fits. */
struct num {
	int is_int;
	long long i;
	double d;
};

/* is_numeric() and the number PHP compares with. */
static int to_num(const json_t *v, struct num *out)
{
	if (json_is_integer(v)) {
		out->is_int = 1;
		out->i = json_integer_value(v);
		out->d = (double)out->i;
		return 1;
	}
	if (json_is_real(v)) {
		out->is_int = 0;
		out->d = json_real_value(v);
		return 1;
	}
	if (!json_is_string(v) || !php_is_numeric_str(json_string_value(v), json_string_length(v)))
		return 0;
	const char *s = json_string_value(v);
	int has_float = strpbrk(s, ".eE") != NULL;
	out->d = strtod(s, NULL);
	out->is_int = 0;
	if (!has_float) {
		errno = 0;
		long long i = strtoll(s, NULL, 10);
		if (errno != ERANGE) {
			out->is_int = 1;
			out->i = i;
		}
	}
	return 1;
}

int validate_is_numeric(const json_t *v)
{
	struct num n;
	return to_num(v, &n);
}

/* PHP comparison $a < $b etc. on numbers: -1, 0, 1. */
static int num_cmp(const struct num *a, const struct num *b)
{
	if (a->is_int && b->is_int)
		return a->i < b->i ? -1 : a->i > b->i;
	return a->d < b->d ? -1 : a->d > b->d;
}

/* (int) of a double: modular on overflow, 0 for INF/NAN (zend_dval_to_lval). */
static long long dval_to_lval(double d)
{
	if (!isfinite(d))
		return 0;
	if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
		return (long long)d;
	double two64 = 18446744073709551616.0, dmod = fmod(d, two64);
	if (dmod < 0) {
		if (dmod < -9223372036854775808.0)
			dmod += two64;
	} else if (dmod > 9223372036854775807.0) {
		dmod -= two64;
	}
	return (long long)dmod;
}

/* (int) of a numeric string: integers saturate, floats are capped, INF is 0. */
static long long str_to_lval(const char *s)
{
	if (!php_is_numeric_str(s, strlen(s))) {
		/* leading-numeric prefix ("12abc" -> 12) or 0 */
		errno = 0;
		char *end;
		long long i = strtoll(s, &end, 10);
		if (end != s && (*end == '.' || *end == 'e' || *end == 'E')) {
			double d = strtod(s, NULL);
			return isfinite(d) ? (d >= 9223372036854775807.0 ? LLONG_MAX :
				d <= -9223372036854775808.0 ? LLONG_MIN : (long long)d) : 0;
		}
		return i;
	}
	if (!strpbrk(s, ".eE"))
		return strtoll(s, NULL, 10); /* saturates like ZEND_STRTOL */
	double d = strtod(s, NULL);
	if (!isfinite(d))
		return 0;
	if (d >= 9223372036854775807.0)
		return LLONG_MAX;
	if (d <= -9223372036854775808.0)
		return LLONG_MIN;
	return (long long)d;
}

long long validate_intval(const json_t *v)
{
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_INTEGER: return json_integer_value(v);
	case JSON_REAL: return dval_to_lval(json_real_value(v));
	case JSON_STRING: return str_to_lval(json_string_value(v));
	case JSON_TRUE: return 1;
	case JSON_ARRAY: case JSON_OBJECT: return php_count(v) ? 1 : 0;
	default: return 0;
	}
}

static double floatval(const json_t *v)
{
	if (json_is_integer(v))
		return (double)json_integer_value(v);
	if (json_is_real(v))
		return json_real_value(v);
	if (json_is_string(v))
		return php_floatval_str(json_string_value(v), json_string_length(v));
	if (json_is_true(v))
		return 1.0;
	if (is_php_array(v))
		return php_count(v) ? 1.0 : 0.0;
	return 0.0;
}

/* PHP's (string) of a scalar into b. */
static void php_strval(const json_t *v, struct buf *b)
{
	char tmp[64];
	if (json_is_string(v)) {
		buf_append(b, json_string_value(v), json_string_length(v));
	} else if (json_is_integer(v)) {
		buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	} else if (json_is_real(v)) {
		php_float_str(json_real_value(v), tmp, sizeof tmp);
		buf_puts(b, tmp);
	} else if (json_is_true(v)) {
		buf_putc(b, '1');
	} else if (is_php_array(v)) {
		buf_puts(b, "Array");
	}
}

static json_t *php_strval_json(const json_t *v)
{
	struct buf b = BUF_INIT;
	php_strval(v, &b);
	json_t *r = jstrn(buf_str(&b), b.len);
	buf_free(&b);
	return r;
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

/* new WP_Error( code, message, data ) as {"code","message","data"}; data stolen (NULL -> null). */
static json_t *wp_error(const char *code, json_t *data, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static json_t *wp_error(const char *code, json_t *data, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	json_t *e = jobj();
	jset(e, "code", jstr(code));
	jset(e, "message", jstrn(buf_str(&b), b.len));
	jset(e, "data", data ? data : json_null());
	buf_free(&b);
	return e;
}

static json_t *param_data(const char *param)
{
	return jset(jobj(), "param", jstr(param));
}

static json_t *invalid_type(const char *param, const char *type)
{
	return wp_error("rest_invalid_type", param_data(param), "%s is not of type %s.", param, type);
}

static const char *err_code(const json_t *e)
{
	return json_string_value(json_object_get(e, "code"));
}

static const char *err_message(const json_t *e)
{
	return json_string_value(json_object_get(e, "message"));
}

/* sprintf('%d', $n) */
static long long php_d(const json_t *v)
{
	return validate_intval(v);
}

/* number_format_i18n() of a schema number. */
static void number_format(const json_t *v, char *out, size_t n)
{
	php_number_format_i18n(floatval(v), out, n);
}

/* _n() in English: singular only for exactly one. */
static const char *plural(const json_t *count, const char *one, const char *many)
{
	return validate_intval(count) == 1 ? one : many;
}

/* wp_sprintf('%l') list: "a", "a and b", "a, b, and c". */
static void sprintf_list(struct buf *b, const char **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
		buf_puts(b, items[i]);
	}
}

/* ------------------------------------------------------------------ */
/* Patterns: PCRE2 code cached per pattern text for the process.       */

struct pattern {
	char *src;           /* the schema's pattern, as given; owned */
	pcre2_code *code;    /* NULL when it does not compile (never matches) */
	struct pattern *next;
};

static pthread_mutex_t pattern_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pattern *pattern_cache; /* guarded by pattern_lock */

/* pcre2_code for '#' . str_replace('#', '\#', $pattern) . '#u' (PHP's /u is
 * UTF + UCP); compiled once per distinct pattern text. */
static const pcre2_code *pattern_get(const char *src, size_t len, uint32_t flags)
{
	pthread_mutex_lock(&pattern_lock);
	struct pattern *p;
	for (p = pattern_cache; p; p = p->next)
		if (strlen(p->src) == len && memcmp(p->src, src, len) == 0)
			break;
	if (!p) {
		struct buf esc = BUF_INIT;
		for (size_t i = 0; i < len; i++) {
			if (src[i] == '#')
				buf_putc(&esc, '\\');
			buf_putc(&esc, src[i]);
		}
		int ec;
		PCRE2_SIZE eo;
		p = calloc(1, sizeof *p);
		if (!p)
			abort();
		p->src = strndup(src, len);
		if (!p->src)
			abort();
		p->code = pcre2_compile((PCRE2_SPTR)buf_str(&esc), esc.len, flags, &ec, &eo, NULL);
		buf_free(&esc);
		p->next = pattern_cache;
		pattern_cache = p;
	}
	pthread_mutex_unlock(&pattern_lock);
	return p->code;
}

/* 1 === preg_match($re, $s): errors (bad pattern, invalid UTF-8) are no match. */
static int pcre_matches(const pcre2_code *code, const char *s, size_t n)
{
	if (!code)
		return 0;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	if (!md)
		abort();
	int rc = pcre2_match(code, (PCRE2_SPTR)s, n, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

/* rest_validate_json_schema_pattern() */
static int pattern_matches(const char *pattern, size_t plen, const char *s, size_t n)
{
	return pcre_matches(pattern_get(pattern, plen, PCRE2_UTF | PCRE2_UCP), s, n);
}

/* ------------------------------------------------------------------ */
/* Lists                                                               */

/* wp_parse_list() */
json_t *validate_parse_list(const json_t *v)
{
	json_t *out = jarr();
	if (is_php_array(v)) {
		struct it it;
		it_init(&it, v);
		while (it_next(&it))
			if (is_scalar(it.val))
				jpush(out, json_incref(it.val));
		return out;
	}
	/* preg_split('/[\s,]+/', (string) $v, -1, PREG_SPLIT_NO_EMPTY) */
	struct buf b = BUF_INIT;
	php_strval(v, &b);
	const char *s = buf_str(&b);
	size_t i = 0, n = b.len;
	while (i < n) {
		while (i < n && (s[i] == ',' || s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
			i++;
		size_t start = i;
		while (i < n && !(s[i] == ',' || s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
			i++;
		if (i > start)
			jpush(out, jstrn(s + start, i - start));
	}
	buf_free(&b);
	return out;
}

json_t *validate_parse_id_list(const json_t *v)
{
	json_t *list = validate_parse_list(v), *out = jarr();
	size_t i, j;
	json_t *x;
	json_array_foreach(list, i, x) {
		long long id = validate_intval(x);
		id = id < 0 ? (id == LLONG_MIN ? LLONG_MIN : -id) : id; /* abs() keeps PHP_INT_MIN as float; rare */
		for (j = 0; j < json_array_size(out); j++)
			if (json_integer_value(json_array_get(out, j)) == id)
				break;
		if (j == json_array_size(out))
			jpush(out, jint(id));
	}
	json_decref(list);
	return out;
}

/* rest_is_array() */
static int rest_is_array(const json_t *v)
{
	if (is_scalar(v))
		return 1; /* wp_parse_list() of a scalar is always a list */
	return is_php_list(v);
}

/* rest_sanitize_array(): a new array. */
static json_t *rest_sanitize_array(const json_t *v)
{
	if (is_scalar(v))
		return validate_parse_list(v);
	json_t *out = jarr();
	if (!is_php_array(v))
		return out;
	struct it it;
	it_init(&it, v);
	while (it_next(&it))
		jpush(out, json_incref(it.val));
	return out;
}

/* rest_is_object() */
static int rest_is_object(const json_t *v)
{
	if (json_is_string(v) && json_string_length(v) == 0)
		return 1;
	return is_php_array(v);
}

/* rest_sanitize_object(): a new reference ('' and non-arrays -> empty array). */
static json_t *rest_sanitize_object(const json_t *v)
{
	if (is_php_array(v))
		return json_incref((json_t *)v);
	return jarr();
}

int validate_php_empty(const json_t *v)
{
	if (!v)
		return 1;
	switch (json_typeof(v)) {
	case JSON_NULL: case JSON_FALSE: return 1;
	case JSON_TRUE: return 0;
	case JSON_INTEGER: return json_integer_value(v) == 0;
	case JSON_REAL: return json_real_value(v) == 0.0;
	case JSON_STRING: return json_string_length(v) == 0 ||
		(json_string_length(v) == 1 && json_string_value(v)[0] == '0');
	case JSON_ARRAY: return json_array_size(v) == 0;
	case JSON_OBJECT: return json_object_size(v) == 0;
	}
	return 1;
}

int validate_is_boolean(const json_t *v)
{
	if (json_is_boolean(v))
		return 1;
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		return !strcasecmp(s, "false") || !strcasecmp(s, "true") || !strcmp(s, "0") || !strcmp(s, "1");
	}
	if (json_is_integer(v))
		return json_integer_value(v) == 0 || json_integer_value(v) == 1;
	return 0;
}

int validate_is_integer(const json_t *v)
{
	struct num n;
	if (!to_num(v, &n))
		return 0;
	if (json_is_integer(v))
		return 1;
	return round(n.d) == n.d; /* round((float) $v) === (float) $v; INF passes */
}

/* rest_sanitize_boolean() */
static int sanitize_boolean(const json_t *v)
{
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (!strcasecmp(s, "false") || !strcmp(s, "0") || json_string_length(v) == 0)
			return 0;
		return 1;
	}
	if (json_is_boolean(v))
		return json_is_true(v);
	if (json_is_integer(v))
		return json_integer_value(v) != 0;
	if (json_is_real(v))
		return json_real_value(v) != 0.0;
	if (is_php_array(v))
		return php_count(v) != 0;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

/* Strips one final "\n", as PCRE's "$" without /D allows it. */
static size_t dollar_len(const char *s, size_t n)
{
	return n && s[n - 1] == '\n' ? n - 1 : n;
}

/* rest_parse_hex_color(): |^#([A-Fa-f0-9]{3}){1,2}$| */
static int is_hex_color(const char *s, size_t n)
{
	n = dollar_len(s, n);
	if ((n != 4 && n != 7) || s[0] != '#')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* wp_is_uuid() without a version */
static int is_uuid(const char *s, size_t n)
{
	n = dollar_len(s, n);
	if (n != 36)
		return 0;
	for (size_t i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!isdigit((unsigned char)s[i]) && !(s[i] >= 'a' && s[i] <= 'f')) {
			return 0;
		}
	}
	return 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date; m is 1..12, any d
 * counts on from the month's first day. */
static long long days_from_civil(long long y, long long m, long long d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* rest_parse_date(): the regex
 *   #^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::\d{2})?)?$#
 * then strtotime(), whose parser refuses months above 12, days above 31,
 * hours above 24, minutes and seconds above 59 (second 60 allowed). */
int validate_parse_date(const char *s, long long *ts)
{
	size_t n = dollar_len(s, strlen(s));
	if (n < 19)
		return -1;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
	if (y < 0 || s[4] != '-' || mo < 0 || s[7] != '-' || d < 0 || !strchr("Tt ", s[10]) || !s[10] ||
	    h < 0 || s[13] != ':' || mi < 0 || s[16] != ':' || se < 0)
		return -1;
	size_t i = 19;
	if (i < n && s[i] == '.') {
		size_t j = ++i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i == j)
			return -1;
	}
	long long off = 0;
	if (i < n && s[i] == 'Z') {
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		int sign = s[i] == '-' ? -1 : 1;
		int oh = i + 3 <= n ? digits(s + i + 1, 2) : -1, om = 0;
		if (oh < 0)
			return -1;
		i += 3;
		if (i < n && s[i] == ':') {
			om = i + 3 <= n ? digits(s + i + 1, 2) : -1;
			/* timelib takes "+HH:MM" up to +24:59, a bare "+HH" up to 99 */
			if (om < 0 || oh > 24 || om > 59)
				return -1;
			i += 3;
		}
		off = sign * (oh * 3600LL + om * 60LL);
	}
	if (i != n)
		return -1;
	if (mo > 12 || d > 31 || h > 24 || mi > 59 || se > 60)
		return -1;
	/* Month 0 and day 0 roll back, day 30 of February rolls over. */
	long long yy = y, mm = mo;
	if (mm == 0) {
		yy--;
		mm = 12;
	}
	long long days = days_from_civil(yy, mm, d);
	*ts = days * 86400 + h * 3600LL + mi * 60LL + se - off;
	return 0;
}

/* is_email() */
static int is_email(const char *s, size_t n)
{
	if (n < 6)
		return 0;
	const char *at = memchr(s + 1, '@', n - 1);
	if (!at)
		return 0;
	size_t ll = (size_t)(at - s);
	const char *dom = at + 1;
	size_t dl = n - ll - 1;
	static const char local_ok[] = "!#$%&'*+/=?^_`{|}~.-";
	for (size_t i = 0; i < ll; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr(local_ok, s[i]))
			return 0;
	if (ll == 0)
		return 0;
	for (size_t i = 0; i + 1 < dl; i++)
		if (dom[i] == '.' && dom[i + 1] == '.')
			return 0;
	static const char trimset[] = " \t\n\r\v.";
	if (dl && (memchr(trimset, dom[0], sizeof trimset) || memchr(trimset, dom[dl - 1], sizeof trimset)))
		return 0;
	size_t subs = 1;
	for (size_t i = 0; i < dl; i++)
		subs += dom[i] == '.';
	if (subs < 2)
		return 0;
	size_t start = 0;
	for (size_t i = 0; i <= dl; i++) {
		if (i < dl && dom[i] != '.')
			continue;
		size_t sl = i - start;
		const char *sub = dom + start;
		if (sl == 0)
			return 0;
		if (sub[0] == '-' || sub[sl - 1] == '-')
			return 0;
		for (size_t k = 0; k < sl; k++)
			if (!isalnum((unsigned char)sub[k]) && sub[k] != '-')
				return 0;
		start = i + 1;
	}
	return 1;
}

/* IPv4 as rest_is_ip_address()'s pattern (no leading zeros beyond 3 digits). */
static int is_ipv4(const char *s, size_t n)
{
	n = dollar_len(s, n);
	size_t i = 0;
	for (int part = 0; part < 4; part++) {
		if (part) {
			if (i >= n || s[i] != '.')
				return 0;
			i++;
		}
		size_t j = i;
		int v = 0;
		while (j < n && j - i < 3 && isdigit((unsigned char)s[j]))
			v = v * 10 + (s[j++] - '0');
		if (j == i || v > 255)
			return 0;
		i = j;
	}
	return i == n;
}

static int hex_group(const char *s, size_t n)
{
	if (n < 1 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* WpOrg\Requests\Ipv6::check_ipv6(): uncompress "::", split an IPv4 tail, then
 * 8 groups (6 with an IPv4 tail) of 1-4 hex digits. */
static int is_ipv6(const char *s, size_t n)
{
	char tmp[128];
	if (n >= 64)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	/* split off an IPv4 part after the last ':' */
	char *v4 = NULL;
	char *last = strrchr(tmp, ':');
	if (last && strchr(last, '.')) {
		v4 = last + 1;
		*last = 0;
		if (!is_ipv4(v4, strlen(v4)))
			return 0;
		/* keep "::" when the IPv4 follows it */
		if (last > tmp && last[-1] == ':') {
			last[0] = ':';
			last[1] = 0;
		}
	}
	int want = v4 ? 6 : 8;
	char *dbl = strstr(tmp, "::");
	int groups = 0;
	if (dbl) {
		if (strstr(dbl + 1, "::"))
			return 0;
		/* count groups on both sides */
		char *parts[2] = { tmp, dbl + 2 };
		*dbl = 0;
		for (int k = 0; k < 2; k++) {
			char *p = parts[k];
			if (!*p)
				continue;
			for (;;) {
				char *c = strchr(p, ':');
				size_t len = c ? (size_t)(c - p) : strlen(p);
				if (!hex_group(p, len))
					return 0;
				groups++;
				if (!c)
					break;
				p = c + 1;
			}
		}
		return groups < want;
	}
	char *p = tmp;
	for (;;) {
		char *c = strchr(p, ':');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		if (!hex_group(p, len))
			return 0;
		groups++;
		if (!c)
			break;
		p = c + 1;
	}
	return groups == want;
}

/* ------------------------------------------------------------------ */
/* Text sanitizers                                                     */

/* mb_strlen() for UTF-8 (PHP 8.2 counts by lead byte). */
static size_t mb_strlen(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; count++) {
		unsigned c = (unsigned char)s[i];
		i += c < 0x80 ? 1 : c >= 0xF0 && c <= 0xF7 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 1) : c >= 0xC0 ? 2 : 1;
	}
	return count;
}

static int is_trim_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

/* PHP trim() */
static void trim_buf(struct buf *b)
{
	if (!b->len)
		return;
	size_t s = 0, e = b->len;
	while (s < e && is_trim_ws(b->data[s]))
		s++;
	while (e > s && is_trim_ws(b->data[e - 1]))
		e--;
	memmove(b->data, b->data + s, e - s);
	b->len = e - s;
	b->data[b->len] = 0;
}

/* wp_pre_kses_less_than(): a "<" with no ">" before the next "<" or the end
 * becomes "&lt;" (esc_html() of the run). */
static void pre_kses_less_than(const char *s, size_t n, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] != '<') {
			buf_putc(out, s[i++]);
			continue;
		}
		size_t j = i + 1;
		while (j < n && s[j] != '>' && s[j] != '<')
			j++;
		if (j < n && s[j] == '>') {
			buf_append(out, s + i, j + 1 - i);
			i = j + 1;
			continue;
		}
		/* esc_html() of the run */
		char *run = strndup(s + i, j - i);
		if (!run)
			abort();
		format_esc_html(run, out);
		free(run);
		i = j;
	}
}

/* _sanitize_text_fields(): sanitize_text_field() / sanitize_textarea_field(). */
static json_t *sanitize_text_fields(const json_t *v, int keep_newlines)
{
	if (is_php_array(v))
		return jstr("");
	struct buf s = BUF_INIT, t = BUF_INIT;
	php_strval(v, &s);
	if (!format_utf8_valid(buf_str(&s), s.len))
		buf_reset(&s);
	if (s.len && memchr(s.data, '<', s.len)) {
		pre_kses_less_than(s.data, s.len, &t);
		/* wp_strip_all_tags(): <script>/<style> elements, strip_tags(), trim() */
		buf_reset(&s);
		format_strip_all_tags(buf_str(&t), &s);
		/* "<\n" would turn into "&lt;\n" here; strip_tags keeps a lone "<" */
		buf_reset(&t);
		for (size_t i = 0; i < s.len; i++) {
			if (s.data[i] == '<' && i + 1 < s.len && s.data[i + 1] == '\n')
				buf_puts(&t, "&lt;");
			else
				buf_putc(&t, s.data[i]);
		}
		buf_reset(&s);
		buf_append(&s, buf_str(&t), t.len);
	}
	buf_reset(&t);
	if (!keep_newlines) {
		for (size_t i = 0; i < s.len;) {
			char c = s.data[i];
			if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
				while (i < s.len && (s.data[i] == '\r' || s.data[i] == '\n' || s.data[i] == '\t' || s.data[i] == ' '))
					i++;
				buf_putc(&t, ' ');
			} else {
				buf_putc(&t, c);
				i++;
			}
		}
		buf_reset(&s);
		buf_append(&s, buf_str(&t), t.len);
	}
	trim_buf(&s);
	/* Remove percent-encoded octets, repeatedly (removal can form new ones). */
	int found = 0;
	for (;;) {
		const char *p = buf_str(&s);
		size_t k;
		int hit = 0;
		for (k = 0; k + 2 < s.len; k++)
			if (p[k] == '%' && isxdigit((unsigned char)p[k + 1]) && isxdigit((unsigned char)p[k + 2])) {
				hit = 1;
				break;
			}
		if (!hit)
			break;
		/* str_replace($match, '', $s): every occurrence of this octet */
		char m[3] = { p[k], p[k + 1], p[k + 2] };
		buf_reset(&t);
		for (size_t i = 0; i < s.len;) {
			if (i + 3 <= s.len && memcmp(p + i, m, 3) == 0) {
				i += 3;
				continue;
			}
			buf_putc(&t, p[i++]);
		}
		buf_reset(&s);
		buf_append(&s, buf_str(&t), t.len);
		found = 1;
	}
	if (found) {
		buf_reset(&t);
		for (size_t i = 0; i < s.len; i++)
			if (!(s.data[i] == ' ' && t.len && t.data[t.len - 1] == ' '))
				buf_putc(&t, s.data[i]);
		buf_reset(&s);
		buf_append(&s, buf_str(&t), t.len);
		trim_buf(&s);
	}
	json_t *r = jstrn(buf_str(&s), s.len);
	buf_free(&s);
	buf_free(&t);
	return r;
}

char *validate_sanitize_text_field(const char *s)
{
	json_t *in = json_string(s), *out = in ? sanitize_text_fields(in, 0) : NULL;
	char *r = json_is_string(out) ? strdup(json_string_value(out)) : NULL;
	json_decref(in);
	json_decref(out);
	return r;
}

/* sanitize_key() */
static json_t *sanitize_key(const json_t *v)
{
	if (!is_scalar(v))
		return jstr("");
	struct buf s = BUF_INIT, t = BUF_INIT;
	php_strval(v, &s);
	for (size_t i = 0; i < s.len; i++) {
		char c = (char)tolower((unsigned char)s.data[i]);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
			buf_putc(&t, c);
	}
	json_t *r = jstrn(buf_str(&t), t.len);
	buf_free(&s);
	buf_free(&t);
	return r;
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

/* The "type" in effect: schema["type"] unless a combiner or a multi-type
 * resolution replaced it (WordPress rewrites $args['type'] in place). */
struct sch {
	const json_t *s;     /* the schema object, borrowed */
	const json_t *type;  /* string, array of strings, or NULL */
};

static struct sch sch_of(const json_t *schema)
{
	struct sch r = { schema, json_is_object(schema) ? isset(schema, "type") : NULL };
	return r;
}

static json_t *vvalidate(struct sch a, const json_t *value, const char *param);
static json_t *vsanitize(struct sch a, const json_t *value, const char *param, json_t **err);

static const char *const allowed_types[] = { "array", "object", "string", "number", "integer", "boolean", "null" };

static int type_allowed(const char *t)
{
	for (size_t i = 0; i < sizeof allowed_types / sizeof *allowed_types; i++)
		if (!strcmp(t, allowed_types[i]))
			return 1;
	return 0;
}

static int type_check(const char *type, const json_t *v)
{
	if (!strcmp(type, "array"))
		return rest_is_array(v);
	if (!strcmp(type, "object"))
		return rest_is_object(v);
	if (!strcmp(type, "integer"))
		return validate_is_integer(v);
	if (!strcmp(type, "number"))
		return validate_is_numeric(v);
	if (!strcmp(type, "boolean"))
		return validate_is_boolean(v);
	if (!strcmp(type, "string"))
		return json_is_string(v);
	if (!strcmp(type, "null"))
		return !v || json_is_null(v);
	return 0;
}

/* rest_handle_multi_type_schema(): the best type name (borrowed from types), or NULL. */
static const char *best_type(const json_t *types, const json_t *v)
{
	size_t i;
	json_t *t;
	if (json_is_string(v) && json_string_length(v) == 0)
		json_array_foreach(types, i, t)
			if (json_is_string(t) && !strcmp(json_string_value(t), "string"))
				return "string";
	json_array_foreach(types, i, t)
		if (json_is_string(t) && type_check(json_string_value(t), v))
			return json_string_value(t);
	/* Backward compatibility: the first invalid type lets anything through. */
	json_array_foreach(types, i, t)
		if (!json_is_string(t) || !type_allowed(json_string_value(t)))
			return json_is_string(t) ? json_string_value(t) : "";
	return NULL;
}

static void sub_param(struct buf *b, const char *param, const char *key)
{
	buf_reset(b);
	buf_printf(b, "%s[%s]", param, key);
}

/* One failed branch of anyOf/oneOf. */
struct branch_err {
	json_t *err;         /* owned */
	struct sch schema;   /* with the inherited type */
	size_t index;
};

/* The titles of n branches joined as wp_sprintf( '%l' ) lists them. */
static void titles_list(struct buf *b, const struct branch_err *branches, size_t n)
{
	char **items = calloc(n, sizeof *items);
	if (!items)
		abort();
	for (size_t i = 0; i < n; i++) {
		struct buf t = BUF_INIT;
		php_strval(isset(branches[i].schema.s, "title"), &t);
		items[i] = buf_take(&t);
	}
	sprintf_list(b, (const char **)items, n);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* rest_format_combining_operation_error() */
static json_t *combining_error(const char *param, const struct branch_err *e)
{
	json_t *data = jset(jobj(), "position", jint((long long)e->index));
	const json_t *title = isset(e->schema.s, "title");
	if (title) {
		struct buf t = BUF_INIT;
		php_strval(title, &t);
		json_t *r = wp_error("rest_no_matching_schema", data, "%s is not a valid %s. Reason: %s",
				     param, buf_str(&t), err_message(e->err));
		buf_free(&t);
		return r;
	}
	return wp_error("rest_no_matching_schema", data, "%s does not match the expected format. Reason: %s",
			param, err_message(e->err));
}

/* rest_get_combining_operation_error() */
static json_t *combining_operation_error(const json_t *value, const char *param, struct branch_err *errs, size_t n)
{
	if (n == 1)
		return combining_error(param, &errs[0]);
	size_t nf = 0;
	struct branch_err *filtered = calloc(n ? n : 1, sizeof *filtered);
	if (!filtered)
		abort();
	for (size_t i = 0; i < n; i++) {
		const json_t *data = json_object_get(errs[i].err, "data");
		const json_t *p = json_is_object(data) ? isset(data, "param") : NULL;
		if (strcmp(err_code(errs[i].err), "rest_invalid_type") != 0 ||
		    (p && !(json_is_string(p) && !strcmp(json_string_value(p), param))))
			filtered[nf++] = errs[i];
	}
	json_t *r = NULL;
	if (nf == 1) {
		r = combining_error(param, &filtered[0]);
		goto out;
	}
	if (nf > 1 && json_is_string(filtered[0].schema.type) &&
	    !strcmp(json_string_value(filtered[0].schema.type), "object")) {
		const struct branch_err *best = NULL;
		size_t number = 0;
		for (size_t i = 0; i < nf; i++) {
			const json_t *props = isset(filtered[i].schema.s, "properties");
			if (!props)
				continue;
			size_t cnt = 0;
			struct it it;
			it_init(&it, props);
			while (it_next(&it))
				cnt += is_php_array(value) && key_exists(value, it.key);
			if (cnt > number) {
				best = &filtered[i];
				number = cnt;
			}
		}
		if (best) {
			r = combining_error(param, best);
			goto out;
		}
	}
	size_t titled = 0;
	for (size_t i = 0; i < n; i++)
		titled += isset(errs[i].schema.s, "title") != NULL;
	if (titled == n) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "%s is not a valid ", param);
		titles_list(&b, errs, n);
		buf_putc(&b, '.');
		r = wp_error("rest_no_matching_schema", NULL, "%s", buf_str(&b));
		buf_free(&b);
		goto out;
	}
	r = wp_error("rest_no_matching_schema", NULL, "%s does not match any of the expected formats.", param);
out:
	free(filtered);
	return r;
}

static void branch_errs_free(struct branch_err *errs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		json_decref(errs[i].err);
	free(errs);
}

/* rest_find_any_matching_schema() / rest_find_one_matching_schema(): 0 and
 * *match, or -1 and *err. */
static int find_matching(struct sch a, const char *kw, const json_t *value, const char *param,
			 struct sch *match, json_t **err)
{
	const json_t *list = json_object_get(a.s, kw);
	int one = !strcmp(kw, "oneOf");
	size_t n = php_count(list), nerr = 0, nmatch = 0;
	struct branch_err *errs = calloc(n ? n : 1, sizeof *errs);
	struct branch_err *matches = calloc(n ? n : 1, sizeof *matches);
	if (!errs || !matches)
		abort();
	struct it it;
	size_t index = 0;
	it_init(&it, list);
	while (it_next(&it)) {
		struct sch sub = sch_of(it.val);
		if (!sub.type && a.type)
			sub.type = a.type;
		json_t *e = vvalidate(sub, value, param);
		if (!e) {
			if (!one) {
				*match = sub;
				branch_errs_free(errs, nerr);
				free(matches);
				return 0;
			}
			matches[nmatch].schema = sub;
			matches[nmatch++].index = index;
		} else {
			errs[nerr].err = e;
			errs[nerr].schema = sub;
			errs[nerr++].index = index;
		}
		index++;
	}
	int rc = 0;
	if (!nmatch) {
		*err = combining_operation_error(value, param, errs, nerr);
		rc = -1;
	} else if (nmatch > 1) {
		json_t *positions = jarr();
		size_t titled = 0;
		for (size_t i = 0; i < nmatch; i++) {
			jpush(positions, jint((long long)matches[i].index));
			titled += isset(matches[i].schema.s, "title") != NULL;
		}
		json_t *data = jset(jobj(), "positions", positions);
		if (titled == nmatch) {
			struct buf b = BUF_INIT;
			buf_printf(&b, "%s matches ", param);
			titles_list(&b, matches, nmatch);
			buf_puts(&b, ", but should match only one.");
			*err = wp_error("rest_one_of_multiple_matches", data, "%s", buf_str(&b));
			buf_free(&b);
		} else {
			*err = wp_error("rest_one_of_multiple_matches", data,
					"%s matches more than one of the expected formats.", param);
		}
		rc = -1;
	} else {
		*match = matches[0].schema;
	}
	branch_errs_free(errs, nerr);
	free(matches);
	return rc;
}

/* rest_are_values_equal() on sanitized values. */
static int values_equal(const json_t *a, const json_t *b)
{
	if (is_php_array(a) && is_php_array(b)) {
		if (php_count(a) != php_count(b))
			return 0;
		struct it it;
		it_init(&it, a);
		while (it_next(&it)) {
			if (!key_exists(b, it.key) || !values_equal(it.val, php_get(b, it.key)))
				return 0;
		}
		return 1;
	}
	if ((json_is_integer(a) && json_is_real(b)) || (json_is_real(a) && json_is_integer(b)))
		return floatval(a) == floatval(b);
	if (!a || !b)
		return (!a || json_is_null(a)) && (!b || json_is_null(b));
	if (json_typeof(a) != json_typeof(b))
		return 0;
	switch (json_typeof(a)) {
	case JSON_STRING:
		return json_string_length(a) == json_string_length(b) &&
		       memcmp(json_string_value(a), json_string_value(b), json_string_length(a)) == 0;
	case JSON_INTEGER: return json_integer_value(a) == json_integer_value(b);
	case JSON_REAL: return json_real_value(a) == json_real_value(b);
	default: return 1; /* true, false, null */
	}
}

/* A PHP array json_encode()s as a list when empty or keyed 0..n-1 in order:
 * turns such an object into an array (reference stolen, new one returned). */
static json_t *php_array_normalize(json_t *v)
{
	if (!json_is_object(v))
		return v;
	size_t i = 0;
	const char *k;
	json_t *x;
	char want[24];
	json_object_foreach(v, k, x) {
		snprintf(want, sizeof want, "%zu", i++);
		if (strcmp(k, want) != 0)
			return v;
	}
	json_t *arr = jarr();
	json_object_foreach(v, k, x)
		jpush(arr, json_incref(x));
	json_decref(v);
	return arr;
}

/* rest_validate_enum() */
static json_t *validate_enum(struct sch a, const json_t *value, const char *param)
{
	json_t *err = NULL;
	json_t *san = vsanitize(a, value, param, &err);
	if (err)
		return err;
	const json_t *en = json_object_get(a.s, "enum");
	struct it it;
	it_init(&it, en);
	while (it_next(&it)) {
		if (values_equal(san, it.val)) {
			json_decref(san);
			return NULL;
		}
	}
	json_decref(san);
	size_t n = php_count(en), i = 0;
	char **items = calloc(n ? n : 1, sizeof *items);
	if (!items)
		abort();
	it_init(&it, en);
	while (it_next(&it)) {
		struct buf t = BUF_INIT;
		if (is_scalar(it.val))
			php_strval(it.val, &t);
		else
			json_emit(it.val, &t);
		items[i++] = buf_take(&t);
	}
	struct buf b = BUF_INIT;
	if (n == 1) {
		buf_printf(&b, "%s is not %s.", param, items[0]);
	} else {
		buf_printf(&b, "%s is not one of ", param);
		sprintf_list(&b, (const char **)items, n);
		buf_putc(&b, '.');
	}
	err = wp_error("rest_not_in_enum", NULL, "%s", buf_str(&b));
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	buf_free(&b);
	return err;
}

/* rest_stabilize_value() + serialize(): a string equal for equal values. */
static void stable_key(const json_t *v, struct buf *b);

static int key_cmp(const void *x, const void *y)
{
	const char *a = *(const char *const *)x, *b = *(const char *const *)y;
	int ai = is_int_key(a), bi = is_int_key(b);
	if (ai && bi) {
		long long p = strtoll(a, NULL, 10), q = strtoll(b, NULL, 10);
		return p < q ? -1 : p > q;
	}
	return strcmp(a, b);
}

static void stable_key(const json_t *v, struct buf *b)
{
	char tmp[64];
	if (!v || json_is_null(v)) {
		buf_puts(b, "N;");
	} else if (json_is_boolean(v)) {
		buf_printf(b, "b:%d;", json_is_true(v));
	} else if (json_is_integer(v)) {
		buf_printf(b, "i:%" JSON_INTEGER_FORMAT ";", json_integer_value(v));
	} else if (json_is_real(v)) {
		snprintf(tmp, sizeof tmp, "%.17g", json_real_value(v));
		buf_printf(b, "d:%s;", tmp);
	} else if (json_is_string(v)) {
		buf_printf(b, "s:%zu:\"", json_string_length(v));
		buf_append(b, json_string_value(v), json_string_length(v));
		buf_puts(b, "\";");
	} else {
		size_t n = php_count(v), i = 0;
		const char **keys = calloc(n ? n : 1, sizeof *keys);
		char (*ibuf)[24] = calloc(n ? n : 1, sizeof *ibuf);
		if (!keys || !ibuf)
			abort();
		struct it it;
		it_init(&it, v);
		while (it_next(&it)) {
			if (json_is_array(v)) {
				snprintf(ibuf[i], sizeof ibuf[i], "%s", it.key);
				keys[i] = ibuf[i];
			} else {
				keys[i] = it.key;
			}
			i++;
		}
		qsort(keys, n, sizeof *keys, key_cmp);
		buf_printf(b, "a:%zu:{", n);
		for (i = 0; i < n; i++) {
			if (is_int_key(keys[i]))
				buf_printf(b, "i:%s;", keys[i]);
			else
				buf_printf(b, "s:%zu:\"%s\";", strlen(keys[i]), keys[i]);
			stable_key(php_get(v, keys[i]), b);
		}
		buf_putc(b, '}');
		free(keys);
		free(ibuf);
	}
}

/* rest_validate_array_contains_unique_items() */
static int unique_items(const json_t *arr)
{
	size_t n = json_array_size(arr);
	char **keys = calloc(n ? n : 1, sizeof *keys);
	if (!keys)
		abort();
	int unique = 1;
	for (size_t i = 0; i < n && unique; i++) {
		struct buf b = BUF_INIT;
		stable_key(json_array_get(arr, i), &b);
		keys[i] = buf_take(&b);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(keys[i], keys[j])) {
				unique = 0;
				break;
			}
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	return unique;
}

/* rest_validate_number_value_from_schema(); type is "number" or "integer". */
static json_t *validate_number(const json_t *s, const char *type, const json_t *value, const char *param)
{
	struct num v;
	if (!to_num(value, &v))
		return invalid_type(param, type);
	const json_t *mult = isset(s, "multipleOf");
	if (mult) {
		double m = floatval(mult);
		if (fmod(v.is_int ? (double)v.i : v.d, m) != 0.0) {
			struct buf t = BUF_INIT;
			php_strval(mult, &t);
			json_t *e = wp_error("rest_invalid_multiple", NULL, "%s must be a multiple of %s.", param, buf_str(&t));
			buf_free(&t);
			return e;
		}
	}
	const json_t *min = isset(s, "minimum"), *max = isset(s, "maximum");
	int exmin = !validate_php_empty(json_object_get(s, "exclusiveMinimum"));
	int exmax = !validate_php_empty(json_object_get(s, "exclusiveMaximum"));
	struct num mn = { 0, 0, 0 }, mx = { 0, 0, 0 };
	if (min && !to_num(min, &mn))
		mn.is_int = 1, mn.i = validate_intval(min), mn.d = floatval(min);
	if (max && !to_num(max, &mx))
		mx.is_int = 1, mx.i = validate_intval(max), mx.d = floatval(max);
	if (min && !max) {
		if (exmin && num_cmp(&v, &mn) <= 0)
			return wp_error("rest_out_of_bounds", NULL, "%s must be greater than %lld", param, php_d(min));
		if (!exmin && num_cmp(&v, &mn) < 0)
			return wp_error("rest_out_of_bounds", NULL, "%s must be greater than or equal to %lld", param, php_d(min));
	}
	if (max && !min) {
		if (exmax && num_cmp(&v, &mx) >= 0)
			return wp_error("rest_out_of_bounds", NULL, "%s must be less than %lld", param, php_d(max));
		if (!exmax && num_cmp(&v, &mx) > 0)
			return wp_error("rest_out_of_bounds", NULL, "%s must be less than or equal to %lld", param, php_d(max));
	}
	if (min && max) {
		int below = exmin ? num_cmp(&v, &mn) <= 0 : num_cmp(&v, &mn) < 0;
		int above = exmax ? num_cmp(&v, &mx) >= 0 : num_cmp(&v, &mx) > 0;
		if (below || above)
			return wp_error("rest_out_of_bounds", NULL, "%s must be between %lld (%s) and %lld (%s)", param,
					php_d(min), exmin ? "exclusive" : "inclusive", php_d(max),
					exmax ? "exclusive" : "inclusive");
	}
	return NULL;
}

static json_t *validate_string(const json_t *s, const json_t *value, const char *param)
{
	if (!json_is_string(value))
		return invalid_type(param, "string");
	const char *str = json_string_value(value);
	size_t n = json_string_length(value);
	const json_t *minl = isset(s, "minLength"), *maxl = isset(s, "maxLength");
	char num[64];
	if (minl && (double)mb_strlen(str, n) < floatval(minl)) {
		number_format(minl, num, sizeof num);
		return wp_error("rest_too_short", NULL,
				plural(minl, "%s must be at least %s character long.", "%s must be at least %s characters long."),
				param, num);
	}
	if (maxl && (double)mb_strlen(str, n) > floatval(maxl)) {
		number_format(maxl, num, sizeof num);
		return wp_error("rest_too_long", NULL,
				plural(maxl, "%s must be at most %s character long.", "%s must be at most %s characters long."),
				param, num);
	}
	const json_t *pat = isset(s, "pattern");
	if (pat) {
		struct buf p = BUF_INIT;
		php_strval(pat, &p);
		int ok = pattern_matches(buf_str(&p), p.len, str, n);
		json_t *e = ok ? NULL : wp_error("rest_invalid_pattern", NULL, "%s does not match pattern %s.", param, buf_str(&p));
		buf_free(&p);
		return e;
	}
	return NULL;
}

static json_t *validate_object(const json_t *s, const json_t *raw, const char *param)
{
	if (!rest_is_object(raw))
		return invalid_type(param, "object");
	json_t *value = rest_sanitize_object(raw), *err = NULL;
	struct buf sub = BUF_INIT;
	const json_t *req = json_object_get(s, "required");
	const json_t *props = isset(s, "properties");
	struct it it;
	if (is_php_array(req)) {
		it_init(&it, req);
		while (it_next(&it)) {
			struct buf nm = BUF_INIT;
			php_strval(it.val, &nm);
			if (!key_exists(value, buf_str(&nm))) {
				err = wp_error("rest_property_required", NULL, "%s is a required property of %s.", buf_str(&nm), param);
				buf_free(&nm);
				goto out;
			}
			buf_free(&nm);
		}
	} else if (props) {
		it_init(&it, props);
		while (it_next(&it)) {
			if (json_is_true(json_object_get(it.val, "required")) && !key_exists(value, it.key)) {
				err = wp_error("rest_property_required", NULL, "%s is a required property of %s.", it.key, param);
				goto out;
			}
		}
	}
	const json_t *pp = isset(s, "patternProperties");
	const json_t *addl = json_object_get(s, "additionalProperties");
	it_init(&it, value);
	while (it_next(&it)) {
		const json_t *ps = props ? isset(props, it.key) : NULL;
		if (!ps && pp) {
			struct it pit;
			it_init(&pit, pp);
			while (it_next(&pit))
				if (pattern_matches(pit.key, strlen(pit.key), it.key, strlen(it.key))) {
					ps = pit.val;
					break;
				}
		}
		if (ps) {
			sub_param(&sub, param, it.key);
			if ((err = vvalidate(sch_of(ps), it.val, buf_str(&sub))))
				goto out;
			continue;
		}
		if (addl && json_is_false(addl)) {
			err = wp_error("rest_additional_properties_forbidden", NULL, "%s is not a valid property of Object.", it.key);
			goto out;
		}
		if (is_php_array(addl)) {
			sub_param(&sub, param, it.key);
			if ((err = vvalidate(sch_of(addl), it.val, buf_str(&sub))))
				goto out;
		}
	}
	const json_t *minp = isset(s, "minProperties"), *maxp = isset(s, "maxProperties");
	char num[64];
	if (minp && (double)php_count(value) < floatval(minp)) {
		number_format(minp, num, sizeof num);
		err = wp_error("rest_too_few_properties", NULL,
			       plural(minp, "%s must contain at least %s property.", "%s must contain at least %s properties."),
			       param, num);
		goto out;
	}
	if (maxp && (double)php_count(value) > floatval(maxp)) {
		number_format(maxp, num, sizeof num);
		err = wp_error("rest_too_many_properties", NULL,
			       plural(maxp, "%s must contain at most %s property.", "%s must contain at most %s properties."),
			       param, num);
		goto out;
	}
out:
	buf_free(&sub);
	json_decref(value);
	return err;
}

static json_t *validate_array(const json_t *s, const json_t *raw, const char *param)
{
	if (!rest_is_array(raw))
		return invalid_type(param, "array");
	json_t *value = rest_sanitize_array(raw), *err = NULL;
	const json_t *items = isset(s, "items");
	struct buf sub = BUF_INIT;
	char num[64];
	if (items) {
		size_t i;
		json_t *v;
		json_array_foreach(value, i, v) {
			buf_reset(&sub);
			buf_printf(&sub, "%s[%zu]", param, i);
			if ((err = vvalidate(sch_of(items), v, buf_str(&sub))))
				goto out;
		}
	}
	const json_t *mini = isset(s, "minItems"), *maxi = isset(s, "maxItems");
	if (mini && (double)json_array_size(value) < floatval(mini)) {
		number_format(mini, num, sizeof num);
		err = wp_error("rest_too_few_items", NULL,
			       plural(mini, "%s must contain at least %s item.", "%s must contain at least %s items."), param, num);
		goto out;
	}
	if (maxi && (double)json_array_size(value) > floatval(maxi)) {
		number_format(maxi, num, sizeof num);
		err = wp_error("rest_too_many_items", NULL,
			       plural(maxi, "%s must contain at most %s item.", "%s must contain at most %s items."), param, num);
		goto out;
	}
	if (!validate_php_empty(json_object_get(s, "uniqueItems")) && !unique_items(value))
		err = wp_error("rest_duplicate_items", NULL, "%s has duplicate items.", param);
out:
	buf_free(&sub);
	json_decref(value);
	return err;
}

/* The format keyword applies to strings, and (for backward compatibility)
 * when the type is missing or unknown. */
static int format_applies(const char *type)
{
	return !type || !strcmp(type, "string") || !type_allowed(type);
}

/* rest_validate_value_from_schema() */
static json_t *vvalidate(struct sch a, const json_t *value, const char *param)
{
	json_t *err = NULL;
	if (!json_is_object(a.s))
		return NULL;
	if (isset(a.s, "anyOf")) {
		struct sch m;
		if (find_matching(a, "anyOf", value, param, &m, &err) < 0)
			return err;
		if (!a.type && m.type)
			a.type = m.type;
	}
	if (isset(a.s, "oneOf")) {
		struct sch m;
		if (find_matching(a, "oneOf", value, param, &m, &err) < 0)
			return err;
		if (!a.type && m.type)
			a.type = m.type;
	}
	const char *type = NULL;
	json_t *resolved = NULL; /* keeps a resolved type name alive as a.type */
	if (json_is_array(a.type)) {
		type = best_type(a.type, value);
		if (!type) {
			struct buf b = BUF_INIT;
			size_t i;
			json_t *t;
			json_array_foreach(a.type, i, t) {
				if (i)
					buf_putc(&b, ',');
				php_strval(t, &b);
			}
			err = invalid_type(param, buf_str(&b));
			buf_free(&b);
			return err;
		}
		resolved = jstr(type);
		a.type = resolved;
	} else if (a.type) {
		type = json_is_string(a.type) ? json_string_value(a.type) : "";
	}
	if (!type)
		;
	else if (!strcmp(type, "null"))
		err = value && !json_is_null(value) ? invalid_type(param, "null") : NULL;
	else if (!strcmp(type, "boolean"))
		err = validate_is_boolean(value) ? NULL : invalid_type(param, "boolean");
	else if (!strcmp(type, "object"))
		err = validate_object(a.s, value, param);
	else if (!strcmp(type, "array"))
		err = validate_array(a.s, value, param);
	else if (!strcmp(type, "number"))
		err = validate_number(a.s, type, value, param);
	else if (!strcmp(type, "string"))
		err = validate_string(a.s, value, param);
	else if (!strcmp(type, "integer")) {
		err = validate_number(a.s, type, value, param);
		if (!err && !validate_is_integer(value))
			err = invalid_type(param, "integer");
	}
	if (err)
		goto out;
	if (!validate_php_empty(json_object_get(a.s, "enum")) && (err = validate_enum(a, value, param)))
		goto out;
	const json_t *fmt = isset(a.s, "format");
	if (fmt && json_is_string(fmt) && format_applies(type)) {
		const char *f = json_string_value(fmt);
		struct buf sv = BUF_INIT;
		if (is_scalar(value))
			php_strval(value, &sv);
		const char *s = buf_str(&sv);
		size_t n = sv.len;
		int scalar = is_scalar(value);
		if (!strcmp(f, "hex-color") && !(scalar && is_hex_color(s, n)))
			err = wp_error("rest_invalid_hex_color", NULL, "Invalid hex color.");
		else if (!strcmp(f, "date-time")) {
			long long ts;
			if (!scalar || strlen(s) != n || validate_parse_date(s, &ts) < 0)
				err = wp_error("rest_invalid_date", NULL, "Invalid date.");
		} else if (!strcmp(f, "email") && !(scalar && is_email(s, n)))
			err = wp_error("rest_invalid_email", NULL, "Invalid email address.");
		else if (!strcmp(f, "ip") && !(scalar && (is_ipv4(s, n) || is_ipv6(s, n))))
			err = wp_error("rest_invalid_ip", NULL, "%s is not a valid IP address.", param);
		else if (!strcmp(f, "uuid") && !(json_is_string(value) && is_uuid(s, n)))
			err = wp_error("rest_invalid_uuid", NULL, "%s is not a valid UUID.", param);
		buf_free(&sv);
	}
out:
	json_decref(resolved);
	return err;
}

/* rest_sanitize_value_from_schema(); *err set (and NULL returned) where
 * WordPress returns a WP_Error. */
static json_t *vsanitize(struct sch a, const json_t *value, const char *param, json_t **err)
{
	json_t *cur = json_incref((json_t *)(value ? value : json_null()));
	json_t *out = NULL;
	struct buf sub = BUF_INIT;
	*err = NULL;
	if (!json_is_object(a.s))
		return cur;
	static const char *const combiners[] = { "anyOf", "oneOf" };
	for (int c = 0; c < 2; c++) {
		if (!isset(a.s, combiners[c]))
			continue;
		struct sch m;
		if (find_matching(a, combiners[c], cur, param, &m, err) < 0)
			goto out;
		if (!a.type)
			a.type = m.type;
		json_t *next = vsanitize(m, cur, param, err);
		if (*err)
			goto out;
		json_decref(cur);
		cur = next;
	}
	const char *type = NULL;
	if (json_is_array(a.type)) {
		type = best_type(a.type, cur);
		if (!type) {
			out = json_null();
			goto out;
		}
	} else if (json_is_string(a.type)) {
		type = json_string_value(a.type);
	}
	if (type && !strcmp(type, "array")) {
		json_t *arr = rest_sanitize_array(cur);
		const json_t *items = json_object_get(a.s, "items");
		if (!validate_php_empty(items)) {
			size_t i;
			json_t *v;
			json_array_foreach(arr, i, v) {
				json_t *ie = NULL;
				buf_reset(&sub);
				buf_printf(&sub, "%s[%zu]", param, i);
				json_t *sv = vsanitize(sch_of(items), v, buf_str(&sub), &ie);
				/* WordPress stores the WP_Error in the array; keep its place. */
				json_array_set_new(arr, i, sv ? sv : json_null());
				json_decref(ie);
			}
		}
		if (!validate_php_empty(json_object_get(a.s, "uniqueItems")) && !unique_items(arr)) {
			json_decref(arr);
			*err = wp_error("rest_duplicate_items", NULL, "%s has duplicate items.", param);
			goto out;
		}
		out = arr;
		goto out;
	}
	if (type && !strcmp(type, "object")) {
		json_t *obj = rest_sanitize_object(cur);
		json_t *copy = json_copy(obj); /* shallow: properties are replaced, not edited */
		json_decref(obj);
		const json_t *props = isset(a.s, "properties"), *pp = isset(a.s, "patternProperties");
		const json_t *addl = json_object_get(a.s, "additionalProperties");
		if (json_is_object(copy)) {
			const char *k;
			json_t *v;
			void *tmp;
			json_object_foreach_safe(copy, tmp, k, v) {
				const json_t *ps = props ? isset(props, k) : NULL;
				if (!ps && pp) {
					struct it pit;
					it_init(&pit, pp);
					while (it_next(&pit))
						if (pattern_matches(pit.key, strlen(pit.key), k, strlen(k))) {
							ps = pit.val;
							break;
						}
				}
				if (!ps && is_php_array(addl))
					ps = addl;
				if (ps) {
					json_t *ie = NULL;
					sub_param(&sub, param, k);
					json_t *sv = vsanitize(sch_of(ps), v, buf_str(&sub), &ie);
					json_object_set_new(copy, k, sv ? sv : json_null());
					json_decref(ie);
				} else if (addl && json_is_false(addl)) {
					json_object_del(copy, k);
				}
			}
		}
		out = php_array_normalize(copy);
		goto out;
	}
	if (type && !strcmp(type, "null")) {
		out = json_null();
		goto out;
	}
	if (type && !strcmp(type, "integer")) {
		out = jint(validate_intval(cur));
		goto out;
	}
	if (type && !strcmp(type, "number")) {
		out = json_real(floatval(cur));
		goto out;
	}
	if (type && !strcmp(type, "boolean")) {
		out = jbool(sanitize_boolean(cur));
		goto out;
	}
	const json_t *fmt = isset(a.s, "format");
	if (fmt && json_is_string(fmt) && format_applies(type)) {
		const char *f = json_string_value(fmt);
		if (!strcmp(f, "hex-color")) {
			/* (string) sanitize_hex_color() */
			if (json_is_string(cur) && (json_string_length(cur) == 0 ||
			    is_hex_color(json_string_value(cur), json_string_length(cur))))
				out = json_incref(cur);
			else
				out = jstr("");
			goto out;
		}
		if (!strcmp(f, "date-time") || !strcmp(f, "email") || !strcmp(f, "ip") || !strcmp(f, "uuid") ||
		    !strcmp(f, "text-field")) {
			out = sanitize_text_fields(cur, 0);
			goto out;
		}
		if (!strcmp(f, "textarea-field")) {
			out = sanitize_text_fields(cur, 1);
			goto out;
		}
		if (!strcmp(f, "uri")) {
			struct buf u = BUF_INIT;
			struct buf in = BUF_INIT;
			php_strval(cur, &in);
			format_esc_url_raw(buf_str(&in), &u);
			out = jstrn(buf_str(&u), u.len);
			buf_free(&u);
			buf_free(&in);
			goto out;
		}
	}
	if (type && !strcmp(type, "string")) {
		out = json_is_string(cur) ? json_incref(cur) : php_strval_json(cur);
		goto out;
	}
	out = json_incref(cur);
out:
	buf_free(&sub);
	json_decref(cur);
	return out;
}

json_t *validate_value(const json_t *schema, const json_t *value, const char *name)
{
	return vvalidate(sch_of(schema), value, name ? name : "");
}

json_t *validate_sanitize(const json_t *schema, const json_t *value, const char *name)
{
	json_t *err = NULL;
	json_t *r = vsanitize(sch_of(schema), value, name ? name : "", &err);
	if (err) {
		json_decref(err);
		return NULL;
	}
	return r;
}

json_t *validate_parse(const json_t *schema, const json_t *value, const char *name, json_t **err)
{
	*err = validate_value(schema, value, name);
	if (*err)
		return NULL;
	json_t *r = vsanitize(sch_of(schema), value, name ? name : "", err);
	if (*err) {
		json_decref(r);
		return NULL;
	}
	return r;
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */

static void mark(json_t *arg, int validate, const char *sanitize)
{
	if (!json_is_object(arg))
		return;
	if (validate && !json_object_get(arg, "validate_callback"))
		json_object_set_new(arg, "validate_callback", json_true());
	if (sanitize && !json_object_get(arg, "sanitize_callback"))
		json_object_set_new(arg, "sanitize_callback", jstr(sanitize));
}

void validate_args_mark_controller(json_t *args)
{
	mark(json_object_get(args, "context"), 1, "sanitize_key");
	mark(json_object_get(args, "page"), 1, "absint");
	mark(json_object_get(args, "per_page"), 1, "absint");
	mark(json_object_get(args, "search"), 1, "sanitize_text_field");
}

void validate_args_mark_item_schema(json_t *args)
{
	const char *k;
	json_t *v;
	json_object_foreach(args, k, v)
		mark(v, 1, "rest_sanitize_request_arg");
}

/* Collects invalid params as sanitize_params()/has_valid_params() do. */
struct invalid {
	json_t *params;   /* name -> message */
	json_t *details;  /* name -> {"code","message","data"} */
};

static void invalid_add(struct invalid *inv, const char *name, json_t *e)
{
	if (!inv->params) {
		inv->params = jobj();
		inv->details = jobj();
	}
	jset(inv->params, name, jstr(err_message(e)));
	json_t *d = jobj();
	jset(d, "code", json_incref(json_object_get(e, "code")));
	jset(d, "message", json_incref(json_object_get(e, "message")));
	json_t *data = json_object_get(e, "data");
	jset(d, "data", data ? json_incref(data) : json_null());
	jset(inv->details, name, d);
	json_decref(e);
}

static json_t *invalid_error(struct invalid *inv)
{
	struct buf b = BUF_INIT;
	const char *k;
	json_t *v;
	buf_puts(&b, "Invalid parameter(s): ");
	int first = 1;
	json_object_foreach(inv->params, k, v) {
		if (!first)
			buf_puts(&b, ", ");
		buf_puts(&b, k);
		first = 0;
	}
	json_t *data = jobj();
	jset(data, "status", jint(400));
	jset(data, "params", inv->params);
	jset(data, "details", inv->details);
	json_t *e = wp_error("rest_invalid_param", data, "%s", buf_str(&b));
	buf_free(&b);
	inv->params = inv->details = NULL;
	return e;
}

/* get_param(): the value unless null, else the default. Borrowed. */
static const json_t *get_param(const json_t *params, const json_t *arg, const char *key)
{
	const json_t *v = isset(params, key);
	return v ? v : isset(arg, "default");
}

/* Runs an arg's sanitize_callback: 0 and *out, or -1 and *out = error. */
static int run_sanitize(const json_t *arg, const char *key, const json_t *value,
			const struct validate_hooks *hooks, json_t **out)
{
	const json_t *cb = json_object_get(arg, "sanitize_callback");
	const char *name = NULL;
	if (!cb) {
		if (validate_php_empty(json_object_get(arg, "type")))
			goto keep;
		name = "rest_parse_request_arg";
	} else if (json_is_string(cb) && json_string_length(cb)) {
		name = json_string_value(cb);
	} else {
		goto keep;
	}
	if (!strcmp(name, "rest_parse_request_arg")) {
		json_t *err = NULL;
		json_t *r = validate_parse(arg, value, key, &err);
		*out = r ? r : err;
		return r ? 0 : -1;
	}
	if (!strcmp(name, "rest_sanitize_request_arg")) {
		json_t *err = NULL;
		json_t *r = vsanitize(sch_of(arg), value, key, &err);
		*out = r ? r : err;
		return r ? 0 : -1;
	}
	if (!strcmp(name, "absint")) {
		long long v = validate_intval(value);
		*out = jint(v < 0 && v != LLONG_MIN ? -v : v);
		return 0;
	}
	if (!strcmp(name, "sanitize_key")) {
		*out = sanitize_key(value);
		return 0;
	}
	if (!strcmp(name, "sanitize_text_field")) {
		*out = sanitize_text_fields(value, 0);
		return 0;
	}
	if (!strcmp(name, "wp_parse_id_list")) {
		*out = validate_parse_id_list(value);
		return 0;
	}
	if (!strcmp(name, "wp_parse_list")) {
		*out = validate_parse_list(value);
		return 0;
	}
	if (!strcmp(name, "caller") && hooks && hooks->sanitize)
		return hooks->sanitize(hooks->ctx, key, arg, value, out) ? -1 : 0;
keep:
	*out = json_incref((json_t *)(value ? value : json_null()));
	return 0;
}

int validate_params(const json_t *args, const json_t *params, json_t **out, json_t **err)
{
	return validate_params_ex(args, params, NULL, out, err);
}

int validate_params_ex(const json_t *args, const json_t *params, const struct validate_hooks *hooks,
		       json_t **out, json_t **err)
{
	const char *key;
	json_t *arg, *v;
	struct invalid inv = { NULL, NULL };
	*out = NULL;
	*err = NULL;

	/* has_valid_params(): required args first (cheaper), in args order. */
	json_t *missing = NULL;
	json_object_foreach((json_t *)args, key, arg) {
		if (json_is_true(json_object_get(arg, "required")) && !get_param(params, arg, key)) {
			if (!missing)
				missing = jarr();
			jpush(missing, jstr(key));
		}
	}
	if (missing) {
		struct buf b = BUF_INIT;
		size_t i;
		buf_puts(&b, "Missing parameter(s): ");
		json_array_foreach(missing, i, v) {
			if (i)
				buf_puts(&b, ", ");
			buf_puts(&b, json_string_value(v));
		}
		json_t *data = jset(jset(jobj(), "status", jint(400)), "params", missing);
		*err = wp_error("rest_missing_callback_param", data, "%s", buf_str(&b));
		buf_free(&b);
		return 400;
	}
	/* ... then each validate_callback, in args order. */
	json_object_foreach((json_t *)args, key, arg) {
		const json_t *cb = json_object_get(arg, "validate_callback");
		const json_t *p = get_param(params, arg, key);
		if (!p || validate_php_empty(cb))
			continue;
		json_t *e = NULL;
		if (json_is_string(cb) && !strcmp(json_string_value(cb), "caller"))
			e = hooks && hooks->validate ? hooks->validate(hooks->ctx, key, arg, p) : NULL;
		else
			e = vvalidate(sch_of(arg), p, key);
		if (e)
			invalid_add(&inv, key, e);
	}
	if (inv.params) {
		*err = invalid_error(&inv);
		return 400;
	}

	/* sanitize_params(): every given param that is an arg, in the request's
	 * order, then the defaults (WordPress keeps them as a parameter source). */
	json_t *res = jobj();
	json_object_foreach((json_t *)params, key, v) {
		arg = json_object_get(args, key);
		if (!json_is_object(arg)) {
			jset(res, key, json_incref(v));
			continue;
		}
		json_t *s = NULL;
		if (run_sanitize(arg, key, v, hooks, &s) < 0)
			invalid_add(&inv, key, s);
		else
			jset(res, key, s);
	}
	json_object_foreach((json_t *)args, key, arg) {
		const json_t *def = isset(arg, "default");
		if (!def)
			continue;
		json_t *s = NULL;
		if (run_sanitize(arg, key, def, hooks, &s) < 0) {
			invalid_add(&inv, key, s);
			continue;
		}
		/* get_param() falls back to the default only when the given value,
		 * as sanitized, is null */
		if (!isset(res, key))
			jset(res, key, s);
		else
			json_decref(s);
	}
	if (inv.params) {
		json_decref(res);
		*err = invalid_error(&inv);
		return 400;
	}
	*out = res;
	return 0;
}

int validate_post_statuses(const json_t *arg, const json_t *value, int can_edit, int can_read_private,
			   int logged_in, json_t **out)
{
	/* wp_parse_slug_list(): statuses are plain ASCII slugs, so
	 * sanitize_title() leaves the ones WordPress knows unchanged. */
	json_t *list = validate_parse_list(value);
	const json_t *def = json_object_get(arg, "default");
	size_t i;
	json_t *s;
	json_array_foreach(list, i, s) {
		if (def && values_equal(s, def))
			continue;
		if (can_edit || (can_read_private && json_is_string(s) && !strcmp(json_string_value(s), "private"))) {
			json_t *e = vvalidate(sch_of(arg), s, "status");
			if (e) {
				json_decref(list);
				*out = e;
				return 1;
			}
		} else {
			json_decref(list);
			*out = wp_error("rest_forbidden_status", jset(jobj(), "status", jint(logged_in ? 403 : 401)),
					"Status is forbidden.");
			return 1;
		}
	}
	*out = list;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */

int validate_get_int(const json_t *params, const char *name, long long *out)
{
	const json_t *v = json_object_get(params, name);
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return 0;
	}
	if (json_is_real(v) && round(json_real_value(v)) == json_real_value(v) && fabs(json_real_value(v)) < 9.2e18) {
		*out = (long long)json_real_value(v);
		return 0;
	}
	return -1;
}

int validate_get_bool(const json_t *params, const char *name, int *out)
{
	const json_t *v = json_object_get(params, name);
	if (!json_is_boolean(v))
		return -1;
	*out = json_is_true(v);
	return 0;
}

const char *validate_get_str(const json_t *params, const char *name)
{
	const json_t *v = json_object_get(params, name);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

const json_t *validate_get_array(const json_t *params, const char *name)
{
	const json_t *v = json_object_get(params, name);
	return json_is_array(v) ? v : NULL;
}
