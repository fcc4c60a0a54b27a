/* embed.h - WP_Embed::autoembed() for the_content, as it behaves on a
 * server that cannot reach oEmbed providers (WP_HTTP_BLOCK_EXTERNAL). */
#ifndef PRESSD_EMBED_H
#define PRESSD_EMBED_H

#include "pressd/buf.h"
#include "pressd/render.h"

/* Mirrors WP_Embed::autoembed( in ) (the_content, priority 8): every URL on
 * a line of its own or alone in a paragraph goes through
 * WP_Embed::shortcode(): audio files become [audio src="…" /] (expanded by
 * do_shortcode later), youtube.com/embed/ID URLs the watch URL, anything
 * else the URL itself with &amp; undone (the oEmbed fetch fails). URLs of
 * video files are left as written ([video] is not rendered). Appends to out. */
int render_autoembed(struct render_ctx *ctx, const char *in, struct buf *out);

#endif
