/* php.h - PHP 8.2's own conversions of scalar values, for output WordPress
 * builds with them: the numeric-string grammar, (float) and (string) of a
 * float, and number_format_i18n() as en_US writes it. One place, so the REST
 * validator and the renderer cannot drift apart. */
#ifndef PRESSD_PHP_H
#define PRESSD_PHP_H

#include <stddef.h>

/* The length of the numeric prefix PHP reads in s[0..n) - optional sign,
 * digits with an optional fraction, an optional exponent - after the
 * leading whitespace it skips (*skip bytes); 0 when there is none. */
size_t php_numeric_prefix(const char *s, size_t n, size_t *skip);
/* is_numeric() of a string: a numeric prefix and nothing after it but whitespace. */
int php_is_numeric_str(const char *s, size_t n);
/* (float) / floatval() of a string: its numeric prefix, else 0 ("8pt" is 8,
 * "0x1A" and "inf" are 0). */
double php_floatval_str(const char *s, size_t n);
/* (string) of a float (precision 14): 0.1 -> "0.1", 22.0 -> "22",
 * 1e25 -> "1.0E+25", 1e-5 -> "1.0E-5". */
void php_float_str(double d, char *out, size_t n);
/* number_format_i18n( d ) for en_US: rounded half away from zero, "," between
 * thousands ("12,345"). */
void php_number_format_i18n(double d, char *out, size_t n);

#endif
