/* block_parser.c - mirrors WP_Block_Parser (6.9): block comment delimiters
 * found with WordPress's own regex (in linear time), innerContent with null placeholders, and
 * its exact recovery rules for unbalanced markup. Rendering is elsewhere. */
#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pressd/err.h"
#include "block_tree.h"

/* The exact pattern of WP_Block_Parser::next_token() (flag s), with the attrs
 * group as given: as in WordPress, and as "(*FAIL)" where no attributes can
 * follow (see next_token()). */
#define TOKEN_RE(attrs) "<!--\\s+(?P<closer>\\/)?wp:(?P<namespace>[a-z][a-z0-9_-]*\\/)?(?P<name>[a-z][a-z0-9_-]*)" \
	"\\s+(?P<attrs>" attrs ")?(?P<void>\\/)?-->"

static pthread_once_t re_once = PTHREAD_ONCE_INIT;
static pcre2_code *token_re, *token_no_attrs_re;

static pcre2_code *compile_token_re(const char *pattern)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_DOTALL, &err,
				       &off, NULL);
	if (re)
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static void compile_re(void)
{
	token_re = compile_token_re(TOKEN_RE("{(?:(?:[^}]+|}+(?=})|(?!}\\s+\\/?-->).)*+)?}\\s+"));
	token_no_attrs_re = compile_token_re(TOKEN_RE("(*FAIL)"));
}

static int is_re_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

size_t block_token_attrs_end(const char *s, size_t n)
{
	size_t end = 0;
	for (const char *p = s; (p = memchr(p, '}', (size_t)(s + n - p))); p++) {
		const char *q = p + 1;
		while (q < s + n && is_re_space(*q))
			q++;
		if (q == p + 1)
			continue;
		if (q < s + n && *q == '/')
			q++;
		if ((size_t)(s + n - q) >= 3 && memcmp(q, "-->", 3) == 0)
			end = (size_t)(q + 3 - s);
	}
	return end;
}

enum token_type { TOK_NONE, TOK_VOID, TOK_OPENER, TOK_CLOSER };

struct token {
	enum token_type type;
	char *name;       /* heap, "ns/name" */
	json_t *attrs;    /* owned; object or NULL (invalid JSON) */
	size_t start, len;
};

/* A block under construction: WP_Block_Parser_Frame. */
struct frame {
	struct block *block;
	size_t token_start, token_len;
	size_t prev_offset;
	size_t leading_html_start; /* SIZE_MAX: none */
};

struct parser {
	const char *doc;
	size_t len, offset;
	size_t attrs_end;    /* block_token_attrs_end() of doc */
	struct block_doc *out;
	struct frame *stack;
	size_t depth, cap;
	pcre2_match_data *md;
};

static void block_free(struct block *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->ninner; i++)
		block_free(b->inner[i]);
	free(b->inner);
	free(b->content);
	free(b->name);
	json_decref(b->attrs);
	free(b);
}

void block_doc_free(struct block_doc *d)
{
	for (size_t i = 0; i < d->nblocks; i++)
		block_free(d->blocks[i]);
	free(d->blocks);
	memset(d, 0, sizeof *d);
}

static struct block *block_new(char *name, json_t *attrs)
{
	struct block *b = calloc(1, sizeof *b);
	if (!b) {
		free(name);
		json_decref(attrs);
		return NULL;
	}
	b->name = name;
	b->attrs = attrs;
	return b;
}

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return PD_OK;
	size_t nc = *cap ? *cap * 2 : 8;
	void *q = realloc(*p, nc * size);
	if (!q)
		return PD_ENOMEM;
	*p = q;
	*cap = nc;
	return PD_OK;
}

static int add_chunk(struct block *b, size_t off, size_t len, int is_block)
{
	if (grow((void **)&b->content, &b->cap_content, b->ncontent, sizeof *b->content))
		return PD_ENOMEM;
	b->content[b->ncontent++] = (struct block_chunk){ off, len, is_block };
	return PD_OK;
}

static int add_output(struct parser *p, struct block *b)
{
	if (!b)
		return PD_ENOMEM;
	if (grow((void **)&p->out->blocks, &p->out->cap, p->out->nblocks, sizeof *p->out->blocks)) {
		block_free(b);
		return PD_ENOMEM;
	}
	p->out->blocks[p->out->nblocks++] = b;
	return PD_OK;
}

/* PHP's ! empty( $html ): "" and "0" count as empty. */
static int php_empty(const char *s, size_t n)
{
	return n == 0 || (n == 1 && s[0] == '0');
}

/* WP_Block_Parser::freeform(): a null-named block holding html. */
static struct block *freeform(size_t off, size_t len)
{
	struct block *b = block_new(NULL, json_object());
	if (b && add_chunk(b, off, len, 0)) {
		block_free(b);
		return NULL;
	}
	return b;
}

static void next_token(struct parser *p, struct token *t)
{
	memset(t, 0, sizeof *t);
	/* WordPress's regex scans to the end of the document for every
	 * "<!-- wp:x {" without a "} -->" after it: O(n^2) on many of them.
	 * Tokens with attributes end by attrs_end and no other token crosses it
	 * (see block_token_attrs_end()), so the full regex runs on the document
	 * cut there, where every attributes scan stops early, and the regex
	 * without attributes on the rest. */
	int rc = PCRE2_ERROR_NOMATCH;
	size_t from = p->offset;
	if (from < p->attrs_end)
		rc = pcre2_match(token_re, (PCRE2_SPTR)p->doc, p->attrs_end, from, 0, p->md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH)
		rc = pcre2_match(token_no_attrs_re, (PCRE2_SPTR)p->doc, p->len,
				 from > p->attrs_end ? from : p->attrs_end, 0, p->md, NULL);
	if (rc < 0) /* no match, or PCRE gave up: WordPress treats both as the end */
		return;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
	int closer = rc > 1 && ov[2] != PCRE2_UNSET;
	int has_ns = rc > 2 && ov[4] != PCRE2_UNSET;
	int has_attrs = rc > 4 && ov[8] != PCRE2_UNSET;
	int is_void = rc > 5 && ov[10] != PCRE2_UNSET;
	size_t nslen = has_ns ? ov[5] - ov[4] : 5;
	size_t nmlen = ov[7] - ov[6];
	char *name = malloc(nslen + nmlen + 1);
	if (!name)
		return;
	memcpy(name, has_ns ? p->doc + ov[4] : "core/", nslen);
	memcpy(name + nslen, p->doc + ov[6], nmlen);
	name[nslen + nmlen] = 0;
	t->name = name;
	t->start = ov[0];
	t->len = ov[1] - ov[0];
	if (has_attrs) {
		/* json_decode( $attrs, true ): invalid JSON gives null */
		t->attrs = json_loadb(p->doc + ov[8], ov[9] - ov[8],
				      JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
		if (t->attrs && !json_is_object(t->attrs) && !json_is_array(t->attrs)) {
			/* a scalar can't match `{…}`; keep PHP's shape anyway */
			json_decref(t->attrs);
			t->attrs = NULL;
		}
	} else {
		t->attrs = json_object();
	}
	t->type = is_void ? TOK_VOID : closer ? TOK_CLOSER : TOK_OPENER;
	if (t->type == TOK_CLOSER) {
		json_decref(t->attrs);
		t->attrs = NULL;
	}
}

static int add_freeform_rest(struct parser *p)
{
	if (p->len == p->offset)
		return PD_OK;
	return add_output(p, freeform(p->offset, p->len - p->offset));
}

/* WP_Block_Parser::add_inner_block() */
static int add_inner_block(struct parser *p, struct block *b, size_t token_start,
			   size_t token_len, size_t last_offset)
{
	struct frame *parent = &p->stack[p->depth - 1];
	struct block *pb = parent->block;
	if (grow((void **)&pb->inner, &pb->cap_inner, pb->ninner, sizeof *pb->inner)) {
		block_free(b);
		return PD_ENOMEM;
	}
	pb->inner[pb->ninner++] = b;
	size_t hl = token_start - parent->prev_offset;
	if (!php_empty(p->doc + parent->prev_offset, hl) &&
	    add_chunk(pb, parent->prev_offset, hl, 0))
		return PD_ENOMEM;
	if (add_chunk(pb, 0, 0, 1))
		return PD_ENOMEM;
	parent->prev_offset = last_offset ? last_offset : token_start + token_len;
	return PD_OK;
}

/* WP_Block_Parser::add_block_from_stack(); end == SIZE_MAX: to the end. */
static int add_block_from_stack(struct parser *p, size_t end)
{
	struct frame top = p->stack[--p->depth];
	size_t hl = (end == SIZE_MAX ? p->len : end) - top.prev_offset;
	if (!php_empty(p->doc + top.prev_offset, hl) && add_chunk(top.block, top.prev_offset, hl, 0)) {
		block_free(top.block);
		return PD_ENOMEM;
	}
	if (top.leading_html_start != SIZE_MAX) {
		int rc = add_output(p, freeform(top.leading_html_start,
						top.token_start - top.leading_html_start));
		if (rc) {
			block_free(top.block);
			return rc;
		}
	}
	return add_output(p, top.block);
}

/* WP_Block_Parser::proceed(): 1 to continue, 0 when done, <0 on error. */
static int proceed(struct parser *p)
{
	struct token t;
	int rc;
	next_token(p, &t);
	size_t leading = t.type != TOK_NONE && t.start > p->offset ? p->offset : SIZE_MAX;

	switch (t.type) {
	case TOK_NONE:
		if (p->depth == 0)
			return add_freeform_rest(p) ? PD_ENOMEM : 0;
		while (p->depth > 0)
			if ((rc = add_block_from_stack(p, SIZE_MAX)))
				return rc;
		return 0;
	case TOK_VOID: {
		struct block *b = block_new(t.name, t.attrs);
		if (!b)
			return PD_ENOMEM;
		if (p->depth == 0) {
			if (leading != SIZE_MAX &&
			    (rc = add_output(p, freeform(leading, t.start - leading)))) {
				block_free(b);
				return rc;
			}
			if ((rc = add_output(p, b)))
				return rc;
		} else if ((rc = add_inner_block(p, b, t.start, t.len, 0))) {
			return rc;
		}
		p->offset = t.start + t.len;
		return 1;
	}
	case TOK_OPENER: {
		struct block *b = block_new(t.name, t.attrs);
		if (!b || grow((void **)&p->stack, &p->cap, p->depth, sizeof *p->stack)) {
			block_free(b);
			return PD_ENOMEM;
		}
		p->stack[p->depth++] = (struct frame){ b, t.start, t.len, t.start + t.len, leading };
		p->offset = t.start + t.len;
		return 1;
	}
	case TOK_CLOSER:
		free(t.name); /* WordPress does not check that the names match */
		if (p->depth == 0)
			return add_freeform_rest(p) ? PD_ENOMEM : 0;
		if (p->depth == 1) {
			if ((rc = add_block_from_stack(p, t.start)))
				return rc;
			p->offset = t.start + t.len;
			return 1;
		}
		struct frame top = p->stack[--p->depth];
		size_t hl = t.start - top.prev_offset;
		/* here WordPress appends even an empty chunk */
		if (add_chunk(top.block, top.prev_offset, hl, 0) ||
		    (rc = add_inner_block(p, top.block, top.token_start, top.token_len, t.start + t.len))) {
			block_free(top.block);
			return PD_ENOMEM;
		}
		p->offset = t.start + t.len;
		return 1;
	}
	return 0;
}

int block_parse(const char *doc, size_t len, struct block_doc *out)
{
	struct parser p = { .doc = doc, .len = len, .out = out };
	int rc;
	memset(out, 0, sizeof *out);
	out->doc = doc;
	out->len = len;
	pthread_once(&re_once, compile_re);
	if (!token_re || !token_no_attrs_re)
		return PD_ENOMEM;
	p.attrs_end = block_token_attrs_end(doc, len);
	p.md = pcre2_match_data_create_from_pattern(token_re, NULL);
	if (!p.md)
		return PD_ENOMEM;
	while ((rc = proceed(&p)) > 0)
		;
	for (size_t i = 0; i < p.depth; i++)
		block_free(p.stack[i].block);
	free(p.stack);
	pcre2_match_data_free(p.md);
	if (rc < 0) {
		block_doc_free(out);
		return rc;
	}
	return PD_OK;
}
