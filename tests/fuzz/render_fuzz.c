/* render_fuzz.c - libFuzzer target for the whole rendering pipeline: the input
 * is rendered as post content, title, generated excerpt and explicit excerpt,
 * with a render_source that knows a few image attachments (IDs 1-9) and three
 * tags, so the block, shortcode, media-tag and tag-cloud code paths that look
 * site data up run too.
 * It checks memory safety and return codes, not WordPress fidelity (the unit
 * tests do that). See docs/fuzzing.md. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/render.h"

/* _wp_attachment_metadata of a 1024x768 JPEG with three sub-sizes, as PHP's
 * serialize() writes it. */
static const char image_meta[] =
	"a:6:{s:5:\"width\";i:1024;s:6:\"height\";i:768;s:4:\"file\";s:17:\"2026/01/photo.jpg\";"
	"s:8:\"filesize\";i:12345;s:5:\"sizes\";a:3:{s:6:\"medium\";a:5:{s:4:\"file\";"
	"s:17:\"photo-300x225.jpg\";s:5:\"width\";i:300;s:6:\"height\";i:225;s:9:\"mime-type\";"
	"s:10:\"image/jpeg\";s:8:\"filesize\";i:2345;}s:9:\"thumbnail\";a:5:{s:4:\"file\";"
	"s:17:\"photo-150x150.jpg\";s:5:\"width\";i:150;s:6:\"height\";i:150;s:9:\"mime-type\";"
	"s:10:\"image/jpeg\";s:8:\"filesize\";i:1234;}s:5:\"large\";a:5:{s:4:\"file\";"
	"s:18:\"photo-1024x768.jpg\";s:5:\"width\";i:1024;s:6:\"height\";i:768;s:9:\"mime-type\";"
	"s:10:\"image/jpeg\";s:8:\"filesize\";i:9234;}}s:10:\"image_meta\";a:2:{s:7:\"caption\";"
	"s:0:\"\";s:5:\"title\";s:0:\"\";}}";

/* IDs 1-9 are attachments of post 1; odd IDs are images with metadata,
 * even ones a PDF without. */
static int attachment(void *ud, long id, struct render_attachment *out)
{
	(void)ud;
	if (id < 1 || id > 9)
		return PD_ENOTFOUND;
	memset(out, 0, sizeof *out);
	out->id = id;
	out->parent = 1;
	out->mime = id % 2 ? "image/jpeg" : "application/pdf";
	out->guid = id % 2 ? "http://example.org/wp-content/uploads/2026/01/photo.jpg"
			   : "http://example.org/wp-content/uploads/2026/01/doc.pdf";
	out->file = id % 2 ? "2026/01/photo.jpg" : "2026/01/doc.pdf";
	out->metadata = id % 2 ? image_meta : NULL;
	out->alt = id == 3 ? "An \"alt\" & <text>" : "";
	out->title = "Photo title";
	out->caption = id == 5 ? "A caption with 'quotes' -- and [gallery]" : "";
	out->content = "Description";
	return PD_OK;
}

static int attachment_children(void *ud, long parent, const char *mime_prefix, long *ids,
			       size_t max, size_t *n)
{
	(void)ud;
	*n = 0;
	if (parent != 1)
		return PD_OK;
	for (long id = 1; id <= 9 && *n < max; id++)
		if (strncmp(id % 2 ? "image/jpeg" : "application/pdf", mime_prefix, strlen(mime_prefix)) == 0)
			ids[(*n)++] = id;
	return PD_OK;
}

static int permalink(void *ud, long id, struct buf *out)
{
	(void)ud;
	if (id < 1 || id > 9)
		return PD_ENOTFOUND;
	return buf_printf(out, "http://example.org/2026/01/01/post/attachment-%ld/", id);
}

static const char *post_meta(void *ud, long post_id, const char *key)
{
	(void)ud;
	if (post_id == 1 && strcmp(key, "footnotes") == 0)
		return "[{\"id\":\"fn-1\",\"content\":\"A <em>note<\\/em>.\"},{\"id\":\"fn-2\",\"content\":\"Two\"}]";
	return NULL;
}

/* Three tags ranked by count, for the tag cloud (names to escape, counts
 * that need thousands separators and the singular). */
static int top_terms(void *ud, const char *taxonomy, struct render_term *out, size_t max, size_t *n)
{
	static const struct render_term tags[] = {
		{ 10, 0, 12345, "Tag <b>&amp; \"quotes\"</b>", "tag-a" },
		{ 11, 0, 1, "img12", "img12" },
		{ 12, 0, 1, "IMG2", "img2" },
	};
	(void)ud;
	*n = 0;
	if (strcmp(taxonomy, "post_tag"))
		return PD_OK;
	for (size_t i = 0; i < sizeof tags / sizeof *tags && *n < max; i++)
		out[(*n)++] = tags[i];
	return PD_OK;
}

static int term_link(void *ud, long term_id, const char *taxonomy, struct buf *out)
{
	(void)ud;
	return buf_printf(out, "http://example.org/%s/%ld/", taxonomy, term_id);
}

static const struct render_source source = {
	.top_terms = top_terms,
	.term_link = term_link,
	.attachment = attachment,
	.attachment_children = attachment_children,
	.permalink = permalink,
	.post_meta = post_meta,
};

/* A pd_err other than these means a bug (PD_ELIMIT: output over its bound). */
static void check(int rc, const char *what)
{
	if (rc != PD_OK && rc != PD_ELIMIT) {
		fprintf(stderr, "%s returned %d\n", what, rc);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';

	struct render_ctx ctx = {
		.home_url = "http://example.org", .site_url = "http://example.org",
		.uploads_url = "http://example.org/wp-content/uploads", .src = &source,
		.post_id = 1, .post_type = "post", .use_smilies = 1,
	};
	struct buf out = BUF_INIT;

	/* Twice: a block post sets ctx.autop_reordered, which changes the next run. */
	for (int i = 0; i < 2; i++) {
		check(render_content(&ctx, in, &out), "render_content");
		buf_free(&out);
	}
	check(render_title(&ctx, in, 0, &out), "render_title");
	buf_free(&out);
	check(render_excerpt(&ctx, "", in, &out), "render_excerpt (generated)");
	buf_free(&out);
	check(render_excerpt(&ctx, in, "", &out), "render_excerpt (explicit)");
	buf_free(&out);
	free(in);
	return 0;
}
