/* tagproc.h - a small forward-only HTML tag scanner with WordPress's
 * WP_HTML_Tag_Processor editing rules (add_class, set_attribute), for the
 * block supports and the content-tags filter. Private to server/render/.
 * It does not build a DOM, decode entities or balance tags. */
#ifndef PRESSD_RENDER_TAGPROC_H
#define PRESSD_RENDER_TAGPROC_H

#include <stddef.h>

#include "pressd/buf.h"

#define TP_MAX_ATTRS 64
#define TP_MAX_EDITS 32

struct tp_attr {
	size_t name, name_len;   /* offsets into the html */
	size_t value, value_len; /* value_len 0 and value 0 when the attribute has no value */
	size_t start, end;       /* the whole attribute, from its name to after its value */
	char quote;              /* '"', '\'' or 0 (unquoted / no value) */
	int has_value;
};

struct tp_edit {
	size_t at, remove;       /* replace html[at, at+remove) */
	char *text;              /* by this (heap) */
};

struct tp {
	const char *html;        /* borrowed */
	size_t len;
	size_t pos;              /* scanning position */
	/* the current tag (after tp_next_tag returned 1) */
	size_t tag_start, name, name_len, tag_end; /* tag_end: index after '>' */
	struct tp_attr attrs[TP_MAX_ATTRS];
	int nattrs;
	struct tp_edit edits[TP_MAX_EDITS];
	int nedits;
	int failed;              /* an edit could not be recorded (ENOMEM / too many) */
};

void tp_init(struct tp *t, const char *html, size_t len);
void tp_free(struct tp *t);
/* Advances to the next opening tag (comments, closers, doctype skipped; the
 * text of script/style/textarea/title skipped). 1 if found, 0 at the end. */
int tp_next_tag(struct tp *t);
/* Case-insensitive tag name test on the current tag. */
int tp_tag_is(const struct tp *t, const char *name);
/* The current tag's first attribute called `name` (case-insensitive) or NULL. */
const struct tp_attr *tp_attr_get(const struct tp *t, const char *name);
/* Mirrors WP_HTML_Tag_Processor::add_class() on the current tag. */
int tp_add_class(struct tp *t, const char *cls);
/* Mirrors set_attribute(): replaces the value or inserts ` name="value"`
 * after the tag name, value escaped as WordPress escapes it (esc_url() for
 * URI attributes, else < > & " ' as entities); pass it decoded. */
int tp_set_attribute(struct tp *t, const char *name, const char *value);
/* Appends the html with all edits applied to out. */
int tp_get_updated_html(struct tp *t, struct buf *out);

#endif
