/* chars.h - convert_chars() and capital_P_dangit(), two small the_content /
 * the_title filters. */
#ifndef PRESSD_CHARS_H
#define PRESSD_CHARS_H

#include "pressd/buf.h"

/* Mirrors convert_chars(): a bare '&' not starting a named entity or '&#'
 * becomes &#038;. Appends to out; PD_OK or a pd_err (out unchanged on error). */
int render_convert_chars(const char *in, struct buf *out);

/* Mirrors capital_P_dangit(). title_mode 1 (the_title, wp_title): every
 * "Wordpress" → "WordPress"; 0 (the_content ...): only after a space, '>',
 * '(', &#8216; or &#8220;. */
int render_capital_P_dangit(const char *in, int title_mode, struct buf *out);

#endif
