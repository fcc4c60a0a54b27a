/* Tests server/query.c: PHP parse_str() semantics (expected values are what PHP 8.2's parse_str gives). */
#include <stdlib.h>
#include "test.h"
#include "pressd/json.h"
#include "pressd/query.h"

static char *parse(const char *qs)
{
	json_t *j = query_parse(qs, strlen(qs), 1000);
	struct buf b = BUF_INIT;
	json_emit(j, &b);
	json_decref(j);
	return buf_take(&b);
}

#define CHECK(qs, want) do { char *got_ = parse(qs); int ok_ = strcmp(got_, want) == 0; \
	if (!ok_) { test_fail_str(__FILE__, __LINE__, qs, got_, want); } \
	free(got_); \
	if (!ok_) { *test_failed_ = 1; return; } } while (0)

TEST(query_flat_and_decoding)
{
	CHECK("a=1&b=x+y&c=%22", "{\"a\":\"1\",\"b\":\"x y\",\"c\":\"\\\"\"}");
	CHECK("_envelope&_jsonp=cb", "{\"_envelope\":\"\",\"_jsonp\":\"cb\"}");
	CHECK("a=1&a=2", "{\"a\":\"2\"}");
	CHECK("a.b=1&c d=2", "{\"a_b\":\"1\",\"c_d\":\"2\"}");
	CHECK("", "{}");
	CHECK("=x&&a", "{\"a\":\"\"}");
}

TEST(query_arrays)
{
	CHECK("include[]=1241&include[]=1178", "{\"include\":[\"1241\",\"1178\"]}");
	CHECK("include[0]=1&include[1]=2", "{\"include\":[\"1\",\"2\"]}");
	CHECK("a[x]=1&a[y]=2", "{\"a\":{\"x\":\"1\",\"y\":\"2\"}}");
	CHECK("a[1]=z", "{\"a\":{\"1\":\"z\"}}");
	CHECK("m[k][]=1&m[k][]=2", "{\"m\":{\"k\":[\"1\",\"2\"]}}");
	CHECK("include%5B%5D=5", "{\"include\":[\"5\"]}");
}
