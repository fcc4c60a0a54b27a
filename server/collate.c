/* collate.c - an approximation of MySQL's utf8mb4_unicode_ci (UCA 4.0.0
 * primary weights) good for Latin text: letters fold case and accents
 * (U+00C0-U+024F to their base letter), ASCII punctuation in UCA order before
 * digits before letters, other characters after letters by code point.
 * Expansions (ß = ss, Æ = AE) and contractions are not modelled. */
#include <string.h>

#include "pressd/collate.h"

/* Base letters of U+00C0..U+024F ('?': none, weighed by code point). */
static const char latin_base[] =
	"aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
	"lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
	"????????????????????????????????oo?????????????uu???????????????"
	"????dddlllnnnaaiioouuuuuuuuuu?aaaa????ggkkoooo??jdddgg??nnaa????"
	"aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????"
	"????????????????";

/* ASCII punctuation and spaces in DUCET order. */
static const char punct_order[] = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

static unsigned decode(const unsigned char **s, const unsigned char *end)
{
	const unsigned char *p = *s;
	unsigned c = *p++;
	int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	if (extra) {
		c &= 0x3F >> extra;
		for (int i = 0; i < extra && p < end && (*p & 0xC0) == 0x80; i++)
			c = (c << 6) | (*p++ & 0x3F);
	}
	*s = p;
	return c;
}

static unsigned weight(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		c += 32;
	if (c >= 0xC0 && c <= 0x24F && latin_base[c - 0xC0] != '?')
		c = (unsigned char)latin_base[c - 0xC0];
	if (c >= 'a' && c <= 'z')
		return 0x2000 + (c - 'a');
	if (c >= '0' && c <= '9')
		return 0x1000 + (c - '0');
	if (c < 0x80) {
		const char *p = c ? strchr(punct_order, (int)c) : NULL;
		return p ? 0x100 + (unsigned)(p - punct_order) : 0x800 + c;
	}
	return 0x10000 + c;
}

int collate_wp_ci(const char *a, size_t an, const char *b, size_t bn)
{
	const unsigned char *p = (const unsigned char *)a, *pe = p + an;
	const unsigned char *q = (const unsigned char *)b, *qe = q + bn;
	/* PAD SPACE: trailing spaces do not count. */
	while (pe > p && pe[-1] == ' ')
		pe--;
	while (qe > q && qe[-1] == ' ')
		qe--;
	while (p < pe && q < qe) {
		unsigned wa = weight(decode(&p, pe)), wb = weight(decode(&q, qe));
		if (wa != wb)
			return wa < wb ? -1 : 1;
	}
	return (p < pe) - (q < qe);
}

int collate_wp_ci_str(const char *a, const char *b)
{
	return collate_wp_ci(a, strlen(a), b, strlen(b));
}

static int wp_ci(void *ud, int an, const void *a, int bn, const void *b)
{
	(void)ud;
	return collate_wp_ci(a, (size_t)an, b, (size_t)bn);
}

int collate_register(sqlite3 *db)
{
	return sqlite3_create_collation_v2(db, "WP_CI", SQLITE_UTF8, NULL, wp_ci, NULL);
}
