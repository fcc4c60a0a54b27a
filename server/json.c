/* json.c - PHP json_encode()-compatible output of jansson trees.
 * jansson's own dumper differs in small ways that matter for byte
 * compatibility (uppercase \u202F, unescaped "/", float formatting). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pressd/err.h"
#include "pressd/json.h"

static const char hex[] = "0123456789abcdef";

static int put_u(struct buf *out, unsigned cp)
{
	char e[6] = { '\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15],
		      hex[cp & 15] };
	return buf_append(out, e, 6);
}

/* Decodes one UTF-8 sequence at s (n bytes left); returns its length or 0 if invalid. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	unsigned c, min;
	if ((s[0] & 0xE0) == 0xC0) { len = 2; c = s[0] & 0x1F; min = 0x80; }
	else if ((s[0] & 0xF0) == 0xE0) { len = 3; c = s[0] & 0x0F; min = 0x800; }
	else if ((s[0] & 0xF8) == 0xF0) { len = 4; c = s[0] & 0x07; min = 0x10000; }
	else return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* 1 for the bytes json_encode() copies as they are: ASCII from the space
 * on, except '"', '/' and '\\' (0x22, 0x2f, 0x5c). */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static char *put_u_at(char *d, unsigned cp)
{
	*d++ = '\\';
	*d++ = 'u';
	*d++ = hex[(cp >> 12) & 15];
	*d++ = hex[(cp >> 8) & 15];
	*d++ = hex[(cp >> 4) & 15];
	*d++ = hex[cp & 15];
	return d;
}

/* json_emit_string() into memory known to hold the worst case (6 bytes
 * per input byte, and the quotes): no bound checks per piece. Returns the
 * end of what it wrote. */
static char *emit_string_at(const unsigned char *s, size_t n, char *d)
{
	size_t i = 0;
	*d++ = '"';
	while (i < n) {
		size_t run = i;
#ifdef __SSE2__
		/* 16 bytes at a time while none needs escaping: as signed bytes,
		 * those below 0x20 and from 0x80 on are all less than 0x20 */
		const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
			      slash = _mm_set1_epi8('/'), backslash = _mm_set1_epi8('\\');
		while (n - run >= 16) {
			/* stored whole: the room for the worst case covers the 16 bytes */
			__m128i v = _mm_loadu_si128((const __m128i *)(s + run));
			_mm_storeu_si128((__m128i *)(d + (run - i)), v);
			__m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)),
						   _mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, backslash)));
			int mask = _mm_movemask_epi8(bad);
			if (mask) {
				run += (size_t)__builtin_ctz((unsigned)mask);
				break;
			}
			run += 16;
		}
		d += run - i; /* s[i..run) is plain and copied */
		i = run;
		if (i == n)
			break;
#endif
		while (run < n && plain[s[run]])
			run++;
		if (run > i) {
			memcpy(d, s + i, run - i);
			d += run - i;
			i = run;
			continue;
		}
		unsigned char c = s[i];
		const char *e = NULL;
		switch (c) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '/': e = "\\/"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		}
		if (e) {
			*d++ = e[0];
			*d++ = e[1];
			i++;
			continue;
		}
		if (c < 0x20) {
			d = put_u_at(d, c);
			i++;
			continue;
		}
		unsigned cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len) {
			*d++ = '?';
			i++;
			continue;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			d = put_u_at(d, 0xD800 + (cp >> 10));
			d = put_u_at(d, 0xDC00 + (cp & 0x3FF));
		} else {
			d = put_u_at(d, cp);
		}
		i += len;
	}
	*d++ = '"';
	return d;
}

int json_emit_string(const char *str, size_t n, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n < ((size_t)-1 - 2) / 6 && buf_reserve(out, 6 * n + 2) == PD_OK) {
		char *end = emit_string_at(s, n, out->data + out->len);
		out->len = (size_t)(end - out->data);
		out->data[out->len] = '\0';
		return PD_OK;
	}
	/* the worst case does not fit under the bound: piece by piece, as far as it goes */
	int rc = buf_putc(out, '"');
	size_t i = 0;
	while (!rc && i < n) {
		/* Copy a run of bytes that need no escaping in one append. */
		size_t run = i;
		while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\' &&
		       s[run] != '/')
			run++;
		if (run > i) {
			rc = buf_append(out, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = s[i];
		switch (c) {
		case '"': rc = buf_append(out, "\\\"", 2); i++; continue;
		case '\\': rc = buf_append(out, "\\\\", 2); i++; continue;
		case '/': rc = buf_append(out, "\\/", 2); i++; continue;
		case '\b': rc = buf_append(out, "\\b", 2); i++; continue;
		case '\f': rc = buf_append(out, "\\f", 2); i++; continue;
		case '\n': rc = buf_append(out, "\\n", 2); i++; continue;
		case '\r': rc = buf_append(out, "\\r", 2); i++; continue;
		case '\t': rc = buf_append(out, "\\t", 2); i++; continue;
		}
		if (c < 0x20) {
			rc = put_u(out, c);
			i++;
			continue;
		}
		unsigned cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (!len) {
			rc = buf_putc(out, '?');
			i++;
			continue;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			rc = put_u(out, 0xD800 + (cp >> 10));
			if (!rc)
				rc = put_u(out, 0xDC00 + (cp & 0x3FF));
		} else {
			rc = put_u(out, cp);
		}
		i += len;
	}
	return rc ? rc : buf_putc(out, '"');
}

/* PHP 7.1+ json_encode() of a float (serialize_precision -1): the shortest
 * digits that round-trip, laid out as php_gcvt() does with precision 17 -
 * plain notation while the decimal point is within -3..17 digits, else
 * "1.0e+25" style. Integral values have no ".0": json_encode(2.0) is "2". */
static int emit_real(double v, struct buf *out)
{
	char tmp[48], digits[24], res[64];
	int prec, exp10;
	if (!isfinite(v))
		return buf_puts(out, "0");
	for (prec = 0; prec <= 16; prec++) {
		snprintf(tmp, sizeof tmp, "%.*e", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	/* tmp is "-d.ddde+XX": collect the digits and the exponent. */
	const char *p = tmp;
	int neg = *p == '-', nd = 0;
	if (neg)
		p++;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			digits[nd++] = *p;
	digits[nd] = '\0';
	exp10 = atoi(p + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		digits[--nd] = '\0';
	int decpt = exp10 + 1;
	char *o = res;
	if (neg)
		*o++ = '-';
	if (v == 0) {
		o += sprintf(o, "0");
	} else if (decpt < 0 ? decpt < -3 : decpt > 17) {
		o += sprintf(o, "%c.%se%c%d", digits[0], nd > 1 ? digits + 1 : "0", exp10 < 0 ? '-' : '+',
			     abs(exp10));
	} else if (decpt <= 0) {
		o += sprintf(o, "0.");
		for (int k = 0; k < -decpt; k++)
			*o++ = '0';
		o += sprintf(o, "%s", digits);
	} else {
		for (int k = 0; k < decpt; k++)
			*o++ = k < nd ? digits[k] : '0';
		if (nd > decpt)
			o += sprintf(o, ".%s", digits + decpt);
		*o = '\0';
	}
	return buf_puts(out, res);
}

int json_emit(const json_t *j, struct buf *out)
{
	int rc = PD_OK;
	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		const char *key;
		json_t *v;
		int first = 1;
		rc = buf_putc(out, '{');
		json_object_foreach((json_t *)j, key, v) {
			if (!rc && !first)
				rc = buf_putc(out, ',');
			first = 0;
			if (!rc)
				rc = json_emit_string(key, strlen(key), out);
			if (!rc)
				rc = buf_putc(out, ':');
			if (!rc)
				rc = json_emit(v, out);
		}
		return rc ? rc : buf_putc(out, '}');
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *v;
		rc = buf_putc(out, '[');
		json_array_foreach(j, i, v) {
			if (!rc && i)
				rc = buf_putc(out, ',');
			if (!rc)
				rc = json_emit(v, out);
		}
		return rc ? rc : buf_putc(out, ']');
	}
	case JSON_STRING:
		return json_emit_string(json_string_value(j), json_string_length(j), out);
	case JSON_INTEGER:
		return buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
	case JSON_REAL:
		return emit_real(json_real_value(j), out);
	case JSON_TRUE:
		return buf_puts(out, "true");
	case JSON_FALSE:
		return buf_puts(out, "false");
	case JSON_NULL:
		return buf_puts(out, "null");
	}
	return PD_EINVAL;
}

static json_t *must(json_t *j)
{
	if (!j) {
		fputs("pressd: out of memory building JSON\n", stderr);
		abort();
	}
	return j;
}

json_t *jstr(const char *s) { return s ? must(json_stringn_nocheck(s, strlen(s))) : json_null(); }
json_t *jstrn(const char *s, size_t n) { return must(json_stringn_nocheck(s, n)); }
json_t *jint(long long v) { return must(json_integer(v)); }
json_t *jbool(int v) { return v ? json_true() : json_false(); }
json_t *jobj(void) { return must(json_object()); }
json_t *jarr(void) { return must(json_array()); }

json_t *jset(json_t *obj, const char *key, json_t *value)
{
	if (json_object_set_new_nocheck(obj, key, value))
		must(NULL);
	return obj;
}

json_t *jpush(json_t *arr, json_t *value)
{
	if (json_array_append_new(arr, value))
		must(NULL);
	return arr;
}
