/* collection.h - what the get_items() of the users, terms and comments
 * controllers share once their rows are in memory: include/exclude list
 * lookups, a growing row array and the page window. Filtering and sorting
 * stay with each controller. */
#ifndef PRESSD_COLLECTION_H
#define PRESSD_COLLECTION_H
#include <jansson.h>
#include <stddef.h>

#include "pressd/err.h"

struct request;

/* 1 + the index of v in list (an array of integers), 0 when absent or list
 * is not an array: membership for include/exclude, rank for orderby=include. */
int collection_int_index(const json_t *list, long v);
/* The same for a string in an array of strings (slug, orderby=include_slugs). */
int collection_str_index(const json_t *list, const char *v);

/* A growing array of rows of one struct type. */
struct collection_rows {
	void *items;             /* n rows of the caller's size, malloc'd; owned by the caller */
	size_t n;                /* rows in items */
	size_t cap;              /* rows allocated (doubles, 16 at first) */
};

/* Appends a copy of item (size bytes). PD_OK, or PD_ENOMEM with rows as it was. */
int collection_push(struct collection_rows *rows, const void *item, size_t size);

/* The slice of a sorted collection of total items that one page shows. */
struct collection_window {
	long per_page;           /* per_page param (default 10) */
	long page;               /* the page number the pagination headers use */
	size_t first, end;       /* indexes [first, end) of the items shown, within total */
};

/* Reads page, per_page and offset: a positive offset wins over page. With
 * offset_sets_page (the users and terms controllers) page becomes
 * ceil(offset / per_page) + 1; the comments controller keeps the page param. */
void collection_window_from_request(const struct request *req, size_t total, int offset_sets_page,
				    struct collection_window *w);

#endif
