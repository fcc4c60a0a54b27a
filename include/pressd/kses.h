/* kses.h - WordPress's kses HTML filter (wp-includes/kses.php, 6.9.4) as pure
 * functions: what a user without the unfiltered_html capability may store.
 *
 * Every function reads a NUL-terminated byte string (borrowed), appends its
 * result to `out` and returns PD_OK or a pd_err (PD_ENOMEM, PD_ELIMIT, PD_EINVAL
 * when a pattern failed to compile); on error `out` is left as it was. All
 * functions are thread-safe: the tables are static const, the PCRE2 patterns
 * are compiled once. Input is unslashed (wp_filter_kses() strips and re-adds
 * slashes around wp_kses(); the net effect on unslashed data is wp_kses()). */
#ifndef PRESSD_KSES_H
#define PRESSD_KSES_H

#include <stddef.h>

#include "pressd/buf.h"

/* The allowed-HTML contexts of wp_kses_allowed_html(). */
enum kses_context {
	KSES_POST,        /* 'post': $allowedposttags + _wp_add_global_attributes (content_save_pre,
	                     excerpt_save_pre, content_filtered_save_pre) */
	KSES_DATA,        /* 'data' and any filter name: $allowedtags (title_save_pre,
	                     pre_comment_content for users without unfiltered_html) */
	KSES_DESCRIPTION, /* 'pre_term_description' / 'pre_user_description': $allowedtags
	                     plus <a rel target> (applied to everyone's descriptions) */
	KSES_STRIP,       /* 'strip': no tags at all (wp_filter_nohtml_kses); comments stay */
};

/* Mirrors wp_kses($in, ctx) with the 'pre_kses' filters of a stock site
 * (wp_pre_kses_less_than, wp_pre_kses_block_attributes). <object> PDFs are
 * never allowed (see kses_filter_n). */
int kses_filter(const char *in, enum kses_context ctx, struct buf *out);

/* kses_filter() of n bytes (NULs are removed, as wp_kses_no_null() does) for a
 * site whose uploads URL has host[:port] `upload_host` (e.g. "example.org" or
 * "localhost:8080"): <object data=…pdf> on that host passes
 * _wp_kses_allow_pdf_objects(). NULL allows no PDF object. */
int kses_filter_n(const char *in, size_t n, enum kses_context ctx, const char *upload_host,
		  struct buf *out);

/* Mirrors wp_kses_normalize_entities($in) ('html' context): a bare & becomes
 * &amp;, numeric references are normalised (&#00058; -> &#058;, invalid code
 * points escaped), unknown named references escaped. */
int kses_normalize_entities(const char *in, struct buf *out);
/* The '&' at s[0] (n bytes from there) as kses_normalize_entities() rewrites
 * it: appends the replacement and sets *used to the bytes of s it stands for
 * (1 for a bare '&'). html_check escapes &apos; too, as htmlspecialchars($s,
 * ENT_QUOTES, 'UTF-8', false) does after it in _wp_specialchars(). On error
 * `out` may hold part of the replacement; the caller undoes it. */
int kses_normalize_entity(const char *s, size_t n, int html_check, struct buf *out, size_t *used);

/* Mirrors wp_kses_bad_protocol($in, wp_allowed_protocols()): removes every
 * disallowed scheme (javascript:, data:, vbscript:, …) from the start of a
 * URL, seeing through entities, whitespace and case; '' when it does not settle. */
int kses_bad_protocol(const char *in, struct buf *out);

/* Mirrors safecss_filter_attr($css): keeps the declarations whose property is
 * allowed and whose value has no \ ( & } = or comment outside url()/var()/calc()…,
 * joined with ";". */
int kses_safecss_filter_attr(const char *css, struct buf *out);

#endif
