/* blocks.c - tests for server/render/block_parser.c, blocks.c and
 * block_supports.c. Expected values: PHP 8.2 running WordPress 6.9.4's
 * WP_Block_Parser (serialize() of parse()), and the 6.9.4 the_content
 * render vectors (spec/samples) for cases no other filter changes. */
#include <stdlib.h>
#include <time.h>

#include "../test.h"
#include "pressd/blocks.h"
#include "pressd/err.h"
#include "pressd/phpser.h"
#include "pressd/render.h"
#include "../../../server/render/block_tree.h"

/* serialize() of every top-level parsed block, one per line, like PHP. */
static char *parse_dump(const char *doc)
{
	struct block_doc d;
	struct block_render r = { .doc = doc };
	struct buf out = BUF_INIT;
	if (block_parse(doc, strlen(doc), &d))
		return NULL;
	for (size_t i = 0; i < d.nblocks; i++) {
		json_t *j = block_to_json(&r, d.blocks[i]);
		phpser_serialize(j, &out);
		buf_putc(&out, '\n');
		json_decref(j);
	}
	block_doc_free(&d);
	return buf_take(&out);
}

static char *render(const char *doc)
{
	struct render_ctx ctx = { 0 };
	struct buf out = BUF_INIT;
	ctx.home_url = ctx.site_url = "http://HOST";
	if (blocks_render(&ctx, doc, &out))
		return NULL;
	return buf_take(&out);
}

#define PARSE(doc, want) do { char *g = parse_dump(doc); ASSERT_STR_EQ(g, want); free(g); } while (0)
#define RENDER(doc, want) do { char *g = render(doc); ASSERT_STR_EQ(g, want); free(g); } while (0)

TEST(blocks_has_blocks)
{
	ASSERT_INT_EQ(blocks_has_blocks("x <!-- wp:p -->"), 1);
	ASSERT_INT_EQ(blocks_has_blocks("x <!--wp:p -->"), 0);
}

TEST(blocks_parse_unclosed_nested_openers)
{
	PARSE("a<!-- wp:x --><!-- wp:y -->b",
	      "a:5:{s:9:\"blockName\";s:6:\"core/y\";s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:1:\"b\";s:12:\"innerContent\";a:1:{i:0;s:1:\"b\";}}\n"
	      "a:5:{s:9:\"blockName\";N;s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:1:\"a\";s:12:\"innerContent\";a:1:{i:0;s:1:\"a\";}}\n"
	      "a:5:{s:9:\"blockName\";s:6:\"core/x\";s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:14:\"<!-- wp:y -->b\";s:12:\"innerContent\";a:1:{i:0;s:14:\"<!-- wp:y -->b\";}}\n");
}

TEST(blocks_parse_stray_closer_and_bad_delimiters)
{
	PARSE("x<!-- /wp:y -->z",
	      "a:5:{s:9:\"blockName\";N;s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:16:\"x<!-- /wp:y -->z\";s:12:\"innerContent\";a:1:{i:0;s:16:\"x<!-- /wp:y -->z\";}}\n");
	PARSE("<!-- wp:p {\"a\":1 -->t<!-- /wp:p -->",
	      "a:5:{s:9:\"blockName\";N;s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:35:\"<!-- wp:p {\"a\":1 -->t<!-- /wp:p -->\";s:12:\"innerContent\";a:1:{i:0;s:35:\"<!-- wp:p {\"a\":1 -->t<!-- /wp:p -->\";}}\n");
}

TEST(blocks_parse_void_namespace_and_php_empty)
{
	PARSE("<!-- wp:core/p {\"a\":\"}\"} /-->",
	      "a:5:{s:9:\"blockName\";s:6:\"core/p\";s:5:\"attrs\";a:1:{s:1:\"a\";s:1:\"}\";}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:0:\"\";s:12:\"innerContent\";a:0:{}}\n");
	/* PHP's empty("0"): the chunk "0" is dropped */
	PARSE("<!-- wp:g --><!-- wp:p /-->0<!-- /wp:g -->",
	      "a:5:{s:9:\"blockName\";s:6:\"core/g\";s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:1:{i:0;a:5:{s:9:\"blockName\";s:6:\"core/p\";s:5:\"attrs\";a:0:{}s:11:\"innerBlocks\";a:0:{}s:9:\"innerHTML\";s:0:\"\";s:12:\"innerContent\";a:0:{}}}s:9:\"innerHTML\";s:0:\"\";s:12:\"innerContent\";a:1:{i:0;N;}}\n");
}

/* render-vectors-6.9.4.json, the_content */
TEST(blocks_render_static_and_freeform)
{
	RENDER("Freeform before\n\n<!-- wp:paragraph -->\n<p>Block</p>\n<!-- /wp:paragraph -->\n\nFreeform after",
	       "Freeform before\n\n\n<p>Block</p>\n\n\nFreeform after");
	RENDER("<!-- wp:separator -->\n<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->\n\n<!-- wp:spacer -->\n<div style=\"height:100px\" aria-hidden=\"true\" class=\"wp-block-spacer\"></div>\n<!-- /wp:spacer -->",
	       "\n<hr class=\"wp-block-separator\"/>\n\n\n\n<div style=\"height:100px\" aria-hidden=\"true\" class=\"wp-block-spacer\"></div>\n");
	RENDER("<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->", "\n<!--more-->\n");
	RENDER("<!-- wp:footnotes /-->", "");
}

TEST(blocks_render_heading_and_list_classes)
{
	RENDER("<!-- wp:paragraph {\"align\":\"center\"} -->\n<p class=\"has-text-align-center\">Centered</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2>No class</h2>\n<!-- /wp:heading -->\n\n<!-- wp:list {\"ordered\":true} -->\n<ol><li>a</li><li>b</li></ol>\n<!-- /wp:list -->",
	       "\n<p class=\"has-text-align-center\">Centered</p>\n\n\n\n<h2 class=\"wp-block-heading\">No class</h2>\n\n\n\n<ol class=\"wp-block-list\"><li>a</li><li>b</li></ol>\n");
}

TEST(blocks_render_layout)
{
	RENDER("<!-- wp:group -->\n<div class=\"wp-block-group\"><!-- wp:paragraph -->\n<p>In group</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->",
	       "\n<div class=\"wp-block-group is-layout-flow wp-block-group-is-layout-flow\">\n<p>In group</p>\n</div>\n");
	RENDER("<!-- wp:group {\"layout\":{\"type\":\"constrained\"}} -->\n<div class=\"wp-block-group\"><!-- wp:paragraph -->\n<p>G</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->",
	       "\n<div class=\"wp-block-group has-global-padding is-layout-constrained wp-block-group-is-layout-constrained\">\n<p>G</p>\n</div>\n");
	RENDER("<!-- wp:group {\"layout\":{\"type\":\"flex\",\"flexWrap\":\"nowrap\"}} -->\n<div class=\"wp-block-group\"><!-- wp:paragraph -->\n<p>Row</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->",
	       "\n<div class=\"wp-block-group is-nowrap is-layout-flex wp-container-core-group-is-layout-6c531013 wp-block-group-is-layout-flex\">\n<p>Row</p>\n</div>\n");
	RENDER("<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Q</p>\n<!-- /wp:paragraph --><cite>Who</cite></blockquote>\n<!-- /wp:quote -->",
	       "\n<blockquote class=\"wp-block-quote is-layout-flow wp-block-quote-is-layout-flow\">\n<p>Q</p>\n<cite>Who</cite></blockquote>\n");
	RENDER("<!-- wp:details -->\n<details class=\"wp-block-details\"><summary>S</summary><!-- wp:paragraph -->\n<p>D</p>\n<!-- /wp:paragraph --></details>\n<!-- /wp:details -->",
	       "\n<details class=\"wp-block-details is-layout-flow wp-block-details-is-layout-flow\"><summary>S</summary>\n<p>D</p>\n</details>\n");
}

TEST(blocks_render_columns_hash)
{
	/* md5('[{"type":"flex","flexWrap":"nowrap"},true,null,false,"2em",null]') */
	RENDER("<!-- wp:columns -->\n<div class=\"wp-block-columns\"><!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>C1</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->",
	       "\n<div class=\"wp-block-columns is-layout-flex wp-container-core-columns-is-layout-28f84493 wp-block-columns-is-layout-flex\">\n<div class=\"wp-block-column is-layout-flow wp-block-column-is-layout-flow\">\n<p>C1</p>\n</div>\n</div>\n");
}

TEST(blocks_render_button_style_variation)
{
	/* import-6.9.4 post 24: wp_unique_id('outline--') */
	RENDER("<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button {\"className\":\"is-style-outline\"} -->\n<div class=\"wp-block-button is-style-outline\"><a class=\"wp-block-button__link wp-element-button\">Outline button</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->",
	       "\n<div class=\"wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex\">\n<div class=\"wp-block-button is-style-outline is-style-outline--1\"><a class=\"wp-block-button__link wp-element-button\">Outline button</a></div>\n</div>\n");
}

/* the_content of `unit` repeated to about n bytes (NULL on error); the
 * seconds it took in *secs. */
static char *content_of_repeats(const char *unit, size_t n, double *secs)
{
	size_t ul = strlen(unit), len = 0;
	char *in = malloc(n + 1);
	struct render_ctx ctx = { .home_url = "http://HOST", .site_url = "http://HOST", .post_type = "post" };
	struct buf out = BUF_INIT;
	struct timespec t0, t1;
	if (!in)
		return NULL;
	for (; len + ul <= n; len += ul)
		memcpy(in + len, unit, ul);
	in[len] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = render_content(&ctx, in, &out);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	free(in);
	if (rc) {
		buf_free(&out);
		return NULL;
	}
	return buf_take(&out);
}

static char *content(const char *in)
{
	double secs;
	return content_of_repeats(in, strlen(in), &secs);
}

#define CONTENT(in, want) do { char *g = content(in); ASSERT_STR_EQ(g, want); free(g); } while (0)

/* Block comment openers whose attributes never end: WP_Block_Parser's regex
 * scans to the end of the document for each (1 MB took 36 s). Small
 * versions: WordPress 6.9.4's the_content (tools/wp-render-oracle.php). */
TEST(blocks_parse_unterminated_attributes_in_linear_time)
{
	CONTENT("<!-- wp:a {\"a\":<!-- wp:a {\"a\":<!-- wp:a {\"a\":",
		"<!-- wp:a {\"a\":<!-- wp:a {\"a\":<!-- wp:a {\"a\":");
	CONTENT("<!-- wp:a {\"a\":<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --><!-- wp:a {\"a\":",
		"<!-- wp:a {\"a\":<p>x</p><!-- wp:a {\"a\":");
	/* the first opener's attributes run to the next "} /-->" */
	CONTENT("<!-- wp:a {\"a\":<!-- wp:b {\"c\":1} /-->x<!-- wp:a {\"a\":", "x<!-- wp:a {\"a\":");
	CONTENT("<!-- wp:a {\"a\":<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->}} -->y<!-- wp:a {\"a\":",
		"y<!-- wp:a {\"a\":");
	double secs;
	char *g = content_of_repeats("<!-- wp:a {\"a\":", 512 * 1024, &secs);
	ASSERT(g != NULL);
	ASSERT_INT_EQ(strlen(g), 512 * 1024 / 15 * 15); /* freeform, unchanged */
	free(g);
	ASSERT(secs < 2.0);
}

/* render_block_core_site_title() renders nothing without a site name (this
 * path leaked the escaped title). */
TEST(blocks_render_site_title_without_name)
{
	RENDER("<!-- wp:site-title /-->", "");
}

/* block_style_decl(value, prop) */
static const char *style_decl(const char *prop, const char *value)
{
	static char out[256];
	struct buf b = BUF_INIT;
	int rc = block_style_decl(&b, prop, value);
	snprintf(out, sizeof out, "%s", rc ? "(error)" : buf_str(&b));
	buf_free(&b);
	return out;
}

TEST(block_style_declaration_like_the_style_engine)
{
	/* tools/wp-render-oracle.php style_declaration against 6.9.4:
	 * WP_Style_Engine_CSS_Declarations( { prop: value } )->get_declarations_string() */
	ASSERT_STR_EQ(style_decl("color", " red "), "color:red;");
	ASSERT_STR_EQ(style_decl("aspect-ratio", "16/9\" onload=\"x"), "");
	ASSERT_STR_EQ(style_decl("font-family", "<b>Arial</b>, serif"), "font-family:Arial, serif;");
	ASSERT_STR_EQ(style_decl("padding", "1px\n\t 2px"), "padding:1px 2px;");
	ASSERT_STR_EQ(style_decl("width", "expression(alert(1))"), "");
	ASSERT_STR_EQ(style_decl("background-image", "url('http://x/a.jpg?a=1&b=2')"),
		      "background-image:url('http://x/a.jpg?a=1&b=2');");
	ASSERT_STR_EQ(style_decl("color", "var(--wp--preset--color--vivid-red)"),
		      "color:var(--wp--preset--color--vivid-red);");
	ASSERT_STR_EQ(style_decl("margin", "\v3px"), "margin:3px;");
	ASSERT_STR_EQ(style_decl("color", ""), "");
	ASSERT_STR_EQ(style_decl("not-a-property", "10px"), "");
	ASSERT_STR_EQ(style_decl("font-family", "a\v b"), "font-family:a b;");
}
