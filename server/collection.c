/* collection.c - the list lookups, row array and page window the collection
 * controllers share (see collection.h). No SQL and no JSON output here. */
#include <stdlib.h>
#include <string.h>

#include "pressd/collection.h"
#include "pressd/rest.h"

int collection_int_index(const json_t *list, long v)
{
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x)
		if (json_integer_value(x) == v)
			return (int)i + 1;
	return 0;
}

int collection_str_index(const json_t *list, const char *v)
{
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x)
		if (json_is_string(x) && !strcmp(json_string_value(x), v))
			return (int)i + 1;
	return 0;
}

int collection_push(struct collection_rows *rows, const void *item, size_t size)
{
	if (rows->n == rows->cap) {
		size_t cap = rows->cap ? rows->cap * 2 : 16;
		void *grown = realloc(rows->items, cap * size);
		if (!grown)
			return PD_ENOMEM;
		rows->items = grown;
		rows->cap = cap;
	}
	memcpy((char *)rows->items + rows->n++ * size, item, size);
	return PD_OK;
}

void collection_window_from_request(const struct request *req, size_t total, int offset_sets_page,
				    struct collection_window *w)
{
	long per_page = (long)rest_param_int(req, "per_page", 10);
	long page = (long)rest_param_int(req, "page", 1);
	long offset = (long)rest_param_int(req, "offset", 0);
	if (offset <= 0)
		offset = (page - 1) * per_page;
	else if (offset_sets_page)
		page = (offset + per_page - 1) / per_page + 1;
	w->per_page = per_page;
	w->page = page;
	w->first = (size_t)offset < total ? (size_t)offset : total;
	w->end = (size_t)(offset + per_page) < total ? (size_t)(offset + per_page) : total;
	if (w->end < w->first)
		w->end = w->first;
}
