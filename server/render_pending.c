/* render_pending.c - PLACEHOLDERS until server/render/pipeline.c lands on
 * main: weak render_content/render_title/render_excerpt that return the raw
 * text, so the endpoints link. The real pipeline's strong symbols replace
 * them; delete this file once it exists. */
#include "pressd/err.h"
#include "pressd/render.h"

__attribute__((weak)) int render_content(struct render_ctx *ctx, const char *raw, struct buf *out)
{
	(void)ctx;
	return buf_puts(out, raw ? raw : "");
}

__attribute__((weak)) int render_title(struct render_ctx *ctx, const char *raw, int has_password,
				       struct buf *out)
{
	(void)ctx;
	(void)has_password;
	return buf_puts(out, raw ? raw : "");
}

__attribute__((weak)) int render_excerpt(struct render_ctx *ctx, const char *raw_excerpt,
					 const char *raw_content, struct buf *out)
{
	(void)ctx;
	(void)raw_content;
	return buf_puts(out, raw_excerpt ? raw_excerpt : "");
}
