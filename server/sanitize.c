/* sanitize.c - sanitize_title() and sanitize_user() as WordPress writes them
 * (wp-includes/formatting.php), for slugs, nicenames and logins. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/buf.h"
#include "pressd/format.h"
#include "pressd/sanitize.h"

static int is_hex(char c) { return isxdigit((unsigned char)c) != 0; }

/* Replaces every occurrence of each of from[] by to, in place (to is never longer). */
static void replace_all(char *s, const char *const *from, size_t n, const char *to)
{
	size_t tl = strlen(to);
	for (size_t i = 0; i < n; i++) {
		size_t fl = strlen(from[i]);
		char *r = s, *w = s;
		while (*r) {
			if (strncmp(r, from[i], fl) == 0) {
				memcpy(w, to, tl);
				w += tl;
				r += fl;
			} else {
				*w++ = *r++;
			}
		}
		*w = '\0';
	}
}

/* s run through strip, a format.h stripper (strip_tags(),
 * wp_strip_all_tags()): a new malloc'd string, or NULL. */
static char *stripped(const char *s, int (*strip)(const char *, struct buf *))
{
	struct buf b = BUF_INIT;
	int rc = strip(s, &b);
	if (!rc && !b.data)
		rc = buf_append(&b, "", 0);
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* preg_replace('/&.+?;/', '', s): an entity-like run up to the first ';' on the line. */
static void kill_entities(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		if (*r == '&' && r[1] && r[1] != '\n') {
			char *e = r + 2;
			while (*e && *e != ';' && *e != '\n')
				e++;
			if (*e == ';') {
				r = e + 1;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static int valid_utf8(const unsigned char *s)
{
	while (*s) {
		int n = *s < 0x80 ? 0 : (*s & 0xe0) == 0xc0 ? 1 : (*s & 0xf0) == 0xe0 ? 2 :
			(*s & 0xf8) == 0xf0 ? 3 : -1;
		if (n < 0 || (n == 1 && *s < 0xc2) || (n == 3 && *s > 0xf4))
			return 0;
		s++;
		for (int i = 0; i < n; i++, s++)
			if ((*s & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* mb_strtolower() of one code point in U+0080..U+07FF (two UTF-8 bytes,
 * which it maps into the same range): Latin-1, Latin Extended-A, Greek,
 * Cyrillic and Armenian capitals; others unchanged. */
static unsigned lower_2byte(unsigned c)
{
	if ((c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3ab && c != 0x3a2) ||
	    (c >= 0x410 && c <= 0x42f))
		return c + 0x20;
	if ((c >= 0x100 && c <= 0x12f) || (c >= 0x132 && c <= 0x137) || (c >= 0x14a && c <= 0x177) ||
	    (c >= 0x460 && c <= 0x481) || (c >= 0x48a && c <= 0x4bf) || (c >= 0x4d0 && c <= 0x52f))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e) || (c >= 0x4c1 && c <= 0x4ce))
		return c & 1 ? c + 1 : c;
	if (c == 0x178)
		return 0xff;
	if (c == 0x386)
		return 0x3ac;
	if (c >= 0x388 && c <= 0x38a)
		return c + 37;
	if (c == 0x38c)
		return 0x3cc;
	if (c == 0x38e || c == 0x38f)
		return c + 63;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if (c == 0x4c0)
		return 0x4cf;
	if (c >= 0x531 && c <= 0x556)
		return c + 0x30;
	return c;
}

/* mb_strtolower( s, 'UTF-8' ) in place: ASCII and the two-byte capitals above. */
static void utf8_lower(char *str)
{
	unsigned char *s = (unsigned char *)str;
	for (; *s; s++) {
		if (*s < 0x80) {
			*s = (unsigned char)tolower(*s);
		} else if ((*s & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
			unsigned c = lower_2byte(((unsigned)(*s & 0x1f) << 6) | (s[1] & 0x3f));
			s[0] = (unsigned char)(0xc0 | (c >> 6));
			s[1] = (unsigned char)(0x80 | (c & 0x3f));
			s++;
		}
	}
}

/* utf8_uri_encode($s, 200): multibyte characters as lowercase %xx octets, the
 * result cut before it would exceed length bytes. */
static int utf8_uri_encode(const char *s, size_t length, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t ulen = 0;
	while (*p) {
		if (*p < 128) {
			if (ulen + 1 > length)
				break;
			if (buf_putc(out, (char)*p++))
				return -1;
			ulen++;
			continue;
		}
		int n = *p < 224 ? 2 : *p < 240 ? 3 : 4;
		if (ulen + (size_t)n * 3 > length)
			break;
		for (int j = 0; j < n && p[j]; j++)
			if (buf_printf(out, "%%%x", p[j]))
				return -1;
		for (int j = 0; j < n && *p; j++)
			p++;
		ulen += (size_t)n * 3;
	}
	return 0;
}

char *sanitize_title(const char *title)
{
	struct buf b = BUF_INIT;
	char *s = stripped(title, format_strip_tags), *w;
	if (!s)
		return NULL;
	/* Keep %xx octets, drop any other '%'. */
	w = s;
	for (char *r = s; *r; r++) {
		if (*r == '%' && !(is_hex(r[1]) && is_hex(r[2])))
			continue;
		*w++ = *r;
	}
	*w = '\0';
	if (valid_utf8((const unsigned char *)s)) {
		utf8_lower(s);
		if (utf8_uri_encode(s, 200, &b)) {
			free(s);
			buf_free(&b);
			return NULL;
		}
		free(s);
		s = buf_take(&b);
		if (!s)
			return NULL;
	}
	for (char *r = s; *r; r++)
		*r = (char)tolower((unsigned char)*r);

	static const char *const dashes[] = { "%c2%a0", "%e2%80%91", "%e2%80%93", "%e2%80%94",
		"&nbsp;", "&#8209;", "&#160;", "&ndash;", "&#8211;", "&mdash;", "&#8212;", "/" };
	replace_all(s, dashes, sizeof dashes / sizeof dashes[0], "-");
	static const char *const gone[] = { "%c2%ad", "%c2%a1", "%c2%bf", "%c2%ab", "%c2%bb",
		"%e2%80%b9", "%e2%80%ba", "%e2%80%98", "%e2%80%99", "%e2%80%9c", "%e2%80%9d",
		"%e2%80%9a", "%e2%80%9b", "%e2%80%9e", "%e2%80%9f", "%e2%80%a2", "%c2%a9", "%c2%ae",
		"%c2%b0", "%e2%80%a6", "%e2%84%a2", "%c2%b4", "%cb%8a", "%cc%81", "%cd%81", "%cc%80",
		"%cc%84", "%cc%8c", "%e2%80%8b", "%e2%80%8c", "%e2%80%8d", "%e2%80%8e", "%e2%80%8f",
		"%e2%80%aa", "%e2%80%ab", "%e2%80%ac", "%e2%80%ad", "%e2%80%ae", "%ef%bb%bf",
		"%ef%bf%bc" };
	replace_all(s, gone, sizeof gone / sizeof gone[0], "");
	static const char *const spaces[] = { "%e2%80%80", "%e2%80%81", "%e2%80%82", "%e2%80%83",
		"%e2%80%84", "%e2%80%85", "%e2%80%86", "%e2%80%87", "%e2%80%88", "%e2%80%89",
		"%e2%80%8a", "%e2%80%a8", "%e2%80%a9", "%e2%80%af" };
	replace_all(s, spaces, sizeof spaces / sizeof spaces[0], "-");
	static const char *const times[] = { "%c3%97" };
	replace_all(s, times, 1, "x");

	kill_entities(s);
	/* '.' -> '-', keep [%a-z0-9 _-], whitespace runs -> '-', '-' runs -> one, trim '-'. */
	w = s;
	for (char *r = s; *r; r++) {
		char c = *r == '.' ? '-' : *r;
		if (!(c == '%' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' ||
		      c == '_' || c == '-'))
			continue;
		if (c == ' ')
			c = '-';
		if (c == '-' && w > s && w[-1] == '-')
			continue;
		*w++ = c;
	}
	*w = '\0';
	while (w > s && w[-1] == '-')
		*--w = '\0';
	if (*s == '-')
		memmove(s, s + 1, strlen(s));
	return s;
}

char *sanitize_user(const char *username, int strict)
{
	char *s = stripped(username, format_strip_all_tags), *w; /* wp_strip_all_tags() */
	if (!s)
		return NULL;
	w = s;                               /* percent-encoded octets removed */
	for (char *r = s; *r; r++) {
		if (*r == '%' && is_hex(r[1]) && is_hex(r[2])) {
			r += 2;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	kill_entities(s);
	if (strict) {                        /* [^a-z0-9 _.\-@] removed, case-insensitively */
		w = s;
		for (char *r = s; *r; r++)
			if (isalnum((unsigned char)*r) || strchr(" _.-@", *r))
				*w++ = *r;
		*w = '\0';
	}
	/* trim(), then whitespace runs -> one space */
	char *start = s;
	while (*start && isspace((unsigned char)*start))
		start++;
	w = s;
	for (char *r = start; *r; r++) {
		if (isspace((unsigned char)*r)) {
			if (w > s && w[-1] == ' ')
				continue;
			*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	while (w > s && w[-1] == ' ')
		*--w = '\0';
	return s;
}
