/* blocks_terms.c - core/tag-cloud: wp_tag_cloud() as render_block_core_tag_cloud()
 * calls it in a REST request of WordPress 6.9.4. The top tags come from
 * ctx->src->top_terms() (MariaDB's order for equal counts), then are sorted by
 * name with strnatcasecmp() and sized by default_topic_count_scale(). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pressd/err.h"
#include "pressd/format.h"
#include "pressd/php.h"
#include "pressd/render.h"
#include "pressd/strnatcmp.h"
#include "pressd/validate.h"
#include "block_tree.h"

static const char SUP_TAG_CLOUD[] =
	"{\"html\":false,\"align\":true,\"spacing\":{\"margin\":true,\"padding\":true},"
	"\"typography\":{\"lineHeight\":true,\"__experimentalFontFamily\":true,\"__experimentalFontWeight\":true,"
	"\"__experimentalFontStyle\":true,\"__experimentalTextTransform\":true,\"__experimentalLetterSpacing\":true},"
	"\"__experimentalBorder\":{\"radius\":true,\"color\":true,\"width\":true,\"style\":true}}";

#define MAX_TAGS 100 /* numberOfTags: "maximum": 100 */

/* Attributes as WP_Block_Type::prepare_attributes_for_render() leaves them:
 * a value that fails its block.json schema is dropped for the default. */
struct cloud_args {
	const char *taxonomy;
	int show_count;
	long number;
	double smallest, largest;
	char unit[16];
};

static void cloud_args(const struct block *b, struct cloud_args *a)
{
	const json_t *v;
	double num;
	a->taxonomy = block_attr_str(b, "taxonomy", "post_tag");
	a->show_count = 0;
	v = json_object_get(b->attrs, "showTagCounts");
	if (json_is_boolean(v))
		a->show_count = json_is_true(v);
	else if (json_is_integer(v) && (json_integer_value(v) == 0 || json_integer_value(v) == 1))
		a->show_count = json_integer_value(v) == 1;
	else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		/* rest_is_boolean() accepts these; the string's PHP truthiness is used */
		if (!strcasecmp(s, "true") || !strcasecmp(s, "false") || !strcmp(s, "1"))
			a->show_count = 1;
	}
	a->number = 45;
	v = json_object_get(b->attrs, "numberOfTags");
	if (v && !json_is_boolean(v) && validate_is_numeric(v)) {
		num = json_is_string(v) ? strtod(json_string_value(v), NULL) : json_number_value(v);
		if (num >= 1 && num <= MAX_TAGS)
			a->number = (long)num; /* absint() in WP_Term_Query */
	}
	const char *small = block_attr_str(b, "smallestFontSize", "8pt");
	const char *large = block_attr_str(b, "largestFontSize", "22pt");
	/* preg_match( '/^[0-9.]+(?P<unit>[a-z%]+)$/i' ) on the smallest size */
	size_t i = strspn(small, "0123456789."), u = i;
	while (isalpha((unsigned char)small[u]) || small[u] == '%')
		u++;
	if (i && u > i && !small[u] && u - i < sizeof a->unit)
		snprintf(a->unit, sizeof a->unit, "%.*s", (int)(u - i), small + i);
	else
		strcpy(a->unit, "pt");
	a->smallest = php_floatval_str(small, strlen(small));
	a->largest = php_floatval_str(large, strlen(large));
}

static int by_name(const void *x, const void *y)
{
	const struct render_term *a = *(const struct render_term *const *)x, *b = *(const struct render_term *const *)y;
	int c = php_strnatcmp(a->name, strlen(a->name), b->name, strlen(b->name), 1);
	/* uasort() is stable in PHP 8: equal names keep the query's order */
	return c ? c : (a < b ? -1 : a > b);
}

/* wp_tag_cloud( args ) with echo false; empty when there are no tags. */
static int tag_cloud_links(struct block_render *r, const struct cloud_args *a, struct buf *out)
{
	const struct render_source *s = r->ctx->src;
	struct render_term terms[MAX_TAGS];
	const struct render_term *sorted[MAX_TAGS];
	size_t n = 0;
	int rc;
	if (!s || !s->top_terms)
		return PD_OK;
	if ((rc = s->top_terms(s->ud, a->taxonomy, terms, (size_t)a->number, &n)) || !n)
		return rc;
	for (size_t i = 0; i < n; i++)
		sorted[i] = &terms[i];
	qsort(sorted, n, sizeof *sorted, by_name);

	long scaled[MAX_TAGS], min = 0, max = 0;
	for (size_t i = 0; i < n; i++) {
		/* default_topic_count_scale() */
		scaled[i] = (long)round(log10((double)sorted[i]->count + 1) * 100);
		if (!i || scaled[i] < min)
			min = scaled[i];
		if (!i || scaled[i] > max)
			max = scaled[i];
	}
	long spread = max - min > 0 ? max - min : 1;
	double font_spread = a->largest - a->smallest;
	if (font_spread < 0)
		font_spread = 1;
	double step = font_spread / (double)spread;

	struct buf link = BUF_INIT;
	for (size_t i = 0; !rc && i < n; i++) {
		const struct render_term *t = sorted[i];
		char count[32], size[64], cls[96];
		buf_reset(&link);
		/* a term without a link makes wp_tag_cloud() return nothing */
		if (!s->term_link || s->term_link(s->ud, t->id, a->taxonomy, &link) != PD_OK) {
			buf_reset(out);
			break;
		}
		php_number_format_i18n((double)t->count, count, sizeof count);
		/* str_replace( ',', '.', $font_size ) . $unit: (string) of the float */
		php_float_str(a->smallest + (double)(scaled[i] - min) * step, size, sizeof size - sizeof a->unit);
		strcat(size, a->unit);
		snprintf(cls, sizeof cls, "tag-cloud-link tag-link-%ld tag-link-position-%zu", t->id, i + 1);
		if (i)
			buf_putc(out, '\n');
		buf_puts(out, "<a href=\"");
		format_esc_url(buf_str(&link), out);
		buf_puts(out, "\" class=\"");
		format_esc_attr(cls, out);
		buf_puts(out, "\" style=\"font-size: ");
		format_esc_attr(size, out);
		/* font sizes are floats, so 0 !== $font_spread always: the label is always there */
		buf_puts(out, ";\" aria-label=\"");
		format_esc_attr(t->name, out);
		buf_puts(out, " (");
		format_esc_attr(count, out);
		buf_puts(out, t->count == 1 ? " item" : " items");
		buf_puts(out, ")\">");
		format_esc_html(t->name, out);
		if (a->show_count)
			buf_printf(out, "<span class=\"tag-link-count\"> (%ld)</span>", t->count);
		rc = buf_puts(out, "</a>");
	}
	buf_free(&link);
	return rc;
}

/* render_block_core_tag_cloud() */
static int tag_cloud(struct block_render *r, struct block *b, struct buf *in, struct buf *out)
{
	struct cloud_args a;
	struct buf links = BUF_INIT, w = BUF_INIT;
	(void)in;
	cloud_args(b, &a);
	int rc = tag_cloud_links(r, &a, &links);
	if (!rc && !links.len) /* wp_is_serving_rest_request(): the editor's placeholder */
		rc = buf_puts(&links, "There&#8217;s no content to show here yet.");
	if (!rc)
		rc = block_wrapper_attrs(b, SUP_TAG_CLOUD, NULL, NULL, &w);
	if (!rc)
		rc = buf_printf(out, "<p %s>%s</p>", buf_str(&w), buf_str(&links));
	buf_free(&links);
	buf_free(&w);
	return rc;
}

block_cb blocks_terms_callback(const char *name)
{
	return name && !strcmp(name, "core/tag-cloud") ? tag_cloud : NULL;
}
