/* autop.h - wpautop() (double line breaks → paragraphs, single → <br />) and
 * shortcode_unautop() (unwraps a shortcode alone in its paragraph). */
#ifndef PRESSD_AUTOP_H
#define PRESSD_AUTOP_H

#include "pressd/buf.h"

/* Mirrors wpautop($text, $br): <pre> regions untouched, newlines inside tags,
 * <script>, <style>, <svg> and <math> preserved. Appends to out; PD_OK or a
 * pd_err (out unchanged on error). */
int render_autop(const char *in, int br, struct buf *out);

/* Mirrors shortcode_unautop() for core's registered shortcodes (embed
 * wp_caption caption gallery playlist audio video). */
int render_shortcode_unautop(const char *in, struct buf *out);

/* Mirrors wp_replace_in_html_tags($text, [from => to]): replaces `from` only
 * inside HTML elements and comments (wp_html_split() delimiters). */
int render_replace_in_html_tags(const char *in, const char *from, const char *to, struct buf *out);

#endif
