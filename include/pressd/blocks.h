/* blocks.h - WordPress's block layer for content.rendered: has_blocks() and
 * do_blocks() (WP_Block_Parser + render_block with the block supports and the
 * core render callbacks that post content uses). Pure functions: site data is
 * read through ctx->src only. */
#ifndef PRESSD_BLOCKS_H
#define PRESSD_BLOCKS_H

#include "pressd/buf.h"
#include "pressd/render.h"

/* Mirrors has_blocks() on a string: 1 iff raw contains "<!-- wp:". */
int blocks_has_blocks(const char *raw);

/* Mirrors do_blocks(): parses raw and appends every top-level block's
 * render_block() output to out. PD_OK, PD_ENOMEM or PD_ELIMIT. */
int blocks_render(struct render_ctx *ctx, const char *raw, struct buf *out);

#endif
