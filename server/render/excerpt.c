/* excerpt.c - excerpt_remove_blocks() and excerpt_remove_footnotes() of
 * WordPress 6.9. Blocks are found with WP_Block_Parser's token regex; each kept
 * block is rendered by handing its source to blocks_render() (do_blocks of one
 * block's source is render_block() of that block). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/blocks.h"
#include "pressd/err.h"
#include "pressd/excerpt.h"
#include "block_tree.h"
#include "re.h"

enum { RX_TOKEN, RX_TOKEN_NO_ATTRS, RX_FOOTNOTE, RX_COUNT };

/* WP_Block_Parser::next_token()'s regex, with the attrs group as given. */
#define TOKEN_RE(attrs) "<!--\\s+(?P<closer>\\/)?wp:(?P<namespace>[a-z][a-z0-9_-]*\\/)?(?P<name>[a-z][a-z0-9_-]*)\\s+" \
	"(?P<attrs>" attrs ")?(?P<void>\\/)?-->"

static struct re rx[RX_COUNT] = {
	[RX_TOKEN] = { TOKEN_RE("{(?:(?:[^}]+|}+(?=})|(?!}\\s+\\/?-->).)*+)?}\\s+"), PCRE2_DOTALL, NULL },
	/* the same where no attributes can follow (see next_token()) */
	[RX_TOKEN_NO_ATTRS] = { TOKEN_RE("(*FAIL)"), PCRE2_DOTALL, NULL },
	[RX_FOOTNOTE] = { "<sup data-fn=\"[^\"]+\" class=\"[^\"]+\">\\s*<a href=\"[^\"]+\" id=\"[^\"]+\">\\d+</a>\\s*</sup>",
			  0, NULL },
};

static pthread_once_t rx_once = PTHREAD_ONCE_INIT;
static int rx_status;

static void rx_init(void)
{
	rx_status = re_compile_all(rx, RX_COUNT);
}

/* Nesting deeper than this fails with PD_ELIMIT, as blocks_render() does
 * past 200 levels (WordPress has no limit). */
#define MAX_DEPTH 200

struct node {
	char name[96];        /* "core/paragraph"; "" for freeform */
	size_t start, end;    /* source span (opener .. end of closer) */
	struct node *kids;    /* inner blocks, heap array */
	size_t nkids, cap;
};

static void node_free(struct node *n)
{
	for (size_t i = 0; i < n->nkids; i++)
		node_free(&n->kids[i]);
	free(n->kids);
}

static struct node *node_add(struct node *parent)
{
	if (parent->nkids == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 4;
		struct node *k = realloc(parent->kids, cap * sizeof *k);
		if (!k)
			return NULL;
		parent->kids = k;
		parent->cap = cap;
	}
	struct node *n = &parent->kids[parent->nkids++];
	memset(n, 0, sizeof *n);
	return n;
}

static int add_freeform(struct node *root, size_t start, size_t end)
{
	if (end <= start)
		return PD_OK;
	struct node *n = node_add(root);
	if (!n)
		return PD_ENOMEM;
	n->start = start;
	n->end = end;
	return PD_OK;
}

/* The next block token at or after offset, as re_match() of the token regex.
 * That regex scans to the end of the text for every "<!-- wp:x {" without a
 * closing "} -->" after it, O(n^2) on many such openers. A token with
 * attributes ends at or before `tend` (block_token_attrs_end()), and no token without
 * them crosses tend (it holds no '}'), so: before tend the full regex on the
 * text cut at tend, where every attributes scan succeeds; from tend on the
 * regex without attributes. */
static int next_token(const char *s, size_t n, size_t tend, size_t offset, size_t *ov)
{
	if (offset < tend) {
		int m = re_match(&rx[RX_TOKEN], s, tend, offset, ov, 6);
		if (m != 0)
			return m;
		offset = tend;
	}
	return re_match(&rx[RX_TOKEN_NO_ATTRS], s, n, offset, ov, 6);
}

/* Mirrors WP_Block_Parser::parse() far enough to know the top-level blocks
 * with their spans and the names and spans of their inner blocks. */
static int parse(const char *s, size_t n, struct node *root)
{
	struct node *stack[MAX_DEPTH];
	size_t depth = 0, offset = 0, ov[12], tend = block_token_attrs_end(s, n);
	for (;;) {
		int m = next_token(s, n, tend, offset, ov);
		if (m < 0)
			return m;
		if (m == 0) {
			if (depth == 0)
				return add_freeform(root, offset, n);
			/* implicit closers at the end of the document */
			while (depth)
				stack[--depth]->end = n;
			return PD_OK;
		}
		size_t ts = ov[0], te = ov[1];
		int closer = ov[2] != PCRE2_UNSET, is_void = ov[10] != PCRE2_UNSET;
		char name[96];
		size_t nl = ov[7] - ov[6];
		const char *ns = ov[4] != PCRE2_UNSET ? s + ov[4] : "core/";
		size_t nsl = ov[4] != PCRE2_UNSET ? ov[5] - ov[4] : 5;
		if (nsl + nl >= sizeof name)
			nl = sizeof name - 1 - nsl;
		memcpy(name, ns, nsl);
		memcpy(name + nsl, s + ov[6], nl);
		name[nsl + nl] = '\0';
		if (is_void || !closer) {
			struct node *parent = depth ? stack[depth - 1] : root;
			if (!depth) {
				int rc = add_freeform(root, offset, ts);
				if (rc)
					return rc;
			}
			struct node *b = node_add(parent);
			if (!b)
				return PD_ENOMEM;
			memcpy(b->name, name, sizeof name);
			b->start = ts;
			b->end = te;
			if (!is_void) {
				if (depth == MAX_DEPTH)
					return PD_ELIMIT;
				stack[depth++] = b;
			}
			offset = te;
			continue;
		}
		if (depth == 0)
			return add_freeform(root, offset, n); /* stray closer: the rest is freeform */
		stack[--depth]->end = te;
		offset = te;
	}
}

static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

/* "" stands for the freeform (null) block name. */
static const char *const allowed_inner[] = {
	"", "core/freeform", "core/heading", "core/html", "core/list", "core/media-text",
	"core/paragraph", "core/preformatted", "core/pullquote", "core/quote", "core/table",
	"core/verse", NULL,
};
static const char *const allowed_wrapper[] = { "core/columns", "core/column", "core/group", NULL };

static int allowed(const char *name)
{
	return in_list(name, allowed_inner) || in_list(name, allowed_wrapper);
}

static int render_node(struct render_ctx *ctx, const char *s, const struct node *b, struct buf *out)
{
	if (!b->name[0])
		return buf_append(out, s + b->start, b->end - b->start);
	char *src = strndup(s + b->start, b->end - b->start);
	if (!src)
		return PD_ENOMEM;
	int rc = blocks_render(ctx, src, out);
	free(src);
	return rc;
}

/* Mirrors _excerpt_render_inner_blocks(). */
static int render_inner(struct render_ctx *ctx, const char *s, const struct node *b, struct buf *out)
{
	int rc = PD_OK;
	for (size_t i = 0; i < b->nkids && rc == PD_OK; i++) {
		const struct node *k = &b->kids[i];
		if (!allowed(k->name))
			continue;
		rc = k->nkids ? render_inner(ctx, s, k, out) : render_node(ctx, s, k, out);
	}
	return rc;
}

int excerpt_remove_blocks(struct render_ctx *ctx, const char *in, struct buf *out)
{
	if (!strstr(in, "<!-- wp:"))
		return buf_puts(out, in);
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	size_t len0 = out->len;
	struct node root;
	memset(&root, 0, sizeof root);
	int rc = parse(in, strlen(in), &root);
	for (size_t i = 0; i < root.nkids && rc == PD_OK; i++) {
		const struct node *b = &root.kids[i];
		if (!allowed(b->name))
			continue;
		if (b->nkids) {
			if (in_list(b->name, allowed_wrapper)) {
				rc = render_inner(ctx, in, b, out);
				continue;
			}
			/* skip blocks with disallowed or nested inner blocks */
			int skip = 0;
			for (size_t k = 0; k < b->nkids; k++)
				if (!in_list(b->kids[k].name, allowed_inner) || b->kids[k].nkids)
					skip = 1;
			if (skip)
				continue;
		}
		rc = render_node(ctx, in, b, out);
	}
	node_free(&root);
	if (rc == PD_OK && !out->data)
		rc = buf_append(out, "", 0);
	if (rc) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	}
	return rc;
}

int excerpt_remove_footnotes(const char *in, struct buf *out)
{
	if (!strstr(in, "data-fn="))
		return buf_puts(out, in);
	pthread_once(&rx_once, rx_init);
	if (rx_status)
		return rx_status;
	size_t len0 = out->len;
	int rc = re_replace(&rx[RX_FOOTNOTE], in, strlen(in), "", out, NULL);
	if (rc) {
		out->len = len0;
		if (out->data)
			out->data[len0] = '\0';
	}
	return rc;
}
