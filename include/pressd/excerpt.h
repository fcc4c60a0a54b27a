/* excerpt.h - the block and footnote removal wp_trim_excerpt() applies before
 * generating an excerpt from post content. */
#ifndef PRESSD_EXCERPT_H
#define PRESSD_EXCERPT_H

#include "pressd/buf.h"
#include "pressd/render.h"

/* Mirrors excerpt_remove_blocks(): keeps freeform text and the allowed
 * top-level blocks (paragraph, heading, list, quote, table ...; inner blocks
 * of columns/column/group), rendered with blocks_render(); drops the rest. */
int excerpt_remove_blocks(struct render_ctx *ctx, const char *in, struct buf *out);

/* Mirrors excerpt_remove_footnotes(): drops <sup data-fn=...> footnote markers. */
int excerpt_remove_footnotes(const char *in, struct buf *out);

#endif
