/* shortcodes.h - do_shortcode() with WordPress's shortcode grammar
 * (get_shortcode_regex, shortcode_parse_atts) and the core shortcodes. */
#ifndef PRESSD_SHORTCODES_H
#define PRESSD_SHORTCODES_H

#include "pressd/buf.h"
#include "pressd/render.h"

/* Mirrors do_shortcode( $in ) with core's registered shortcodes: caption and
 * wp_caption (HTML5 markup), embed (no network: a link, as WordPress with
 * WP_HTTP_BLOCK_EXTERNAL). gallery, audio, video and playlist are recognised
 * (so [[gallery]] unescapes) but left as written for now: see
 * docs/rendering.md. Unregistered [tags] are untouched. Appends to out. */
int shortcodes_do(struct render_ctx *ctx, const char *in, struct buf *out);

/* wp_get_attachment_image( a->id, size ) inside the_content (width, height,
 * src, class, alt; wp_filter_content_tags adds the rest). Also used by the
 * media endpoint's prepend_attachment(). Appends to out. */
int shortcodes_attachment_image(const struct render_ctx *ctx, const struct render_attachment *a,
				const char *size, struct buf *out);

#endif
