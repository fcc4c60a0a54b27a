/* media.c - tests for server/media.c's media_details conversion; the input is
 * attachment 17699's _wp_attachment_metadata (../shared/reference-wp/fixtures/
 * seed-post.xml) and the expected JSON is WordPress 6.9.4's media_details of it
 * in the golden GET /wp/v2/posts?_embed (wp:featuredmedia of post 24365). */
#include <stdlib.h>

#include "test.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/json.h"
#include "pressd/media.h"
#include "pressd/phpser.h"

static const char meta_17699[] =
	"a:6:{s:5:\"width\";i:1200;s:6:\"height\";i:800;s:4:\"file\";s:29:\"2026/01/hair-1761_im"
	"age_1.jpg\";s:8:\"filesize\";i:54811;s:5:\"sizes\";a:4:{s:6:\"medium\";a:5:{s:4:\"file\";"
	"s:29:\"hair-1761_image_1-300x200.jpg\";s:5:\"width\";i:300;s:6:\"height\";i:200;s:9:\"m"
	"ime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:7920;}s:5:\"large\";a:5:{s:4:\"file\";s"
	":30:\"hair-1761_image_1-1024x683.jpg\";s:5:\"width\";i:1024;s:6:\"height\";i:683;s:9:\""
	"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:40211;}s:9:\"thumbnail\";a:5:{s:4:\"f"
	"ile\";s:29:\"hair-1761_image_1-150x150.jpg\";s:5:\"width\";i:150;s:6:\"height\";i:150;s"
	":9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:3805;}s:12:\"medium_large\";a:5:"
	"{s:4:\"file\";s:29:\"hair-1761_image_1-768x512.jpg\";s:5:\"width\";i:768;s:6:\"height\";"
	"i:512;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:22413;}}s:10:\"image_met"
	"a\";a:12:{s:8:\"aperture\";s:1:\"0\";s:6:\"credit\";s:0:\"\";s:6:\"camera\";s:0:\"\";s:7:\"cap"
	"tion\";s:0:\"\";s:17:\"created_timestamp\";s:1:\"0\";s:9:\"copyright\";s:0:\"\";s:12:\"focal"
	"_length\";s:1:\"0\";s:3:\"iso\";s:1:\"0\";s:13:\"shutter_speed\";s:1:\"0\";s:5:\"title\";s:0:"
	"\"\";s:11:\"orientation\";s:1:\"0\";s:8:\"keywords\";a:0:{}}}";

static const char want_17699[] =
	"{\"width\":1200,\"height\":800,\"file\":\"2026\\/01\\/hair-1761_image_1.jpg\",\"filesize\":5"
	"4811,\"sizes\":{\"medium\":{\"file\":\"hair-1761_image_1-300x200.jpg\",\"width\":300,\"heig"
	"ht\":200,\"filesize\":7920,\"mime_type\":\"image\\/jpeg\",\"source_url\":\"{BASE}\\/wp-conte"
	"nt\\/uploads\\/2026\\/01\\/hair-1761_image_1-300x200.jpg\"},\"large\":{\"file\":\"hair-176"
	"1_image_1-1024x683.jpg\",\"width\":1024,\"height\":683,\"filesize\":40211,\"mime_type\":\""
	"image\\/jpeg\",\"source_url\":\"{BASE}\\/wp-content\\/uploads\\/2026\\/01\\/hair-1761_imag"
	"e_1-1024x683.jpg\"},\"thumbnail\":{\"file\":\"hair-1761_image_1-150x150.jpg\",\"width\":1"
	"50,\"height\":150,\"filesize\":3805,\"mime_type\":\"image\\/jpeg\",\"source_url\":\"{BASE}\\/"
	"wp-content\\/uploads\\/2026\\/01\\/hair-1761_image_1-150x150.jpg\"},\"medium_large\":{\""
	"file\":\"hair-1761_image_1-768x512.jpg\",\"width\":768,\"height\":512,\"filesize\":22413,"
	"\"mime_type\":\"image\\/jpeg\",\"source_url\":\"{BASE}\\/wp-content\\/uploads\\/2026\\/01\\/h"
	"air-1761_image_1-768x512.jpg\"},\"full\":{\"file\":\"hair-1761_image_1.jpg\",\"width\":12"
	"00,\"height\":800,\"mime_type\":\"image\\/jpeg\",\"source_url\":\"{BASE}\\/wp-content\\/uplo"
	"ads\\/2026\\/01\\/hair-1761_image_1.jpg\"}},\"image_meta\":{\"aperture\":\"0\",\"credit\":\"\""
	",\"camera\":\"\",\"caption\":\"\",\"created_timestamp\":\"0\",\"copyright\":\"\",\"focal_length\":"
	"\"0\",\"iso\":\"0\",\"shutter_speed\":\"0\",\"title\":\"\",\"orientation\":\"0\",\"keywords\":[]}}";

/* media_details of serialized metadata, as pressd's JSON bytes. */
static char *details(const char *serialized, const char *url, const char *mime, int is_image)
{
	json_t *meta = NULL, *d;
	struct buf b = BUF_INIT;
	if (serialized && phpser_unserialize(serialized, strlen(serialized), &meta) != PD_OK)
		return NULL;
	d = media_details_from_meta(meta, url, mime, is_image);
	json_emit(d, &b);
	json_decref(d);
	json_decref(meta);
	return buf_take(&b);
}

TEST(media_details_17699_as_wordpress)
{
	char *got = details(meta_17699, "{BASE}/wp-content/uploads/2026/01/hair-1761_image_1.jpg",
			    "image/jpeg", 1);
	ASSERT_STR_EQ(got, want_17699);
	free(got);
}

TEST(media_details_empty_is_object)
{
	/* WXR attachments without metadata: "media_details":{} (media_list sample). */
	char *got = details(NULL, "http://h/wp-content/uploads/2013/03/a.jpg", "image/jpeg", 1);
	ASSERT_STR_EQ(got, "{}");
	free(got);
	got = details("a:0:{}", "http://h/a.jpg", "image/jpeg", 1);
	ASSERT_STR_EQ(got, "{}");
	free(got);
}

TEST(media_details_without_sizes)
{
	/* Metadata without sizes (audio): "sizes" becomes an empty object at the end. */
	char *got = details("a:2:{s:8:\"filesize\";i:10;s:9:\"mime_type\";s:10:\"audio/mpeg\";}",
			    "http://h/x.mp3", "audio/mpeg", 0);
	ASSERT_STR_EQ(got, "{\"filesize\":10,\"mime_type\":\"audio\\/mpeg\",\"sizes\":{}}");
	free(got);
}
