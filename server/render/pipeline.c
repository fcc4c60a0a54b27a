/* pipeline.c - the_title, the_content and the excerpt filter chains of
 * WordPress 6.9 (see render.h and docs/rendering.md). Not here: oEmbed
 * fetches (autoembed runs as when they fail: embed.c), prepend_attachment,
 * block hooks. */
#include <stdlib.h>
#include <limits.h>
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
#include "pressd/wpdate.h"
#include "pressd/texturize.h"
#include "re.h"

#include "pressd/shortcodes.h"
#include "pressd/media_tags.h"

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
		/* do_blocks() removes wpautop (or finds it removed by an enclosing
		 * run whose restore hook is still pending) */
		ctx->autop_removed = 1;
		STEP(&t, blocks_render(ctx, in_, out_));
	}
	if ((rc = content_filters(ctx, &t, blocks || ctx->autop_removed, 1)))
		goto out;
	rc = buf_append(out, buf_str(&t), t.len);
out:
	/* the _restore_wpautop_hook ran at priority 11: wpautop is back, late */
	if (blocks || ctx->autop_removed)
		ctx->autop_reordered = 1;
	ctx->autop_removed = 0;
	buf_free(&t);
	return rc;
}

/* "-->" and newline searches for the two regexes below, whose `.*?` does not
 * cross a newline: the next of each at or after a position, cached (the
 * positions asked about only grow), so the scans stay linear. */
struct line_scan {
	const char *s;
	size_t n;
	size_t arrow_from, arrow_at;   /* first `arrow` at or after arrow_from (n: none) */
	size_t nl_from, nl_at;         /* first '\n' at or after nl_from (n: none) */
	const char *arrow;             /* "-->" or " -->" */
};

/* The end of the first `arrow` at or after from on the same line, or 0. */
static size_t line_scan_arrow_end(struct line_scan *ls, size_t from)
{
	const char *s = ls->s;
	size_t n = ls->n, al = strlen(ls->arrow);
	if (from < ls->arrow_from || from > ls->arrow_at) {
		const char *a = from < n ? memmem(s + from, n - from, ls->arrow, al) : NULL;
		ls->arrow_from = from;
		ls->arrow_at = a ? (size_t)(a - s) : n;
	}
	if (from < ls->nl_from || from > ls->nl_at) {
		const char *l = from < n ? memchr(s + from, '\n', n - from) : NULL;
		ls->nl_from = from;
		ls->nl_at = l ? (size_t)(l - s) : n;
	}
	return ls->arrow_at < n && ls->arrow_at < ls->nl_at ? ls->arrow_at + al : 0;
}

static void line_scan_init(struct line_scan *ls, const char *s, size_t n, const char *arrow)
{
	*ls = (struct line_scan){ .s = s, .n = n, .arrow_from = 1, .arrow_at = 0,
				  .nl_from = 1, .nl_at = 0, .arrow = arrow };
}

/* preg_match('/<!--more(.*?)?-->/', s, $matches): 1 and $matches[0]'s span. */
static int find_more_tag(const char *s, size_t n, size_t *at, size_t *len)
{
	struct line_scan ls;
	line_scan_init(&ls, s, n, "-->");
	for (const char *p = s; (p = memmem(p, (size_t)(s + n - p), "<!--more", 8)); p++) {
		size_t end = line_scan_arrow_end(&ls, (size_t)(p - s) + 8);
		if (end) {
			*at = (size_t)(p - s);
			*len = end - *at;
			return 1;
		}
	}
	return 0;
}

/* preg_replace('/<!-- \/?wp:more(.*?) -->/', '', s) */
static int remove_more_delimiters(const char *s, size_t n, struct buf *out)
{
	struct line_scan ls;
	size_t copied = 0;
	int rc = PD_OK;
	line_scan_init(&ls, s, n, " -->");
	for (const char *p = s; rc == PD_OK && (p = memmem(p, (size_t)(s + n - p), "<!-- ", 5)); ) {
		size_t at = (size_t)(p - s), name = at + 5 + (p[5] == '/');
		size_t end = n - name >= 7 && memcmp(s + name, "wp:more", 7) == 0 ? line_scan_arrow_end(&ls, name + 7) : 0;
		if (!end) {
			p++;
			continue;
		}
		rc = buf_append(out, s + copied, at - copied);
		copied = end;
		p = s + end;
	}
	if (rc == PD_OK)
		rc = buf_append(out, s + copied, n - copied);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
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
	size_t tag_at, tag_len;
	if (!find_more_tag(s, c.len, &tag_at, &tag_len)) {
		rc = buf_append(out, s, c.len);
		goto out;
	}
	/* explode($matches[0], $content, 2)[0], after has_block('more') content
	 * lost its core/more delimiters (which can swallow the tag itself) */
	char *tag = strndup(s + tag_at, tag_len);
	if (!tag) {
		rc = PD_ENOMEM;
		goto out;
	}
	if (strstr(s, "<!-- wp:core/more ") || strstr(s, "<!-- wp:more ")) {
		struct buf d = BUF_INIT;
		d.max = c.max;
		if ((rc = remove_more_delimiters(s, c.len, &d))) {
			buf_free(&d);
			free(tag);
			goto out;
		}
		buf_free(&c);
		c = d;
		s = buf_str(&c);
	}
	const char *cut = strstr(s, tag);
	rc = buf_append(out, s, cut ? (size_t)(cut - s) : c.len);
	free(tag);
out:
	buf_free(&c);
	return rc;
}

int render_generate_excerpt(struct render_ctx *ctx, const char *raw_content, int words, struct buf *out)
{
	struct buf t = BUF_INIT;
	t.max = out->max;
	int rc;
	if ((rc = teaser(raw_content ? raw_content : "", &t)))
		goto out;
	if (!t.data && (rc = buf_append(&t, "", 0)))
		goto out;
	STEP(&t, format_strip_shortcodes(in_, out_));
	STEP(&t, excerpt_remove_blocks(ctx, in_, out_));
	STEP(&t, excerpt_remove_footnotes(in_, out_));
	STEP(&t, render_autoembed(ctx, in_, out_));
	/* the_content without do_blocks and wp_filter_content_tags; inside a
	 * block render the first such run finds wpautop removed and restores it */
	rc = content_filters(ctx, &t, ctx->autop_removed, 0);
	if (ctx->autop_removed) {
		ctx->autop_removed = 0;
		ctx->autop_reordered = 1;
	}
	if (rc)
		goto out;
	if ((rc = str_replace_buf(&t, "]]>", "]]&gt;", NULL)))
		goto out;
	rc = format_trim_words(buf_str(&t), words, " [&hellip;]", out);
out:
	buf_free(&t);
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
	} else {
		long long words = ctx->excerpt_length_set ? ctx->excerpt_length : 55;
		/* below -3 every length behaves alike (one piece, popped) */
		words = words > INT_MAX ? INT_MAX : words < -3 ? -3 : words;
		rc = render_generate_excerpt(ctx, raw_content, (int)words, &t);
	}
	if (rc)
		goto out;
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

void render_today(struct render_ctx *ctx, struct tm *out)
{
	if (!ctx->now)
		ctx->now = (long long)time(NULL);
	ctx->vary |= RENDER_VARY_TIME;
	time_t now = (time_t)ctx->now;
	time_t local = now + wpdate_offset_at(now); /* current_time(): the site's local now */
	gmtime_r(&local, out);
}
