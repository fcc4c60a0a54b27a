/* Data-driven check of the text filters against WordPress 6.9.4's own output:
 * shared/spec/samples/render-vectors-6.9.4.json holds [input, output] pairs
 * captured from a live install. Prints the pass count per category. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "../test.h"
#include "pressd/autop.h"
#include "pressd/buf.h"
#include "pressd/err.h"
#include "pressd/render.h"
#include "pressd/texturize.h"

typedef int (*filter_fn)(const char *in, struct buf *out);

static json_t *load_vectors(void)
{
	const char *dir = test_shared_dir();
	if (!dir)
		return NULL;
	char path[512];
	snprintf(path, sizeof path, "%s/spec/samples/render-vectors-6.9.4.json", dir);
	return json_load_file(path, 0, NULL);
}

/* Runs every pair of one category; returns the number of failures and prints
 * the first few differences. */
static int check_category(json_t *root, const char *key, filter_fn fn, int *total)
{
	json_t *arr = json_object_get(root, key);
	size_t i;
	json_t *pair;
	int failed = 0, shown = 0;
	*total = (int)json_array_size(arr);
	json_array_foreach(arr, i, pair) {
		const char *in = json_string_value(json_array_get(pair, 0));
		const char *want = json_string_value(json_array_get(pair, 1));
		struct buf out = BUF_INIT;
		int rc = fn(in, &out);
		if (rc != PD_OK || strcmp(buf_str(&out), want) != 0) {
			failed++;
			if (shown++ < 6)
				fprintf(stderr, "  %s[%zu] rc=%d\n    in:   \"%s\"\n    got:  \"%s\"\n    want: \"%s\"\n",
					key, i, rc, in, buf_str(&out), want);
		}
		buf_free(&out);
	}
	printf("render vectors %-12s %d/%d pass\n", key, *total - failed, *total);
	return failed;
}

static int autop_br(const char *in, struct buf *out)
{
	return render_autop(in, 1, out);
}

static int title_plain(const char *in, struct buf *out)
{
	struct render_ctx ctx = { 0 };
	return render_title(&ctx, in, 0, out);
}

TEST(render_vectors_wptexturize)
{
	json_t *root = load_vectors();
	if (!root)
		SKIP("needs shared/spec/samples/render-vectors-6.9.4.json");
	int total, failed = check_category(root, "wptexturize", render_texturize, &total);
	json_decref(root);
	ASSERT_INT_EQ(failed, 0);
}

TEST(render_vectors_wpautop)
{
	json_t *root = load_vectors();
	if (!root)
		SKIP("needs shared/spec/samples/render-vectors-6.9.4.json");
	int total, failed = check_category(root, "wpautop", autop_br, &total);
	json_decref(root);
	ASSERT_INT_EQ(failed, 0);
}

TEST(render_vectors_the_title)
{
	json_t *root = load_vectors();
	if (!root)
		SKIP("needs shared/spec/samples/render-vectors-6.9.4.json");
	int total, failed = check_category(root, "the_title", title_plain, &total);
	json_decref(root);
	ASSERT_INT_EQ(failed, 0);
}

/* the_content and generated excerpts depend on the blocks, shortcodes and
 * media modules too; the vectors ran in one PHP process, so one ctx is shared
 * (the wpautop re-ordering quirk carries over). Reports counts, asserts nothing. */
static struct render_ctx shared_ctx = {
	.home_url = "http://127.0.0.1:8169", .site_url = "http://127.0.0.1:8169",
	.uploads_url = "http://127.0.0.1:8169/wp-content/uploads", .post_type = "post",
	.use_smilies = 1,
};

static int content_seq(const char *in, struct buf *out)
{
	return render_content(&shared_ctx, in, out);
}

static int excerpt_seq(const char *in, struct buf *out)
{
	return render_excerpt(&shared_ctx, "", in, out);
}

TEST(render_vectors_content_and_excerpt_report)
{
	json_t *root = load_vectors();
	if (!root)
		SKIP("needs shared/spec/samples/render-vectors-6.9.4.json");
	int total;
	check_category(root, "the_content", content_seq, &total);
	check_category(root, "excerpt", excerpt_seq, &total);
	json_decref(root);
}
