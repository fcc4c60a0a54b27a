/* mysql_sort.c - MariaDB's in-memory filesort order (see mysql_sort.h).
 *
 * The quicksort follows mysys/mf_qsort.c step by step - pivot choice,
 * partition loop, insertion sort below 10 elements, which side is pushed -
 * because every one of those steps decides where equal keys end up. */
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "pressd/mysql_sort.h"

#define INSERT_SORT_BELOW 10   /* THRESHOLD_FOR_INSERT_SORT */
#define RADIX_MIN_ROWS 1000    /* radixsort_is_appliccable() */
#define RADIX_MAX_ROWS 100000
#define RADIX_MAX_KEY 20

struct qs {
	char *base;
	size_t size;
	mysql_sort_cmp cmp;
	void *arg;
	char *tmp;
};

static int cmp_at(const struct qs *q, size_t i, size_t j)
{
	return q->cmp(q->base + i * q->size, q->base + j * q->size, q->arg);
}

static void swap_at(const struct qs *q, size_t i, size_t j)
{
	char *a = q->base + i * q->size, *b = q->base + j * q->size;
	memcpy(q->tmp, a, q->size);
	memcpy(a, b, q->size);
	memcpy(b, q->tmp, q->size);
}

/* MEDIAN(): puts the median of the three in the middle one. */
static void median(const struct qs *q, size_t low, size_t mid, size_t high)
{
	if (cmp_at(q, high, low) < 0)
		swap_at(q, high, low);
	if (cmp_at(q, mid, low) < 0)
		swap_at(q, mid, low);
	else if (cmp_at(q, high, mid) < 0)
		swap_at(q, mid, high);
}

/* my_qsort2(). Indices are signed because the partition pointers may step
 * one past either end, as the pointers of the original do. */
static void quicksort(const struct qs *q, size_t n, char *pivot)
{
	struct {
		long low, high;
	} stack[8 * sizeof(unsigned long)] = { { 0, 0 } }; /* [0]: what the last pop reads */
	size_t sp = 1;
	long low = 0, high = (long)n - 1;
	do {
		long count = high - low + 1, lp, hp;
		if (count < INSERT_SORT_BELOW) {
			for (lp = low + 1; lp <= high; lp++)
				for (long p = lp; p > low && cmp_at(q, (size_t)p - 1, (size_t)p) > 0; p--)
					swap_at(q, (size_t)p, (size_t)p - 1);
			sp--;
			low = stack[sp].low;
			high = stack[sp].high;
			continue;
		}
		long mid = low + (count >> 1);
		if (count > 40) {
			long step = count / 8;
			median(q, (size_t)low, (size_t)(low + step), (size_t)(low + step * 2));
			median(q, (size_t)(mid - step), (size_t)mid, (size_t)(mid + step));
			median(q, (size_t)(high - 2 * step), (size_t)(high - step), (size_t)high);
			median(q, (size_t)(low + step), (size_t)mid, (size_t)(high - step));
			lp = low;
			hp = high;
		} else {
			median(q, (size_t)low, (size_t)mid, (size_t)high);
			lp = low + 1;
			hp = high - 1;
		}
		memcpy(pivot, q->base + (size_t)mid * q->size, q->size);
		do {
			while (q->cmp(q->base + (size_t)lp * q->size, pivot, q->arg) < 0)
				lp++;
			while (q->cmp(pivot, q->base + (size_t)hp * q->size, q->arg) < 0)
				hp--;
			if (lp < hp) {
				swap_at(q, (size_t)lp, (size_t)hp);
				lp++;
				hp--;
			} else {
				if (lp == hp) {
					lp++;
					hp--;
				}
				break;
			}
		} while (lp <= hp);

		if (hp - low <= 0) {
			if (high - lp <= 0) {
				sp--;
				low = stack[sp].low;
				high = stack[sp].high;
			} else {
				low = lp;
			}
		} else if (high - lp <= 0) {
			high = hp;
		} else if (hp - low > high - lp) {
			stack[sp].low = low;      /* the larger left part waits */
			stack[sp++].high = hp;
			low = lp;
		} else {
			stack[sp].low = lp;       /* the larger right part waits */
			stack[sp++].high = high;
			high = hp;
		}
	} while (sp > 0);
}

/* A stable merge sort: radixsort_for_str_ptr() is a stable LSD radix sort,
 * so any stable sort gives its order. */
static void merge_sort(const struct qs *q, char *buf, size_t lo, size_t hi)
{
	if (hi - lo < 2)
		return;
	size_t mid = lo + (hi - lo) / 2, i = lo, j = mid, k = 0;
	merge_sort(q, buf, lo, mid);
	merge_sort(q, buf, mid, hi);
	while (i < mid || j < hi) {
		size_t from = (j >= hi || (i < mid && cmp_at(q, j, i) >= 0)) ? i++ : j++;
		memcpy(buf + k++ * q->size, q->base + from * q->size, q->size);
	}
	memcpy(q->base + lo * q->size, buf, (hi - lo) * q->size);
}

int mysql_filesort(void *base, size_t n, size_t size, size_t key_bytes, mysql_sort_cmp cmp, void *arg)
{
	if (n <= 1 || !size)
		return PD_OK;
	int radix = key_bytes <= RADIX_MAX_KEY && n >= RADIX_MIN_ROWS && n < RADIX_MAX_ROWS;
	char *tmp = malloc(radix ? size * (n + 1) : size * 2);
	if (!tmp)
		return PD_ENOMEM;
	struct qs q = { base, size, cmp, arg, tmp };
	if (radix) {
		q.tmp = tmp + size * n;
		merge_sort(&q, tmp, 0, n);
	} else {
		quicksort(&q, n, tmp + size);
	}
	free(tmp);
	return PD_OK;
}
