/* Tests server/json.c against PHP json_encode() output (strings from WordPress responses). */
#include "test.h"
#include "pressd/err.h"
#include "pressd/json.h"

static const char *enc(json_t *j, struct buf *b)
{
	buf_reset(b);
	json_emit(j, b);
	json_decref(j);
	return buf_str(b);
}

TEST(json_escapes_like_php)
{
	struct buf b = BUF_INIT;
	/* From the seed: "\u202f" lowercase, "\/" for slashes. */
	ASSERT_STR_EQ(enc(jstr("2\xe2\x80\xaf% http://x/"), &b), "\"2\\u202f% http:\\/\\/x\\/\"");
	ASSERT_STR_EQ(enc(jstr("a\"b\\c\n\t\x01"), &b), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
	/* U+1F600 as a surrogate pair, as PHP writes it. */
	ASSERT_STR_EQ(enc(jstr("\xf0\x9f\x98\x80"), &b), "\"\\ud83d\\ude00\"");
	ASSERT_STR_EQ(enc(jstr("\xce\xb1"), &b), "\"\\u03b1\"");
	buf_free(&b);
}

TEST(json_empty_containers_and_scalars)
{
	struct buf b = BUF_INIT;
	ASSERT_STR_EQ(enc(jarr(), &b), "[]");
	ASSERT_STR_EQ(enc(jobj(), &b), "{}");
	json_t *o = jobj();
	jset(o, "id", jint(24365));
	jset(o, "sticky", jbool(0));
	jset(o, "x", json_null());
	jset(o, "tags", jarr());
	ASSERT_STR_EQ(enc(o, &b), "{\"id\":24365,\"sticky\":false,\"x\":null,\"tags\":[]}");
	buf_free(&b);
}

TEST(json_floats_like_php)
{
	struct buf b = BUF_INIT;
	/* php -r 'echo json_encode([...]);' with PHP 8.2 */
	ASSERT_STR_EQ(enc(json_real(1.5), &b), "1.5");
	ASSERT_STR_EQ(enc(json_real(2.0), &b), "2");
	ASSERT_STR_EQ(enc(json_real(100.0), &b), "100");
	ASSERT_STR_EQ(enc(json_real(0.1), &b), "0.1");
	ASSERT_STR_EQ(enc(json_real(1e25), &b), "1.0e+25");
	ASSERT_STR_EQ(enc(json_real(1e16), &b), "10000000000000000");
	ASSERT_STR_EQ(enc(json_real(123456789012345678.0), &b), "1.2345678901234568e+17");
	ASSERT_STR_EQ(enc(json_real(0.0001), &b), "0.0001");
	ASSERT_STR_EQ(enc(json_real(0.00001), &b), "1.0e-5");
	ASSERT_STR_EQ(enc(json_real(1.5e-7), &b), "1.5e-7");
	ASSERT_STR_EQ(enc(json_real(-2.5), &b), "-2.5");
	ASSERT_STR_EQ(enc(json_real(0.0), &b), "0");
	ASSERT_STR_EQ(enc(json_real(-0.0), &b), "-0");
	buf_free(&b);
}

TEST(json_invalid_utf8_replaced)
{
	struct buf b = BUF_INIT;
	ASSERT_STR_EQ(enc(jstrn("a\xff" "b", 3), &b), "\"a?b\"");
	buf_free(&b);
}

/* json_emit_string() writes in one go when the worst case (6 bytes per
 * byte) fits under the buffer's bound, piece by piece otherwise: the same
 * bytes either way, and a string that does not fit fails with PD_ELIMIT. */
TEST(json_string_fast_and_bounded_paths_agree)
{
	static const char in[] = "<a href=\"http://x/\">\xc3\xa9\xf0\x9f\x98\x80</a>\r\n\t\b\f\x1f\x7f\xff\\ end";
	const char *want = "\"<a href=\\\"http:\\/\\/x\\/\\\">\\u00e9\\ud83d\\ude00<\\/a>\\r\\n\\t\\b\\f\\u001f\x7f?\\\\ end\"";
	size_t n = sizeof in - 1;
	struct buf fast = BUF_INIT, tight;
	ASSERT_INT_EQ(json_emit_string(in, n, &fast), PD_OK);
	ASSERT_STR_EQ(buf_str(&fast), want);
	buf_init(&tight, strlen(want)); /* room for the output, not for 6 bytes per byte */
	ASSERT_INT_EQ(json_emit_string(in, n, &tight), PD_OK);
	ASSERT_STR_EQ(buf_str(&tight), want);
	buf_free(&tight);
	buf_init(&tight, strlen(want) - 1);
	ASSERT(json_emit_string(in, n, &tight) == PD_ELIMIT);
	buf_free(&tight);
	buf_free(&fast);
}

/* The one-reservation path (16 bytes at a time where SSE2 exists) against
 * the piece-by-piece one, on random strings of every length up to 80 whose
 * bytes are mostly plain, with escapes and UTF-8 at every offset. */
TEST(json_string_paths_agree_on_random_strings)
{
	static const char pick[] = "abc <p>\"/\\\n\t\x01\xc3\xa9\xe2\x80\xaf\xf0\x9f\x98\x80\xff";
	unsigned seed = 12345;
	char in[80];
	int mismatches = 0;
	for (int round = 0; round < 4000; round++) {
		size_t n = (size_t)round % sizeof in;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			in[i] = r % 4 ? (char)('a' + r % 26) : pick[r % (sizeof pick - 1)];
		}
		struct buf fast = BUF_INIT, tight;
		json_emit_string(in, n, &fast);
		buf_init(&tight, fast.len); /* no room for 6 bytes per byte: the other path */
		ASSERT_INT_EQ(json_emit_string(in, n, &tight), PD_OK);
		if (fast.len != tight.len || memcmp(fast.data, tight.data, fast.len) != 0)
			mismatches++;
		buf_free(&fast);
		buf_free(&tight);
	}
	ASSERT_INT_EQ(mismatches, 0);
}
