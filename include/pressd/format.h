/* format.h - WordPress's escaping and text helpers from wp-includes/formatting.php
 * (esc_html, esc_attr, esc_url ...), byte-for-byte as WordPress 6.9 produces them.
 *
 * Every function appends its result to `out` and returns PD_OK or a pd_err
 * (PD_ENOMEM, PD_ELIMIT); on error `out` is left as it was. Inputs are
 * NUL-terminated UTF-8 strings, borrowed. All functions are thread-safe. */
#ifndef PRESSD_FORMAT_H
#define PRESSD_FORMAT_H

#include <stddef.h>

#include "pressd/buf.h"

/* Mirrors esc_html(): '' for invalid UTF-8, else _wp_specialchars($s, ENT_QUOTES):
 * & < > " ' become &amp; &lt; &gt; &quot; &#039;, but existing valid entities
 * (&amp; &copy; &#8217; &#x41; ...) are kept, not double-encoded. */
int format_esc_html(const char *s, struct buf *out);

/* Mirrors esc_attr(); in WordPress 6.9 identical to esc_html(). */
int format_esc_attr(const char *s, struct buf *out);

/* Mirrors esc_url($url) in 'display' context with the default protocols:
 * drops characters not allowed in URLs, prepends http:// to scheme-less
 * host names, & → &#038;, ' → &#039;, and yields '' for disallowed protocols
 * (javascript: ...). */
int format_esc_url(const char *url, struct buf *out);

/* Mirrors esc_url_raw() / sanitize_url(): esc_url in 'db' context (no entity
 * encoding of & and '). */
int format_esc_url_raw(const char *url, struct buf *out);

/* 1 if s (n bytes) is valid UTF-8 as PCRE's /u checks it (mirrors the test in
 * wp_check_invalid_utf8()), else 0. */
int format_utf8_valid(const char *s, size_t n);

/* Mirrors PHP's strip_tags($s) (its tag/comment/PHP-block state machine). */
int format_strip_tags(const char *s, struct buf *out);

/* Mirrors wp_strip_all_tags($s): <script>/<style> elements with their content
 * removed, then strip_tags(), then trim(). */
int format_strip_all_tags(const char *s, struct buf *out);

/* Mirrors wp_trim_words($s, num_words, more) for English ("words" count type):
 * strip all tags, split on [\n\r\t ]+, keep num_words words joined by single
 * spaces, append `more` if there were more. */
int format_trim_words(const char *s, int num_words, const char *more, struct buf *out);

/* Mirrors strip_shortcodes() for core's registered shortcodes: removes them
 * (with enclosed content), unescapes [[tag]], neutralises brackets inside
 * HTML tags first. */
int format_strip_shortcodes(const char *s, struct buf *out);

#endif
