/* media_tags.c - tests for server/render/media_tags.c. Expected values: the
 * 6.9.4 the_content render vectors, rendering-pipeline.md §7 examples, and the
 * seed post 24365 (golden/6.9.4/posts-read) with attachment 17699's metadata. */
#include <stdlib.h>

#include "../test.h"
#include "pressd/err.h"
#include "pressd/media_tags.h"

static const char META_17699[] = "a:6:{s:5:\"width\";i:1200;s:6:\"height\";i:800;s:4:\"file\";s:29:\"2026/01/hair-1761_image_1.jpg\";s:8:\"filesize\";i:54811;s:5:\"sizes\";a:4:{s:6:\"medium\";a:5:{s:4:\"file\";s:29:\"hair-1761_image_1-300x200.jpg\";s:5:\"width\";i:300;s:6:\"height\";i:200;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:7920;}s:5:\"large\";a:5:{s:4:\"file\";s:30:\"hair-1761_image_1-1024x683.jpg\";s:5:\"width\";i:1024;s:6:\"height\";i:683;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:40211;}s:9:\"thumbnail\";a:5:{s:4:\"file\";s:29:\"hair-1761_image_1-150x150.jpg\";s:5:\"width\";i:150;s:6:\"height\";i:150;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:3805;}s:12:\"medium_large\";a:5:{s:4:\"file\";s:29:\"hair-1761_image_1-768x512.jpg\";s:5:\"width\";i:768;s:6:\"height\";i:512;s:9:\"mime-type\";s:10:\"image/jpeg\";s:8:\"filesize\";i:22413;}}s:10:\"image_meta\";a:0:{}}";

static int get_attachment(void *ud, long id, struct render_attachment *a)
{
	(void)ud;
	if (id != 17699)
		return PD_ENOTFOUND;
	memset(a, 0, sizeof *a);
	a->id = id;
	a->mime = "image/jpeg";
	a->file = "2026/01/hair-1761_image_1.jpg";
	a->metadata = META_17699;
	return PD_OK;
}

static char *filter(const char *in)
{
	static const struct render_source src = { .attachment = get_attachment };
	struct render_ctx ctx = { 0 };
	struct buf out = BUF_INIT;
	ctx.uploads_url = "http://HOST/wp-content/uploads";
	ctx.src = &src;
	if (media_filter_content_tags(&ctx, in, &out))
		return NULL;
	return buf_take(&out);
}

#define FILTER(in, want) do { char *g = filter(in); ASSERT_STR_EQ(g, want); free(g); } while (0)

TEST(media_tags_vectors)
{
	FILTER("<p>Image <img src=\"https://example.com/a.jpg\" width=\"600\" height=\"400\"> and iframe <iframe src=\"https://example.com/e\" width=\"560\" height=\"315\"></iframe></p>\n",
	       "<p>Image <img loading=\"lazy\" decoding=\"async\" src=\"https://example.com/a.jpg\" width=\"600\" height=\"400\"> and iframe <iframe loading=\"lazy\" src=\"https://example.com/e\" width=\"560\" height=\"315\"></iframe></p>\n");
	FILTER("<p><img src=\"https://example.com/nodims.jpg\"></p>\n",
	       "<p><img decoding=\"async\" src=\"https://example.com/nodims.jpg\"></p>\n");
	FILTER("<figure class=\"wp-block-image size-large\"><img src=\"https://example.com/x.jpg\" alt=\"\"/></figure>",
	       "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" src=\"https://example.com/x.jpg\" alt=\"\"/></figure>");
	FILTER("<img src=\"https://example.com/x.jpg\" alt=\"\" width=\"640\" height=\"480\" style=\"width:300px\"/>",
	       "<img loading=\"lazy\" decoding=\"async\" src=\"https://example.com/x.jpg\" alt=\"\" width=\"640\" height=\"480\" style=\"width:300px\"/>");
	FILTER("no tags <imgx> <img>", "no tags <imgx> <img>");
}

TEST(media_tags_seed_image_unchanged)
{
	/* the seed's image already has srcset and fetchpriority=high: WordPress adds nothing */
	const char *img = "<img fetchpriority=\"high\" decoding=\"async\" width=\"1024\" height=\"683\" src=\"http://HOST/wp-content/uploads/2026/01/hair-1761_image_1-1024x683.jpg\" alt=\"x\" class=\"wp-image-17699\" srcset=\"a 1w, b 2w\" sizes=\"(max-width: 1024px) 100vw, 1024px\" />";
	FILTER(img, img);
}

TEST(media_tags_srcset_from_metadata)
{
	FILTER("<img src=\"http://HOST/wp-content/uploads/2026/01/hair-1761_image_1-1024x683.jpg\" alt=\"\" class=\"wp-image-17699\"/>",
	       "<img loading=\"lazy\" decoding=\"async\" width=\"1024\" height=\"683\" src=\"http://HOST/wp-content/uploads/2026/01/hair-1761_image_1-1024x683.jpg\" alt=\"\" class=\"wp-image-17699\" srcset=\"http://HOST/wp-content/uploads/2026/01/hair-1761_image_1-1024x683.jpg 1024w, http://HOST/wp-content/uploads/2026/01/hair-1761_image_1-300x200.jpg 300w, http://HOST/wp-content/uploads/2026/01/hair-1761_image_1-768x512.jpg 768w, http://HOST/wp-content/uploads/2026/01/hair-1761_image_1.jpg 1200w\" sizes=\"auto, (max-width: 1024px) 100vw, 1024px\" />");
}
