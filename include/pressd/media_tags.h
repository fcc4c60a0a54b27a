/* media_tags.h - wp_filter_content_tags() for the_content (WordPress 6.9):
 * width/height, srcset/sizes from attachment metadata, decoding/loading/
 * fetchpriority on <img>, loading on <iframe>. */
#ifndef PRESSD_MEDIA_TAGS_H
#define PRESSD_MEDIA_TAGS_H

#include "pressd/buf.h"
#include "pressd/render.h"

/* Mirrors wp_filter_content_tags( $in, 'the_content' ) in a REST request
 * (nothing is "in the loop": qualifying images are lazy-loaded). Reads
 * attachments through ctx->src->attachment; appends to out. */
int media_filter_content_tags(struct render_ctx *ctx, const char *in, struct buf *out);

/* wp_image_add_srcset_and_sizes( tag, metadata ) as wp_get_attachment_image()
 * applies it: srcset and sizes from the attachment's serialized metadata
 * (NULL: none), inserted before the tag's end. Appends the tag to out. */
int media_image_add_srcset(struct render_ctx *ctx, const char *tag, const char *metadata, struct buf *out);

#endif
