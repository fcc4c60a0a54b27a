/* phpser.c - tests for server/phpser.c; expected strings are PHP 8.2's own
 * serialize()/unserialize() output (php -r) and WordPress metadata. */
#include <stdlib.h>

#include "test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/phpser.h"

/* unserialize then serialize: must give back the input bytes. */
static char *roundtrip(const char *s, int *rc)
{
	json_t *v;
	struct buf b = BUF_INIT;
	*rc = phpser_unserialize(s, strlen(s), &v);
	if (*rc)
		return NULL;
	*rc = phpser_serialize(v, &b);
	json_decref(v);
	return buf_take(&b);
}

static char *as_json(const char *s)
{
	json_t *v;
	if (phpser_unserialize(s, strlen(s), &v))
		return NULL;
	char *j = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
	json_decref(v);
	return j;
}

#define RT(in) do { int rc_; char *g = roundtrip(in, &rc_); ASSERT_INT_EQ(rc_, PD_OK); \
	ASSERT_STR_EQ(g, in); free(g); } while (0)
#define JS(in, want) do { char *g = as_json(in); ASSERT_STR_EQ(g, want); free(g); } while (0)

TEST(phpser_scalars)
{
	RT("N;");
	RT("b:1;");
	RT("b:0;");
	RT("i:-42;");
	RT("i:9223372036854775807;");
	RT("s:0:\"\";");
	RT("s:3:\"a\"b\";");
	RT("s:3:\"\xc3\xa9\xff\";"); /* bytes, not UTF-8 */
	RT("d:0.1;");
	RT("d:1.0E+25;");
	RT("d:1.0E-5;");
	RT("d:0.0001;");
	RT("d:1.2345678901234568E+17;");
	RT("d:0.3333333333333333;");
	RT("d:-0;");
}

TEST(phpser_doubles_like_php)
{
	/* php -r 'echo serialize(1e15), serialize(1.0), serialize(2.5);' */
	json_t *v = json_real(1e15);
	struct buf b = BUF_INIT;
	ASSERT_INT_EQ(phpser_serialize(v, &b), PD_OK);
	json_decref(v);
	v = json_real(1.0);
	phpser_serialize(v, &b);
	json_decref(v);
	v = json_real(1e17);
	phpser_serialize(v, &b);
	json_decref(v);
	ASSERT_STR_EQ(buf_str(&b), "d:1000000000000000;d:1;d:1.0E+17;");
	buf_free(&b);
}

TEST(phpser_arrays)
{
	JS("a:0:{}", "[]");
	JS("a:2:{i:0;s:1:\"x\";i:1;i:2;}", "[\"x\",2]");
	JS("a:2:{i:1;s:1:\"x\";i:2;i:2;}", "{\"1\":\"x\",\"2\":2}");
	JS("a:1:{s:1:\"5\";b:1;}", "{\"5\":true}");
	JS("O:8:\"stdClass\":1:{s:1:\"a\";N;}",
	   "{\"__PHP_Incomplete_Class_Name\":\"stdClass\",\"a\":null}");
	RT("a:2:{i:1;s:1:\"x\";i:2;i:2;}");
	RT("a:2:{i:0;s:1:\"x\";i:1;i:2;}");
	RT("O:8:\"stdClass\":1:{s:1:\"a\";N;}");
	RT("a:3:{s:2:\"05\";i:1;i:-3;i:2;s:2:\"-0\";i:3;}");
}

TEST(phpser_string_keys_become_ints)
{
	/* php: serialize(["5"=>1,"05"=>2,"-3"=>3,"-0"=>4,"9223372036854775808"=>5]) */
	json_t *o = json_pack("{s:i,s:i,s:i,s:i,s:i}", "5", 1, "05", 2, "-3", 3, "-0", 4,
			      "9223372036854775808", 5);
	struct buf b = BUF_INIT;
	ASSERT_INT_EQ(phpser_serialize(o, &b), PD_OK);
	json_decref(o);
	ASSERT_STR_EQ(buf_str(&b), "a:5:{i:5;i:1;s:2:\"05\";i:2;i:-3;i:3;s:2:\"-0\";i:4;"
				   "s:19:\"9223372036854775808\";i:5;}");
	buf_free(&b);
}

TEST(phpser_rejects_malformed)
{
	const char *bad[] = { "", "x", "i:;", "i:1", "s:5:\"ab\";", "s:-1:\"\";", "a:1:{}",
			      "a:1:{i:0;}", "a:1:{d:1;i:0;}", "r:1;", "b:2;", "d:INF;",
			      "i:99999999999999999999;", "a:100000:{", "s:2:\"ab\"", NULL };
	for (int i = 0; bad[i]; i++) {
		json_t *v = NULL;
		int rc = phpser_unserialize(bad[i], strlen(bad[i]), &v);
		if (rc != PD_EINVAL)
			fprintf(stderr, "  input: %s\n", bad[i]);
		ASSERT_INT_EQ(rc, PD_EINVAL);
		ASSERT(v == NULL);
	}
}

TEST(phpser_deep_nesting_bounded)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 1000; i++)
		buf_puts(&b, "a:1:{i:0;");
	json_t *v = NULL;
	ASSERT_INT_EQ(phpser_unserialize(b.data, b.len, &v), PD_EINVAL);
	buf_free(&b);
}

TEST(phpser_attachment_metadata)
{
	/* _wp_attachment_metadata of attachment 17699 (reference-wp/fixtures/seed-post.xml) */
	const char *m = "a:6:{s:5:\"width\";i:1200;s:6:\"height\";i:800;s:4:\"file\";s:29:\"2026/01/hair-1761_image_1.jpg\";s:8:\"filesize\";i:54811;s:5:\"sizes\";a:4:{s:6:\"medium\";a:5:{s:4:\"file\";s:29:\"hair-1761_image_1-300x200.jpg\";s:5:\"width\";i:300;s:6:\"height\";i:200;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:7920;}s:5:\"large\";a:5:{s:4:\"file\";s:30:\"hair-1761_image_1-1024x683.jpg\";s:5:\"width\";i:1024;s:6:\"height\";i:683;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:40211;}s:9:\"thumbnail\";a:5:{s:4:\"file\";s:29:\"hair-1761_image_1-150x150.jpg\";s:5:\"width\";i:150;s:6:\"height\";i:150;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:3805;}s:12:\"medium_large\";a:5:{s:4:\"file\";s:29:\"hair-1761_image_1-768x512.jpg\";s:5:\"width\";i:768;s:6:\"height\";i:512;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:22413;}}s:10:\"image_meta\";a:12:{s:8:\"aperture\";s:1:\"0\";s:6:\"credit\";s:0:\"\";s:6:\"camera\";s:0:\"\";s:7:\"caption\";s:0:\"\";s:17:\"created_timestamp\";s:1:\"0\";s:9:\"copyright\";s:0:\"\";s:12:\"focal_length\";s:1:\"0\";s:3:\"iso\";s:1:\"0\";s:13:\"shutter_speed\";s:1:\"0\";s:5:\"title\";s:0:\"\";s:11:\"orientation\";s:1:\"0\";s:8:\"keywords\";a:0:{}}}";
	RT(m);
	json_t *v;
	ASSERT_INT_EQ(phpser_unserialize(m, strlen(m), &v), PD_OK);
	ASSERT_INT_EQ(json_integer_value(json_object_get(json_object_get(json_object_get(v, "sizes"), "large"), "width")), 1024);
	ASSERT(json_is_array(json_object_get(json_object_get(v, "image_meta"), "keywords")));
	json_decref(v);
}
