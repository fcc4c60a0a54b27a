/* re.h - PHP's preg_* functions over PCRE2, for the text filters that mirror
 * WordPress regexes verbatim (internal to server/render/).
 *
 * Patterns are compiled once: a module declares its patterns as static
 * struct re and compiles them in a pthread_once routine with re_compile_all();
 * after that they are read-only and shared by all threads. Matching uses one
 * match data block per thread. Patterns are byte-oriented (no /u) unless RE_UTF. */
#ifndef PRESSD_RENDER_RE_H
#define PRESSD_RENDER_RE_H

#include <stddef.h>

#include "pressd/buf.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define RE_UTF 0x80000000u /* PHP's /u: PCRE2_UTF | PCRE2_UCP */

/* wp_spaces_regexp(), to be pasted into patterns exactly where WordPress does. */
#define RE_SPACES "[\\r\\n\\t ]|\\xC2\\xA0|&nbsp;"

/* The shortcodes a stock WordPress 6.9 registers (WP_Embed's embed, then
 * media.php's), as a regex alternation in registration order. The filters here
 * only need their names: texturize and shortcode_unautop skip them,
 * strip_shortcodes removes them. */
#define RE_CORE_SHORTCODES "embed|wp_caption|caption|gallery|playlist|audio|video"

/* The same names as an array, in that order (bit i of a shortcode mask). */
#define RE_CORE_SHORTCODE_COUNT 7
extern const char *const re_core_shortcodes[RE_CORE_SHORTCODE_COUNT];

struct re {
	const char *pattern;  /* PCRE source, without PHP's delimiters */
	unsigned flags;       /* PCRE2_CASELESS, PCRE2_DOTALL ... | RE_UTF */
	pcre2_code *code;     /* compiled (and JIT-compiled) by re_compile_all() */
};

/* Compiles n patterns; returns PD_OK or PD_EINVAL (a pattern failed to compile:
 * a programming error, the offending pattern is left NULL). */
int re_compile_all(struct re *res, size_t n);

/* preg_match($re, substr(s, start)): 1 and ov[0..2*nov) filled (absolute
 * offsets, PCRE2_UNSET for unset groups), 0 when there is no match, or a pd_err. */
int re_match(const struct re *re, const char *s, size_t n, size_t start, size_t *ov, int nov);

/* preg_replace($re, $repl, s): appends the result to out. `repl` understands
 * PHP's $N, ${N} and \N references. *count (may be NULL) gets the number of
 * replacements. */
int re_replace(const struct re *re, const char *s, size_t n, const char *repl,
	       struct buf *out, long *count);

/* preg_replace_callback(): cb appends the replacement for the match described
 * by ov (2*nov offsets into s) to out, returning PD_OK or a pd_err. */
typedef int (*re_cb)(void *ud, const char *s, const size_t *ov, int nov, struct buf *out);
int re_replace_cb(const struct re *re, const char *s, size_t n, re_cb cb, void *ud,
		  struct buf *out, long *count);

/* In-place helpers over a heap buffer: *b becomes the result. */
int re_replace_buf(const struct re *re, struct buf *b, const char *repl, long *count);
int re_replace_cb_buf(const struct re *re, struct buf *b, re_cb cb, void *ud, long *count);

/* memmem() tuned for short needles in short texts. */
const char *re_memmem(const char *s, size_t n, const char *needle, size_t nl);

/* str_replace($from, $to, $b) in place; *count (may be NULL) gets the count. */
int str_replace_buf(struct buf *b, const char *from, const char *to, long *count);

/* preg_split($re, s, -1, PREG_SPLIT_DELIM_CAPTURE [| PREG_SPLIT_NO_EMPTY]):
 * calls piece() for each piece in order; is_delim is 1 for captured delimiters
 * (group 1 of the pattern). */
typedef int (*re_piece)(void *ud, const char *p, size_t n, int is_delim);
int re_split(const struct re *re, const char *s, size_t n, int no_empty, re_piece piece, void *ud);

/* The core of get_shortcode_regex(), matched by hand in linear time:
 *   \[(names)(?![\w-])[^\]\/]*(?:\/(?!\])[^\]\/]*)*?
 *   (?:\/\]|\](?:[^\[]*+(?:\[(?!\/\2\])[^\[]*+)*+\[\/\2\])?)
 * PCRE scans to the end of the text for each '[name' with no ']' or no
 * "[/name]" after it, so many such shortcodes took O(n^2) time. The
 * attributes always run to the first ']' after the name; the content, when
 * not self-closing, to the first "[/name]" if there is one. A scan caches the
 * next ']' and the next closer of each name; it stays valid while the
 * positions asked about do not move back. */
struct re_sc_scan {
	const char *s;
	size_t n;
	unsigned mask;                            /* bit i: re_core_shortcodes[i] counts */
	size_t rb_from, rb_at;                    /* first ']' at or after rb_from: rb_at (n: none) */
	size_t cl_from[RE_CORE_SHORTCODE_COUNT];  /* likewise for "[/name]" */
	size_t cl_at[RE_CORE_SHORTCODE_COUNT];
};

/* One match at exactly `at` (s[at] == '['). */
struct re_sc_match {
	int name;             /* index into re_core_shortcodes */
	size_t name_end;      /* just after the name */
	size_t attrs_end;     /* end of the attributes: the ']' or the '/' of "/]" */
	int self_closing;     /* 1: ended by "/]" */
	size_t end;           /* just after the first ']' */
	size_t content_end;   /* where "[/name]" starts; SIZE_MAX: no closer ahead (or self-closing) */
	size_t closed_end;    /* just after "[/name]" when content_end is set */
};

void re_sc_scan_init(struct re_sc_scan *sc, const char *s, size_t n, unsigned mask);

/* 1 and *m filled if the shortcode prefix (through the first ']') matches at
 * `at`; 0 if not; -1 if there is no ']' after the name (then no later
 * position can match either). */
int re_sc_match_at(struct re_sc_scan *sc, size_t at, struct re_sc_match *m);

#endif
