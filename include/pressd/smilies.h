/* smilies.h - convert_smilies(): text smileys → emoji characters (and the one
 * image smiley, :mrgreen:). The caller checks option use_smilies. */
#ifndef PRESSD_SMILIES_H
#define PRESSD_SMILIES_H

#include "pressd/buf.h"

/* Mirrors convert_smilies() with smilies_init()'s default table. site_url is
 * option siteurl without trailing slash (for :mrgreen:'s image). Outside tags
 * and outside code, pre, style, script and textarea elements only. Appends to
 * out; PD_OK or a pd_err (out unchanged on error). */
int render_convert_smilies(const char *in, const char *site_url, struct buf *out);

#endif
