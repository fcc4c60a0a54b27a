/* mysql_sort.h - the order in which MariaDB returns rows whose ORDER BY keys tie.
 *
 * WordPress leaves ties to the database: get_terms( orderby=count, number=45 )
 * keeps whichever tags with the 45th-highest count MariaDB happens to return
 * first. For a result read in one pass and sorted in memory without a LIMIT
 * priority queue (the plan MariaDB 10.11 picks for WordPress's term queries on
 * sites of ordinary size), that order is a pure function of the rows in scan
 * order: Filesort_buffer::sort_buffer() runs my_qsort2() (an unstable
 * quicksort) on fewer than 1000 rows and a stable radix sort on 1000 to 99999
 * rows with keys of at most 20 bytes. mysql_filesort() reproduces both. */
#ifndef PRESSD_MYSQL_SORT_H
#define PRESSD_MYSQL_SORT_H

#include <stddef.h>

/* <0, 0, >0 like memcmp() of the two rows' sort keys; arg is passed through. */
typedef int (*mysql_sort_cmp)(const void *a, const void *b, void *arg);

/* Sorts the n elements of size bytes at base, given in the order MariaDB
 * reads them (scan order), into the order its filesort returns them.
 * key_bytes is the length of MariaDB's sort key (8 for a BIGINT column): it
 * decides between the quicksort and the radix sort. PD_OK, or PD_ENOMEM
 * (base untouched) when the stable sort cannot get its buffer. */
int mysql_filesort(void *base, size_t n, size_t size, size_t key_bytes, mysql_sort_cmp cmp, void *arg);

#endif
