/* pipeline.c - the_title, the_content and the excerpt filter chains of
 * WordPress 6.9 (see render.h and docs/rendering.md). Not here: oEmbed
 * fetches (autoembed runs as when they fail: embed.c), prepend_attachment,
 * block hooks. */
#include <string.h>

#include "pressd/autop.h"
#include "pressd/blocks.h"
#include "pressd/chars.h"
#include "pressd/embed.h"
#include "pressd/err.h"
#include "pressd/excerpt.h"
#include "pressd/format.h"
#include "pressd/render.h"
#include "pressd/smilies.h"
#include "pressd/texturize.h"
#include "re.h"

#if __has_include("pressd/shortcodes.h")
#include "pressd/shortcodes.h"
#else
int shortcodes_do(struct render_ctx *ctx, const char *in, struct buf *out);
#endif
#include "pressd/media_tags.h"

/* Weak pass-through fallback for do_shortcode, which the blocks-and-media
 * module provides; its real definition overrides this one. Remove it once
 * server/render/shortcodes.c has landed. */
__attribute__((weak)) int shortcodes_do(struct render_ctx *ctx, const char *in, struct buf *out)
{
	(void)ctx;
	return buf_puts(out, in);
}

/* One step of a filter chain: t is replaced by the filter's output. */
static int swap(struct buf *t, struct buf *nb, int rc)
{
	if (rc == PD_OK && !nb->data)
		rc = buf_append(nb, "", 0);
	if (rc) {
		buf_free(nb);
		return rc;
	}
	buf_free(t);
	*t = *nb;
	return PD_OK;
}

#define STEP(t, call) do {                                     \
	struct buf nb_ = BUF_INIT;                              \
	nb_.max = (t)->max;                                      \
	struct buf *out_ = &nb_;                                 \
	const char *in_ = buf_str(t);                            \
	if ((rc = swap((t), &nb_, (call))))                      \
		goto out;                                        \
} while (0)

/* PHP trim(): " \t\n\r\0\x0B" at both ends. */
static int php_trim(const char *in, struct buf *out)
{
	size_t n = strlen(in);
	while (n && strchr(" \t\n\r\v", in[n - 1]))
		n--;
	while (n && strchr(" \t\n\r\v", *in))
		in++, n--;
	return buf_append(out, in, n);
}

int render_title(struct render_ctx *ctx, const char *raw, int has_password, struct buf *out)
{
	(void)ctx;
	(void)has_password;
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc = buf_puts(&t, raw);
	if (rc)
		goto out;
	STEP(&t, render_texturize(in_, out_));
	STEP(&t, render_convert_chars(in_, out_));
	STEP(&t, php_trim(in_, out_));
	STEP(&t, render_capital_P_dangit(in_, 1, out_));
	rc = buf_append(out, buf_str(&t), t.len);
out:
	buf_free(&t);
	return rc;
}

/* apply_filters('the_content') from wptexturize on (after do_blocks);
 * blocks: the content had blocks (wpautop removed for this run);
 * content_tags: 0 when wp_trim_excerpt() removed wp_filter_content_tags. */
static int content_filters(struct render_ctx *ctx, struct buf *t, int blocks, int content_tags)
{
	int rc = PD_OK;
	int late = ctx->autop_reordered;
	STEP(t, render_texturize(in_, out_));
	if (!blocks && !late)
		STEP(t, render_autop(in_, 1, out_));
	STEP(t, render_shortcode_unautop(in_, out_));
	if (!blocks && late)
		STEP(t, render_autop(in_, 1, out_));
	STEP(t, render_capital_P_dangit(in_, 0, out_));
	STEP(t, shortcodes_do(ctx, in_, out_));
	if (content_tags)
		STEP(t, media_filter_content_tags(ctx, in_, out_));
	if (ctx->use_smilies)
		STEP(t, render_convert_smilies(in_, ctx->site_url, out_));
out:
	return rc;
}

int render_content(struct render_ctx *ctx, const char *raw, struct buf *out)
{
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc = buf_puts(&t, raw);
	int blocks = blocks_has_blocks(raw);
	if (rc)
		goto out;
	STEP(&t, render_autoembed(ctx, in_, out_)); /* priority 8 */
	if (blocks) {
		STEP(&t, blocks_render(ctx, in_, out_));
	}
	if ((rc = content_filters(ctx, &t, blocks, 1)))
		goto out;
	if (blocks)
		ctx->autop_reordered = 1;
	rc = buf_append(out, buf_str(&t), t.len);
out:
	buf_free(&t);
	return rc;
}

/* get_the_content('', false, $post) in a REST request ($more = 0, page 1):
 * the first <!--nextpage--> page, cut at <!--more...-->. force_balance_tags()
 * on the teaser is not applied (the excerpt strips all tags afterwards). */
static int teaser(const char *raw, struct buf *out)
{
	struct buf c = BUF_INIT;
	int rc = buf_puts(&c, raw);
	if (rc == PD_OK && strstr(buf_str(&c), "<!--nextpage-->")) {
		const char *s = buf_str(&c);
		const char *p = strstr(s, "<!--nextpage-->");
		/* WP_Query::generate_postdata(): newlines around the marker go, and a
		 * marker at the very start is ignored */
		if ((rc = str_replace_buf(&c, "\n<!--nextpage-->\n", "<!--nextpage-->", NULL)) ||
		    (rc = str_replace_buf(&c, "\n<!--nextpage-->", "<!--nextpage-->", NULL)) ||
		    (rc = str_replace_buf(&c, "<!--nextpage-->\n", "<!--nextpage-->", NULL)) ||
		    (rc = str_replace_buf(&c, "<!-- wp:nextpage -->", "", NULL)) ||
		    (rc = str_replace_buf(&c, "<!-- /wp:nextpage -->", "", NULL)))
			goto out;
		s = buf_str(&c);
		if (strncmp(s, "<!--nextpage-->", 15) == 0)
			s += 15;
		p = strstr(s, "<!--nextpage-->");
		size_t n = p ? (size_t)(p - s) : strlen(s);
		struct buf page = BUF_INIT;
		if ((rc = buf_append(&page, s, n)) == PD_OK && !page.data)
			rc = buf_append(&page, "", 0);
		buf_free(&c);
		c = page;
		if (rc)
			goto out;
	}
	const char *s = buf_str(&c);
	const char *more = strstr(s, "<!--more");
	const char *more_end = more ? strstr(more, "-->") : NULL;
	if (more && more_end) {
		if (strstr(s, "<!-- wp:more")) {
			/* has_block('more'): drop the core/more delimiters first */
			const char *p;
			struct buf d = BUF_INIT;
			for (p = s; *p && rc == PD_OK;) {
				if (strncmp(p, "<!-- wp:more", 12) == 0 || strncmp(p, "<!-- /wp:more", 13) == 0) {
					const char *e = strstr(p, " -->");
					if (e) {
						p = e + 4;
						continue;
					}
				}
				rc = buf_putc(&d, *p++);
			}
			if (rc == PD_OK && !d.data)
				rc = buf_append(&d, "", 0);
			buf_free(&c);
			c = d;
			if (rc)
				goto out;
			s = buf_str(&c);
			more = strstr(s, "<!--more");
		}
		rc = buf_append(out, s, (size_t)(more - s));
	} else {
		rc = buf_append(out, s, c.len);
	}
out:
	buf_free(&c);
	return rc;
}

int render_excerpt(struct render_ctx *ctx, const char *raw_excerpt, const char *raw_content,
		   struct buf *out)
{
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc = PD_OK;
	const char *p = raw_excerpt ? raw_excerpt : "";
	while (*p && strchr(" \t\n\r\v", *p))
		p++;
	if (*p) {
		rc = buf_puts(&t, raw_excerpt);
		if (rc)
			goto out;
	} else {
		/* wp_trim_excerpt(): generate from the content */
		if ((rc = teaser(raw_content ? raw_content : "", &t)))
			goto out;
		if (!t.data && (rc = buf_append(&t, "", 0)))
			goto out;
		STEP(&t, format_strip_shortcodes(in_, out_));
		STEP(&t, excerpt_remove_blocks(ctx, in_, out_));
		STEP(&t, excerpt_remove_footnotes(in_, out_));
		STEP(&t, render_autoembed(ctx, in_, out_));
		/* the_content without do_blocks and wp_filter_content_tags */
		if ((rc = content_filters(ctx, &t, 0, 0)))
			goto out;
		if ((rc = str_replace_buf(&t, "]]>", "]]&gt;", NULL)))
			goto out;
		STEP(&t, format_trim_words(in_, 55, " [&hellip;]", out_));
	}
	/* the_excerpt */
	STEP(&t, render_texturize(in_, out_));
	if (ctx->use_smilies)
		STEP(&t, render_convert_smilies(in_, ctx->site_url, out_));
	STEP(&t, render_convert_chars(in_, out_));
	STEP(&t, render_autop(in_, 1, out_));
	STEP(&t, render_shortcode_unautop(in_, out_));
	STEP(&t, media_filter_content_tags(ctx, in_, out_));
	rc = buf_append(out, buf_str(&t), t.len);
out:
	buf_free(&t);
	return rc;
}
