/* php.c - tests for server/php.c; every expected value is PHP 8.2.36's own
 * (php -r: (float)$s, is_numeric($s), (string)$d, number_format($n)). */
#include <string.h>

#include "test.h"
#include "pressd/php.h"

static double fv(const char *s)
{
	return php_floatval_str(s, strlen(s));
}

static int numeric(const char *s)
{
	return php_is_numeric_str(s, strlen(s));
}

static const char *fs(double d)
{
	static char out[64];
	php_float_str(d, out, sizeof out);
	return out;
}

static const char *nf(double d)
{
	static char out[64];
	php_number_format_i18n(d, out, sizeof out);
	return out;
}

TEST(php_floatval_of_strings)
{
	ASSERT(fv("8pt") == 8);
	ASSERT(fv(" 1.5em") == 1.5);
	ASSERT(fv("0x1A") == 0);
	ASSERT(fv("inf") == 0);
	ASSERT(fv("1e2px") == 100);
	ASSERT(fv(".5rem") == 0.5);
	ASSERT(fv("-3.25e-1x") == -0.325);
	ASSERT(fv("abc") == 0);
	ASSERT(fv("") == 0);
	ASSERT(fv("  +7 ") == 7);
	ASSERT(fv("1e") == 1);
	/* only the given bytes count */
	ASSERT(php_floatval_str("12345", 2) == 12);
}

TEST(php_is_numeric_strings)
{
	ASSERT_INT_EQ(numeric("8pt"), 0);
	ASSERT_INT_EQ(numeric("0x1A"), 0);
	ASSERT_INT_EQ(numeric("inf"), 0);
	ASSERT_INT_EQ(numeric(""), 0);
	ASSERT_INT_EQ(numeric("1e"), 0);
	ASSERT_INT_EQ(numeric("  +7 "), 1);
	ASSERT_INT_EQ(numeric("5."), 1);
}

TEST(php_float_to_string)
{
	ASSERT_STR_EQ(fs(0.1), "0.1");
	ASSERT_STR_EQ(fs(22.0), "22");
	ASSERT_STR_EQ(fs(1e25), "1.0E+25");
	ASSERT_STR_EQ(fs(1e-5), "1.0E-5");
	ASSERT_STR_EQ(fs(12.516129032258064), "12.516129032258");
	ASSERT_STR_EQ(fs(-0.0), "-0");
	ASSERT_STR_EQ(fs(1.0e15), "1.0E+15");
	ASSERT_STR_EQ(fs(123456789012345678.0), "1.2345678901235E+17");
	ASSERT_STR_EQ(fs(0.00001234), "1.234E-5");
}

TEST(php_number_format_en_us)
{
	ASSERT_STR_EQ(nf(12345), "12,345");
	ASSERT_STR_EQ(nf(1234567.5), "1,234,568");
	ASSERT_STR_EQ(nf(-1234.5), "-1,235");
	ASSERT_STR_EQ(nf(999), "999");
	ASSERT_STR_EQ(nf(0.4), "0");
}
