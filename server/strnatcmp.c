/* strnatcmp.c - PHP 8.2's strnatcmp_ex() (ext/standard/strnatcmp.c, after
 * Martin Pool's strnatcmp): runs of digits compare by value, leading zeros and
 * whitespace are skipped. The quirks are PHP's, kept on purpose: leading zeros
 * are skipped only at the start, a run starting with '0' compares left-aligned
 * ("fractional"), and a string ending inside equal digits sorts first. */
#include "pressd/strnatcmp.h"

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* isspace() of the C locale */
static int is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static unsigned char upper(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - 'a' + 'A') : c;
}

/* Two right-aligned numbers: the longer run wins, else the first difference. */
static int compare_right(const unsigned char **a, const unsigned char *aend, const unsigned char **b,
			 const unsigned char *bend)
{
	int bias = 0;
	for (;; (*a)++, (*b)++) {
		int da = *a < aend && is_digit(**a), db = *b < bend && is_digit(**b);
		if (!da && !db)
			return bias;
		if (!da)
			return -1;
		if (!db)
			return +1;
		if (**a < **b) {
			if (!bias)
				bias = -1;
		} else if (**a > **b) {
			if (!bias)
				bias = +1;
		}
	}
}

/* Two left-aligned numbers: the first difference wins. */
static int compare_left(const unsigned char **a, const unsigned char *aend, const unsigned char **b,
			const unsigned char *bend)
{
	for (;; (*a)++, (*b)++) {
		int da = *a < aend && is_digit(**a), db = *b < bend && is_digit(**b);
		if (!da && !db)
			return 0;
		if (!da)
			return -1;
		if (!db)
			return +1;
		if (**a != **b)
			return **a < **b ? -1 : +1;
	}
}

int php_strnatcmp(const char *as, size_t alen, const char *bs, size_t blen, int fold_case)
{
	const unsigned char *ap = (const unsigned char *)as, *bp = (const unsigned char *)bs;
	const unsigned char *aend = ap + alen, *bend = bp + blen;
	int leading = 1;
	if (!alen || !blen)
		return alen == blen ? 0 : (alen > blen ? 1 : -1);
	for (;;) {
		/* PHP reads the terminating NUL here; a length-bounded read gives 0 too */
		unsigned char ca = ap < aend ? *ap : 0, cb = bp < bend ? *bp : 0;
		while (leading && ca == '0' && ap + 1 < aend && is_digit(ap[1]))
			ca = *++ap;
		while (leading && cb == '0' && bp + 1 < bend && is_digit(bp[1]))
			cb = *++bp;
		leading = 0;
		while (is_space(ca))
			ca = ++ap < aend ? *ap : 0;
		while (is_space(cb))
			cb = ++bp < bend ? *bp : 0;
		if (is_digit(ca) && is_digit(cb)) {
			int r = (ca == '0' || cb == '0') ? compare_left(&ap, aend, &bp, bend)
							 : compare_right(&ap, aend, &bp, bend);
			if (r)
				return r;
			if (ap == aend && bp == bend)
				return 0;
			if (ap == aend)
				return -1;
			if (bp == bend)
				return 1;
			ca = *ap;
			cb = *bp;
		}
		if (fold_case) {
			ca = upper(ca);
			cb = upper(cb);
		}
		if (ca != cb)
			return ca < cb ? -1 : +1;
		++ap;
		++bp;
		if (ap >= aend && bp >= bend)
			return 0;
		if (ap >= aend)
			return -1;
		if (bp >= bend)
			return 1;
	}
}
