/* tagproc.c - forward-only tag scanner with WP_HTML_Tag_Processor's
 * add_class()/set_attribute() output rules (see tagproc.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "tagproc.h"

void tp_init(struct tp *t, const char *html, size_t len)
{
	memset(t, 0, sizeof *t);
	t->html = html;
	t->len = len;
}

void tp_free(struct tp *t)
{
	for (int i = 0; i < t->nedits; i++)
		free(t->edits[i].text);
	t->nedits = 0;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static size_t find(const char *h, size_t len, size_t from, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = from; i + n <= len; i++)
		if (!strncasecmp(h + i, needle, n))
			return i;
	return len;
}

/* Parses the attributes of the tag whose name ends at p; returns the index
 * after '>' or len when the tag is unterminated. */
static size_t parse_attrs(struct tp *t, size_t p)
{
	const char *h = t->html;
	t->nattrs = 0;
	while (p < t->len) {
		while (p < t->len && (is_ws(h[p]) || h[p] == '/'))
			p++;
		if (p >= t->len)
			return t->len;
		if (h[p] == '>')
			return p + 1;
		struct tp_attr a = { 0 };
		a.start = a.name = p;
		p++; /* an attribute name may start with '=' */
		while (p < t->len && !is_ws(h[p]) && h[p] != '/' && h[p] != '>' && h[p] != '=')
			p++;
		a.name_len = p - a.name;
		size_t q = p;
		while (q < t->len && is_ws(h[q]))
			q++;
		if (q < t->len && h[q] == '=') {
			q++;
			while (q < t->len && is_ws(h[q]))
				q++;
			a.has_value = 1;
			if (q < t->len && (h[q] == '"' || h[q] == '\'')) {
				char quote = h[q];
				const char *e = memchr(h + q + 1, quote, t->len - q - 1);
				a.quote = quote;
				a.value = q + 1;
				a.value_len = e ? (size_t)(e - (h + q + 1)) : t->len - q - 1;
				p = e ? (size_t)(e - h) + 1 : t->len;
			} else {
				a.value = q;
				while (q < t->len && !is_ws(h[q]) && h[q] != '>')
					q++;
				a.value_len = q - a.value;
				p = q;
			}
		}
		a.end = p;
		if (t->nattrs < TP_MAX_ATTRS)
			t->attrs[t->nattrs++] = a;
	}
	return t->len;
}

int tp_next_tag(struct tp *t)
{
	const char *h = t->html;
	size_t p = t->pos;
	while (p < t->len) {
		const char *lt = memchr(h + p, '<', t->len - p);
		if (!lt)
			break;
		p = (size_t)(lt - h);
		if (p + 1 >= t->len)
			break;
		char c = h[p + 1];
		if (!strncmp(h + p, "<!--", 4) && p + 4 <= t->len) {
			size_t e = find(h, t->len, p + 4, "-->");
			p = e >= t->len ? t->len : e + 3;
			continue;
		}
		if (c == '!' || c == '?' || (c == '/' && p + 2 < t->len && isalpha((unsigned char)h[p + 2]))) {
			const char *gt = memchr(h + p, '>', t->len - p);
			p = gt ? (size_t)(gt - h) + 1 : t->len;
			continue;
		}
		if (!isalpha((unsigned char)c)) {
			p++;
			continue;
		}
		t->tag_start = p;
		t->name = p + 1;
		size_t q = p + 1;
		while (q < t->len && !is_ws(h[q]) && h[q] != '/' && h[q] != '>')
			q++;
		t->name_len = q - t->name;
		t->tag_end = parse_attrs(t, q);
		t->pos = t->tag_end;
		static const char *const rawtext[] = { "script", "style", "textarea", "title" };
		for (size_t i = 0; i < sizeof rawtext / sizeof *rawtext; i++) {
			if (tp_tag_is(t, rawtext[i])) {
				char closer[16] = "</";
				strcat(closer, rawtext[i]);
				t->pos = find(h, t->len, t->tag_end, closer);
			}
		}
		return 1;
	}
	t->pos = t->len;
	return 0;
}

int tp_tag_is(const struct tp *t, const char *name)
{
	return strlen(name) == t->name_len && !strncasecmp(t->html + t->name, name, t->name_len);
}

const struct tp_attr *tp_attr_get(const struct tp *t, const char *name)
{
	size_t n = strlen(name);
	for (int i = 0; i < t->nattrs; i++)
		if (t->attrs[i].name_len == n && !strncasecmp(t->html + t->attrs[i].name, name, n))
			return &t->attrs[i];
	return NULL;
}

/* The pending edit at `at` (an attribute rewrite or insertion), if any. */
static struct tp_edit *edit_at(struct tp *t, size_t at)
{
	for (int i = 0; i < t->nedits; i++)
		if (t->edits[i].at == at)
			return &t->edits[i];
	return NULL;
}

static int put_edit(struct tp *t, size_t at, size_t remove, char *text)
{
	struct tp_edit *e = edit_at(t, at);
	if (!text) {
		t->failed = 1;
		return PD_ENOMEM;
	}
	if (e) {
		free(e->text);
		e->remove = remove;
		e->text = text;
		return PD_OK;
	}
	if (t->nedits >= TP_MAX_EDITS) {
		free(text);
		t->failed = 1;
		return PD_ELIMIT;
	}
	t->edits[t->nedits++] = (struct tp_edit){ at, remove, text };
	return PD_OK;
}

static int has_token(const char *list, size_t n, const char *tok)
{
	size_t tn = strlen(tok), i = 0;
	while (i < n) {
		while (i < n && is_ws(list[i]))
			i++;
		size_t s = i;
		while (i < n && !is_ws(list[i]))
			i++;
		if (i - s == tn && !memcmp(list + s, tok, tn))
			return 1;
	}
	return 0;
}

int tp_add_class(struct tp *t, const char *cls)
{
	const struct tp_attr *a = tp_attr_get(t, "class");
	size_t at = a ? a->start : t->name + t->name_len;
	struct tp_edit *e = edit_at(t, at);
	struct buf v = BUF_INIT;
	int rc;

	/* current class value: an earlier add_class on this tag, or the attribute */
	if (e) {
		const char *q = strchr(e->text, '"');
		rc = buf_append(&v, q + 1, strlen(q + 1) - 1);
	} else if (a && a->has_value) {
		rc = buf_append(&v, t->html + a->value, a->value_len);
	} else {
		rc = buf_puts(&v, "");
	}
	if (rc)
		goto out;
	if (has_token(buf_str(&v), v.len, cls))
		goto out;
	/* class_name_updates_to_attributes_updates(): the existing names once
	 * each, in order, with the whitespace that preceded them (none before
	 * the first, none trailing), then the added name */
	struct buf nv = BUF_INIT;
	const char *c = buf_str(&v);
	size_t i = 0;
	while (i < v.len) {
		size_t ws = i;
		while (i < v.len && is_ws(c[i]))
			i++;
		size_t s = i;
		while (i < v.len && !is_ws(c[i]))
			i++;
		if (i == s)
			break;
		int seen = 0;
		for (size_t k = 0; k < s && !seen;) {
			while (k < s && is_ws(c[k]))
				k++;
			size_t ks = k;
			while (k < s && !is_ws(c[k]))
				k++;
			seen = k - ks == i - s && !memcmp(c + ks, c + s, i - s);
		}
		if (seen)
			continue;
		if (nv.len)
			buf_append(&nv, c + ws, s - ws);
		buf_append(&nv, c + s, i - s);
	}
	if (nv.len)
		buf_putc(&nv, ' ');
	rc = buf_puts(&nv, cls);
	buf_free(&v);
	v = nv;
	if (rc)
		goto out;
	struct buf text = BUF_INIT;
	rc = buf_printf(&text, "%sclass=\"%s\"", a ? "" : " ", buf_str(&v));
	if (!rc)
		rc = put_edit(t, at, a ? a->end - a->start : 0, buf_take(&text));
	buf_free(&text);
out:
	buf_free(&v);
	return rc;
}

/* wp_kses_uri_attributes(): set_attribute() runs their values through esc_url() */
static const char *const URI_ATTRIBUTES[] = {
	"action", "archive", "background", "cite", "classid", "codebase", "data", "formaction", "href",
	"icon", "longdesc", "manifest", "poster", "profile", "src", "usemap", "xmlns",
};

int tp_set_attribute(struct tp *t, const char *name, const char *value)
{
	const struct tp_attr *a = tp_attr_get(t, name);
	size_t at = a ? a->start : t->name + t->name_len;
	struct buf text = BUF_INIT, esc = BUF_INIT;
	int uri = 0, rc = PD_OK;
	for (size_t i = 0; i < sizeof URI_ATTRIBUTES / sizeof *URI_ATTRIBUTES; i++)
		uri |= !strcasecmp(name, URI_ATTRIBUTES[i]);
	if (uri) {
		rc = format_esc_url(value, &esc);
	} else {
		for (const char *v = value; *v && !rc; v++) {
			switch (*v) {
			case '<': rc = buf_puts(&esc, "&lt;"); break;
			case '>': rc = buf_puts(&esc, "&gt;"); break;
			case '&': rc = buf_puts(&esc, "&amp;"); break;
			case '"': rc = buf_puts(&esc, "&quot;"); break;
			case '\'': rc = buf_puts(&esc, "&apos;"); break;
			default: rc = buf_putc(&esc, *v);
			}
		}
	}
	/* an update the escaping wiped out is rejected */
	if (!rc && !esc.len && *value) {
		buf_free(&esc);
		return PD_OK;
	}
	if (!rc)
		rc = buf_printf(&text, "%s%s=\"%s\"", a ? "" : " ", name, buf_str(&esc));
	if (!rc)
		rc = put_edit(t, at, a ? a->end - a->start : 0, buf_take(&text));
	buf_free(&text);
	buf_free(&esc);
	return rc;
}

static int cmp_edit(const void *a, const void *b)
{
	const struct tp_edit *x = a, *y = b;
	return x->at < y->at ? -1 : x->at > y->at;
}

int tp_get_updated_html(struct tp *t, struct buf *out)
{
	size_t p = 0;
	int rc = PD_OK;
	qsort(t->edits, (size_t)t->nedits, sizeof *t->edits, cmp_edit);
	for (int i = 0; i < t->nedits && !rc; i++) {
		rc = buf_append(out, t->html + p, t->edits[i].at - p);
		if (!rc)
			rc = buf_puts(out, t->edits[i].text);
		p = t->edits[i].at + t->edits[i].remove;
	}
	if (!rc)
		rc = buf_append(out, t->html + p, t->len - p);
	return rc;
}
