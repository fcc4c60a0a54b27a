/* Tests server/collection.c: list lookups, the rows array, and the page window
 * as WP_REST_Users_Controller / WP_REST_Terms_Controller (page from offset:
 * ceil(offset / per_page + 1)) and WP_REST_Comments_Controller (page param
 * kept) compute it. */
#include <stdlib.h>
#include "test.h"
#include "pressd/collection.h"
#include "pressd/json.h"
#include "pressd/rest.h"

TEST(collection_index_lookups)
{
	json_t *ids = jpush(jpush(jarr(), jint(3)), jint(1));
	json_t *slugs = jpush(jpush(jarr(), jstr("editor")), jstr("admin"));
	ASSERT_INT_EQ(collection_int_index(ids, 3), 1);
	ASSERT_INT_EQ(collection_int_index(ids, 1), 2);
	ASSERT_INT_EQ(collection_int_index(ids, 2), 0);
	ASSERT_INT_EQ(collection_int_index(NULL, 2), 0);
	ASSERT_INT_EQ(collection_str_index(slugs, "admin"), 2);
	ASSERT_INT_EQ(collection_str_index(slugs, "author"), 0);
	json_decref(ids);
	json_decref(slugs);
}

TEST(collection_push_grows)
{
	struct collection_rows rows = { 0 };
	for (long i = 0; i < 100; i++)
		ASSERT_INT_EQ(collection_push(&rows, &i, sizeof i), PD_OK);
	ASSERT_INT_EQ(rows.n, 100);
	ASSERT(rows.cap >= 100);
	ASSERT_INT_EQ(((long *)rows.items)[0], 0);
	ASSERT_INT_EQ(((long *)rows.items)[99], 99);
	free(rows.items);
}

static void window(const char *params, size_t total, int offset_sets_page, struct collection_window *w)
{
	struct request req = { 0 };
	req.params = json_loads(params, 0, NULL);
	collection_window_from_request(&req, total, offset_sets_page, w);
	json_decref(req.params);
}

TEST(collection_window_pages)
{
	struct collection_window w;
	window("{}", 25, 1, &w);
	ASSERT_INT_EQ(w.per_page, 10);
	ASSERT_INT_EQ(w.page, 1);
	ASSERT_INT_EQ(w.first, 0);
	ASSERT_INT_EQ(w.end, 10);
	window("{\"page\":3,\"per_page\":10}", 25, 1, &w);
	ASSERT_INT_EQ(w.first, 20);
	ASSERT_INT_EQ(w.end, 25);
	window("{\"page\":4,\"per_page\":10}", 25, 1, &w);
	ASSERT_INT_EQ(w.first, 25);
	ASSERT_INT_EQ(w.end, 25);
	/* users/terms: offset 3, per_page 2 -> page ceil(3 / 2 + 1) = 3 */
	window("{\"offset\":3,\"per_page\":2,\"page\":1}", 25, 1, &w);
	ASSERT_INT_EQ(w.page, 3);
	ASSERT_INT_EQ(w.first, 3);
	ASSERT_INT_EQ(w.end, 5);
	/* comments: the page param stays */
	window("{\"offset\":3,\"per_page\":2,\"page\":1}", 25, 0, &w);
	ASSERT_INT_EQ(w.page, 1);
	ASSERT_INT_EQ(w.first, 3);
}
