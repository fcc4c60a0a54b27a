/* texturize.h - wptexturize(): curly quotes, apostrophes, primes, dashes,
 * ellipses, &#8482; and &#215;, outside tags, comments, shortcodes and the
 * no-texturize elements (pre code kbd style script tt). */
#ifndef PRESSD_TEXTURIZE_H
#define PRESSD_TEXTURIZE_H

#include "pressd/buf.h"

/* Mirrors wptexturize($text) of WordPress 6.9 with core's registered shortcodes
 * (embed wp_caption caption gallery playlist audio video) and no plugins.
 * Appends to out; PD_OK or a pd_err (out unchanged on error). */
int render_texturize(const char *in, struct buf *out);

#endif
