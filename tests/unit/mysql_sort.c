/* mysql_sort.c - tests for server/mysql_sort.c: the orders MariaDB itself
 * returned (mysql_sort_vectors.inc) from the same rows in scan order. */
#include <stdlib.h>

#include "test.h"
#include "pressd/err.h"
#include "pressd/mysql_sort.h"

#include "mysql_sort_vectors.inc"

struct row {
	long id, count;
};

/* ORDER BY count DESC */
static int by_count_desc(const void *a, const void *b, void *arg)
{
	const struct row *x = a, *y = b;
	(void)arg;
	return (y->count > x->count) - (y->count < x->count);
}

/* How many positions of MariaDB's order the sorted scan misses (printed). */
static long misplaced(const long (*scan)[2], size_t n, const long *want)
{
	struct row *r = malloc(n * sizeof *r);
	long bad = 0;
	if (!r)
		return -1;
	for (size_t i = 0; i < n; i++)
		r[i] = (struct row){ scan[i][0], scan[i][1] };
	if (mysql_filesort(r, n, sizeof *r, 8, by_count_desc, NULL) != PD_OK)
		bad = -1;
	for (size_t i = 0; bad >= 0 && i < n; i++)
		if (r[i].id != want[i]) {
			if (!bad)
				fprintf(stderr, "    position %zu: %ld, MariaDB returned %ld\n", i, r[i].id, want[i]);
			bad++;
		}
	free(r);
	return bad;
}

#define N(a) (sizeof a / sizeof *a)

TEST(mysql_filesort_tags_of_the_comparison_site)
{
	/* 69 rows: my_qsort2() */
	ASSERT_INT_EQ(N(tags_scan), N(tags_want));
	ASSERT_INT_EQ(misplaced(tags_scan, N(tags_scan), tags_want), 0);
}

TEST(mysql_filesort_categories_of_the_comparison_site)
{
	ASSERT_INT_EQ(N(categories_scan), N(categories_want));
	ASSERT_INT_EQ(misplaced(categories_scan, N(categories_scan), categories_want), 0);
}

TEST(mysql_filesort_all_categories_of_the_comparison_site)
{
	/* empty categories included: ties among the 1s fall elsewhere */
	ASSERT_INT_EQ(N(categories_all_scan), N(categories_all_want));
	ASSERT_INT_EQ(misplaced(categories_all_scan, N(categories_all_scan), categories_all_want), 0);
}

TEST(mysql_filesort_radix_size)
{
	/* 1236 rows: the stable radix sort */
	ASSERT_INT_EQ(N(bigsite_scan), N(bigsite_want));
	ASSERT_INT_EQ(misplaced(bigsite_scan, N(bigsite_scan), bigsite_want), 0);
}

TEST(mysql_filesort_small_inputs)
{
	struct row one = { 7, 1 };
	ASSERT_INT_EQ(mysql_filesort(&one, 1, sizeof one, 8, by_count_desc, NULL), PD_OK);
	ASSERT_INT_EQ(mysql_filesort(NULL, 0, sizeof one, 8, by_count_desc, NULL), PD_OK);
	/* below 10 rows an insertion sort, which keeps ties in scan order */
	struct row r[4] = { { 1, 1 }, { 2, 2 }, { 3, 1 }, { 4, 2 } };
	ASSERT_INT_EQ(mysql_filesort(r, 4, sizeof *r, 8, by_count_desc, NULL), PD_OK);
	ASSERT_INT_EQ(r[0].id, 2);
	ASSERT_INT_EQ(r[1].id, 4);
	ASSERT_INT_EQ(r[2].id, 1);
	ASSERT_INT_EQ(r[3].id, 3);
}
