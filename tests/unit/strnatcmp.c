/* strnatcmp.c - tests for server/strnatcmp.c against PHP 8.2's own results. */
#include <string.h>

#include "test.h"
#include "pressd/strnatcmp.h"

#include "strnatcmp_vectors.inc"

#define NNAT (sizeof NAT_STRINGS / sizeof *NAT_STRINGS)

static char sign(int r)
{
	return r < 0 ? '<' : r > 0 ? '>' : '=';
}

/* The number of pairs on which php_strnatcmp() and PHP disagree (printed). */
static int mismatches(const char *const *want, int fold_case)
{
	int bad = 0;
	for (size_t i = 0; i < NNAT; i++)
		for (size_t j = 0; j < NNAT; j++) {
			const char *a = NAT_STRINGS[i], *b = NAT_STRINGS[j];
			char got = sign(php_strnatcmp(a, strlen(a), b, strlen(b), fold_case));
			if (got != want[i][j])
				fprintf(stderr, "    strnat%scmp(\"%s\", \"%s\"): %c, PHP says %c\n",
					fold_case ? "case" : "", a, b, got, want[i][j]);
			bad += got != want[i][j];
		}
	return bad;
}

TEST(strnatcasecmp_like_php)
{
	ASSERT_INT_EQ(mismatches(NATCASE_RESULTS, 1), 0);
}

TEST(strnatcmp_like_php)
{
	ASSERT_INT_EQ(mismatches(NAT_RESULTS, 0), 0);
}

TEST(strnatcmp_bounded_by_length)
{
	/* only the given bytes count: "img12" cut to "img1" sorts before "img10" */
	ASSERT_INT_EQ(php_strnatcmp("img12", 4, "img10", 5, 1), -1);
	ASSERT_INT_EQ(php_strnatcmp("abc", 0, "", 0, 1), 0);
}
