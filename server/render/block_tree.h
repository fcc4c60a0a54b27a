/* block_tree.h - the parsed block tree shared by the block parser, the
 * renderer and the block supports. Private to server/render/. */
#ifndef PRESSD_RENDER_BLOCK_TREE_H
#define PRESSD_RENDER_BLOCK_TREE_H

#include <stddef.h>
#include <jansson.h>

#include "pressd/buf.h"
#include "pressd/render.h"

/* One entry of WordPress's innerContent: a slice of the document, or the
 * place of the next inner block (PHP's null). */
struct block_chunk {
	size_t off, len;   /* byte range in the parsed document */
	int is_block;      /* 1: placeholder for the next inner block */
};

/* A parsed block, mirroring WP_Block_Parser_Block. */
struct block {
	char *name;                 /* "core/paragraph" (heap); NULL for freeform HTML */
	json_t *attrs;              /* owned; an object, or NULL when the JSON was invalid (PHP null) */
	struct block **inner;       /* inner blocks, owned */
	size_t ninner, cap_inner;
	struct block_chunk *content;/* innerContent */
	size_t ncontent, cap_content;
};

/* A parse result: top-level blocks over a borrowed document. */
struct block_doc {
	const char *doc;            /* the raw content, borrowed */
	size_t len;
	struct block **blocks;
	size_t nblocks, cap;
};

/* Mirrors WP_Block_Parser::parse(). PD_OK or PD_ENOMEM. */
int block_parse(const char *doc, size_t len, struct block_doc *out);
void block_doc_free(struct block_doc *d);

/* Where block comment attributes can end: just after the "-->" of the last
 * '}' followed by \s+/?--> in s, 0 when there is none. A token of
 * WP_Block_Parser::next_token()'s regex with attributes ends there or
 * before, and no token without attributes crosses it (it holds no '}'). */
size_t block_token_attrs_end(const char *s, size_t n);

/* Everything a block renderer needs: the request and the document. */
struct block_render {
	struct render_ctx *ctx;
	const char *doc;
	const struct block *query;  /* the enclosing core/query (its context), or NULL */
	int depth;                  /* nesting depth of the block being rendered */
	const struct render_comment *comment; /* the commentId context (comment template), or NULL */
	int comment_level;          /* its depth counted from its ancestors (1: top level) */
	const struct block *navigation; /* the enclosing core/navigation (its context), or NULL */
	int nav_interactive;        /* that navigation adds submenu directives (has submenus, interactive) */
	const struct block *social_links; /* the enclosing core/social-links (its context), or NULL */
};

/* render_block() of one block (render_block filters included), appended to out. */
int blocks_render_block(struct block_render *r, struct block *b, struct buf *out);

/* Renders b's innerContent with its inner blocks (WP_Block::render() of a
 * core/null copy, as core/post-template does once per post). */
int blocks_render_inner(struct block_render *r, struct block *b, struct buf *out);

/* The block as PHP's parsed-block array (blockName, attrs, innerBlocks,
 * innerHTML, innerContent): a new reference, NULL on ENOMEM. */
json_t *block_to_json(const struct block_render *r, const struct block *b);

/* Block supports (block_supports.c), each mirrors a render_block filter. */
int block_support_layout(const struct block_render *r, const struct block *b,
			 const char *html, size_t len, struct buf *out);
/* The wp-elements-… class for b, or "" when the block has no element colors. */
int block_support_elements_class(const struct block_render *r, const struct block *b,
				 char cls[64]);

/* Mirrors wp_render_block_style_variation_support_styles(): the
 * is-style-{variation}--{wp_unique_id} class for a variation with theme.json
 * data, or "" (advances the unique-id counter only when it adds one). */
int block_support_style_variation_class(struct block_render *r, const struct block *b, char cls[96]);

/* A render callback: in is the block's rendered inner content, out receives
 * the block's HTML (WordPress's $block_content). */
typedef int (*block_cb)(struct block_render *, struct block *, struct buf *, struct buf *);
struct block_callback {
	const char *name;
	block_cb cb;
};

/* The callbacks of blocks_dynamic.c (and blocks_lists.c) for name, or NULL. */
block_cb blocks_dynamic_callback(const char *name);
block_cb blocks_lists_callback(const char *name);
block_cb blocks_comments_callback(const char *name);
block_cb blocks_navigation_callback(const char *name);
block_cb blocks_social_callback(const char *name);
block_cb blocks_terms_callback(const char *name);

/* get_avatar( email, size, '', alt, class extra_class, extra_attr ) with
 * Gravatar (sha256 of the trimmed, lowercased e-mail, d=mm, r=g). */
int block_avatar_img(const char *email, long size, const char *alt, const char *extra_class,
		     const char *extra_attr, struct buf *out);

/* A block attribute: the string (dflt when absent or not a string), and
 * PHP's truthiness (dflt when absent). */
const char *block_attr_str(const struct block *b, const char *k, const char *dflt);
int block_attr_bool(const struct block *b, const char *k, int dflt);

/* Mirrors get_block_wrapper_attributes( extra ) for b, whose block.json
 * "supports" is supports_json (a static string: it is parsed once and
 * cached by its address): appends ' style="…" class="…"' without the
 * leading space (nothing when both are empty). */
int block_wrapper_attrs(const struct block *b, const char *supports_json, const char *extra_class,
			const char *extra_style, struct buf *out);

/* One declaration as the style engine compiles it (filter_declaration()):
 * value through wp_strip_all_tags( value, true ), then safecss_filter_attr(
 * "prop:value" ); appends "prop:value;" to css, or nothing when it is
 * filtered out. PD_OK or PD_ENOMEM. */
int block_style_decl(struct buf *css, const char *prop, const char *value);

/* The style engine's border classes and CSS of b's style.border and
 * borderColor, serialized or not (the avatar puts them on its <img>). */
int block_border_styles(const struct block *b, struct buf *cls, struct buf *css);

/* Adds cls to the first tag of html (WP_HTML_Tag_Processor::add_class()). */
int block_add_class_to_first(const char *html, size_t len, const char *cls, struct buf *out);

/* get_the_post_thumbnail( post, size, attr ) of attachment thumb_id inside
 * the_content (blocks_dynamic.c): cls replaces "attachment-SIZE size-SIZE"
 * when not NULL, alt the attachment's alt text, style (NULL: no attribute,
 * "" an empty one) is attr['style']. PD_ENOTFOUND without the attachment. */
int block_post_thumbnail(struct block_render *r, long thumb_id, const char *size, const char *cls, const char *alt,
			 const char *style, struct buf *out);

/* get_the_title( post ) as blocks show it (blocks_dynamic.c): the "Protected: "
 * or "Private: " prefix WordPress adds outside the REST title field, then the
 * the_title filters. */
int block_get_the_title(struct block_render *r, const struct render_post *p, struct buf *out);

/* get_the_excerpt( post ) with excerpt_length words (blocks_lists.c). */
int block_get_the_excerpt(struct block_render *r, const struct render_post *p, int words, struct buf *out);

/* add_query_arg()/remove_query_arg() on $_SERVER['REQUEST_URI']: the
 * request's path (when path is 1) and its query arguments rebuilt the PHP
 * way (urlencoded), without `remove` and with set_key=set_value (either may
 * be NULL). Appends to out. */
int block_request_url(struct render_ctx *ctx, const char *remove, const char *set_key, const char *set_value,
		      int path, struct buf *out);

/* PHP date( fmt ) of the local MySQL datetime, offset seconds east of UTC. */
int php_date(const char *fmt, const char *local, long offset, struct buf *out);

/* wp_json_encode() with PHP's default flags (escaped slashes and unicode). */
int php_json_encode(const json_t *v, struct buf *out);

#endif
