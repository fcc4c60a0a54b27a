/* php.c - PHP's scalar conversions (see php.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/php.h"

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

size_t php_numeric_prefix(const char *s, size_t n, size_t *skip)
{
	size_t i = 0, start, digits = 0;
	while (i < n && is_ws(s[i]))
		i++;
	*skip = start = i;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < n && is_digit(s[i]); i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && is_digit(s[i]); i++)
			digits++;
	if (!digits)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t j = i + 1;
		if (j < n && (s[j] == '+' || s[j] == '-'))
			j++;
		if (j < n && is_digit(s[j])) {
			while (j < n && is_digit(s[j]))
				j++;
			i = j;
		}
	}
	return i - start;
}

int php_is_numeric_str(const char *s, size_t n)
{
	size_t skip, len = php_numeric_prefix(s, n, &skip), i = skip + len;
	while (i < n && is_ws(s[i]))
		i++;
	return len && i == n;
}

double php_floatval_str(const char *s, size_t n)
{
	size_t skip, len = php_numeric_prefix(s, n, &skip);
	char tmp[128], *p = len < sizeof tmp ? tmp : malloc(len + 1);
	double d;
	if (!len || !p)
		return 0;
	/* strtod() on the prefix alone: on the whole string it would also read
	 * hex ("0x1A"), "inf" and "nan", which PHP does not */
	memcpy(p, s + skip, len);
	p[len] = '\0';
	d = strtod(p, NULL);
	if (p != tmp)
		free(p);
	return d;
}

void php_float_str(double d, char *out, size_t n)
{
	if (isnan(d)) {
		snprintf(out, n, "NAN");
		return;
	}
	if (isinf(d)) {
		snprintf(out, n, d < 0 ? "-INF" : "INF");
		return;
	}
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%.14G", d);
	char *e = strchr(tmp, 'E');
	if (!e) {
		snprintf(out, n, "%s", tmp);
		return;
	}
	/* PHP writes the exponent without leading zeros and the mantissa with ".0". */
	char mant[32];
	size_t ml = (size_t)(e - tmp);
	memcpy(mant, tmp, ml);
	mant[ml] = 0;
	int ex = atoi(e + 1);
	snprintf(out, n, "%s%sE%c%d", mant, strchr(mant, '.') ? "" : ".0", ex < 0 ? '-' : '+', abs(ex));
}

void php_number_format_i18n(double d, char *out, size_t n)
{
	double r = d < 0 ? -floor(-d + 0.5) : floor(d + 0.5);
	char digits[400];
	snprintf(digits, sizeof digits, "%.0f", fabs(r));
	size_t len = strlen(digits), o = 0;
	if (!n)
		return;
	if (r < 0 && o + 1 < n)
		out[o++] = '-';
	for (size_t i = 0; i < len && o + 2 < n; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = 0;
}
